"""Selecting a leaflet's sections: order, headings, merged references, dates and glossary."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from leafpress.content import markdown
from leafpress.content.readability import text_blocks
from leafpress.errors import InputError, ProblemCollector
from leafpress.project.definitions import LoadedLeaflet
from leafpress.project.library import GlossaryEntry, Library
from leafpress.project.models import LIST_SECTIONS, Reference, Reviewer, SectionSource
from leafpress.project.validation import did_you_mean

#: The words an urgent box uses for the number to call: the leaflet must say where it is.
URGENT_NUMBER = "24-hour number"


@dataclass(frozen=True)
class SelectedSection:
    """One section as it appears in one leaflet."""

    source: SectionSource
    heading: str
    level: int
    page_break: str
    anchor: str
    citation_numbers: dict[str, int]


@dataclass(frozen=True)
class NumberedReference:
    """A reference with its number in the leaflet's single list."""

    number: int
    reference: Reference


@dataclass(frozen=True)
class Credit:
    """A reviewer and the section headings they reviewed."""

    reviewer: Reviewer
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
    """Everything a leaflet's pages say, before any HTML is made."""

    leaflet: LoadedLeaflet
    project_root: Path
    sections: list[SelectedSection]
    references: list[NumberedReference]
    credits: list[Credit]
    glossary: list[GlossaryEntry]
    reviewed: dt.date
    next_review: dt.date
    draft: bool

    @property
    def asks_for_24_hour_number(self) -> bool:
        """Whether a section tells the reader to call their team's 24-hour number."""
        return any(URGENT_NUMBER in " ".join(section.source.body.split())
                   for section in self.sections)


def _resolve(leaflet: LoadedLeaflet, library: Library) -> list[SectionSource]:
    problems = ProblemCollector()
    sources: list[SectionSource] = []
    for index, use in enumerate(leaflet.definition.sections):
        source = library.sections.get(use.id)
        if source is None:
            problems.problems.append(leaflet.document.problem(
                ("sections", index, "id"), f"unknown section id '{use.id}'",
                f"{did_you_mean(use.id, library.sections)} {LIST_SECTIONS}".strip(),
            ))
        else:
            sources.append(source)
    problems.raise_if_any()
    return sources


def _number_references(
    sources: list[SectionSource],
) -> tuple[list[NumberedReference], list[dict[str, int]]]:
    """Number references by first citation, merging the same source across sections."""
    numbers: dict[tuple[str, ...], int] = {}
    ordered: list[NumberedReference] = []

    def number_for(reference: Reference) -> int:
        identity = reference.identity()
        if identity not in numbers:
            numbers[identity] = len(numbers) + 1
            ordered.append(NumberedReference(numbers[identity], reference))
        return numbers[identity]

    per_section: list[dict[str, int]] = []
    for source in sources:
        by_key = {r.key: r for r in source.meta.references}
        cited = markdown.cited_keys(source.body)
        per_section.append({key: number_for(by_key[key]) for key in cited})
    for source, mapping in zip(sources, per_section, strict=True):
        for reference in source.meta.references:  # listed but never cited: after the cited ones
            mapping.setdefault(reference.key, number_for(reference))
    return ordered, per_section


def _credits(sections: list[SelectedSection]) -> list[Credit]:
    found: dict[Reviewer, list[str]] = {}
    for section in sections:
        for reviewer in section.source.meta.review.reviewers:
            found.setdefault(reviewer, []).append(section.heading)
    return [Credit(reviewer, tuple(headings)) for reviewer, headings in found.items()]


def glossary_terms(
    sources: list[SectionSource], glossary: list[GlossaryEntry]
) -> list[GlossaryEntry]:
    """Glossary entries whose term (or another form) appears in these sections' text."""
    forms = tuple((entry.term, *entry.also) for entry in glossary)
    found = set().union(*(_terms_in(s.body, s.meta.title, forms) for s in sources))
    return sorted((glossary[index] for index in found), key=lambda e: e.term.lower())


@lru_cache(maxsize=4096)
def _terms_in(body: str, title: str, forms: tuple[tuple[str, ...], ...]) -> frozenset[int]:
    """Which glossary entries (by index into ``forms``) one section's text uses; kept warm."""
    text = (" ".join(text_blocks(body)) + " " + title).lower()
    return frozenset(
        index for index, entry_forms in enumerate(forms)
        if any(re.search(rf"(?<![\w-]){re.escape(form.lower())}(?![\w-])", text)
               for form in entry_forms)
    )


def select(leaflet: LoadedLeaflet, library: Library) -> Selection:
    """Put a leaflet's sections in order, with headings, reference numbers and dates."""
    sources = _resolve(leaflet, library)
    references, numbers = _number_references(sources)
    sections = [
        SelectedSection(
            source=source,
            heading=use.heading or source.meta.title,
            level=use.level,
            page_break=use.page_break or source.meta.page_break,
            anchor=f"section-{source.meta.id}",
            citation_numbers=mapping,
        )
        for use, source, mapping in zip(leaflet.definition.sections, sources, numbers, strict=True)
    ]
    reviews = [s.meta.review for s in sources]
    if not sources:
        raise InputError.single("the leaflet has no sections", path=leaflet.path)
    return Selection(
        leaflet=leaflet,
        project_root=library.root,
        sections=sections,
        references=references,
        credits=_credits(sections),
        glossary=glossary_terms(sources, library.glossary),
        reviewed=min(r.reviewed for r in reviews),
        next_review=min(r.next_review_date for r in reviews),
        draft=any(r.status != "approved" for r in reviews),
    )
