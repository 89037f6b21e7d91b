"""Braille: UEB grade 2 in Braille Ready Format, laid out as UKAAF's guidance describes.

Pages of 25 lines of 40 cells; the braille page number at the top right of line 1;
the title and section headings centred with a blank line before and after; headings
inside sections at cell 5 (a level below those at cell 7), box titles at cell 5;
paragraphs start at cell 3; list items at cell 1 with runovers at cell 3; boxes between
UEB box lines. Inline citation numbers are dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from leafpress.content import markdown
from leafpress.errors import Problem
from leafpress.outputs import brf
from leafpress.outputs.base import Rendered, RenderJob
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
    Run,
    Runs,
    Table,
    other_language,
    plain,
)
from leafpress.outputs.document import inline_runs
from leafpress.outputs.naming import ReaderNames
from leafpress.outputs.one_file import OneFile, document_for
from leafpress.project.library import Library

WIDTH = brf.CELLS_PER_LINE
BODY_LINES = brf.LINES_PER_PAGE - 1
"""Line 1 of every page holds the page number."""


@dataclass(frozen=True)
class Item:
    """One laid-out piece: lines of cells, with a blank line wanted before or after."""

    lines: tuple[str, ...]
    space_before: bool = False
    space_after: bool = False
    keep_with_next: bool = False


def fill(cells: str, first: int = 0, rest: int = 0) -> tuple[str, ...]:
    """Word-wrap braille cells to 40 per line, with first-line and runover indents."""
    lines: list[str] = []
    line = " " * first
    for word in cells.split():
        while len(word) > WIDTH - rest:  # a long address: split it where it must
            room = WIDTH - len(line) - (1 if line.strip() else 0)
            if room < 4:
                lines.append(line.rstrip())
                line = " " * rest
                continue
            line = (line + " " if line.strip() else line) + word[:room]
            word = word[room:]
            lines.append(line)
            line = " " * rest
        if not line.strip():
            line += word
        elif len(line) + 1 + len(word) <= WIDTH:
            line += " " + word
        else:
            lines.append(line)
            line = " " * rest + word
    if line.strip():
        lines.append(line)
    return tuple(lines)


def centred(cells: str) -> tuple[str, ...]:
    """Lines centred across the page (runovers centred too)."""
    return tuple(line.strip().center(WIDTH).rstrip() for line in fill(cells, 0, 0))


def text(value: str, first: int = 0, rest: int = 0) -> tuple[str, ...]:
    """Print text translated and wrapped (words in a script UEB lacks become a note)."""
    return fill(brf.to_brf(shown(value)), first, rest)


def _note(language: str | None) -> str:
    named = f"{language} text" if language else "Text in another script"
    return f"[{named}: not in braille, see the print version]"


def as_ueb(value: str) -> str | None:
    """``value`` as UEB can show it (accents decomposed if that is what it has), or None."""
    if value.isascii() or brf.shows_all(value):
        return value
    decomposed = unicodedata.normalize("NFD", value)  # Greek tonos, for one
    return decomposed if brf.shows_all(decomposed) else None


def shown(value: str) -> str:
    """``value`` with each run of words UEB cannot show replaced by one note."""
    whole = as_ueb(value)
    if whole is not None:
        return whole
    words: list[str] = []
    for word in value.split(" "):
        ueb = as_ueb(word)
        if ueb is not None:
            words.append(ueb)
        elif not words or words[-1] != _note(None):
            words.append(_note(None))
    return " ".join(words)


def in_other_language(run: Run) -> str | None:
    """The English name of a run's language when it is not English (``[..]{lang=cy}``)."""
    tag = other_language(run)
    if tag is None:
        return None
    try:
        return str(Locale.parse(tag.replace("-", "_")).get_display_name("en"))
    except (ValueError, UnknownLocaleError):
        return tag


def braille_words(run: Run) -> tuple[str, bool]:
    """What braille shows for a run, and whether it is left uncontracted.

    UEB writes words of other languages uncontracted. A passage with letters the UEB
    table lacks (Amharic, Chinese, Russian; Polish ż and ę…) cannot be shown: a note in
    square brackets, naming its language, stands in its place, instead of the code
    points liblouis would otherwise spell out cell by cell.
    """
    language = in_other_language(run)
    if language is None:
        return shown(run.text), False
    ueb = as_ueb(run.text)
    return (_note(language), False) if ueb is None else (ueb, True)


def passages_not_in_braille(library: Library) -> list[Problem]:
    """Warnings for ``leafpress check``: text the braille version shows only as a note."""
    found = []
    for source in library.sections.values():
        for token in markdown.parse(source.body):
            if token.type != "inline" or not token.map:
                continue
            for run in inline_runs(token, {}):
                if run.citation or not run.text.strip() or as_ueb(run.text) is not None:
                    continue
                language = in_other_language(run)
                words = run.text.split()
                excerpt = " ".join(words if language else
                                   [word for word in words if as_ueb(word) is None])[:40]
                found.append(Problem(
                    source.path, source.body_line + token.map[0], None,
                    f"braille cannot show '{excerpt}'" + (f" ({language})" if language else "")
                    + ": the braille version has a note in its place",
                    "The other versions keep it. That may be all you need; if not, give the "
                    "words in English too." + ("" if language else " Marking the passage's "
                                               "language ([words]{lang=am}) names it in the "
                                               "note and lets audio read it in that language.")))
    return found


def emphasised(runs: Runs) -> tuple[str, list[int]]:
    """The runs as one line of text, and each character's emphasis for liblouis.

    Citations are dropped with the space before them, as print's ``plain`` does; strong
    text is bold and emphasised text italic; words in other languages are uncontracted
    (see :func:`braille_words`).
    """
    louis = brf.louis_module()
    chars: list[tuple[str, int]] = []
    for run in runs:
        if run.citation:
            while chars and chars[-1][0].isspace():  # the space before a citation goes too
                chars.pop()
            continue
        words, uncontracted = braille_words(run)
        form = ((louis.bold if run.strong else 0) | (louis.italic if run.emphasis else 0)
                | (louis.no_contract if uncontracted else 0))
        chars += [(ch, 0 if ch.isspace() else form) for ch in words]
    flowing: list[tuple[str, int]] = []
    for ch, form in chars:  # one space between words, none at either end
        if ch.isspace():
            if flowing and flowing[-1][0] != " ":
                flowing.append((" ", 0))
        else:
            flowing.append((ch, form))
    if flowing and flowing[-1][0] == " ":
        flowing.pop()
    return "".join(ch for ch, _ in flowing), [form for _, form in flowing]


def runs_text(runs: Runs, first: int = 0, rest: int = 0, marker: str = "") -> tuple[str, ...]:
    """Inline runs translated with their bold and italic indicators, and wrapped."""
    words, forms = emphasised(runs)
    words, forms = marker + words, [0] * len(marker) + forms
    return fill(brf.to_brf(words, forms if any(forms) else None), first, rest)


def block_items(block: Block) -> Iterator[Item]:
    """The laid-out pieces of one block."""
    if isinstance(block, Heading):
        if block.level <= 2:
            yield Item(centred(brf.to_brf(block.text)), True, True, keep_with_next=True)
        else:  # cell 5, and a level below that at cell 7, as UKAAF's three heading levels
            cell = 4 if block.level == 3 else 6
            yield Item(text(block.text, cell, cell), True, False, keep_with_next=True)
    elif isinstance(block, Paragraph):
        yield Item(runs_text(block.runs, 2, 0))
    elif isinstance(block, ListBlock):
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else ""
            for index, part in enumerate(item):
                if index == 0 and isinstance(part, Paragraph):
                    yield Item(runs_text(part.runs, 0, 2, marker))
                else:
                    yield from block_items(part)
    elif isinstance(block, Callout):
        title = f"{block.label}: {block.title}" if block.title else block.label
        yield Item((brf.TOP_BOX * WIDTH,), True, False, keep_with_next=True)
        yield Item(text(title, 4, 4), keep_with_next=True)  # a heading: cell 5, runovers too
        for inner in block.blocks:
            yield from block_items(inner)
        yield Item((brf.BOTTOM_BOX * WIDTH,), False, True)
    elif isinstance(block, Table):
        for row in block.rows:
            cells = "; ".join(f"{plain(h, citations='drop')}: {plain(c, citations='drop')}"
                              for h, c in zip(block.header, row, strict=False))
            yield Item(text(cells, 0, 2))
    elif isinstance(block, Image):
        yield Item(text(f"Picture: {block.alt}" + (f" {block.caption}" if block.caption
                                                     else ""), 2, 0))
    elif isinstance(block, Notes):
        for inner in block.blocks:
            yield from block_items(inner)
    elif isinstance(block, Lines):
        for line in block.lines:
            yield Item(text(line, 0, 2))
    elif isinstance(block, Definitions):
        for term, meaning in block.entries:
            yield Item(text(f"{term}: {meaning}", 0, 2))
    elif isinstance(block, References):
        for number, words, url in block.entries:
            yield Item(text(f"{number}. {words} {url}".strip(), 0, 2))


def document_items(doc: Document) -> Iterator[Item]:
    """The whole leaflet as laid-out pieces, in reading order."""
    yield Item(centred(brf.to_brf(doc.title)), False, True)
    if doc.subtitle:
        yield Item(centred(brf.to_brf(doc.subtitle)), False, True)
    for notice in doc.notices:
        yield Item(text(notice, 2, 0), False, True)
    for part in doc.parts:
        yield from block_items(Heading(part.level, part.heading))
        for block in part.blocks:
            yield from block_items(block)


def kept_lines(items: list[Item], index: int) -> int:
    """Lines that must share a page: a heading (or box top) with two lines of what follows."""
    need = 0
    while index < len(items) and items[index].keep_with_next:
        need += len(items[index].lines)
        index += 1
    if index < len(items):
        need += min(len(items[index].lines), 2) if need else len(items[index].lines[:1])
    return min(need, BODY_LINES)


def paginate(items: list[Item]) -> list[list[str]]:
    """Pages of at most 24 body lines; no blank line at a page's top; headings kept."""
    pages: list[list[str]] = [[]]
    for index, item in enumerate(items):
        page = pages[-1]
        need = (1 if item.space_before and page else 0) + kept_lines(items, index)
        if page and len(page) + need > BODY_LINES:
            page = []
            pages.append(page)
        if item.space_before and page and page[-1]:
            page.append("")
        for line in item.lines:
            if len(page) == BODY_LINES:
                page = []
                pages.append(page)
            page.append(line)
        if item.space_after and len(page) < BODY_LINES:
            page.append("")
    return [page for page in pages if any(page)]


def with_numbers(pages: list[list[str]]) -> bytes:
    """Add the page number at the top right of line 1 and join pages with form feeds."""
    out = []
    for number, page in enumerate(pages, start=1):
        while page and not page[-1]:
            page.pop()
        label = brf.to_brf(str(number))
        lines = [label.rjust(WIDTH), *page]
        out.append("".join(line.rstrip() + brf.LINE_END for line in lines))
    return brf.PAGE_END.join(out).encode("ascii") + brf.PAGE_END.encode("ascii")


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="braille",
    in_list="braille (a BRF file for a braille display or embosser)",
    described="Braille file (BRF), for braille displays and embossers",
)


@dataclass(frozen=True)
class Braille(OneFile):
    """The leaflet in Unified English Braille grade 2, as a BRF file."""

    name: str = "braille"
    media_type: str = "application/x-brf"
    reader_names: ReaderNames | None = READER_NAMES
    file: str = "braille.brf"

    def render(self, job: RenderJob) -> Rendered:
        """Translate every block with liblouis, lay it out and paginate."""
        pages = paginate(list(document_items(document_for(job))))
        return Rendered(self.name, job.edition.name, self.file, self.media_type,
                        with_numbers(pages), len(pages))
