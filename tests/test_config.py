"""Settings in [tool.leafpress]: errors carry the line of pyproject.toml."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.minimal_project import PYPROJECT, Project, Result


def test_a_toml_syntax_error_names_its_line_and_column(
    leafpress: Callable[..., Result], project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("pyproject.toml", PYPROJECT.replace("readability_min = 0",
                                                      "readability_min = "), dedent=False)
    monkeypatch.chdir(project.root)
    result = leafpress("check", "--today", "2026-01-01")
    assert result.err.startswith(
        "error: pyproject.toml:5:19: cannot read settings: Invalid value\n"
        "  → Fix the TOML syntax on this line: each setting is name = value, such as "
        "readability_min = 60.\n")
    assert result.code == 1
