"""Word's clear-print house style: A4, a sans-serif 14 pt body, black headings, no italics."""

from __future__ import annotations

from typing import Any

#: RNIB's clear print guidance: 12 pt at least, 14 pt preferred; a plain sans-serif font
#: that every copy of Word has (LibreOffice shows it in its metric twin, Liberation Sans).
FONT = "Arial"
BODY_PT = 14
#: Each style's size in points; all are black, bold for headings, never italic.
SIZES_PT = {"Normal": BODY_PT, "Title": 24, "Subtitle": 16, "Heading 1": 22,
            "Heading 2": 18, "Heading 3": 16, "Heading 4": 15, "Heading 5": 14,
            "Heading 6": 14, "Caption": 14, "Footer": 12}
HEADINGS = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5",
            "Heading 6")


#: Links: dark blue (9.4:1 on white) and underlined, so they do not rely on colour alone.
LINK_RGB = (0x1F, 0x4E, 0x79)


def apply(document: Any) -> None:
    """Set the page to A4 and every style the leaflet uses to the house style."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    _defaults(document)
    link = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)  # add_link's style
    link.font.color.rgb = RGBColor(*LINK_RGB)
    link.font.underline = True

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
    for name, size in SIZES_PT.items():
        style = document.styles[name]
        font = style.font
        font.size = Pt(size)
        font.italic = False
        font.color.rgb = RGBColor(0, 0, 0)
        if name in HEADINGS:
            font.bold = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _house_font(style.element.get_or_add_rPr())


def _defaults(document: Any) -> None:
    """The document's default run: the house font at body size (not the theme's, 11 pt)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _house_font(r_pr)
    for name in ("w:sz", "w:szCs"):
        size = r_pr.find(qn(name))
        if size is None:
            size = OxmlElement(name)
            r_pr.append(size)
        size.set(qn("w:val"), str(BODY_PT * 2))


def _house_font(r_pr: Any) -> None:
    """A run's fonts, in a style or the defaults: the house font for every script.

    The template's theme fonts go: they win over a named font in Word.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    fonts.attrib.clear()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
