"""The command line: list, help for every command, usage errors."""

from __future__ import annotations

import pytest
from tests.fixture_builds import FIXTURE

from leafpress import cli
from leafpress.cli.app import commands


def test_list_shows_leaflet_and_section_titles(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands.out, "width", 200)  # one table row per line
    assert cli.main(["--project", str(FIXTURE), "list"]) == 0
    shown = capsys.readouterr().out
    for title in (
        "Living with a test leaflet: A small leaflet for the test suite",
        "Help and support",
        "What this leaflet is about",
        "How you may feel",
        "Treatment",
        "Getting help",
    ):
        assert title in shown
    rows = {line.split("│")[1].strip(): line for line in shown.splitlines() if "│" in line}
    assert "draft" in rows["beta"] and "2035-06-15" in rows["beta"]
    assert "A5" in rows["fixture-leaflet"] and "standard, large-print" in rows["fixture-leaflet"]


@pytest.mark.parametrize("command", ["build", "list", "check", "targets"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: leafpress {command}")
    assert "--help" in out


def test_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("build", "list", "check", "targets"):
        assert command in out


def test_build_needs_files_or_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--project", str(FIXTURE), "build"]) == 2
    assert "give leaflet files, or --all" in capsys.readouterr().err


def test_build_refuses_files_and_all(capsys: pytest.CaptureFixture[str]) -> None:
    leaflet = FIXTURE / "leaflets" / "fixture-leaflet.yaml"
    assert cli.main(["--project", str(FIXTURE), "build", str(leaflet), "--all"]) == 2
    assert "give leaflet files, or --all" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["build", "--variant", "braille", "--all"],
        ["check", "--today", "31/12/2026"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--project", str(FIXTURE), *args]) == 2
    assert capsys.readouterr().err.strip()
