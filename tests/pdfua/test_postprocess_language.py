"""Elements with their own lang get /Lang, through the invisible language marker."""

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
    unreachable,
)
from weasyprint import HTML

from leafpress.pdfua.language import (
    LANG_MARKER_PREFIX,
    apply_language_markers,
    lang_marker,
    mark_languages,
)
from leafpress.pdfua.structure import iter_marked_content, iter_struct_elements

pytestmark = pytest.mark.slow

WELSH = "Mae hon yn frawddeg Gymraeg."
BODY = (
    "<p>An English paragraph.</p>"
    f'<p lang="cy">{WELSH}</p>'
    '<p>Say <span lang="cy">bore da</span> in the morning.</p>'
    '<section lang="cy"><h2>Pennawd</h2><p>Testun.</p></section>'
    "<p>The end.</p>"
)


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return render(html_page(BODY))


@pytest.fixture(scope="module")
def marked_pdf() -> bytes:
    document = HTML(string=html_page(BODY))
    assert mark_languages(document.etree_element) == 3
    data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return data


def _opened(pdf: pikepdf.Pdf) -> list[tuple[int | None, bool]]:
    """(MCID, is artifact) of each sequence opened on page 1."""
    return [
        (op.marked[-1].mcid, op.marked[-1].is_artifact)
        for op in iter_marked_content(pdf.pages[0])
        if op.operator in ("BDC", "BMC")
    ]


def _paragraph(pdf: pikepdf.Pdf, index: int) -> pikepdf.Dictionary:
    return elements(pdf, "P")[index]


def _text_positions(data: bytes) -> list[list[object]]:
    return [
        [float(value) for value in op.operands]
        for page in open_pdf(data).pages
        for op in iter_marked_content(page)
        if op.operator == "Tm"
    ]


def test_weasyprint_drops_lang(plain_pdf: bytes) -> None:
    pdf = open_pdf(plain_pdf)
    assert not any("/Lang" in node.element for node in iter_struct_elements(pdf))
    assert apply_language_markers(pdf) == []


def test_marker_changes_neither_layout_nor_text(plain_pdf: bytes, marked_pdf: bytes) -> None:
    assert _text_positions(marked_pdf) == _text_positions(plain_pdf)
    assert pdftotext(marked_pdf) == pdftotext(plain_pdf)


def test_markers_are_figures_before_the_fix(marked_pdf: bytes) -> None:
    pdf = open_pdf(marked_pdf)
    alts = [str(figure.get("/Alt", "")) for figure in elements(pdf, "Figure")]
    assert alts == [f"{LANG_MARKER_PREFIX}cy"] * 3
    assert "/Lang" not in _paragraph(pdf, 1)


def test_welsh_elements_get_lang(marked_pdf: bytes) -> None:
    pdf = open_pdf(marked_pdf)
    assert apply_language_markers(pdf) == ["/Lang set on 3 element(s) from language markers: cy x3"]
    welsh = [node for node in iter_struct_elements(pdf) if "/Lang" in node.element]
    assert [(node.type, str(node.element["/Lang"])) for node in welsh] == [
        ("P", "cy"),
        ("Span", "cy"),
        ("Sect", "cy"),
    ]
    assert "/Lang" not in _paragraph(pdf, 0)
    assert elements(pdf, "Figure") == []
    assert [node.type for node in iter_struct_elements(pdf) if node.depth == 1] == [
        "P",
        "P",
        "P",
        "Sect",
        "P",
    ]


def test_fix_keeps_structure_consistent(marked_pdf: bytes) -> None:
    before = open_pdf(marked_pdf)
    markers = {mcid for figure in elements(before, "Figure") for mcid in mcids_of(figure)}
    pdf = open_pdf(marked_pdf)
    apply_language_markers(pdf)
    assert parent_tree_mismatches(pdf) == []
    assert unreachable(pdf) == unreachable(before)  # only the running footer, not the markers
    opened = _opened(pdf)
    assert not any(mcid in markers for mcid, _ in opened)
    artifacts_before = sum(is_artifact for _, is_artifact in _opened(before))
    assert sum(is_artifact for _, is_artifact in opened) == artifacts_before + len(markers)
    data = to_bytes(pdf)
    assert pdftotext(data) == pdftotext(marked_pdf)
    assert in_order(
        struct_strings(data),
        ["An English paragraph.", WELSH, "Say ", "bore da", "Pennawd", "Testun.", "The end."],
    )


def test_marker_written_in_the_html_source_works_too() -> None:
    pdf = open_pdf(render(html_page(f'<p>One.</p><p lang="fr">{lang_marker("fr")}Deux.</p>')))
    apply_language_markers(pdf)
    assert str(_paragraph(pdf, 1)["/Lang"]) == "fr"
    assert "/Lang" not in _paragraph(pdf, 0)
