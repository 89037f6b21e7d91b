"""Lists, tables and sections split by page breaks are merged back into one element."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import (
    artifact_properties,
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
from tests.structure_oracles import page_span

from leafpress.pdfua.fragments import merge_split_fragments
from leafpress.pdfua.structure import struct_type
from leafpress.pdfua.tree_editing import struct_kids

pytestmark = pytest.mark.slow

ITEMS = 22
ROWS = 24
LONG = "a long item " + "that goes on " * 40
BODY = (
    "<p>Intro.</p>"
    + "<ul>"
    + "".join(f"<li>item {n}</li>" for n in range(1, ITEMS + 1))
    + "</ul><ul><li>separate list</li></ul>"
    + "<section><h2>Heading</h2><ol><li>first</li>"
    + f"<li>{LONG}</li>"
    + "".join(f"<li>step {n}</li>" for n in range(1, 12))
    + "</ol></section>"
    + "<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>"
    + "".join(f"<tr><td>row {n}</td><td>value {n}</td></tr>" for n in range(1, ROWS + 1))
    + "</tbody></table>"
)


@pytest.fixture(scope="module")
def split_pdf() -> bytes:
    return render(html_page(BODY))


@pytest.fixture()
def fixed(split_pdf: bytes) -> pikepdf.Pdf:
    pdf = open_pdf(split_pdf)
    assert merge_split_fragments(pdf)
    return pdf


def test_weasyprint_splits_each_element_per_page(split_pdf: bytes) -> None:
    pdf = open_pdf(split_pdf)
    top = [struct_type(kid) for kid in struct_kids(elements(pdf, "Document")[0])]
    assert top.count("L") >= 3  # the split first list, plus the separate one
    assert top.count("Table") >= 2
    assert top.count("Sect") >= 2


def test_split_list_becomes_one_l(fixed: pikepdf.Pdf) -> None:
    document = elements(fixed, "Document")[0]
    lists = [kid for kid in struct_kids(document) if struct_type(kid) == "L"]
    assert len(lists) == 2
    first, separate = lists
    assert len(struct_kids(first)) == ITEMS
    span = page_span(first, {page.obj.objgen: n for n, page in enumerate(fixed.pages)})
    assert span is not None and span[1] > span[0], "one L now holds content on two pages"
    assert len(struct_kids(separate)) == 1


def _without_marker(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [
        item
        for item in elements(pdf, "LI")
        if all(struct_type(kid) != "Lbl" for kid in struct_kids(item))
    ]


def test_split_list_item_becomes_one_li(split_pdf: bytes, fixed: pikepdf.Pdf) -> None:
    assert len(_without_marker(open_pdf(split_pdf))) == 1, "the long item's second half"
    assert _without_marker(fixed) == []
    sections = elements(fixed, "Sect")
    assert len(sections) == 1
    ordered = [kid for kid in struct_kids(sections[0]) if struct_type(kid) == "L"]
    assert len(ordered) == 1
    items = struct_kids(ordered[0])
    assert len(items) == 13  # "first", the long item, 11 steps
    span = page_span(items[1], {page.obj.objgen: n for n, page in enumerate(fixed.pages)})
    assert span is not None and span[1] == span[0] + 1


def test_split_table_becomes_one_table_with_one_header(fixed: pikepdf.Pdf) -> None:
    tables = elements(fixed, "Table")
    assert len(tables) == 1
    parts = [struct_type(kid) for kid in struct_kids(tables[0])]
    assert parts == ["THead", "TBody"]
    rows = struct_kids(struct_kids(tables[0])[1])
    assert len(rows) == ROWS
    header_ids = {str(cell["/ID"]) for cell in elements(fixed, "TH")}
    assert len(header_ids) == 2
    for cell in elements(fixed, "TD"):
        assert {str(ref) for ref in cell["/A"]["/Headers"]} <= header_ids


def test_repeated_header_row_is_an_artifact(split_pdf: bytes, fixed: pikepdf.Pdf) -> None:
    before = open_pdf(split_pdf)
    repeated_mcids = sum(len(mcids_of(head)) for head in elements(before, "THead")[1:])
    assert repeated_mcids == 2
    paginations = [
        props
        for props in artifact_properties(fixed)
        if props is not None and props.get("/Type") == pikepdf.Name.Pagination
    ]
    assert len(paginations) == repeated_mcids


def test_structure_stays_consistent_and_readable(split_pdf: bytes, fixed: pikepdf.Pdf) -> None:
    assert parent_tree_mismatches(fixed) == []
    data = to_bytes(fixed)
    assert pdftotext(data) == pdftotext(split_pdf)
    strings = struct_strings(data)
    assert in_order(
        strings,
        ["Intro.", *[f"item {n}" for n in range(1, ITEMS + 1)], "separate list", "Heading"]
        + ["first", "a long item", *[f"step {n}" for n in range(1, 12)], "Name", "Value"]
        + [f"row {n}" for n in range(1, ROWS + 1)],
    )
    assert strings.count("Name") == 1


def test_second_run_changes_nothing(fixed: pikepdf.Pdf) -> None:
    assert merge_split_fragments(fixed) == []


@pytest.fixture(scope="module")
def unmarked_pdf() -> bytes:
    items = "".join(f"<li>entry {n}</li>" for n in range(1, 41))
    return render(html_page(f'<ul style="list-style: none">{items}</ul>'))


def test_items_of_a_list_without_markers_are_never_merged(unmarked_pdf: bytes) -> None:
    before = open_pdf(unmarked_pdf)
    assert len(elements(before, "L")) >= 2
    assert len(elements(before, "LI")) == 40
    assert all(not _has_label(item) for item in elements(before, "LI"))
    pdf = open_pdf(unmarked_pdf)
    merge_split_fragments(pdf)
    assert len(elements(pdf, "L")) == 1
    assert len(elements(pdf, "LI")) == 40


def _has_label(item: pikepdf.Dictionary) -> bool:
    return any(struct_type(kid) == "Lbl" for kid in struct_kids(item))
