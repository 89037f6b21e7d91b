from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from leafpress.content.selection import Selection
from leafpress.engine import Project
from leafpress.errors import InputError
from leafpress.server.handout import parse_request
from leafpress.server.studio import Produced, Studio
from leafpress.server.workers import Job, Output, Submitted
from tests.server.conftest import copy_project, in_own_loop


def test_library_reloads_and_keeps_the_last_good_state(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    studio = Studio(Project.open(root), None)
    assert studio.refresh_if_changed() and studio.generation == 1
    assert not studio.refresh_if_changed()  # nothing changed
    section = root / "content" / "sections" / "receptors.md"
    good = section.read_text()
    section.write_text(good.replace("title: Receptors and why they matter",
                                    "title: Receptors matter"))
    assert studio.refresh_if_changed() and studio.generation == 2
    assert studio.project.library.sections["receptors"].meta.title == "Receptors matter"
    section.write_text(good.replace("status: draft", "status: maybe"))
    assert studio.refresh_if_changed()
    assert studio.generation == 2 and studio.reload_problems
    assert "receptors.md" in str(studio.reload_problems[0].path)
    assert studio.project.library.sections["receptors"].meta.title == "Receptors matter"
    section.write_text(good)
    assert studio.refresh_if_changed() and studio.generation == 3 and not studio.reload_problems


class _Pool:
    """Stands for the render workers: takes jobs at once, answers when the test says."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []
        self.running: list[asyncio.Future[Output]] = []

    def submit(self, job: Job) -> Submitted:
        self.jobs.append(job)
        self.running.append(asyncio.get_running_loop().create_future())
        return Submitted(self.running[-1], None)  # type: ignore[arg-type]

    async def result(self, submitted: Submitted) -> Output:
        return await submitted.future


def _studio_checking_while_rendering(root: Path) -> tuple[Studio, _Pool, list[int]]:
    pool = _Pool()
    studio = Studio(Project.open(root), pool)  # type: ignore[arg-type]
    dispatched_before_check: list[int] = []
    real = studio._selection

    def selection(mapping: dict[str, Any]) -> Selection:
        dispatched_before_check.append(len(pool.jobs))
        return real(mapping)

    studio._selection = selection  # type: ignore[method-assign]
    return studio, pool, dispatched_before_check


def test_the_studio_checks_a_request_while_the_worker_renders_it(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    studio, pool, seen = _studio_checking_while_rendering(root)

    async def run() -> Produced:
        producing = asyncio.ensure_future(studio.produce(parse_request(
            {"sections": ["receptors"]}), "api"))
        await asyncio.sleep(0)
        pool.running[0].set_result(Output(b"%PDF-", "application/pdf", "standard.pdf", 1))
        return await producing

    produced = in_own_loop(run)
    assert seen == [1]  # the job was with the worker before the studio's own check ran
    assert produced.data == b"%PDF-" and produced.log_number == 1


def test_a_request_the_check_refuses_drops_its_render(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    studio, pool, seen = _studio_checking_while_rendering(root)

    async def run() -> None:
        await studio.produce(parse_request({"sections": ["receptors", "old-advice"]}), "api")

    with pytest.raises(InputError, match="overdue"):
        in_own_loop(run)
    assert seen == [1] and pool.running[0].cancelled()
    assert not (root / ".leafpress").exists()  # nothing logged
