"""The selection stage: order, overrides, merged references, dates, draft flag, glossary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.fixture_builds import (
    SECOND,
    copy_project,
    fixture_leaflet,
    fixture_library,
    fixture_selection,
)

from leafpress.content.selection import Selection, select
from leafpress.errors import InputError


@pytest.fixture(scope="module")
def main_selection() -> Selection:
    return fixture_selection()


def _leaflet_with(project: Path, sections: str) -> str:
    """Write leaflets/probe.yaml using the given YAML list of sections; return its id."""
    (project / "leaflets" / "probe.yaml").write_text(
        "id: probe\ntitle: Probe\nlanguage: en-GB\nformat: leaflet\npaper: A4\n"
        "variants: [standard]\naudience: Tests\nproduct_code: LP-PROBE\nversion: '1'\n"
        f"publisher: fixture\nsections:\n{sections}",
        encoding="utf-8",
    )
    return "probe"


@pytest.fixture
def probe_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_sections_keep_the_definition_order(main_selection: Selection) -> None:
    assert [s.source.meta.id for s in main_selection.sections] == ["alpha", "beta", "gamma"]


def test_heading_and_level_overrides(main_selection: Selection) -> None:
    headings = [(s.heading, s.level) for s in main_selection.sections]
    assert headings == [
        ("First things first", 2),  # heading overridden in the definition
        ("How you may feel", 3),  # level overridden, title from the section
        ("Treatment", 2),
    ]


def test_override_is_local_to_the_leaflet() -> None:
    second = fixture_selection(SECOND)
    assert [(s.source.meta.id, s.heading) for s in second.sections] == [
        ("delta", "Getting help"),
        ("alpha", "What this leaflet is about"),
    ]


def test_references_merged_and_numbered_by_first_citation(main_selection: Selection) -> None:
    listed = [(r.number, r.reference.key) for r in main_selection.references]
    # alpha cites charity-guide then nice-guideline; beta cites support-page and
    # guide-again (same url as charity-guide, other case and a trailing slash); gamma
    # cites nice-again (same title, publisher and year as nice-guideline, no url).
    assert listed == [
        (1, "charity-guide"),
        (2, "nice-guideline"),
        (3, "support-page"),
        (4, "alpha-unused"),
        (5, "gamma-unused"),
    ]


def test_each_section_maps_its_keys_to_the_merged_numbers(main_selection: Selection) -> None:
    numbers = {s.source.meta.id: s.citation_numbers for s in main_selection.sections}
    assert numbers["alpha"] == {"charity-guide": 1, "nice-guideline": 2, "alpha-unused": 4}
    assert numbers["beta"] == {"support-page": 3, "guide-again": 1}
    assert numbers["gamma"] == {"nice-again": 2, "gamma-unused": 5}


def test_uncited_references_come_after_every_cited_one(main_selection: Selection) -> None:
    cited = {"charity-guide", "nice-guideline", "support-page"}
    keys = [r.reference.key for r in main_selection.references]
    last_cited = max(keys.index(k) for k in cited)
    assert all(keys.index(k) > last_cited for k in ("alpha-unused", "gamma-unused"))


def test_different_year_is_a_different_reference(probe_project: Path) -> None:
    gamma = probe_project / "content" / "sections" / "gamma.md"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("year: 2017", "year: 2018"),
                     encoding="utf-8")
    selection = fixture_selection("fixture-leaflet", probe_project)
    keys = [r.reference.key for r in selection.references]
    assert keys[:4] == ["charity-guide", "nice-guideline", "support-page", "nice-again"]


def test_dates_are_oldest_review_and_earliest_next_review(main_selection: Selection) -> None:
    # reviewed: alpha 2025-03-01, beta 2025-06-15, gamma 2024-11-05;
    # next review: alpha 2036-07-01, beta 2025-06-15 + 10 years, gamma 2037-01-01.
    assert main_selection.reviewed == dt.date(2024, 11, 5)
    assert main_selection.next_review == dt.date(2035, 6, 15)


def test_draft_when_any_section_is_draft(main_selection: Selection) -> None:
    assert main_selection.draft is True
    assert fixture_selection(SECOND).draft is False


def test_credits_name_each_reviewer_with_their_sections(main_selection: Selection) -> None:
    credits = [(c.reviewer.name, c.sections) for c in main_selection.credits]
    assert credits == [("Dr Ada Example", ("First things first",)),
                       ("Sam Sample", ("Treatment",))]


def test_glossary_lists_only_terms_used_in_the_leaflet(main_selection: Selection) -> None:
    terms = [entry.term for entry in main_selection.glossary]
    # "Biopsies" (an 'also' form), "bone scan" and "Hormone therapy" appear in the
    # sections; "radiotherapy" does not.
    assert terms == ["biopsy", "bone scan", "hormone therapy"]


def test_glossary_is_empty_when_no_term_is_used(probe_project: Path) -> None:
    leaflet = _leaflet_with(probe_project, "  - delta\n")
    assert fixture_selection(leaflet, probe_project).glossary == []


def test_glossary_ignores_terms_in_front_matter_only(probe_project: Path) -> None:
    # 'radiotherapy' in a reference title is not in the leaflet's text.
    delta = probe_project / "content" / "sections" / "delta.md"
    delta.write_text(delta.read_text(encoding="utf-8").replace(
        "title: Help with money", "title: Help with money during radiotherapy"), encoding="utf-8")
    leaflet = _leaflet_with(probe_project, "  - delta\n")
    assert fixture_selection(leaflet, probe_project).glossary == []


def test_unknown_section_is_reported_with_its_line(probe_project: Path) -> None:
    leaflet = _leaflet_with(probe_project, "  - delta\n  - gamme\n")
    with pytest.raises(InputError) as caught:
        select(fixture_leaflet(leaflet, probe_project), fixture_library(probe_project))
    (problem,) = caught.value.problems
    assert "gamme" in problem.message
    assert problem.line == 13
    assert "gamma" in problem.hint


def test_glossary_scans_of_a_section_are_kept_and_follow_a_changed_glossary(
    probe_project: Path,
) -> None:
    from leafpress.content.selection import _terms_in

    leaflet = _leaflet_with(probe_project, "  - delta\n")
    library = fixture_library(probe_project)
    select(fixture_leaflet(leaflet, probe_project), library)
    misses = _terms_in.cache_info().misses
    select(fixture_leaflet(leaflet, probe_project), library)
    assert _terms_in.cache_info().misses == misses  # a warm render does not scan again
    term = "travel"  # in delta's text, not yet in the glossary
    glossary = probe_project / "content" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + f"- term: {term}\n  definition: A word for the test.\n",
                        encoding="utf-8")
    terms = select(fixture_leaflet(leaflet, probe_project), fixture_library(probe_project))
    assert term in [entry.term for entry in terms.glossary]
