"""The local worker pool renders the same bytes as one process, and stops its workers."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
from tests.fixture_builds import MAIN, SECOND, TODAY, fixture_copy, leaflet_file

from leafpress import Project
from leafpress.batch import BuildOptions, LocalPool, Request, Serial, plan
from leafpress.batch.work import Outcome

pytestmark = pytest.mark.slow

OPTIONS = BuildOptions(dt.date.fromisoformat(TODAY))


def _by_target(outcomes: list[Outcome]) -> dict[tuple[str, str], list[bytes]]:
    return {(o.target.leaflet_id, o.target.edition): [r.data for r in o.rendered]
            for o in outcomes}


def test_pool_and_serial_make_identical_outputs() -> None:
    engine = Project.open(fixture_copy())
    targets, _ = plan(engine, [Request(leaflet_file(engine.root, name)) for name in (MAIN, SECOND)])
    serial = list(Serial(engine, OPTIONS).outcomes(targets))
    pooled = list(LocalPool(engine, OPTIONS, jobs=2).outcomes(targets))
    assert all(o.ok for o in serial + pooled)
    assert _by_target(pooled) == _by_target(serial)
    assert len(_by_target(pooled)) == 3
    assert {o.inputs[0] for o in pooled} == {Path("content/glossary.yaml")}
    assert all(0 < o.peak_rss_mb < 2000 for o in pooled)


def test_a_failing_target_is_an_outcome_not_an_exception(tmp_path: Path) -> None:
    project = fixture_copy()
    engine = Project.open(project)
    targets, _ = plan(engine, [Request(leaflet_file(project, SECOND))])
    options = BuildOptions(dt.date(2099, 1, 1))  # every section long overdue
    [outcome] = list(LocalPool(engine, options, jobs=2).outcomes(targets))
    assert not outcome.ok and not outcome.rendered
    assert any("review" in p.message for p in outcome.problems)


def test_stopping_early_ends_every_worker() -> None:
    engine = Project.open(fixture_copy())
    targets, _ = plan(engine, [Request(leaflet_file(engine.root, name)) for name in (MAIN, SECOND)])
    pool = LocalPool(engine, OPTIONS, jobs=2)
    outcomes = pool.outcomes(targets)
    first = next(outcomes)
    assert first.ok
    assert multiprocessing.active_children()
    outcomes.close()  # what an interrupted build does
    assert multiprocessing.active_children() == []


def test_each_target_renders_with_the_collector_held_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from leafpress.batch import executors

    engine = Project.open(fixture_copy())
    targets, _ = plan(engine, [Request(leaflet_file(engine.root, MAIN))])
    seen: list[bool] = []
    real = executors.render_target

    def watching(*args: object) -> Outcome:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(executors, "render_target", watching)
    assert all(o.ok for o in Serial(engine, OPTIONS).outcomes(targets))
    assert len(seen) == len(targets) and not any(seen) and gc.isenabled()
    # A pool worker's job runs the same way (called here in this process).
    monkeypatch.setitem(executors._worker, "root", engine.root)
    monkeypatch.setitem(executors._worker, "options", OPTIONS)
    monkeypatch.setitem(executors._worker, "project", engine)
    assert executors._render_in_worker(targets[0]).ok
    assert len(seen) == len(targets) + 1 and not seen[-1] and gc.isenabled()
