"""The shared document model: every section in order, urgent boxes, citations, end matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from leafpress.content.governance import dates_heading
from leafpress.outputs import FORMATS, blocks, document
from leafpress.outputs.blocks import Callout, Heading, Notes, Paragraph, Run
from tests.outputs import samples
from tests.outputs.facts import urgent_titles


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_parts_follow_the_selection_then_the_end_matter(leaflet_id: str) -> None:
    selection = samples.selection(leaflet_id)
    doc = document.build(selection, ("plain text",))
    assert [p.heading for p in doc.sections()] == samples.headings(leaflet_id)
    assert [p.kind for p in doc.parts[len(doc.sections()):]][-1:] == ["about"]
    about = [b.text for b in doc.parts[-1].blocks if isinstance(b, Heading)]
    # The formats are where print has them: after the dates, before the publisher.
    assert about[-4:-1] == [dates_heading(selection.draft), "Available in other formats",
                            "Who published this"]
    assert doc.draft == selection.draft
    assert any("not yet clinically reviewed" in n for n in doc.notices) == selection.draft


def test_urgent_boxes_and_notes_are_typed() -> None:
    selection = samples.selection("secondary-breast-cancer-in-the-bones")
    doc = document.build(selection, ())
    found = [b for part in doc.sections() for b in part.blocks]
    urgent = [b for b in found if isinstance(b, Callout) and b.kind == "urgent"]
    assert len(urgent) >= 2
    assert [b.title for b in urgent] == urgent_titles(selection)
    notes = [b for b in found if isinstance(b, Notes)]
    assert notes and all(isinstance(n.blocks[0], Paragraph) for n in notes if n.blocks)


def test_section_headings_shift_under_their_level(tmp_path: Path) -> None:
    body = "Intro.\n\n## Inside\n\nText [@a].\n"
    parsed = document.section_blocks(body, {"a": 4}, tmp_path / "s.md", level=3)
    assert parsed[1] == blocks.Heading(4, "Inside")
    assert parsed[2] == Paragraph((Run("Text"), Run("", citation=(4,)), Run(".")))  # glued


def test_citations_are_kept_dropped_or_spoken() -> None:
    runs = (Run("Bones break "), Run("", citation=(2, 3)), Run("."))
    assert blocks.plain(runs) == "Bones break [2,3]."
    assert blocks.plain(runs, citations="drop") == "Bones break."
    assert blocks.plain(runs, citations="source") == "Bones break (sources 2 and 3)."


def test_the_end_lists_the_formats_that_exist() -> None:
    rendered = samples.rendered("what-is-secondary-breast-cancer", "text").data.decode()
    end = rendered.split("This leaflet is made in these formats:")[1]
    for label in ("standard print PDF", "large print PDF", "plain text", "braille",
                  "Word document", "audio"):
        assert label in end
    assert "print-pdf" in FORMATS and "print-ready" not in end


def test_the_formats_list_follows_the_definition() -> None:
    definition = samples.project().leaflets["what-is-secondary-breast-cancer"].definition
    mapping = definition.model_dump(mode="json", exclude_none=True)
    mapping["formats"] = ["pdf", "text"]
    text = samples.project().render(mapping, "standard", "text", today=samples.TODAY).data
    end = text.decode().split("This leaflet is made in these formats:")[1]
    assert "plain text" in end and "standard print PDF" in end
    assert "braille" not in end.split("This information is available")[0]
