"""What a PDF says it is for: an imposed print file is never audited as a reading PDF."""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.finish import PRINT_ONLY, PURPOSE_KEY, declared


def declares_print_file(pdf: pikepdf.Pdf) -> bool:
    """True when the document info says ``/LeafpressPurpose (print-only)``."""
    return declared(pdf, PURPOSE_KEY) == PRINT_ONLY
