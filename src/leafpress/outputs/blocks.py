"""The typed blocks of the shared document model that the one-file formats walk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from leafpress.content.governance import dates_lines


@dataclass(frozen=True)
class Run:
    """A stretch of inline text, or a citation when ``citation`` is set."""

    text: str
    strong: bool = False
    emphasis: bool = False
    citation: tuple[int, ...] = ()
    """Reference numbers; the run's text is then empty and each format decides."""
    href: str | None = None
    lang: str | None = None


Runs = tuple[Run, ...]


def other_language(run: Run) -> str | None:
    """A run's language tag (``[..]{lang=fr}``) when it is not English, else None."""
    if not run.lang or run.lang.lower().split("-")[0] == "en":  # "" from a span with no lang
        return None
    return run.lang


def plain(runs: Runs, citations: str = "brackets", links: bool = False) -> str:
    """The runs as one line of text.

    ``citations`` is "brackets" (``[1, 2]``), "drop" (left out, with the space before
    them), or "source" ("(source 1)", for reading aloud). With ``links``, a link's
    address follows its words when they differ.
    """
    out = ""
    for index, run in enumerate(runs):
        if not run.citation:
            out += run.text
            following = runs[index + 1].href if index + 1 < len(runs) else None
            if links and run.href and following != run.href and run.href not in out[-200:]:
                out += f" ({run.href.removeprefix('mailto:').removeprefix('tel:')})"
            continue
        numbers = ",".join(str(n) for n in run.citation)
        if citations == "drop":
            out = out.rstrip()
        elif citations == "source":
            word = "sources" if len(run.citation) > 1 else "source"
            out += f" ({word} {numbers.replace(',', ' and ')})"
        else:
            out += f" [{numbers}]"
    return " ".join(out.split())


@dataclass(frozen=True)
class Heading:
    """A heading: 1 is the leaflet title, 2 a section, 3 and below inside sections."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline runs."""

    runs: Runs


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class Callout:
    """A boxed note: "urgent" boxes must stay marked as urgent in every format."""

    kind: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def label(self) -> str:
        """The word that marks the box in any format ("Urgent", "Tip", "Information")."""
        return {"urgent": "Urgent", "tip": "Tip", "info": "Information"}.get(
            self.kind, self.kind.title())


@dataclass(frozen=True)
class Table:
    """A table with one header row."""

    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]


@dataclass(frozen=True)
class Image:
    """A picture with its alt text (always present: loading rejects images without)."""

    path: Path
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Notes:
    """Space for the reader's own notes (ruled lines in print), after any blocks it has."""

    lines: int
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Lines:
    """Short lines that belong together, such as an address."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Definitions:
    """Terms and their meanings (the glossary)."""

    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class References:
    """The numbered reference list: (number, text, url or "")."""

    entries: tuple[tuple[int, str, str], ...]


Block = (Heading | Paragraph | ListBlock | Callout | Table | Image | Notes | Lines | Definitions
         | References)


@dataclass(frozen=True)
class Part:
    """One section of the document: a heading and its blocks, in reading order."""

    heading: str
    level: int
    blocks: tuple[Block, ...]
    kind: str = "section"
    """"section" for the leaflet's own sections; "glossary" or "about" after them."""
    anchor: str = ""


@dataclass(frozen=True)
class Document:
    """A leaflet as the one-file formats see it: front matter, parts, footer facts."""

    title: str
    subtitle: str
    language: str
    notices: tuple[str, ...]
    parts: tuple[Part, ...]
    publisher: str
    reviewed: str
    next_review: str
    product: str
    draft: bool
    formats: tuple[str, ...] = field(default=())

    @property
    def footer(self) -> str:
        """The line in every page footer: the dates (a draft's as a draft) and product code."""
        return " ".join((*dates_lines(self.draft, self.reviewed, self.next_review), self.product))

    def sections(self) -> list[Part]:
        """The leaflet's own sections, without the end matter."""
        return [part for part in self.parts if part.kind == "section"]
