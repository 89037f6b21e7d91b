"""The ``leafpress audit`` command: audit PDFs, or folders of them, for PDF/UA-1 and large print."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from leafpress.audit.model import NOT_A_PDF_HINT, UnreadablePdfError
from leafpress.audit.report import Results, audit_json, echo_results
from leafpress.audit.runner import DIRECTORY_HINT, audit_pdf
from leafpress.errors import Problem

#: A file that fails, or that gives nothing to check, fails the audit: a problem in the files
#: given, as for every leafpress command. Exit code 2 stays a wrong command line (click's).
EXIT_FAILED = 1


def pdf_files(path: Path) -> Iterator[Path]:
    """The path itself, or every ``*.pdf`` under a folder (recursively, sorted, no symlinks)."""
    if not path.is_dir():
        yield path
        return
    for folder, folders, files in os.walk(path):
        folders.sort()
        for name in sorted(files):
            if name.lower().endswith(".pdf"):
                yield Path(folder) / name


def unreadable(path: Path, error: UnreadablePdfError) -> Problem:
    """Why a file could not be read as a PDF, and what to do."""
    problem = error.problems[0] if error.problems else None
    reason = problem.message.removeprefix("could not read: ") if problem else "unreadable"
    return Problem(path, None, None, f"could not read as PDF: {reason}",
                   problem.hint if problem and problem.hint else NOT_A_PDF_HINT)


def empty_folder(path: Path) -> Problem:
    """A folder given to the audit that holds no PDF."""
    return Problem(path, None, None, "no PDF files in this folder",
                   DIRECTORY_HINT + " Subfolders are searched too.")


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--large-print/--no-large-print",
    "large_print",
    default=None,
    help="Run the large-print checks (16pt text, A4, no italics, contrast). "
    "By default they run when the PDF declares itself a leafpress large-print file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of lines.")
def audit_command(paths: tuple[Path, ...], large_print: bool | None, as_json: bool) -> None:
    """Audit PDFs, or folders of PDFs, against PDF/UA-1 (Matterhorn Protocol) and large print.

    One line per file, its findings beneath, then a summary. Imposed print files (their
    metadata says so) are reported as print files, not for reading, and never pass.
    Exit code 0 when every file passes (or is a print file whose checks passed), 1 when
    any file fails or could not be read as a PDF (or a folder has none), 2 for a wrong
    command line.
    """
    results = Results()
    for given in paths:
        files = list(pdf_files(given))
        if not files:
            results.unreadable.append(empty_folder(given))
        for path in files:
            try:
                results.reports.append(audit_pdf(path, large_print=large_print))
            except UnreadablePdfError as error:
                results.unreadable.append(unreadable(path, error))
    if as_json:
        click.echo(json.dumps(audit_json(results), indent=2))
    else:
        echo_results(results)
    if results.unreadable or any(report.verdict == "fail" for report in results.reports):
        sys.exit(EXIT_FAILED)
