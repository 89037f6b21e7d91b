"""Word: python-docx with real heading styles, real lists, alt text, title, language, footer."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from leafpress.errors import BuildError
from leafpress.outputs import docx_parts, word_style
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
    Runs,
    Table,
)
from leafpress.outputs.naming import ReaderNames
from leafpress.outputs.one_file import OneFile, document_for

RASTER = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
"""Pictures Word takes as they are; others (SVG) are described in words instead."""


class Writer:
    """Adds the document model's blocks to a python-docx document."""

    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.level = 1
        """The level of the last heading written: a box's title is a heading below it."""

    def heading(self, text: str, level: int, kind: str = "", *, box_title: bool = False) -> Any:
        """A heading at ``level``; a box's title does not change the level boxes go under."""
        paragraph = self.docx.add_heading(text, min(level, 9))
        if kind:
            docx_parts.box(paragraph, kind)
        if not box_title:
            self.level = level
        return paragraph

    def runs(self, paragraph: Any, runs: Runs) -> None:
        for index, run in enumerate(runs):
            text = run.text
            if index + 1 < len(runs) and runs[index + 1].citation:
                text = text.rstrip()
            if run.citation:  # full size, in brackets: "2022 [4]", never "20224"
                paragraph.add_run(f" [{','.join(str(n) for n in run.citation)}]")
            elif run.href and not run.href.startswith("#"):
                docx_parts.add_link(paragraph, text, run.href)
            else:
                added = paragraph.add_run(text)
                added.bold = run.strong or run.emphasis or None  # clear print: no italics
                if run.lang:
                    docx_parts.set_run_language(added, run.lang)

    def para(self, runs: Runs, style: str | None = None, kind: str = "") -> Any:
        paragraph = self.docx.add_paragraph(style=style)
        self.runs(paragraph, runs)
        if kind:
            docx_parts.box(paragraph, kind)
        return paragraph

    def text(self, text: str, style: str | None = None, kind: str = "",
             bold: bool = False) -> Any:
        paragraph = self.docx.add_paragraph(style=style)
        paragraph.add_run(text).bold = bold or None
        if kind:
            docx_parts.box(paragraph, kind)
        return paragraph

    def blocks(self, blocks: tuple[Block, ...], kind: str = "", depth: int = 0) -> None:
        for block in blocks:
            self.block(block, kind, depth)

    def block(self, block: Block, kind: str = "", depth: int = 0) -> None:
        if isinstance(block, Heading):
            self.heading(block.text, block.level, kind)
        elif isinstance(block, Paragraph):
            self.para(block.runs, kind=kind)
        elif isinstance(block, ListBlock):
            self.list(block, kind, depth)
        elif isinstance(block, Callout):  # its title is a heading, found in the navigation pane
            self.heading(f"{block.label}: {block.title}" if block.title else block.label,
                         self.level + 1, block.kind, box_title=True)
            self.blocks(block.blocks, block.kind, depth)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Image):
            self.image(block, kind)
        elif isinstance(block, Notes):
            self.blocks(block.blocks, kind, depth)
        elif isinstance(block, Lines):
            paragraph = self.docx.add_paragraph()
            for index, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if index < len(block.lines) - 1:
                    run.add_break()
        elif isinstance(block, Definitions):
            for term, meaning in block.entries:
                self.text(term, bold=True).paragraph_format.keep_with_next = True
                self.text(meaning).paragraph_format.left_indent = 360000
        elif isinstance(block, References):
            for number, words, url in block.entries:
                paragraph = self.text(f"{number}. {words}")
                if url:
                    paragraph.add_run(" ")
                    docx_parts.add_link(paragraph, url, url)

    def list(self, block: ListBlock, kind: str, depth: int) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
        for number, item in enumerate(block.items):
            for index, part in enumerate(item):
                if index == 0 and isinstance(part, Paragraph):
                    paragraph = self.para(part.runs, style=style, kind=kind)
                    if block.ordered and number == 0 and depth == 0:
                        docx_parts.restart_numbering(self.docx, paragraph, block.start)
                else:
                    self.block(part, kind, depth + 1)

    def table(self, block: Table) -> None:
        table = self.docx.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = "Table Grid"
        for row_index, row in enumerate((block.header, *block.rows)):
            for cell, runs in zip(table.rows[row_index].cells, row, strict=False):
                self.runs(cell.paragraphs[0], runs)
        docx_parts.header_row(table)

    def image(self, block: Image, kind: str) -> None:
        if block.path.suffix.lower() in RASTER and block.path.is_file():
            try:
                shape = self.docx.add_picture(str(block.path))
            except Exception as error:  # python-docx raises many types for a broken image
                raise BuildError.single(
                    f"the picture cannot be put in the Word file: {type(error).__name__}",
                    path=block.path,
                    hint="Open it in an image program and export it again as PNG or JPEG.",
                ) from None
            docx_parts.alt_text(shape, block.alt)
        else:
            self.text(f"Picture: {block.alt}", kind=kind)
        if block.caption:
            self.text(block.caption, style="Caption")


def build(doc: Document, when: dt.date) -> bytes:
    """The leaflet as a .docx file."""
    import docx

    word = docx.Document()
    properties = word.core_properties
    properties.title = doc.title
    properties.subject = doc.subtitle
    properties.author = doc.publisher
    properties.last_modified_by = "leafpress"
    properties.comments = doc.footer
    moment = dt.datetime(when.year, when.month, when.day)
    properties.created = properties.modified = moment
    properties.revision = 1
    docx_parts.set_language(word, doc.language)
    docx_parts.drop_template_leftovers(word, doc.publisher)
    word_style.apply(word)
    writer = Writer(word)
    writer.heading(doc.title, 1)
    if doc.subtitle:
        writer.text(doc.subtitle, style="Subtitle")
    for notice in doc.notices:
        writer.text(notice, kind="urgent", bold=True)
    for part in doc.parts:
        writer.heading(part.heading, part.level)
        writer.blocks(part.blocks)
    footer = word.sections[0].footer.paragraphs[0]
    footer.text = doc.footer
    out = io.BytesIO()
    word.save(out)
    return docx_parts.fixed_zip(out.getvalue(), when)


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="a Word document",
    in_list="Word document",
    described="Word document",
)


@dataclass(frozen=True)
class Word(OneFile):
    """The leaflet as a Word document, for people who edit or enlarge it themselves."""

    name: str = "word"
    media_type: str = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    file: str = "word.docx"
    reader_names: ReaderNames | None = READER_NAMES

    def render(self, job: RenderJob) -> Rendered:
        """Write the document model with python-docx; dated by the review date."""
        data = build(document_for(job), job.selection.reviewed)
        return Rendered(self.name, job.edition.name, self.file, self.media_type, data, 0)
