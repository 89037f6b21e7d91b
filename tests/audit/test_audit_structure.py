"""Structure: nesting (09-004…09-008), figures, headings and TH scope, engine and own checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import elements, retype

from leafpress.audit import audit_pdf

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("kind", "new_kind", "expected"),
    [
        ("TBody", "Div", "09-004"),  # Table contains Div; TR inside Div
        ("TR", "P", "09-004"),  # TBody contains P; TH/TD outside TR
        ("TD", "P", "09-004"),  # TR contains P
        ("LI", "P", "09-005"),  # L contains P; Lbl/LBody outside LI
        ("LBody", "Div", "09-005"),  # LI contains Div
        ("L", "TOC", "09-006"),  # TOC contains LI
        ("LI", "TOCI", "09-006"),  # TOCI outside a TOC
        ("L", "Ruby", "09-007"),  # Ruby contains LI
        ("L", "Warichu", "09-008"),  # Warichu contains LI
    ],
)
def test_bad_nesting_is_reported(
    mutated: Callable[..., Path], kind: str, new_kind: str, expected: str
) -> None:
    report = audit_pdf(mutated(retype(kind, new_kind)))

    assert expected in report.conditions()
    assert report.conditions() <= {"09-004", "09-005", "09-006", "09-007", "09-008"}
    assert any(f.element for f in report.findings if f.condition == expected)


def test_role_mapped_types_are_checked_as_their_standard_type(
    mutated: Callable[..., Path],
) -> None:
    def role_map_list_items(pdf: pikepdf.Pdf) -> None:
        pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({"/ListItem": pikepdf.Name.LI})
        for item in elements(pdf, "LI"):
            item.S = pikepdf.Name("/ListItem")

    assert audit_pdf(mutated(role_map_list_items)).passed

    def role_map_to_paragraph(pdf: pikepdf.Pdf) -> None:
        pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({"/ListItem": pikepdf.Name.P})
        elements(pdf, "LI")[0].S = pikepdf.Name("/ListItem")

    report = audit_pdf(mutated(role_map_to_paragraph))
    assert report.conditions() == {"09-005"}
    assert any(" › ListItem › LBody" in (f.element or "") for f in report.findings)


def test_figure_with_actual_text_only_passes(mutated: Callable[..., Path]) -> None:
    def alt_to_actual_text(pdf: pikepdf.Pdf) -> None:
        figure = elements(pdf, "Figure")[0]
        figure.ActualText = figure.Alt
        del figure["/Alt"]

    assert audit_pdf(mutated(alt_to_actual_text)).passed


def test_blank_alt_text_fails(mutated: Callable[..., Path]) -> None:
    def blank_alt(pdf: pikepdf.Pdf) -> None:
        elements(pdf, "Figure")[0].Alt = pikepdf.String("  ")

    report = audit_pdf(mutated(blank_alt))
    assert report.conditions() == {"13-004"}
    (finding,) = report.findings  # page-validation accepts white space as text
    assert finding.rule is None
    assert "blank" in finding.message


def test_first_heading_not_h1(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(retype("H1", "H2")))

    assert report.conditions() == {"14-002"}
    (finding,) = report.findings
    assert finding.message == "The first numbered heading is not H1."
    assert (finding.element or "").startswith("Document › H2 (object ")


def _drop_headers(pdf: pikepdf.Pdf) -> None:
    for cell in elements(pdf, "TD"):
        del cell.A["/Headers"]


def test_th_without_scope_in_a_table_without_headers(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(_drop_headers))

    assert report.conditions() == {"15-003"}
    assert {f.rule for f in report.findings} == {"PDFUA1-TABLE-HEADERS-SCOPE-001"}


def test_th_with_scope_passes_without_headers(mutated: Callable[..., Path]) -> None:
    def add_scope(pdf: pikepdf.Pdf) -> None:
        for cell in elements(pdf, "TH"):
            cell.A.Scope = pikepdf.Name.Column

    assert audit_pdf(mutated(_drop_headers, add_scope)).passed


def test_scope_from_a_class_map_counts(mutated: Callable[..., Path]) -> None:
    # page-validation does not read attributes from the ClassMap; leafpress corrects it.
    def scope_by_class(pdf: pikepdf.Pdf) -> None:
        pdf.Root.StructTreeRoot.ClassMap = pikepdf.Dictionary(
            {"/head": pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column)}
        )
        for cell in elements(pdf, "TH"):
            cell.C = pikepdf.Name("/head")

    assert audit_pdf(mutated(_drop_headers, scope_by_class)).passed

    def class_without_scope(pdf: pikepdf.Pdf) -> None:
        scope_by_class(pdf)
        elements(pdf, "TH")[0].C = pikepdf.Name("/other")

    report = audit_pdf(mutated(_drop_headers, class_without_scope))
    assert report.conditions() == {"15-003"}
