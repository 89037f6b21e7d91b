"""Short descriptions of every condition the audit can report, keyed by code.

Matterhorn Protocol (PDF/UA-1) failure conditions keep their official numbers;
large-print conditions (UKAAF-style checks of leafpress's own) use ``LP-`` codes.
"""

from __future__ import annotations

from leafpress.audit.model import AUDIT_ERROR

CONDITIONS: dict[str, str] = {
    "01-003": "Artifact content inside tagged content",
    "01-004": "Tagged content inside an Artifact",
    "01-005": "Content neither tagged nor marked as an Artifact",
    "01-007": "MarkInfo /Suspects is true",
    "06-001": "No XMP metadata stream",
    "06-002": "XMP metadata lacks the PDF/UA identifier (pdfuaid:part)",
    "06-003": "XMP metadata lacks dc:title",
    "07-001": "ViewerPreferences lack DisplayDocTitle",
    "07-002": "ViewerPreferences DisplayDocTitle is false",
    "09-004": "Table structure does not follow ISO 32000-1 Table 337",
    "09-005": "List structure does not follow ISO 32000-1 Table 336",
    "09-006": "TOC structure does not follow ISO 32000-1 Table 333",
    "09-007": "Ruby structure does not follow ISO 32000-1 Table 338",
    "09-008": "Warichu structure does not follow ISO 32000-1 Table 338",
    "10-001": "Character codes cannot be mapped to Unicode",
    "11-001": "Document language missing or not a valid language tag",
    "13-004": "Figure without alternative or replacement text",
    "14-002": "First numbered heading is not H1",
    "14-003": "Numbered heading level skipped",
    "15-003": "TH without Scope in a table not organised with Headers/IDs",
    "28-008": "Page with annotations has no /Tabs",
    "28-009": "Page with annotations has /Tabs other than /S",
    "28-011": "Link annotation not nested in a Link element",
    "28-012": "Link annotation without /Contents",
    "31-009": "Font used for rendered text is not embedded",
    "31-027": "Font has no ToUnicode and no other Unicode mapping",
    "LP-001": "Large print: text smaller than 16pt",
    "LP-002": "Large print: page is not A4",
    "LP-003": "Large print: italic or slanted text",
    "LP-004": "Large print: text contrast below 4.5:1",
    AUDIT_ERROR: "A check could not finish on this file",
}
