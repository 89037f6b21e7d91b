"""Large-print checks: drawn text size, A4 pages, italics and text contrast."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import form_xobject, helvetica, save, tiny_pdf

from leafpress.audit import LARGE_PRINT_CHECKS, audit_pdf


def _tagged(body: bytes) -> bytes:
    return b"/P <</MCID 0>> BDC " + body + b" EMC"


def _large_print(
    folder: Path, body: bytes, *, size: tuple[float, float] = (595.28, 841.89), **fonts: object
) -> list[tuple[str, str, int | None]]:
    font_dicts = {"F1": helvetica(), **fonts}
    pdf = tiny_pdf(_tagged(body), fonts=font_dicts, mcids=(0,), size=size)  # type: ignore[arg-type]
    report = audit_pdf(save(pdf, folder), large_print=True)
    return [(f.condition, f.message, f.page) for f in report.findings if f.condition[:3] == "LP-"]


@pytest.mark.parametrize(
    ("body", "drawn"),
    [
        (b"BT /F1 12 Tf 72 700 Td (Small) Tj ET", "12.0pt"),
        (b"q 0.5 0 0 0.5 0 0 cm BT /F1 24 Tf 72 700 Td (Small) Tj ET Q", "12.0pt"),
        (b"BT 0.5 0 0 0.5 72 700 Tm /F1 30 Tf (Small) Tj ET", "15.0pt"),
        (b"BT /F1 20 Tf 72 700 Td (Big) Tj 0.5 0 0 0.5 72 600 Tm (Small) Tj ET", "10.0pt"),
        (b"q 2 0 0 2 0 0 cm Q BT /F1 14 Tf 72 700 Td 0 -20 TD (Small) ' ET", "14.0pt"),
    ],
)
def test_text_below_16pt_is_found(tmp_path: Path, body: bytes, drawn: str) -> None:
    (finding,) = _large_print(tmp_path, body)

    assert finding[0] == "LP-001"
    assert drawn in finding[1]
    assert '"Small"' in finding[1]
    assert finding[2] == 1


@pytest.mark.parametrize(
    "body",
    [
        b"BT /F1 16 Tf 72 700 Td (Fine) Tj ET",
        b"q 2 0 0 2 0 0 cm BT /F1 8 Tf 36 350 Td (Fine) Tj ET Q",
        b"BT 3 Tr /F1 6 Tf 72 700 Td (Invisible OCR layer) Tj ET",  # not rendered
        b"BT /F1 6 Tf 72 700 Td (   ) Tj ET",  # white space only
        b"q 0.5 0 0 0.5 0 0 cm Q BT /F1 16 Tf 72 700 Td (Fine) Tj ET",  # q/Q restores
    ],
)
def test_text_at_16pt_or_not_visible_passes(tmp_path: Path, body: bytes) -> None:
    assert _large_print(tmp_path, body) == []


def test_text_in_a_scaled_form_xobject_is_measured(tmp_path: Path) -> None:
    pdf = tiny_pdf(_tagged(b"/Fm0 Do"), fonts={"F1": helvetica()}, mcids=(0,))
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(
        Fm0=form_xobject(
            pdf,
            b"BT /F1 20 Tf 10 10 Td (Logo text) Tj ET",
            pikepdf.Dictionary(Font=pdf.pages[0].Resources.Font),
            Matrix=pikepdf.Array([0.5, 0, 0, 0.5, 100, 100]),
        )
    )
    report = audit_pdf(save(pdf, tmp_path), large_print=True)

    (finding,) = [f for f in report.findings if f.condition == "LP-001"]
    assert "10.0pt" in finding.message


@pytest.mark.parametrize(
    ("size", "passes"),
    [((595.28, 841.89), True), ((841.89, 595.28), True), ((595, 842), True),
     ((419.53, 595.28), False), ((612, 792), False)],
)  # fmt: skip
def test_page_must_be_a4(tmp_path: Path, size: tuple[float, float], passes: bool) -> None:
    findings = _large_print(tmp_path, b"BT /F1 18 Tf 72 500 Td (Text) Tj ET", size=size)

    assert (findings == []) is passes
    assert all(code == "LP-002" for code, _, _ in findings)


def test_trim_box_is_the_page_size_when_there_is_bleed(tmp_path: Path) -> None:
    pdf = tiny_pdf(_tagged(b""), mcids=(0,), size=(613.28, 859.89))
    pdf.pages[0].obj.TrimBox = pikepdf.Array([9, 9, 604.28, 850.89])
    report = audit_pdf(save(pdf, tmp_path), large_print=True)

    assert "LP-002" not in report.conditions()


@pytest.mark.parametrize(
    "font",
    [
        helvetica(BaseFont=pikepdf.Name("/Helvetica-Oblique")),
        helvetica(BaseFont=pikepdf.Name("/ABCDEF+Frutiger-Italic")),
        helvetica(FontDescriptor=pikepdf.Dictionary(Flags=64 | 32, ItalicAngle=0)),
        helvetica(FontDescriptor=pikepdf.Dictionary(Flags=32, ItalicAngle=-12)),
    ],
)
def test_italic_fonts_are_flagged(tmp_path: Path, font: pikepdf.Dictionary) -> None:
    findings = _large_print(tmp_path, b"BT /F2 18 Tf 72 700 Td (Slanted) Tj ET", F2=font)

    assert [code for code, _, _ in findings] == ["LP-003"]


def test_synthetic_slant_is_flagged(tmp_path: Path) -> None:
    findings = _large_print(tmp_path, b"BT 1 0 0.25 1 72 700 Tm /F1 18 Tf (Slanted) Tj ET")

    ((code, message, _),) = findings
    assert code == "LP-003"
    assert "slanted by 14°" in message


def test_upright_font_passes_the_italic_check(tmp_path: Path) -> None:
    upright = helvetica(FontDescriptor=pikepdf.Dictionary(Flags=32, ItalicAngle=0))
    assert _large_print(tmp_path, b"BT /F2 18 Tf 72 700 Td (Upright) Tj ET", F2=upright) == []


BLACK_PAGE = b"/Artifact BMC 0 g 0 0 595.28 841.89 re f EMC "


@pytest.mark.parametrize(
    ("body", "ratio"),
    [
        (b"0.6 g BT /F1 18 Tf 72 700 Td (Grey) Tj ET", "2.85:1"),
        (b"0.6 0.6 0.6 rg BT /F1 18 Tf 72 700 Td (Grey) Tj ET", "2.85:1"),
        (b"/DeviceRGB cs 1 1 0 sc BT /F1 18 Tf 72 700 Td (Yellow) Tj ET", "1.07:1"),
        (b"0 0 0 0.4 k BT /F1 18 Tf 72 700 Td (Grey) Tj ET", "2.85:1"),
        (b"1 g BT /F1 18 Tf 72 700 Td (White) Tj ET", "1.00:1"),
        (b"/GS0 gs 0 g BT /F1 18 Tf 72 700 Td (Faint) Tj ET", "2.11:1"),
    ],
)
def test_low_contrast_text_is_found(tmp_path: Path, body: bytes, ratio: str) -> None:
    pdf = tiny_pdf(_tagged(body), fonts={"F1": helvetica()}, mcids=(0,))
    pdf.pages[0].Resources.ExtGState = pikepdf.Dictionary(GS0=pikepdf.Dictionary(ca=0.3))
    report = audit_pdf(save(pdf, tmp_path), large_print=True)

    (finding,) = [f for f in report.findings if f.condition.startswith("LP-")]
    assert finding.condition == "LP-004"
    assert ratio in finding.message


def test_black_text_on_a_black_box_fails(tmp_path: Path) -> None:
    findings = _large_print(tmp_path, BLACK_PAGE + b"0 g BT /F1 18 Tf 72 700 Td (Hidden) Tj ET")

    ((code, message, _),) = findings
    assert code == "LP-004"
    assert "#000000 on #000000" in message


BORDER_RING = (  # a WeasyPrint-style left border: clip to the bar, fill a ring even-odd
    b"/Artifact BMC q 60 0 m 60 800 l 68 800 l 68 0 l h W* n "
    b"0 g 68 0 500 800 re 60 0 508 800 re f* Q EMC "
)
CLIPPED_BLACK = b"/Artifact BMC q 0 0 100 100 re W n 0 g 0 0 595 842 re f Q EMC "


def test_text_inside_a_clipped_black_fill_fails(tmp_path: Path) -> None:
    findings = _large_print(tmp_path, CLIPPED_BLACK + b"0 g BT /F1 18 Tf 20 20 Td (In) Tj ET")

    assert [code for code, _, _ in findings] == ["LP-004"]


@pytest.mark.parametrize(
    "body",
    [
        b"0 g BT /F1 18 Tf 72 700 Td (Black) Tj ET",
        BORDER_RING + b"0 g BT /F1 18 Tf 72 700 Td (Beside a border) Tj ET",
        CLIPPED_BLACK + b"0 g BT /F1 18 Tf 72 700 Td (Outside the clip) Tj ET",
        b"0 0 1 rg BT /F1 18 Tf 72 700 Td (Blue) Tj ET",
        BLACK_PAGE + b"1 g BT /F1 18 Tf 72 700 Td (White on black) Tj ET",
        b"/CS0 cs 0.9 sc BT /F1 18 Tf 72 700 Td (Unknown space) Tj ET",  # not judged
    ],
)
def test_readable_or_unknown_colours_pass(tmp_path: Path, body: bytes) -> None:
    pdf = tiny_pdf(_tagged(body), fonts={"F1": helvetica()}, mcids=(0,))
    pdf.pages[0].Resources.ColorSpace = pikepdf.Dictionary(
        CS0=pikepdf.Array([pikepdf.Name.ICCBased, pdf.make_stream(b"", N=1)])
    )
    report = audit_pdf(save(pdf, tmp_path), large_print=True)

    assert not {c for c in report.conditions() if c.startswith("LP-")}


@pytest.mark.slow
def test_large_print_is_detected_from_the_document_info(
    mutated: Callable[..., Path], clean_pdf: Path
) -> None:
    def undeclare(pdf: pikepdf.Pdf) -> None:
        del pdf.docinfo["/LeafpressVariant"]

    def shrink_text(pdf: pikepdf.Pdf) -> None:
        pdf.pages[0].Contents.write(b"0.5 0 0 0.5 0 0 cm " + pdf.pages[0].Contents.read_bytes())

    standard = mutated(undeclare, shrink_text)
    assert not audit_pdf(standard).large_print
    assert audit_pdf(standard).passed  # the large-print checks did not run
    assert not set(LARGE_PRINT_CHECKS) & set(audit_pdf(standard).checks_run)
    assert "LP-001" in audit_pdf(standard, large_print=True).conditions()
    assert audit_pdf(mutated(shrink_text)).large_print
    assert "LP-001" in audit_pdf(mutated(shrink_text)).conditions()
    assert not audit_pdf(mutated(shrink_text), large_print=False).large_print
