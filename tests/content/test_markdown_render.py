"""Markdown to HTML: citations, callouts, notes lines, heading shift, figures with captions."""

from __future__ import annotations

from tests.fixture_builds import FIXTURE
from tests.htmlcheck import parse_fragment, text_of, with_class

from leafpress.content.markdown import RenderContext, cited_keys, render

SECTION = FIXTURE / "content" / "sections" / "alpha.md"


def _render(body: str, *, offset: int = 1, numbers: dict[str, int] | None = None) -> str:
    context = RenderContext(section_path=SECTION, project_root=FIXTURE,
                            heading_offset=offset, citation_numbers=numbers or {})
    return render(body, context)


def test_citation_is_a_superscript_link_to_its_number() -> None:
    html = _render("Bones hurt [@b].", numbers={"b": 3})
    assert html == ('<p>Bones hurt<sup class="cite">'
                    '<a href="#ref-3" aria-label="source 3">3</a></sup>.</p>\n')


def test_several_citations_are_sorted_and_merged() -> None:
    html = _render("Both [@b; @a; @c].", numbers={"a": 2, "b": 1, "c": 1})
    assert ('<sup class="cite"><a href="#ref-1" aria-label="source 1">1</a>,'
            '<a href="#ref-2" aria-label="source 2">2</a></sup>') in html


def test_phone_numbers_and_call_999_are_kept_on_one_line() -> None:
    html = _render("Call 0808 800 4040 or 020 7946 0000. If not, call 999 or NHS 111.\n\n"
                   "::: urgent Call 999 if\nNow.\n:::\n")
    html += _render("It was written on 21 November 2026 and checked in May 2026.")
    assert "checked in May 2026" in html  # only a whole date is held together
    for kept in ("0808 800 4040", "020 7946 0000", "call 999", "NHS 111", "Call 999",
                 "21 November 2026"):
        assert kept.replace(" ", "\N{NO-BREAK SPACE}") in html
    assert "Call 0808" in html and "or 020" in html  # the words around them still break


def test_hyphenated_words_starting_with_a_number_or_letter_are_joined() -> None:
    html = _render("Keep the 24-hour number for an x-ray, and a check-up.")
    assert "24-\N{WORD JOINER}hour" in html and "x-\N{WORD JOINER}ray" in html
    assert "check-up" in html


def test_other_numbers_addresses_and_long_compounds_may_still_break() -> None:
    html = _render("Take 2 tablets every 12 hours. See example.org/secondary-breast-cancer "
                   "page 4040, or a very-long-compound-word in 2-3 days, or comment allez-vous.")
    assert "\N{NO-BREAK SPACE}" not in html and "\N{WORD JOINER}" not in html


def test_cited_keys_in_order_of_first_use() -> None:
    assert cited_keys("x [@b] y [@a; @b] z [@c]") == ["b", "a", "c"]


def test_callouts_of_each_kind() -> None:
    html = _render("::: urgent Call us if\nYou feel worse.\n:::\n\n::: tip\nRest.\n:::\n")
    assert ('<div class="callout callout-urgent"><p class="callout-title">'
            "<strong>Call us\N{NO-BREAK SPACE}if</strong></p>\n<p>You feel worse.</p>\n"
            "</div>") in html
    assert '<div class="callout callout-tip">\n<p>Rest.</p>\n</div>' in html


def test_only_a_long_callout_is_marked_long() -> None:
    short = _render("::: urgent Call us\n" + "Short words here. " * 20 + "\n:::\n")
    long = _render("::: urgent Call us\n" + "- Short words here.\n" * 30 + "\n:::\n")
    assert 'class="callout callout-urgent">' in short
    assert 'class="callout callout-urgent callout-long">' in long


def test_a_headings_last_word_is_kept_with_the_one_before() -> None:
    html = _render("## What is secondary breast cancer?\n\n## Two words\n\n"
                   "## A very extraordinarily-long-ending\n\n"
                   "::: urgent Get help straight away\nNow.\n:::\n")
    assert "secondary breast\N{NO-BREAK SPACE}cancer?" in html
    assert "straight\N{NO-BREAK SPACE}away" in html
    assert "<h3>Two words</h3>" in html and "very extraordinarily-long-ending" in html


def test_callout_title_is_escaped() -> None:
    html = _render("::: info <b>Bold</b> & more\nText.\n:::\n")
    assert "<strong>&lt;b&gt;Bold&lt;/b&gt; &amp;\N{NO-BREAK SPACE}more</strong>" in html


def test_notes_block_has_a_question_and_decorative_lines() -> None:
    (notes,) = parse_fragment(_render("::: notes 4\nWhat will you ask?\n:::\n"))
    assert notes.get("class") == "notes"
    question, lines = list(notes)
    assert (question.tag, text_of(question)) == ("p", "What will you ask?")
    assert lines.get("aria-hidden") == "true"  # decoration: an Artifact in the PDF
    assert len(with_class(lines, "note-line")) == 4


def test_notes_without_a_count_get_six_lines() -> None:
    (notes,) = parse_fragment(_render("::: notes\n:::\n"))
    assert len(with_class(notes, "note-line")) == 6


def test_headings_shift_under_the_section_heading() -> None:
    body = "## Inside\n\n### Deeper\n"
    assert "<h3>Inside</h3>" in _render(body, offset=1)  # a level-2 section
    assert "<h4>Inside</h4>" in _render(body, offset=2)  # a level-3 section
    assert "<h5>Deeper</h5>" in _render(body, offset=2)
    assert "<h6>Deeper</h6>" in _render("#### Deeper\n", offset=4)  # never beyond h6


def test_image_alone_is_a_figure_with_its_caption() -> None:
    html = _render('![A drawing](../images/bone.svg "A bone.")\n')
    target = (FIXTURE / "content" / "images" / "bone.svg").resolve().as_uri()
    assert html == (f'<figure><img src="{target}" alt="A drawing">'
                    "<figcaption>A bone.</figcaption></figure>\n")


def test_image_without_title_has_no_caption() -> None:
    html = _render("![A drawing](../images/bone.svg)\n")
    assert html.startswith("<figure><img ") and "figcaption" not in html


def test_image_inside_text_stays_in_the_paragraph() -> None:
    html = _render("See ![a bone](../images/bone.svg) here.\n")
    assert html.startswith("<p>See <img ") and "<figure>" not in html


def test_lists_and_tables_are_real_markup() -> None:
    body = parse_fragment(_render("- one\n- two\n\n1. first\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"))
    ul, ol, table = list(body)
    assert (ul.tag, [text_of(li) for li in ul.findall("li")]) == ("ul", ["one", "two"])
    assert (ol.tag, [text_of(li) for li in ol.findall("li")]) == ("ol", ["first"])
    assert [text_of(th) for th in table.findall("thead/tr/th")] == ["A", "B"]
    assert [text_of(td) for td in table.findall("tbody/tr/td")] == ["1", "2"]


def test_template_like_text_is_printed_as_written() -> None:
    assert "{{ 7*7 }}" in _render("Sum: {{ 7*7 }}\n")


def test_a_warm_render_is_reused_and_follows_every_argument() -> None:
    from leafpress.content import markdown

    body = "## Pain\n\nBones hurt [@b]."
    first = _render(body, numbers={"b": 3})
    hits = markdown._render.cache_info().hits
    assert _render(body, numbers={"b": 3}) is first  # rendered once, then kept
    assert markdown._render.cache_info().hits == hits + 1
    assert '<a href="#ref-4" aria-label="source 4">4</a>' in _render(body, numbers={"b": 4})
    assert "<h4" in _render(body, offset=2, numbers={"b": 3}) and "<h3" in first
    quiet = render(body, RenderContext(section_path=SECTION, project_root=FIXTURE,
                                       citation_numbers={"b": 3}, inline_citations=False))
    assert "ref-3" not in quiet
