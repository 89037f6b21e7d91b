"""The one-fault fixture PDFs: each is caught with the right Matterhorn or large-print code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import elements, retype, set_first_font_size, strip_tags

from leafpress.audit import CHECKS, LARGE_PRINT_CHECKS, audit_pdf

pytestmark = pytest.mark.slow  # the fixtures share one WeasyPrint render


def test_clean_file_passes_every_check(clean_pdf: Path) -> None:
    report = audit_pdf(clean_pdf)

    assert report.findings == []
    assert report.passed
    assert report.large_print  # declared through /LeafpressVariant
    assert report.checks_run == [*CHECKS, *LARGE_PRINT_CHECKS]


def test_raw_weasyprint_footer_is_orphaned_content(raw_render: Path) -> None:
    report = audit_pdf(raw_render)

    assert report.conditions() == {"01-005"}
    (finding,) = report.findings
    assert finding.page == 1
    assert "not reachable from the structure tree root" in finding.message
    assert '"Page 1"' in finding.message
    assert finding.element is not None and finding.element.startswith("orphaned ")


def test_untagged_file(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(strip_tags))

    (finding,) = report.findings
    assert finding.condition == "01-005"
    assert "no structure tree" in finding.message
    assert "text-showing operator(s) on 1 page(s)" in finding.message


def test_missing_language(mutated: Callable[..., Path]) -> None:
    def drop_lang(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/Lang"]

    report = audit_pdf(mutated(drop_lang))

    assert report.conditions() == {"11-001"}


def test_figure_without_alt_text(mutated: Callable[..., Path]) -> None:
    def drop_alt(pdf: pikepdf.Pdf) -> None:
        del elements(pdf, "Figure")[0]["/Alt"]

    report = audit_pdf(mutated(drop_alt))

    assert report.conditions() == {"13-004"}
    assert report.findings[0].element is not None
    assert report.findings[0].element.startswith("Figure (object ")
    assert report.findings[0].page == 1


def test_skipped_heading_level(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(retype("H2", "H3")))

    assert report.conditions() == {"14-003"}
    assert "H3 follows H1" in report.findings[0].message


def test_12pt_text_in_a_large_print_file(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(set_first_font_size(16)))  # 16 px under WeasyPrint's 0.75 cm

    assert report.large_print
    assert report.conditions() == {"LP-001"}
    (finding,) = report.findings
    assert finding.page == 1
    assert "12.0pt" in finding.message


def test_link_outside_a_link_element(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(retype("Link", "Span")))

    assert report.conditions() == {"28-011"}
    assert "inside Span" in report.findings[0].message
    assert "https://example.org/bones" in report.findings[0].message


def test_link_missing_from_the_tree(mutated: Callable[..., Path]) -> None:
    def drop_objr(pdf: pikepdf.Pdf) -> None:
        link = elements(pdf, "Link")[0]
        link.K = pikepdf.Array([k for k in link.K if not isinstance(k, pikepdf.Dictionary)])

    report = audit_pdf(mutated(drop_objr))

    assert report.conditions() == {"28-011"}
    assert "not in the structure tree" in report.findings[0].message
