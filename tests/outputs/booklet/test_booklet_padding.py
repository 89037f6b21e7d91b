"""Booklets are padded to a multiple of four pages before the back cover: notes, else blank."""

from __future__ import annotations

import pytest
from booklet_build import Booklet
from booklet_pdfs import lines, page_texts

pytestmark = pytest.mark.slow

VARIANTS = ("standard", "large-print")
BACK_COVER = "Other formats and contact details"
BLANK = "This page is intentionally blank."


def first_lines(texts: list[str]) -> list[str]:
    """The first line of each page ('' for a page without text)."""
    return [next(iter(lines(text)), "") for text in texts]


def padding_run(firsts: list[str], kind: str) -> int:
    """How many pages of ``kind`` come straight before the last page, and nowhere else."""
    count = 0
    for first in reversed(firsts[:-1]):
        if first != kind:
            break
        count += 1
    assert firsts.count(kind) == count, f"{kind} pages are not all just before the back cover"
    return count


@pytest.mark.parametrize("variant", VARIANTS)
def test_page_count_is_a_multiple_of_four(booklet: Booklet, variant: str) -> None:
    texts = page_texts(booklet.pdf(variant))
    assert len(texts) % 4 == 0


@pytest.mark.parametrize("variant", VARIANTS)
def test_notes_pages_pad_the_booklet_just_before_the_back_cover(
    booklet: Booklet, variant: str
) -> None:
    firsts = first_lines(page_texts(booklet.pdf(variant)))
    notes = padding_run(firsts, "Notes")
    assert notes >= 1, "the fixture booklet needs padding, or this test proves nothing"
    assert (len(firsts) - notes) % 4 != 0  # without the notes pages it would not fold
    assert BLANK not in "\n".join(firsts)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_last_page_is_the_back_cover(booklet: Booklet, variant: str) -> None:
    texts = page_texts(booklet.pdf(variant))
    assert lines(texts[-1])[0] == BACK_COVER
    assert [BACK_COVER in text for text in texts].count(True) == 1


def test_padding_run_rejects_notes_pages_away_from_the_end() -> None:
    with pytest.raises(AssertionError, match="not all just before"):
        padding_run(["Cover", "Notes", "Text", "Notes", BACK_COVER], "Notes")
    assert padding_run(["Cover", "Text", BACK_COVER], "Notes") == 0


def test_blank_pages_pad_when_a_notes_page_does_not_fit(blank_padded: Booklet) -> None:
    texts = page_texts(blank_padded.pdf("standard"))
    firsts = first_lines(texts)
    assert len(texts) % 4 == 0
    assert firsts[-1] == BACK_COVER
    assert padding_run(firsts, BLANK) >= 1
    assert "Notes" not in firsts
