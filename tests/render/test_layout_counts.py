"""Each sample PDF is laid out few times, and its contents list still follows the page count."""

from __future__ import annotations

import pytest
from tests.render.sample_layouts import TODAY, Sample, cases, project

from leafpress.outputs import JobOptions, weasy
from leafpress.outputs.layout_plan import measure
from leafpress.render.html import contents_least

CASES = cases()
BOOKLET = "understanding-secondary-breast-cancer"
HANDOUTS = [case for case in CASES if case[0] != BOOKLET]
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_the_sample_booklet_is_laid_out_at_most_three_times(
        samples: dict[tuple[str, str], Sample], edition: str) -> None:
    # Before one plan held flow-on, contents and padding together: 5 layouts (standard), 3.
    sample = samples[BOOKLET, edition]
    assert 1 <= len(sample.layouts) <= 3, sample.layouts
    assert len(sample.document.pages) in sample.layouts


@pytest.mark.parametrize(("leaflet", "edition"), HANDOUTS)
def test_a_handout_is_laid_out_at_most_twice(samples: dict[tuple[str, str], Sample],
                                             leaflet: str, edition: str) -> None:
    # The first layout guesses the contents list from the text; a second corrects it.
    sample = samples[leaflet, edition]
    assert 1 <= len(sample.layouts) <= 2, sample.layouts


@pytest.mark.parametrize(("leaflet", "edition"), HANDOUTS)
def test_a_handout_lists_contents_when_it_runs_long_without(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    job = project()._job(leaflet, edition, JobOptions(TODAY))
    options = job.render_options()
    with job.styles.lend(job.stylesheets(), source=job.selection.leaflet.path) as styles:
        plain = weasy.layout(job.html(options), styles=styles, project_root=job.project_root,
                             source=job.selection.leaflet.path)
    listed = measure(samples[leaflet, edition].document).contents_pages > 0
    assert listed == (len(plain.pages) >= contents_least(job.layout, options))


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_the_booklet_lists_contents_on_pages_of_their_own(
        samples: dict[tuple[str, str], Sample], edition: str) -> None:
    found = measure(samples[BOOKLET, edition].document)
    assert found.contents_alone
    assert found.body_pages - found.contents_pages >= 8  # contents_min_pages
    assert found.pages % 4 == 0
