"""Finishing a rendered PDF: tagging fixes, leafpress metadata, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable

import pikepdf

from leafpress import pdfua as postprocess

#: Document-info keys leafpress writes into every PDF it makes, which its audit reads:
#: the edition (large print is audited against UKAAF) and what the file is for.
VARIANT_KEY = "/LeafpressVariant"
PURPOSE_KEY = "/LeafpressPurpose"
FOR_READING = "reading"
PRINT_ONLY = "print-only"
"""The imposed print file: never audited as a reading PDF."""


def declared(pdf: pikepdf.Pdf, key: str) -> str | None:
    """What a leafpress key in the document info says (``print-only``), or None.

    Read defensively: the audit asks this of any PDF, however damaged its /Info.
    """
    try:
        value = pdf.docinfo.get(key)
    except (pikepdf.PdfError, AttributeError, TypeError, ValueError):
        return None
    return None if value is None else str(value).lstrip("/")


def source_date() -> dt.datetime | None:
    """The build date from SOURCE_DATE_EPOCH, or None to write no date at all."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def save_reproducibly(pdf: pikepdf.Pdf) -> bytes:
    """Serialise with no machine timestamps and a content-derived document ID."""
    moment = source_date()
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            if key in meta:
                del meta[key]
            if moment is not None:
                meta[key] = moment.isoformat()
    for key in ("/CreationDate", "/ModDate"):
        if key in pdf.docinfo:
            del pdf.docinfo[key]
        if moment is not None:
            pdf.docinfo[key] = _pdf_date(moment)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def finish(
    data: bytes, *, variant: str, purpose: str = FOR_READING,
    inspect: Callable[[pikepdf.Pdf], None] | None = None,
) -> bytes:
    """Apply leafpress's tagging fixes and metadata to WeasyPrint's output.

    ``inspect`` is first shown the output as WeasyPrint wrote it (it may raise to stop the
    build), so a check that reads the PDF does not open it a second time.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if inspect is not None:
            inspect(pdf)
        postprocess.fix_tagging(pdf)
        pdf.docinfo[VARIANT_KEY] = variant
        pdf.docinfo[PURPOSE_KEY] = purpose
        return save_reproducibly(pdf)
