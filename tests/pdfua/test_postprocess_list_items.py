"""Block content of a list item is wrapped in an LBody."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import (
    elements,
    html_page,
    in_order,
    open_pdf,
    parent_tree_mismatches,
    pdftotext,
    render,
    struct_strings,
    to_bytes,
)

from leafpress.pdfua.list_items import wrap_list_bodies
from leafpress.pdfua.structure import struct_type
from leafpress.pdfua.tree_editing import struct_kids

pytestmark = pytest.mark.slow

BODY = (
    "<ul><li><p>First point.</p></li>"
    "<li><p>Second point.</p><p>More about it.</p></li>"
    "<li>Plain third point.</li></ul>"
)


@pytest.fixture(scope="module")
def list_pdf() -> bytes:
    return render(html_page(BODY))


def _item_kid_types(pdf: pikepdf.Pdf) -> list[list[str]]:
    return [[struct_type(kid) for kid in struct_kids(item)] for item in elements(pdf, "LI")]


def test_weasyprint_puts_paragraphs_straight_into_li(list_pdf: bytes) -> None:
    assert _item_kid_types(open_pdf(list_pdf)) == [
        ["Lbl", "P"],
        ["Lbl", "P", "P"],
        ["Lbl", "LBody"],
    ]


def test_paragraphs_are_wrapped_in_one_lbody(list_pdf: bytes) -> None:
    pdf = open_pdf(list_pdf)
    assert wrap_list_bodies(pdf) == ["2 LBody element(s) added around list item content"]
    assert _item_kid_types(pdf) == [["Lbl", "LBody"]] * 3
    second_body = struct_kids(elements(pdf, "LI")[1])[1]
    assert [struct_type(kid) for kid in struct_kids(second_body)] == ["P", "P"]
    assert all(kid["/P"].is_same_object_as(second_body) for kid in struct_kids(second_body))
    assert parent_tree_mismatches(pdf) == []
    data = to_bytes(pdf)
    assert pdftotext(data) == pdftotext(list_pdf)
    assert in_order(
        struct_strings(data),
        ["First point.", "Second point.", "More about it.", "Plain third point."],
    )
    assert wrap_list_bodies(pdf) == []
