"""What each CLI command does, on typed arguments, printing with rich."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from leafpress.batch import (
    BuildOptions,
    Executor,
    LocalPool,
    Outcome,
    Request,
    Serial,
    Target,
    plan,
    read_queue,
)
from leafpress.batch.executors import default_jobs
from leafpress.cli.readability_report import readability_report
from leafpress.content import governance
from leafpress.content.explained import unexplained_terms
from leafpress.content.library_scan import load_library, scan_library
from leafpress.content.references import findability_warnings
from leafpress.content.selection import select
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem, ProblemCollector
from leafpress.heap import settle_after_start_up
from leafpress.outputs import FORMATS, Rendered
from leafpress.outputs.braille import passages_not_in_braille
from leafpress.project.config import Settings, load_settings
from leafpress.project.definitions import LoadedLeaflet, leaflet_paths, load_leaflet, load_leaflets
from leafpress.render.html import document_title
from leafpress.store import deps
from leafpress.store.write import write_target

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
          formats: Sequence[str] = (), queue: Path | None = None, jobs: int | None = None,
          executor: str = "local", scheduler: str | None = None) -> int:
    """Build leaflets; one failing leaflet does not stop the others. Return the exit code.

    ``queue`` names a file of ``build`` lines (make's stale targets) to build instead of
    ``leaflets``. Targets render in ``jobs`` warm worker processes (default: every core),
    or on a Dask cluster with ``executor="dask"``; files are always written here.
    """
    engine = Project.open(project)
    requests = _requests(engine, leaflets, variants, formats, queue)
    out_dir = out if out.is_absolute() else Path.cwd() / out
    options = BuildOptions(today, allow_overdue=allow_overdue, strict=strict,
                           print_shop=print_shop)
    targets, failed = plan(engine, requests)
    failures: list[str] = []
    for path, problems in failed.items():
        report_problems(problems)
        failures.append(_relative(path, Path.cwd()))
    built = 0
    warned: set[Problem] = set()
    reported: set[Problem] = set()
    # A leaflet's outputs are written together, once all its targets are made: if one
    # fails, none of this run's files for that leaflet replaces a good one.
    waiting = Counter(target.definition for target in targets)
    done: dict[Path, list[Outcome]] = defaultdict(list)
    order = {target: index for index, target in enumerate(targets)}
    runner = _executor(engine, options, targets, jobs, executor, scheduler)
    with _progress(len(targets)) as advance:
        for outcome in runner.outcomes(targets):
            report_problems([w for w in outcome.warnings if w not in warned], label="warning")
            warned.update(outcome.warnings)
            definition = outcome.target.definition
            done[definition].append(outcome)
            advance()
            if len(done[definition]) < waiting[definition]:
                continue
            outcomes = sorted(done.pop(definition), key=lambda o: order[o.target])
            try:
                problems = [p for o in outcomes for p in o.problems]
                if problems:
                    raise LeafpressError(problems)
                for finished in outcomes:
                    written = write_target(out_dir, finished.target.leaflet_id,
                                           finished.rendered, finished.inputs, engine.root)
                    built += 1
                    for item in written:
                        _out_line(f"built {_relative(item.path, Path.cwd())} "
                                  f"({_size(item.rendered)})")
            except LeafpressError as error:
                report_problems(list(dict.fromkeys(
                    p for p in error.problems if p not in reported)))
                reported.update(error.problems)
                label = _relative(engine.root / definition, Path.cwd())
                failures += [label] if label not in failures else []
    if failures:
        err.print(f"{len(failures)} leaflet(s) failed: {', '.join(failures)}; "
                  f"{built} file set(s) built.", markup=False)
        return 1
    return 0


def _requests(engine: Project, leaflets: Sequence[Path], variants: Sequence[str],
              formats: Sequence[str], queue: Path | None) -> list[Request]:
    """What to build: the queue file's lines, the leaflets named, or every leaflet."""
    if queue is not None:
        return [Request(_absolute(r.definition), r.variants, r.formats)
                for r in read_queue(queue)]
    paths = [_absolute(p) for p in leaflets] or leaflet_paths(engine.root)
    if not paths:
        raise InputError.single("there are no leaflets to build", path=engine.root / "leaflets",
                                hint="Add a leaflet definition such as leaflets/my-leaflet.yaml.")
    return [Request(path, tuple(variants), tuple(formats)) for path in paths]


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else Path.cwd() / path


def _executor(engine: Project, options: BuildOptions, targets: Sequence[Target],
              jobs: int | None, name: str, scheduler: str | None) -> Executor:
    """Dask when asked; else a local pool, or this process for one target or ``-j1``."""
    if name == "dask":
        from leafpress.batch.dask_cluster import DaskCluster

        return DaskCluster(engine, options, scheduler)
    jobs = jobs or default_jobs()
    if jobs == 1 or len(targets) <= 1:
        settle_after_start_up()  # this process renders: the project stays for the build
        return Serial(engine, options)
    return LocalPool(engine, options, jobs)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar of targets done and left, only when stdout is a terminal."""
    if not out.is_terminal or total <= 1:
        yield lambda: None
        return
    columns = (TextColumn("building"), BarColumn(), MofNCompleteColumn(),
               TextColumn("targets"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=out, transient=True) as progress:
        task = progress.add_task("build", total=total)
        yield lambda: progress.advance(task)


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


def list_project(project: Path) -> None:
    """Print every leaflet and every section with its title."""
    library = load_library(project)
    leaflets = load_leaflets(leaflet_paths(project), project, None, FORMATS)
    table = Table(title="Leaflets", show_lines=False)
    for column in ("id", "title", "format", "paper", "variants", "sections"):
        table.add_column(column)
    for leaflet in leaflets:
        d = leaflet.definition
        title = document_title(d.title, d.subtitle)
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
    warnings += findability_warnings(library)
    warnings += passages_not_in_braille(library)
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
