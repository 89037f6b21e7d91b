"""Imposing a real tagged WeasyPrint booklet: fonts stay embedded, tags and links go."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Name

from leafpress.outputs.imposition import impose, save_print_file

pytestmark = pytest.mark.slow

HTML = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Bones and secondary breast cancer</title>
<style>
@page { size: A5; margin: 15mm; bleed: 3mm }
@page :first { background: #d8e6f2 }
body { font-family: sans-serif; font-size: 11pt }
section { break-before: page }
.box { opacity: 0.8; background: #eee; padding: 4mm }
</style></head><body>
<h1>Bones and secondary breast cancer</h1>
<section><h2>Pain</h2><p>Tell your team about new <strong>bone pain</strong>.</p></section>
<section><h2>Help</h2><div class="box"><p>See <a href="https://example.org/help">help</a>.</p></div></section>
<section><h2>Notes</h2><p>Write your questions here.</p></section>
<section><h2>Contacts</h2><p>Your nurse: 01234 567890</p></section>
</body></html>"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    weasyprint = pytest.importorskip("weasyprint")
    folder = tmp_path_factory.mktemp("weasyprint")
    reading, printing = folder / "bones.pdf", folder / "bones-print.pdf"
    weasyprint.HTML(string=HTML).write_pdf(reading, pdf_variant="pdf/ua-1")
    save_print_file(
        impose(reading, bleed_mm=3, crop_marks=True, reading_filename="bones.pdf"), printing
    )
    return reading, printing


def fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == Name.Font:
            yield obj


def is_embedded(font: pikepdf.Object) -> bool:
    if font.get("/Subtype") == Name.Type0:
        return all(is_embedded(d) for d in font.DescendantFonts)
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def test_reading_pdf_is_a_tagged_five_page_booklet(rendered: tuple[Path, Path]) -> None:
    with pikepdf.open(rendered[0]) as reading:
        assert len(reading.pages) == 5
        assert "/StructTreeRoot" in reading.Root


def test_five_pages_make_two_sheets(rendered: tuple[Path, Path]) -> None:
    with pikepdf.open(rendered[1]) as printing:
        assert len(printing.pages) == 4
        assert [sorted(side.obj.Resources.XObject.keys()) for side in printing.pages] == [
            ["/P1", "/P5"],
            ["/P2"],
            ["/P3"],
            ["/P4"],
        ]


def test_fonts_stay_embedded_and_shared(rendered: tuple[Path, Path]) -> None:
    with pikepdf.open(rendered[0]) as reading, pikepdf.open(rendered[1]) as printing:
        printed_fonts = list(fonts(printing))
        assert printed_fonts and all(is_embedded(f) for f in printed_fonts)
        assert len(printed_fonts) == len(list(fonts(reading)))
        bare = pikepdf.Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
        assert not is_embedded(bare)


def test_text_is_still_extractable(rendered: tuple[Path, Path]) -> None:
    text = subprocess.run(
        ["pdftotext", str(rendered[1]), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "bone pain" in text and "01234 567890" in text


def test_tags_and_links_are_gone(rendered: tuple[Path, Path]) -> None:
    with pikepdf.open(rendered[1]) as printing:
        assert "/StructTreeRoot" not in printing.Root and "/MarkInfo" not in printing.Root
        assert all("/Annots" not in side.obj for side in printing.pages)
        streams = [
            *printing.pages,
            *(
                o
                for o in printing.objects
                if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == Name.Form
            ),
        ]
        assert len(streams) > len(printing.pages) + 5  # pages, page forms and nested forms
        assert not any(pikepdf.parse_content_stream(s, "BDC BMC EMC") for s in streams)
    with pikepdf.open(rendered[0]) as reading:
        assert any(pikepdf.parse_content_stream(p, "BDC") for p in reading.pages)


def test_cover_background_runs_into_the_bleed(rendered: tuple[Path, Path]) -> None:
    with pikepdf.open(rendered[1]) as printing:
        cover = printing.pages[0].obj.Resources.XObject["/P1"]
        x0, y0, x1, y1 = (float(v) for v in cover.BBox)
        width, height = 148 * 72 / 25.4, 210 * 72 / 25.4
        bleed = 3 * 72 / 25.4
        assert (x0, y0) == pytest.approx((0, -bleed), abs=0.01)
        assert (x1, y1) == pytest.approx((width + bleed, height + bleed), abs=0.01)
