"""Checks a .docx as a screen-reader user needs it: title, language, headings, lists, alt."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn


def problems(data: bytes) -> list[str]:
    """Every accessibility problem found; python-docx must open the file."""
    document = docx.Document(io.BytesIO(data))
    found = []
    if not document.core_properties.title:
        found.append("no document title")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang")) if defaults is not None else None
    if lang is None or not lang.get(qn("w:val")):
        found.append("no document language")
    previous = 0
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading "):
            level = int(name.split()[1])
            if level > previous + 1:
                found.append(f"heading {paragraph.text!r} skips from level {previous} "
                             f"to {level}")
            previous = level
    if previous == 0:
        found.append("no heading styles")
    for shape in document.inline_shapes:
        if not shape._inline.docPr.get("descr"):
            found.append("a picture has no alt text")
    if not any(p.text for p in document.sections[0].footer.paragraphs):
        found.append("the page footer is empty")
    return found
