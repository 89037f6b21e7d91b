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

    assert report.conditions() == {"01-005"}
    rules = {finding.rule for finding in report.findings}
    assert rules == {
        "PDFUA1-STRUCT-TREE-ROOT-001",
        "PDFUA1-TAGGED-DOCUMENT-001",
        "PDFUA1-CONTENT-TAGGING-001",
    }
    assert any("no structure tree" in finding.message for finding in report.findings)


def test_missing_language(mutated: Callable[..., Path]) -> None:
    def drop_lang(pdf: pikepdf.Pdf) -> None:
        del pdf.Root["/Lang"]

    report = audit_pdf(mutated(drop_lang))

    # page text, the figure's Alt, the bookmarks and the link's Contents all lose it
    assert report.conditions() == {"11-001", "11-002", "11-003", "11-004"}


def test_figure_without_alt_text(mutated: Callable[..., Path]) -> None:
    def drop_alt(pdf: pikepdf.Pdf) -> None:
        del elements(pdf, "Figure")[0]["/Alt"]

    report = audit_pdf(mutated(drop_alt))

    assert report.conditions() == {"13-004"}
    (finding,) = report.findings
    assert finding.element is not None
    assert finding.element.startswith("Document › ")
    assert " › Figure (object " in finding.element
    assert finding.page == 1
    assert "alternative text" in finding.message


def test_skipped_heading_level(mutated: Callable[..., Path]) -> None:
    report = audit_pdf(mutated(retype("H2", "H3")))

    assert report.conditions() == {"14-003"}
    assert (report.findings[0].element or "").startswith("Document › H3 (object ")


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
    (finding,) = report.findings  # the engine's; leafpress's own does not repeat it
    assert finding.rule == "PDFUA1-LINK-LINK-TAG-001"
    assert finding.page == 1
    assert (finding.element or "").startswith("Link annotation (object ")


def test_link_missing_from_the_tree(mutated: Callable[..., Path]) -> None:
    def drop_objr(pdf: pikepdf.Pdf) -> None:
        link = elements(pdf, "Link")[0]
        link.K = pikepdf.Array([k for k in link.K if not isinstance(k, pikepdf.Dictionary)])

    report = audit_pdf(mutated(drop_objr))

    # page-validation finds the Link element through the ParentTree and is silent;
    # leafpress's own check walks the tree, as a screen reader does, and misses the link.
    assert report.conditions() == {"28-011"}
    (finding,) = report.findings
    assert finding.rule is None
    assert "not in the structure tree" in finding.message
    assert "https://example.org/bones" in finding.message
