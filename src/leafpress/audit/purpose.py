"""What a PDF says it is for: an imposed print file is never audited as a reading PDF."""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.finish import PRINT_ONLY, PURPOSE_KEY


def declares_print_file(pdf: pikepdf.Pdf) -> bool:
    """True when the document info says ``/LeafpressPurpose (print-only)``."""
    try:
        value = pdf.docinfo.get(PURPOSE_KEY)
    except (pikepdf.PdfError, AttributeError, TypeError, ValueError):
        return False
    return value is not None and str(value).lstrip("/") == PRINT_ONLY
