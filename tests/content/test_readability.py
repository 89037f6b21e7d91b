"""Readability: Flesch and SMOG on easy and hard text, and `leafpress check` warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import TODAY, copy_project

from leafpress import cli
from leafpress.content.readability import count_syllables, measure, smog_grade, text_blocks

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


def test_syllables_come_from_the_pronouncing_dictionary() -> None:
    # A vowel-group count makes "sometimes" 4 and "likely" 3; spoken, they are 2 each.
    assert [count_syllables(w) for w in ("sometimes", "likely", "appointment")] == [2, 2, 3]


def test_words_missing_from_the_dictionary_fall_back_to_hyphenation() -> None:
    # British spellings are not in the CMU dictionary; pyphen's en-GB patterns count them.
    assert count_syllables("tumour") == 2
    assert count_syllables("hypercalcaemia") >= 5


def test_smog_formula() -> None:
    assert smog_grade(0, 10) == pytest.approx(3.1291)
    assert smog_grade(30, 30) == pytest.approx(1.0430 * 30 ** 0.5 + 3.1291)
    assert smog_grade(5, 0) == 0.0


def test_smog_counts_only_long_words() -> None:
    easy = measure(EASY)
    assert easy.smog_grade == pytest.approx(3.1, abs=0.05)
    assert easy.long_words == ()
    hard = measure(HARD)
    assert hard.smog_grade > 15
    assert {"notwithstanding", "multidisciplinary", "pharmacological"} <= set(hard.long_words)


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


def _warnings(err: str, path: Path | None = None) -> list[str]:
    lines = [line for line in err.splitlines() if line.startswith("warning:")]
    return [line for line in lines if path is None or str(path) in line]


def test_check_passes_the_fixture_without_readability_warnings(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(check_project) == 0
    captured = capsys.readouterr()
    assert "0 error(s)" in captured.err
    assert "reading ease" not in captured.err and "SMOG grade" not in captured.err
    assert "SMOG median" in captured.out


def test_check_warns_about_a_hard_section(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard = check_project / "content" / "sections" / "hard-words.md"
    hard.write_text(HARD_SECTION, encoding="utf-8")
    assert _check(check_project) == 0  # warnings, not errors
    captured = capsys.readouterr()
    warnings = _warnings(captured.err, hard)
    assert len(warnings) == 2
    assert all(f"{hard}:11:" in line for line in warnings)  # where the body starts
    assert "reading ease -" in warnings[0] and "is below 60" in warnings[0]
    assert "SMOG grade" in warnings[1] and "is above 8" in warnings[1]
    assert "notwithstanding" in captured.err  # the long words, to replace
    assert "hard-words" in captured.out  # the readability table


def test_strict_check_fails_on_the_hard_section(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (check_project / "content" / "sections" / "hard-words.md").write_text(
        HARD_SECTION, encoding="utf-8")
    assert _check(check_project, "--strict") == 1
    assert "error: " in capsys.readouterr().err


def _set(project: Path, old: str, new: str) -> None:
    settings = project / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    assert old in text
    settings.write_text(text.replace(old, new), encoding="utf-8")


def test_threshold_comes_from_the_project_settings(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(check_project, "readability_min = 60", "readability_min = 100")
    assert _check(check_project) == 0
    below = [line for line in _warnings(capsys.readouterr().err) if "is below 100" in line]
    # Flesch passes 100 for very short words and sentences: alpha and delta score above it.
    assert sorted(Path(line.split(":")[1].strip()).name for line in below) == [
        "beta.md", "gamma.md"]


def test_smog_ceiling_and_median_come_from_the_project_settings(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(check_project, "readability_min = 60",
         "readability_min = 60\nsmog_max = 3.2\nsmog_median_max = 3.2")
    assert _check(check_project) == 0
    err = capsys.readouterr().err
    above = [line for line in _warnings(err) if "SMOG grade" in line and "median SMOG" not in line]
    assert len(above) == 2 and all("is above 3.2" in line for line in above)
    median = [line for line in _warnings(err) if "median SMOG grade" in line]
    assert len(median) == 1 and "content/sections:" in median[0]


def test_the_default_smog_targets_pass_the_fixture(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(check_project) == 0
    assert "median SMOG grade" not in capsys.readouterr().err


def test_a_smog_target_out_of_range_is_a_located_error(
    check_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(check_project, "readability_min = 60", "readability_min = 60\nsmog_max = 99")
    assert _check(check_project) == 1
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and "smog_max" in err
