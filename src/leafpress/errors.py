"""The small set of user-facing error types, each carrying its file and line."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def _shown(path: Path) -> str:
    """A path relative to where leafpress runs; a link is named where it is, not where it leads."""
    cwd = Path.cwd().resolve()
    with contextlib.suppress(OSError):
        for candidate in (Path(os.path.abspath(path)), path.resolve()):
            if candidate.is_relative_to(cwd):
                return str(candidate.relative_to(cwd))
    return str(path)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a user's file: where, what, and what to do about it."""

    path: Path | None
    line: int | None
    column: int | None
    message: str
    hint: str = ""
    field: str | None = None
    """Where in a definition given in memory (no lines), such as ``sections[2].id``."""

    def location(self) -> str:
        """Return ``file:line:column`` with whatever parts are known."""
        if self.path is None:
            return "leafpress"
        text = _shown(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        elif self.field:
            text += f" ({self.field})"
        return text

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        return f"{text}\n  → {self.hint}" if self.hint else text


class LeafpressError(Exception):
    """Base of every error leafpress reports to a user without a traceback."""

    exit_code = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> LeafpressError:
        """Build an error holding one problem."""
        return cls([Problem(path, line, column, message, hint)])


class InputError(LeafpressError):
    """Content, definitions or configuration are wrong (exit code 1)."""


class BuildError(LeafpressError):
    """Rendering or writing an output failed (exit code 1)."""


class ProblemCollector:
    """Collect every problem in a file or run before stopping, as MkDocs' config does."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> None:
        """Record one problem."""
        self.problems.append(Problem(path, line, column, message, hint))

    def extend(self, error: LeafpressError) -> None:
        """Record every problem of an error raised elsewhere."""
        self.problems.extend(error.problems)

    def raise_if_any(self, error_type: type[LeafpressError] = InputError) -> None:
        """Raise one error holding every problem collected so far."""
        if self.problems:
            raise error_type(self.problems)
