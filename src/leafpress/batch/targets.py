"""The targets of one batch: a leaflet, an edition and a format group each, as make sees them."""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leafpress.editions import EDITIONS, LAYOUTS
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem
from leafpress.outputs import FORMATS
from leafpress.project.definitions import LoadedLeaflet
from leafpress.store import deps


@dataclass(frozen=True)
class BuildOptions:
    """The choices that apply to every target of a build."""

    today: dt.date
    allow_overdue: bool = False
    strict: bool = False
    print_shop: bool = False


@dataclass(frozen=True)
class Target:
    """One make target: the formats of one group, for one leaflet in one edition."""

    definition: Path
    """The definition file, relative to the project folder when it is inside it."""
    leaflet_id: str
    edition: str
    formats: tuple[str, ...]
    cost: float = 1.0
    """A rough relative rendering time, so the longest targets start first."""


@dataclass(frozen=True)
class Request:
    """What one ``build`` line asks for: a definition, narrowed by variants and formats."""

    definition: Path
    variants: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()


def _cost(leaflet: LoadedLeaflet, edition: str, group: Sequence[str]) -> float:
    """Sections times the page area the type takes; an imposed file adds a little more."""
    chosen = EDITIONS[edition]
    scale = (chosen.body_pt / 14.0) ** 2
    extra = 1.2 if len(group) > 1 else 1.0
    booklet = 1.5 if LAYOUTS[leaflet.definition.format].covers else 1.0
    return len(leaflet.definition.sections) * scale * extra * booklet


def _relative(path: Path, root: Path) -> Path:
    resolved = path.resolve()
    return resolved.relative_to(root) if resolved.is_relative_to(root) else resolved


def plan(engine: Project,
         requests: Iterable[Request]) -> tuple[list[Target], dict[Path, list[Problem]]]:
    """Every target the requests name, longest first; definitions that failed, with problems.

    A request naming the same target as an earlier one adds nothing.
    """
    targets: dict[tuple[str, str, tuple[str, ...]], Target] = {}
    failed: dict[Path, list[Problem]] = {}
    for request in requests:
        path = request.definition
        try:
            leaflet = engine.load_definition(engine.root / path)
        except LeafpressError as error:
            failed.setdefault(path, []).extend(error.problems)
            continue
        for edition in leaflet.definition.variants:
            if request.variants and edition not in request.variants:
                continue
            for group in deps.target_groups(leaflet, EDITIONS[edition], request.formats):
                key = (leaflet.id, edition, tuple(group))
                targets.setdefault(key, Target(_relative(path, engine.root), leaflet.id,
                                               edition, tuple(group),
                                               _cost(leaflet, edition, group)))
    ordered = sorted(targets.values(), key=lambda t: -t.cost)
    return ordered, failed


def read_queue(path: Path) -> list[Request]:
    """The requests in a queue file: one ``build LEAFLET [--variant V] [--format F]`` a line.

    make writes one line per stale target (see store/deps.py); blank lines are skipped.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError.single(f"cannot read the queue file: {error.strerror or error}",
                                path=path, hint="Check the path given to --queue.") from None
    requests: list[Request] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            requests.append(_parse_line(line, path, number))
    return requests


def _parse_line(line: str, path: Path, number: int) -> Request:
    def bad(message: str) -> InputError:
        return InputError([Problem(path, number, None, message,
                                   "Each line is 'build LEAFLET.yaml [--variant NAME] "
                                   "[--format NAME]...', as the generated make rules write.")])

    try:
        words = shlex.split(line)
    except ValueError as error:
        raise bad(f"cannot read this line: {error}") from None
    if len(words) < 2 or words[0] != "build":
        raise bad(f"expected 'build' and a leaflet file, found {line.strip()!r}")
    variants: list[str] = []
    formats: list[str] = []
    rest = iter(words[2:])
    for word in rest:
        value = next(rest, None)
        if value is None:
            raise bad(f"'{word}' needs a value")
        if word == "--variant" and value in EDITIONS:
            variants.append(value)
        elif word == "--format" and value in FORMATS:
            formats.append(value)
        elif word == "--out":
            continue  # the batch's own --out decides
        else:
            raise bad(f"unknown option or value: {word} {value}")
    return Request(Path(words[1]), tuple(variants), tuple(formats))


def request_line(request: Request) -> str:
    """The queue line for a request (the inverse of reading one)."""
    words = ["build", str(request.definition)]
    for variant in request.variants:
        words += ["--variant", variant]
    for name in request.formats:
        words += ["--format", name]
    return shlex.join(words)
