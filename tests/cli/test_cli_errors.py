"""The command line: exit codes, no tracebacks, every error at once, one failure isolated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.minimal_project import LEAFLET, Cli, Project

from leafpress.cli.app import commands

TODAY = "2026-01-01"


def usage(command: str, error: str) -> str:
    prog = f"leafpress {command}".strip()
    shape = "[OPTIONS] [LEAFLETS]..." if command == "build" else (
        "[OPTIONS]" if command else "[OPTIONS] COMMAND [ARGS]...")
    return (f"Usage: {prog} {shape}\nTry '{prog} --help' for help.\n\nError: {error}\n")


@pytest.mark.parametrize(("args", "command", "error"), [
    (["build"], "build", "give leaflet files, or --all (not both)"),
    (["build", "--all", "leaflets/x.yaml"], "build", "give leaflet files, or --all (not both)"),
    (["build", "--all", "--variant", "huge"], "build",
     "Invalid value for '--variant': 'huge' is not one of 'standard', 'large-print'."),
    (["check", "--today", "2026-02-30"], "check",
     "Invalid value for '--today': '2026-02-30' is not a date; write it as YYYY-MM-DD"),
    (["check", "--colour"], "check", "No such option '--colour'."),
    (["publish"], "", "No such command 'publish'."),
], ids=["no-leaflets", "both", "variant", "today", "option", "command"])
def test_wrong_command_line_exits_2(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch,
    args: list[str], command: str, error: str,
) -> None:
    monkeypatch.chdir(project.root)
    result = leafpress(*args)
    assert result.err == usage(command, error)
    assert result.code == 2


def test_leaflet_file_that_does_not_exist_exits_2(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)
    result = leafpress("build", "leaflets/xx.yaml")
    assert result.err == usage(
        "build", "Invalid value for '[LEAFLETS]...': File 'leaflets/xx.yaml' does not exist.")
    assert result.code == 2


def test_errors_in_content_and_definitions_exit_1_together(
    leafpress: Cli, project: Project
) -> None:
    project.write("content/sections/beta.md", "no front matter\n")
    project.edit("leaflets/x.yaml", "paper: A4", "papr: A4")
    result = leafpress("--project", project.root, "check", "--today", TODAY)
    assert result.err.count("error: ") == 2
    assert f"error: {project.path('content/sections/beta.md')}:1:1: the file has no front " \
           "matter\n" in result.err
    assert f"error: {project.leaflet}:5:1: unknown key 'papr' in (top level)\n" in result.err
    assert result.err.endswith(
        "check failed: 0 leaflet(s), 0 section(s), 2 error(s), 0 warning(s).\n")
    assert result.code == 1


def test_no_traceback_unless_debug(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "id: beta", "id: beta\nid: gamma")
    line = (f"error: {project.path('content/sections/beta.md')}:3:1: duplicate key 'id' "
            "(first given on line 2)\n"
            "  → Keep one of them: YAML would silently use only the last.\n")
    quiet = leafpress("--project", project.root, "build", "--all", "--today", TODAY)
    assert quiet.err == line
    assert quiet.code == 1
    loud = leafpress("--debug", "--project", project.root, "build", "--all", "--today", TODAY)
    assert loud.err.startswith("Traceback (most recent call last):\n")
    assert loud.err.endswith(line)
    assert loud.code == 1


def test_a_bug_is_reported_as_internal_with_exit_3(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("something leafpress did not expect")

    monkeypatch.setattr(commands, "check", broken)
    quiet = leafpress("--project", project.root, "check")
    assert quiet.err == (
        "leafpress: internal error: RuntimeError: something leafpress did not expect\n"
        "  → This is a bug in leafpress, not in your files. Run the same command with --debug "
        "and report what it prints.\n"
    )
    assert quiet.code == 3
    loud = leafpress("--debug", "--project", project.root, "check")
    assert loud.err.startswith("Traceback (most recent call last):\n")
    assert loud.code == 3


def test_the_installed_command_prints_no_traceback(project: Project) -> None:
    project.edit("leaflets/x.yaml", "  - beta\n", "  - betta\n")
    done = subprocess.run(
        [sys.executable, "-m", "leafpress", "--project", str(project.root), "check",
         "--today", TODAY],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (f"error: {project.leaflet}:13:5: unknown section id 'betta'\n"
            "  → Did you mean 'beta'? Run 'leafpress list' to see every section id.\n") \
        in done.stderr


def test_one_failing_leaflet_does_not_stop_or_touch_the_others(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "a-broken" sorts first, so the good leaflet is built after the failure.
    project.write("leaflets/a-broken.yaml",
                  LEAFLET.replace("id: x", "id: a-broken").replace("  - beta\n", "  - gamma\n"),
                  dedent=False)
    old = project.write_bytes("build/a-broken/standard.pdf", b"%PDF an older good build")
    monkeypatch.chdir(project.root)
    result = leafpress("build", "--all", "--today", TODAY)
    assert result.err == (  # paths are shown relative to the folder leafpress runs in
        "error: leaflets/a-broken.yaml:13:5: unknown section id 'gamma'\n"
        "  → Run 'leafpress list' to see every section id.\n"
        "1 leaflet(s) failed: leaflets/a-broken.yaml; 1 file set(s) built.\n"
    )
    assert result.out.startswith("built build/x/standard.pdf (")
    assert result.code == 1
    assert project.path("build/x/standard.pdf").read_bytes().startswith(b"%PDF-")
    assert old.read_bytes() == b"%PDF an older good build"


def test_project_folder_that_does_not_exist_exits_2(leafpress: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = leafpress("--project", missing, "check")
    assert result.err == usage(
        "", f"Invalid value for '--project': Directory '{missing}' does not exist.")
    assert result.code == 2
