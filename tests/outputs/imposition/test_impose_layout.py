"""Imposed sides read back with pdftotext: page order per half, and every side upright."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from leafpress.outputs.imposition import impose, saddle_stitch_order

XHTML = "{http://www.w3.org/1999/xhtml}"
Saver = Callable[[pikepdf.Pdf, str], Path]
BookletFactory = Callable[..., pikepdf.Pdf]


@dataclass(frozen=True)
class Label:
    """One "Page N" label found on a sheet side."""

    number: int
    right_half: bool
    upright: bool


@dataclass(frozen=True)
class Word:
    """A word and its box from pdftotext -bbox (y grows downwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def read_words(path: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) for every page, from pdftotext's word boxes."""
    result = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    )
    pages = []
    for page in ET.fromstring(result.stdout).iter(f"{XHTML}page"):
        words = [
            Word(w.text or "", *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter(f"{XHTML}word")
        ]
        pages.append((float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages


def read_labels(path: Path) -> list[list[Label]]:
    """The "Page N" labels on every side.

    A label is upright when "Page" is left of its number and sits in the top half of
    the sheet, where the fixture draws it. A side rotated by 180 degrees fails both.
    """
    sides: list[list[Label]] = []
    for width, height, words in read_words(path):
        labels = []
        for page in (w for w in words if w.text == "Page"):
            number = min(
                (w for w in words if w.text.isdigit() and abs(w.y0 - page.y0) < 1),
                key=lambda w: min(abs(w.x0 - page.x1), abs(w.x1 - page.x0)),
            )
            centre = (min(page.x0, number.x0) + max(page.x1, number.x1)) / 2
            upright = page.x0 < number.x0 and page.y1 < height / 2
            labels.append(Label(int(number.text), centre > width / 2, upright))
        sides.append(labels)
    return sides


def side_pages(labels: list[Label]) -> tuple[int | None, int | None]:
    """(left, right) page numbers on a side, None where a half is blank."""
    halves: dict[bool, int | None] = {False: None, True: None}
    for label in labels:
        assert halves[label.right_half] is None, f"two pages on one half: {labels}"
        halves[label.right_half] = label.number
    return halves[False], halves[True]


def placements_only_translate(page: pikepdf.Page) -> bool:
    """True when every cm on the side moves without rotating, mirroring or scaling."""
    return all(
        [float(v) for v in instruction.operands[:4]] == [1, 0, 0, 1]
        for instruction in pikepdf.parse_content_stream(page, "cm")
        if isinstance(instruction, pikepdf.ContentStreamInstruction)
    )


def expected_sides(page_count: int) -> list[tuple[int | None, int | None]]:
    return [side for sheet in saddle_stitch_order(page_count) for side in sheet]


@pytest.fixture
def ten_pages(make_booklet: BookletFactory, save: Saver) -> Path:
    return save(impose(make_booklet(10)), "ten-print.pdf")


def test_ten_pages_make_three_sheets_in_saddle_stitch_order(ten_pages: Path) -> None:
    sides = [side_pages(labels) for labels in read_labels(ten_pages)]
    assert sides == [
        (10, 1),
        (2, None),
        (None, 3),
        (4, 9),
        (8, 5),
        (6, 7),
    ]
    assert sides == expected_sides(10)


def test_outside_sheet_carries_the_covers(ten_pages: Path) -> None:
    assert side_pages(read_labels(ten_pages)[0]) == (10, 1)


def test_four_pages_make_one_sheet(make_booklet: BookletFactory, save: Saver) -> None:
    source = save(make_booklet(4), "four.pdf")
    imposed = save(impose(source), "four-print.pdf")  # from a path, not a Pdf
    assert [side_pages(labels) for labels in read_labels(imposed)] == [(4, 1), (2, 3)]


def test_every_side_reads_upright_without_rotation(ten_pages: Path) -> None:
    labels = [label for side in read_labels(ten_pages) for label in side]
    assert len(labels) == 10
    assert all(label.upright for label in labels)
    with pikepdf.open(ten_pages) as pdf:
        for page in pdf.pages:
            assert int(page.obj.get("/Rotate", 0)) == 0
            assert placements_only_translate(page)


def test_order_check_fails_on_swapped_sides(ten_pages: Path, save: Saver) -> None:
    with pikepdf.open(ten_pages) as pdf:
        pdf.pages.reverse()
        bad = save(pdf, "swapped.pdf")
    assert [side_pages(labels) for labels in read_labels(bad)] != expected_sides(10)


def test_upright_check_fails_on_a_back_side_turned_180_degrees(
    ten_pages: Path, save: Saver
) -> None:
    with pikepdf.open(ten_pages) as pdf:
        back = pdf.pages[3]
        width, height = float(back.mediabox[2]), float(back.mediabox[3])
        turned = f"-1 0 0 -1 {width} {height} cm\n".encode() + back.obj.Contents.read_bytes()
        back.obj.Contents = pdf.make_stream(turned)
        pdf.pages[5].obj.Rotate = 180
        bad = save(pdf, "turned.pdf")
        assert not placements_only_translate(pdf.pages[3])
    sides = read_labels(bad)
    assert not any(label.upright for label in sides[3])
    assert not any(label.upright for label in sides[5])
    assert all(label.upright for label in sides[2])
