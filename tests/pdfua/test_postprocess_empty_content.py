"""Marked content that paints nothing leaves the tree (and a captioned figure is then found)."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import (
    elements,
    html_page,
    open_pdf,
    parent_tree_mismatches,
    pdftotext,
    render,
    to_bytes,
)

from leafpress.pdfua.content_editing import painting_mcids
from leafpress.pdfua.empty_content import drop_empty_content
from leafpress.pdfua.figures import group_figures_with_captions
from leafpress.pdfua.structure import mcid_owners_from_tree, struct_type
from leafpress.pdfua.tree_editing import struct_kids

pytestmark = pytest.mark.slow

SQUARE = (
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>"
    "<rect width='20' height='20' fill='red'/></svg>"
)
# The newlines around the image are what make WeasyPrint emit an empty text box.
BODY = (
    f'<p>Before.</p><figure>\n<img alt="A square" src="{SQUARE}">\n'
    "<figcaption>Caption</figcaption>\n</figure>"
)


@pytest.fixture(scope="module")
def figure_pdf() -> bytes:
    return render(html_page(BODY))


def _empty_and_referenced(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    owned = mcid_owners_from_tree(pdf)
    found = []
    for index, page in enumerate(pdf.pages):
        opened, painting = painting_mcids(page)
        found += [(index, mcid) for mcid in sorted(opened - painting) if (index, mcid) in owned]
    return found


def test_weasyprint_tags_an_empty_text_box(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    assert len(_empty_and_referenced(pdf)) == 1
    assert group_figures_with_captions(pdf) == []  # the empty Span hides the figure


def test_empty_content_leaves_the_tree(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    assert drop_empty_content(pdf) == [
        "1 marked-content sequence(s) that paint nothing became artifacts; "
        "1 emptied element(s) removed"
    ]
    assert _empty_and_referenced(pdf) == []
    assert parent_tree_mismatches(pdf) == []
    assert pdftotext(to_bytes(pdf)) == pdftotext(figure_pdf)
    assert drop_empty_content(pdf) == []


def test_then_the_figure_is_grouped_with_its_caption(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    drop_empty_content(pdf)
    assert group_figures_with_captions(pdf)
    figure = elements(pdf, "Figure")[0]
    assert str(figure["/Alt"]) == "A square"
    assert [struct_type(kid) for kid in struct_kids(figure)] == ["Caption"]
