"""Braille: every sample is valid BRF and back-translates to the leaflet's words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leafpress import Project as LeafpressProject
from leafpress.content.governance import dates_heading
from leafpress.outputs import braille, brf
from leafpress.outputs.blocks import Run
from tests.minimal_project import Project, Result, section
from tests.outputs import samples
from tests.outputs.facts import urgent_boxes
from tests.outputs.test_checks_fonts import SENTENCES


def _text_words(leaflet_id: str) -> set[str]:
    body = samples.rendered(leaflet_id, "text").data.decode()
    return set(samples.words(re.sub(r"\[\d+(,\d+)*\]", "", body)))


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_sample_braille_is_valid_brf(leaflet_id: str) -> None:
    rendered = samples.rendered(leaflet_id, "braille")
    assert brf.check(rendered.data) == []
    assert rendered.pages == len(brf.pages(rendered.data)) > 1


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_sample_braille_back_translates_to_the_leaflet(leaflet_id: str) -> None:
    back = brf.back_translate(samples.rendered(leaflet_id, "braille").data)
    selection = samples.selection(leaflet_id)
    title = selection.leaflet.definition.title
    assert samples.in_order([title, *samples.headings(leaflet_id), "Words we use",
                             "About this information", "References",
                             dates_heading(selection.draft), "Available in other formats",
                             "Who published this", "Disclaimer"],
                            back) == []
    assert ("not yet clinically reviewed" in back) == selection.draft
    if selection.draft:  # a draft gives when it was written, never a review date
        assert "Written:" in back and "Next review:" not in back
        assert str(selection.reviewed.year) in back
    else:
        assert "Next review:" in back and str(selection.next_review.year) in back
    # liblouis back-translates a few contractions loosely ("enough" alone gives "en"),
    # so the words must match all but a handful.
    missing = _text_words(leaflet_id) - set(samples.words(back))
    assert len(missing) <= 3, missing


def test_urgent_boxes_are_boxed_and_labelled() -> None:
    data = samples.rendered("secondary-breast-cancer-in-the-bones", "braille").data
    expected = urgent_boxes(samples.selection("secondary-breast-cancer-in-the-bones"))
    lines = [line for page in brf.pages(data) for line in page]
    tops = [i for i, line in enumerate(lines) if line == brf.TOP_BOX * 40]
    titles = [brf.from_brf(lines[i + 1]) for i in tops]
    urgent = [title for title in titles if title.startswith("    Urgent:")]  # a cell-5 heading
    assert len(urgent) == expected >= 2  # other boxes (tips, information) say their own kind
    assert lines.count(brf.BOTTOM_BOX * 40) == len(tops)


def test_inline_citations_are_dropped() -> None:
    data = samples.rendered("secondary-breast-cancer-in-the-bones", "braille").data
    back = " ".join(samples.words(brf.back_translate(data)))
    # Print: "...spreads to most often [1]. Cancer in a bone may cause..."
    assert "spreads to most often cancer in a bone" in back


def test_bold_and_italic_text_carries_ueb_indicators() -> None:
    runs = (Run("Call "), Run("999", strong=True), Run(" or read "),
            Run("this", emphasis=True), Run(" now"), Run("", citation=(1,)), Run("."))
    words, forms = braille.emphasised(runs)
    assert words == "Call 999 or read this now."
    louis = brf.louis_module()
    assert [words[i] for i, f in enumerate(forms) if f == louis.bold] == list("999")
    assert [words[i] for i, f in enumerate(forms) if f == louis.italic] == list("this")
    cells = " ".join(braille.runs_text(runs))
    plain_cells = " ".join(braille.text(words))
    assert cells != plain_cells and len(cells) > len(plain_cells)  # the indicators
    assert {"call", "999", "or", "read", "this", "now"} <= set(samples.words(brf.from_brf(cells)))
    assert " ".join(braille.runs_text((Run("plain words"),))) == " ".join(
        braille.text("plain words"))  # nothing added where nothing is emphasised


def test_a_samples_bold_list_labels_are_bold_in_braille() -> None:
    data = samples.rendered("understanding-secondary-breast-cancer", "braille").data
    body = " ".join(line for page in brf.pages(data) for line in page)
    louis = brf.louis_module()
    label = "ER positive"  # **ER positive**: in content/sections/receptors.md
    assert brf.to_brf(label, [louis.bold] * len(label)) in body
    assert brf.to_brf(label) not in body.replace(brf.to_brf(label, [louis.bold] * len(label)),
                                                 "")


def _page(lines: list[str], number: int = 1) -> bytes:
    return ("".join(line + "\r\n" for line in
                    [brf.to_brf(str(number)).rjust(40), *lines]) + "\f").encode("ascii")


def test_check_fails_on_each_kind_of_broken_file() -> None:
    assert brf.check(_page([",HELLO"])) == []
    assert brf.check(_page(["A" * 41])) == ["page 1, line 2: 41 cells (at most 40)"]
    assert brf.check(_page(["A"] * 25)) == ["page 1: 26 lines (at most 25)"]
    assert brf.check(_page(["hello"]).replace(b"hello", b"h\xe9llo"))[0].endswith(
        "is not in the BRF ASCII set")
    assert brf.check(_page(["A"], number=2)) == ["page 1: no page number '#A' at the top right"]
    assert "a line ends without CR LF" in brf.check(b"#A\nA\f")


@given(st.lists(st.text("ABC,.#", min_size=1, max_size=60), max_size=30),
       st.integers(0, 4), st.integers(0, 4))
def test_fill_never_passes_forty_cells(word_list: list[str], first: int, rest: int) -> None:
    lines = braille.fill(" ".join(word_list), first, rest)
    assert all(len(line) <= 40 for line in lines)
    assert "".join("".join(lines).split()) == "".join(word_list)


def test_words_in_other_languages_are_written_uncontracted() -> None:
    english = " ".join(braille.runs_text((Run("a comment"),)))
    french = " ".join(braille.runs_text((Run("a "), Run("comment", lang="fr"))))
    assert english == "A COM;T"  # "ment" contracted, as UEB grade 2 writes English
    assert french == "A COMMENT"  # UEB writes words of other languages letter by letter
    assert " ".join(braille.runs_text((Run("a "), Run("comment", lang="en-US")))) == english
    assert " ".join(braille.runs_text((Run("a "), Run("comment", lang="")))) == english  # {.x}


@pytest.mark.parametrize(("lang", "passage", "name"), [
    ("am", "ስለ ሕክምናዎ ነርሷን ይጠይቁ።", "Amharic"),
    ("zh-Hans", "请向护士询问您的治疗。", "Chinese (Simplified)"),
    ("ru", "Спросите медсестру о вашем лечении.", "Russian"),
    ("pl", "Zapytaj pielęgniarkę o leczenie.", "Polish"),  # UEB's table lacks ę
])
def test_a_passage_braille_cannot_show_becomes_a_note_naming_its_language(
        lang: str, passage: str, name: str) -> None:
    cells = " ".join(braille.runs_text((Run("Ask: "), Run(passage, lang=lang), Run("."))))
    assert brf.from_brf(cells) == f"Ask: [{name} text: not in braille, see the print version]."
    assert "\\X" not in cells  # liblouis would otherwise spell out each code point


def test_unmarked_text_braille_cannot_show_becomes_one_note() -> None:
    cells = " ".join(braille.runs_text((Run("Say 你好 你好 to the nurse."),)))
    assert brf.from_brf(cells) == (
        "Say [Text in another script: not in braille, see the print version] to the nurse.")
    assert braille.text("Heading 你好") == braille.text(
        "Heading [Text in another script: not in braille, see the print version]")


def test_greek_letters_are_shown_with_their_accents_decomposed() -> None:
    cells = " ".join(braille.runs_text((Run("Ρωτήστε", lang="el"),)))
    assert "TEXT" not in cells and "\\X" not in cells


def test_a_leaflet_in_many_languages_gets_braille_with_no_spelled_out_code_points(
        project: Project) -> None:
    body = "".join(f"[{text}]{{lang={tag}}}\n\n" for tag, text in SENTENCES.items())
    project.write("content/sections/beta.md", section("beta", body + "Sources [@ref].\n"),
                  dedent=False)
    rendered = LeafpressProject.open(project.root).render(
        "x", None, "braille", today=dt.date(2026, 1, 1))
    assert brf.check(rendered.data) == []
    cells = "".join(line for page in brf.pages(rendered.data) for line in page)
    assert "\\X" not in cells
    back = " ".join(brf.back_translate(rendered.data).split())
    for name in ("Amharic", "Russian", "Ukrainian", "Chinese (Simplified)", "Polish"):
        assert f"[{name} text: not in braille, see the print version]" in back
    assert "Weydii kalkaalisada wax ku saabsan daaweyntaada." in back  # Somali: all UEB has


def test_check_warns_where_braille_will_show_a_note(
        project: Project, leafpress: Callable[..., Result],
        monkeypatch: pytest.MonkeyPatch) -> None:
    project.write("content/sections/beta.md", section(
        "beta", "Some words.\n\nSay [ሰላም]{lang=am} or [bonjour]{lang=fr}.\n\n"
        "In Chinese: 你好 [@ref].\n"), dedent=False)
    monkeypatch.chdir(project.root)
    result = leafpress("check", "--today", "2026-01-01")
    assert result.code == 0  # a warning: the other versions keep the words
    warnings = [line for line in result.err.splitlines() if "braille" in line]
    assert warnings == [
        "warning: content/sections/beta.md:20: braille cannot show 'ሰላም' (Amharic): the "
        "braille version has a note in its place",
        "warning: content/sections/beta.md:22: braille cannot show '你好': the braille "
        "version has a note in its place",
    ]
    assert "bonjour" not in result.err  # French: shown, uncontracted
    assert "Marking the passage's language ([words]{lang=am})" in result.err


def test_a_heading_below_cell_5_headings_is_at_cell_7() -> None:
    data = samples.rendered("breast-cancer-recurrence", "braille").data
    lines = [brf.from_brf(line) for page in brf.pages(data) for line in page]
    assert any(line.startswith("    MRI, CT and PET-CT scans") for line in lines)  # level 3
    assert any(line.startswith("      MRI scan") for line in lines)  # level 4
