"""The finished sample PDFs: furniture, links, citations, contents, glossary, figures."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest
from tests.render.sample_layouts import Sample, cases

from leafpress.pdfua import links
from leafpress.pdfua.bbox import points_bbox
from leafpress.pdfua.structure import iter_struct_elements
from leafpress.render.html import document_title, phone_uri

CASES = cases()
RAW_ID = re.compile(r"^(ref-\d+|section-[a-z0-9-]+|[a-z-]+)$")
pytestmark = pytest.mark.slow


def text_pages(data: bytes) -> list[str]:
    """The text of each page, by poppler's pdftotext."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_drafts_never_say_reviewed(samples: dict[tuple[str, str], Sample],
                                   leaflet: str, edition: str) -> None:
    pages = text_pages(samples[leaflet, edition].pdf)
    assert not any("Reviewed:" in page for page in pages)
    assert sum("Draft: not yet clinically reviewed" in page for page in pages) >= len(pages) - 3


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_end_section_names_formats_and_keeps_publisher_with_disclaimer(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    pages = text_pages(samples[leaflet, edition].pdf)
    everything = " ".join(" ".join(page.split()) for page in pages)
    assert "Available in other formats" in everything
    assert "large print (PDF)" in everything and "standard print (PDF)" in everything
    # The disclaimer never fills a page alone: the publisher's last lines come with it.
    disclaimer = next(page for page in pages if "Disclaimer" in page)
    assert "Website:" in disclaimer and "Product code" in disclaimer
    assert "et al.." not in everything


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_links_are_described_tall_and_real(samples: dict[tuple[str, str], Sample],
                                           leaflet: str, edition: str) -> None:
    with pikepdf.open(io.BytesIO(samples[leaflet, edition].pdf)) as pdf:
        annots = [a for page in pdf.pages for a in page.obj.get("/Annots", [])
                  if a.get("/Subtype") == "/Link"]
        uris = {str(a.A.URI) for a in annots if "/A" in a and "/URI" in a.A}
        for annot in annots:
            assert not RAW_ID.match(str(annot.Contents)), str(annot.Contents)
            low, high = sorted((float(annot.Rect[1]), float(annot.Rect[3])))
            assert high - low >= links.MIN_LINK_HEIGHT - 0.01
    assert {"https://example.org", "mailto:info@example.org", "tel:01234567890"} <= uris


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_citations_read_as_sources_and_figures_sit_on_the_page(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    with pikepdf.open(io.BytesIO(samples[leaflet, edition].pdf)) as pdf:
        nodes = list(iter_struct_elements(pdf))
        for node in nodes:
            grand = node.parent.get("/P")
            if (node.type == "Link" and node.parent.get("/S") == "/Reference"
                    and grand is not None and grand.get("/S") != "/TOCI"):
                assert str(node.parent.ActualText).startswith("source")
            if node.type == "Figure" and "/A" in node.element and node.page is not None:
                box = [float(v) for v in node.element.A.BBox]
                media = [float(v) for v in node.page.MediaBox]
                assert media[0] <= box[0] < box[2] <= media[2]
                assert media[1] <= box[1] < box[3] <= media[3]
        title = str(pdf.docinfo.get("/Title", ""))
    assert "?:" not in title and "::" not in title


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_words_we_use_pairs_each_term_with_its_meaning(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    with pikepdf.open(io.BytesIO(samples[leaflet, edition].pdf)) as pdf:
        nodes = list(iter_struct_elements(pdf))
    assert not any(node.type in ("DL", "DT", "DD") for node in nodes)


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_contents_entries_are_single_links_without_leaders(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.pdf"
        path.write_bytes(samples[leaflet, edition].pdf)
        tree = subprocess.run(["pdfinfo", "-struct-text", str(path)], check=True,
                              capture_output=True, text=True).stdout
    pages = len(text_pages(samples[leaflet, edition].pdf)) - 1
    if pages > 12:
        assert "TOCI" in tree
    assert '". "' not in tree
    with pikepdf.open(io.BytesIO(samples[leaflet, edition].pdf)) as pdf:
        nested = [n for n in iter_struct_elements(pdf)
                  if n.type == "Link" and n.parent.get("/S") == "/Link"]
    assert nested == []


def test_bad_cases_of_the_helpers() -> None:
    assert links.describe("ref-3", None, []) == "Reference 3"
    assert links.describe("section-how-common", None, []) == "Go to: how common"
    assert links.spoken_citation(["1", "2"]) == "sources 1 and 2"
    assert points_bbox([100, 0, 200, 40], 842) == [75, 812, 150, 842]
    assert document_title("What is it?", "A short guide") == "What is it? A short guide"
    assert document_title("Bones", "Your guide") == "Bones: your guide"
    assert phone_uri("01234 567890 (sample number)") == "tel:01234567890"
