"""Small python-docx helpers for what it has no API for: links, boxes, numbering, language."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

BOX_COLOURS = {"urgent": "C00000", "tip": "2F5496", "info": "2F5496"}


def set_language(document: Any, language: str) -> None:
    """Set the document's default language (docDefaults) and its core property."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    document.core_properties.language = language


def set_run_language(run: Any, language: str) -> None:
    """Mark one run's language (w:lang), so screen readers and spelling switch to it."""
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    run._r.get_or_add_rPr().append(lang)


def add_link(paragraph: Any, text: str, url: str) -> None:
    """Append a real hyperlink run to a paragraph."""
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    r_pr.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    r_pr.append(underline)
    run.append(r_pr)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def box(paragraph: Any, kind: str) -> None:
    """Draw a border round a paragraph; Word joins neighbours with the same border."""
    colour = BOX_COLOURS.get(kind, "000000")
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "18" if kind == "urgent" else "8")
        edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), colour)
        borders.append(edge)
    p_pr.append(borders)


def restart_numbering(document: Any, paragraph: Any, start: int) -> None:
    """Make a "List Number" paragraph start a new list at ``start``."""
    numbering = document.part.numbering_part.element
    style = document.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    base_num = num_pr.find(qn("w:numId")).get(qn("w:val"))
    abstract = next(n.find(qn("w:abstractNumId")).get(qn("w:val"))
                    for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == base_num)
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abstract_id = OxmlElement("w:abstractNumId")
    abstract_id.set(qn("w:val"), abstract)
    num.append(abstract_id)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    numbering.append(num)
    p_pr = paragraph._p.get_or_add_pPr()
    own = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), new_id)
    own.append(level)
    own.append(number)
    p_pr.append(own)


def header_row(table: Any) -> None:
    """Mark a table's first row as its header (repeated, read as headers, and bold)."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    for cell in table.rows[0].cells:  # and shown as headers: bold
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True


def alt_text(shape: Any, alt: str) -> None:
    """Set an inline picture's alt text (docPr descr)."""
    shape._inline.docPr.set("descr", alt)


#: The extended properties python-docx's template would carry ("Microsoft Macintosh Word",
#: one page, no words): leafpress writes its own, with nothing it cannot know.
APP_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>leafpress</Application><Company>{company}</Company>'
    '</Properties>')


def drop_template_leftovers(document: Any, company: str) -> None:
    """No blank thumbnail, date last printed or second copy of the styles; our app properties.

    The second copy is stylesWithEffects.xml, the template's styles as Word 2010 reads them.
    """
    from xml.sax.saxutils import escape

    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RELATIONSHIP_TYPE.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_PROPERTIES.format(company=escape(company)).encode()
    for rel_id, rel in list(document.part.rels.items()):  # Word 2010's copy of the old styles
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.rels.pop(rel_id)
    printed = document.core_properties._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        printed.getparent().remove(printed)


def fixed_zip(data: bytes, when: dt.date) -> bytes:
    """Rewrite the package with fixed timestamps, so the same input gives the same bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()
