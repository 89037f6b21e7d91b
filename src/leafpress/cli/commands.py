"""What each CLI command does, on typed arguments, printing with rich."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from leafpress.content import governance
from leafpress.content.readability import measure
from leafpress.content.references import findability_warnings
from leafpress.content.selection import select
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem, ProblemCollector
from leafpress.outputs import Rendered
from leafpress.project.config import load_settings
from leafpress.project.definitions import LoadedLeaflet, leaflet_paths, load_leaflet, load_leaflets
from leafpress.project.library import Library, load_library
from leafpress.store import deps
from leafpress.store.write import write_edition

# Piped output (not a terminal) gets a wide console, so tables do not wrap at 80 columns.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_problems(problems: Iterable[Problem], *, label: str = "error") -> None:
    """Print located problems, one per entry, with what to do."""
    style = "bold red" if label == "error" else "bold yellow"
    for problem in problems:
        err.print(f"[{style}]{label}[/]: {problem.location()}: {problem.message}", markup=True,
                  emoji=False)
        if problem.hint:
            err.print(f"  → {problem.hint}", markup=False, emoji=False)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def build(*, project: Path, leaflets: Sequence[Path], out: Path, variants: Sequence[str],
          today: dt.date, allow_overdue: bool, strict: bool, print_shop: bool = False) -> int:
    """Build leaflets; one failing leaflet does not stop the others. Return the exit code."""
    engine = Project.open(project)
    paths = [p if p.is_absolute() else Path.cwd() / p for p in leaflets] or leaflet_paths(project)
    if not paths:
        raise InputError.single("there are no leaflets to build", path=project / "leaflets",
                                hint="Add a leaflet definition such as leaflets/my-leaflet.yaml.")
    out_dir = out if out.is_absolute() else Path.cwd() / out
    failures: list[str] = []
    built = 0
    for path in paths:
        try:
            leaflet = engine.load_definition(path)
            _review_warnings(leaflet, engine, today, allow_overdue=allow_overdue, strict=strict)
            selection = engine.select(leaflet)
            for edition in leaflet.definition.variants:
                if variants and edition not in variants:
                    continue
                rendered = engine.render_formats(leaflet, edition, today=today,
                                                 allow_overdue=allow_overdue,
                                                 print_shop=print_shop)
                written = write_edition(selection, rendered, out_dir, edition)
                built += 1
                for item in written:
                    _out_line(f"built {_relative(item.path, Path.cwd())} "
                              f"({_size(item.rendered)})")
        except LeafpressError as error:
            report_problems(error.problems)
            failures.append(_relative(path, Path.cwd()))
    if failures:
        err.print(f"{len(failures)} leaflet(s) failed: {', '.join(failures)}; "
                  f"{built} file set(s) built.", markup=False)
        return 1
    return 0


def _size(rendered: Rendered) -> str:
    """'N pages' for a reading PDF; 'N sheets, M sides' for the imposed print file."""
    if rendered.sheets:
        sheets = "1 sheet" if rendered.sheets == 1 else f"{rendered.sheets} sheets"
        return f"{sheets}, {2 * rendered.sheets} sides"
    return f"{rendered.pages} pages"


def _out_line(text: str) -> None:
    out.print(text, markup=False, emoji=False)


def _review_warnings(leaflet: LoadedLeaflet, engine: Project, today: dt.date, *,
                     allow_overdue: bool, strict: bool) -> None:
    """Warn about a leaflet's sections due for review (or overdue but allowed).

    With --strict, refuse to build the leaflet instead.
    """
    findings = governance.leaflet_findings(
        leaflet, engine.library, today, engine.settings.review_due_window_days
    )
    due = [f for f in findings if not f.overdue or allow_overdue]
    if not due:
        return
    if strict:
        raise InputError([
            *(finding.problem(today) for finding in due),
            governance.refusal(leaflet, due, "--strict refuses content due for review",
                               "Review the sections above, or build without --strict."),
        ])
    report_problems((finding.problem(today) for finding in due), label="warning")


def list_project(project: Path) -> None:
    """Print every leaflet and every section with its title."""
    library = load_library(project)
    leaflets = load_leaflets(leaflet_paths(project), project)
    table = Table(title="Leaflets", show_lines=False)
    for column in ("id", "title", "format", "paper", "variants", "sections"):
        table.add_column(column)
    for leaflet in leaflets:
        d = leaflet.definition
        title = f"{d.title}: {d.subtitle}" if d.subtitle else d.title
        table.add_row(d.id, title, d.format, d.paper, ", ".join(d.variants), str(len(d.sections)))
    out.print(table)
    sections = Table(title="Sections")
    for column in ("id", "title", "status", "next review"):
        sections.add_column(column)
    for section_id, section in sorted(library.sections.items()):
        review = section.meta.review
        sections.add_row(section_id, section.meta.title, review.status,
                         review.next_review_date.isoformat())
    out.print(sections)


def check(project: Path, *, today: dt.date, strict: bool) -> int:
    """Validate everything without rendering; report readability and review status."""
    settings = load_settings(project)
    problems = ProblemCollector()
    library: Library | None = None
    leaflets: list[LoadedLeaflet] = []
    try:
        library = load_library(project)
    except InputError as error:
        problems.extend(error)
    try:
        known = library.sections if library is not None else None
        leaflets = load_leaflets(leaflet_paths(project), project, known)
    except InputError as error:
        problems.extend(error)
    if library is not None:
        for leaflet in leaflets:
            try:
                select(leaflet, library)
            except InputError as error:
                problems.extend(error)
    warnings: list[Problem] = []
    if library is not None:
        warnings += _readability(library, settings.readability_min)
        warnings += findability_warnings(library)
        for finding in governance.review_findings(
            library, leaflets, today, settings.review_due_window_days
        ):
            (problems.problems if finding.overdue else warnings).append(finding.problem(today))
    report_problems(problems.problems)
    report_problems(warnings, label="error" if strict else "warning")
    count_sections = len(library.sections) if library else 0
    failed = bool(problems.problems) or (strict and bool(warnings))
    verdict = "failed" if failed else "passed"
    err.print(f"check {verdict}: {len(leaflets)} leaflet(s), {count_sections} section(s), "
              f"{len(problems.problems)} error(s), {len(warnings)} warning(s).", markup=False)
    return 1 if failed else 0


def _readability(library: Library, minimum: float) -> list[Problem]:
    table = Table(title="Readability (Flesch reading ease; higher is easier)")
    for column in ("section", "ease", "avg words/sentence", "longest sentence"):
        table.add_column(column)
    warnings: list[Problem] = []
    for section_id, section in sorted(library.sections.items()):
        result = measure(section.body)
        longest = result.longest_sentence
        short = longest if len(longest) <= 60 else longest[:57] + "..."
        table.add_row(section_id, f"{result.flesch_reading_ease:.1f}",
                      f"{result.average_sentence_length:.1f}",
                      f"{result.longest_sentence_words} words: {short}")
        if result.flesch_reading_ease < minimum:
            warnings.append(Problem(
                section.path, section.body_line, None,
                f"reading ease {result.flesch_reading_ease:.1f} is below {minimum:g} "
                f"(average sentence {result.average_sentence_length:.1f} words; longest "
                f"{result.longest_sentence_words} words)",
                f"Use shorter sentences and everyday words. Longest sentence: \"{longest}\"",
            ))
    out.print(table)
    return warnings


def targets(project: Path, out_dir: Path) -> None:
    """Print the generated make rules."""
    leaflets: list[LoadedLeaflet] = []
    broken: list[Path] = []
    for path in leaflet_paths(project):
        try:
            leaflets.append(load_leaflet(path, project))
        except InputError:  # its own build target reports the problems
            broken.append(path)
    # Plain write, not rich: rich expands the recipes' tabs into spaces, which make rejects.
    sys.stdout.write(deps.targets_makefile(leaflets, out_dir, project, broken) + "\n")
