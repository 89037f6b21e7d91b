from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from leafpress.server import auditlog
from tests.minimal_project import Result
from tests.server.conftest import Live


def test_log_lists_and_exports_csv(live: Live, leafpress: Callable[..., Result],
                                   tmp_path: Path) -> None:
    with live.client() as client:
        assert client.post("/api/handouts", json={"sections": ["coping"],
                                                  "title": "For the log"}).status_code == 200
    rows = auditlog.entries(live.root)
    listed = leafpress("--project", live.root, "log")
    assert listed.code == 0
    assert rows[-1][1].sha256[:16] in listed.out and "coping (" in listed.out
    exported = leafpress("--project", live.root, "log", "--csv", "-")
    table = list(csv.DictReader(io.StringIO(exported.out)))
    assert len(table) == len(rows)
    assert table[-1]["title"] == "For the log" and table[-1]["sha256"] == rows[-1][1].sha256
    leafpress("--project", live.root, "log", "--csv", tmp_path / "log.csv")
    assert (tmp_path / "log.csv").read_text().startswith("number,produced_at")


def test_log_of_a_project_without_handouts_creates_nothing(
        leafpress: Callable[..., Result], tmp_path: Path) -> None:
    result = leafpress("--project", tmp_path, "log")
    assert result.code == 0 and "No handouts yet" in result.out
    assert not (tmp_path / ".leafpress").exists()
