"""The library as the studio shows it: summaries, users, reading ease and review status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leafpress.content.long_dates import long_date
from leafpress.content.readability import measure, text_blocks
from leafpress.engine import Project

SUMMARY_CHARACTERS = 140


@dataclass(frozen=True)
class SectionCard:
    """One section as listed in the studio."""

    id: str
    title: str
    summary: str
    used_by: tuple[str, ...]
    reading_ease: float
    draft: bool
    next_review: dt.date
    overdue: bool
    search_text: str

    @property
    def next_review_text(self) -> str:
        """The next review date in words."""
        return long_date(self.next_review)


def summary_of(body: str) -> str:
    """The section's first sentence, shortened to one line."""
    blocks = [block for block in text_blocks(body) if block.strip()]
    if not blocks:
        return ""
    first = blocks[0].split(". ")[0].strip()
    first = first if first.endswith((".", "?", "!")) else first + "."
    if len(first) > SUMMARY_CHARACTERS:
        first = first[: SUMMARY_CHARACTERS - 1].rsplit(" ", 1)[0] + "…"
    return first


_cache: dict[int, list[SectionCard]] = {}


def cards(project: Project, today: dt.date) -> list[SectionCard]:
    """Every section of the project's current library, sorted by title (cached per snapshot)."""
    key = hash((id(project.library), today))
    if key not in _cache:
        _cache.clear()
        result = []
        for section_id, source in project.library.sections.items():
            users = tuple(sorted(leaflet.definition.title
                                 for leaflet in project.leaflets.values()
                                 if any(u.id == section_id
                                        for u in leaflet.definition.sections)))
            due = source.meta.review.next_review_date
            summary = summary_of(source.body)
            result.append(SectionCard(
                section_id, source.meta.title, summary, users,
                round(measure(source.body).flesch_reading_ease),
                source.meta.review.status == "draft", due, due <= today,
                f"{section_id} {source.meta.title} {summary} {source.body}".lower()))
        _cache[key] = sorted(result, key=lambda card: card.title.lower())
    return _cache[key]


def search(all_cards: list[SectionCard], query: str) -> list[SectionCard]:
    """Cards whose id, title or text contain every word of the query; title matches first."""
    words = query.lower().split()
    found = [card for card in all_cards if all(word in card.search_text for word in words)]
    return sorted(found, key=lambda card: not all(w in card.title.lower() for w in words))
