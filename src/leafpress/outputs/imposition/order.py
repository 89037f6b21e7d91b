"""Saddle-stitch page order: which reading pages go on each side of each sheet."""

from __future__ import annotations

Slot = int | None
"""A 1-based reading page number, or None for a padding blank."""

SidePair = tuple[Slot, Slot]
"""The (left, right) pages of one side of a sheet."""

Sheet = tuple[SidePair, SidePair]
"""The (front, back) sides of one sheet."""


def padded_reading_order(page_count: int) -> list[Slot]:
    """Reading pages padded to a multiple of 4, with the blanks just before the last page.

    The last page is the back cover and must stay on the outside of the booklet,
    so padding blanks go in front of it (they become the inside back cover and the
    pages before it). A one-page document has no back cover: its blanks follow it.
    """
    if page_count < 1:
        raise ValueError(f"a booklet needs at least one page, got {page_count}")
    blanks = -page_count % 4
    if page_count == 1:
        return [1] + [None] * blanks
    body: list[Slot] = list(range(1, page_count))
    return body + [None] * blanks + [page_count]


def saddle_stitch_order(page_count: int) -> list[Sheet]:
    """Per sheet, outside sheet first: ((front left, front right), (back left, back right)).

    For n padded pages, sheet s (0-based) carries positions [n-2s, 2s+1] on its front
    and [2s+2, n-2s-1] on its back. Positions are then mapped to reading pages, with
    None for padding blanks (see padded_reading_order).
    """
    slots = padded_reading_order(page_count)
    n = len(slots)

    def at(position: int) -> Slot:
        return slots[position - 1]

    return [
        (
            (at(n - 2 * s), at(2 * s + 1)),
            (at(2 * s + 2), at(n - 2 * s - 1)),
        )
        for s in range(n // 4)
    ]
