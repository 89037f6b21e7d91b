"""`leafpress build` options for batches: --queue, --jobs, --executor and --scheduler."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.fixture_builds import MAIN, SECOND, TODAY, copy_project
from tests.minimal_project import Project, Result

Cli = Callable[..., Result]


@pytest.mark.parametrize(("args", "error"), [
    (["build", "--all", "--queue", "queue"], "give leaflet files, --all or --queue (only one)"),
    (["build", "--all", "--executor", "dask"],
     "--executor dask needs --scheduler ADDRESS, such as tcp://10.0.0.5:8786"),
    (["build", "--all", "--scheduler", "tcp://10.0.0.5:8786"],
     "--scheduler is only used with --executor dask"),
    (["build", "--all", "-j", "0"],
     "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1."),
    (["build", "--all", "--executor", "ray"],
     "Invalid value for '--executor': 'ray' is not one of 'local', 'dask'."),
], ids=["queue-and-all", "dask-no-scheduler", "scheduler-no-dask", "jobs-0", "executor"])
def test_wrong_batch_options_exit_2(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch,
    args: list[str], error: str,
) -> None:
    monkeypatch.chdir(project.root)
    (project.root / "queue").write_text("", encoding="utf-8")
    result = leafpress(*args)
    assert result.code == 2
    assert result.err.endswith(f"Error: {error}\n")


@pytest.mark.slow
def test_a_queue_builds_exactly_its_lines(
    leafpress: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    queue = project / "queue"
    queue.write_text(f"build leaflets/{MAIN}.yaml --variant large-print --format pdf "
                     f"--out elsewhere\nbuild leaflets/{SECOND}.yaml\n"
                     f"build leaflets/{SECOND}.yaml --variant standard\n", encoding="utf-8")
    result = leafpress("build", "--queue", queue, "--out", "out", "--today", TODAY, "-j", "2")
    assert result.code == 0, result.err
    built = sorted(p.relative_to(project / "out").as_posix()
                   for p in (project / "out").rglob("*.pdf"))
    assert built == [f"{MAIN}/large-print.pdf", f"{SECOND}/standard.pdf"]
    assert result.out.count("built out/") == 2


def test_a_bad_queue_line_exits_1_with_its_place(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)
    (project.root / "queue").write_text("build leaflets/x.yaml --colour red\n", encoding="utf-8")
    result = leafpress("build", "--queue", "queue", "--today", "2026-01-01")
    assert result.code == 1
    assert result.err.startswith("error: queue:1: unknown option or value: --colour red\n")
    assert not (project.root / "build").exists()
