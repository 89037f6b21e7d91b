"""Checks a .docx as readers need it: title, language, headings, alt text, clear print."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import docx
from docx.oxml.ns import qn

from leafpress.audit.colour import contrast_ratio

#: RNIB's clear print guidance: at least 12 pt, a plain sans-serif font, no italics.
LEAST_PT = 12
SANS_SERIF = {"Arial", "Verdana", "Tahoma", "Helvetica", "Calibri", "Atkinson Hyperlegible Next"}
THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme")


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
    return found + clear_print_problems(document) + package_problems(data)


def _inherited(style: Any, read: Callable[[Any], Any]) -> Any:
    """A style's own value, else its base style's, and so on (None if none sets it)."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _theme_font(style: Any) -> bool:
    fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    return fonts is not None and any(fonts.get(qn(name)) for name in THEME_FONTS)


def clear_print_problems(document: Any) -> list[str]:
    """A4 pages, and every style in use at least 12 pt, sans serif, not italic, dark."""
    found = []
    section = document.sections[0]
    size = (round(section.page_width.mm), round(section.page_height.mm))
    if size != (210, 297):
        found.append(f"the page is {size[0]} x {size[1]} mm, not A4")
    used = {p.style.name: p.style for p in [*document.paragraphs, *section.footer.paragraphs]}
    for name, style in sorted(used.items()):
        points = _inherited(style, lambda s: s.font.size)
        if points is None or points.pt < LEAST_PT:
            found.append(f"{name}: {points.pt if points else 'no'} pt, under {LEAST_PT}")
        if _inherited(style, lambda s: s.font.italic):
            found.append(f"{name}: italic")
        font = _inherited(style, lambda s: s.font.name)
        if _inherited(style, lambda s: True if _theme_font(s) else None) or font not in SANS_SERIF:
            found.append(f"{name}: font {font or 'from the theme'}, not a plain sans serif")
        colour = _inherited(style, lambda s: s.font.color.rgb if s.font.color.type else None)
        if colour is not None and contrast_ratio(
                tuple(c / 255 for c in colour), (1.0, 1.0, 1.0)) < 7:  # type: ignore[arg-type]
            found.append(f"{name}: colour {colour} is under 7:1 on white")
    italic = [run.text for p in document.paragraphs for run in p.runs if run.italic]
    if italic:
        found.append(f"italic text: {italic[0][:40]!r}")
    return found


def package_problems(data: bytes) -> list[str]:
    """Leftovers of python-docx's template: a blank thumbnail, another program's name."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if any("thumbnail" in name for name in package.namelist()):
            found.append("a thumbnail from the template")
        if b"Microsoft" in package.read("docProps/app.xml"):
            found.append("docProps/app.xml names another program")
        if b"lastPrinted" in package.read("docProps/core.xml"):
            found.append("a date last printed")
    return found
