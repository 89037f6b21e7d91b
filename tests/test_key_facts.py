"""The sample leaflets keep their source pages' key facts, safe wording and plain words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from leafpress import cli
from leafpress.content import markdown
from leafpress.content.library_scan import load_library
from leafpress.content.readability import text_blocks
from leafpress.content.selection import select
from leafpress.project.definitions import leaflet_paths, load_leaflets

ROOT = Path(__file__).resolve().parent.parent
KEY_FACTS: dict[str, Any] = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "key-facts.yaml").read_text(encoding="utf-8"))
LIBRARY = load_library(ROOT)
LEAFLETS = {leaflet.id: leaflet for leaflet in load_leaflets(leaflet_paths(ROOT), ROOT)}
URGENT_PHONE = "Call your team's 24-hour number straight away"


def leaflet_text(leaflet_id: str) -> str:
    """A leaflet's words, section by section in order, as a reader meets them."""
    sections = select(LEAFLETS[leaflet_id], LIBRARY).sections
    return " ".join(" ".join(text_blocks(s.source.body)) for s in sections)


def missing_facts(text: str, facts: list[dict[str, Any]]) -> list[str]:
    """The facts whose patterns are not all found in the text."""
    return [fact["fact"] for fact in facts
            if not all(re.search(p, text, re.IGNORECASE) for p in fact["match"])]


def test_every_sample_leaflet_has_a_list_of_key_facts() -> None:
    assert set(KEY_FACTS["leaflets"]) == set(LEAFLETS)


@pytest.mark.parametrize("leaflet_id", sorted(KEY_FACTS["leaflets"]))
def test_leaflet_keeps_its_source_pages_key_facts(leaflet_id: str) -> None:
    entry = KEY_FACTS["leaflets"][leaflet_id]
    assert len(entry["facts"]) >= 8
    text = leaflet_text(leaflet_id)
    assert missing_facts(text, entry["facts"]) == []
    # The leaflet cites the page it replaces.
    cited = {key for s in select(LEAFLETS[leaflet_id], LIBRARY).sections
             for key in markdown.cited_keys(s.source.body)}
    assert entry["source"] in cited


def test_a_lost_fact_is_reported() -> None:
    facts = KEY_FACTS["leaflets"]["treatment-options-for-secondary-breast-cancer"]["facts"]
    text = leaflet_text("treatment-options-for-secondary-breast-cancer")
    lost = missing_facts(text.replace("0808 800 4040", "the number"), facts)
    assert lost == [next(f["fact"] for f in facts if "0808 800 4040" in f["match"])]
    assert len(missing_facts("", facts)) == len(facts)


def _library_text() -> dict[str, str]:
    return {sid: " ".join(text_blocks(s.body)) for sid, s in LIBRARY.sections.items()}


@pytest.mark.parametrize("rule", KEY_FACTS["never"], ids=lambda rule: rule["pattern"][:30])
def test_wording_that_was_wrong_does_not_come_back(rule: dict[str, str]) -> None:
    texts = {**_library_text(), "glossary": " ".join(
        f"{e.term} {e.definition}" for e in LIBRARY.glossary)}
    found = [sid for sid, text in texts.items() if re.search(rule["pattern"], text, re.I)]
    assert found == [], rule["why"]


def test_outlook_for_many_years_always_says_it_varies() -> None:
    texts = _library_text()
    promising = [sid for sid, text in texts.items() if re.search(r"\bfor (many )?years\b", text)]
    assert promising  # the rule has something to check
    assert [sid for sid in promising if "varies a lot" not in texts[sid]] == []


_CALLOUT = re.compile(r"^::: urgent ?(?P<title>.*?)\n(?P<body>.*?)^:::$", re.M | re.S)


def _urgent_boxes() -> list[tuple[str, str, str]]:
    return [(sid, m["title"].strip(), re.sub(r" ?\[@[^\]]*\]", "", m["body"]).strip())
            for sid, section in LIBRARY.sections.items()
            for m in _CALLOUT.finditer(section.body)]


def test_urgent_boxes_with_the_same_title_say_the_same_thing() -> None:
    by_title: dict[str, set[str]] = {}
    for _, title, body in _urgent_boxes():
        by_title.setdefault(title, set()).add(body)
    assert len(by_title) >= 6
    assert {title: len(bodies) for title, bodies in by_title.items() if len(bodies) > 1} == {}


def test_each_shared_urgent_box_is_really_shared() -> None:
    titles = [title for _, title, _ in _urgent_boxes()]
    for topic in ("Spinal cord compression", "High calcium", "Fits and other signs"):
        assert sum(title.startswith(topic) for title in titles) >= 2, topic


def test_urgent_boxes_give_one_urgency_and_the_24_hour_number() -> None:
    for sid, title, body in _urgent_boxes():
        if title.endswith("get help straight away"):
            assert URGENT_PHONE in body, sid
            # Only print has the number (or a box for it) on the front: no box points there.
            assert "front of this leaflet" not in body, sid
            assert "Do not wait until the next day" in body, sid
        else:  # the one box for anything new between visits, from the recurrence page
            assert sid == "trust-your-instincts" and "straight away" in title


def test_the_treatment_leaflet_has_the_bone_and_fever_boxes() -> None:
    text = leaflet_text("treatment-options-for-secondary-breast-cancer")
    for words in ("Spinal cord compression", "High calcium", "37.5°C", "constipation"):
        assert words in text


def test_the_sample_library_passes_a_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    """Flesch, SMOG ceiling and median, explained terms and review dates: no warnings."""
    assert cli.main(["--project", str(ROOT), "check", "--today", "2026-12-01", "--strict"]) == 0
    captured = capsys.readouterr()
    assert "0 error(s), 0 warning(s)" in captured.err
    median = re.search(r"SMOG median (\d+\.\d)", captured.out)
    assert median and float(median[1]) <= 6.5


def test_the_rules_catch_the_old_errors() -> None:
    old = {
        "cannot usually be cured": "At the moment it cannot usually be cured.",
        "HER2": "The hormone oestrogen, and a protein called HER2, can latch on to them.",
        "only an option": "It is only an option when the tumour is small.",
    }
    rules = [rule["pattern"] for rule in KEY_FACTS["never"]]
    for text in old.values():
        assert any(re.search(rule, text, re.I) for rule in rules), text
    boxes = "::: urgent A title\nCall now.\n:::\n\n::: urgent A title\nCall tomorrow.\n:::\n"
    assert len({m["body"] for m in _CALLOUT.finditer(boxes)}) == 2
