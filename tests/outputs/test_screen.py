"""The screen document shared by the web page and EPUB: urgent boxes, formats, images."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from leafpress import Project
from leafpress.editions import LAYOUTS, primary_edition
from leafpress.errors import BuildError, InputError, LeafpressError
from leafpress.outputs import FORMATS
from leafpress.outputs.screen import mark_urgent
from tests.htmlcheck import parse_document, parse_fragment, text_of, with_class
from tests.minimal_project import Project as Files
from tests.outputs.facts import fact_problems, listed_formats

TODAY = dt.date(2026, 6, 1)


def test_urgent_boxes_say_urgent_in_words() -> None:
    body = parse_fragment(
        '<div class="callout callout-urgent"><p class="callout-title"><strong>Call now</strong>'
        '</p><p>If it hurts.</p></div>'
        '<div class="callout callout-urgent"><p>No title here.</p></div>'
        '<div class="callout callout-urgent"><p class="callout-title"><strong>Urgent help'
        '</strong></p></div>'
        '<div class="callout callout-tip"><p>A tip.</p></div>')
    mark_urgent(body)
    boxes = with_class(body, "callout-urgent")
    titles = [box.find("p") for box in boxes]
    assert [text_of(title) for title in titles if title is not None] == [
        "Urgent: Call now", "Urgent", "Urgent help"]
    assert text_of(boxes[0]).endswith("If it hurts.")
    assert text_of(boxes[1]).endswith("No title here.")
    assert [box.get("role") for box in boxes] == ["note", "note", "note"]
    assert text_of(with_class(body, "callout-tip")[0]) == "A tip."


def test_a_reviewed_leaflet_names_its_reviewers_and_lists_its_formats(project: Files) -> None:
    engine = Project.open(project.root)
    made = engine.render("x", format="web", today=TODAY)
    root = parse_document(made.data.decode())
    selection = engine.select("x")
    assert not selection.draft
    assert fact_problems(root, selection) == []
    assert "A Nurse, Breast care nurse" in text_of(root)
    assert "Draft" not in text_of(root)
    # Only the standard edition: no large print PDF to list; never the printer's file.
    standard = primary_edition()
    offered = [f.filename(standard) for name, f in FORMATS.items()
               if f.offered(LAYOUTS["leaflet"], standard) and name != "print-pdf"]
    assert listed_formats(root) == offered
    headings = [text_of(h) for h in root.iter("h3")]
    formats_at = headings.index("Available in other formats")  # one heading, no second one
    assert not any("formats" in h.lower() for h in headings[formats_at + 1:])


def test_under_review_notice_in_the_web_page_and_the_ebook(project: Files) -> None:
    engine = Project.open(project.root)
    later = dt.date(2028, 6, 1)  # past the sections' next review date
    with pytest.raises(LeafpressError):  # refused without --allow-overdue
        engine.render("x", format="web", today=later)
    for output in ("web", "epub"):
        made = engine.render("x", format=output, today=later, allow_overdue=True)
        if output == "epub":
            with zipfile.ZipFile(io.BytesIO(made.data)) as archive:
                html = archive.read("EPUB/leaflet.xhtml").decode()
        else:
            html = made.data.decode()
        text = text_of(parse_document(html))
        assert "Under review: some of this information is past its review date" in text


def test_a_picture_browsers_may_not_show_stops_the_build_with_a_message(project: Files) -> None:
    project.write_bytes("content/images/chart.bmp", b"BM" + bytes(60))
    project.edit("content/sections/alpha.md", "Some plain words",
                 "![A chart of the numbers](../images/chart.bmp)\n\nSome plain words")
    # Loading the project refuses it already, at the line that shows it, before any format.
    with pytest.raises(InputError) as raised:
        Project.open(project.root)
    problem = raised.value.problems[0]
    assert problem.message == ("image '../images/chart.bmp' has the extension '.bmp', which is "
                               "not an image type leafpress prints (.png, .jpg, .jpeg, .gif, "
                               ".webp, .svg)")
    assert (problem.path, problem.line) == (project.path("content/sections/alpha.md"), 18)


@pytest.mark.parametrize("missing", ["styles/web.css", "templates/web.html.j2"])
def test_a_project_without_the_screen_files_gets_a_message(project: Files, missing: str) -> None:
    project.path(missing).unlink()
    with pytest.raises(BuildError) as raised:
        Project.open(project.root).render("x", format="web", today=TODAY)
    problem = raised.value.problems[0]
    assert f"need {missing}" in problem.message
    assert "Copy it" in problem.hint
