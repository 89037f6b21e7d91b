"""Element IDs (table headers) are listed in the /IDTree so /Headers resolve."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import elements, html_page, open_pdf, render

from leafpress.pdfua.id_tree import build_id_tree

pytestmark = pytest.mark.slow

TABLE = (
    "<table><thead><tr><th>Drug</th><th>Dose</th></tr></thead>"
    "<tbody><tr><td>A</td><td>1 mg</td></tr><tr><td>B</td><td>2 mg</td></tr></tbody></table>"
)


@pytest.fixture(scope="module")
def table_pdf() -> bytes:
    return render(html_page(TABLE))


def test_weasyprint_writes_ids_without_an_id_tree(table_pdf: bytes) -> None:
    pdf = open_pdf(table_pdf)
    assert all("/ID" in cell for cell in elements(pdf, "TH"))
    assert "/IDTree" not in pdf.Root.StructTreeRoot


def test_every_header_reference_resolves_through_the_id_tree(table_pdf: bytes) -> None:
    pdf = open_pdf(table_pdf)
    assert build_id_tree(pdf) == ["/IDTree written with 2 element ID(s)"]
    tree = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
    headers = {str(cell["/ID"]): cell for cell in elements(pdf, "TH")}
    assert set(tree.keys()) == set(headers)
    for key, cell in headers.items():
        assert tree[key].is_same_object_as(cell)
    for cell in elements(pdf, "TD"):
        for ref in cell["/A"]["/Headers"]:
            assert str(ref) in tree
    assert build_id_tree(pdf) == []
