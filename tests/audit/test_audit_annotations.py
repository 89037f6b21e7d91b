"""Annotation checks: page tab order (28-008, 28-009) and link descriptions (28-012)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from leafpress.audit import audit_pdf

pytestmark = pytest.mark.slow


def _drop_tabs(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj["/Tabs"]


def _row_tabs(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Tabs = pikepdf.Name.R


def _drop_link_contents(pdf: pikepdf.Pdf) -> None:
    del pdf.pages[0].obj.Annots[0]["/Contents"]


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [(_drop_tabs, "28-008"), (_row_tabs, "28-009"), (_drop_link_contents, "28-012")],
)
def test_annotation_faults(
    mutated: Callable[..., Path], mutation: Callable[[pikepdf.Pdf], None], expected: str
) -> None:
    report = audit_pdf(mutated(mutation))

    assert report.conditions() == {expected}
    assert report.findings[0].page == 1


def test_pages_without_annotations_need_no_tabs(mutated: Callable[..., Path]) -> None:
    def drop_link_and_tabs(pdf: pikepdf.Pdf) -> None:
        del pdf.pages[0].obj["/Annots"]
        del pdf.pages[0].obj["/Tabs"]

    assert "28-008" not in audit_pdf(mutated(drop_link_and_tabs)).conditions()
