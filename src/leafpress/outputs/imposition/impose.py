"""Impose a booklet's reading PDF as a saddle-stitch print file: two pages per sheet side.

Output: one PDF page per sheet side, in printing order (sheet 1 front, sheet 1 back,
sheet 2 front, ...). Each side holds two reading pages side by side on a landscape
sheet (A5 pages on A4, A4 pages on A3). The outside sheet comes first and carries the
covers: last page left, first page right, on its front.

Printing: double-sided, "flip on short edge", actual size (100 %). Why no side is
rotated, worked out:

* A landscape sheet's short edges are its left and right edges. Flipping on the short
  edge turns the sheet over about a vertical axis, the way a book page is turned.
  Such a turn keeps top at the top and swaps left and right.
* So the back side reads upright when the sheet is turned over like a page: it is
  placed upright in the PDF, exactly like the front, with no 180 degree rotation and no
  /Rotate. (Flipping on the long edge turns the sheet about a horizontal axis instead,
  which would need every back side rotated by 180 degrees; that is not this file.)
* Left and right swap, so the back's left half is behind the front's right half. With
  the order below, front right = page 2s+1 and back left = page 2s+2 are the two sides
  of one leaf, as are front left = n-2s and back right = n-2s-1. Each leaf carries an
  odd page and the next even page, and the sheet folds at the spine between them.

Sheet s (0-based) of n pages: front (left, right) = (n-2s, 2s+1), back = (2s+2, n-2s-1).
When n is not a multiple of 4, blank pages are added before the last page, so the back
cover stays the last page (see order.padded_reading_order).

Pages are placed as form XObjects (vector, fonts embedded, resources shared), with their
tags and marked content removed: the print file is not tagged and claims no PDF/UA.
It is reproducible when saved with save_print_file (deterministic /ID, no timestamps).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from leafpress.pdfua.structure import inherited_attribute

from .geometry import SIZE_TOLERANCE_PT, Box, SheetLayout, pdf_number, sheet_layout
from .marks import SLUG_FONT, marks_content, slug_content, slug_text
from .metadata import mark_print_only
from .order import SidePair, saddle_stitch_order
from .placement import page_form

Source = Pdf | str | os.PathLike[str]


def _page_trim(page: pikepdf.Page, number: int) -> Box:
    rotate = inherited_attribute(page.obj, "/Rotate")
    if rotate is not None and int(rotate) % 360 != 0:
        raise ValueError(f"page {number} is rotated (/Rotate {rotate}); cannot impose it")
    if float(page.obj.get("/UserUnit", 1)) != 1:
        raise ValueError(f"page {number} sets /UserUnit; cannot impose it")
    return Box.from_pdf(page.trimbox)


def common_trim(source: Pdf) -> list[Box]:
    """The trim box of every page, checking that all pages have the same size."""
    trims = [_page_trim(page, i) for i, page in enumerate(source.pages, start=1)]
    if not trims:
        raise ValueError("the reading PDF has no pages")
    first = trims[0]
    for number, trim in enumerate(trims, start=1):
        if (
            abs(trim.width - first.width) > SIZE_TOLERANCE_PT
            or abs(trim.height - first.height) > SIZE_TOLERANCE_PT
        ):
            raise ValueError(
                f"page {number} is {trim.width:.2f} x {trim.height:.2f} pt, page 1 is "
                f"{first.width:.2f} x {first.height:.2f} pt; all pages must be the same size"
            )
    return trims


def _side(
    out: Pdf,
    layout: SheetLayout,
    pages: SidePair,
    forms: dict[int, pikepdf.Stream],
    trims: list[Box],
    marks: bytes,
    slug: bytes = b"",
) -> None:
    xobjects = Dictionary()
    lines: list[str] = []
    for right, number in ((False, pages[0]), (True, pages[1])):
        if number is None:
            continue
        slot, trim = layout.slot(right), trims[number - 1]
        name = f"/P{number}"
        xobjects[name] = forms[number]
        dx, dy = pdf_number(slot.x0 - trim.x0), pdf_number(slot.y0 - trim.y0)
        lines.append(f"q 1 0 0 1 {dx} {dy} cm {name} Do Q")
    content = ("\n".join(lines) + "\n").encode("ascii") + marks + slug
    resources = Dictionary(XObject=xobjects)
    if slug:
        resources.Font = Dictionary({SLUG_FONT: Dictionary(
            Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding)})
    page = Dictionary(
        Type=Name.Page,
        MediaBox=Array(layout.media.as_pdf()),
        Resources=resources,
        Contents=out.make_stream(content),
    )
    if layout.print_shop:
        page.TrimBox = Array(layout.trim.as_pdf())
        page.BleedBox = Array(layout.bleed_box.as_pdf())
    out.pages.append(pikepdf.Page(page))


def _forms(
    out: Pdf, source: Pdf, layout: SheetLayout, trims: list[Box]
) -> dict[int, pikepdf.Stream]:
    """One form per reading page, clipped to its trim plus bleed away from the spine."""
    placed: dict[int, bool] = {}
    for front, back in saddle_stitch_order(len(source.pages)):
        for left, right in (front, back):
            for number, is_right in ((left, False), (right, True)):
                if number is not None:
                    placed[number] = is_right
    done: set[tuple[int, int]] = set()
    forms: dict[int, pikepdf.Stream] = {}
    for number in sorted(placed):
        page, trim = source.pages[number - 1], trims[number - 1]
        slot = layout.slot(placed[number])
        wanted = layout.visible_area(placed[number]).shifted(trim.x0 - slot.x0, trim.y0 - slot.y0)
        bbox = wanted.intersection(Box.from_pdf(page.bleedbox))
        forms[number] = page_form(out, page, bbox, done)
    return forms


def _impose(source: Pdf, bleed_mm: float, crop_marks: bool, reading_filename: str,
            slug: str = "") -> Pdf:
    trims = common_trim(source)
    layout = sheet_layout(trims[0].width, trims[0].height, bleed_mm=bleed_mm, crop_marks=crop_marks)
    out = pikepdf.new()
    forms = _forms(out, source, layout, trims)
    marks = marks_content(layout)
    order = saddle_stitch_order(len(source.pages))
    for sheet, (front, back) in enumerate(order, start=1):
        for side, is_front in ((front, True), (back, False)):
            text = slug_text(slug, sheet, len(order), is_front)
            _side(out, layout, side, forms, trims, marks, slug_content(layout, text))
    mark_print_only(out, source, reading_filename)
    # Write once and reopen: the result no longer depends on `source` staying open,
    # and it keeps the reading PDF's version.
    buffer = io.BytesIO()
    out.save(buffer, min_version=source.pdf_version, deterministic_id=True)
    buffer.seek(0)
    return pikepdf.open(buffer)


def impose(
    source: Source,
    *,
    bleed_mm: float = 0.0,
    crop_marks: bool = False,
    reading_filename: str = "",
    slug: str = "",
) -> Pdf:
    """The saddle-stitch print file for a booklet's reading PDF (a Pdf or a path).

    bleed_mm and crop_marks are for print shops: the sheet then gets /TrimBox (the
    folded sheet's trim, both pages), /BleedBox (trim + bleed) and, with crop_marks,
    room for crop marks at the trim corners and fold marks at the spine. Content is
    only available in the bleed if the reading PDF has it (CSS `@page { bleed: 3mm }`).
    reading_filename is named in the metadata as the file to read instead. With crop
    marks, the sheet is the smallest SRA sheet that holds it (SRA4, SRA3) and carries a
    slug line outside the trim: ``slug`` (leaflet, edition, version), sheet N of M, side.
    """
    if isinstance(source, Pdf):
        return _impose(source, bleed_mm, crop_marks, reading_filename, slug)
    with pikepdf.open(Path(source)) as pdf:
        return _impose(pdf, bleed_mm, crop_marks, reading_filename, slug)


def save_print_file(pdf: Pdf, path: str | os.PathLike[str]) -> None:
    """Save the print file reproducibly: same input, same bytes."""
    pdf.save(
        Path(path),
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
