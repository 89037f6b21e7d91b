"""Document metadata that marks the imposed file as a print file, not a reading copy."""

from __future__ import annotations

from pikepdf import Dictionary, Name, Pdf, String

from leafpress.pdfua.finish import PRINT_ONLY, PURPOSE_KEY

COPIED_DOCINFO_KEYS = ("/Author", "/Creator", "/Producer", "/Keywords", "/CreationDate", "/ModDate")
"""Copied from the reading PDF when present. Dates are never invented here: the print
file has them only when the reading PDF has them, so it stays reproducible."""


def print_file_title(source: Pdf) -> str:
    """'<reading title> (print file)', or 'Print file' when the reading PDF has no title."""
    title = str(source.docinfo.get("/Title", "")).strip()
    return f"{title} (print file)" if title else "Print file"


def print_file_subject(reading_filename: str) -> str:
    """The docinfo /Subject and XMP dc:description of the print file."""
    reading = reading_filename.strip() or "the reading PDF"
    return f"Imposed print file for printing only. For reading, use {reading}."


def mark_print_only(out: Pdf, source: Pdf, reading_filename: str) -> None:
    """Fill docinfo and XMP of `out`: print-file title and purpose, no accessibility claims.

    `out` is a fresh document: it has no /StructTreeRoot, /MarkInfo or pdfuaid
    metadata, because the imposed sheets are not tagged and must not claim PDF/UA.
    """
    info: dict[str, str] = {
        "/Title": print_file_title(source),
        "/Subject": print_file_subject(reading_filename),
    }
    for key in COPIED_DOCINFO_KEYS:
        if key in source.docinfo:
            info[key] = str(source.docinfo[key])
    docinfo = Dictionary({key: String(value) for key, value in info.items()})
    docinfo[Name(PURPOSE_KEY)] = String(PRINT_ONLY)
    out.trailer.Info = out.make_indirect(docinfo)
    language = source.Root.get("/Lang")
    if language is not None:
        out.Root.Lang = String(str(language))
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp.load_from_docinfo(info, raise_failure=True)
        xmp["dc:description"] = info["/Subject"]
