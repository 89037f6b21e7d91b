"""Web pages and EPUBs of every sample leaflet and of the fixture leaflet, made once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from leafpress import Project
from leafpress.content.selection import Selection
from tests.fixture_builds import MAIN, TODAY, fixture_copy
from tests.outputs.checkers import REPO

#: Pinned, as in tests/test_samples.py: the sample content's review dates must not age.
SAMPLES_TODAY = dt.date(2026, 11, 21)
SAMPLES = sorted(Project.open(REPO).leaflets)


@dataclass(frozen=True)
class Made:
    """One leaflet's file in one format, written to disk, with the selection it came from."""

    path: Path
    selection: Selection

    @property
    def text(self) -> str:
        """The file as text (the web page)."""
        return self.path.read_text(encoding="utf-8")


def _make(project: Project, leaflet: str, output: str, folder: Path,
          today: dt.date) -> Made:
    rendered = project.render(leaflet, format=output, today=today)
    path = folder / leaflet / rendered.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(rendered.data)
    return Made(path, project.select(leaflet))


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Made]:
    """Every sample leaflet as a web page and as an EPUB, by (leaflet id, format)."""
    folder = tmp_path_factory.mktemp("screen-samples")
    project = Project.open(REPO)
    return {(leaflet, output): _make(project, leaflet, output, folder, SAMPLES_TODAY)
            for leaflet in SAMPLES for output in ("web", "epub")}


@pytest.fixture(scope="session")
def fixture_made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Made]:
    """The fixture leaflet (a table, a picture, a reviewer) as a web page and an EPUB."""
    folder = tmp_path_factory.mktemp("screen-fixture")
    project = Project.open(fixture_copy())
    today = dt.date.fromisoformat(TODAY)
    return {output: _make(project, MAIN, output, folder, today) for output in ("web", "epub")}

