"""The words the audio version speaks, chapter by chapter, as SSML for espeak-ng."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from leafpress.outputs.blocks import (
    Block,
    Callout,
    Definitions,
    Document,
    Heading,
    Image,
    Lines,
    ListBlock,
    Notes,
    Paragraph,
    References,
    Runs,
    Table,
    other_language,
    plain,
)

BLOCK_PAUSE = '<break time="500ms"/>'
HEADING_PAUSE = '<break time="700ms"/>'
_DIGITS = re.compile(r"\b(?:0\d{2,}|\d{5,}|999|111)\b")
_SCHEME = re.compile(r"\b(?:https?://|mailto:|tel:)")


@dataclass(frozen=True)
class Chapter:
    """One chapter of the recording: its title (the ID3 chapter name) and SSML body."""

    title: str
    ssml: str


def speakable(text: str) -> str:
    """Text as a listener should hear it: phone numbers digit by digit, no URL schemes."""
    text = _SCHEME.sub("", text)
    text = _DIGITS.sub(lambda m: " ".join(m.group(0)), text)
    return escape(text)


def sentence(text: str) -> str:
    """A block's words ending in a full stop, so the voice pauses after them."""
    text = text.strip()
    return text if not text or text[-1] in ".?!:" else text + "."


def spoken(runs: Runs, citations: str) -> str:
    """Inline runs as SSML, passages in other languages in a voice for their language.

    espeak-ng switches voice for ``<voice xml:lang="fr">``; read by the English voice,
    French comes out mispronounced and Amharic or Russian as the names of letters.
    """
    if all(other_language(run) is None for run in runs):
        return speakable(sentence(plain(runs, citations=citations)))
    parts = []
    for language, group in itertools.groupby(runs, key=other_language):
        words = plain(tuple(group), citations=citations)
        if words:
            parts.append(speakable(words) if language is None else
                         f"<voice xml:lang={quoteattr(language)}>{speakable(words)}</voice>")
    return sentence(" ".join(parts))


class Script:
    """Turns blocks into spoken SSML; citations dropped unless references are read."""

    def __init__(self, read_references: bool) -> None:
        self.read_references = read_references
        self.citations = "source" if read_references else "drop"

    def say(self, text: str) -> str:
        return speakable(sentence(text)) + BLOCK_PAUSE

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[str]:
        for block in blocks:
            yield from self.block(block)

    def block(self, block: Block) -> Iterator[str]:
        if isinstance(block, Heading):
            yield HEADING_PAUSE + self.say(block.text)
        elif isinstance(block, Paragraph):
            yield spoken(block.runs, self.citations) + BLOCK_PAUSE
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from self.blocks(item)
        elif isinstance(block, Callout):
            kind = block.label.lower()
            yield self.say(f"{block.label} box. {block.title}")
            yield from self.blocks(block.blocks)
            yield self.say(f"End of {kind} box")
        elif isinstance(block, Table):
            for row in block.rows:
                yield self.say(", ".join(f"{plain(h, citations='drop')}: "
                                         f"{plain(c, citations=self.citations)}"
                                         for h, c in zip(block.header, row, strict=False)))
        elif isinstance(block, Image):
            yield self.say(f"Picture: {block.alt}")
        elif isinstance(block, Notes):
            yield from self.blocks(block.blocks)
        elif isinstance(block, Lines):
            yield self.say(". ".join(sentence(line).rstrip(".") for line in block.lines))
        elif isinstance(block, Definitions):
            for term, meaning in block.entries:
                yield self.say(f"{term}: {meaning}")
        elif isinstance(block, References):
            if self.read_references:
                for number, words, _url in block.entries:
                    yield self.say(f"Source {number}: {words}")
            else:
                yield self.say(f"The written versions of this leaflet list {len(block.entries)} "
                               "sources. They are not read out in this recording")


def chapters(doc: Document, read_references: bool = False) -> list[Chapter]:
    """The recording's chapters: an opening notice, then one per part, in reading order."""
    script = Script(read_references)
    opening = [script.say(doc.title)]
    if doc.subtitle:
        opening.append(script.say(doc.subtitle))
    opening.append(script.say(f"This is an audio version of a leaflet from {doc.publisher}. "
                              "It is read by a computer voice, so some words may sound odd"))
    opening += [script.say(notice) for notice in doc.notices]  # the draft notice among them
    found = [Chapter("Introduction", "".join(opening))]
    for number, part in enumerate(doc.parts, start=1):
        spoken = [script.say(f"Section {number}: {part.heading}"), HEADING_PAUSE,
                  *script.blocks(part.blocks)]
        found.append(Chapter(part.heading, "".join(spoken)))
    return found
