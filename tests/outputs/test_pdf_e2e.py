"""End to end: the fixture leaflet built through cli.main, checked through pikepdf and poppler."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from weasyprint import HTML

from leafpress.pdfua import finish as pdffinish
from tests.fixture_builds import VARIANTS, fixture_leaflet, shared_build
from tests.htmlcheck import heading_skips
from tests.pdfcheck import (
    A4,
    A5,
    heading_levels,
    orphan_marked_content,
    page_sizes,
    pdffonts,
    pdftotext,
    rounded,
)

TITLE = "Living with a test leaflet: A small leaflet for the test suite"
PAGE_SIZES = {"standard": A5, "large-print": A4}  # the definition says A5


@pytest.fixture(scope="module", params=VARIANTS)
def variant(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def pdf_path(variant: str) -> Path:
    return shared_build().pdf(variant)


@pytest.fixture(scope="module")
def pdf(pdf_path: Path) -> Iterator[pikepdf.Pdf]:
    with pikepdf.open(pdf_path) as opened:
        yield opened


@pytest.fixture(scope="module")
def text(pdf_path: Path) -> str:
    return pdftotext(pdf_path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_tagged(pdf: pikepdf.Pdf) -> None:
    assert isinstance(pdf.Root.get("/StructTreeRoot"), pikepdf.Dictionary)
    assert bool(pdf.Root.MarkInfo.Marked) is True


def test_language_is_the_definitions(pdf: pikepdf.Pdf) -> None:
    assert str(pdf.Root.Lang) == fixture_leaflet().definition.language == "en-GB"


def test_title_is_shown_as_the_window_title(pdf: pikepdf.Pdf) -> None:
    assert str(pdf.docinfo["/Title"]) == TITLE
    assert pdf.open_metadata()["dc:title"] == TITLE
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True


def test_metadata_author_subject_keywords(pdf: pikepdf.Pdf, variant: str) -> None:
    info = pdf.docinfo
    assert str(info["/Author"]) == "Fixture Publisher (not a real organisation)"
    assert "A small leaflet for the test suite" in str(info["/Subject"])
    keywords = str(info["/Keywords"])
    assert "LP-TEST-001" in keywords and variant in keywords
    assert str(info["/LeafpressVariant"]) == variant


def test_pdf_ua_identifier(pdf: pikepdf.Pdf) -> None:
    assert str(pdf.open_metadata().get("pdfuaid:part")) == "1"


def test_one_h1_and_no_skipped_heading_levels(pdf: pikepdf.Pdf) -> None:
    levels = heading_levels(pdf)
    assert levels.count(1) == 1, f"H1 elements: {levels.count(1)} (levels {levels})"
    assert levels[0] == 1
    assert heading_skips(levels) == []
    assert len(levels) >= 10  # title, sections, inner headings, words we use, about


def test_heading_walk_can_fail() -> None:
    pdf = pikepdf.new()
    kinds = ["H1", "H1", "H3"]
    elements = [pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                                     S=pikepdf.Name("/" + k)))
                for k in kinds]
    document = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array(elements)))
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructTreeRoot, K=document))
    levels = heading_levels(pdf)
    assert levels == [1, 1, 3]
    assert heading_skips(levels) == [(1, 3)]


def test_outline_lists_the_headings(pdf: pikepdf.Pdf) -> None:
    assert isinstance(pdf.Root.get("/Outlines"), pikepdf.Dictionary)
    with pdf.open_outline() as outline:
        titles = []
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(item.title.replace("\N{NO-BREAK SPACE}", " "))
            stack[:0] = list(item.children)
    assert "First things first" in titles
    assert "How you may feel" in titles
    assert "About this information" in titles


def test_page_size(pdf: pikepdf.Pdf, variant: str) -> None:
    assert page_sizes(pdf) == {rounded(PAGE_SIZES[variant])}


def test_footer_on_every_page(pdf: pikepdf.Pdf, text: str) -> None:
    pages = [_flat(page) for page in text.split("\f") if page.strip()]
    count = len(pdf.pages)
    assert len(pages) == count
    for number, page in enumerate(pages, start=1):
        # A draft's footer never shows a review date (issue 12).
        assert "Draft: not yet clinically reviewed" in page and "Reviewed" not in page
        assert "Written: 5 November 2024" in page
        assert f"LP-TEST-001 version 2.1 · Page {number} of {count}" in page


def test_end_section_text(text: str) -> None:
    flat = _flat(text)
    for expected in (
        "About this information",
        "Who checked this information",
        "Dr Ada Example, Consultant oncologist",
        "This information has not yet been clinically reviewed.",
        "Advanced breast cancer. NICE, 2017.",
        "Draft: not yet clinically reviewed. Written: 5 November 2024.",
        "Available in other formats",
        "Words we use",
        "Draft: not yet clinically reviewed.",
    ):
        assert expected in flat


def test_no_orphan_marked_content(pdf: pikepdf.Pdf) -> None:
    assert orphan_marked_content(pdf) == []


def test_fonts_embedded(pdf_path: Path) -> None:
    fonts = pdffonts(pdf_path)
    assert fonts
    assert [f.name for f in fonts if not f.embedded] == []


# ------------------------------------------------------- the checks themselves can fail

FOOTER_HTML = """<!DOCTYPE html><html lang="en-GB"><head><title>Raw</title><style>
@page { size: A5; @bottom-left { content: "Reviewed: 1 July 2026 · Page " counter(page); } }
</style></head><body><h1>Raw render</h1><p>Some text.</p></body></html>"""


@pytest.fixture(scope="module")
def raw_render() -> bytes:
    """WeasyPrint's own PDF/UA output for a page with a margin box, before leafpress."""
    data: bytes = HTML(string=FOOTER_HTML).write_pdf(pdf_variant="pdf/ua-1")
    return data


def test_orphan_check_fails_on_a_raw_weasyprint_render(raw_render: bytes) -> None:
    with pikepdf.open(io.BytesIO(raw_render)) as raw:
        orphans = orphan_marked_content(raw)
        assert orphans, "the margin box's marked content should be unreachable"
        assert {o.page for o in orphans} == {1}


def test_leafpress_finishing_fixes_the_raw_render(raw_render: bytes) -> None:
    finished = pdffinish.finish(raw_render, variant="standard")
    with pikepdf.open(io.BytesIO(finished)) as pdf:
        assert orphan_marked_content(pdf) == []


def test_embedding_check_can_fail(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica)
    page = pdf.add_blank_page(page_size=(200, 200))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 10 10 Td (Hi) Tj ET")
    path = tmp_path / "helvetica.pdf"
    pdf.save(path)
    assert [(f.name, f.embedded) for f in pdffonts(path)] == [("Helvetica", False)]
