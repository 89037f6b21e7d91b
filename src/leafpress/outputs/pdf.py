"""The reading PDF: HTML laid out by WeasyPrint, then tagged for PDF/UA-1 by pdfua."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pikepdf

from leafpress.editions import Edition, Layout
from leafpress.errors import BuildError
from leafpress.outputs import checks
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.pdfua.finish import finish
from leafpress.render.pages import short_chapter_breaks

if TYPE_CHECKING:
    from weasyprint.document import Document


#: Layouts spent at most on letting short chapters flow on.
FLOW_ON_ROUNDS = 3


def lay_out(job: RenderJob) -> Document:
    """Render HTML and lay it out again only when the page count changes the HTML.

    Short chapters flow on (a few rounds); then the page count decides the contents list
    (booklets and long leaflets) and a booklet's padding to a multiple of four pages.
    """
    from leafpress.outputs import weasy

    source = job.selection.leaflet.path
    with job.styles.lend(job.stylesheets(), source=source) as styles:

        def attempt(html: str) -> Document:
            return weasy.layout(html, styles=styles, project_root=job.project_root,
                                source=source)

        options = job.render_options()
        html = job.html(options)
        document = attempt(html)
        # A chapter whose new page left the page before under a third full flows on (a
        # few rounds: flowing one chapter on moves the chapters after it).
        for _ in range(FLOW_ON_ROUNDS):
            short = short_chapter_breaks(document)
            if not short:
                break
            flow_on = options.flow_on | frozenset(short)
            if flow_on == options.flow_on:  # flowing on did not help: stop laying out
                break
            options = replace(options, flow_on=flow_on)
            html = job.html(options)
            document = attempt(html)
        # The page count decides the contents list (booklets, long leaflets), then how many
        # notes pages pad a booklet to a multiple of four. Lay out again only on a change.
        options = replace(options, estimated_pages=len(document.pages))
        with_contents = job.html(options)
        if with_contents != html:
            html = with_contents
            document = attempt(html)
        pad_to = job.layout.pad_to_multiple
        if pad_to <= 1:
            return document
        padding = -len(document.pages) % pad_to
        if padding:
            options = replace(options, padding_pages=padding)
            document = attempt(job.html(options))
            if len(document.pages) % pad_to:  # a notes page took over a page
                blank = replace(options, blank_padding=True)
                document = attempt(job.html(blank))
        return document




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
