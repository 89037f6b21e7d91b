"""The render engine: a project loaded once, rendered in memory, in any edition and format."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from leafpress.content import governance
from leafpress.content.library_scan import scan_library
from leafpress.content.selection import Selection, select
from leafpress.editions import EDITIONS, LAYOUTS, Edition, Layout, primary_edition
from leafpress.errors import InputError, LeafpressError, Problem
from leafpress.outputs import FORMATS, JobOptions, OutputFormat, Rendered, RenderJob
from leafpress.outputs.weasy import StylePool
from leafpress.project.config import Settings, load_settings
from leafpress.project.definitions import (
    LoadedLeaflet,
    leaflet_from_mapping,
    leaflet_paths,
    load_leaflet,
)
from leafpress.project.library import Library
from leafpress.project.validation import did_you_mean
from leafpress.render.html import make_environment

#: What ``render`` accepts as a leaflet: an id, a loaded definition, or a mapping.
LeafletSource = str | Mapping[str, Any] | LoadedLeaflet


@dataclass(frozen=True)
class ProjectState:
    """Everything read from the project's files, validated: one consistent snapshot."""

    root: Path
    settings: Settings
    library: Library
    leaflets: dict[str, LoadedLeaflet]
    broken: dict[Path, list[Problem]]
    """Definition files that failed to load, with their problems."""


def load_state(root: Path) -> ProjectState:
    """Read and validate the whole project; raise one InputError if it cannot be used.

    Settings and the library must load for anything to render. A broken definition does
    not stop the others: it is kept in ``broken`` and reported when it is asked for.
    """
    problems: list[Problem] = []
    settings = Settings()
    try:
        settings = load_settings(root)
    except InputError as error:
        problems += error.problems
    scan = scan_library(root)
    problems += scan.problems
    library = scan.library
    leaflets: dict[str, LoadedLeaflet] = {}
    broken: dict[Path, list[Problem]] = {}
    known = scan.ids  # broken sections count as known: their own problems are reported
    for path in leaflet_paths(root):
        try:
            leaflet = load_leaflet(path, root, known, FORMATS)
        except InputError as error:
            broken[path] = error.problems
            continue
        leaflets[leaflet.id] = leaflet
    if problems:
        raise InputError(problems + [p for found in broken.values() for p in found])
    return ProjectState(root, settings, library, leaflets, broken)


class Project:
    """A leafpress project, loaded once and kept warm for rendering.

    ``render`` returns bytes and writes nothing. Renders may run in several threads at
    once: each render collects its own WeasyPrint errors and borrows its own parsed
    stylesheets, and a refresh swaps in a whole new snapshot.
    """

    def __init__(self, state: ProjectState) -> None:
        self._state = state
        self._lock = threading.Lock()
        self._environment = make_environment(state.root / "templates")
        self._styles = StylePool(state.root)

    @classmethod
    def open(cls, root: Path | str) -> Project:
        """Load and validate config, library, glossary, publishers and definitions."""
        return cls(load_state(Path(root).resolve()))

    # ------------------------------------------------------------------ the snapshot

    @property
    def root(self) -> Path:
        """The project folder."""
        return self._state.root

    @property
    def settings(self) -> Settings:
        """``[tool.leafpress]`` from pyproject.toml."""
        return self._state.settings

    @property
    def library(self) -> Library:
        """Every section and the glossary."""
        return self._state.library

    @property
    def leaflets(self) -> dict[str, LoadedLeaflet]:
        """Leaflet ids to their validated definitions."""
        return self._state.leaflets

    @property
    def broken(self) -> dict[Path, list[Problem]]:
        """Definition files that could not be loaded, with their problems."""
        return self._state.broken

    def refresh(self) -> list[Problem]:
        """Read the project again. On errors keep the last good state and return them."""
        try:
            state = load_state(self.root)
        except InputError as error:
            return error.problems
        with self._lock:
            self._state = state
            self._environment = make_environment(state.root / "templates")
            self._styles = StylePool(state.root)
        return []

    # ------------------------------------------------------------------ definitions

    def leaflet(self, source: LeafletSource) -> LoadedLeaflet:
        """A leaflet by id, a loaded one as it is, or a mapping validated like a file."""
        if isinstance(source, LoadedLeaflet):
            return source
        if isinstance(source, str):
            if source in self.leaflets:
                return self.leaflets[source]
            for path, problems in self.broken.items():
                if path.stem == source:
                    raise InputError(problems)
            raise InputError.single(
                f"unknown leaflet '{source}'", path=self.root / "leaflets",
                hint=(did_you_mean(source, self.leaflets)
                      + " Run 'leafpress list' to see every leaflet.").strip(),
            )
        return leaflet_from_mapping(source, self.root, self.library.sections, FORMATS)

    def load_definition(self, path: Path) -> LoadedLeaflet:
        """Load one definition file (which may be newer than the snapshot)."""
        return load_leaflet(path.resolve(), self.root, self.library.sections, FORMATS)

    def select(self, source: LeafletSource) -> Selection:
        """A leaflet's sections in order, with headings, references, dates and glossary."""
        return select(self.leaflet(source), self.library)

    # ------------------------------------------------------------------ rendering

    def print_html(
        self, source: LeafletSource, edition: str | None = None, *,
        today: dt.date | None = None,
    ) -> tuple[str, list[Path]]:
        """The HTML and stylesheet paths exactly as WeasyPrint first receives them."""
        job = self._job(source, edition, JobOptions(today or dt.date.today()))
        return job.html(), job.stylesheets()

    def render(
        self, source: LeafletSource, edition: str | None = None, format: str = "pdf", *,
        today: dt.date | None = None, allow_overdue: bool = False, print_shop: bool = False,
    ) -> Rendered:
        """Render one leaflet in one edition and format, in memory."""
        output = self._format(format)
        rendered = self.render_formats(source, edition, [output.name], today=today,
                                       allow_overdue=allow_overdue, print_shop=print_shop)
        if not rendered:
            layout = LAYOUTS[self.leaflet(source).definition.format]
            raise InputError([_not_offered(format, layout, self._edition(edition))])
        return rendered[0]

    def render_formats(
        self, source: LeafletSource, edition: str | None, formats: Sequence[str] | None = None, *,
        today: dt.date | None = None, allow_overdue: bool = False, print_shop: bool = False,
    ) -> list[Rendered]:
        """Render the formats asked for (default: all) that this leaflet offers.

        Formats built on others (the print file on the reading PDF) share one job, so
        nothing is laid out twice.
        """
        today = today or dt.date.today()
        leaflet = self.leaflet(source)
        overdue = governance.overdue_findings(leaflet, self.library, today)
        if not allow_overdue:
            governance.refuse_overdue(leaflet, overdue, today)
        options = JobOptions(today, under_review=bool(overdue), print_shop=print_shop,
                             contents_min_pages=self.settings.contents_min_pages)
        job = self._job(leaflet, edition, options)
        wanted = [self._format(name) for name in formats] if formats else FORMATS.values()
        return [job.output(output.name) for output in wanted
                if output.offered(job.layout, job.edition)]

    def offered_formats(
        self, source: LeafletSource, edition: str | None = None
    ) -> list[OutputFormat]:
        """The formats this leaflet gets in this edition."""
        layout = LAYOUTS[self.leaflet(source).definition.format]
        chosen = self._edition(edition)
        return [output for output in FORMATS.values() if output.offered(layout, chosen)]

    def _job(
        self, source: LeafletSource, edition: str | None, options: JobOptions
    ) -> RenderJob:
        chosen = self._edition(edition)
        with self._lock:
            environment, styles = self._environment, self._styles
        return RenderJob(self.select(source), chosen, options, environment, styles,
                         self.root / "styles", FORMATS)

    @classmethod
    def choice_problems(cls, edition: str | None, format: str,
                        layout: str = "leaflet") -> list[Problem]:
        """What is wrong with asking for this edition and format of a ``layout``."""
        problems: list[Problem] = []
        chosen: Edition | None = None
        output: OutputFormat | None = None
        try:
            chosen = cls._edition(edition)
        except InputError as error:
            problems += [replace(p, field="edition") for p in error.problems]
        try:
            output = cls._format(format)
        except InputError as error:
            problems += [replace(p, field="format") for p in error.problems]
        if chosen and output and not output.offered(LAYOUTS[layout], chosen):
            problems.append(_not_offered(format, LAYOUTS[layout], chosen))
        return problems

    @staticmethod
    def _edition(name: str | None) -> Edition:
        """The named edition; None is the primary one (standard print)."""
        if name is None:
            return primary_edition()
        if name not in EDITIONS:
            raise _unknown("edition", name, EDITIONS)
        return EDITIONS[name]

    @staticmethod
    def _format(name: str) -> OutputFormat:
        if name not in FORMATS:
            raise _unknown("format", name, FORMATS)
        return FORMATS[name]


def _not_offered(format: str, layout: Layout, edition: Edition) -> Problem:
    return Problem(None, None, None, f"the '{format}' format is not made for a {layout.name} "
                   f"in the {edition.name} edition",
                   "Choose a format the leaflet offers, such as 'pdf'.", field="format")


def _unknown(what: str, name: str, known: Mapping[str, object]) -> LeafpressError:
    return InputError.single(
        f"unknown {what} '{name}'",
        hint=(did_you_mean(name, known) + f" Choose one of: {', '.join(known)}.").strip(),
    )


__all__ = ["LeafletSource", "Project", "ProjectState", "Rendered"]
