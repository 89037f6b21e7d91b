"""Saddle-stitch order: page positions on each sheet, padding, and leaves for a short-edge flip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leafpress.outputs.imposition import saddle_stitch_order
from leafpress.outputs.imposition.order import Sheet, padded_reading_order


def leaves(sheet: Sheet) -> list[tuple[int | None, int | None]]:
    """The two leaves of a sheet printed with a short-edge flip, as (front, back) pages.

    Turning a landscape sheet over on its short edge swaps left and right, so the
    front's left half is backed by the back's right half, and vice versa.
    """
    (front_left, front_right), (back_left, back_right) = sheet
    return [(front_left, back_right), (front_right, back_left)]


def is_leaf(pages: tuple[int | None, int | None], positions: dict[int | None, int]) -> bool:
    """True when the two sides of a leaf are reading positions 2k-1 and 2k, in some order."""
    a, b = sorted(positions[p] for p in pages)
    return a % 2 == 1 and b == a + 1


def test_ten_pages_pad_to_twelve_with_blanks_before_the_back_cover() -> None:
    assert padded_reading_order(10) == [1, 2, 3, 4, 5, 6, 7, 8, 9, None, None, 10]
    assert saddle_stitch_order(10) == [
        ((10, 1), (2, None)),
        ((None, 3), (4, 9)),
        ((8, 5), (6, 7)),
    ]


def test_four_pages_make_one_sheet() -> None:
    assert saddle_stitch_order(4) == [((4, 1), (2, 3))]


def test_one_page_is_a_front_cover_with_blanks_after_it() -> None:
    assert saddle_stitch_order(1) == [((None, 1), (None, None))]


def test_no_pages_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        saddle_stitch_order(0)


@given(st.integers(min_value=2, max_value=200))
def test_every_page_once_and_covers_outside(page_count: int) -> None:
    sheets = saddle_stitch_order(page_count)
    placed = [p for sheet in sheets for side in sheet for p in side if p is not None]
    assert sorted(placed) == list(range(1, page_count + 1))
    assert len(sheets) == -(-page_count // 4)
    assert sheets[0][0] == (page_count, 1)


@given(st.integers(min_value=1, max_value=50).map(lambda k: 4 * k))
def test_sheets_fold_into_leaves_for_a_short_edge_flip(page_count: int) -> None:
    identity: dict[int | None, int] = {p: p for p in range(1, page_count + 1)}
    for sheet in saddle_stitch_order(page_count):
        assert all(is_leaf(leaf, identity) for leaf in leaves(sheet))
        assert None not in (*sheet[0], *sheet[1])
        for left, right in sheet:
            assert (left or 0) + (right or 0) == page_count + 1


@given(st.integers(min_value=2, max_value=200))
def test_blanks_come_just_before_the_last_page(page_count: int) -> None:
    slots = padded_reading_order(page_count)
    blanks = len(slots) - page_count
    assert len(slots) % 4 == 0 and 0 <= blanks < 4
    assert slots[: page_count - 1] == list(range(1, page_count))
    assert slots[page_count - 1 : -1] == [None] * blanks
    assert slots[-1] == page_count


def test_leaf_check_rejects_a_long_edge_flip_order() -> None:
    # Under a long-edge flip the back halves would not swap: back = (n-2s-1, 2s+2).
    long_edge_sheet: Sheet = ((8, 1), (7, 2))
    positions: dict[int | None, int] = {p: p for p in range(1, 9)}
    assert not all(is_leaf(leaf, positions) for leaf in leaves(long_edge_sheet))
    assert all(is_leaf(leaf, positions) for leaf in leaves(saddle_stitch_order(8)[0]))
