"""The audit's result types: one finding, one file's report, and the unreadable-file error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leafpress.errors import LeafpressError

AUDIT_ERROR = "audit-error"
"""Condition code of a finding that says a check could not finish on this file."""


@dataclass(frozen=True)
class Finding:
    """One failed condition: its Matterhorn (or large-print) code, what, and where."""

    condition: str
    message: str
    page: int | None = None
    """One-based page number, when the failure is on a page."""
    element: str | None = None
    """The structure element, annotation or font concerned, in words."""
    rule: str | None = None
    """The page-validation rule that found it; None for leafpress's own checks."""
    detail: str | None = None
    """The engine's own technical wording, kept for people who fix PDFs."""


@dataclass(frozen=True)
class AuditReport:
    """Everything one audit of one file found."""

    path: Path
    findings: list[Finding]
    checks_run: list[str]
    large_print: bool
    print_file: bool = False
    """The file's metadata marks it an imposed print file: never a reading PDF."""

    @property
    def passed(self) -> bool:
        """True for a reading PDF on which no check failed and every check ran to the end."""
        return not self.findings and not self.print_file

    @property
    def verdict(self) -> str:
        """'print' for a print file whose checks passed, else 'pass' or 'fail'."""
        if self.findings:
            return "fail"
        return "print" if self.print_file else "pass"

    def conditions(self) -> set[str]:
        """The distinct condition codes found."""
        return {finding.condition for finding in self.findings}


#: What to do about a file the audit could not read, unless a reason has its own advice.
NOT_A_PDF_HINT = ("Check that this is the PDF you meant. If it is, make or save it again: "
                  "it may be damaged or cut short.")


class UnreadablePdfError(LeafpressError):
    """The file is not a PDF, or is too damaged to open: a failed audit (exit code 1)."""
