"""Nothing says "Reviewed" until it is: a draft's dates in every format, not only print."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from leafpress import Project
from leafpress.outputs import document
from leafpress.outputs.blocks import Lines
from tests.htmlcheck import parse_document, text_of
from tests.minimal_project import Project as Files
from tests.minimal_project import section

TODAY = dt.date(2026, 6, 1)
DRAFT = "Draft: not yet clinically reviewed. Written: 10 January 2025."
REVIEWED = "Reviewed: 10 January 2025."


def _words(engine: Project) -> dict[str, str]:
    """The words each format shows (the document model stands for braille and audio)."""
    def render(name: str) -> bytes:
        return engine.render("x", format=name, today=TODAY).data

    epub = zipfile.ZipFile(io.BytesIO(render("epub")))
    word = docx.Document(io.BytesIO(render("word")))
    model = document.build(engine.select("x"), ())
    lines = [line for part in model.parts for block in part.blocks
             if isinstance(block, Lines) for line in block.lines]
    return {
        "web": text_of(parse_document(render("web").decode())),
        "epub": " ".join(epub.read(name).decode() for name in epub.namelist()
                         if name.endswith((".opf", ".xhtml"))),
        "text": " ".join(render("text").decode().split()),
        "word": " ".join([*(p.text for p in word.paragraphs),
                          word.sections[0].footer.paragraphs[0].text,
                          word.core_properties.comments]),
        "braille and audio (document model)": " ".join([model.footer, *lines]),
    }


def test_a_draft_is_never_called_reviewed_in_any_format(project: Files) -> None:
    for name in ("alpha", "beta"):
        project.write(f"content/sections/{name}.md", section(name, status="draft"),
                      dedent=False)
    for fmt, words in _words(Project.open(project.root)).items():
        assert "Reviewed:" not in words, fmt
        assert "lastReviewed" not in words, fmt
        assert DRAFT in words, fmt


def test_reviewed_content_keeps_its_review_dates(project: Files) -> None:
    for fmt, words in _words(Project.open(project.root)).items():
        assert REVIEWED in words, fmt
        assert "Draft" not in words, fmt


@pytest.mark.parametrize("draft", [True, False])
def test_the_one_file_end_section_heads_the_dates_as_print_does(project: Files,
                                                                draft: bool) -> None:
    if draft:
        project.write("content/sections/alpha.md", section("alpha", status="draft"),
                      dedent=False)
    engine = Project.open(project.root)
    html, _ = engine.print_html("x", today=TODAY)
    text = engine.render("x", format="text", today=TODAY).data.decode()
    heading = "Dates" if draft else "Review dates"
    assert f">{heading}</h3>" in html
    assert f"\n{heading}\n" in text
