"""Front and back covers carry what the issue asks for; only the inside pages have a footer."""

from __future__ import annotations

import pikepdf
import pytest
from booklet_build import BOOKLET_ID, URL, Booklet
from booklet_pdfs import figures_on_page, footer_page, lines, page_texts

from leafpress import Project
from leafpress.outputs import made_in
from leafpress.outputs.naming import sentence_names
from leafpress.pdfua.structure import iter_struct_elements

pytestmark = pytest.mark.slow

VARIANTS = ("standard", "large-print")
TITLE = "Living with a test booklet"


def words(text: str) -> str:
    """Text with runs of white space made single spaces (covers wrap differently)."""
    return " ".join(text.split())


@pytest.mark.parametrize("variant", VARIANTS)
def test_footer_is_on_inside_pages_only(booklet: Booklet, variant: str) -> None:
    texts = page_texts(booklet.pdf(variant))
    count = len(texts)
    assert footer_page(texts[0]) is None
    assert footer_page(texts[-1]) is None
    assert [footer_page(text) for text in texts[1:-1]] == [(n, count) for n in range(2, count)]


def test_footer_check_sees_a_footer() -> None:
    assert footer_page("Text\nLP-TEST-B01 version 3.2 · Page 7 of 12\n") == (7, 12)


@pytest.mark.parametrize("variant", VARIANTS)
def test_front_cover_has_title_subtitle_code_and_notices(booklet: Booklet, variant: str) -> None:
    cover = words(page_texts(booklet.pdf(variant))[0])
    assert TITLE in cover
    assert "A small booklet for the test suite" in cover
    assert "LP-TEST-B01 · version 3.2" in cover
    assert "Fixture Publisher (not a real organisation)" in cover
    assert "Draft: not yet clinically reviewed." in cover  # the fixture has a draft section
    assert ("Large print" in cover) == (variant == "large-print")


@pytest.mark.parametrize("variant", VARIANTS)
def test_front_cover_tags_the_logo_and_the_title(booklet: Booklet, variant: str) -> None:
    with pikepdf.open(booklet.pdf(variant)) as pdf:
        alts = [str(figure.get("/Alt", "")) for figure in figures_on_page(pdf, 0)]
        assert alts == ["Fixture Publisher logo"]
        headings = [node for node in iter_struct_elements(pdf) if node.type == "H1"]
        assert len(headings) == 1
        assert headings[0].page is not None
        assert headings[0].page.objgen == pdf.pages[0].obj.objgen


@pytest.mark.parametrize("variant", VARIANTS)
def test_back_cover_has_formats_contacts_dates_and_code(booklet: Booklet, variant: str) -> None:
    back = words(page_texts(booklet.pdf(variant))[-1])
    # The formats made for it are named, from the registry and its definition (issue 12).
    definition = Project.open(booklet.project).leaflets[BOOKLET_ID].definition
    named = sentence_names(made_in(definition))
    made = ", ".join(named[:-1]) + " and " + named[-1]
    assert f"This booklet is made in {made}." in back
    assert "To ask for it in another format, phone 01234 000000 or email help@example.org." in (
        back)
    assert "2 Test Road" in back and "Website: https://example.org" in back
    assert "Draft: not yet clinically reviewed. Written: 5 November 2024." in back
    assert "Reviewed:" not in back
    edition = " · large print edition" if variant == "large-print" else ""
    assert f"LP-TEST-B01 · version 3.2{edition}" in back
    assert URL in back.replace(" ", "")  # the caption may wrap the address


@pytest.mark.parametrize("variant", VARIANTS)
def test_back_cover_qr_code_is_a_figure_whose_alt_has_the_url(
    booklet: Booklet, variant: str
) -> None:
    with pikepdf.open(booklet.pdf(variant)) as pdf:
        figures = figures_on_page(pdf, len(pdf.pages) - 1)
        assert len(figures) == 1
        alt = str(figures[0].get("/Alt", ""))
        assert alt.startswith("QR code.") and URL in alt
        kinds = [str(kid.get("/S")) for kid in figures[0].K if isinstance(kid, pikepdf.Dictionary)]
        assert "/Caption" in kinds
        # the front cover has a figure too, but not the QR code
        assert not [f for f in figures_on_page(pdf, 0) if URL in str(f.get("/Alt", ""))]


def test_cover_words_check_is_not_vacuous(booklet: Booklet) -> None:
    texts = page_texts(booklet.pdf("standard"))
    assert "Large print" not in words(texts[0])
    assert lines(texts[1])[0] == "Contents"
    assert "available in other formats" not in words(texts[0])
