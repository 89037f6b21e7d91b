"""The rendered HTML of the fixture leaflet matches tests/golden/ exactly."""

from __future__ import annotations

import pytest
from tests.golden import CASES, PROJECT_PLACEHOLDER, difference, golden_path, render_case


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_matches_golden(name: str) -> None:
    path = golden_path(name)
    assert path.is_file(), f"{path} is missing; run `make golden` to create it"
    expected = path.read_text(encoding="utf-8")
    diff = difference(expected, render_case(name), name)
    if diff:
        pytest.fail(
            f"the HTML for {name} differs from its golden file:\n{diff}\n"
            "If the change is deliberate, run `make golden` and review the diff.",
            pytrace=False,
        )


def test_golden_files_hold_no_machine_paths() -> None:
    for name in CASES:
        text = golden_path(name).read_text(encoding="utf-8")
        assert PROJECT_PLACEHOLDER in text  # the logo and the figure
        assert "/tests/fixtures/" not in text


def test_a_change_shows_as_a_diff() -> None:
    name = sorted(CASES)[0]
    rendered = render_case(name)
    changed = rendered.replace("<h2>First ", "<h2>Last ")
    diff = difference(rendered, changed, name)
    assert "-<h2>First things\N{NO-BREAK SPACE}first</h2>" in diff
    assert "+<h2>Last things\N{NO-BREAK SPACE}first</h2>" in diff
    assert difference(rendered, rendered, name) == ""
