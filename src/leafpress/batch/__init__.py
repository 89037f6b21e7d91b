"""Building many targets in one run: planned here, rendered by a pool of warm workers."""

from leafpress.batch.executors import EXECUTORS, Executor, LocalPool, Serial
from leafpress.batch.targets import BuildOptions, Request, Target, plan, read_queue
from leafpress.batch.work import Outcome, render_target

__all__ = [
    "EXECUTORS",
    "BuildOptions",
    "Executor",
    "LocalPool",
    "Outcome",
    "Request",
    "Serial",
    "Target",
    "plan",
    "read_queue",
    "render_target",
]
