"""Page checks on a laid-out document: stray breaks, line length, page fill, lone list items."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from weasyprint.document import Document

from leafpress.render.html import NOTES_PAGE_LINES

#: A line this short (share of the text column) followed by a nearly full line is a stray break.
STRAY_SHORT = 0.2
STRAY_FULL = 0.8
#: No page but the last of a chapter, or a notes page, may be filled less than this.
MIN_FILL = 1 / 3
_FORCED = {"page", "left", "right", "recto", "verso"}
_SHORT_NUMBERS = {"999", "999.", "111", "111."}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TEXT_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "figcaption"}


@dataclass(frozen=True)
class Line:
    """One line of running text, with the block it belongs to."""

    page: int
    text: str
    width: float
    column: float
    block: str
    last: bool
    starts_with_citation: bool


@dataclass(frozen=True)
class Page:
    """How full one page is and what may excuse a short one."""

    number: int
    fill: float
    ends_chapter: bool
    notes: bool


def element_classes(element: Any) -> set[str]:
    """The HTML classes of an element of the laid-out document (none for None)."""
    return set((element.get("class") or "").split()) if element is not None else set()


def box_classes(box: Any) -> set[str]:
    """The HTML classes of the element a layout box was made for."""
    return element_classes(getattr(box, "element", None))


def _text(box: Any) -> str:
    return "".join(getattr(b, "text", "") or "" for b in box.descendants()
                   if type(b).__name__ == "TextBox")


def _is_citation(box: Any) -> bool:
    return "cite" in box_classes(box)


def _first_leaf(box: Any) -> Any:
    while getattr(box, "children", None):
        child = box.children[0]
        if _is_citation(child):
            return child
        box = child
    return box


def _lines(box: Any, block: Any = None) -> Iterator[tuple[Any, Any]]:
    if str(getattr(box, "element_tag", "")).endswith("::marker"):
        return
    if type(box).__name__ == "LineBox":
        yield box, block
        return
    if getattr(box, "element_tag", None) in _TEXT_BLOCKS:
        block = box
    for child in getattr(box, "children", None) or []:
        yield from _lines(child, block)


def lines(document: Document) -> list[Line]:
    """Every line of running text in paragraphs, list items, definitions and tables."""
    found: list[Line] = []
    on = _pages_of(document)
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box.children[0]
        grouped: dict[int, list[Any]] = {}
        blocks: dict[int, Any] = {}
        for line, block in _lines(root):
            if block is None:
                continue
            grouped.setdefault(id(block), []).append(line)
            blocks[id(block)] = block
        for key, members in grouped.items():
            block = blocks[key]
            continued = block.element is not None and on[id(block.element)][-1] > number
            for index, line in enumerate(members):
                text = _text(line).strip()
                if not text:
                    continue
                leaf = _first_leaf(line)
                found.append(Line(
                    page=number, text=text, width=float(line.width),
                    column=float(block.width), block=block.element_tag,
                    last=index == len(members) - 1 and not continued,
                    starts_with_citation=_is_citation(leaf) or _is_citation(
                        getattr(leaf, "parent", None))))
    return found


def _heading_lines(box: Any, found: dict[int, list[Any]]) -> None:
    """The line boxes of each heading (and callout title) under ``box``, by heading box."""
    if getattr(box, "element_tag", None) in _HEADINGS or "callout-title" in box_classes(box):
        found[id(box)] = [line for line, _ in _lines(box)]
        return
    for child in getattr(box, "children", None) or []:
        _heading_lines(child, found)


def heading_widows(document: Document) -> list[tuple[int, str]]:
    """Headings whose last line is one word, as "What is secondary breast / cancer?"."""
    widows = []
    for number, page in enumerate(document.pages, start=1):
        found: dict[int, list[Any]] = {}
        _heading_lines(page._page_box, found)
        for heading in found.values():
            texts = [_text(line).strip() for line in heading]
            if len(texts) > 1 and len(texts[-1].split()) == 1:
                widows.append((number, " / ".join(texts)))
    return widows


def _elements(box: Any) -> Iterator[Any]:
    element = getattr(box, "element", None)
    if element is not None:
        yield element
    for child in getattr(box, "children", None) or []:
        yield from _elements(child)


def stray_breaks(found: list[Line]) -> list[tuple[Line, Line]]:
    """Lines broken after a word or two although the next line's words would have fitted."""
    pairs = []
    for line, following in itertools.pairwise(found):
        if (not line.last and line.page == following.page and line.column > 0
                and line.width < STRAY_SHORT * line.column
                and following.width > STRAY_FULL * line.column):
            pairs.append((line, following))
    return pairs


def citation_line_starts(found: list[Line]) -> list[Line]:
    """Lines that begin with a citation number, where it reads as a list number."""
    return [line for line in found if line.starts_with_citation]


def split_numbers(found: list[Line]) -> list[Line]:
    """Lines that start with the rest of a number, or hold nothing but a number.

    As "0114 496 / 0999", "call / 999" and "21 November / 2026.".
    """
    return [following for line, following in itertools.pairwise(found)
            if not line.last and following.text[:1].isdigit()
            and (line.text[-1:].isdigit() or following.text.split()[0] in _SHORT_NUMBERS
                 or following.text.rstrip(".,;:)").isdigit())]


def hyphen_line_ends(found: list[Line]) -> list[Line]:
    """Lines of running text that end at a hyphen ("24-" / "hour"): it reads as hyphenation."""
    return [line for line in found if not line.last and line.text.endswith("-")]


def line_lengths(found: list[Line]) -> tuple[float, int]:
    """Median and longest characters per line, over full lines of paragraphs and items."""
    full = [len(line.text) for line in found if not line.last and line.block in ("p", "li")]
    if not full:
        return 0.0, 0
    return float(statistics.median(full)), max(full)


def _first_element(box: Any) -> Iterator[Any]:
    while box is not None:
        yield box
        children = [c for c in getattr(box, "children", None) or []
                    if type(c).__name__ not in ("TextBox",)]
        box = children[0] if children else None


def _starts_with_forced_break(document: Document, number: int) -> bool:
    """Whether page ``number`` (1-based) begins with a forced break (a new chapter)."""
    previous = list(_elements(document.pages[number - 2]._page_box.children[0]))
    for box in _first_element(document.pages[number - 1]._page_box.children[0]):
        element = getattr(box, "element", None)
        if element is None or any(e is element for e in previous):
            continue
        if box.style["break_before"] in _FORCED or box.style["page"] not in ("", "auto"):
            return True
    return False


def pages(document: Document) -> list[Page]:
    """How full each page is, and whether it ends a chapter or is a notes page."""
    result = []
    count = len(document.pages)
    for number, page in enumerate(document.pages, start=1):
        box = page._page_box
        root = box.children[0]
        used = max((b.position_y + b.height for b in _leaves(root)),
                   default=box.content_box_y()) - box.content_box_y()
        notes = sum("note-line" in box_classes(b) for b in _blocks(root)) >= NOTES_PAGE_LINES
        ends = number == count or _starts_with_forced_break(document, number + 1)
        result.append(Page(number, used / box.height, ends, notes))
    return result


def _leaves(box: Any) -> Iterator[Any]:
    """Lines and childless boxes: what is drawn (a box broken across pages is stretched)."""
    children = getattr(box, "children", None) or []
    if type(box).__name__ == "LineBox" or (not children and bool(getattr(box, "height", 0))):
        yield box
        return
    for child in children:
        yield from _leaves(child)


def _blocks(box: Any) -> Iterator[Any]:
    for child in getattr(box, "children", None) or []:
        if type(child).__name__ in ("LineBox", "TextBox"):
            return
        yield child
        yield from _blocks(child)


def underfilled(found: list[Page]) -> list[Page]:
    """Pages under a third full that neither end a chapter nor hold notes."""
    return [p for p in found if p.fill < MIN_FILL and not p.ends_chapter and not p.notes]


def short_chapter_breaks(document: Document) -> list[str]:
    """Ids of chapters and "Words we use" whose new page left the page before a third full."""
    found = pages(document)
    ids = []
    for page in found[:-1]:
        if page.fill >= MIN_FILL or not page.ends_chapter or page.notes:
            continue
        following = document.pages[page.number]._page_box.children[0]
        for box in _first_element(following):
            element = getattr(box, "element", None)
            if element is not None and element_classes(element) & {"new-page", "glossary"}:
                ids.append(str(element.get("id")))
                break
    return ids


def split_notes(document: Document) -> list[int]:
    """Pages where a question's ruled answer lines (a notes block) run on to the next page."""
    return split_blocks(document, "notes")


def split_blocks(document: Document, class_name: str) -> list[int]:
    """Pages where an element of this class (``publisher``: an address) runs on to the next."""
    if not document.pages:
        return []
    on = _pages_of(document)
    return sorted({number for element in _root(document).iter()
                   if class_name in element_classes(element)
                   for number in on.get(id(element), [])[:-1]})


#: Lists shorter than this may break anywhere: two items on each side would be all of them.
LONE_ITEM_LIST = 3


def _root(document: Document) -> Any:
    """The laid-out document's html element (its tree holds every element, laid out or not)."""
    return document.pages[0]._page_box.children[0].element


def _pages_of(document: Document) -> dict[int, list[int]]:
    """For each element (by id) the pages, 1-based and in order, that some box of it is on."""
    found: dict[int, list[int]] = {}
    for number, page in enumerate(document.pages, start=1):
        for element in _elements(page._page_box.children[0]):
            held = found.setdefault(id(element), [])
            if not held or held[-1] != number:
                held.append(number)
    return found


def _breaks_between(on: dict[int, list[int]], before: Any, after: Any) -> bool:
    """Whether a page break falls between two sibling elements (both laid out)."""
    first, second = on.get(id(before)), on.get(id(after))
    return bool(first and second and first[-1] < second[0])


def lone_list_items(document: Document) -> list[tuple[int, str]]:
    """Items left alone at the foot or head of a page, and lead-ins parted from their list.

    A list of three or more items should not break after its first item or before its last;
    a paragraph straight before a list ("These drugs can:") should not break from it.
    Returns (page, start of the item or lead-in left alone).
    """
    if not document.pages:
        return []
    on = _pages_of(document)
    root = _root(document)
    found: list[tuple[int, str]] = []
    for parent in root.iter():
        children = list(parent)
        for before, element in itertools.pairwise(children):
            if (before.tag == "p" and element.tag in ("ul", "ol")
                    and _breaks_between(on, before, element)):
                found.append((on[id(before)][-1], _start(before)))
        if parent.tag not in ("ul", "ol"):
            continue
        items = [child for child in children if child.tag == "li"]
        if len(items) < LONE_ITEM_LIST:
            continue
        if _breaks_between(on, items[0], items[1]):
            found.append((on[id(items[0])][-1], _start(items[0])))
        if _breaks_between(on, items[-2], items[-1]):
            found.append((on[id(items[-1])][0], _start(items[-1])))
    return found


def _start(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())[:40]


def parted_from_next(document: Document, class_name: str) -> list[int]:
    """Pages where an element of this class (``dates``) ends and what follows it does not start.

    For a block that must keep the line after it (the dates, and what they mean).
    """
    if not document.pages:
        return []
    on = _pages_of(document)
    root = _root(document)
    return [on[id(before)][-1] for parent in root.iter()
            for before, after in itertools.pairwise(list(parent))
            if class_name in element_classes(before) and _breaks_between(on, before, after)]
