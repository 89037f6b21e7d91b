"""Page furniture and unmarked content become Artifacts."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import (
    artifact_properties,
    html_page,
    in_order,
    open_pdf,
    parent_tree_mismatches,
    pdftotext,
    render,
    struct_strings,
    tiny_tagged_pdf,
    to_bytes,
    unreachable,
    untagged_text,
)

from leafpress.pdfua.artifacts import artifact_untagged_content
from leafpress.pdfua.structure import iter_marked_content

pytestmark = pytest.mark.slow

BODY = "".join(f"<p>Paragraph {n} of the body text.</p>" for n in range(1, 16))
ORDER = [f"Paragraph {n} of" for n in range(1, 16)]


@pytest.fixture(scope="module")
def footer_pdf() -> bytes:
    data = render(html_page(BODY))
    assert len(open_pdf(data).pages) >= 2
    return data


def test_weasyprint_leaves_margin_box_text_unreachable(footer_pdf: bytes) -> None:
    pdf = open_pdf(footer_pdf)
    pages = len(pdf.pages)
    assert len(unreachable(pdf)) == pages  # one running footer per page
    assert parent_tree_mismatches(pdf), "ParentTree points at elements the tree never reaches"
    assert "Footer 1" in pdftotext(footer_pdf)
    assert not any("Footer" in text for text in struct_strings(footer_pdf))


def test_margin_box_text_becomes_pagination_artifact(footer_pdf: bytes) -> None:
    pdf = open_pdf(footer_pdf)
    changes = artifact_untagged_content(pdf)
    assert changes and "Pagination" in changes[0]
    assert unreachable(pdf) == []
    assert untagged_text(pdf) == []
    assert parent_tree_mismatches(pdf) == []
    paginations = [
        props
        for props in artifact_properties(pdf)
        if props is not None and props.get("/Type") == pikepdf.Name.Pagination
    ]
    assert len(paginations) == len(pdf.pages)


def test_text_and_reading_order_survive(footer_pdf: bytes) -> None:
    pdf = open_pdf(footer_pdf)
    artifact_untagged_content(pdf)
    fixed = to_bytes(pdf)
    assert pdftotext(fixed) == pdftotext(footer_pdf)
    assert in_order(struct_strings(fixed), ORDER)


def test_second_run_changes_nothing(footer_pdf: bytes) -> None:
    pdf = open_pdf(footer_pdf)
    artifact_untagged_content(pdf)
    assert artifact_untagged_content(pdf) == []


LOOSE = (
    b"/P <</MCID 0>> BDC BT /F1 12 Tf 20 150 Td (Tagged) Tj ET EMC "
    b"BT /F1 12 Tf 20 100 Td (Loose) Tj ET "
    b"0 0 10 10 re f "
    b"BT /F1 12 Tf 20 50 Td /P <</MCID 1>> BDC (Mixed) Tj EMC (Stray) Tj ET"
)


def test_painting_outside_marked_content_is_wrapped() -> None:
    pdf = tiny_tagged_pdf(LOOSE, [0, 1])
    before_text = pdftotext(to_bytes(pdf))
    assert len(untagged_text(pdf)) == 2  # "Loose", and "Stray" after MCID 1 closed
    changes = artifact_untagged_content(pdf)
    # the "Loose" text object, the filled square, and the single "Stray" Tj
    assert changes == ["3 unmarked painting operation(s) wrapped as artifacts"]
    assert untagged_text(pdf) == []
    ops = list(iter_marked_content(pdf.pages[0]))
    fill = next(op for op in ops if op.operator == "f")
    assert fill.in_artifact
    tagged = [op.mcid for op in ops if op.shows_text and not op.in_artifact]
    assert tagged == [0, 1]
    assert pdftotext(to_bytes(pdf)) == before_text


def test_unreachable_mcid_in_tiny_pdf_is_retagged() -> None:
    pdf = tiny_tagged_pdf(LOOSE, [0])  # MCID 1 is in the content but not in the tree
    assert unreachable(pdf) == [(0, 1)]
    artifact_untagged_content(pdf)
    assert unreachable(pdf) == []
    assert parent_tree_mismatches(pdf) == []
