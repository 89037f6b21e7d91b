"""Warn when a leaflet uses a glossary term before it explains it (a heuristic, for `check`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from leafpress.content import markdown
from leafpress.content.readability import sentences_of
from leafpress.content.selection import select
from leafpress.errors import InputError, Problem
from leafpress.project.definitions import LoadedLeaflet
from leafpress.project.library import GlossaryEntry, Library
from leafpress.project.models import SectionSource

_CITATION = re.compile(r"\[@[^\]]*\]")
# Right after the term: "(…)", ": …", " is …", ", or …", ", which …", ", called …".
_AFTER = re.compile(
    r"^\s*\("
    r"|^\s*[:–—]"
    r"|^,?\s+(is|are|means|mean|uses|takes|shows)\b(?!\s+(not|sometimes|often|usually|also|given|used|likely"
    r"|unlikely|more|less|most|still|only|the same)\b)"
    r"|^,\s*(an?|or|which|when|called|also called|also known as|known as|meaning|that is)\b",
    re.IGNORECASE,
)
# Right before the term: "called a …", "known as …", "This is …", "(…" closed after it.
_BEFORE = re.compile(
    r"\b(called|named|known as|name for|word for|words for)\s+(an?\s+|the\s+)?$"
    r"|\b(this|that|it|these|they)\s+(is|are)\s+(called\s+)?(an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_OPEN_PAREN = re.compile(r"\(\s*(an?\s+|the\s+)?$", re.IGNORECASE)
# The next sentence explains the one before: "This means …", "These are …".
_NEXT = re.compile(r"^(this|these|that|it|they)\s+(is|are|means|mean)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Sentence:
    section: SectionSource
    line: int
    text: str


@dataclass(frozen=True)
class _Use:
    entry: GlossaryEntry
    form: str
    sentence: int
    start: int
    end: int


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return markdown.make_parser()


def _sentences(section: SectionSource) -> list[_Sentence]:
    """Sentences of a section's body text (not its headings), each with its file line."""
    found: list[_Sentence] = []
    tokens = _parser().parse(_CITATION.sub("", section.body))
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.children or not token.map:
            continue
        if index and tokens[index - 1].type == "heading_open":
            continue
        text = " ".join("".join(c.content if c.type in ("text", "code_inline") else " "
                                for c in token.children).split())
        line = section.body_line + token.map[0]
        found.extend(_Sentence(section, line, s) for s in sentences_of([text]))
    return found


def _forms(glossary: list[GlossaryEntry]) -> list[tuple[GlossaryEntry, str, re.Pattern[str]]]:
    forms = [(entry, form) for entry in glossary for form in (entry.term, *entry.also)]
    forms.sort(key=lambda pair: -len(pair[1]))  # longest first: "hormone therapy" before "hormone"
    return [(entry, form, re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE))
            for entry, form in forms]


def _first_uses(sentences: list[_Sentence], glossary: list[GlossaryEntry]) -> list[_Use]:
    """The first use of each glossary entry; a longer term hides the shorter ones inside it."""
    first: dict[str, _Use] = {}
    forms = _forms(glossary)
    for number, sentence in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for entry, form, pattern in forms:
            for match in pattern.finditer(sentence.text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                if entry.term not in first:
                    first[entry.term] = _Use(entry, form, number, match.start(), match.end())
    return sorted(first.values(), key=lambda use: (use.sentence, use.start))


def is_explained(text: str, start: int, end: int, next_sentence: str = "") -> bool:
    """Whether the term at text[start:end] is explained in its sentence or the next one."""
    before, after = text[:start], text[end:]
    term = re.escape(text[start:end])
    if re.match(rf"(an?\s+|the\s+|your\s+)?{term}s?\s+(is|are|means|uses|takes|shows)\b",
                next_sentence, re.IGNORECASE):
        return True
    if _AFTER.search(after) or _BEFORE.search(before):
        return True
    if _OPEN_PAREN.search(before) and after.lstrip().startswith(")"):
        return True
    return bool(_NEXT.search(next_sentence))


def leaflet_warnings(leaflet: LoadedLeaflet, library: Library) -> list[tuple[Problem, str]]:
    """(problem, leaflet id) for each glossary term first used without an explanation."""
    try:
        sections = [s.source for s in select(leaflet, library).sections]
    except InputError:
        return []  # check reports the broken leaflet already
    sentences = [s for section in sections for s in _sentences(section)]
    found: list[tuple[Problem, str]] = []
    for use in _first_uses(sentences, library.glossary):
        sentence = sentences[use.sentence]
        following = sentences[use.sentence + 1] if use.sentence + 1 < len(sentences) else None
        next_text = following.text if following and following.section is sentence.section else ""
        if is_explained(sentence.text, use.start, use.end, next_text):
            continue
        found.append((Problem(
            sentence.section.path, sentence.line, None,
            f"glossary term \"{use.form}\" is used before it is explained",
            f"Explain it here, where the leaflet first uses it: for example \"… called "
            f"{use.form}\", \"{use.form} (…)\" or \"{use.form} is …\", or \"This means …\" "
            f"in the next sentence.",
        ), leaflet.definition.id))
    return found


def unexplained_terms(leaflets: Iterable[LoadedLeaflet], library: Library) -> list[Problem]:
    """One warning per place a glossary term is first used unexplained, naming the leaflets."""
    grouped: dict[Problem, list[str]] = {}
    for leaflet in leaflets:
        for problem, leaflet_id in leaflet_warnings(leaflet, library):
            grouped.setdefault(problem, []).append(leaflet_id)
    return [
        Problem(p.path, p.line, p.column, f"{p.message} in {', '.join(ids)}", p.hint)
        for p, ids in grouped.items()
    ]
