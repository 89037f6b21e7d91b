"""Word: every sample opens in python-docx and passes the checks; the checks can fail."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from leafpress import Project
from leafpress.content.governance import dates_lines
from leafpress.content.long_dates import long_date
from tests.minimal_project import make_project, section
from tests.outputs import docx_check, samples


def _open(leaflet_id: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(samples.rendered(leaflet_id, "word").data))


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_sample_word_passes_and_carries_every_fact(leaflet_id: str) -> None:
    data = samples.rendered(leaflet_id, "word").data
    assert docx_check.problems(data) == []
    document = _open(leaflet_id)
    selection = samples.selection(leaflet_id)
    title = selection.leaflet.definition.title
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == title
    assert samples.in_order(samples.headings(leaflet_id), "\n".join(headings)) == []
    body = "\n".join(p.text for p in document.paragraphs)
    assert ("Draft: not yet clinically reviewed" in body) == selection.draft
    footer = document.sections[0].footer.paragraphs[0].text
    assert " ".join(dates_lines(selection.draft, long_date(selection.reviewed),
                                long_date(selection.next_review))) in footer
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)


def test_urgent_boxes_are_labelled_and_bordered() -> None:
    document = _open("secondary-breast-cancer-in-the-bones")
    urgent = [p for p in document.paragraphs if p.text.startswith("Urgent: ")]
    assert len(urgent) == 2
    assert all(p._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None for p in urgent)
    # Each title is a heading one level below the one before, so Word's navigation shows it.
    assert [p.style.name for p in urgent] == ["Heading 4", "Heading 4"]


def test_the_same_input_gives_the_same_bytes() -> None:
    first = samples.rendered("what-is-secondary-breast-cancer", "word").data
    again = samples.project().render("what-is-secondary-breast-cancer", "standard", "word",
                                     today=samples.TODAY).data
    assert first == again


def _png() -> bytes:
    """A valid 1x1 red PNG, made here."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


PNG = _png()


def test_pictures_get_their_alt_text(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project").root
    (root / "content" / "images").mkdir(exist_ok=True)
    (root / "content" / "images" / "dot.png").write_bytes(PNG)
    section = root / "content" / "sections" / "alpha.md"
    section.write_text(section.read_text() + "\n![A red dot](../images/dot.png)\n")
    data = Project.open(root).render("x", "standard", "word").data
    document = docx.Document(io.BytesIO(data))
    assert [s._inline.docPr.get("descr") for s in document.inline_shapes] == ["A red dot"]
    assert docx_check.problems(data) == []


def test_check_fails_on_a_document_without_title_language_or_headings() -> None:
    bare = docx.Document()
    bare.core_properties.title = ""
    bare.add_paragraph("Just text")
    bare.add_picture(io.BytesIO(PNG))
    out = io.BytesIO()
    bare.save(out)
    found = docx_check.problems(out.getvalue())
    assert "no document title" in found and "no heading styles" in found
    assert "a picture has no alt text" in found and "the page footer is empty" in found


def test_check_fails_on_python_docx_defaults_that_are_not_clear_print() -> None:
    plain = docx.Document()
    plain.add_heading("Heading", 1)
    plain.add_paragraph("Body").add_run(" slanted").italic = True
    out = io.BytesIO()
    plain.save(out)
    found = docx_check.problems(out.getvalue())
    assert "the page is 216 x 279 mm, not A4" in found
    assert "Normal: font from the theme, not a plain sans serif" in found
    assert "italic text: ' slanted'" in found
    assert any(p.startswith("Heading 1: colour") for p in found)
    assert "a thumbnail from the template" in found
    assert "docProps/app.xml names another program" in found


def test_citations_are_full_size_numbers_in_brackets() -> None:
    document = _open("what-is-secondary-breast-cancer")
    runs = [run for p in document.paragraphs for run in p.runs]
    assert not any(run.font.superscript for run in runs)
    assert any(run.text.startswith(" [") and run.text.endswith("]") for run in runs)


def test_a_passage_in_another_language_is_marked_with_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    project.write("content/sections/beta.md", section(
        "beta", "Say [comment allez-vous]{lang=fr} to the nurse [@ref].\n"), dedent=False)
    data = Project.open(project.root).render("x", None, "word").data
    document = docx.Document(io.BytesIO(data))
    languages = {run.text: None if run._r.rPr is None else run._r.rPr.find(qn("w:lang"))
                 for paragraph in document.paragraphs for run in paragraph.runs
                 if run.text.strip()}
    marked = languages["comment allez-vous"]
    assert marked is not None and marked.get(qn("w:val")) == "fr"
    assert languages["Say "] is None  # the document's own language, from its defaults
    assert docx_check.problems(data) == []
