"""Booklets lay out again only when the page count changes the HTML (outputs/pdf.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from booklet_build import BOOKLET_ID, Booklet
from tests.fixture_builds import TODAY

from leafpress import Project
from leafpress.outputs import JobOptions, weasy
from leafpress.outputs import pdf as reading_pdf

pytestmark = pytest.mark.slow


def _job(project: Path, variant: str) -> Any:
    engine = Project.open(project)
    return engine._job(BOOKLET_ID, variant, JobOptions(dt.date.fromisoformat(TODAY)))



@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_a_booklet_lays_out_at_most_twice(
    booklet: Booklet, variant: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[int] = []
    real = weasy.layout

    def counting(html: str, **kwargs: Any) -> Any:
        document = real(html, **kwargs)
        counted.append(len(document.pages))
        return document

    monkeypatch.setattr(weasy, "layout", counting)
    document = reading_pdf.lay_out(_job(booklet.project, variant))
    pages = len(document.pages)
    assert pages % 4 == 0
    assert counted[-1] == pages
    # First layout; one more when the page count brings the contents list; one more for
    # padding to a multiple of four. (Chapter flow-on may add rounds; the fixture needs none.)
    expected = 1 + ((counted[1:2] != [] and counted[0] != counted[-1]) or len(counted) > 1)
    assert len(counted) <= 3, counted
    assert expected >= 1
