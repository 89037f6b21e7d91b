"""A project's source files as bytes, to carry to a machine that has only leafpress."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from leafpress.engine import Project

#: What a render reads: definitions and publishers, content and images, templates,
#: stylesheets and fonts, and the project settings.
FOLDERS = ("leaflets", "content", "templates", "styles")
FILES = ("pyproject.toml",)


@dataclass(frozen=True)
class Snapshot:
    """Every file a project's renders read, by path relative to the project folder."""

    digest: str
    files: dict[str, bytes]

    @property
    def size(self) -> int:
        """The bytes it carries."""
        return sum(len(data) for data in self.files.values())


def take(root: Path) -> Snapshot:
    """Read the project's source files into memory."""
    paths = [p for folder in FOLDERS for p in sorted((root / folder).rglob("*")) if p.is_file()]
    paths += [root / name for name in FILES if (root / name).is_file()]
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in paths}
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return Snapshot(digest.hexdigest(), files)


def unpack(snapshot: Snapshot, folder: Path) -> None:
    """Write a snapshot's files under ``folder``, refusing paths that would leave it."""
    for name, data in snapshot.files.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"a snapshot path leaves the project: {name}")
        target = folder.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class OpenedSnapshots:
    """Projects opened from snapshots on a worker, the most recent few kept warm."""

    def __init__(self, keep: int = 2) -> None:
        self._keep = keep
        self._opened: dict[str, Project] = {}
        self._lock = threading.Lock()

    def project(self, snapshot: Snapshot) -> Project:
        """The project of this snapshot, unpacked and opened once per worker process."""
        with self._lock:
            if snapshot.digest not in self._opened:
                folder = Path(tempfile.mkdtemp(prefix="leafpress-snapshot-"))
                unpack(snapshot, folder)
                self._opened[snapshot.digest] = Project.open(folder)
                while len(self._opened) > self._keep:
                    oldest = next(iter(self._opened))
                    shutil.rmtree(self._opened.pop(oldest).root, ignore_errors=True)
            return self._opened[snapshot.digest]
