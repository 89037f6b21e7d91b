"""Session fixtures: the fixture booklet built once through the CLI, and its variations."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from booklet_build import TOO_TALL_NOTES, Booklet, build_booklet, make_booklet_project


@pytest.fixture(scope="session")
def scratch() -> Iterator[Path]:
    """A folder for this session's booklet builds."""
    root = Path(tempfile.mkdtemp(prefix="leafpress-booklet-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def booklet(scratch: Path) -> Booklet:
    """The fixture booklet in both editions, built with the default options."""
    project = make_booklet_project(scratch / "project")
    return build_booklet(project, scratch / "out")


@pytest.fixture(scope="session")
def print_shop(booklet: Booklet, scratch: Path) -> Booklet:
    """The standard edition built again with --print-shop."""
    return build_booklet(
        booklet.project, scratch / "print-shop", "--print-shop", "--variant", "standard"
    )


@pytest.fixture(scope="session")
def blank_padded(scratch: Path) -> Booklet:
    """The standard edition, with styles under which a notes page cannot fit on a page."""
    project = make_booklet_project(scratch / "tall-notes", extra_css=TOO_TALL_NOTES)
    return build_booklet(project, scratch / "tall-notes-out", "--variant", "standard")
