"""The ``leafpress audit`` command: audit PDFs for PDF/UA-1 and large print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from leafpress.audit.model import AuditReport, UnreadablePdfError
from leafpress.audit.report import audit_json, print_report
from leafpress.audit.runner import audit_pdf

EXIT_FAILED = 1
EXIT_UNREADABLE = 2


@click.command("audit")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--large-print/--no-large-print",
    "large_print",
    default=None,
    help="Run the large-print checks (16pt text, A4, no italics, contrast). "
    "By default they run when the PDF declares itself a leafpress large-print file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of tables.")
def audit_command(files: tuple[Path, ...], large_print: bool | None, as_json: bool) -> None:
    """Audit FILE.pdf… against PDF/UA-1 (Matterhorn Protocol) and large-print rules.

    Exit code 0 when every file passes, 1 when any check fails, 2 when a file
    cannot be read as a PDF.
    """
    reports: list[AuditReport] = []
    errors: dict[str, str] = {}
    for path in files:
        try:
            reports.append(audit_pdf(path, large_print=large_print))
        except UnreadablePdfError as error:
            message = str(error.problems[0]) if error.problems else f"{path}: unreadable"
            errors[str(path)] = message
            click.echo(f"error: {message}", err=True)
    if as_json:
        click.echo(json.dumps(audit_json(reports, errors), indent=2))
    else:
        console = Console(highlight=False)
        for report in reports:
            print_report(console, report)
    if errors:
        sys.exit(EXIT_UNREADABLE)
    if not all(report.passed for report in reports):
        sys.exit(EXIT_FAILED)
