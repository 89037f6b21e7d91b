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


@pytest.fixture(scope="module")
def checking_studio() -> Studio:
    from tests.server.conftest import REPO

    return Studio(Project.open(REPO), None)


#: A request with every kind of mistake: its own shape, and names the project does not have.
EVERY_MISTAKE: dict[str, Any] = {
    "title": "t" * 130,
    "sections": [{"id": "nope", "heading": "h" * 130}, "receptors"],
    "contacts": "no-such-team", "edition": "huge", "format": "pdq",
}


@pytest.mark.parametrize(("change", "expected"), [
    ({}, ["title: String should have at most 120", "sections[0].heading: String should have",
          "unknown section id 'nope'", "unknown contacts profile 'no-such-team'",
          "unknown edition 'huge'", "unknown format 'pdq'"]),
    ({"title": "Yours", "sections": ["nope", {"id": "receptors", "heading": "<b>x</b>"}]},
     ["sections[1].heading: contains markup", "unknown section id 'nope'",
      "unknown contacts profile 'no-such-team'", "unknown edition 'huge'",
      "unknown format 'pdq'"]),
    ({"title": "Yours", "sections": ["nope"], "edition": "standard", "format": "pdf",
      "note": "NHS 943 476 5919"},
     ["note: may be patient-identifiable", "unknown section id 'nope'",
      "unknown contacts profile 'no-such-team'"]),
    ({"title": "Yours", "sections": ["nope"], "edition": "standard", "format": "pdf",
      "note": "Ring us"},
     ["unknown contacts profile 'no-such-team'", "unknown section id 'nope'"]),
    ({"title": "Yours", "sections": ["nope", "receptors"], "start_from": "zzz"},
     ["start_from: unknown leaflet 'zzz'", "unknown section id 'nope'",
      "unknown contacts profile 'no-such-team'", "unknown edition 'huge'",
      "unknown format 'pdq'"]),
])
def test_every_problem_of_a_request_comes_at_once(
        checking_studio: Studio, change: dict[str, Any], expected: list[str]) -> None:
    with pytest.raises(InputError) as raised:  # the studio page and the API do both steps
        checking_studio.definition(checking_studio.request({**EVERY_MISTAKE, **change}))
    messages = [problem.message for problem in raised.value.problems]
    for start in expected:
        assert sum(message.startswith(start) for message in messages) == 1, (start, messages)
    assert len(messages) == len(expected), messages


def test_a_sound_request_has_no_problems(checking_studio: Studio) -> None:
    request = checking_studio.request({"sections": ["receptors"], "contacts":
                                       "breast-unit-st-elsewhere", "note": "Ring us"})
    assert checking_studio.problems_of(request) == []
    assert request.note == "Ring us"


def test_a_reply_names_no_folder_of_the_server(checking_studio: Studio) -> None:
    with pytest.raises(InputError) as raised:
        checking_studio.definition(checking_studio.request(EVERY_MISTAKE | {"title": "T"}))
    root = str(checking_studio.root)
    assert all(root not in f"{p.message} {p.hint}" for p in raised.value.problems)
    assert any("the project's leaflets/contacts/ folder" in p.hint
               for p in raised.value.problems)


@pytest.mark.parametrize(("data", "expected"), [
    ({"title": "Temp > 37.5 advice", "sections": [{"id": "receptors", "heading": "h" * 130}],
      "contacts": "breast-unit-st-elsewhere", "note": "Ring if temperature > 37.5"},
     [("sections[0].heading", "String should have at most 120"),
      ("title", "contains markup"), ("note", "contains markup")]),
    ({"sections": ["<b>x</b>", "nope", "receptors", 3, "gone"], "contacts": "nobody",
      "edition": "huge"},
     [("sections[3]", 'expected a section id, such as "receptors", or an object'),
      ("sections[0].id", "contains markup"), ("sections[1].id", "unknown section id 'nope'"),
      ("sections[4].id", "unknown section id 'gone'"),
      ("contacts", "unknown contacts profile 'nobody'"), ("edition", "unknown edition 'huge'")]),
    ({"title": "Temp > 37.5 " + "x" * 120, "sections": ["nope"], "note": "ring"},
     [("title", "String should have at most 120"), ("title", "contains markup"),
      ("sections[0].id", "unknown section id 'nope'"), ("note", "a note needs contacts")]),
    ({"sections": ["what-is-secondary"], "contacts": "nobody", "note": "hello"},
     [("contacts", "unknown contacts profile 'nobody'")]),
    ({"sections": ["what-is-secondary"], "contacts": "../../etc/passwd", "note": "x"},
     [("contacts", "")]),
    ({"sections": ["nope"], "edition": "large-print", "format": "epub"},
     [("sections[0].id", "unknown section id 'nope'"),
      ("format", "the 'epub' format is not made for a leaflet in the large-print edition")]),
])
def test_each_problem_is_located_once_whatever_else_is_wrong(
        checking_studio: Studio, data: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    with pytest.raises(InputError) as raised:
        checking_studio.definition(checking_studio.request(data))
    found = [(problem.field, problem.message) for problem in raised.value.problems]
    assert len(found) == len(expected), found
    for field, words in expected:
        assert sum(at == field and words in message for at, message in found) == 1, (
            field, words, found)
    root = str(checking_studio.root)
    assert all(root not in str(problem) for problem in raised.value.problems)
    assert all(problem.location().startswith("handout request (")
               for problem in raised.value.problems)
