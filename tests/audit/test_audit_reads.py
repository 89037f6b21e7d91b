"""The audit only reads: each structure element's kids are read from the file once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from leafpress.audit import audit_pdf
from leafpress.pdfua import structure


def test_the_audit_reads_each_elements_kids_once(
        clean_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: Counter[tuple[int, int]] = Counter()
    real = structure._read_kids

    def counted(node: pikepdf.Dictionary) -> tuple[pikepdf.Object, ...]:
        if node.is_indirect:
            reads[node.objgen] += 1
        return real(node)

    monkeypatch.setattr(structure, "_read_kids", counted)
    report = audit_pdf(clean_pdf)
    assert report.passed, report.findings
    assert len(reads) > 20  # the tree was walked
    assert max(reads.values()) == 1, reads.most_common(3)
