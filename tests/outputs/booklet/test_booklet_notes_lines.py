"""The ruled lines of notes pages are Artifacts: drawn, but neither tagged nor orphaned."""

from __future__ import annotations

import pikepdf
import pytest
from booklet_build import Booklet
from booklet_pdfs import lines, page_texts, painting_in_artifacts, painting_outside_artifacts

from leafpress.pdfua.structure import iter_marked_content, mcid_owners_from_tree

pytestmark = pytest.mark.slow

#: Lines on a notes page (templates/padding.html.j2): A5 standard, A4 large print.
LINES = {"standard": 15, "large-print": 14}


def notes_pages(booklet: Booklet, variant: str) -> list[int]:
    """Zero-based indices of the notes pages."""
    texts = page_texts(booklet.pdf(variant))
    return [index for index, text in enumerate(texts) if lines(text)[:1] == ["Notes"]]


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_note_lines_are_drawn_as_artifacts(booklet: Booklet, variant: str) -> None:
    pages = notes_pages(booklet, variant)
    assert pages
    with pikepdf.open(booklet.pdf(variant)) as pdf:
        owned = mcid_owners_from_tree(pdf)
        for index in pages:
            page = pdf.pages[index]
            assert painting_outside_artifacts(page) == []
            assert painting_in_artifacts(page) >= LINES[variant]
            opened = [
                op.marked[-1].mcid
                for op in iter_marked_content(page)
                if op.operator in ("BDC", "BMC") and not op.in_artifact
            ]
            assert opened and all((index, mcid) in owned for mcid in opened)  # no orphans


def test_a_line_drawn_in_tagged_content_is_caught() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(
        b"/Artifact BMC 0 0 m 100 0 l S EMC /P <</MCID 0>> BDC 0 10 m 100 10 l S EMC"
    )
    assert len(painting_outside_artifacts(page)) == 1
    assert painting_in_artifacts(page) == 1
