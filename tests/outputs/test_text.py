"""Plain text: the sample leaflets pass the checks; the checks fail on broken files."""

from __future__ import annotations

import pytest

from leafpress.content.governance import dates_lines
from leafpress.content.long_dates import long_date
from leafpress.outputs import text
from tests.outputs import samples
from tests.outputs.facts import urgent_list_items


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_sample_text_passes_and_carries_every_fact(leaflet_id: str) -> None:
    data = samples.rendered(leaflet_id, "text").data
    assert text.check(data) == []
    body = data.decode("utf-8")
    lines = body.split("\n")
    selection = samples.selection(leaflet_id)
    assert samples.in_order(samples.headings(leaflet_id), body) == []
    index = 2
    for heading in samples.headings(leaflet_id):  # each underlined on the next line
        index = lines.index(heading, index)
        assert set(lines[index + 1]) in ({"-"}, {"~"})
        assert len(lines[index + 1]) == len(heading)
    flowing = " ".join(body.split())
    for line in dates_lines(selection.draft, long_date(selection.reviewed),
                            long_date(selection.next_review)):
        assert line in flowing
    assert "Disclaimer" in body
    assert ("Draft: not yet clinically reviewed" in body) == selection.draft
    for item in selection.references:
        assert f"[{item.number}] " in body
    if "::: urgent" in "".join(s.source.body for s in selection.sections):
        assert "!! URGENT: " in body


def test_lists_keep_their_markers() -> None:
    body = samples.rendered("secondary-breast-cancer-in-the-bones", "text").data.decode()
    items = urgent_list_items(samples.selection("secondary-breast-cancer-in-the-bones"))
    assert items
    first_words = [" ".join(item.split()[:3]) for item in items]
    assert all(f"\n!! - {words}" in body for words in first_words)


def test_check_fails_on_a_long_line_and_on_bad_bytes() -> None:
    good = samples.rendered("what-is-secondary-breast-cancer", "text").data
    long_line = good + ("word " * 15).encode() + b"\n"
    assert any("(at most 72)" in p for p in text.check(long_line))
    assert text.check(b"Title\n=====\n\xff\n") == ["byte 12: not UTF-8"]
    assert text.check(b"Title\nno underline\n") == ["line 2: the title is not underlined with '='"]


def test_each_heading_level_has_its_own_underline() -> None:
    text = samples.rendered("breast-cancer-recurrence", "text").data.decode("utf-8")
    assert "\nMRI, CT and PET-CT scans\n~~~~~~~~~~~~~~~~~~~~~~~~\n" in text  # level 3
    assert "\nMRI scan\n........\n" in text  # level 4, inside it
    assert "\n\n\nMRI, CT and PET-CT scans" not in text  # one blank line: not a new section
