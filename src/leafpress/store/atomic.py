"""Writing outputs atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import errno
import glob
import os
import tempfile
from pathlib import Path

from leafpress.errors import BuildError, Problem

_SUFFIX = ".part"


def _temporary_prefix(target: Path, pid: int | None = None) -> str:
    """Temporary files are hidden (dot-prefixed), named after their target and writer."""
    return f".{target.name}.{os.getpid() if pid is None else pid}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete temporary files that killed writes of this target left behind.

    A temporary file whose writing process is still running belongs to a concurrent
    build and is left alone.
    """
    pattern = glob.escape(f".{target.name}.") + "*" + _SUFFIX
    removed = []
    for stale in target.parent.glob(pattern):
        writer = stale.name[len(target.name) + 2 :].split(".", 1)[0]
        if writer.isdigit() and int(writer) != os.getpid() and _alive(int(writer)):
            continue
        stale.unlink(missing_ok=True)
        removed.append(stale)
    return removed


def write_atomic(target: Path, data: bytes) -> None:
    """Write bytes so that the target is either the old file or the complete new one."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=_temporary_prefix(target), suffix=_SUFFIX
        )
    except OSError as error:
        raise _write_error(target, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _write_error(target, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_error(target: Path, error: OSError) -> BuildError:
    if error.errno == errno.ENOSPC:
        hint = "The disk is full. Free some space and build again; the previous file is unchanged."
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = f"leafpress may not write to {target.parent}. Check its permissions, or use --out."
    else:
        hint = "Check the output folder, or choose another with --out."
    return BuildError(
        [Problem(target, None, None, f"cannot write the output: {error.strerror or error}", hint)]
    )
