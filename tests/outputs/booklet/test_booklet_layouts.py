"""Booklets lay out again only when a layout shows its plan was wrong (outputs/pdf.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from booklet_build import BOOKLET_ID, Booklet
from tests.fixture_builds import TODAY

from leafpress import Project
from leafpress.outputs import JobOptions, RenderJob
from leafpress.outputs import pdf as reading_pdf

pytestmark = pytest.mark.slow


def _job(project: Path, variant: str) -> RenderJob:
    engine = Project.open(project)
    return engine._job(BOOKLET_ID, variant, JobOptions(dt.date.fromisoformat(TODAY)))


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_a_booklet_lays_out_once_and_once_more_for_padding(booklet: Booklet, variant: str) -> None:
    laid_out = reading_pdf.lay_out(_job(booklet.project, variant))
    pages = len(laid_out.document.pages)
    assert pages % 4 == 0
    # The fixture lists contents (contents: true) and starts every chapter on a new page
    # (section_breaks: always), so nothing flows on: one layout, then one with the padding.
    assert laid_out.layouts[0] % 4 != 0, "the fixture needs padding, or this proves nothing"
    assert laid_out.layouts == (laid_out.layouts[0], pages)


def test_a_notes_page_too_tall_costs_one_more_layout(blank_padded: Booklet) -> None:
    laid_out = reading_pdf.lay_out(_job(blank_padded.project, "standard"))
    first, with_notes, with_blanks = laid_out.layouts
    assert with_notes > first + -first % 4  # a notes page took over a page
    assert with_blanks == len(laid_out.document.pages) == first + -first % 4
