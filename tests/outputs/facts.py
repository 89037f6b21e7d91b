"""What every format must say, checked against the selection it was made from."""

from __future__ import annotations

import itertools
import re
from xml.etree.ElementTree import Element

from leafpress.content.governance import dates_lines
from leafpress.content.long_dates import long_date
from leafpress.content.selection import Selection
from tests.htmlcheck import heading_levels, text_of, with_class

_URGENT = re.compile(r"^::: *urgent\b", re.MULTILINE)


def urgent_boxes(selection: Selection) -> int:
    """How many urgent boxes the selected sections' Markdown has."""
    return sum(len(_URGENT.findall(s.source.body)) for s in selection.sections)


_URGENT_TITLE = re.compile(r"^::: *urgent\b *(.*)$", re.MULTILINE)
_URGENT_BOX = re.compile(r"^::: *urgent\b[^\n]*\n(.*?)^:::", re.MULTILINE | re.DOTALL)


def urgent_titles(selection: Selection) -> list[str]:
    """The titles of the urgent boxes, in reading order, as the Markdown gives them."""
    return [t.strip() for s in selection.sections for t in _URGENT_TITLE.findall(s.source.body)]


def urgent_list_items(selection: Selection) -> list[str]:
    """The list items inside urgent boxes, as the Markdown gives them."""
    return [line.strip()[2:].strip() for s in selection.sections
            for box in _URGENT_BOX.findall(s.source.body)
            for line in box.splitlines() if line.strip().startswith("- ")]


def heading_problems(root: Element) -> list[str]:
    """One h1, and no heading more than one level deeper than the one before."""
    levels = heading_levels(root)
    problems = [] if levels.count(1) == 1 and levels[:1] == [1] else [f"h1s: {levels}"]
    problems += [f"h{a} then h{b}" for a, b in itertools.pairwise(levels)
                 if b > a + 1]
    return problems


def fact_problems(root: Element, selection: Selection) -> list[str]:
    """Every fact the leaflet must carry that this document lacks or has out of order."""
    definition = selection.leaflet.definition
    language = definition.language
    text = text_of(root)
    problems: list[str] = []

    def need(fact: str, what: str) -> None:
        if fact not in text:
            problems.append(f"missing {what}: {fact!r}")

    need(definition.title, "title")
    if definition.subtitle:
        need(definition.subtitle, "subtitle")
    if selection.draft:
        need("Draft: not yet clinically reviewed.", "draft notice")
        need("This information has not yet been clinically reviewed.", "review statement")
    for credit in selection.credits:
        need(f"{credit.reviewer.name}, {credit.reviewer.role}", "reviewer")
    anchors = [e.get("id") for e in root.iter("section") if e.get("id")]
    wanted = [s.anchor for s in selection.sections]
    if [a for a in anchors if a in wanted] != wanted:
        problems.append(f"sections out of order or missing: {anchors} != {wanted}")
    position = 0
    for section in selection.sections:
        found = text.find(section.heading, position)
        if found < 0:
            problems.append(f"section heading missing or out of order: {section.heading!r}")
        else:
            position = found
    for entry in selection.glossary:
        need(entry.term, "glossary term")
    numbers = [e.get("id") for e in root.iter("li") if (e.get("id") or "").startswith("ref-")]
    if numbers != [f"ref-{r.number}" for r in selection.references]:
        problems.append(f"references not numbered 1..{len(selection.references)}: {numbers}")
    for item in selection.references:
        need(item.reference.title, "reference")
    for line in dates_lines(selection.draft, long_date(selection.reviewed, language),
                            long_date(selection.next_review, language)):
        need(line, "dates")
    need(selection.leaflet.publisher.organisation, "publisher")
    need("Disclaimer", "disclaimer")
    urgent = with_class(root, "callout-urgent")
    if len(urgent) != urgent_boxes(selection):
        problems.append(f"{len(urgent)} urgent boxes, the content has {urgent_boxes(selection)}")
    problems += [f"urgent box not marked in words: {text_of(box)[:40]!r}" for box in urgent
                 if not text_of(box).startswith("Urgent")]
    problems += [f"print's invisible {name} in {text[max(0, at - 20):at + 20]!r}"
                 for character, name in INVISIBLE.items() if (at := text.find(character)) >= 0]
    return problems


#: Characters that keep print's lines right and that a screen format must not carry.
INVISIBLE = {"\N{WORD JOINER}": "word joiner", "\N{ZERO WIDTH SPACE}": "zero-width space"}


def listed_formats(root: Element) -> list[str]:
    """The file names the end section lists as the leaflet's formats."""
    items = [text_of(li) for ul in with_class(root, "formats") for li in ul.iter("li")]
    return [m.group(1) for item in items if (m := re.search(r"\(([^()]+)\)$", item))]
