"""Show audit results: one line per file with its findings beneath, or one JSON document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import click

from leafpress.audit.conditions import CONDITIONS
from leafpress.audit.model import AuditReport, Finding
from leafpress.errors import Problem

PRINT_FILE = "print file, not for reading"


@dataclass
class Results:
    """Every file's report, and the paths that could not be read, with why and what to do."""

    reports: list[AuditReport] = field(default_factory=list)
    unreadable: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many files passed, failed, were print files or could not be read."""
        verdicts = [report.verdict for report in self.reports]
        return {
            "files": len(verdicts) + len(self.unreadable),
            "passed": verdicts.count("pass"),
            "failed": verdicts.count("fail"),
            "print": verdicts.count("print"),
            "unreadable": len(self.unreadable),
        }


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object."""
    return {
        "condition": finding.condition,
        "description": CONDITIONS.get(finding.condition, ""),
        "message": finding.message,
        "page": finding.page,
        "element": finding.element,
        "rule": finding.rule,
        "detail": finding.detail,
    }


def report_json(report: AuditReport) -> dict[str, Any]:
    """One file's report as a JSON object."""
    return {
        "path": str(report.path),
        "verdict": report.verdict,
        "passed": report.passed,
        "large_print": report.large_print,
        "print_file": report.print_file,
        "checks_run": list(report.checks_run),
        "findings": [finding_json(finding) for finding in report.findings],
    }


def audit_json(results: Results) -> dict[str, Any]:
    """Every file's result and the summary counts."""
    files = [report_json(report) for report in results.reports]
    files += [
        {"path": str(problem.path), "verdict": "unreadable", "passed": False,
         "error": problem.message, "hint": problem.hint}
        for problem in results.unreadable
    ]
    counts = results.counts()
    passed = counts["failed"] == 0 and counts["unreadable"] == 0  # as the exit code says
    return {"passed": passed, "summary": counts, "files": files}


def _where(finding: Finding) -> str:
    parts = [f"page {finding.page}"] if finding.page is not None else []
    parts += [finding.element] if finding.element else []
    return f" [{', '.join(parts)}]" if parts else ""


def finding_lines(finding: Finding) -> list[str]:
    """A finding in words: condition, explanation and where, then the engine's detail."""
    lines = [f"  {finding.condition}: {finding.message}{_where(finding)}"]
    if finding.detail:
        lines.append(f"      ({finding.rule}: {finding.detail})")
    return lines


def report_lines(report: AuditReport) -> list[str]:
    """The file's one line, then one entry per finding when it failed."""
    scope = "PDF/UA-1" + (" and large print" if report.large_print else "")
    if report.verdict == "print":
        checked = " (large-print checks passed)" if report.large_print else ""
        return [f"PRINT {report.path}: {PRINT_FILE}{checked}"]
    if report.verdict == "pass":
        return [f"PASS  {report.path}: {scope}, no findings"]
    kind = PRINT_FILE + ", " if report.print_file else ""
    head = f"FAIL  {report.path}: {kind}{len(report.findings)} finding(s) ({scope})"
    return [head] + [line for finding in report.findings for line in finding_lines(finding)]


def echo_results(results: Results) -> None:
    """Print every file's lines, then the summary."""
    styles = {"PASS": "green", "FAIL": "red", "PRIN": "yellow"}
    for report in results.reports:
        for index, line in enumerate(report_lines(report)):
            colour = styles.get(line[:4]) if index == 0 else None
            click.echo(click.style(line, fg=colour) if colour else line)
    for problem in results.unreadable:
        where, _, hint = str(problem).partition("\n")
        click.echo(click.style(where, fg="red"))
        click.echo(hint)
    counts = results.counts()
    click.echo(
        f"{counts['files']} file(s): {counts['passed']} passed, {counts['failed']} failed, "
        f"{counts['print']} print file(s) not for reading, "
        f"{counts['unreadable']} could not be read."
    )
    if any(f.condition.startswith("LP-") for r in results.reports for f in r.findings):
        click.echo("LP-… codes are leafpress large-print checks, not Matterhorn conditions.")
