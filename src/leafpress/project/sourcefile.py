"""Reading user files as bounded, strictly UTF-8 text with clear errors."""

from __future__ import annotations

from pathlib import Path

from leafpress.errors import InputError

#: Largest source file leafpress reads (a leaflet section is a few kilobytes).
MAX_SOURCE_BYTES = 1_000_000


def refuse_outside(path: Path, project_root: Path) -> None:
    """Refuse a file that is, or links to, something outside the project."""
    if not path.resolve().is_relative_to(project_root.resolve()):
        raise InputError.single(
            "the file is outside the project (or is a link to a file outside it)",
            path=path,
            hint="Keep every content, definition, template, style and font file inside the "
            "project folder; leafpress never reads files from elsewhere.",
        )


def read_source(
    path: Path, *, project_root: Path | None = None, max_bytes: int = MAX_SOURCE_BYTES
) -> str:
    """Return a file's text, refusing huge, unreadable, non-UTF-8 or outside files."""
    if project_root is not None:
        refuse_outside(path, project_root)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError.single(
                f"file is too large ({size:,} bytes; the limit is {max_bytes:,})",
                path=path,
                hint="Split it into smaller sections: one topic per file.",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise InputError.single(
            f"cannot read the file: {error.strerror or error}",
            path=path,
            hint="Check that the file exists and that you may read it.",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError.single(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            path=path,
            line=line,
            column=column,
            hint="Save the file with UTF-8 encoding (in most editors: Save As → UTF-8).",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
