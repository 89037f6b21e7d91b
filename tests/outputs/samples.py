"""The sample leaflets rendered once per format for the output tests (review dates pinned)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from leafpress import Project
from leafpress.content.selection import Selection
from leafpress.outputs import Rendered

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 21)  # pinned: the sample content's review dates must not age tests


@cache
def project() -> Project:
    return Project.open(ROOT)


LEAFLET_IDS = sorted(project().leaflets)


@cache
def rendered(leaflet_id: str, format_name: str) -> Rendered:
    return project().render(leaflet_id, "standard", format_name, today=TODAY)


@cache
def selection(leaflet_id: str) -> Selection:
    return project().select(leaflet_id)


def headings(leaflet_id: str) -> list[str]:
    """Every section heading of the leaflet, in order."""
    return [section.heading for section in selection(leaflet_id).sections]


def words(text: str) -> list[str]:
    """Lower-case words, for comparing text across formats."""
    return re.findall(r"[a-z0-9]+", text.lower())


def in_order(needles: list[str], haystack: str) -> list[str]:
    """Needles missing from ``haystack`` or found out of order (compared as words)."""
    flat = " " + " ".join(words(haystack)) + " "
    position = 0
    missing = []
    for needle in needles:
        found = flat.find(" " + " ".join(words(needle)) + " ", position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + 1
    return missing
