"""The contents page prints the page where each heading really lands, and is tagged TOC/TOCI."""

from __future__ import annotations

import pikepdf
import pytest
from booklet_build import HEADINGS, Booklet
from booklet_pdfs import contents_entries, lines, misnumbered, outline_pages, page_texts

from leafpress.pdfua.structure import iter_struct_elements

pytestmark = pytest.mark.slow

VARIANTS = ("standard", "large-print")
ENTRIES = [*HEADINGS, "Words we use", "About this information"]


def landed_by_text(texts: list[str], titles: list[str]) -> dict[str, int]:
    """The first page after the contents with a line that is exactly each title."""
    landed: dict[str, int] = {}
    for number, text in enumerate(texts, start=1):
        for line in lines(text):
            if number > 2 and line in titles:
                landed.setdefault(line, number)
    return landed


@pytest.mark.parametrize("variant", VARIANTS)
def test_contents_lists_the_top_level_sections_and_end_matter(
    booklet: Booklet, variant: str
) -> None:
    texts = page_texts(booklet.pdf(variant))
    assert lines(texts[1])[0] == "Contents"
    assert [title for title, _ in contents_entries(texts[1])] == ENTRIES


@pytest.mark.parametrize("variant", VARIANTS)
def test_contents_page_numbers_are_where_the_headings_land(booklet: Booklet, variant: str) -> None:
    texts = page_texts(booklet.pdf(variant))
    entries = contents_entries(texts[1])
    assert misnumbered(entries, landed_by_text(texts, ENTRIES)) == []
    with pikepdf.open(booklet.pdf(variant)) as pdf:
        bookmarks = dict(reversed(outline_pages(pdf)))  # first bookmark of each title
    assert misnumbered(entries, bookmarks) == []
    # each top-level section starts a new page here (section_breaks: always)
    printed = [page for _, page in entries]
    assert printed == sorted(set(printed)) and printed[0] == 3


def test_a_wrong_page_number_is_caught(booklet: Booklet) -> None:
    texts = page_texts(booklet.pdf("standard"))
    entries = contents_entries(texts[1])
    shifted = [
        (title, page + 1) if title == "Treatment" else (title, page) for title, page in entries
    ]
    assert misnumbered(shifted, landed_by_text(texts, ENTRIES)) == [
        f"Treatment: printed {dict(entries)['Treatment'] + 1}, "
        f"heading on page {dict(entries)['Treatment']}"
    ]


def test_contents_parser_needs_a_dot_leader() -> None:
    text = "Contents\nFirst things first . . . . . 3\nLP-TEST-B01 version 3.2 · Page 2 of 12\n"
    assert contents_entries(text) == [("First things first", 3)]


@pytest.mark.parametrize("variant", VARIANTS)
def test_contents_is_tagged_toc_with_one_toci_per_entry(booklet: Booklet, variant: str) -> None:
    with pikepdf.open(booklet.pdf(variant)) as pdf:
        nodes = list(iter_struct_elements(pdf))
        (toc,) = [node for node in nodes if node.type == "TOC"]
        items = [node for node in nodes if node.type == "TOCI"]
        assert len(items) == len(ENTRIES)
        assert all(node.parent.is_same_object_as(toc.element) for node in items)
        assert not [
            node
            for node in nodes
            if node.type == "Figure" and "toc" in str(node.element.get("/Alt", ""))
        ]
