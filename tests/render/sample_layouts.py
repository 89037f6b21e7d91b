"""Every sample leaflet in every edition, laid out once and written as a tagged PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from weasyprint.document import Document

from leafpress import Project
from leafpress.outputs import JobOptions, weasy
from leafpress.outputs.pdf import lay_out
from leafpress.pdfua.finish import finish

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 21)  # pinned like tests/test_samples.py


@dataclass(frozen=True)
class Sample:
    """One sample leaflet in one edition: its layout and its finished PDF."""

    leaflet: str
    edition: str
    document: Document
    pdf: bytes
    layouts: tuple[int, ...]
    """The page count of each WeasyPrint layout it took."""


def project() -> Project:
    """The repository's own sample project."""
    return Project.open(ROOT)


def cases() -> list[tuple[str, str]]:
    """(leaflet id, edition) for every sample."""
    opened = project()
    return [(lid, edition) for lid, leaflet in sorted(opened.leaflets.items())
            for edition in leaflet.definition.variants]


def lay_out_sample(opened: Project, leaflet: str, edition: str) -> Sample:
    """Lay one sample out as the build does, and finish its PDF."""
    job = opened._job(leaflet, edition, JobOptions(TODAY))
    laid_out = lay_out(job)
    raw = weasy.write_pdf(laid_out.document, source=job.selection.leaflet.path)
    return Sample(leaflet, edition, laid_out.document, finish(raw, variant=edition),
                  laid_out.layouts)
