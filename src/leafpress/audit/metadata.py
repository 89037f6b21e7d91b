"""Catalog checks: Suspects (01-007), XMP (06-00x), DisplayDocTitle (07-00x), Lang (11-001)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.model import Finding

BCP47 = re.compile(
    r"^[a-z]{2,3}(?:-[a-z]{3}){0,3}"  # language (+ extlang); 5-8 letters are unassigned
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"  # variants
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"  # extensions
    r"(?:-x(?:-[a-z0-9]{1,8})+)?$"  # private use
    r"|^x(?:-[a-z0-9]{1,8})+$",
    re.IGNORECASE,
)
"""The shape of a BCP 47 language tag (RFC 5646), without checking the registry."""


def is_language_tag(value: str) -> bool:
    """True when ``value`` looks like a well-formed BCP 47 tag, e.g. ``en-GB``."""
    return BCP47.match(value) is not None


def _is_true(value: object) -> bool:
    """True only for a PDF boolean true (pikepdf gives it as Python True)."""
    return value is True


def check_suspects(ctx: AuditContext) -> list[Finding]:
    """01-007: /MarkInfo /Suspects must not be true."""
    mark_info = ctx.pdf.Root.get("/MarkInfo")
    if isinstance(mark_info, pikepdf.Dictionary) and _is_true(mark_info.get("/Suspects")):
        return [Finding("01-007", "The MarkInfo dictionary has /Suspects true.")]
    return []


def check_xmp_metadata(ctx: AuditContext) -> list[Finding]:
    """06-001 XMP present, 06-002 pdfuaid:part present, 06-003 dc:title present."""
    stream = ctx.pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        return [Finding("06-001", "The catalog has no XMP /Metadata stream.")]
    try:
        ElementTree.fromstring(stream.read_bytes())
    except (ElementTree.ParseError, pikepdf.PdfError) as error:
        return [Finding("06-001", f"The XMP metadata stream is not well-formed XML: {error}.")]
    with ctx.pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        part = meta.get("pdfuaid:part")
        title = meta.get("dc:title")
    findings = []
    if not part or not str(part).strip():
        findings.append(
            Finding("06-002", "The XMP metadata has no PDF/UA identifier (pdfuaid:part).")
        )
    if not title or not str(title).strip():
        findings.append(Finding("06-003", "The XMP metadata has no dc:title."))
    return findings


def check_display_doc_title(ctx: AuditContext) -> list[Finding]:
    """07-001 DisplayDocTitle present; 07-002 it is not false."""
    preferences = ctx.pdf.Root.get("/ViewerPreferences")
    value = (
        preferences.get("/DisplayDocTitle") if isinstance(preferences, pikepdf.Dictionary) else None
    )
    if value is None:
        return [Finding("07-001", "The catalog's ViewerPreferences lack /DisplayDocTitle.")]
    if not _is_true(value):
        return [Finding("07-002", "ViewerPreferences /DisplayDocTitle is not true.")]
    return []


def check_document_language(ctx: AuditContext) -> list[Finding]:
    """11-001: the catalog /Lang is present and a well-formed BCP 47 tag."""
    lang = ctx.pdf.Root.get("/Lang")
    if not isinstance(lang, pikepdf.String):
        return [Finding("11-001", "The catalog has no /Lang: the document language is unknown.")]
    value = str(lang).strip()
    if not is_language_tag(value):
        return [Finding("11-001", f"The catalog /Lang {value!r} is not a BCP 47 language tag.")]
    return []
