"""Audio: a sample leaflet read aloud with chapters; the script's notices; the check fails."""

from __future__ import annotations

import io
import subprocess

import pytest
from mutagen.id3 import ID3

from leafpress.outputs import audio, document, speech
from leafpress.outputs.blocks import Run
from tests.outputs import audio_check, samples
from tests.outputs.facts import urgent_boxes

LEAFLET = "what-is-secondary-breast-cancer"


def _titles(leaflet_id: str) -> list[str]:
    doc = document.build(samples.selection(leaflet_id), ())
    return ["Introduction", *(part.heading for part in doc.parts)]


def test_sample_audio_has_a_chapter_per_section_in_order() -> None:
    data = samples.rendered(LEAFLET, "audio").data
    assert audio_check.problems(data, _titles(LEAFLET)) == []
    assert ID3(io.BytesIO(data))["TIT2"].text == [samples.selection(LEAFLET).leaflet.
                                                  definition.title]


def test_check_fails_without_chapters() -> None:
    data = samples.rendered(LEAFLET, "audio").data
    tags = ID3(io.BytesIO(data))
    tags.delall("CHAP")
    stripped = io.BytesIO(data)
    tags.save(stripped)
    found = audio_check.problems(stripped.getvalue(), _titles(LEAFLET))
    assert found and found[0].startswith("chapters [] are not")


@pytest.mark.parametrize("leaflet_id", samples.LEAFLET_IDS)
def test_script_opens_with_the_notices_and_announces_sections(leaflet_id: str) -> None:
    selection = samples.selection(leaflet_id)
    doc = document.build(selection, ())
    chapters = speech.chapters(doc)
    opening = chapters[0].ssml
    assert "read by a computer voice" in opening
    assert ("not yet clinically reviewed" in opening) == selection.draft
    for number, (chapter, part) in enumerate(zip(chapters[1:], doc.parts, strict=True), 1):
        assert chapter.ssml.startswith(speech.speakable(f"Section {number}: {part.heading}"))
    assert "<break" in chapters[1].ssml


def test_references_are_read_only_when_asked() -> None:
    doc = document.build(samples.selection(LEAFLET), ())
    quiet = "".join(c.ssml for c in speech.chapters(doc))
    loud = "".join(c.ssml for c in speech.chapters(doc, read_references=True))
    assert "Source 1:" not in quiet and "are not read out" in quiet
    assert "Source 1:" in loud and "(source 1)" in loud
    assert "[1]" not in quiet


def test_urgent_boxes_are_announced_and_numbers_spoken_as_digits() -> None:
    selection = samples.selection("secondary-breast-cancer-in-the-bones")
    doc = document.build(selection, ())
    spoken = "".join(c.ssml for c in speech.chapters(doc))
    expected = urgent_boxes(selection)
    assert spoken.count("Urgent box.") == expected == spoken.count("End of urgent box.")
    assert "call 9 9 9" in spoken


def test_passages_in_other_languages_are_read_in_their_own_voice() -> None:
    runs = (Run("Say "), Run("comment allez-vous", lang="fr"), Run(" or "),
            Run("ሰላም", lang="am"), Run(" to the nurse"), Run("", citation=(1,)))
    assert speech.spoken(runs, "drop") == (
        'Say <voice xml:lang="fr">comment allez-vous</voice> or '
        '<voice xml:lang="am">ሰላም</voice> to the nurse.')
    english = (Run("Call 0114 496 0123 "), Run("today", lang="en-GB"))
    assert speech.spoken(english, "drop") == "Call 0 1 1 4 496 0 1 2 3 today."


def _phonemes(ssml: str) -> str:
    """What espeak-ng says, as phoneme mnemonics, with the voice the audio format uses."""
    done = subprocess.run(["espeak-ng", "-v", audio.VOICE, "-m", "-x", "-q", "--stdin"],
                          input=f"<speak>{ssml}</speak>", capture_output=True, text=True,
                          check=True)
    return done.stdout


def test_espeak_reads_a_marked_amharic_passage_as_amharic_not_as_letter_names() -> None:
    runs = (Run("Say "), Run("ሰላም", lang="am"))
    plain_reading = _phonemes(speech.speakable(speech.sentence("Say ሰላም")))
    assert "Et3" in plain_reading  # the English voice says "Ethiopic letter ..." for each
    assert "Et3" not in _phonemes(speech.spoken(runs, "drop"))
