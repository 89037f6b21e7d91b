"""Catalog checks: Suspects, XMP metadata, DisplayDocTitle and the document language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from leafpress.audit import audit_pdf
from leafpress.audit.metadata import is_language_tag


@pytest.mark.parametrize("tag", ["en", "en-GB", "cy", "zh-Hant-TW", "sr-Latn-RS", "x-private"])
def test_well_formed_language_tags(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "english", "en_GB", "e", "en-", "12", "en GB"])
def test_malformed_language_tags(tag: str) -> None:
    assert not is_language_tag(tag)


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
    pdf.Root.Lang = pikepdf.String("English")


def _unparsable_xmp(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Metadata = pdf.make_stream(b"<x:xmpmeta <<< not xml")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (_set_suspects, "01-007"),
        (_drop_metadata, "06-001"),
        (_unparsable_xmp, "06-001"),
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

    assert report.conditions() == {expected}
    assert report.findings[0].page is None
