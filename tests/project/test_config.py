"""Settings in [tool.leafpress]: errors carry the line of pyproject.toml."""

from __future__ import annotations

import re
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


def test_the_settings_doc_lists_every_setting_with_its_range() -> None:
    from annotated_types import Ge, Le
    from tests.minimal_project import REPO

    from leafpress.project.config import SETTINGS_DOC, Settings

    doc = (REPO / SETTINGS_DOC.split(" ")[0]).read_text(encoding="utf-8")
    row = r"^\| `(\w+)` \| ([\d.]+) \| ([\d.]+ to [\d.]+) \|$"
    rows = {name: (default, allowed) for name, default, allowed in re.findall(row, doc, re.M)}
    expected = {}
    for name, field in Settings.model_fields.items():
        low = next(m.ge for m in field.metadata if isinstance(m, Ge))
        high = next(m.le for m in field.metadata if isinstance(m, Le))
        expected[name] = (f"{field.default:g}", f"{low:g} to {high:g}")
    assert rows == expected
