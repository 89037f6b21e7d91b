"""Exact messages for bad input: each case folder's files go into a valid project, and
``leafpress check`` must print exactly the case's expected.txt (see tests/fixtures/messages)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.minimal_project import Project, Result

CASES = Path(__file__).parent.parent / "fixtures" / "messages"


def apply_case(case: Path, project: Project) -> None:
    """Copy a case's files over the project (paths inside the case are project paths)."""
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project.root / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_check_prints_the_exact_message(
    case: str, leafpress: Callable[..., Result], project: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    apply_case(CASES / case, project)
    monkeypatch.chdir(project.root)  # messages name files relative to where leafpress runs
    result = leafpress("check", "--today", "2026-01-01")
    assert result.err == (CASES / case / "expected.txt").read_text(encoding="utf-8")
    assert result.code == 1
