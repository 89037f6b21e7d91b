"""The reading PDF: HTML laid out by WeasyPrint, then tagged for PDF/UA-1 by pdfua."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pikepdf

from leafpress.editions import Edition, Layout
from leafpress.errors import BuildError
from leafpress.outputs import checks
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.outputs.layout_plan import (
    FLOW_ON_ROUNDS,
    Plan,
    Planner,
    estimated_pages,
    measure,
)
from leafpress.outputs.naming import ReaderNames
from leafpress.pdfua.finish import finish
from leafpress.render.html import contents_least

if TYPE_CHECKING:
    from weasyprint.document import Document


#: More layouts than any plan needs (flow-on rounds, a contents probe, padding, blank pages).
MOST_LAYOUTS = FLOW_ON_ROUNDS + 5


@dataclass(frozen=True)
class LaidOut:
    """The laid-out document, and the page count of every layout it took."""

    document: Document
    layouts: tuple[int, ...]


def lay_out(job: RenderJob) -> LaidOut:
    """Lay the HTML out, and again only when a layout shows its choices were wrong.

    One plan holds every choice the page count feeds back into the HTML: short chapters
    flow on (a few rounds), long documents list contents, booklets are padded to a multiple
    of four pages. The first plan guesses the contents list from the text's length; each
    layout is measured, and the next plan corrects what it got wrong (layout_plan.py).
    """
    from leafpress.outputs import weasy

    source = job.selection.leaflet.path
    definition = job.selection.leaflet.definition
    options = job.render_options()
    planner = Planner(least=contents_least(job.layout, options), pad_to=job.layout.pad_to_multiple,
                      fixed=definition.contents)
    plain_html = job.html(options)
    plan = planner.first(estimated_pages(plain_html, job.edition, job.paper))
    made: dict[Plan, Document] = {}
    counts: list[int] = []
    with job.styles.lend(job.stylesheets(), source=source) as styles:
        for _ in range(2 * MOST_LAYOUTS):  # a revision may return to a plan laid out already
            document = made.get(plan)
            if document is None:
                planned = replace(options, contents=plan.contents, flow_on=plan.flow_on,
                                  padding_pages=plan.padding, blank_padding=plan.blank_padding)
                html = plain_html if planned == options else job.html(planned)
                document = weasy.layout(html, styles=styles, project_root=job.project_root,
                                        source=source)
                made[plan] = document
                counts.append(len(document.pages))
            revised = planner.revise(plan, measure(document))
            if revised == plan or len(counts) >= MOST_LAYOUTS:
                return LaidOut(document, tuple(counts))
            plan = revised
    return LaidOut(document, tuple(counts))


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="{edition} (PDF)",
    in_list="{edition} PDF",
    described="{Edition} PDF, to read on screen or print",
)


@dataclass(frozen=True)
class ReadingPdf:
    """The accessible, tagged PDF/UA-1 file a reader opens or prints."""

    name: str = "pdf"
    media_type: str = "application/pdf"
    reader_names: ReaderNames | None = READER_NAMES

    def filename(self, edition: Edition) -> str:
        """``standard.pdf``, ``large-print.pdf``."""
        return f"{edition.name}.pdf"

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Every leaflet has a reading PDF in every edition."""
        return True

    def render(self, job: RenderJob) -> Rendered:
        """Lay out, serialise, and apply the tagging fixes."""
        from leafpress.outputs import weasy

        try:
            document = lay_out(job).document
        except BuildError as error:
            raise BuildError(checks.located_image_problems(error.problems, job.selection)) \
                from None
        checks.check_layout(document, job.selection)
        try:
            raw = weasy.write_pdf(document, source=job.selection.leaflet.path)
        except weasy.MissingGlyphs as missing:
            problems = checks.missing_glyph_problems(job.selection, missing.characters)
            raise BuildError(problems) from None

        def refuse_foreign_fonts(pdf: pikepdf.Pdf) -> None:
            if foreign := checks.foreign_font_problems(pdf, job.selection, job.styles_dir):
                raise BuildError(foreign)

        data = finish(raw, variant=job.edition.name, inspect=refuse_foreign_fonts)
        return Rendered(self.name, job.edition.name, self.filename(job.edition),
                        self.media_type, data, len(document.pages))
