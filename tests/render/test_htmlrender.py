"""The HTML document: structure, metadata, notices, the end section and the footer CSS."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import tinycss2
from tests.fixture_builds import SECOND, copy_project, render_fixture_html
from tests.htmlcheck import (
    Element,
    heading_levels,
    heading_skips,
    parse_document,
    text_of,
    with_class,
)

from leafpress.content.long_dates import long_date
from leafpress.content.markdown import kept_whole, web_address, without_line_keeping
from leafpress.render.html import unbroken


@pytest.fixture(scope="module")
def standard() -> Element:
    return parse_document(render_fixture_html("standard"))


@pytest.fixture(scope="module")
def large_print() -> Element:
    return parse_document(render_fixture_html("large-print"))


@pytest.fixture(scope="module")
def approved() -> Element:
    """The second leaflet: every section approved."""
    return parse_document(render_fixture_html("standard", SECOND))


@pytest.fixture(scope="module")
def unreviewed(tmp_path_factory: pytest.TempPathFactory) -> Element:
    """A leaflet whose only section is a draft that nobody has reviewed."""
    project = copy_project(tmp_path_factory.mktemp("unreviewed") / "project")
    (project / "leaflets" / "probe.yaml").write_text(
        "id: probe\ntitle: Probe\nlanguage: en-GB\nformat: leaflet\npaper: A4\n"
        "variants: [standard]\naudience: Tests\nproduct_code: LP-PROBE\nversion: '1'\n"
        "publisher: fixture\nsections:\n  - beta\n",
        encoding="utf-8",
    )
    return parse_document(render_fixture_html("standard", "probe", project))


def _about(document: Element) -> Element:
    (about,) = [e for e in document.iter("section") if e.get("id") == "about"]
    return about


def _meta(document: Element, name: str) -> str:
    (meta,) = [m for m in document.iter("meta") if m.get("name") == name]
    return meta.get("content") or ""


def test_html_lang_is_the_definition_language(standard: Element) -> None:
    assert standard.get("lang") == "en-GB"


def test_title_has_title_and_subtitle(standard: Element) -> None:
    title = standard.find("head/title")
    assert title is not None
    assert title.text == "Living with a test leaflet: A small leaflet for the test suite"


def test_exactly_one_h1_with_the_title(standard: Element, large_print: Element) -> None:
    for document in (standard, large_print):
        h1s = list(document.iter("h1"))
        assert len(h1s) == 1
        assert text_of(h1s[0]).startswith("Living with a test leaflet")


@pytest.mark.parametrize("name", ["standard", "large_print", "approved", "unreviewed"])
def test_headings_nest_without_skipping(name: str, request: pytest.FixtureRequest) -> None:
    levels = heading_levels(request.getfixturevalue(name))
    assert levels[0] == 1 and levels.count(1) == 1
    assert heading_skips(levels) == []


def test_the_heading_check_can_fail() -> None:
    levels = heading_levels(parse_document("<h1>T</h1><h2>A</h2><h4>B</h4><h2>C</h2>"))
    assert heading_skips(levels) == [(2, 4)]


def test_heading_overrides_and_shift(standard: Element) -> None:
    headings = [(e.tag, text_of(e)) for e in standard.iter() if e.tag in ("h2", "h3", "h4")]
    assert headings[:5] == [
        ("h2", "First things first"),
        ("h3", "Tests you may have"),  # '##' in a level-2 section
        ("h3", "How you may feel"),  # the section used at level 3
        ("h4", "Writing down questions"),  # '##' in a level-3 section
        ("h2", "Treatment"),
    ]


def test_lists_and_tables_are_real(standard: Element) -> None:
    (alpha,) = [e for e in standard.iter("section") if e.get("id") == "section-alpha"]
    (bullets,) = alpha.iter("ul")
    assert len(bullets.findall("li")) == 3
    (table,) = alpha.iter("table")
    assert [text_of(th) for th in table.findall("thead/tr/th")] == ["Test", "What it shows"]
    assert len(table.findall("tbody/tr")) == 2
    (gamma,) = [e for e in standard.iter("section") if e.get("id") == "section-gamma"]
    (numbered,) = gamma.iter("ol")
    assert [text_of(li) for li in numbered.findall("li")] == [
        "Hormone therapy.", "Drugs that help your bones."]


def test_figure_has_image_alt_and_caption(standard: Element) -> None:
    (figure,) = standard.iter("figure")
    image = figure.find("img")
    caption = figure.find("figcaption")
    assert image is not None and image.get("alt") == "A simple drawing of a bone"
    assert caption is not None and caption.text == "A bone, drawn simply."


def test_meta_author_description_keywords(standard: Element, large_print: Element) -> None:
    assert _meta(standard, "author") == "Fixture Publisher (not a real organisation)"
    description = _meta(standard, "description")
    assert "A small leaflet for the test suite" in description
    assert "People who read test leaflets" in description
    assert "Large print" in _meta(large_print, "description")
    keywords = [k.strip() for k in _meta(standard, "keywords").split(",")]
    assert {"LP-TEST-001", "standard", "First things first", "Treatment"} <= set(keywords)
    assert "large-print" in _meta(large_print, "keywords")


def test_draft_notice_when_a_section_is_draft(standard: Element, approved: Element) -> None:
    (notice,) = with_class(standard, "notice-draft")
    assert text_of(notice).startswith("Draft: not yet clinically reviewed.")
    assert with_class(approved, "notice-draft") == []
    assert with_class(approved, "notice") == []


def test_large_print_is_labelled(standard: Element, large_print: Element) -> None:
    assert [text_of(e) for e in with_class(large_print, "edition-label")] == ["Large print"]
    assert with_class(standard, "edition-label") == []


def test_every_internal_link_has_a_target(standard: Element) -> None:
    ids = {e.get("id") for e in standard.iter() if e.get("id")}
    targets = [a.get("href", "")[1:] for a in standard.iter("a")
               if a.get("href", "").startswith("#")]
    assert targets and set(targets) <= ids


def test_citations_link_to_merged_numbers(standard: Element) -> None:
    cites = [[a.text for a in sup.iter("a")] for sup in with_class(standard, "cite")]
    assert cites == [["1"], ["2"], ["1", "3"], ["2"]]


def test_about_section_with_reviewers_and_draft_statement(standard: Element) -> None:
    about = _about(standard)
    assert text_of(about.find("h2")) == "About this information"  # type: ignore[arg-type]
    credits = [text_of(li) for li in with_class(about, "credits")[0].findall("li")]
    assert credits == [
        "Dr Ada Example, Consultant oncologist (reviewed: First things first)",
        "Sam Sample, Breast care nurse (reviewed: Treatment)",
    ]
    text = text_of(about)
    assert "This information has not yet been clinically reviewed." in text
    assert "Some parts have been checked by the people named above." in text


def test_about_section_when_nobody_has_reviewed(unreviewed: Element) -> None:
    about = _about(unreviewed)
    assert with_class(about, "credits") == []
    text = text_of(about)
    assert "This information has not yet been clinically reviewed." in text
    assert "No doctor, nurse or other health professional has checked it." in text


def test_about_section_when_all_approved(approved: Element) -> None:
    about = _about(approved)
    text = text_of(about)
    assert "not yet been clinically reviewed" not in text
    credits = [text_of(li) for li in with_class(about, "credits")[0].findall("li")]
    assert credits == [
        "Pat Helper, Support worker (reviewed: Getting help)",
        "Dr Ada Example, Consultant oncologist (reviewed: What this leaflet is about)",
    ]


def test_numbered_references(standard: Element) -> None:
    (references,) = with_class(_about(standard), "references")
    assert references.tag == "ol"
    items = references.findall("li")
    assert [li.get("id") for li in items] == [f"ref-{n}" for n in range(1, 6)]
    first = text_of(items[0])
    assert first.startswith("A guide to secondary breast cancer. Example Charity, 2024.")
    # The address may break after a slash (an invisible zero-width space), never at a hyphen.
    assert "https://example.org/\N{ZERO WIDTH SPACE}guide (accessed 1 February 2025)" in first
    assert text_of(items[1]) == "Advanced breast cancer. NICE, 2017."
    assert text_of(items[3]) == "A Writer. A book we read but did not cite. Example Press, 2020."


def test_review_dates_in_long_form(standard: Element) -> None:
    text = text_of(_about(standard))
    # The standard fixture is a draft: it says so and gives the writing date, never "Reviewed".
    assert "Draft: not yet clinically reviewed. Written: 5 November 2024." in text
    assert "Reviewed:" not in text


def test_words_we_use_lists_used_terms(standard: Element, approved: Element,
                                       unreviewed: Element) -> None:
    (glossary,) = [e for e in standard.iter("section") if e.get("id") == "words-we-use"]
    assert text_of(glossary.find("h2")) == "Words we use"  # type: ignore[arg-type]
    items = list(glossary.iter("li"))
    assert [text_of(item.find("p")) for item in items] == [  # type: ignore[arg-type]
        "biopsy", "bone scan", "hormone therapy"]
    assert all(len(item.findall("p")) == 2 for item in items)  # term and meaning, one item
    # The beta-only leaflet uses no glossary term: no section at all.
    assert [e for e in unreviewed.iter("section") if e.get("id") == "words-we-use"] == []


def _footer_content(document: Element) -> list[str]:
    """The @bottom-left content of the page CSS, as decoded strings and counter names."""
    style = "".join(e.text or "" for e in document.iter("style"))
    match = re.search(r"@bottom-left\s*{[^}]*?\bcontent:(.*?);\s*}", style, re.DOTALL)
    assert match, style
    parts = []
    for token in tinycss2.parse_component_value_list(match.group(1)):
        if token.type == "string":
            parts.append(token.value)
        elif token.type == "function":
            parts.append(f"{token.name}({tinycss2.serialize(token.arguments)})")
    return parts


def test_footer_text_in_the_page_css(standard: Element) -> None:
    assert _footer_content(standard) == [
        "Draft: not yet clinically reviewed\nWritten: 5 November 2024\n"
        "LP-TEST-001 version 2.1 · Page ",
        "counter(page)", " of ", "counter(pages)",
    ]


def test_footer_on_a4_standard_keeps_dates_on_one_line(approved: Element) -> None:
    first = _footer_content(approved)[0]
    assert first.startswith("Reviewed: 10 January 2025 · Next review: 10 January 2035\n")


def test_page_size_in_the_page_css(standard: Element, large_print: Element) -> None:
    def size(document: Element) -> str:
        style = "".join(e.text or "" for e in document.iter("style"))
        found = re.search(r"size:\s*([^;]+);", style)
        assert found
        return found.group(1)

    assert size(standard) == "148mm 210mm"
    assert size(large_print) == "210mm 297mm"


def test_long_dates_in_en_gb() -> None:
    assert long_date(dt.date(2026, 7, 1)) == "1 July 2026"
    assert long_date(dt.date(2035, 6, 15), "en-GB") == "15 June 2035"


def test_long_dates_follow_the_language() -> None:
    assert long_date(dt.date(2026, 7, 1), "cy") == "1 Gorffennaf 2026"


def test_html_lang_follows_the_definition(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    definition = project / "leaflets" / "second-leaflet.yaml"
    definition.write_text(definition.read_text(encoding="utf-8").replace(
        "language: en-GB", "language: cy"), encoding="utf-8")
    document = parse_document(render_fixture_html("standard", SECOND, project))
    assert document.get("lang") == "cy"
    assert "Next review: 10 Ionawr 2035." in text_of(_about(document))


def test_phone_numbers_and_addresses_keep_whole() -> None:
    assert unbroken("0114 496 0123") == "0114\N{NO-BREAK SPACE}496\N{NO-BREAK SPACE}0123"
    assert web_address("https://example.org/leaflets/secondary-breast-cancer") == (
        "https://example.org/\N{ZERO WIDTH SPACE}leaflets/\N{ZERO WIDTH SPACE}"
        "secondary-\N{WORD JOINER}breast-\N{WORD JOINER}cancer")


def test_screens_can_take_out_exactly_what_print_put_in() -> None:
    text = "Call 0808 800 4040, day or night (24-hour). Thai: ก\N{ZERO WIDTH SPACE}ข."
    address = "https://example.org/leaflets/secondary-breast-cancer"
    # No-break spaces stay (they read as spaces); the invisible characters go.
    assert without_line_keeping(kept_whole(text)).replace("\N{NO-BREAK SPACE}", " ") == text
    assert "\N{WORD JOINER}" in kept_whole(text)
    assert without_line_keeping(web_address(address)) == address
    assert "\N{ZERO WIDTH SPACE}" in without_line_keeping(kept_whole(text))  # the author's
