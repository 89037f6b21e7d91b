"""A leaflet's selection as a typed document model, read once by every one-file format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from markdown_it.token import Token

from leafpress.content import markdown
from leafpress.content.long_dates import long_date
from leafpress.content.selection import Selection
from leafpress.outputs import wording
from leafpress.outputs.blocks import (
    Block,
    Callout,
    Document,
    Heading,
    Image,
    ListBlock,
    Notes,
    Paragraph,
    Part,
    Run,
    Runs,
    Table,
)
from leafpress.outputs.end_matter import end_parts


def inline_runs(token: Token, numbers: dict[str, int]) -> Runs:
    """An inline token's children as runs: emphasis, links, languages and citations kept."""
    runs: list[Run] = []
    strong = emphasis = 0
    hrefs: list[str] = []
    langs: list[str] = []

    def add(text: str) -> None:
        runs.append(Run(text, strong=strong > 0, emphasis=emphasis > 0,
                        href=hrefs[-1] if hrefs else None, lang=langs[-1] if langs else None))

    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            add(" ")
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "link_open":
            hrefs.append(str(child.attrGet("href") or ""))
        elif kind == "link_close" and hrefs:
            hrefs.pop()
        elif kind == "span_open":
            langs.append(str(child.attrGet("lang") or ""))
        elif kind == "span_close" and langs:
            langs.pop()
        elif kind == "citation":
            cited = tuple(sorted({numbers[key] for key in child.meta["keys"] if key in numbers}))
            runs.append(Run("", citation=cited))
        elif kind == "image":
            add("".join(c.content for c in child.children or []))
    return tuple(runs)


class _Walker:
    """Turns one section's tokens into blocks (recursively for lists and boxes)."""

    def __init__(self, tokens: list[Token], numbers: dict[str, int], section_path: Path,
                 heading_offset: int) -> None:
        self.tokens = tokens
        self.numbers = numbers
        self.section_path = section_path
        self.offset = heading_offset
        self.index = 0

    def blocks(self, until: str | None = None) -> tuple[Block, ...]:
        found: list[Block] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            if until is not None and token.type == until:
                self.index += 1
                break
            found.extend(self._block(token))
        return tuple(found)

    def _skip_to(self, kind: str) -> None:
        while self.index < len(self.tokens) and self.tokens[self.index].type != kind:
            self.index += 1
        self.index += 1

    def _block(self, token: Token) -> Iterator[Block]:
        kind = token.type
        self.index += 1
        if kind == "heading_open":
            text = markdown_text(self.tokens[self.index])
            self._skip_to("heading_close")
            yield Heading(min(int(token.tag[1]) + self.offset, 6), text)
        elif kind == "paragraph_open":
            inline = self.tokens[self.index]
            self._skip_to("paragraph_close")
            yield from self._paragraph(inline)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            yield self._list(token)
        elif kind.startswith("container_") and kind.endswith("_open"):
            name = kind[len("container_"):-len("_open")]
            close = f"container_{name}_close"
            if name == "notes":
                match = markdown._NOTES_INFO.match(token.info.strip())
                lines = int(match.group(1)) if match and match.group(1) else 6
                yield Notes(lines, self.blocks(until=close))
            else:
                title = token.info.strip()[len(name):].strip()
                yield Callout(name, title, self.blocks(until=close))
        elif kind == "table_open":
            yield self._table()
        elif kind in ("fence", "code_block", "html_block"):
            yield Paragraph((Run(token.content.strip()),))
        elif kind == "blockquote_open":
            yield from self.blocks(until="blockquote_close")

    def _paragraph(self, inline: Token) -> Iterator[Block]:
        children = [c for c in inline.children or []
                    if not (c.type == "text" and not c.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            image = children[0]
            yield Image((self.section_path.parent / str(image.attrGet("src"))).resolve(),
                        "".join(c.content for c in image.children or []),
                        str(image.attrGet("title") or ""))
        else:
            yield Paragraph(inline_runs(inline, self.numbers))

    def _list(self, opening: Token) -> ListBlock:
        ordered = opening.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items: list[tuple[Block, ...]] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            self.index += 1
            if token.type == close:
                break
            if token.type == "list_item_open":
                items.append(self.blocks(until="list_item_close"))
        start = int(opening.attrGet("start") or 1) if ordered else 1
        return ListBlock(ordered, tuple(items), start)

    def _table(self) -> Table:
        rows: list[tuple[Runs, ...]] = []
        row: list[Runs] = []
        while self.index < len(self.tokens):
            token = self.tokens[self.index]
            self.index += 1
            if token.type == "table_close":
                break
            if token.type == "inline":
                row.append(inline_runs(token, self.numbers))
            elif token.type == "tr_close":
                rows.append(tuple(row))
                row = []
        return Table(rows[0] if rows else (), tuple(rows[1:]))


def markdown_text(inline: Token) -> str:
    """The plain text of an inline token (a heading's words)."""
    return " ".join("".join(c.content for c in inline.children or []
                            if c.type in ("text", "code_inline", "softbreak")).split())


def section_blocks(body: str, numbers: dict[str, int], section_path: Path,
                   level: int) -> tuple[Block, ...]:
    """A section body's blocks, its headings shifted to sit under a level-``level`` heading."""
    return _Walker(markdown.parse(body), numbers, section_path, level - 1).blocks()


def build(selection: Selection, formats: tuple[str, ...], under_review: bool = False) -> Document:
    """The document model of one leaflet: the same facts every format must carry."""
    definition = selection.leaflet.definition
    language = definition.language
    parts = [
        Part(section.heading, section.level,
             section_blocks(section.source.body, section.citation_numbers,
                            section.source.path, section.level),
             anchor=section.anchor)
        for section in selection.sections
    ]
    parts.extend(end_parts(selection, formats))
    publisher = selection.leaflet.publisher
    return Document(
        title=definition.title,
        subtitle=definition.subtitle,
        language=language,
        notices=wording.notices(selection, under_review),
        parts=tuple(parts),
        publisher=publisher.organisation,
        reviewed=long_date(selection.reviewed, language),
        next_review=long_date(selection.next_review, language),
        product=f"{definition.product_code}, version {definition.version}.",
        draft=selection.draft,
        formats=formats,
    )
