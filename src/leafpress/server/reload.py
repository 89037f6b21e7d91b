"""Watching the project's content and reloading the library, keeping the last good state."""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("content", "leaflets", "templates", "styles")


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Every watched file with its modification time and size."""
    found = []
    for folder in WATCHED:
        for directory, _, files in os.walk(root / folder):
            for name in files:
                path = os.path.join(directory, name)
                try:
                    status = os.stat(path)
                except OSError:
                    continue
                found.append((path, status.st_mtime_ns, status.st_size))
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        status = pyproject.stat()
        found.append((str(pyproject), status.st_mtime_ns, status.st_size))
    return tuple(sorted(found))
