"""Golden HTML of the fixture leaflet; `python -m tests.golden` (or `make golden`) rewrites it."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from tests.fixture_builds import FIXTURE, MAIN, VARIANTS, fixture_copy, render_fixture_html

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
PROJECT_PLACEHOLDER = "file:///PROJECT"

#: Golden file name (without .html) -> (leaflet id, variant).
CASES: dict[str, tuple[str, str]] = {f"{MAIN}-{variant}": (MAIN, variant) for variant in VARIANTS}


def normalise(html: str) -> str:
    """Replace the machine-specific project location, so the file is the same everywhere."""
    for project in (fixture_copy(), FIXTURE):
        html = html.replace(project.resolve().as_uri(), PROJECT_PLACEHOLDER)
    return html


def render_case(name: str) -> str:
    """The normalised HTML of one golden case, as rendered now."""
    leaflet, variant = CASES[name]
    return normalise(render_fixture_html(variant, leaflet))


def golden_path(name: str) -> Path:
    """Where a case's golden file lives."""
    return GOLDEN_DIR / f"{name}.html"


def difference(expected: str, actual: str, name: str) -> str:
    """A unified diff from the golden text to the rendered text ('' when equal)."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"tests/golden/{name}.html (golden)",
        tofile=f"{name} (rendered now)",
    )
    return "".join(lines)


def main() -> int:
    """Rewrite every golden file from the current templates and fixture content."""
    GOLDEN_DIR.mkdir(exist_ok=True)
    for name in CASES:
        path = golden_path(name)
        path.write_text(render_case(name), encoding="utf-8")
        print(f"wrote {path.relative_to(GOLDEN_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
