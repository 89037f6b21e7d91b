"""Every reading PDF of the fixture booklet passes the PDF/UA and large-print audit."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from booklet_build import Booklet

from leafpress.audit.runner import audit_pdf
from leafpress.pdfua.structure import iter_struct_elements

pytestmark = pytest.mark.slow


def findings(path: Path) -> list[str]:
    report = audit_pdf(path)
    return [f"{f.condition} p{f.page}: {f.message}" for f in report.findings]


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_reading_pdf_passes_the_audit(booklet: Booklet, variant: str) -> None:
    assert findings(booklet.pdf(variant)) == []


def test_blank_padded_reading_pdf_passes_the_audit(blank_padded: Booklet) -> None:
    assert findings(blank_padded.pdf("standard")) == []


def test_the_audit_fails_a_contents_left_as_a_list(booklet: Booklet, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(booklet.pdf("standard")) as pdf:
        for node in iter_struct_elements(pdf):
            if node.type == "TOC":
                node.element.S = pikepdf.Name.L
        pdf.save(broken)
    assert any(finding.startswith("09-006") for finding in findings(broken))
