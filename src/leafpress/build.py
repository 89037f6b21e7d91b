"""The build recipe: load, select, render HTML, produce PDF, post-process, write, record deps."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path

import pikepdf
from weasyprint.document import Document

from leafpress import deps, governance, htmlrender, pdf, pdffinish
from leafpress.atomic import write_atomic
from leafpress.config import Settings
from leafpress.definitions import LoadedLeaflet
from leafpress.imposition import impose
from leafpress.library import Library
from leafpress.selection import Selection, select
from leafpress.variants import FORMATS, VARIANTS


@dataclass(frozen=True)
class BuildOptions:
    """What the user asked for, beyond the definitions themselves."""

    project_root: Path
    out: Path
    today: dt.date
    settings: Settings
    variants: tuple[str, ...] = ()
    allow_overdue: bool = False
    print_shop: bool = False
    """Impose booklets for a print shop: 3 mm bleed and crop marks."""


@dataclass(frozen=True)
class BuildResult:
    """The files one leaflet build wrote."""

    leaflet: str
    variant: str
    outputs: tuple[Path, ...]
    pages: int
    sheets: int = 0
    """Sheets of paper in the imposed print file (two sides each), 0 without one."""


def stylesheets_for(selection: Selection, variant: str, project_root: Path) -> list[Path]:
    """The variant's and the format's stylesheets, in cascade order."""
    definition = selection.leaflet.definition
    presentation = VARIANTS[variant](definition.paper)
    layout = FORMATS[definition.format](presentation.paper)
    names = [*presentation.stylesheets, layout.stylesheet]
    return [project_root / "styles" / name for name in names]


def _lay_out(selection: Selection, options: htmlrender.RenderOptions, root: Path) -> Document:
    """Render HTML and lay it out; booklets lay out again for contents and padding."""
    styles = stylesheets_for(selection, options.variant, root)
    source = selection.leaflet.path

    def attempt(render_options: htmlrender.RenderOptions) -> tuple[str, Document]:
        html = htmlrender.render_html(selection, render_options, root / "templates")
        return html, pdf.layout(html, stylesheets=styles, project_root=root, source=source)

    html, document = attempt(options)
    layout = FORMATS[selection.leaflet.definition.format](selection.leaflet.definition.paper)
    if layout.pad_to_multiple <= 1:
        return document
    # Booklets: the page count decides the contents page, then how many notes pages
    # pad the booklet to a multiple of four. Lay out again only when the HTML changes.
    options = replace(options, estimated_pages=len(document.pages))
    with_contents = htmlrender.render_html(selection, options, root / "templates")
    if with_contents != html:
        html, document = attempt(options)
    padding = -len(document.pages) % layout.pad_to_multiple
    if padding:
        options = replace(options, padding_pages=padding)
        html, document = attempt(options)
        if len(document.pages) % layout.pad_to_multiple:  # a notes page took over a page
            html, document = attempt(replace(options, blank_padding=True))
    return document


def build_variant(
    leaflet: LoadedLeaflet, library: Library, variant: str, options: BuildOptions
) -> BuildResult:
    """Build one leaflet in one variant and write its files atomically."""
    root = options.project_root
    overdue = governance.overdue_findings(leaflet, library, options.today)
    if not options.allow_overdue:
        governance.refuse_overdue(leaflet, overdue, options.today)
    under_review = bool(overdue)
    selection = select(leaflet, library)
    render_options = htmlrender.RenderOptions(
        variant=variant,
        today=options.today,
        under_review=under_review,
        contents_min_pages=options.settings.contents_min_pages,
    )
    document = _lay_out(selection, render_options, root)
    raw = pdf.write_pdf(document, source=leaflet.path)
    reading = pdffinish.finish(raw, variant=variant)
    folder = options.out / leaflet.id
    target = folder / f"{variant}.pdf"
    outputs = [target]
    imposed: bytes | None = None
    sides = 0
    definition = leaflet.definition
    if FORMATS[definition.format](VARIANTS[variant](definition.paper).paper).imposed:
        imposed, sides = _impose(reading, target.name, variant, print_shop=options.print_shop)
        outputs.append(folder / f"{variant}-print.pdf")
    with pikepdf.open(io.BytesIO(reading)) as finished:
        pages = len(finished.pages)
    write_atomic(target, reading)
    if imposed is not None:
        write_atomic(outputs[1], imposed)
    inputs = deps.inputs_of(selection, root)
    write_atomic(folder / f"{variant}.d", deps.depfile_text(outputs, inputs, root).encode())
    return BuildResult(leaflet.id, variant, tuple(outputs), pages, sides // 2)


#: The print-shop profile: bleed beyond the trim, and crop and fold marks.
PRINT_SHOP_BLEED_MM = 3.0


def _impose(
    reading: bytes, reading_name: str, variant: str, *, print_shop: bool
) -> tuple[bytes, int]:
    """The print file's bytes and its number of sheet sides."""
    bleed = PRINT_SHOP_BLEED_MM if print_shop else 0.0
    with pikepdf.open(io.BytesIO(reading)) as source:
        sheets = impose(
            source, bleed_mm=bleed, crop_marks=print_shop, reading_filename=reading_name
        )
        sheets.docinfo["/LeafpressPurpose"] = "print-only"
        sheets.docinfo["/LeafpressVariant"] = variant
        return pdffinish.save_reproducibly(sheets), len(sheets.pages)


def variants_to_build(leaflet: LoadedLeaflet, options: BuildOptions) -> list[str]:
    """The variants asked for that this leaflet offers (all of them by default)."""
    offered = leaflet.definition.variants
    return [v for v in offered if not options.variants or v in options.variants]
