"""Show audit reports: a rich table per file for people, or one JSON document for tools."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from leafpress.audit.conditions import CONDITIONS
from leafpress.audit.model import AuditReport, Finding


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object."""
    return {
        "condition": finding.condition,
        "description": CONDITIONS.get(finding.condition, ""),
        "message": finding.message,
        "page": finding.page,
        "element": finding.element,
    }


def report_json(report: AuditReport) -> dict[str, Any]:
    """One file's report as a JSON object."""
    return {
        "path": str(report.path),
        "passed": report.passed,
        "large_print": report.large_print,
        "checks_run": list(report.checks_run),
        "findings": [finding_json(finding) for finding in report.findings],
    }


def audit_json(reports: list[AuditReport], errors: dict[str, str]) -> dict[str, Any]:
    """Every file's result (reports, and one-line errors for unreadable files)."""
    files = [report_json(report) for report in reports]
    files += [{"path": path, "passed": False, "error": message} for path, message in errors.items()]
    return {"passed": not errors and all(report.passed for report in reports), "files": files}


def print_report(console: Console, report: AuditReport) -> None:
    """Print one file's findings as a table, or one line when it passed."""
    scope = "PDF/UA-1 and large print" if report.large_print else "PDF/UA-1"
    if report.passed:
        console.print(
            Text.assemble(
                ("PASS ", "bold green"),
                f"{report.path}: {len(report.checks_run)} checks ({scope}), no findings",
            )
        )
        return
    table = Table(
        title=Text.assemble(
            ("FAIL ", "bold red"),
            f"{report.path}: {len(report.findings)} finding(s) from "
            f"{len(report.checks_run)} checks ({scope})",
        ),
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Finding", ratio=3)
    table.add_column("Matterhorn", no_wrap=True)
    table.add_column("Page", justify="right", no_wrap=True)
    table.add_column("Element", ratio=1)
    for finding in report.findings:
        summary = CONDITIONS.get(finding.condition, "")
        table.add_row(
            Text.assemble((summary, "bold"), "\n" if summary else "", finding.message),
            finding.condition,
            "" if finding.page is None else str(finding.page),
            finding.element or "",
        )
    console.print(table)
    if any(finding.condition.startswith("LP-") for finding in report.findings):
        console.print("LP-… codes are leafpress large-print checks, not Matterhorn conditions.")
