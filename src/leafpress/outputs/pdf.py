"""The reading PDF: HTML laid out by WeasyPrint, then tagged for PDF/UA-1 by pdfua."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pikepdf

from leafpress.editions import Edition, Layout
from leafpress.errors import BuildError
from leafpress.outputs import checks
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.pdfua.finish import finish

if TYPE_CHECKING:
    from weasyprint.document import Document


def lay_out(job: RenderJob) -> Document:
    """Render HTML and lay it out; a booklet lays out again only to add padding pages.

    A booklet's contents page depends on its page count, and its padding (notes pages
    up to a multiple of four) on the count with the contents. The first layout assumes
    the contents page (booklets are long); the count without it is that layout's count
    less the contents' pages, so a second layout is needed only when the booklet turns
    out too short for contents, or needs padding.
    """
    from leafpress.outputs import weasy

    source = job.selection.leaflet.path
    with job.styles.lend(job.stylesheets(), source=source) as styles:

        def attempt(html: str) -> Document:
            return weasy.layout(html, styles=styles, project_root=job.project_root,
                                source=source)

        pad_to = job.layout.pad_to_multiple
        if pad_to <= 1:
            return attempt(job.html(job.render_options()))
        assumed = job.render_options(estimated_pages=job.options.contents_min_pages)
        html = job.html(assumed)
        document = attempt(html)
        without = _pages_without_contents(document)
        if without is None:  # no contents page (the definition says so): nothing to take off
            without = len(document.pages)
        options = job.render_options(estimated_pages=without)
        exact = job.html(options)
        if exact != html:
            document = attempt(exact)
        padding = -len(document.pages) % pad_to
        if padding:
            options = job.render_options(estimated_pages=without, padding_pages=padding)
            document = attempt(job.html(options))
            if len(document.pages) % pad_to:  # a notes page took over a page
                blank = job.render_options(estimated_pages=without, padding_pages=padding,
                                           blank_padding=True)
                document = attempt(job.html(blank))
        return document


#: The contents' own anchors (templates/contents.html.j2); the next anchor starts the text.
_CONTENTS_ANCHORS = frozenset({"contents", "contents-heading"})


def _pages_without_contents(document: Document) -> int | None:
    """The page count the document would have without its contents page(s).

    The contents break onto a page of their own (styles/booklet.css), so they take the
    pages from their anchor to the next page with another anchor. None if there are none.
    """
    pages = [set(page.anchors) for page in document.pages]
    start = next((i for i, names in enumerate(pages) if "contents" in names), None)
    if start is None:
        return None
    after = next((i for i in range(start + 1, len(pages)) if pages[i] - _CONTENTS_ANCHORS),
                 len(pages))
    return len(pages) - (after - start)


def page_count(data: bytes) -> int:
    """The number of pages in a PDF."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


@dataclass(frozen=True)
class ReadingPdf:
    """The accessible, tagged PDF/UA-1 file a reader opens or prints."""

    name: str = "pdf"
    media_type: str = "application/pdf"

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
            document = lay_out(job)
        except BuildError as error:
            raise BuildError(checks.located_image_problems(error.problems, job.selection)) \
                from None
        checks.check_layout(document, job.selection)
        try:
            raw = weasy.write_pdf(document, source=job.selection.leaflet.path)
        except weasy.MissingGlyphs as missing:
            problems = checks.missing_glyph_problems(job.selection, missing.characters)
            raise BuildError(problems) from None
        if foreign := checks.foreign_font_problems(raw, job.selection, job.styles_dir):
            raise BuildError(foreign)
        data = finish(raw, variant=job.edition.name)
        return Rendered(self.name, job.edition.name, self.filename(job.edition),
                        self.media_type, data, page_count(data))
