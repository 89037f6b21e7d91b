"""Sheet sizes, page positions, print-shop boxes (trim, bleed) and crop marks."""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
import pytest

from leafpress.outputs.imposition import impose, sheet_size_for
from leafpress.outputs.imposition.geometry import Box, mm

BookletFactory = Callable[..., pikepdf.Pdf]
A5 = (mm(148), mm(210))
A4 = (mm(210), mm(297))
A4_LANDSCAPE = (mm(297), mm(210))
A3_LANDSCAPE = (mm(420), mm(297))
BLEED = mm(3)


def box(page: pikepdf.Page, key: str) -> Box:
    return Box.from_pdf(page.obj[key])


def edges(b: Box) -> tuple[float, float, float, float]:
    return (b.x0, b.y0, b.x1, b.y1)


def translations(page: pikepdf.Page) -> list[tuple[float, float]]:
    return [
        (float(i.operands[4]), float(i.operands[5]))
        for i in pikepdf.parse_content_stream(page, "cm")
        if isinstance(i, pikepdf.ContentStreamInstruction)
    ]


def stroked_segments(page: pikepdf.Page) -> list[Box]:
    """Every m-l line drawn directly on the side, as a (possibly zero-width) box."""
    segments, start = [], (0.0, 0.0)
    for instruction in pikepdf.parse_content_stream(page, "m l"):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue
        point = (float(instruction.operands[0]), float(instruction.operands[1]))
        if str(instruction.operator) == "l":
            segments.append(Box.from_pdf([*start, *point]))
        start = point
    return segments


def overlaps(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize(
    ("page", "sheet"), [(A5, A4_LANDSCAPE), (A4, A3_LANDSCAPE)], ids=["A5-on-A4", "A4-on-A3"]
)
def test_sheet_size_for_iso_pages(page: tuple[float, float], sheet: tuple[float, float]) -> None:
    assert sheet_size_for(*page) == pytest.approx(sheet)


def test_sheet_size_for_other_pages_is_the_spread() -> None:
    assert sheet_size_for(300, 400) == pytest.approx((600, 400))
    assert sheet_size_for(*A5) != pytest.approx((A4[0], A4[1]))  # never portrait


@pytest.mark.parametrize(
    ("page", "sheet"), [(A5, A4_LANDSCAPE), (A4, A3_LANDSCAPE)], ids=["A5-on-A4", "A4-on-A3"]
)
def test_imposed_sides_are_landscape_sheets(
    make_booklet: BookletFactory, page: tuple[float, float], sheet: tuple[float, float]
) -> None:
    imposed = impose(make_booklet(8, page))
    assert len(imposed.pages) == 4
    for side in imposed.pages:
        media = box(side, "/MediaBox")
        assert (media.width, media.height) == pytest.approx(sheet, abs=0.01)
        assert "/TrimBox" not in side.obj and "/BleedBox" not in side.obj


def test_spread_is_centred_with_the_spine_in_the_middle(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4, A5))
    (left_x, left_y), (right_x, right_y) = translations(imposed.pages[0])
    assert right_x - left_x == pytest.approx(A5[0])
    assert left_x + A5[0] == pytest.approx(A4_LANDSCAPE[0] / 2)
    assert left_x == pytest.approx(mm(0.5), abs=0.01)
    assert left_y == right_y == pytest.approx(0)


def test_bleed_and_crop_marks_boxes(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(8, A5), bleed_mm=3, crop_marks=True)
    assert len(imposed.pages) == 4
    for side in imposed.pages:
        trim, bleed, media = (box(side, k) for k in ("/TrimBox", "/BleedBox", "/MediaBox"))
        assert (trim.width, trim.height) == pytest.approx((2 * A5[0], A5[1]), abs=0.01)
        assert edges(bleed) == pytest.approx(
            edges(trim.grown(BLEED, BLEED, BLEED, BLEED)), abs=0.01
        )
        assert media.x0 < bleed.x0 and media.y0 < bleed.y0
        assert media.x1 > bleed.x1 and media.y1 > bleed.y1


def test_crop_and_fold_marks_sit_outside_the_bleed(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4, A5), bleed_mm=3, crop_marks=True)
    side = imposed.pages[0]
    bleed, media, trim = box(side, "/BleedBox"), box(side, "/MediaBox"), box(side, "/TrimBox")
    segments = stroked_segments(side)
    assert len(segments) == 8 + 2  # two per trim corner, two fold marks
    assert not any(overlaps(s, bleed) for s in segments)
    assert all(s == s.intersection(media) for s in segments)
    corners = {(x, y) for x in (trim.x0, trim.x1) for y in (trim.y0, trim.y1)}
    for x, y in corners:
        assert any(s.y0 == s.y1 == pytest.approx(y) and (s.x1 < x or s.x0 > x) for s in segments)
        assert any(s.x0 == s.x1 == pytest.approx(x) and (s.y1 < y or s.y0 > y) for s in segments)
    spine = (trim.x0 + trim.x1) / 2
    assert sum(s.x0 == s.x1 == pytest.approx(spine) for s in segments) == 2


def test_mark_check_fails_on_a_mark_inside_the_bleed() -> None:
    bleed = Box(10, 10, 100, 100)
    assert overlaps(Box(5, 50, 20, 50.5), bleed)
    assert not overlaps(Box(0, 50, 9, 50), bleed)


def test_bleed_without_marks_makes_media_the_bleed_box(make_booklet: BookletFactory) -> None:
    imposed = impose(make_booklet(4, A5), bleed_mm=3)
    side = imposed.pages[0]
    assert edges(box(side, "/MediaBox")) == pytest.approx(edges(box(side, "/BleedBox")), abs=0.01)
    assert stroked_segments(side) == []


def test_bleed_comes_from_the_page_except_at_the_spine(make_booklet: BookletFactory) -> None:
    source = make_booklet(4, A5, bleed_pt=BLEED)
    imposed = impose(source, bleed_mm=3)
    side = imposed.pages[0]
    forms = side.obj.Resources.XObject
    width, height = A5
    left, right = Box.from_pdf(forms["/P4"].BBox), Box.from_pdf(forms["/P1"].BBox)
    assert edges(left) == pytest.approx((-BLEED, -BLEED, width, height + BLEED), abs=0.01)
    assert edges(right) == pytest.approx((0, -BLEED, width + BLEED, height + BLEED), abs=0.01)
    desktop_pdf = impose(source)
    desktop = desktop_pdf.pages[0].obj.Resources.XObject
    assert edges(Box.from_pdf(desktop["/P4"].BBox)) == pytest.approx(
        (0, 0, width, height), abs=0.01
    )


def test_pages_of_different_sizes_are_refused(make_booklet: BookletFactory) -> None:
    mixed = make_booklet(4, A5)
    large = make_booklet(1, A4)
    mixed.pages.append(large.pages[0])
    with pytest.raises(ValueError, match="same size"):
        impose(mixed)


def test_rotated_pages_and_negative_bleed_are_refused(make_booklet: BookletFactory) -> None:
    with pytest.raises(ValueError, match="negative"):
        impose(make_booklet(4), bleed_mm=-1)
    rotated = make_booklet(4)
    rotated.pages[2].obj.Rotate = 90
    with pytest.raises(ValueError, match="rotated"):
        impose(rotated)
