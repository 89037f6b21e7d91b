"""Shared fixtures: a minimal valid project per test, and the CLI run in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import CHROMIUM, FLAGS
from tests.minimal_project import Project, Result, make_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh minimal valid project for one test."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="module")
def module_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A minimal valid project shared by one module's tests (do not mutate it)."""
    return make_project(tmp_path_factory.mktemp("shared") / "project")


@pytest.fixture
def leafpress(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``leafpress.cli.main`` in memory and capture its exit code and output."""
    from leafpress.cli.app import main

    def invoke(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """pytest-playwright's browser is Debian's Chromium, shared by every browser test."""
    return {"executable_path": str(CHROMIUM), "args": FLAGS, "headless": True}
