"""A render worker that dies is replaced: the nurse's next handout is made, never refused."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from leafpress.server.workers import Job, RenderPool, _ready
from tests.server.conftest import copy_project, in_own_loop

pytestmark = pytest.mark.slow

HANDOUT = {"id": "handout", "title": "After a crash", "publisher": "sample",
           "product_code": "HANDOUT", "version": "1", "audience": "Anyone",
           "sections": ["receptors"]}


def _job() -> Job:
    return Job(HANDOUT, "standard", "pdf", 0, dt.date.today())


async def _worker_pid(pool: RenderPool) -> int:
    return await asyncio.get_running_loop().run_in_executor(pool._executor, _ready)


def _with_one_worker(root: Path, body: Callable[[RenderPool, int], Awaitable[None]]) -> None:
    """Run ``body(pool, worker_pid)`` against a warm one-worker pool, then stop it."""
    async def run() -> None:
        pool = RenderPool(root, 1)
        try:
            await pool.warm()
            await body(pool, await _worker_pid(pool))
        finally:
            pool.close()

    in_own_loop(run)


def test_a_worker_that_died_while_idle_is_replaced_before_the_next_job(tmp_path: Path) -> None:
    async def body(pool: RenderPool, pid: int) -> None:
        broken = pool._executor
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not broken._broken:  # the pool notices the death on its own thread
            assert time.monotonic() < deadline
            await asyncio.sleep(0.1)
        output = await pool.render(_job())
        assert output.problems == [] and output.data.startswith(b"%PDF")
        assert pool._executor is not broken

    _with_one_worker(copy_project(tmp_path / "project"), body)


def test_a_job_whose_worker_dies_says_try_again_and_the_next_one_works(tmp_path: Path) -> None:
    async def body(pool: RenderPool, pid: int) -> None:
        first = pool.submit(_job())
        await asyncio.sleep(0.02)  # the worker has the job
        os.kill(pid, signal.SIGKILL)
        second = pool.submit(_job())  # queued on the same pool, which then breaks
        failed = await pool.result(first)
        assert "stopped unexpectedly" in failed.problems[0].message
        assert "Try again" in failed.problems[0].hint and not failed.data
        replacement = pool._executor
        assert replacement is not first.executor
        also_failed = await pool.result(second)
        assert "stopped unexpectedly" in also_failed.problems[0].message
        assert pool._executor is replacement  # one replacement for both reports
        after = await pool.render(_job())
        assert after.problems == [] and after.data.startswith(b"%PDF")

    _with_one_worker(copy_project(tmp_path / "project"), body)
