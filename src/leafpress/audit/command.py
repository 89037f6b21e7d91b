"""The ``leafpress audit`` command: audit PDFs, or folders of them, for PDF/UA-1 and large print."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from leafpress.audit.model import UnreadablePdfError
from leafpress.audit.report import Results, audit_json, echo_results
from leafpress.audit.runner import audit_pdf

EXIT_FAILED = 1
EXIT_UNREADABLE = 2


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


def _reason(error: UnreadablePdfError) -> str:
    message = error.problems[0].message if error.problems else "unreadable"
    return message.removeprefix("could not read: ")


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
    any file fails, 2 when any file could not be read.
    """
    results = Results()
    for given in paths:
        files = list(pdf_files(given))
        if not files:
            results.unreadable[str(given)] = "no PDF files in this folder"
        for path in files:
            try:
                results.reports.append(audit_pdf(path, large_print=large_print))
            except UnreadablePdfError as error:
                results.unreadable[str(path)] = _reason(error)
    if as_json:
        click.echo(json.dumps(audit_json(results), indent=2))
    else:
        echo_results(results)
    if results.unreadable:
        sys.exit(EXIT_UNREADABLE)
    if any(report.verdict == "fail" for report in results.reports):
        sys.exit(EXIT_FAILED)
