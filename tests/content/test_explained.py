"""`check` warns where a leaflet uses a glossary term before explaining it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import TODAY, copy_project

from leafpress import cli
from leafpress.content.explained import is_explained


def _explained(sentence: str, term: str, following: str = "") -> bool:
    start = sentence.lower().index(term.lower())
    return is_explained(sentence, start, start + len(term), following)


@pytest.mark.parametrize(("sentence", "term", "following"), [
    ("This is called a biopsy.", "biopsy", ""),
    ("A biopsy is when a doctor takes a small sample.", "biopsy", ""),
    ("If you had a mastectomy (surgery to remove the breast), it may come back.",
     "mastectomy", ""),
    ("Fluid builds up between the layers (the pleura).", "pleura", ""),
    ("Chemotherapy, or chemo, is a treatment with drugs.", "Chemotherapy", ""),
    ("Your breast care nurse, a nurse who is an expert, can help.", "breast care nurse", ""),
    ("Radiotherapy, which is treatment with x-rays, can help.", "Radiotherapy", ""),
    ("You may have a biopsy.", "biopsy", "This means taking a small sample."),
    ("You may have a CT scan.", "CT scan", "A CT scan uses many x-rays."),
])
def test_explanations_are_recognised(sentence: str, term: str, following: str) -> None:
    assert _explained(sentence, term, following)


@pytest.mark.parametrize(("sentence", "term", "following"), [
    ("You may need a biopsy.", "biopsy", "Your team will tell you more."),
    ("Chemo is sometimes given with a targeted drug.", "Chemo", ""),
    ("Hormone therapy is often used.", "Hormone therapy", ""),
    ("Ask about radiotherapy and surgery.", "radiotherapy", "Surgery is not often used."),
])
def test_a_bare_use_is_not_an_explanation(sentence: str, term: str, following: str) -> None:
    assert not _explained(sentence, term, following)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _glossary_warnings(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert cli.main(["--project", str(project), "check", "--today", TODAY]) == 0
    err = capsys.readouterr().err
    return [line for line in err.splitlines()
            if line.startswith("warning:") and "glossary term" in line]


def _section(project: Path, name: str) -> Path:
    return project / "content" / "sections" / f"{name}.md"


def test_the_fixture_uses_two_terms_unexplained(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warnings = _glossary_warnings(project, capsys)
    assert len(warnings) == 2
    bone, hormone = sorted(warnings)
    # Located at the first use, naming every leaflet where it comes first unexplained.
    assert f"{_section(project, 'alpha')}:35:" in bone
    assert '"bone scan" is used before it is explained in fixture-leaflet, second-leaflet' in bone
    assert f"{_section(project, 'gamma')}:24:" in hormone
    assert '"hormone therapy"' in hormone and "in fixture-leaflet" in hormone
    # "Biopsies, when a doctor takes a small piece of tissue" explains its term.
    assert "biops" not in " ".join(warnings).lower()


def test_explaining_the_term_where_it_is_first_used_clears_the_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alpha = _section(project, "alpha")
    alpha.write_text(alpha.read_text(encoding="utf-8").replace(
        "- A bone scan.", "- A bone scan, which shows changes in your bones."), encoding="utf-8")
    warnings = _glossary_warnings(project, capsys)
    assert len(warnings) == 1 and "hormone therapy" in warnings[0]


def test_an_explanation_earlier_in_the_leaflet_counts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # beta comes before gamma in fixture-leaflet, so gamma's bare use is no longer the first.
    beta = _section(project, "beta")
    beta.write_text(beta.read_text(encoding="utf-8").replace(
        "Talk to your nurse.",
        "Talk to your nurse. Hormone therapy is a drug that lowers hormones."), encoding="utf-8")
    warnings = _glossary_warnings(project, capsys)
    assert len(warnings) == 1 and "bone scan" in warnings[0]


def test_an_explanation_later_in_the_leaflet_is_too_late(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    delta = _section(project, "delta")  # second-leaflet: delta, then alpha
    text = delta.read_text(encoding="utf-8")
    delta.write_text(text + "\nYou may have a bone scan.\n", encoding="utf-8")
    warnings = _glossary_warnings(project, capsys)
    located = [w for w in warnings if "bone scan" in w]
    assert len(located) == 2  # delta in second-leaflet, alpha still in fixture-leaflet
    assert any(str(delta) in w and "in second-leaflet" in w for w in located)
    assert any("alpha.md:35:" in w and w.endswith("in fixture-leaflet") for w in located)


def test_headings_and_longer_terms_do_not_count_as_uses(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = project / "content" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + "\n- term: hormone\n  definition: A signal the body makes.\n"
                        + "\n- term: tests\n  definition: Checks.\n", encoding="utf-8")
    warnings = _glossary_warnings(project, capsys)
    # "Hormone therapy" hides "hormone"; "a few tests" in alpha's first paragraph is a use.
    assert not any('"hormone"' in w for w in warnings)
    tests = [w for w in warnings if '"tests"' in w]
    assert len(tests) == 1 and "alpha.md:29:" in tests[0]


def test_a_heading_is_not_a_use(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    delta = _section(project, "delta")  # second-leaflet: delta, then alpha
    delta.write_text(delta.read_text(encoding="utf-8") + "\n## Your bone scan\n\nAsk us.\n",
                     encoding="utf-8")
    bone = [w for w in _glossary_warnings(project, capsys) if "bone scan" in w]
    assert len(bone) == 1 and "alpha.md:35:" in bone[0] and "second-leaflet" in bone[0]
