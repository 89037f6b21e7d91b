"""The web page: the leaflet's facts, self-contained, and axe-core finds nothing in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from leafpress.outputs import FORMATS
from tests.htmlcheck import parse_document, text_of
from tests.outputs.checkers import axe_violations, open_page, sideways_overflow
from tests.outputs.conftest import SAMPLES, Made
from tests.outputs.facts import fact_problems, heading_problems, listed_formats

pytestmark = pytest.mark.slow

#: 400 % zoom of a 1280-pixel-wide window: the 320 CSS pixels WCAG 1.4.10 asks for.
ZOOMED_WIDTH = 320


def test_web_is_registered_and_made_once_per_leaflet() -> None:
    web = FORMATS["web"]
    assert web.media_type == "text/html"
    from leafpress.editions import EDITIONS, LAYOUTS

    offered = [e.name for e in EDITIONS.values() if web.offered(LAYOUTS["leaflet"], e)]
    assert offered == [e.name for e in EDITIONS.values() if e.primary]
    assert {web.filename(e) for e in EDITIONS.values()} == {"web.html"}


@pytest.mark.parametrize("leaflet", SAMPLES)
def test_sample_web_page_carries_every_fact(samples: dict[tuple[str, str], Made],
                                            leaflet: str) -> None:
    made = samples[leaflet, "web"]
    root = parse_document(made.text)
    assert fact_problems(root, made.selection) == []
    assert heading_problems(root) == []


def test_fixture_web_page_carries_every_fact(fixture_made: dict[str, Made]) -> None:
    made = fixture_made["web"]
    root = parse_document(made.text)
    assert fact_problems(root, made.selection) == []
    assert [e.tag for e in root.iter("table")] == ["table"]


def test_the_fact_check_fails_when_a_section_is_missing(fixture_made: dict[str, Made]) -> None:
    made = fixture_made["web"]
    root = parse_document(made.text)
    main = next(root.iter("main"))
    main.remove(next(main.iter("section")))
    problems = fact_problems(root, made.selection)
    assert any("sections out of order or missing" in p for p in problems)


def test_the_fact_check_fails_when_an_urgent_box_loses_its_word(
        fixture_made: dict[str, Made]) -> None:
    made = fixture_made["web"]
    root = parse_document(made.text.replace("Urgent: ", ""))
    assert any("not marked in words" in p for p in fact_problems(root, made.selection))


def test_the_fact_check_fails_on_prints_invisible_characters(
        fixture_made: dict[str, Made]) -> None:
    made = fixture_made["web"]
    root = parse_document(made.text.replace(
        "</h1>", "24-\N{WORD JOINER}hour www.\N{ZERO WIDTH SPACE}x</h1>", 1))
    problems = fact_problems(root, made.selection)
    assert any("invisible word joiner" in p for p in problems)
    assert any("invisible zero-width space" in p for p in problems)


def test_box_titles_are_headings_that_name_their_boxes(
        samples: dict[tuple[str, str], Made]) -> None:
    root = parse_document(samples["secondary-breast-cancer-in-the-bones", "web"].text)
    boxes = [div for div in root.iter("div") if "callout" in (div.get("class") or "").split()]
    assert boxes
    for box in boxes:
        title = next(child for child in box if child.get("id") == box.get("aria-labelledby"))
        assert title.tag in ("h3", "h4", "h5") and "callout-title" in title.get("class", "")
    assert heading_problems(root) == []


def test_heading_check_fails_on_a_skipped_level() -> None:
    root = parse_document("<!DOCTYPE html><title>x</title><h1>A</h1><h2>B</h2><h4>C</h4>")
    assert heading_problems(root) == ["h2 then h4"]


def test_web_page_is_one_file_with_no_scripts(fixture_made: dict[str, Made]) -> None:
    html = fixture_made["web"].text
    root = parse_document(html)
    assert html.startswith("<!DOCTYPE html>")
    assert list(root.iter("script")) == [] and list(root.iter("link")) == []
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    sources = [e.get("src") or "" for e in root.iter("img")]
    assert len(sources) == 2  # the publisher's logo and the bone picture
    assert all(src.startswith("data:image/svg+xml;base64,") for src in sources)
    assert "file:" not in html
    style = text_of(next(root.iter("style")))
    assert "url(\"fonts/" not in style and "data:font/woff2;base64," in style


def test_web_page_has_language_title_and_landmarks(fixture_made: dict[str, Made]) -> None:
    made = fixture_made["web"]
    root = parse_document(made.text)
    definition = made.selection.leaflet.definition
    assert root.get("lang") == definition.language
    assert text_of(next(root.iter("title"))) == f"{definition.title}: {definition.subtitle}"
    body = next(root.iter("body"))
    assert [child.tag for child in body] == ["header", "nav", "main", "footer"]
    assert [text_of(h) for h in root.iter("h1")] == [definition.title]


def test_end_section_lists_the_leaflets_formats(samples: dict[tuple[str, str], Made]) -> None:
    # A booklet: its imposed print files are for the printer, so they are not listed.
    made = samples["understanding-secondary-breast-cancer", "web"]
    listed = listed_formats(parse_document(made.text))
    assert listed[:4] == ["standard.pdf", "large-print.pdf", "web.html", "ebook.epub"]
    assert "standard-print.pdf" not in listed and "large-print-print.pdf" not in listed


@pytest.mark.parametrize("leaflet", SAMPLES)
@pytest.mark.parametrize("width", [1280, ZOOMED_WIDTH])
def test_axe_finds_no_wcag_22_aa_violation(samples: dict[tuple[str, str], Made],
                                           browser: Browser, leaflet: str, width: int) -> None:
    page = open_page(browser, samples[leaflet, "web"].path, width)
    try:
        violations = axe_violations(page)
    finally:
        page.close()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def test_axe_finds_no_violation_in_the_fixture(fixture_made: dict[str, Made],
                                               browser: Browser) -> None:
    page = open_page(browser, fixture_made["web"].path)
    try:
        assert axe_violations(page) == []
    finally:
        page.close()


def test_axe_fails_an_image_without_alt(fixture_made: dict[str, Made], browser: Browser,
                                        tmp_path: Path) -> None:
    html = fixture_made["web"].text
    broken = tmp_path / "web.html"
    broken.write_text(re.sub(r' alt="A simple drawing of a bone"', "", html), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != html
    page = open_page(browser, broken)
    try:
        assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
    finally:
        page.close()


@pytest.mark.parametrize("leaflet", SAMPLES)
def test_no_sideways_scrolling_at_400_percent_zoom(samples: dict[tuple[str, str], Made],
                                                   browser: Browser, leaflet: str) -> None:
    page = open_page(browser, samples[leaflet, "web"].path, ZOOMED_WIDTH)
    try:
        assert sideways_overflow(page) == 0
    finally:
        page.close()


def test_fixture_table_and_picture_fit_at_400_percent_zoom(fixture_made: dict[str, Made],
                                                          browser: Browser) -> None:
    page = open_page(browser, fixture_made["web"].path, ZOOMED_WIDTH)
    try:
        assert sideways_overflow(page) == 0
    finally:
        page.close()


def test_overflow_check_fails_on_a_page_wider_than_the_window(
        fixture_made: dict[str, Made], browser: Browser, tmp_path: Path) -> None:
    wide = tmp_path / "web.html"
    wide.write_text(fixture_made["web"].text.replace(
        "<main", '<pre style="white-space:pre">' + "x" * 200 + "</pre><main"), encoding="utf-8")
    page = open_page(browser, wide, ZOOMED_WIDTH)
    try:
        assert sideways_overflow(page) > 0
    finally:
        page.close()
