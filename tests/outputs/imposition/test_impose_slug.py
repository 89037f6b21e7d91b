"""Print-shop sheets: media inside SRA4/SRA3, and a slug line outside the trim and bleed."""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
import pytest

from leafpress.outputs.imposition import impose
from leafpress.outputs.imposition.geometry import (
    MARK_GAP_MM,
    MARK_LENGTH_MM,
    SLUG_PAD_MM,
    SRA_SIZES_MM,
    Box,
    mm,
)
from leafpress.outputs.imposition.marks import slug_text

A5 = (mm(148), mm(210))
A4 = (mm(210), mm(297))
BookletFactory = Callable[..., pikepdf.Pdf]
SLUG = "LP-TEST-B01 Living with it | large print | version 3.2"


def fits_sra(media: Box) -> bool:
    """Whether a landscape sheet fits on SRA4 or SRA3."""
    return any(media.width <= mm(long) + 0.01 and media.height <= mm(short) + 0.01
               for short, long in SRA_SIZES_MM.values())


def slug_lines(page: pikepdf.Page) -> list[tuple[float, str]]:
    """(baseline y, text) of every text shown on a sheet side."""
    found, y = [], 0.0
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "Td":
            y = float(operands[1])
        elif str(operator) == "Tj":
            found.append((y, bytes(operands[0]).decode("latin-1")))
    return found


def test_the_old_media_size_for_a4_pages_did_not_fit_sra3() -> None:
    margin = mm(3 + MARK_GAP_MM + MARK_LENGTH_MM + SLUG_PAD_MM)
    old = Box(0, 0, 2 * A4[0] + 2 * margin, A4[1] + 2 * margin)
    assert not fits_sra(old)


@pytest.mark.parametrize(("size", "sra"), [(A5, "SRA4"), (A4, "SRA3")])
def test_print_shop_sheets_are_sra_and_carry_a_slug(
        make_booklet: BookletFactory, size: tuple[float, float], sra: str) -> None:
    imposed = impose(make_booklet(8, size), bleed_mm=3, crop_marks=True, slug=SLUG)
    short, long = SRA_SIZES_MM[sra]
    for index, side in enumerate(imposed.pages):
        media = Box.from_pdf(side.mediabox)
        bleed = Box.from_pdf(side.obj.BleedBox)
        assert (media.width, media.height) == pytest.approx((mm(long), mm(short)), abs=0.01)
        (baseline, text), = slug_lines(side)
        assert text == slug_text(SLUG, index // 2 + 1, 2, index % 2 == 0)
        assert media.y0 < baseline and baseline + 5 < bleed.y0  # cut off with the margin


def test_slug_names_sheet_and_side() -> None:
    assert slug_text("X", 2, 5, False) == "X | sheet 2 of 5 | back"


def test_office_sheets_have_no_slug(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4, A5), slug=SLUG)
    assert slug_lines(imposed.pages[0]) == []
