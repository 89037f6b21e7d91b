"""Review governance: overdue and soon-due sections, which leaflets use them, dates' wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leafpress.content.long_dates import long_date
from leafpress.errors import InputError, Problem
from leafpress.project.definitions import LoadedLeaflet
from leafpress.project.library import Library
from leafpress.project.models import SectionSource


@dataclass(frozen=True)
class ReviewFinding:
    """A section that is overdue (error) or due soon (warning)."""

    section: SectionSource
    due: dt.date
    overdue: bool
    used_by: tuple[str, ...]

    def problem(self, today: dt.date) -> Problem:
        """The finding as a located message."""
        days = abs((self.due - today).days)
        if self.overdue:
            message = (f"section '{self.section.meta.id}' is overdue for review: next review was "
                       f"{long_date(self.due)} ({days} days ago)")
        else:
            message = (f"section '{self.section.meta.id}' is due for review on "
                       f"{long_date(self.due)} (in {days} days)")
        users = ", ".join(self.used_by) or "no leaflet"
        hint = (f"Used by: {users}. Review the text, then update 'reviewed' and 'next_review' "
                "(or 'cycle_years') in its front matter.")
        line, column = self.section.review_position or (None, None)
        return Problem(self.section.path, line, column, message, hint)


def review_findings(
    library: Library, leaflets: list[LoadedLeaflet], today: dt.date, window_days: int
) -> list[ReviewFinding]:
    """Every section that is overdue, or due within the window, with its users."""
    findings = []
    for section_id, section in sorted(library.sections.items()):
        due = section.meta.review.next_review_date
        if due > today + dt.timedelta(days=window_days):
            continue
        users = tuple(
            leaflet.id for leaflet in leaflets
            if any(use.id == section_id for use in leaflet.definition.sections)
        )
        findings.append(ReviewFinding(section, due, due <= today, users))
    return findings


def leaflet_findings(
    leaflet: LoadedLeaflet, library: Library, today: dt.date, window_days: int
) -> list[ReviewFinding]:
    """The overdue and soon-due sections of one leaflet."""
    return [f for f in review_findings(library, [leaflet], today, window_days) if f.used_by]


def refusal(leaflet: LoadedLeaflet, findings: list[ReviewFinding], reason: str,
            hint: str) -> Problem:
    """The problem that stops a leaflet's build, at its first listed section of concern."""
    ids = {finding.section.meta.id for finding in findings}
    index = next((i for i, use in enumerate(leaflet.definition.sections) if use.id in ids), 0)
    return leaflet.document.problem(
        ("sections", index), f"refusing to build '{leaflet.id}': {reason}", hint)


def overdue_findings(
    leaflet: LoadedLeaflet, library: Library, today: dt.date
) -> list[ReviewFinding]:
    """The leaflet's sections that are past their next review date."""
    return [f for f in leaflet_findings(leaflet, library, today, 0) if f.overdue]


def refuse_overdue(leaflet: LoadedLeaflet, overdue: list[ReviewFinding], today: dt.date) -> None:
    """Stop a build whose leaflet contains overdue content."""
    if overdue:
        problems = [finding.problem(today) for finding in overdue]
        problems.append(refusal(
            leaflet, overdue, "it contains content past its review date",
            "Review the sections above, or build with --allow-overdue to print it with an "
            "'Under review' notice on the first page and in the footer.",
        ))
        raise InputError(problems)


def dates_heading(draft: bool) -> str:
    """The end section's heading over the dates: a draft is never said to be reviewed."""
    return "Dates" if draft else "Review dates"


def dates_lines(draft: bool, reviewed: str, next_review: str) -> tuple[str, ...]:
    """The dates as print words them; for a draft, when it was written, never "Reviewed"."""
    if draft:
        return (f"Draft: not yet clinically reviewed. Written: {reviewed}.",)
    return (f"Reviewed: {reviewed}.", f"Next review: {next_review}.")


def dates_note(draft: bool) -> str:
    """Where the dates come from: a leaflet has none of its own, only its sections'."""
    if draft:
        return ("This date comes from the sections in this leaflet: the oldest date any of "
                "them was written or changed.")
    return ("These dates come from the sections in this leaflet: the oldest review date, "
            "and the earliest next review date.")
