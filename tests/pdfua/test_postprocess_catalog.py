"""Catalog entries PDF/UA needs are added only where missing."""

from __future__ import annotations

import pikepdf
from postprocess_pdfs import tiny_tagged_pdf

from leafpress.pdfua.catalog import complete_catalog

CONTENT = b"/P <</MCID 0>> BDC BT /F1 12 Tf 20 150 Td (Hello) Tj ET EMC"


def _bare() -> pikepdf.Pdf:
    pdf = tiny_tagged_pdf(CONTENT, [0])
    document = pdf.Root.StructTreeRoot.K[0]
    document["/Lang"] = pikepdf.String("cy")
    return pdf


def test_missing_entries_are_added() -> None:
    pdf = _bare()
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences"):
        assert key not in pdf.Root
    changes = complete_catalog(pdf)
    assert len(changes) == 3
    assert str(pdf.Root.Lang) == "cy"
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


def test_false_flags_and_empty_lang_are_fixed() -> None:
    pdf = _bare()
    pdf.Root["/Lang"] = pikepdf.String("")
    pdf.Root["/MarkInfo"] = pikepdf.Dictionary(Marked=False, Suspects=False)
    pdf.Root["/ViewerPreferences"] = pikepdf.Dictionary(DisplayDocTitle=False)
    assert len(complete_catalog(pdf)) == 3
    assert str(pdf.Root.Lang) == "cy"
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.MarkInfo.Suspects is False
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


def test_present_entries_are_left_alone() -> None:
    pdf = _bare()
    pdf.Root["/Lang"] = pikepdf.String("en-GB")
    pdf.Root["/MarkInfo"] = pikepdf.Dictionary(Marked=True)
    pdf.Root["/ViewerPreferences"] = pikepdf.Dictionary(DisplayDocTitle=True)
    assert complete_catalog(pdf) == []
    assert str(pdf.Root.Lang) == "en-GB"


def test_lang_nowhere_is_reported_not_invented() -> None:
    pdf = tiny_tagged_pdf(CONTENT, [0])
    changes = complete_catalog(pdf)
    assert "document /Lang is missing and no structure element has one" in changes
    assert "/Lang" not in pdf.Root
