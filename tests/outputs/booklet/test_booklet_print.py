"""The imposed print file of a real booklet: sheets, folded order, metadata, print-shop profile."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from booklet_build import BOOKLET_ID, Booklet
from booklet_pdfs import folded_reading_order, footer_page, sides

pytestmark = pytest.mark.slow

VARIANTS = ("standard", "large-print")
MM = 72 / 25.4
SHEET = {"standard": (297 * MM, 210 * MM), "large-print": (420 * MM, 297 * MM)}  # A4, A3


def reading_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def page_number(text: str, count: int) -> int:
    """The reading page on one half sheet: its footer, or which cover it is."""
    footer = footer_page(text)
    if footer is not None:
        return footer[0]
    if "Other formats and contact details" in text:
        return count
    if "Living with a test booklet" in " ".join(text.split()):  # the title, however wrapped
        return 1
    raise AssertionError(f"cannot tell which page this is: {text[:80]!r}")


@pytest.mark.parametrize("variant", VARIANTS)
def test_build_reports_sheets_and_sides(booklet: Booklet, variant: str) -> None:
    count = reading_pages(booklet.pdf(variant))
    sheets = count // 4
    printed = booklet.output
    assert re.search(rf"built \S*{BOOKLET_ID}/{variant}\.pdf \({count} pages\)", printed)
    assert re.search(
        rf"built \S*{BOOKLET_ID}/{variant}-print\.pdf \({sheets} sheets, {2 * sheets} sides\)",
        printed,
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_print_file_is_landscape_sheets_marked_print_only(booklet: Booklet, variant: str) -> None:
    count = reading_pages(booklet.pdf(variant))
    with pikepdf.open(booklet.print_pdf(variant)) as pdf:
        assert len(pdf.pages) == count // 2
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            assert box[2] - box[0] == pytest.approx(SHEET[variant][0], abs=1)
            assert box[3] - box[1] == pytest.approx(SHEET[variant][1], abs=1)
        assert str(pdf.docinfo["/LeafpressPurpose"]) == "print-only"
        assert str(pdf.docinfo["/LeafpressVariant"]) == variant
        assert "/StructTreeRoot" not in pdf.Root


@pytest.mark.parametrize("variant", VARIANTS)
def test_folded_print_file_reads_in_order(booklet: Booklet, variant: str) -> None:
    count = reading_pages(booklet.pdf(variant))
    halves = [
        (page_number(left, count), page_number(right, count))
        for left, right in sides(booklet.print_pdf(variant))
    ]
    assert halves[0] == (count, 1)  # the outside sheet carries the covers
    assert folded_reading_order(halves) == list(range(1, count + 1))


def test_folded_order_catches_swapped_sides() -> None:
    good = [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert folded_reading_order(good) == list(range(1, 9))
    swapped = [good[1], good[0], *good[2:]]
    assert folded_reading_order(swapped) != list(range(1, 9))


def test_print_shop_adds_bleed_and_crop_marks(booklet: Booklet, print_shop: Booklet) -> None:
    assert re.search(r"standard-print\.pdf \(3 sheets, 6 sides\)", print_shop.output)
    with (
        pikepdf.open(print_shop.print_pdf("standard")) as shop,
        pikepdf.open(booklet.print_pdf("standard")) as plain,
    ):
        assert "/TrimBox" not in plain.pages[0].obj and "/BleedBox" not in plain.pages[0].obj
        assert str(shop.docinfo["/LeafpressVariant"]) == "standard"
        for page in shop.pages:
            trim = [float(v) for v in page.obj.TrimBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            media = [float(v) for v in page.mediabox]
            assert trim[2] - trim[0] == pytest.approx(2 * 148 * MM, abs=0.1)  # two A5 pages
            assert trim[3] - trim[1] == pytest.approx(210 * MM, abs=0.1)
            offsets = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2],
                       bleed[3] - trim[3]]  # fmt: skip
            assert offsets == pytest.approx([3 * MM] * 4, abs=0.01)
            assert media[2] - media[0] > bleed[2] - bleed[0]  # room for the crop marks
