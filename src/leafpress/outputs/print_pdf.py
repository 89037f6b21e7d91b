"""The imposed print file: a booklet's reading PDF on sheets to fold and staple."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf

from leafpress.editions import Edition, Layout
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.outputs.imposition.impose import impose
from leafpress.outputs.naming import ReaderNames
from leafpress.pdfua.finish import PRINT_ONLY, PURPOSE_KEY, VARIANT_KEY, save_reproducibly

#: The print-shop profile: bleed beyond the trim, and crop and fold marks.
PRINT_SHOP_BLEED_MM = 3.0


@dataclass(frozen=True)
class PrintPdf:
    """Imposed sheets for double-sided printing; for printing only, never for reading."""

    name: str = "print-pdf"
    media_type: str = "application/pdf"
    reader_names: ReaderNames | None = None
    """The printer's file: never offered to readers."""

    def filename(self, edition: Edition) -> str:
        """``standard-print.pdf``, ``large-print-print.pdf``."""
        return f"{edition.name}-print.pdf"

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Only layouts that are folded and stapled are imposed."""
        return layout.imposed

    def render(self, job: RenderJob) -> Rendered:
        """Impose the job's reading PDF (made once per job)."""
        reading = job.output("pdf")
        print_shop = job.options.print_shop
        bleed = PRINT_SHOP_BLEED_MM if print_shop else 0.0
        with pikepdf.open(io.BytesIO(reading.data)) as source:
            definition = job.selection.leaflet.definition
            edition = (job.edition.label or "standard print").lower()
            slug = (f"{definition.product_code} {definition.title} | {edition} | "
                    f"version {definition.version}")
            sheets = impose(source, bleed_mm=bleed, crop_marks=print_shop,
                            reading_filename=reading.filename, slug=slug)
            sheets.docinfo[PURPOSE_KEY] = PRINT_ONLY
            sheets.docinfo[VARIANT_KEY] = job.edition.name
            data = save_reproducibly(sheets)
            sides = len(sheets.pages)
        return Rendered(self.name, job.edition.name, self.filename(job.edition),
                        self.media_type, data, reading.pages, sides // 2)
