"""Stopping the studio with Ctrl-C: a quiet, clean exit, with no worker left behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.server.conftest import copy_project

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_ctrl_c_stops_the_studio_and_its_workers_without_a_traceback(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    port = _free_port()
    studio = subprocess.Popen(
        [sys.executable, "-m", "leafpress", "--project", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert studio.poll() is None, studio.communicate()
            assert time.monotonic() < deadline, "the studio did not start"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        workers = _children(studio.pid)
        assert len(workers) >= 2  # the warm render processes (and multiprocessing's helper)
        os.killpg(studio.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
        out, err = studio.communicate(timeout=60)
    finally:
        if studio.poll() is None:
            os.killpg(studio.pid, signal.SIGKILL)
    assert out.startswith("leafpress studio: http://127.0.0.1:")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert studio.returncode in (0, 130), err
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
