"""One target rendered in memory, wherever it runs: bytes, inputs and problems, never files."""

from __future__ import annotations

import resource
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from leafpress.batch.targets import BuildOptions, Target
from leafpress.content import governance
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem
from leafpress.outputs import Rendered
from leafpress.project.definitions import LoadedLeaflet
from leafpress.store.deps import inputs_of


@dataclass(frozen=True)
class Outcome:
    """What rendering one target gave: outputs and inputs, or the problems that stopped it."""

    target: Target
    rendered: list[Rendered] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)
    """The files the outputs were made from, relative to the project folder."""
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    """The peak memory of the process that rendered it, so far."""

    @property
    def ok(self) -> bool:
        """Whether the target's outputs were made."""
        return not self.problems and bool(self.rendered)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def render_target(project: Project, target: Target, options: BuildOptions) -> Outcome:
    """Render one target with a warm project; bad input becomes problems, not exceptions."""
    warnings: list[Problem] = []
    try:
        leaflet = project.load_definition(project.root / target.definition)
        warnings = _review_warnings(project, leaflet, options)
        selection = project.select(leaflet)
        rendered = project.render_formats(leaflet, target.edition, target.formats,
                                          today=options.today,
                                          allow_overdue=options.allow_overdue,
                                          print_shop=options.print_shop)
        inputs = inputs_of(selection, project.root)
    except LeafpressError as error:
        return Outcome(target, warnings=warnings, problems=error.problems,
                       peak_rss_mb=peak_rss_mb())
    return Outcome(target, rendered, inputs, warnings, peak_rss_mb=peak_rss_mb())


def _review_warnings(project: Project, leaflet: LoadedLeaflet,
                     options: BuildOptions) -> list[Problem]:
    """Sections due for review (or overdue but allowed); with strict, refuse instead."""
    findings = governance.leaflet_findings(leaflet, project.library, options.today,
                                           project.settings.review_due_window_days)
    due = [f for f in findings if not f.overdue or options.allow_overdue]
    if due and options.strict:
        raise InputError([
            *(finding.problem(options.today) for finding in due),
            governance.refusal(leaflet, due, "--strict refuses content due for review",
                               "Review the sections above, or build without --strict."),
        ])
    return [finding.problem(options.today) for finding in due]


def rebase(outcome: Outcome, old_root: Path, new_root: Path) -> Outcome:
    """The outcome with problem paths moved from a worker's copy of the project to ours."""

    def move(problem: Problem) -> Problem:
        if problem.path is None or not problem.path.is_relative_to(old_root):
            return problem
        return replace(problem, path=new_root / problem.path.relative_to(old_root))

    return replace(outcome, warnings=[move(p) for p in outcome.warnings],
                   problems=[move(p) for p in outcome.problems])
