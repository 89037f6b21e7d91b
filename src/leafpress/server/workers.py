"""Warm render workers: processes that import WeasyPrint and load the project once."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import datetime as dt
import gc
import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leafpress.errors import LeafpressError, Problem
from leafpress.heap import CollectAfterAnswer, settle_after_reload, settle_after_start_up


@dataclass(frozen=True)
class Job:
    """One render: a definition mapping, an edition, a format and the library's generation."""

    definition: dict[str, Any]
    edition: str
    format: str
    generation: int
    today: dt.date


@dataclass(frozen=True)
class Output:
    """What a worker sends back: the file and its audit, or the problems that stopped it."""

    data: bytes = b""
    media_type: str = ""
    filename: str = ""
    pages: int | None = None
    problems: list[Problem] = field(default_factory=list)
    audit_findings: list[str] = field(default_factory=list)


_state: dict[str, Any] = {}
_collector = CollectAfterAnswer()


def _start(root: str) -> None:
    """Worker start-up: import WeasyPrint, load the project, render once to warm caches.

    Ctrl-C in the terminal reaches every process of the studio; a worker leaves it to
    the server, which stops the workers itself once it has shut down.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(_let_go)
    import weasyprint  # noqa: F401  (the import is the point: requests never pay it)

    from leafpress.engine import Project

    project = Project.open(root)
    _state.update(project=project, generation=0)
    for leaflet_id in list(project.leaflets)[:1]:
        with contextlib.suppress(LeafpressError):
            project.render(leaflet_id, allow_overdue=True)
    settle_after_start_up()


def _let_go() -> None:
    """At the worker's exit, free the project while Python can still run its finalizers.

    Otherwise WeasyPrint's font configurations are finalized during interpreter shutdown,
    after the modules they need are gone, and each prints an ignored-exception traceback.
    """
    _state.clear()
    gc.unfreeze()
    gc.collect()


def _ready() -> int:
    """A job that only proves the worker has started."""
    return multiprocessing.current_process().pid or 0


def audit_findings(data: bytes, filename: str) -> list[str]:
    """Run `leafpress audit` on a PDF this worker has just made; return what failed, as text."""
    from leafpress.audit.model import UnreadablePdfError
    from leafpress.audit.runner import audit_bytes

    try:
        report = audit_bytes(data, filename, made_here=True)
    except UnreadablePdfError as error:
        return [problem.message for problem in error.problems]
    if report.passed:
        return []
    return [f"{f.condition}: {f.message}" for f in report.findings] or ["the audit failed"]


def _run(job: Job) -> Output:
    """Render one job in this worker (refreshing first if the library changed)."""
    project = _state["project"]
    if job.generation != _state["generation"]:
        project.refresh()
        _state["generation"] = job.generation
        settle_after_reload()
    with _collector.job():
        try:
            rendered = project.render(job.definition, job.edition, job.format, today=job.today)
        except LeafpressError as error:
            return Output(problems=error.problems)
        findings = audit_findings(rendered.data, rendered.filename) if job.format == "pdf" else []
    return Output(rendered.data, rendered.media_type, rendered.filename, rendered.pages,
                  audit_findings=findings)


@dataclass(frozen=True)
class Submitted:
    """A job handed to a worker: its future, and the pool that runs it."""

    future: asyncio.Future[Output]
    executor: ProcessPoolExecutor

    def cancel(self) -> None:
        """Drop the job: it does not run if no worker has started it."""
        self.future.cancel()


class RenderPool:
    """A pool of warm worker processes; a crashed worker is replaced, not fatal."""

    def __init__(self, root: Path, workers: int) -> None:
        self.root = root
        self.workers = max(1, workers)
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start, initargs=(str(self.root),))

    async def warm(self) -> None:
        """Start every worker now, so the first requests find them ready."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._executor, _ready)
                               for _ in range(self.workers)))

    def submit(self, job: Job) -> Submitted:
        """Hand a job to a worker now; await it with :meth:`result` (or cancel it).

        A pool found broken (a worker died while idle) is replaced first, so the job
        does not fail for it.
        """
        loop = asyncio.get_running_loop()
        executor = self._executor
        try:
            return Submitted(loop.run_in_executor(executor, _run, job), executor)
        except BrokenProcessPool:
            self._replace(executor)
            return Submitted(loop.run_in_executor(self._executor, _run, job), self._executor)

    async def render(self, job: Job) -> Output:
        """Render in a worker and wait for it."""
        return await self.result(self.submit(job))

    async def result(self, submitted: Submitted) -> Output:
        """What a submitted job gave; if its worker died, the pool is replaced and it says so."""
        try:
            return await submitted.future
        except BrokenProcessPool:
            self._replace(submitted.executor)
            return Output(problems=[Problem(None, None, None,
                                            "the render worker stopped unexpectedly",
                                            "Try again; the studio has started a new worker.")])

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Replace a broken pool once, however many of its jobs report it."""
        if self._executor is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new()

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)
