"""A copy of the sample project with one overdue section, and a live studio serving it."""

from __future__ import annotations

import asyncio
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import uvicorn

from leafpress.server.app import create_app

REPO = Path(__file__).resolve().parents[2]
T = TypeVar("T")
OVERDUE_SECTION = """---
id: old-advice
title: Old advice kept for the test
review:
  reviewed: 2019-01-10
  next_review: 2020-01-10
  status: draft
  reviewers: []
references: []
---

This text is past its review date. It must not be printed.
"""


def copy_project(target: Path) -> Path:
    """The repository's sample project (content, leaflets, templates, styles) in target."""
    for folder in ("content", "leaflets", "templates", "styles"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy(REPO / "pyproject.toml", target / "pyproject.toml")
    (target / "content" / "sections" / "old-advice.md").write_text(OVERDUE_SECTION)
    return target


@dataclass
class Live:
    """A studio running in this process on a free port."""

    root: Path
    url: str
    server: uvicorn.Server

    def client(self) -> httpx.Client:
        """An HTTP client for this studio."""
        return httpx.Client(base_url=self.url, timeout=120)

    def files(self) -> list[Path]:
        """Every file in the project except the log (to prove nothing else was written)."""
        return sorted(p for p in self.root.rglob("*") if p.is_file()
                      and ".leafpress" not in p.parts)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One studio with two warm workers, shared by the server tests."""
    root = copy_project(tmp_path_factory.mktemp("studio") / "project")
    port = _free_port()
    config = uvicorn.Config(create_app(root, workers=2, watch_every=0.5), host="127.0.0.1",
                            port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the studio did not start"
        time.sleep(0.1)
    yield Live(root, f"http://127.0.0.1:{port}", server)
    server.should_exit = True
    thread.join(timeout=60)


def csrf_of(html: str) -> str:
    """The CSRF token in a studio page's form."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def in_own_loop(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine on a new event loop in a thread (the browser tests keep one running)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(lambda: asyncio.run(make())).result()
