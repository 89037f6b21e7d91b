"""The 24-hour number: a box to write it in on paper; words suited to every other format."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from leafpress.outputs import document
from leafpress.outputs.wording import ASK_FOR_24_HOUR_NUMBER
from tests.htmlcheck import parse_document, text_of, with_class
from tests.outputs import samples

#: A handout whose urgent box tells the reader to call their team's 24-hour number.
URGENT: dict[str, Any] = {
    "id": "h", "title": "Handout", "publisher": "sample", "product_code": "H", "version": "1",
    "audience": "Anyone", "sections": ["symptoms-lung"]}
WITH_CONTACTS = {**URGENT, "contacts": "breast-unit-st-elsewhere"}
#: One that never mentions the number.
CALM = {**URGENT, "sections": ["receptors"]}
HELPLINE = "0114 496 0999"
WRITE_IN = "(write it here)"


def _screen_text(definition: dict[str, Any], format_name: str) -> str:
    """The words of the web page, the EPUB's page, or the plain text file."""
    data = samples.project().render(definition, "standard", format_name,
                                    today=samples.TODAY).data
    if format_name == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = archive.read("EPUB/leaflet.xhtml")
    if format_name == "text":
        return " ".join(data.decode().replace("!!", " ").split())
    return text_of(parse_document(data.decode()))


def test_print_keeps_the_box_to_write_the_number_in() -> None:
    for edition in ("standard", "large-print"):
        html, _ = samples.project().print_html(URGENT, edition, today=samples.TODAY)
        assert f"Your team’s 24-hour number {WRITE_IN}:" in html
        assert ASK_FOR_24_HOUR_NUMBER not in html


@pytest.mark.parametrize("format_name", ["web", "epub", "text"])
def test_screen_formats_ask_for_the_number_instead_of_a_box(format_name: str) -> None:
    text = _screen_text(URGENT, format_name)
    assert WRITE_IN not in text
    assert ASK_FOR_24_HOUR_NUMBER in text
    assert text.index(ASK_FOR_24_HOUR_NUMBER) < text.index("Breathing: get help straight away")


def test_the_web_page_has_no_writing_lines_at_the_top() -> None:
    data = samples.project().render(URGENT, "standard", "web", today=samples.TODAY).data
    header = parse_document(data.decode()).find(".//header")
    assert header is not None
    assert with_class(header, "note-line") == [] and with_class(header, "phone-box") == []


def test_every_one_file_format_opens_with_the_same_words() -> None:
    """Text, braille, Word and audio all print the document model's notices first."""
    for definition, wanted, unwanted in (
            (URGENT, ASK_FOR_24_HOUR_NUMBER, HELPLINE),
            (WITH_CONTACTS, HELPLINE, ASK_FOR_24_HOUR_NUMBER),
            (CALM, None, ASK_FOR_24_HOUR_NUMBER)):
        notices = " ".join(document.build(samples.project().select(definition), ()).notices)
        assert wanted is None or wanted in notices
        assert unwanted not in notices
        assert WRITE_IN not in notices


def test_with_contacts_every_format_gives_the_helpline_number_at_the_top() -> None:
    html, _ = samples.project().print_html(WITH_CONTACTS, today=samples.TODAY)
    assert WRITE_IN not in html and ASK_FOR_24_HOUR_NUMBER not in html
    for format_name in ("web", "text"):
        text = _screen_text(WITH_CONTACTS, format_name)
        assert ASK_FOR_24_HOUR_NUMBER not in text
        assert text.index(HELPLINE) < text.index("Breathing: get help straight away")
        assert "Your local contacts" in text


def test_a_leaflet_that_never_mentions_the_number_says_nothing_about_it() -> None:
    html, _ = samples.project().print_html(CALM, today=samples.TODAY)
    assert WRITE_IN not in html
    for format_name in ("web", "text"):
        assert "24-hour" not in _screen_text(CALM, format_name)
