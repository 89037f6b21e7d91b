"""What each CLI command does, on typed arguments, printing with rich."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from leafpress.cli.readability_report import readability_report
from leafpress.content import governance
from leafpress.content.explained import unexplained_terms
from leafpress.content.selection import select
from leafpress.editions import EDITIONS
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem, ProblemCollector
from leafpress.outputs import FORMATS, Rendered
from leafpress.project.config import Settings, load_settings
from leafpress.project.definitions import LoadedLeaflet, leaflet_paths, load_leaflet, load_leaflets
from leafpress.project.library import load_library, scan_library
from leafpress.store import deps
from leafpress.store.write import write_outputs

# Piped output (not a terminal) gets a wide console, so tables do not wrap at 80 columns.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_problems(problems: Iterable[Problem], *, label: str = "error") -> None:
    """Print located problems, one per entry, with what to do."""
    style = "bold red" if label == "error" else "bold yellow"
    for problem in problems:
        # Text objects: user text (ids, keys, values) is printed as it is, never as markup.
        err.print(Text.assemble((label, style), f": {problem.location()}: {problem.message}"),
                  emoji=False)
        if problem.hint:
            err.print(Text(f"  → {problem.hint}"), emoji=False)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def build(*, project: Path, leaflets: Sequence[Path], out: Path, variants: Sequence[str],
          today: dt.date, allow_overdue: bool, strict: bool, print_shop: bool = False,
          formats: Sequence[str] = ()) -> int:
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
                for group in deps.target_groups(leaflet, EDITIONS[edition], formats):
                    rendered = engine.render_formats(leaflet, edition, group, today=today,
                                                     allow_overdue=allow_overdue,
                                                     print_shop=print_shop)
                    written = write_outputs(selection, rendered, out_dir)
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
    """'N pages' for a paged output; 'N sheets, M sides' for the imposed print file."""
    if rendered.sheets:
        sheets = "1 sheet" if rendered.sheets == 1 else f"{rendered.sheets} sheets"
        return f"{sheets}, {2 * rendered.sheets} sides"
    if rendered.pages:
        return f"{rendered.pages} pages"
    return f"{len(rendered.data):,} bytes"


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
    leaflets = load_leaflets(leaflet_paths(project), project, None, FORMATS)
    table = Table(title="Leaflets", show_lines=False)
    for column in ("id", "title", "format", "paper", "variants", "sections"):
        table.add_column(column)
    for leaflet in leaflets:
        d = leaflet.definition
        title = f"{d.title}: {d.subtitle}" if d.subtitle else d.title
        table.add_row(*map(Text, (d.id, title, d.format, d.paper, ", ".join(d.variants),
                                  str(len(d.sections)))))
    out.print(table)
    sections = Table(title="Sections")
    for column in ("id", "title", "status", "next review"):
        sections.add_column(column)
    for section_id, section in sorted(library.sections.items()):
        review = section.meta.review
        sections.add_row(Text(section_id), Text(section.meta.title), Text(review.status),
                         Text(review.next_review_date.isoformat()))
    out.print(sections)


def check(project: Path, *, today: dt.date, strict: bool) -> int:
    """Validate everything without rendering; report readability and review status."""
    problems = ProblemCollector()
    settings = Settings()
    try:
        settings = load_settings(project)
    except InputError as error:
        problems.extend(error)
    leaflets: list[LoadedLeaflet] = []
    scan = scan_library(project)
    library = scan.library
    problems.problems += scan.problems
    for path in leaflet_paths(project):  # one broken definition does not hide the others
        try:
            leaflets.append(load_leaflet(path, project, scan.ids, FORMATS))
        except InputError as error:
            problems.extend(error)
    broken = scan.ids - library.sections.keys()
    for leaflet in leaflets:
        if any(use.id in broken for use in leaflet.definition.sections):
            continue  # a section it uses is broken, and reported above
        try:
            select(leaflet, library)
        except InputError as error:
            problems.extend(error)
    warnings: list[Problem] = []
    warnings += readability_report(library, settings, out)
    warnings += unexplained_terms(leaflets, library)
    for finding in governance.review_findings(
        library, leaflets, today, settings.review_due_window_days
    ):
        (problems.problems if finding.overdue else warnings).append(finding.problem(today))
    report_problems(problems.problems)
    report_problems(warnings, label="error" if strict else "warning")
    count_sections = len(library.sections)
    failed = bool(problems.problems) or (strict and bool(warnings))
    verdict = "failed" if failed else "passed"
    err.print(f"check {verdict}: {len(leaflets)} leaflet(s), {count_sections} section(s), "
              f"{len(problems.problems)} error(s), {len(warnings)} warning(s).", markup=False)
    return 1 if failed else 0


def targets(project: Path, out_dir: Path) -> None:
    """Print the generated make rules."""
    leaflets: list[LoadedLeaflet] = []
    broken: list[Path] = []
    for path in leaflet_paths(project):
        try:
            leaflets.append(load_leaflet(path, project, None, FORMATS))
        except InputError:  # its own build target reports the problems
            broken.append(path)
    # Plain write, not rich: rich expands the recipes' tabs into spaces, which make rejects.
    sys.stdout.write(deps.targets_makefile(leaflets, out_dir, project, broken) + "\n")


def show_log(project: Path, csv_path: Path | None) -> None:
    """Print the studio's governance log, or write it as CSV."""
    from leafpress.server import auditlog

    rows = auditlog.entries(project)
    if csv_path is not None:
        if str(csv_path) == "-":
            auditlog.write_csv(rows, sys.stdout)
        else:
            with csv_path.open("w", encoding="utf-8", newline="") as stream:
                auditlog.write_csv(rows, stream)
            err.print(f"Wrote {len(rows)} log entries to {csv_path}.")
        return
    if not rows:
        out.print(f"No handouts yet ({auditlog.log_path(project)} has no entries).")
        return
    for number, entry in rows:
        out.print(f"{number:>5}  {entry.produced_at}  {entry.channel:<6} {entry.edition:<11} "
                  f"{entry.filename}  {entry.pages or '?'} pages  sha256 {entry.sha256[:16]}  "
                  f"contacts: {entry.contacts_profile}", markup=False)
        out.print(f"       {auditlog.sections_text(entry)}", markup=False)
