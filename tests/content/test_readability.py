"""Readability: Flesch reading ease on easy and hard text, and `leafpress check` warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import TODAY, copy_project

from leafpress import cli
from leafpress.content.readability import count_syllables, measure, text_blocks

EASY = "You can ask your nurse. She will help you. It is fine to ask for help."
HARD = (
    "Notwithstanding the considerable heterogeneity characterising contemporary "
    "therapeutic methodologies, multidisciplinary oncological evaluation necessitates "
    "comprehensive consideration of histopathological, immunohistochemical and radiological "
    "investigations, particularly regarding hormonal receptor expression and individualised "
    "pharmacological intervention."
)
HARD_SECTION = f"""---
id: hard-words
title: Hard words
review:
  reviewed: 2025-01-10
  next_review: 2035-01-10
  status: draft
  reviewers: []
references: []
---

{HARD}
"""


def test_easy_text_reads_easily() -> None:
    result = measure(EASY)
    assert result.flesch_reading_ease > 90
    assert (result.words, result.sentences) == (16, 3)
    assert result.longest_sentence == "It is fine to ask for help."


def test_hard_text_scores_far_below_the_threshold() -> None:
    result = measure(HARD)
    assert result.flesch_reading_ease < 0
    assert result.sentences == 1
    assert result.longest_sentence_words == 29


def test_syllables() -> None:
    assert [count_syllables(w) for w in ("cat", "nurse", "table", "2026")] == [1, 1, 2, 1]
    assert count_syllables("immunohistochemical") >= 7


def test_line_breaks_inside_a_paragraph_separate_words() -> None:
    assert measure("A few\nwords here.").words == 4


def test_citations_and_markup_are_not_words() -> None:
    assert text_blocks("It *is* **fine** [@ref; @other].") == ["It is fine ."]


def test_callout_text_and_title_count() -> None:
    blocks = text_blocks("::: urgent Call your team if\nYou have new pain.\n:::\n")
    assert blocks == ["Call your team if", "You have new pain."]


def _check(project: Path, *extra: str) -> int:
    return cli.main(["--project", str(project), "check", "--today", TODAY, *extra])


@pytest.fixture
def check_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_check_passes_the_fixture_without_warnings(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(check_project) == 0
    err = capsys.readouterr().err
    assert "0 error(s), 0 warning(s)" in err
    assert "reading ease" not in err


def test_check_warns_about_a_hard_section(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard = check_project / "content" / "sections" / "hard-words.md"
    hard.write_text(HARD_SECTION, encoding="utf-8")
    assert _check(check_project) == 0  # a warning, not an error
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert f"{hard}:11:" in warnings[0]  # where the body starts
    assert "reading ease -" in warnings[0] and "is below 60" in warnings[0]
    assert "0 error(s), 1 warning(s)" in captured.err
    assert "hard-words" in captured.out  # the readability table


def test_strict_check_fails_on_the_hard_section(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (check_project / "content" / "sections" / "hard-words.md").write_text(
        HARD_SECTION, encoding="utf-8")
    assert _check(check_project, "--strict") == 1
    assert "error: " in capsys.readouterr().err


def test_threshold_comes_from_the_project_settings(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = check_project / "pyproject.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "readability_min = 60", "readability_min = 99"), encoding="utf-8")
    assert _check(check_project) == 0
    err = capsys.readouterr().err
    assert err.count("is below 99") == 4  # every fixture section is now too hard
