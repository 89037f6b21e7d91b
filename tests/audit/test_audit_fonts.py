"""Font faults: Unicode mapping (31-027) and embedding (31-009); the CMap reader."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import helvetica, save, tiny_pdf

from leafpress.audit import audit_pdf
from leafpress.audit.cmap import parse_cmap

CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <7f> endcodespacerange
1 begincodespacerange <8000> <ffff> endcodespacerange
2 beginbfchar <41> <0041> <8001> <00660069> endbfchar
2 beginbfrange <61> <63> <0061> <70> <71> [<03B1> <03B2>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def test_cmap_reader_maps_chars_and_ranges() -> None:
    with pikepdf.new() as pdf:
        cmap = parse_cmap(pdf.make_stream(CMAP))

    assert cmap.to_unicode(b"A") == "A"
    assert cmap.to_unicode(b"\x80\x01") == "fi"
    assert cmap.to_unicode(b"c") == "c"
    assert cmap.to_unicode(b"q") == "β"
    assert cmap.to_unicode(b"d") is None
    assert cmap.split(b"A\x80\x01c") == [b"A", b"\x80\x01", b"c"]


def _fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    yield from pdf.pages[0].Resources.Font.values()


def _drop_to_unicode(pdf: pikepdf.Pdf) -> None:
    for font in _fonts(pdf):
        del font["/ToUnicode"]


def _empty_to_unicode(pdf: pikepdf.Pdf) -> None:
    empty = b"begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange endcmap"
    for font in _fonts(pdf):
        font.ToUnicode = pdf.make_stream(empty)


def _unembed(pdf: pikepdf.Pdf) -> None:
    for font in _fonts(pdf):
        del font.DescendantFonts[0].FontDescriptor["/FontFile2"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (_drop_to_unicode, {"31-027"}),
        (_empty_to_unicode, {"31-027"}),
        (_unembed, {"31-009"}),
    ],
)
def test_font_faults_in_a_weasyprint_file(
    mutated: Callable[..., Path], mutation: Callable[[pikepdf.Pdf], None], expected: set[str]
) -> None:
    report = audit_pdf(mutated(mutation))

    assert report.conditions() == expected
    elements = [f.element or "" for f in report.findings]
    assert all(re.fullmatch(r"font \w+\+\S+ \(object \d+\)", e) for e in elements), elements


def _font_conditions(folder: Path, font: pikepdf.Dictionary, text: bytes = b"(Abc)") -> set[str]:
    content = b"/P <</MCID 0>> BDC BT /F1 18 Tf 72 700 Td " + text + b" Tj ET EMC"
    report = audit_pdf(save(tiny_pdf(content, fonts={"F1": font}, mcids=(0,)), folder))
    return report.conditions() & {"31-027", "31-009"}


def test_standard_encoded_simple_font_maps_but_is_not_embedded(tmp_path: Path) -> None:
    assert _font_conditions(tmp_path, helvetica()) == {"31-009"}


def test_symbolic_font_without_encoding_cannot_map(tmp_path: Path) -> None:
    font = helvetica(FontDescriptor=pikepdf.Dictionary(Flags=4, FontFile2=pikepdf.Dictionary()))
    del font["/Encoding"]  # an empty FontFile2 is no font program: 31-009 too

    assert _font_conditions(tmp_path, font) == {"31-027", "31-009"}


def test_invisible_text_font_need_not_be_embedded(tmp_path: Path) -> None:
    content = b"/P <</MCID 0>> BDC BT 3 Tr /F1 18 Tf 72 700 Td (OCR) Tj ET EMC"
    report = audit_pdf(save(tiny_pdf(content, fonts={"F1": helvetica()}, mcids=(0,)), tmp_path))

    assert "31-009" not in report.conditions()
