"""Where targets render: in this process, or in a pool of warm local worker processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Protocol

from leafpress.batch.targets import BuildOptions, Target
from leafpress.batch.work import Outcome, render_target
from leafpress.engine import Project
from leafpress.errors import LeafpressError, Problem
from leafpress.heap import one_collection_per_render, settle_after_start_up


class Executor(Protocol):
    """Renders targets and yields each outcome as it is ready, in any order."""

    def outcomes(self, targets: Sequence[Target]) -> Iterator[Outcome]:
        """Render every target; stop every worker if the caller stops early."""
        ...


def default_jobs() -> int:
    """Every core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class Serial:
    """Render in this process, one target after another, with one warm project."""

    def __init__(self, project: Project, options: BuildOptions) -> None:
        self._project = project
        self._options = options

    def outcomes(self, targets: Sequence[Target]) -> Iterator[Outcome]:
        """Render each target in turn."""
        for target in targets:
            with one_collection_per_render():
                outcome = render_target(self._project, target, self._options)
            yield outcome


# ---------------------------------------------------------------- the local worker pool

#: The project each worker process opened once, and the options of its build.
_worker: dict[str, object] = {}


def _start_worker(root: str, options: BuildOptions, parent: int) -> None:
    """Open the project once per worker; leave signals to the parent; die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker["root"], _worker["options"] = Path(root), options
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    settle_after_start_up()  # a forked worker starts with the project already open


def _watch_parent(parent: int) -> None:
    """A worker whose build was killed (SIGKILL) exits instead of rendering on for nobody."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_project() -> Project | list[Problem]:
    project = _worker.get("project")
    if isinstance(project, Project) and project.root == _worker["root"]:
        return project
    try:
        opened = Project.open(Path(str(_worker["root"])))
    except LeafpressError as error:
        return error.problems
    _worker["project"] = opened
    settle_after_start_up()
    return opened


def _render_in_worker(target: Target) -> Outcome:
    project = _worker_project()
    if not isinstance(project, Project):
        return Outcome(target, problems=project)
    options = _worker["options"]
    assert isinstance(options, BuildOptions)
    with one_collection_per_render():
        return render_target(project, target, options)


def _context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (Linux): workers start with leafpress and WeasyPrint imported."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class LocalPool:
    """A pool of worker processes on this machine, each with the project opened once."""

    def __init__(self, project: Project, options: BuildOptions, jobs: int) -> None:
        self._project = project
        self._options = options
        self._jobs = max(1, jobs)

    def outcomes(self, targets: Sequence[Target]) -> Iterator[Outcome]:
        """Submit every target (longest first) and yield outcomes as workers finish them."""
        workers = min(self._jobs, len(targets))
        context = _context()
        # Forked workers inherit the project this process has already opened.
        _worker.clear()
        if context.get_start_method() == "fork":
            _worker["project"] = self._project
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker,
            initargs=(str(self._project.root), self._options, os.getpid()),
        )
        yield from drain(pool, [pool.submit(_render_in_worker, t) for t in targets],
                         stop=lambda: _stop_pool(pool))


def drain(owner: object, futures: list[Future[Outcome]],
          stop: Callable[[], None]) -> Iterator[Outcome]:
    """Yield each future's outcome as it completes; on any early exit, stop the workers."""
    pending = set(futures)
    finished = False
    try:
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
        finished = True
    finally:
        if finished:
            shutdown = getattr(owner, "shutdown", None)
            if callable(shutdown):
                shutdown(wait=True)
        else:
            for future in pending:
                future.cancel()
            stop()


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the workers at once: they write nothing, so nothing is left half-done.

    The pool's own table of workers is held before shutting it down (shutdown drops the
    pool's reference to it, while its manager thread may still add a worker). A worker
    that outlives SIGTERM (one still starting has not yet set SIGTERM back to its default)
    gets SIGKILL.
    """
    processes: dict[int, multiprocessing.process.BaseProcess] = (
        getattr(pool, "_processes", None) or {})
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=5)
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


#: Executors by the name ``--executor`` takes.
EXECUTORS: tuple[str, ...] = ("local", "dask")
