"""The page-validation engine's PDF/UA-1 rules: Matterhorn condition and plain-English meaning.

page-validation names its rules (``PDFUA1-…``); leafpress reports Matterhorn Protocol 1.1
failure conditions. Each rule maps to the condition it tests and one sentence saying, in
plain words, what is wrong and what to do. Rules it may add later fall back to FALLBACK.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """What one engine rule means for a reader of the report."""

    condition: str
    explanation: str


FALLBACK = Rule("PDF/UA-1", "The file breaks a PDF/UA-1 requirement (see the detail).")
"""For a rule this table does not know yet: still a failure, reported with its own text."""

_LANG = "Give it a /Lang (or set one on the catalog or an enclosing element)."

RULES: dict[str, Rule] = {
    # Version identification and metadata (ISO 14289-1 clause 5, 7.1)
    "PDFUA1-HEADER-001": Rule("PDF/UA-1", "The file does not start with a valid PDF header."),
    "PDFUA1-ID-SCHEMA-001": Rule(
        "06-002", "The XMP metadata does not say the file is PDF/UA (no pdfuaid schema)."
    ),
    "PDFUA1-ID-PART-001": Rule(
        "06-002", "The XMP metadata must say pdfuaid:part is 1, exactly once."
    ),
    "PDFUA1-ID-PART-PREFIX-001": Rule(
        "06-002", "The PDF/UA part is declared under a prefix other than pdfuaid."
    ),
    "PDFUA1-ID-AMD-PREFIX-001": Rule(
        "06-002", "The PDF/UA amendment is declared under a prefix other than pdfuaid."
    ),
    "PDFUA1-ID-CORR-PREFIX-001": Rule(
        "06-002", "The PDF/UA corrigendum is declared under a prefix other than pdfuaid."
    ),
    "PDFUA1-METADATA-STRUCTURE-001": Rule(
        "06-001", "The catalog has no usable XMP metadata stream (Type Metadata, Subtype XML)."
    ),
    "PDFUA1-METADATA-TITLE-001": Rule(
        "06-003", "The XMP metadata has no document title (dc:title)."
    ),
    "PDFUA1-METADATA-LANGUAGE-001": Rule(
        "11-006", f"The language of the document metadata cannot be told. {_LANG}"
    ),
    "PDFUA1-VIEWER-PREFERENCES-001": Rule(
        "07-001", "Viewers are not told to show the title: set DisplayDocTitle true."
    ),
    # Tagging and real content (7.1)
    "PDFUA1-TAGGED-DOCUMENT-001": Rule(
        "01-005", "The file is not marked as tagged (MarkInfo /Marked is not true)."
    ),
    "PDFUA1-STRUCT-TREE-ROOT-001": Rule(
        "01-005", "The file has no structure tree, so none of its content is tagged."
    ),
    "PDFUA1-SUSPECTS-001": Rule(
        "01-007", "The file says its tags may be wrong (MarkInfo /Suspects is true)."
    ),
    "PDFUA1-CONTENT-TAGGING-001": Rule(
        "01-005", "Some content is neither tagged nor marked as an Artifact."
    ),
    "PDFUA1-ARTIFACT-NESTED-001": Rule(
        "01-003", "An Artifact sits inside tagged content; decorations must stay outside it."
    ),
    "PDFUA1-TAGGED-CONTENT-INSIDE-ARTIFACT-001": Rule(
        "01-004", "Tagged content sits inside an Artifact, so assistive technology skips it."
    ),
    "PDFUA1-STRUCT-TREE-ROLE-MAP-001": Rule(
        "02-001", "A custom tag type is not role-mapped to a standard PDF tag type."
    ),
    "PDFUA1-STRUCT-TREE-ROLE-MAP-CYCLE-001": Rule(
        "02-002", "The role map goes round in a circle, so a tag never reaches a standard type."
    ),
    "PDFUA1-STRUCT-TREE-ROLE-MAP-STANDARD-001": Rule(
        "02-003", "A standard tag type is role-mapped to something else; it must not be."
    ),
    "PDFUA1-STRUCT-ELEMENT-PARENT-001": Rule(
        "PDF/UA-1", "A structure element does not point back to its real parent (/P)."
    ),
    # Appropriate tags: tables (7.2, ISO 32000-1 Table 337)
    "PDFUA1-TABLE-KIDS-001": Rule(
        "09-004", "A Table may only hold TR, THead, TBody, TFoot and Caption."
    ),
    "PDFUA1-TR-PARENT-001": Rule(
        "09-004", "A table row (TR) is outside a Table, THead, TBody or TFoot."
    ),
    "PDFUA1-TR-KIDS-001": Rule("09-004", "A table row (TR) may only hold TH and TD cells."),
    "PDFUA1-TH-PARENT-001": Rule("09-004", "A header cell (TH) is not inside a table row (TR)."),
    "PDFUA1-TD-PARENT-001": Rule("09-004", "A data cell (TD) is not inside a table row (TR)."),
    "PDFUA1-THEAD-PARENT-001": Rule("09-004", "A THead is not directly inside a Table."),
    "PDFUA1-TBODY-PARENT-001": Rule("09-004", "A TBody is not directly inside a Table."),
    "PDFUA1-TFOOT-PARENT-001": Rule("09-004", "A TFoot is not directly inside a Table."),
    "PDFUA1-THEAD-KIDS-001": Rule("09-004", "A THead may only hold table rows (TR)."),
    "PDFUA1-TBODY-KIDS-001": Rule("09-004", "A TBody may only hold table rows (TR)."),
    "PDFUA1-TFOOT-KIDS-001": Rule("09-004", "A TFoot may only hold table rows (TR)."),
    "PDFUA1-TABLE-THEAD-COUNT-001": Rule("09-004", "A Table has more than one THead."),
    "PDFUA1-TABLE-TFOOT-COUNT-001": Rule("09-004", "A Table has more than one TFoot."),
    "PDFUA1-TABLE-THEAD-TBODY-001": Rule("09-004", "A Table has a THead but no TBody."),
    "PDFUA1-TABLE-TFOOT-TBODY-001": Rule("09-004", "A Table has a TFoot but no TBody."),
    "PDFUA1-TABLE-CAPTION-COUNT-001": Rule("09-004", "A Table has more than one Caption."),
    "PDFUA1-TABLE-CAPTION-POSITION-001": Rule(
        "09-004", "A table's Caption must be its first or last child."
    ),
    "PDFUA1-TABLE-ROW-COLUMNSPAN-001": Rule(
        "09-004", "The table's rows do not all span the same number of columns."
    ),
    "PDFUA1-TABLE-COLUMN-ROWSPAN-001": Rule(
        "09-004", "The table's columns do not all span the same number of rows."
    ),
    "PDFUA1-TABLE-CELL-INTERSECTION-001": Rule(
        "09-004", "Two table cells overlap once their row and column spans are counted."
    ),
    # Lists and tables of contents (ISO 32000-1 Tables 333 and 336)
    "PDFUA1-L-KIDS-001": Rule("09-005", "A list (L) may only hold L, LI and Caption."),
    "PDFUA1-L-CAPTION-001": Rule("09-005", "A list's Caption must be its first child."),
    "PDFUA1-LI-PARENT-001": Rule("09-005", "A list item (LI) is not inside a list (L)."),
    "PDFUA1-LI-KIDS-001": Rule(
        "09-005", "A list item (LI) may only hold a label (Lbl) and a body (LBody)."
    ),
    "PDFUA1-LBODY-PARENT-001": Rule("09-005", "A list body (LBody) is not inside a list item."),
    "PDFUA1-TOC-KIDS-001": Rule("09-006", "A table of contents may only hold TOC, TOCI, Caption."),
    "PDFUA1-TOC-CAPTION-001": Rule("09-006", "A TOC's Caption must be its first child."),
    "PDFUA1-TOCI-PARENT-001": Rule("09-006", "A TOC item (TOCI) is not inside a TOC."),
    "PDFUA1-FORM-CHILDREN-001": Rule(
        "PDF/UA-1", "A Form tag holds more than the one widget annotation it stands for."
    ),
    # Natural language (7.2)
    "PDFUA1-LANGUAGE-TAG-001": Rule(
        "11-001", "A /Lang value is not a valid language tag (write it like en-GB)."
    ),
    "PDFUA1-TEXT-LANGUAGE-001": Rule(
        "11-001", f"The language of some text on the page cannot be told. {_LANG}"
    ),
    "PDFUA1-ACTUAL-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of an element's replacement text (ActualText) is unknown. {_LANG}"
    ),
    "PDFUA1-ALT-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of an element's alternative text (Alt) is unknown. {_LANG}"
    ),
    "PDFUA1-E-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of an abbreviation's expansion (E) is unknown. {_LANG}"
    ),
    "PDFUA1-SPAN-ACTUAL-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of marked content's replacement text is unknown. {_LANG}"
    ),
    "PDFUA1-SPAN-ALT-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of marked content's alternative text is unknown. {_LANG}"
    ),
    "PDFUA1-SPAN-E-TEXT-LANGUAGE-001": Rule(
        "11-002", f"The language of marked content's expansion text is unknown. {_LANG}"
    ),
    "PDFUA1-OUTLINE-LANGUAGE-001": Rule(
        "11-003", "The language of the bookmarks (outline) cannot be told: set the catalog /Lang."
    ),
    "PDFUA1-ANNOTATION-CONTENTS-LANGUAGE-001": Rule(
        "11-004", f"The language of an annotation's description cannot be told. {_LANG}"
    ),
    "PDFUA1-FORM-FIELD-TU-LANGUAGE-001": Rule(
        "11-005", f"The language of a form field's description (TU) cannot be told. {_LANG}"
    ),
    # Graphics, headings, formulas, notes (7.3, 7.4, 7.7, 7.9)
    "PDFUA1-FIGURE-ALTERNATIVE-TEXT-001": Rule(
        "13-004",
        "A figure has no alternative text (Alt) to describe it to people who cannot see it.",
    ),
    "PDFUA1-HEADING-NESTING-001": Rule(
        "14-003", "A heading level is skipped (e.g. H1 then H3), or the first is not H1."
    ),
    "PDFUA1-HEADING-CHILD-COUNT-001": Rule(
        "14-006", "One element holds more than one unnumbered heading (H)."
    ),
    "PDFUA1-HEADING-STRUCTURE-001": Rule(
        "14-007", "The file mixes unnumbered (H) and numbered (H1–H6) headings."
    ),
    "PDFUA1-TABLE-HEADERS-SCOPE-001": Rule(
        "15-003", "A data cell's headers cannot be worked out: give TH cells a Scope."
    ),
    "PDFUA1-TABLE-HEADERS-UNDEFINED-001": Rule(
        "15-005", "A data cell's Headers name a header cell ID that does not exist."
    ),
    "PDFUA1-FORMULA-ALTERNATIVE-TEXT-001": Rule(
        "17-002", "A formula has no alternative text (Alt) saying what it means."
    ),
    "PDFUA1-NOTE-ID-001": Rule("19-003", "A note (Note tag) has no ID."),
    "PDFUA1-NOTE-ID-UNIQUE-001": Rule("19-004", "Two notes (Note tags) share the same ID."),
    # Optional content, embedded files, XFA, security (7.10, 7.11, 7.15, 7.16)
    "PDFUA1-OPTIONAL-CONTENT-NAME-001": Rule(
        "20-001", "An optional-content (layer) configuration has no name."
    ),
    "PDFUA1-OPTIONAL-CONTENT-AS-001": Rule(
        "20-003", "An optional-content configuration has an AS entry, which is not allowed."
    ),
    "PDFUA1-FILE-SPEC-F-AND-UF-001": Rule(
        "21-001", "An embedded file's specification lacks its file names (F and UF)."
    ),
    "PDFA1B-FILE-SPEC-EMBEDDED-FILE-001": Rule(
        "21-001", "An embedded file's specification is not usable."
    ),
    "PDFUA1-DYNAMIC-XFA-001": Rule("25-001", "The file holds a dynamic XFA form."),
    "PDFUA1-ENCRYPTION-P-001": Rule(
        "26-001", "The file's security settings stop assistive technology reading it (P bit 10)."
    ),
    # Annotations (7.18)
    "PDFUA1-ANNOTATION-ANNOT-TAG-001": Rule(
        "28-002", "An annotation is not inside an Annot tag in the structure tree."
    ),
    "PDFUA1-ANNOTATION-CONTENTS-ALT-001": Rule(
        "28-004", "An annotation has no description (Contents, or Alt on its tag)."
    ),
    "PDFUA1-FORM-FIELD-TU-ALT-001": Rule(
        "28-005", "A form field has no description (TU, or Alt on its tag)."
    ),
    "PDFUA1-TRAPNET-ANNOTATION-001": Rule("28-007", "The page has a TrapNet annotation."),
    "PDFUA1-PAGE-TABS-001": Rule(
        "28-008", "A page with annotations does not set the tab order to follow the structure."
    ),
    "PDFUA1-WIDGET-FORM-TAG-001": Rule("28-010", "A form field widget is not inside a Form tag."),
    "PDFUA1-LINK-LINK-TAG-001": Rule("28-011", "A link annotation is not inside a Link tag."),
    "PDFUA1-LINK-CONTENTS-001": Rule(
        "28-012", "A link annotation has no description (Contents) saying where it goes."
    ),
    "PDFUA1-MEDIA-CLIP-CT-001": Rule("28-014", "A media clip does not give its content type."),
    "PDFUA1-MEDIA-CLIP-ALT-001": Rule("28-015", "A media clip has no alternative description."),
    "PDFUA1-PRINTER-MARK-ARTIFACT-001": Rule(
        "28-017", "A printer's mark annotation is in the structure tree; it must not be."
    ),
    "PDFA1B-ANNOTATION-AP-ENTRIES-001": Rule(
        "PDF/UA-1", "An annotation's appearance dictionary is malformed."
    ),
    # XObjects (7.20)
    "PDFUA1-FORM-REFERENCE-001": Rule("30-001", "A form XObject refers to another file (/Ref)."),
    "PDFUA1-FORM-STRUCTURE-001": Rule(
        "30-002", "A form XObject with tagged content is drawn more than once."
    ),
    # Fonts (7.21). 31-009 and 31-027 are confirmed Matterhorn numbers; the others follow
    # the Protocol's order of ISO 14289-1 7.21 and were not checked against its text here.
    "PDFUA1-TYPE0-CID-SYSTEM-INFO-001": Rule(
        "31-001", "A CJK font's character collection does not match its CMap."
    ),
    "PDFUA1-CIDTOGIDMAP-001": Rule(
        "31-004", "A TrueType CID font has no valid CIDToGIDMap (code to glyph map)."
    ),
    "PDFUA1-CMAP-EMBEDDING-001": Rule(
        "31-005", "A font's CMap is neither a standard one nor embedded in the file."
    ),
    "PDFUA1-CMAP-WMODE-001": Rule(
        "31-006", "A CMap's writing direction (WMode) differs from what the font says."
    ),
    "PDFUA1-CMAP-REFERENCE-001": Rule(
        "31-007", "A CMap builds on another CMap that is not a standard one."
    ),
    "PDFUA1-FONT-EMBEDDING-001": Rule(
        "31-009", "A font used for visible text is not embedded in the file."
    ),
    "PDFUA1-FONT-GLYPH-PRESENCE-001": Rule(
        "31-010", "Text uses a glyph that the embedded font does not have."
    ),
    "PDFUA1-FONT-TYPE1-CHARSET-001": Rule(
        "31-012", "A subset Type 1 font's CharSet does not list every glyph in it."
    ),
    "PDFUA1-CID-SUBSET-CIDSET-001": Rule(
        "31-013", "A subset CID font's CIDSet does not list every glyph in it."
    ),
    "PDFUA1-FONT-GLYPH-WIDTH-001": Rule(
        "31-014", "A glyph's width in the font dictionary differs from the embedded font."
    ),
    "PDFUA1-TRUETYPE-NONSYMBOLIC-ENCODING-001": Rule(
        "31-016", "A text TrueType font lacks a standard encoding (MacRoman or WinAnsi)."
    ),
    "PDFUA1-TRUETYPE-NONSYMBOLIC-CMAP-001": Rule(
        "31-019", "A text TrueType font's program has no suitable Unicode cmap table."
    ),
    "PDFUA1-TRUETYPE-SYMBOLIC-ENCODING-001": Rule(
        "31-021", "A symbolic TrueType font must not name an Encoding."
    ),
    "PDFUA1-TRUETYPE-SYMBOLIC-CMAP-001": Rule(
        "31-022", "A symbolic TrueType font's program has no single usable cmap table."
    ),
    "PDFUA1-FONT-UNICODE-MAPPING-001": Rule(
        "31-027", "Some text cannot be turned into Unicode (missing or broken ToUnicode map)."
    ),
    "PDFUA1-FONT-UNICODE-VALUE-001": Rule(
        "31-028", "A ToUnicode map gives a character the value 0, FEFF or FFFE."
    ),
    "PDFUA1-NOTDEF-GLYPH-001": Rule("31-030", "Text uses the font's .notdef (missing) glyph."),
}


def rule(rule_id: str) -> Rule:
    """The Matterhorn condition and explanation of an engine rule (FALLBACK if unknown)."""
    return RULES.get(rule_id, FALLBACK)
