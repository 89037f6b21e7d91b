"""Plain text: UTF-8, underlined headings, lists kept, wrapped at 72 for pasting into email."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

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
    Table,
    plain,
)
from leafpress.outputs.naming import ReaderNames
from leafpress.outputs.one_file import OneFile, document_for

WIDTH = 72
UNDERLINES = {1: "=", 2: "-", 3: "~"}
"""Headings are underlined with ``=``, ``-`` and ``~`` by level; deeper ones with ``.``."""
BOX_MARKS = {"urgent": "!! "}
"""Every line of an urgent box starts with these marks, so it survives any mail reader."""


def wrap(text: str, first: str = "", rest: str = "", width: int = WIDTH) -> list[str]:
    """Wrap ``text`` with a first-line and a following-line prefix; long words are kept."""
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def heading(text: str, level: int, prefix: str = "") -> list[str]:
    """A heading, wrapped, with a line of ``=``, ``-`` or ``~`` under it."""
    lines = wrap(text, prefix, prefix)
    mark = UNDERLINES.get(level, ".")
    return [*lines, prefix + mark * max(len(line) - len(prefix) for line in lines)]


def blocks_text(blocks: tuple[Block, ...], prefix: str = "") -> Iterator[str]:
    """Lines for a run of blocks, each block followed by a blank line."""
    for block in blocks:
        yield from block_text(block, prefix)


def block_text(block: Block, prefix: str) -> Iterator[str]:
    """Lines for one block (then a blank line)."""
    blank = prefix.rstrip()
    if isinstance(block, Heading):
        yield from heading(block.text, block.level, prefix)
    elif isinstance(block, Paragraph):
        yield from wrap(plain(block.runs, links=True), prefix, prefix)
    elif isinstance(block, ListBlock):
        yield from list_text(block, prefix)
        return
    elif isinstance(block, Callout):
        marks = BOX_MARKS.get(block.kind, "| ")
        inner = prefix + marks
        title = f"{block.label.upper()}: {block.title}" if block.title else block.label.upper()
        yield from wrap(title, inner, inner)
        yield inner.rstrip()
        lines = list(blocks_text(block.blocks, inner))
        while lines and lines[-1] == inner.rstrip():
            lines.pop()
        yield from lines
    elif isinstance(block, Table):
        for row in block.rows:
            cells = [f"{plain(h)}: {plain(c)}" for h, c in zip(block.header, row, strict=False)]
            yield from wrap("; ".join(cells), prefix + "- ", prefix + "  ")
    elif isinstance(block, Image):
        yield from wrap(f"[Picture: {block.alt}]" + (f" {block.caption}" if block.caption
                                                       else ""), prefix, prefix)
    elif isinstance(block, Notes):
        yield from blocks_text(block.blocks, prefix)
        yield from (prefix + "_" * 40 for _ in range(min(block.lines, 3)))
    elif isinstance(block, Lines):
        for line in block.lines:
            yield from wrap(line, prefix, prefix + "  ")
    elif isinstance(block, Definitions):
        for term, meaning in block.entries:
            yield prefix + term
            yield from wrap(meaning, prefix + "    ", prefix + "    ")
            yield blank
        return
    elif isinstance(block, References):
        for number, text, url in block.entries:
            label = f"[{number}] "
            yield from wrap(text, prefix + label, prefix + " " * len(label))
            if url:
                yield prefix + " " * len(label) + url
        yield blank
        return
    yield blank


def list_text(block: ListBlock, prefix: str) -> Iterator[str]:
    """A list with ``- `` or ``1. `` markers and hanging indents; nested lists indent."""
    for index, item in enumerate(block.items, start=block.start):
        marker = f"{index}. " if block.ordered else "- "
        hang = prefix + " " * len(marker)
        first = True
        for part in item:
            if first and isinstance(part, Paragraph):
                yield from wrap(plain(part.runs, links=True), prefix + marker, hang)
            else:
                lines = [line for line in block_text(part, hang) if line.strip()]
                yield from lines
            first = False
    yield prefix.rstrip()


def document_text(doc: Document) -> str:
    """The whole leaflet as plain text."""
    lines = heading(doc.title, 1)
    if doc.subtitle:
        lines += [*wrap(doc.subtitle)]
    lines.append("")
    for notice in doc.notices:
        lines += [*wrap(notice, "!! ", "!! "), ""]
    for part in doc.parts:  # two blank lines before a section, one before a part within it
        lines += ["", *heading(part.heading, part.level), ""] if part.level <= 2 else [
            *heading(part.heading, part.level), ""]
        lines += blocks_text(part.blocks)
    lines += ["", *wrap(doc.footer)]
    text = "\n".join(line.rstrip() for line in lines)
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text.strip() + "\n"


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="plain text",
    in_list="plain text",
    described="Plain text",
)


@dataclass(frozen=True)
class PlainText(OneFile):
    """The leaflet as UTF-8 plain text: the file a nurse pastes into an email."""

    name: str = "text"
    media_type: str = "text/plain; charset=utf-8"
    reader_names: ReaderNames | None = READER_NAMES
    file: str = "text.txt"

    def render(self, job: RenderJob) -> Rendered:
        """Walk the document model into wrapped lines."""
        data = document_text(document_for(job)).encode("utf-8")
        return Rendered(self.name, job.edition.name, self.file, self.media_type, data, 0)


def check(data: bytes) -> list[str]:
    """Every way ``data`` breaks the plain-text rules: UTF-8, 72 columns, underlined headings."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return [f"byte {error.start}: not UTF-8"]
    problems = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if len(line) > WIDTH and " " in line.strip():
            problems.append(f"line {number}: {len(line)} characters (at most {WIDTH})")
        if "\r" in line or "\t" in line:
            problems.append(f"line {number}: a tab or carriage return")
    if len(lines) < 2 or set(lines[1]) != {UNDERLINES[1]}:
        problems.append("line 2: the title is not underlined with '='")
    return problems
