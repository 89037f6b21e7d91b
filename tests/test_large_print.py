"""Large print: every piece of text at 16pt or more (footer included), no italics, A4."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from tests.fixture_builds import shared_build
from tests.pdfcheck import A4, drawn_text, italic_fonts, page_sizes, rounded, smallest_text

MINIMUM_PT = 16.0
TOLERANCE_PT = 0.01  # font-unit rounding: WeasyPrint draws 16pt as 15.9998pt


@pytest.fixture(scope="module")
def large_print() -> Iterator[tuple[pikepdf.Pdf, Path]]:
    path = shared_build().pdf("large-print")
    with pikepdf.open(path) as pdf:
        yield pdf, path


@pytest.fixture(scope="module")
def standard() -> Iterator[tuple[pikepdf.Pdf, Path]]:
    path = shared_build().pdf("standard")
    with pikepdf.open(path) as pdf:
        yield pdf, path


def test_no_text_under_16pt(large_print: tuple[pikepdf.Pdf, Path]) -> None:
    smallest = smallest_text(*large_print)
    assert smallest.size >= MINIMUM_PT - TOLERANCE_PT, smallest


def test_the_footer_is_measured_and_large(large_print: tuple[pikepdf.Pdf, Path]) -> None:
    pdf, path = large_print
    footer = [run for run in drawn_text(pdf, path) if "Page " in run.text and " of " in run.text]
    assert len(footer) == len(pdf.pages)
    assert min(run.size for run in footer) >= MINIMUM_PT - TOLERANCE_PT


def test_standard_print_fails_the_large_print_measure(
    standard: tuple[pikepdf.Pdf, Path],
) -> None:
    pdf, path = standard
    assert smallest_text(pdf, path).size == pytest.approx(12.0, abs=TOLERANCE_PT)
    footer = [run for run in drawn_text(pdf, path) if "Page " in run.text]
    assert footer and max(run.size for run in footer) < MINIMUM_PT


def test_no_italic_fonts(large_print: tuple[pikepdf.Pdf, Path]) -> None:
    assert italic_fonts(*large_print) == set()


def test_the_italic_check_fails_on_standard_print(standard: tuple[pikepdf.Pdf, Path]) -> None:
    # The fixture's *normal* is italic in standard print, bold upright in large print.
    assert italic_fonts(*standard)


def test_a4_pages(large_print: tuple[pikepdf.Pdf, Path]) -> None:
    assert page_sizes(large_print[0]) == {rounded(A4)}


def test_declared_as_large_print(large_print: tuple[pikepdf.Pdf, Path]) -> None:
    assert str(large_print[0].docinfo["/LeafpressVariant"]) == "large-print"


# ------------------------------------------- the measurement on hand-made content streams


def _one_page(tmp_path: Path, content: bytes, form: bytes | None = None,
              matrix: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> tuple[pikepdf.Pdf, Path]:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    if form is not None:
        xobject = pdf.make_stream(form)
        xobject.Type = pikepdf.Name.XObject
        xobject.Subtype = pikepdf.Name.Form
        xobject.BBox = pikepdf.Array([0, 0, 500, 500])
        xobject.Matrix = pikepdf.Array(matrix)
        xobject.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        resources.XObject = pikepdf.Dictionary(Fm1=xobject)
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = resources
    page.obj.Contents = pdf.make_stream(content)
    path = tmp_path / "sizes.pdf"
    pdf.save(path)
    return pikepdf.open(path), path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"BT /F1 12 Tf 72 700 Td (Small) Tj ET", 12.0),
        (b"BT /F1 24 Tf 2 0 0 2 72 700 Tm (Scaled up) Tj ET", 48.0),
        (b"q 0.5 0 0 0.5 0 0 cm BT /F1 24 Tf 72 700 Td (Halved) Tj ET Q", 12.0),
        (b"q 0.5 0 0 0.5 0 0 cm Q BT /F1 20 Tf 72 700 Td (Restored) Tj ET", 20.0),
    ],
)
def test_size_is_tf_times_text_matrix_times_ctm(
    tmp_path: Path, content: bytes, expected: float
) -> None:
    pdf, path = _one_page(tmp_path, content)
    with pdf:
        assert smallest_text(pdf, path).size == pytest.approx(expected)


def test_size_inside_a_form_xobject(tmp_path: Path) -> None:
    pdf, path = _one_page(
        tmp_path,
        b"BT /F1 18 Tf 72 700 Td (Body) Tj ET q 1 0 0 1 72 72 cm /Fm1 Do Q",
        form=b"BT /F1 24 Tf 0 0 Td (Footer) Tj ET",
        matrix=(0.5, 0, 0, 0.5, 0, 0),
    )
    with pdf:
        smallest = smallest_text(pdf, path)
        assert (smallest.text, smallest.size) == ("Footer", pytest.approx(12.0))
        assert smallest.size < MINIMUM_PT
