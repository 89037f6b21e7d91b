"""Atomic writes: the target is the old file or the complete new one, never a partial one."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.minimal_project import Cli, Project

from leafpress.cli.app import Terminated
from leafpress.errors import BuildError
from leafpress.store import atomic
from leafpress.store.atomic import write_atomic

OLD = b"%PDF-1.7 the previous good file"
FULL = "The disk is full. Free some space and build again; the previous file is unchanged."


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "build" / "x" / "standard.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(OLD)
    return path


def leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p != target)


def failing(error_number: int) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(error_number, os.strerror(error_number))

    return fail


def test_write_replaces_the_target_and_leaves_nothing_else(target: Path) -> None:
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(target) == []
    assert target.stat().st_mode & 0o777 == 0o644


def test_disk_full_while_writing_keeps_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", failing(errno.ENOSPC))
    with pytest.raises(BuildError) as caught:
        write_atomic(target, b"new" * 1000)
    assert str(caught.value) == (
        f"{target}: cannot write the output: No space left on device\n  → {FULL}")
    assert target.read_bytes() == OLD
    assert leftovers(target) == []


def test_disk_full_at_the_rename_keeps_the_old_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", failing(errno.ENOSPC))
    with pytest.raises(BuildError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == (
        f"{target}: cannot write the output: No space left on device\n  → {FULL}")
    assert target.read_bytes() == OLD
    assert leftovers(target) == []


@pytest.mark.parametrize(("number", "reason"), [
    (errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only file system"),
])
def test_unwritable_build_folder(
    target: Path, monkeypatch: pytest.MonkeyPatch, number: int, reason: str
) -> None:
    # Tests run as root, which chmod cannot stop: simulate the refusal instead.
    monkeypatch.setattr(tempfile, "mkstemp", failing(number))
    with pytest.raises(BuildError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == (
        f"{target}: cannot write the output: {reason}\n"
        f"  → leafpress may not write to {target.parent}. Check its permissions, or use --out."
    )
    assert target.read_bytes() == OLD


def test_output_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "build").write_text("not a folder")
    target = tmp_path / "build" / "x" / "standard.pdf"
    with pytest.raises(BuildError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == (
        f"{target}: cannot write the output: Not a directory\n"
        "  → Check the output folder, or choose another with --out."
    )


@pytest.mark.parametrize("interruption", [KeyboardInterrupt(), Terminated(143)])
def test_interrupted_write_removes_its_temporary_file(
    target: Path, monkeypatch: pytest.MonkeyPatch, interruption: BaseException
) -> None:
    def interrupt(fd: int) -> None:
        assert [n for n in leftovers(target) if n.endswith(".part")], "no temporary file"
        raise interruption

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(type(interruption)):
        write_atomic(target, b"new")
    assert target.read_bytes() == OLD
    assert leftovers(target) == []


def test_stale_temporaries_are_hidden_and_removed_by_the_next_write(target: Path) -> None:
    stale = target.parent / ".standard.pdf.k1ll3d_x.part"
    stale.write_bytes(b"half a PDF")
    other = target.parent / ".large-print.pdf.abcdefgh.part"
    other.write_bytes(b"another target's")
    assert atomic.remove_stale_temporaries(target) == [stale]
    stale.write_bytes(b"half a PDF")
    write_atomic(target, b"new")
    assert not stale.exists()
    assert other.exists(), "only this target's temporaries are removed"
    assert target.read_bytes() == b"new"


def test_build_reports_a_full_disk_and_keeps_the_old_pdf(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = project.path("build/x/standard.pdf")
    target.parent.mkdir(parents=True)
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "replace", failing(errno.ENOSPC))
    result = leafpress("--project", project.root, "build", "--all", "--out",
                       project.path("build"), "--today", "2026-01-01")
    assert result.err == (
        f"error: {target}: cannot write the output: No space left on device\n  → {FULL}\n"
        f"1 leaflet(s) failed: {project.leaflet}; 0 file set(s) built.\n"
    )
    assert result.code == 1
    assert target.read_bytes() == OLD
    assert leftovers(target) == []


def test_a_concurrent_writers_temporary_is_left_alone(tmp_path: Path) -> None:
    import subprocess
    import sys

    from leafpress.store.atomic import remove_stale_temporaries

    target = tmp_path / "standard.pdf"
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = tmp_path / f".standard.pdf.{writer.pid}.abc.part"
        busy.write_bytes(b"in progress")
        dead = tmp_path / ".standard.pdf.999999999.abc.part"
        dead.write_bytes(b"left by a killed build")
        removed = remove_stale_temporaries(target)
        assert removed == [dead]
        assert busy.exists() and not dead.exists()
    finally:
        writer.kill()
        writer.wait()
