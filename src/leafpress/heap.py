"""Long-lived render processes: keep what was loaded at start-up out of the collector's way."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def settle_after_start_up() -> None:
    """Collect once, then freeze every object that exists now (the project, WeasyPrint).

    Called by processes that render many documents (build workers, studio workers, a
    one-process build) once they are warm. The cyclic garbage collector then no longer
    walks those objects on each of its runs during a render; they live as long as the
    process does anyway. Only process start-up calls this, never a render.
    """
    gc.collect()
    gc.freeze()


def settle_after_reload() -> None:
    """Let go of what a reload replaced, then settle again.

    Frozen objects are never collected, so garbage cycles in the project a worker loaded
    at start-up would stay forever once a reload drops them. Unfreezing first lets one
    collection free them; what is loaded now is frozen in their place.
    """
    gc.unfreeze()
    settle_after_start_up()


@contextmanager
def one_collection_per_render() -> Iterator[None]:
    """Hold the automatic collector off during one render, then collect once.

    A long render (a 64-page booklet) otherwise spends a fifth of its time in the
    collector, which walks the growing laid-out document again and again. Paused, the
    render's cyclic garbage waits until the render ends: a little more memory at the
    peak, one collection instead of dozens. For processes that render one thing at a
    time (build workers, a one-process build, studio workers), around one target or one
    studio job each; never inside a render.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect()


class CollectAfterAnswer:
    """For a worker that answers one job at a time: collect after each job, once it has answered.

    The collector is off during a job, as in one_collection_per_render, but its one
    collection runs on a timer a little later, while the worker waits for the next job, so
    the caller does not wait for it (a full collection holds the interpreter lock for a few
    milliseconds). A job that starts before the timer fires collects first, so garbage never
    builds up from one job to the next.
    """

    def __init__(self, delay: float = 0.05) -> None:
        self._delay = delay
        self._timer: threading.Timer | None = None
        self._collected = threading.Event()
        self._was_enabled = True

    def _collect(self) -> None:
        gc.collect()
        self._collected.set()
        if self._was_enabled:
            gc.enable()

    def wait(self) -> None:
        """Finish the collection after the last job now, if it has not run yet."""
        if self._timer is None:
            return
        self._timer.cancel()
        self._timer.join()
        self._timer = None
        if not self._collected.is_set():
            self._collect()

    @contextmanager
    def job(self) -> Iterator[None]:
        """Run one job with the collector off; its collection comes after the answer."""
        self.wait()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._collected.clear()
        try:
            yield
        finally:
            self._timer = threading.Timer(self._delay, self._collect)
            self._timer.daemon = True
            self._timer.start()
