"""A studio worker's job: rendered and audited with the collector held off, then collected."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest

from leafpress.errors import LeafpressError
from leafpress.server import workers


class _Watching:
    """Stands for the worker's project: records whether the collector ran during a render."""

    def __init__(self) -> None:
        self.collector_on: list[bool] = []

    def render(self, *args: Any, **kwargs: Any) -> Any:
        self.collector_on.append(gc.isenabled())
        raise LeafpressError([])  # no file needed: the job ends here


def test_a_studio_job_runs_with_the_collector_held_off(monkeypatch: pytest.MonkeyPatch) -> None:
    project = _Watching()
    monkeypatch.setattr(workers, "_state", {"project": project, "generation": 0})
    job = workers.Job({"id": "x"}, "standard", "pdf", 0, dt.date(2026, 12, 1))
    output = workers._run(job)
    assert output.problems == [] and output.data == b""
    assert project.collector_on == [False]
    workers._collector.wait()  # the collection that follows the answer
    assert gc.isenabled()
