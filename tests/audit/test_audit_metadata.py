"""Catalog faults: Suspects, XMP metadata, DisplayDocTitle and the document language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import helvetica, save, tiny_pdf

from leafpress.audit import audit_pdf


def _set_suspects(pdf: pikepdf.Pdf) -> None:
    pdf.Root.MarkInfo.Suspects = True


def _drop_metadata(pdf: pikepdf.Pdf) -> None:
    del pdf.Root["/Metadata"]


def _drop_xmp(key: str) -> Callable[[pikepdf.Pdf], None]:
    def mutate(pdf: pikepdf.Pdf) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            del meta[key]

    return mutate


def _drop_display_doc_title(pdf: pikepdf.Pdf) -> None:
    del pdf.Root.ViewerPreferences["/DisplayDocTitle"]


def _false_display_doc_title(pdf: pikepdf.Pdf) -> None:
    pdf.Root.ViewerPreferences.DisplayDocTitle = False


def _bad_lang(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Lang = pikepdf.String("en GB")


def _unparsable_xmp(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Metadata = pdf.make_stream(b"<x:xmpmeta <<< not xml")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (_set_suspects, "01-007"),
        (_drop_metadata, "06-001 06-002 06-003"),
        (_unparsable_xmp, "06-001 06-002 06-003"),
        (_drop_xmp("pdfuaid:part"), "06-002"),
        (_drop_xmp("dc:title"), "06-003"),
        (_drop_display_doc_title, "07-001"),
        (_false_display_doc_title, "07-002"),
        (_bad_lang, "11-001"),
    ],
)
def test_catalog_faults(
    mutated: Callable[..., Path], mutation: Callable[[pikepdf.Pdf], None], expected: str
) -> None:
    report = audit_pdf(mutated(mutation))

    assert report.conditions() == set(expected.split())
    assert all(finding.page is None for finding in report.findings)


@pytest.mark.slow
@pytest.mark.parametrize("tag", ["en", "en-GB", "cy", "zh-Hant-TW", "i-klingon", "x-private"])
def test_rfc_3066_language_values_pass(mutated: Callable[..., Path], tag: str) -> None:
    def set_lang(pdf: pikepdf.Pdf) -> None:
        pdf.Root.Lang = pikepdf.String(tag)

    assert audit_pdf(mutated(set_lang)).passed


def test_language_on_the_structure_instead_of_the_catalog(tmp_path: Path) -> None:
    content = b"/P <</MCID 0>> BDC BT /F1 18 Tf 72 700 Td (Hi) Tj ET EMC"
    pdf = tiny_pdf(content, fonts={"F1": helvetica()}, mcids=(0,))
    assert "11-001" in audit_pdf(save(pdf, tmp_path, "none.pdf")).conditions()

    pdf.Root.StructTreeRoot.K[0].Lang = pikepdf.String("en-GB")  # no catalog /Lang
    assert "11-001" not in audit_pdf(save(pdf, tmp_path, "on-p.pdf")).conditions()
