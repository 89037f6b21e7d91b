"""The governance log: every handout produced, kept in SQLite in the project."""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TextIO

_LOCK = threading.Lock()
_SCHEMA = """CREATE TABLE IF NOT EXISTS handouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    produced_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    title TEXT NOT NULL,
    sections TEXT NOT NULL,
    edition TEXT NOT NULL,
    format TEXT NOT NULL,
    contacts_profile TEXT NOT NULL,
    leafpress_version TEXT NOT NULL,
    filename TEXT NOT NULL,
    pages INTEGER,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL
)"""


@dataclass(frozen=True)
class SectionRecord:
    """A section as it was printed: its review dates, status and the hash of its file."""

    id: str
    heading: str
    reviewed: str
    """The date in the section's review block: when it was reviewed, or, for a draft,
    when it was written (the log never calls that "reviewed")."""
    next_review: str
    status: str
    sha256: str


@dataclass(frozen=True)
class LogEntry:
    """One handout produced: when, what, which edition and contacts, and the file's hash."""

    produced_at: str
    channel: str
    title: str
    sections: tuple[SectionRecord, ...]
    edition: str
    format: str
    contacts_profile: str
    leafpress_version: str
    filename: str
    pages: int | None
    bytes: int
    sha256: str


def log_path(root: Path) -> Path:
    """The log's file: .leafpress/audit-log.sqlite3 in the project."""
    return root / ".leafpress" / "audit-log.sqlite3"


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path, timeout=30)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        with connection:
            connection.execute(_SCHEMA)
            yield connection
    finally:
        connection.close()


_writers: dict[Path, sqlite3.Connection] = {}


def _writer(path: Path) -> sqlite3.Connection:
    """One open connection per log file for a running studio (call with the lock held)."""
    if path not in _writers or not path.is_file():
        path.parent.mkdir(exist_ok=True)
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        with connection:
            connection.execute(_SCHEMA)
        _writers[path] = connection
    return _writers[path]


def record(root: Path, entry: LogEntry) -> int:
    """Append one entry, committed before returning (the log is made on first use)."""
    row = asdict(entry)
    row["sections"] = json.dumps(row["sections"])
    names = [f.name for f in fields(LogEntry)]
    with _LOCK:
        connection = _writer(log_path(root))
        with connection:
            cursor = connection.execute(
                f"INSERT INTO handouts ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})", [row[n] for n in names])
        return int(cursor.lastrowid or 0)


def entries(root: Path) -> list[tuple[int, LogEntry]]:
    """Every entry, oldest first; none (and no file made) when nothing was produced yet."""
    path = log_path(root)
    if not path.is_file():
        return []
    names = [f.name for f in fields(LogEntry)]
    with _LOCK, _connect(path) as connection:
        rows = connection.execute(f"SELECT id, {', '.join(names)} FROM handouts ORDER BY id")
        result = []
        for number, *values in rows:
            row = dict(zip(names, values, strict=True))
            row["sections"] = tuple(SectionRecord(**s) for s in json.loads(row["sections"]))
            result.append((int(number), LogEntry(**row)))
    return result


def sections_text(entry: LogEntry) -> str:
    """The sections of an entry in one line: id (status, dates, file hash).

    A draft's date is when it was written: nothing says "reviewed" until it is.
    """
    return "; ".join(
        f"{s.id} ({s.status}, {'written' if s.status == 'draft' else 'reviewed'} {s.reviewed}, "
        f"next review {s.next_review}, sha256 {s.sha256[:12]})" for s in entry.sections)


CSV_COLUMNS = ["number", "produced_at", "channel", "title", "sections", "edition", "format",
               "contacts_profile", "leafpress_version", "filename", "pages", "bytes", "sha256"]


def write_csv(rows: list[tuple[int, LogEntry]], stream: TextIO) -> None:
    """Export entries as CSV, one row per handout, with a header."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for number, entry in rows:
        values = asdict(entry)
        values["sections"] = sections_text(entry)
        writer.writerow([number, *(values[c] for c in CSV_COLUMNS[1:])])
