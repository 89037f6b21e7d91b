"""A figure with a caption becomes one Figure element with /Alt holding its Caption."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import (
    elements,
    html_page,
    in_order,
    mcids_of,
    open_pdf,
    parent_tree_mismatches,
    pdftotext,
    render,
    struct_strings,
    to_bytes,
)

from leafpress.pdfua.figures import group_figures_with_captions
from leafpress.pdfua.structure import struct_type
from leafpress.pdfua.tree_editing import struct_kids

pytestmark = pytest.mark.slow

SQUARE = (
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>"
    "<rect width='20' height='20' fill='red'/></svg>"
)
BODY = (
    "<p>Before the figure.</p>"
    f'<figure><img alt="A red square" src="{SQUARE}"><figcaption>Figure 1: a square'
    "</figcaption></figure>"
    f'<figure><img alt="A lone square" src="{SQUARE}"></figure>'
    f'<figure><img alt="One" src="{SQUARE}"><img alt="Two" src="{SQUARE}">'
    "<figcaption>Two squares</figcaption></figure>"
    "<p>After the figure.</p>"
)


@pytest.fixture(scope="module")
def figure_pdf() -> bytes:
    return render(html_page(BODY))


def _caption_parent_types(pdf: pikepdf.Pdf) -> list[str]:
    return [struct_type(caption["/P"]) for caption in elements(pdf, "Caption")]


def test_weasyprint_leaves_caption_outside_the_figure(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    assert _caption_parent_types(pdf) == ["NonStruct", "NonStruct"]
    assert len(elements(pdf, "Figure")) == 4


def test_captioned_figure_holds_caption_and_alt(figure_pdf: bytes) -> None:
    before = open_pdf(figure_pdf)
    image_mcids = mcids_of(elements(before, "Figure")[0])
    pdf = open_pdf(figure_pdf)
    assert group_figures_with_captions(pdf) == [
        "1 captioned figure(s) became Figure elements holding their Caption"
    ]
    figure = elements(pdf, "Figure")[0]
    assert str(figure["/Alt"]) == "A red square"
    assert "/BBox" in figure["/A"]
    assert [struct_type(kid) for kid in struct_kids(figure)] == ["Caption"]
    assert mcids_of(figure)[: len(image_mcids)] == image_mcids
    assert not any(struct_type(kid) == "Figure" for kid in struct_kids(figure))
    assert parent_tree_mismatches(pdf) == []


def test_uncaptioned_and_multi_image_figures_are_left_alone(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    group_figures_with_captions(pdf)
    assert _caption_parent_types(pdf) == ["Figure", "NonStruct"]
    alts = [str(figure.get("/Alt", "")) for figure in elements(pdf, "Figure")]
    assert alts == ["A red square", "A lone square", "One", "Two"]


def test_text_and_order_survive(figure_pdf: bytes) -> None:
    pdf = open_pdf(figure_pdf)
    group_figures_with_captions(pdf)
    data = to_bytes(pdf)
    assert pdftotext(data) == pdftotext(figure_pdf)
    assert in_order(
        struct_strings(data),
        ["Before the figure.", "Figure 1: a square", "Two squares", "After the figure."],
    )
    assert group_figures_with_captions(pdf) == []
