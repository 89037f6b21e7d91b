"""The whole chain: fix_tagging on one document with every fault."""

from __future__ import annotations

import pytest
from postprocess_pdfs import (
    elements,
    html_page,
    in_order,
    open_pdf,
    parent_tree_mismatches,
    pdftotext,
    struct_strings,
    to_bytes,
    unreachable,
    untagged_text,
)
from weasyprint import HTML

from leafpress.pdfua import FIXES, fix_tagging, mark_languages
from leafpress.pdfua.structure import struct_type
from leafpress.pdfua.tree_editing import struct_kids

pytestmark = pytest.mark.slow

SQUARE = (
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>"
    "<rect width='20' height='20' fill='red'/></svg>"
)
BODY = (
    "<h1>Living with secondary breast cancer</h1>"
    '<p lang="cy">Mae hon yn frawddeg Gymraeg.</p>'
    f'<figure><img alt="A red square" src="{SQUARE}"><figcaption>A square</figcaption></figure>'
    "<ul>" + "".join(f"<li>point {n}</li>" for n in range(1, 26)) + "</ul>"
    "<table><thead><tr><th>Day</th><th>Dose</th></tr></thead><tbody>"
    + "".join(f"<tr><td>day {n}</td><td>{n} mg</td></tr>" for n in range(1, 26))
    + "</tbody></table><p>Last words.</p>"
)


@pytest.fixture(scope="module")
def raw_pdf() -> bytes:
    document = HTML(string=html_page(BODY))
    mark_languages(document.etree_element)
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return data


@pytest.fixture(scope="module")
def fixed_pdf(raw_pdf: bytes) -> bytes:
    pdf = open_pdf(raw_pdf)
    changes = fix_tagging(pdf)
    assert {line.split(":")[0] for line in changes} == {
        "language",
        "fragments",
        "figures",
        "artifacts",
        "id_tree",
        "figure_bbox",
    }
    return to_bytes(pdf)


def test_registry_runs_fixes_in_a_safe_order() -> None:
    names = list(FIXES)
    mine = [
        "language",
        "empty_content",
        "fragments",
        "list_items",
        "figures",
        "artifacts",
        "id_tree",
        "catalog",
    ]
    assert [name for name in names if name in mine] == mine
    # structure-removing fixes come before the artifacts sweep and the ID tree
    assert names.index("artifacts") == len(names) - 3


def test_raw_output_has_the_faults(raw_pdf: bytes) -> None:
    pdf = open_pdf(raw_pdf)
    assert unreachable(pdf)
    assert len(elements(pdf, "L")) >= 2
    assert not any(struct_type(caption["/P"]) == "Figure" for caption in elements(pdf, "Caption"))


def test_fixed_output_has_none(fixed_pdf: bytes) -> None:
    pdf = open_pdf(fixed_pdf)
    assert unreachable(pdf) == []
    assert untagged_text(pdf) == []
    assert parent_tree_mismatches(pdf) == []
    assert len(elements(pdf, "L")) == 1
    assert len(elements(pdf, "Table")) == 1
    figure = elements(pdf, "Figure")[0]
    assert [struct_type(kid) for kid in struct_kids(figure)] == ["Caption"]
    assert str(elements(pdf, "P")[0]["/Lang"]) == "cy"
    assert str(pdf.Root.Lang) == "en"


def test_text_survives_and_reads_in_order(raw_pdf: bytes, fixed_pdf: bytes) -> None:
    assert pdftotext(fixed_pdf) == pdftotext(raw_pdf)
    assert in_order(
        struct_strings(fixed_pdf),
        ["Living with", "Mae hon", "A square"]
        + [f"point {n}" for n in range(1, 26)]
        + ["Day", "Dose"]
        + [f"day {n}" for n in range(1, 26)]
        + ["Last words."],
    )


def test_fixing_twice_changes_nothing(fixed_pdf: bytes) -> None:
    assert fix_tagging(open_pdf(fixed_pdf)) == []
