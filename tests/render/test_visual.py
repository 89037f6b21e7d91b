"""The approved page images still match (tests/render/visual.py; `make approve-pages`)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from tests.render.sample_layouts import Sample
from tests.render.visual import APPROVED, MAX_CHANGED, PAGES, changed_share, draw, name

pytestmark = pytest.mark.slow
CASES = [(leaflet, edition, page) for leaflet, edition, first, last in PAGES
         for page in range(first, last + 1)]


@pytest.mark.parametrize(("leaflet", "edition", "page"), CASES)
def test_page_matches_the_approved_image(samples: dict[tuple[str, str], Sample],
                                         leaflet: str, edition: str, page: int) -> None:
    approved = APPROVED / name(leaflet, edition, page)
    assert approved.exists(), f"no approved image {approved.name}: run `make approve-pages`"
    (drawn,) = draw(samples[leaflet, edition].pdf, page, page)
    with Image.open(approved) as old:
        share = changed_share(drawn, old.convert("L"))
    assert share <= MAX_CHANGED, (
        f"{approved.name}: {share:.2%} of pixels changed; if deliberate, look at the pages "
        "and run `make approve-pages`")


def test_a_moved_line_is_a_change() -> None:
    page = Image.new("L", (100, 140), 255)
    moved = page.copy()
    ImageDraw.Draw(page).rectangle((10, 10, 80, 14), fill=0)
    ImageDraw.Draw(moved).rectangle((10, 20, 80, 24), fill=0)
    assert changed_share(page, page.copy()) == 0
    assert changed_share(moved, page) > MAX_CHANGED
    assert changed_share(page.resize((100, 141)), page) == 1.0
