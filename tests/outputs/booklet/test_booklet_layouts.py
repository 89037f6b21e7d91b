"""Booklets lay out once, plus once more only to add padding (outputs/pdf.py lay_out)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from booklet_build import BOOKLET_ID, Booklet, make_booklet_project
from tests.fixture_builds import TODAY

from leafpress import Project
from leafpress.outputs import JobOptions, weasy
from leafpress.outputs import pdf as reading_pdf

pytestmark = pytest.mark.slow


def _job(project: Path, variant: str) -> Any:
    engine = Project.open(project)
    return engine._job(BOOKLET_ID, variant, JobOptions(dt.date.fromisoformat(TODAY)))


@pytest.fixture(scope="module")
def contents_by_length(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture booklet with its contents page left to its length (no ``contents:``)."""
    project = make_booklet_project(tmp_path_factory.mktemp("layouts") / "project")
    definition = project / "leaflets" / f"{BOOKLET_ID}.yaml"
    text = definition.read_text(encoding="utf-8")
    assert "contents: true\n" in text
    definition.write_text(text.replace("contents: true\n", ""), encoding="utf-8")
    return project


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_the_count_without_contents_is_measured_not_laid_out(
    contents_by_length: Path, variant: str
) -> None:
    job = _job(contents_by_length, variant)
    with job.styles.lend(job.stylesheets(), source=job.selection.leaflet.path) as styles:
        def lay(**options: int) -> Any:
            return weasy.layout(job.html(job.render_options(**options)), styles=styles,
                                project_root=job.project_root,
                                source=job.selection.leaflet.path)

        with_contents = lay(estimated_pages=job.options.contents_min_pages)
        without = lay()
    assert "contents" not in {name for page in without.pages for name in page.anchors}
    assert reading_pdf._pages_without_contents(with_contents) == len(without.pages)
    assert reading_pdf._pages_without_contents(without) is None


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
    # One layout when it came to a multiple of four; else one more with the padding.
    assert len(counted) == (1 if counted[0] % 4 == 0 else 2)
