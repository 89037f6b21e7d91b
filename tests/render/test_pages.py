"""Page checks: on every sample, and failing on a bad case made to show the fault."""

from __future__ import annotations

import pytest
from tests.render.sample_layouts import ROOT, Sample, cases
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from leafpress.render import pages

CASES = cases()
FONT = (ROOT / "styles" / "fonts" / "atkinson-hyperlegible-next-latin-400-normal.woff2").as_uri()
pytestmark = pytest.mark.slow


def lay_out(body: str, css: str = "") -> Document:
    """A small document in the samples' font at large-print size."""
    fonts = FontConfiguration()
    sheet = CSS(string=f"""@font-face {{ font-family: A; src: url({FONT}); }}
        @page {{ size: A4; margin: 18mm; }}
        html {{ font-family: A; font-size: 18pt; line-height: 1.5; }}
        sup.cite {{ vertical-align: super; line-height: 0; font-size: 16pt; }} {css}""",
                font_config=fonts)
    return HTML(string=body).render(stylesheets=[sheet], font_config=fonts)


# The old markup: a breakable space between the word and its citation. WeasyPrint 70 then
# breaks the line after the paragraph's first word when the citation reaches the margin.
OLD_CITATION = ('<p>A local or regional recurrence is not secondary breast cancer '
                '<sup class="cite"><a href="#r">2</a></sup>. Your doctor will talk to you.</p>')


def test_stray_break_is_found_in_the_old_citation_markup() -> None:
    stray = pages.stray_breaks(pages.lines(lay_out(OLD_CITATION)))
    assert [(a.text, b.text.split()[0]) for a, b in stray] == [("A", "local")]


def test_a_glued_citation_breaks_cleanly() -> None:
    glued = OLD_CITATION.replace("cancer <sup", "cancer<sup")
    assert pages.stray_breaks(pages.lines(lay_out(glued))) == []


def test_a_citation_starting_a_line_is_found() -> None:
    body = ('<p>It can still be treated to get rid of all of it<br>'
            '<sup class="cite"><a href="#r">12</a></sup>. Its main use is to help.</p>')
    found = pages.citation_line_starts(pages.lines(lay_out(body)))
    assert found and found[0].text.startswith("12")


PHONE = "At any time, call the helpline on {}. If you cannot, {}."


@pytest.mark.parametrize("width", [40, 65, 110])
def test_a_split_number_is_found_and_a_kept_one_is_not(width: int) -> None:
    style = f"style='width: {width}mm'"
    split = pages.split_numbers(pages.lines(lay_out(
        f"<p {style}>" + PHONE.format("0114 496 0999", "call<br>999") + "</p>")))
    lone = pages.split_numbers(pages.lines(lay_out("<p>Accessed 21 November<br>2026.</p>")))
    assert [line.text for line in lone] == ["2026."]
    assert split[-1].text == "999."
    assert len(split) == 2  # the phone number at this width, and "call / 999"
    kept = PHONE.format("0114\N{NO-BREAK SPACE}496\N{NO-BREAK SPACE}0999",
                        "call\N{NO-BREAK SPACE}999")
    assert pages.split_numbers(pages.lines(lay_out(f"<p {style}>{kept}</p>"))) == []


@pytest.mark.parametrize("width", [35, 65])  # both break the line after "24-"
def test_a_line_ending_at_a_hyphen_is_found_and_a_joined_word_is_not(width: int) -> None:
    text = "<p style='width: {}mm'>Keep your team's {} number with you, day and night.</p>"
    broken = pages.hyphen_line_ends(pages.lines(lay_out(text.format(width, "24-hour"))))
    assert [line.text.split()[-1] for line in broken] == ["24-"]
    joined = text.format(width, "24-\N{WORD JOINER}hour")
    assert pages.hyphen_line_ends(pages.lines(lay_out(joined))) == []


def test_a_heading_ending_in_one_word_is_found_and_a_joined_one_is_not() -> None:
    heading = "<h2 style='width: 120mm'>What is secondary breast{}cancer?</h2>"
    assert pages.heading_widows(lay_out(heading.format(" "))) == [
        (1, "What is secondary breast / cancer?")]
    assert pages.heading_widows(lay_out(heading.format("\N{NO-BREAK SPACE}"))) == []


def test_a_nearly_empty_page_is_found_and_a_chapter_end_is_not() -> None:
    block = "<div style='break-inside: avoid'>" + "<p>Line of text.</p>" * 20 + "</div>"
    pushed = pages.pages(lay_out("<p>One short paragraph.</p>" + block))
    assert [p.number for p in pages.underfilled(pushed)] == [1]
    chapter = pages.pages(lay_out("<p>Short.</p><h2 style='break-before: page'>Next</h2>"))
    assert chapter[0].ends_chapter and pages.underfilled(chapter) == []


def test_long_lines_are_measured() -> None:
    text = "<p>" + "word " * 400 + "</p>"
    median, longest = pages.line_lengths(pages.lines(lay_out(text, "html { font-size: 10pt }")))
    assert median > 70 and longest >= median


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_no_stray_breaks_or_citations_starting_lines(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    found = pages.lines(samples[leaflet, edition].document)
    assert [(a.page, a.text, b.text[:30]) for a, b in pages.stray_breaks(found)] == []
    assert [(line.page, line.text[:30]) for line in pages.citation_line_starts(found)] == []
    assert [(line.page, line.text[:30]) for line in pages.split_numbers(found)] == []
    assert [(line.page, line.text[-30:]) for line in pages.hyphen_line_ends(found)] == []
    assert pages.heading_widows(samples[leaflet, edition].document) == []


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_lines_within_70_characters_on_median(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    median, _ = pages.line_lengths(pages.lines(samples[leaflet, edition].document))
    assert 40 <= median <= 70


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_no_page_under_a_third_full_but_chapter_ends_and_notes(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    assert [(p.number, round(p.fill, 2)) for p in
            pages.underfilled(pages.pages(samples[leaflet, edition].document))] == []


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_no_chapter_break_leaves_a_page_under_a_third_full(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    assert pages.short_chapter_breaks(samples[leaflet, edition].document) == []


def test_a_short_chapter_break_is_found() -> None:
    body = ("<p>Short.</p><section id='next' class='new-page' style='break-before: page'>"
            "<h2>Next</h2><p>Text.</p></section>")
    assert pages.short_chapter_breaks(lay_out(body)) == ["next"]


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_answer_lines_stay_with_their_question(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    assert pages.split_notes(samples[leaflet, edition].document) == []


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_the_publishers_address_and_the_dates_stay_whole(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    document = samples[leaflet, edition].document
    assert pages.split_blocks(document, "publisher") == []
    assert pages.parted_from_next(document, "dates") == []


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_only_a_long_callout_continues_on_the_next_page(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    document = samples[leaflet, edition].document
    split, long = pages.split_blocks(document, "callout"), pages.split_blocks(document,
                                                                               "callout-long")
    assert [page for page in split if page not in long] == []


def test_a_split_address_is_found() -> None:
    address = "<p class='publisher'>" + "Line of the address<br>" * 12 + "</p>"
    assert pages.split_blocks(lay_out("<p>Text.</p>" * 14 + address), "publisher") == [1]
    kept = lay_out("<p>Text.</p>" * 14 + address, ".publisher { break-inside: avoid }")
    assert pages.split_blocks(kept, "publisher") == []


def test_dates_parted_from_their_note_are_found() -> None:
    body = "<p>Text.</p>" * 15 + "<p class='dates'>Written: 1 May 2026.</p><p>Why this date.</p>"
    assert pages.parted_from_next(lay_out(body), "dates") == [1]
    assert pages.parted_from_next(lay_out(body, ".dates { break-after: avoid }"), "dates") == []


def test_split_answer_lines_are_found() -> None:
    lines = "<div class='note-line' style='height: 2em'></div>" * 40
    body = f"<p>Question?</p><div class='notes'><p>What can I do?</p>{lines}</div>"
    assert pages.split_notes(lay_out(body)) == [1, 2]  # three pages of lines


@pytest.mark.parametrize(("leaflet", "edition"), CASES)
def test_no_list_item_or_lead_in_is_left_alone(
        samples: dict[tuple[str, str], Sample], leaflet: str, edition: str) -> None:
    assert pages.lone_list_items(samples[leaflet, edition].document) == []


def _list_after(fillers: int, css: str = "") -> Document:
    """Filler paragraphs, a lead-in and a list of three two-line items."""
    items = "".join(f"<li>Item {n}<br>goes on</li>" for n in (1, 2, 3))
    return lay_out("<p>Filler line.</p>" * fillers + f"<p>These drugs can:</p><ul>{items}</ul>",
                   css)


def _break_rules() -> str:
    rules = (ROOT / "styles" / "base.css").read_text(encoding="utf-8").splitlines()
    kept = [line for line in rules if line.startswith(("li:first-child", "li:last-child",
                                                       "p:has("))]
    assert len(kept) == 3
    return "\n".join(kept)


def test_a_lone_first_or_last_item_is_found_and_the_samples_rules_prevent_it() -> None:
    assert pages.lone_list_items(_list_after(13)) == [(1, "Item 1goes on")]
    assert pages.lone_list_items(_list_after(12)) == [(2, "Item 3goes on")]
    assert pages.lone_list_items(_list_after(13, _break_rules())) == []
    assert pages.lone_list_items(_list_after(12, _break_rules())) == []


def test_a_lead_in_parted_from_its_list_is_found() -> None:
    assert pages.lone_list_items(_list_after(2, "ul { break-before: page }")) == [
        (1, "These drugs can:")]
