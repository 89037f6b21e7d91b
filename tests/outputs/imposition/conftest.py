"""Fixture booklets for the imposition tests, built with pikepdf (no rendering)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

A5 = (419.527559, 595.275591)
A4 = (595.275591, 841.889764)

BookletFactory = Callable[..., pikepdf.Pdf]


def build_booklet(
    page_count: int,
    size: tuple[float, float] = A5,
    *,
    title: str = "Living with secondary breast cancer",
    tagged: bool = True,
    bleed_pt: float = 0.0,
) -> pikepdf.Pdf:
    """A reading PDF with "Page N" in large Helvetica near the top of each page.

    When tagged, it looks like a PDF/UA file: marked content with MCIDs (also inside a
    nested form XObject), /StructParents, a /StructTreeRoot, /MarkInfo and pdfuaid XMP.
    With bleed_pt, the media box reaches that far beyond a /TrimBox of the given size,
    as WeasyPrint writes pages with CSS bleed.
    """
    width, height = size
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )
    for number in range(1, page_count + 1):
        label = f"BT /F1 48 Tf 40 {height - 100:.2f} Td (Page {number}) Tj ET"
        if tagged:
            label = f"/P <</MCID 0>> BDC {label} EMC /Artifact BMC 0 0 1 rg 10 10 5 5 re f EMC"
        badge = pdf.make_stream(b"/Span <</MCID 1>> BDC 0 0 m 10 0 l S EMC")
        badge.Type = Name.XObject
        badge.Subtype = Name.Form
        badge.BBox = Array([0, 0, 10, 10])
        if tagged:
            badge.StructParent = 1000 + number
        content = f"{label}\nq 1 0 0 1 40 40 cm /Badge Do Q\n".encode("ascii")
        page = Dictionary(
            Type=Name.Page,
            MediaBox=Array([-bleed_pt, -bleed_pt, width + bleed_pt, height + bleed_pt]),
            Resources=Dictionary(Font=Dictionary(F1=font), XObject=Dictionary(Badge=badge)),
            Contents=pdf.make_stream(content),
        )
        if bleed_pt:
            page.TrimBox = Array([0, 0, width, height])
        if tagged:
            page.StructParents = number - 1
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo.Title = title
    if tagged:
        pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.Lang = pikepdf.String("en-GB")
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["pdfuaid:part"] = "1"
            xmp["dc:title"] = title
    return pdf


@pytest.fixture
def make_booklet() -> BookletFactory:
    return build_booklet


@pytest.fixture
def save(tmp_path: Path) -> Callable[[pikepdf.Pdf, str], Path]:
    def _save(pdf: pikepdf.Pdf, name: str) -> Path:
        path = tmp_path / name
        pdf.save(path)
        return path

    return _save
