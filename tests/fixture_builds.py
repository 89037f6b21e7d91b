"""The suite's fixture project (tests/fixtures/project), its loaded stages and shared builds."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from leafpress import Project, cli
from leafpress.content.library_scan import load_library
from leafpress.content.selection import Selection, select
from leafpress.project.definitions import LoadedLeaflet, load_leaflet
from leafpress.project.library import Library

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "project"
TEMPLATES = REPO / "templates"
MAIN = "fixture-leaflet"
SECOND = "second-leaflet"
TODAY = "2026-06-01"
VARIANTS = ("standard", "large-print")


def copy_project(dest: Path) -> Path:
    """Copy the fixture project to dest, with the repository's templates and styles."""
    shutil.copytree(FIXTURE, dest)
    for folder in ("templates", "styles"):
        shutil.copytree(REPO / folder, dest / folder)
    return dest


def leaflet_file(project: Path, leaflet: str = MAIN) -> Path:
    """The definition file of a leaflet in a project."""
    return project / "leaflets" / f"{leaflet}.yaml"


def run_build(project: Path, out: Path, *leaflets: str, variants: tuple[str, ...] = ()) -> int:
    """`leafpress build` through cli.main, with a fixed --today; returns the exit code."""
    args = ["--project", str(project), "build"]
    args += [str(leaflet_file(project, name)) for name in leaflets]
    args += ["--out", str(out), "--today", TODAY]
    for variant in variants:
        args += ["--variant", variant]
    return cli.main(args)


@contextmanager
def source_date_epoch(value: str | None) -> Iterator[None]:
    """Set (or, with None, remove) SOURCE_DATE_EPOCH for the duration of a block."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    if value is not None:
        os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@dataclass(frozen=True)
class Built:
    """A project copy and the folder its leaflets were built into."""

    project: Path
    out: Path

    def pdf(self, variant: str, leaflet: str = MAIN) -> Path:
        """The reading PDF of one leaflet and variant."""
        return self.out / leaflet / f"{variant}.pdf"


def _scratch() -> Path:
    root = Path(tempfile.mkdtemp(prefix="leafpress-tests-"))
    atexit.register(shutil.rmtree, root, True)
    return root


@functools.cache
def shared_build() -> Built:
    """The main fixture leaflet in both variants, built once per test session."""
    root = _scratch()
    project = copy_project(root / "project")
    with source_date_epoch(None):
        code = run_build(project, root / "out", MAIN)
    assert code == 0, "the fixture leaflet does not build"
    return Built(project, root / "out")


# ------------------------------------------------------------ stages, without rendering


def fixture_library(project: Path = FIXTURE) -> Library:
    """The fixture project's content library."""
    return load_library(project)


def fixture_leaflet(leaflet: str = MAIN, project: Path = FIXTURE) -> LoadedLeaflet:
    """One of the fixture project's leaflet definitions."""
    return load_leaflet(leaflet_file(project, leaflet), project)


def fixture_selection(leaflet: str = MAIN, project: Path = FIXTURE) -> Selection:
    """The selection stage's result for one fixture leaflet."""
    return select(fixture_leaflet(leaflet, project), fixture_library(project))


@functools.cache
def fixture_copy() -> Path:
    """The fixture project with the repository's templates and styles, copied once."""
    return copy_project(_scratch() / "project")


def render_fixture_html(variant: str, leaflet: str = MAIN, project: Path | None = None) -> str:
    """The HTML document for one fixture leaflet and variant, as WeasyPrint receives it."""
    engine = Project.open(project or fixture_copy())
    html, _ = engine.print_html(leaflet, variant, today=dt.date.fromisoformat(TODAY))
    return html
