"""Reading booklet PDFs for the tests: page text, outline pages, contents, figures, sheet halves."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf

from leafpress.pdfua.structure import iter_marked_content, iter_struct_elements, page_indices

FOOTER = re.compile(r"Page (\d+) of (\d+)")
CONTENTS_ENTRY = re.compile(r"^\s*(?P<title>\S.*?)\s*(?:\.\s*){3,}(?P<page>\d+)\s*$")
"""A contents line: the entry, a dot leader, the page number."""
PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})


def page_texts(path: Path) -> list[str]:
    """The text of each page, as poppler lays it out (one pdftotext call).

    No-break spaces (which hold a heading's last two words together) read as spaces.
    """
    output = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return output.replace("\N{NO-BREAK SPACE}", " ").split("\f")[:-1]


def lines(text: str) -> list[str]:
    """The non-blank lines of a page's text, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def footer_page(text: str) -> tuple[int, int] | None:
    """(page, of) from the running footer on a page's text, or None without a footer."""
    match = FOOTER.search(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def contents_entries(text: str) -> list[tuple[str, int]]:
    """(entry, printed page number) for each dot-leader line of a contents page's text."""
    return [
        (match.group("title"), int(match.group("page")))
        for line in text.splitlines()
        if (match := CONTENTS_ENTRY.match(line))
    ]


def outline_pages(pdf: pikepdf.Pdf) -> list[tuple[str, int]]:
    """(title, one-based page) of every bookmark (WeasyPrint makes them from headings)."""
    indices = page_indices(pdf)
    found: list[tuple[str, int]] = []

    def walk(items: list[pikepdf.OutlineItem]) -> None:
        for item in items:
            destination = item.destination
            if isinstance(destination, pikepdf.Array) and len(destination):
                title = item.title.replace("\N{NO-BREAK SPACE}", " ")
                found.append((title, indices[destination[0].objgen] + 1))
            walk(item.children)

    with pdf.open_outline() as outline:
        walk(outline.root)
    return found


def misnumbered(entries: list[tuple[str, int]], landed: dict[str, int]) -> list[str]:
    """Contents entries whose printed page is not where their heading landed."""
    return [
        f"{title}: printed {printed}, heading on page {landed.get(title)}"
        for title, printed in entries
        if landed.get(title) != printed
    ]


def figures_on_page(pdf: pikepdf.Pdf, index: int) -> list[pikepdf.Dictionary]:
    """The Figure elements whose page is the zero-based ``index``."""
    page = pdf.pages[index].obj
    return [
        node.element
        for node in iter_struct_elements(pdf)
        if node.type == "Figure" and node.page is not None and node.page.objgen == page.objgen
    ]


def painting_outside_artifacts(page: pikepdf.Page) -> list[int]:
    """Instruction indices of path painting that is not inside an Artifact."""
    return [
        op.index
        for op in iter_marked_content(page)
        if op.operator in PATH_PAINTING and not op.in_artifact
    ]


def painting_in_artifacts(page: pikepdf.Page) -> int:
    """How many path-painting instructions are inside Artifacts."""
    return sum(
        1 for op in iter_marked_content(page) if op.operator in PATH_PAINTING and op.in_artifact
    )


def half_text(path: Path, side: int, right: bool) -> str:
    """The text on the left or right half of one sheet side (zero-based) of a print file."""
    with pikepdf.open(path) as pdf:
        box = pdf.pages[side].mediabox
        width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
    half = int(width / 2)
    command = [
        "pdftotext", "-f", str(side + 1), "-l", str(side + 1), "-r", "72",
        "-x", str(half if right else 0), "-y", "0", "-W", str(half), "-H", str(int(height)),
        "-layout", str(path), "-",
    ]  # fmt: skip
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def sides(path: Path) -> Iterator[tuple[str, str]]:
    """(left half text, right half text) of each sheet side, in printing order."""
    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
    for side in range(count):
        yield half_text(path, side, right=False), half_text(path, side, right=True)


def folded_reading_order(halves: list[tuple[int, int]]) -> list[int]:
    """The page order of the folded, nested sheets, from (left, right) page numbers per side.

    Sides come in printing order: sheet 1 front, sheet 1 back, sheet 2 front, ...; sheet 1
    is the outside one. Opened like a book, the first half of the booklet is each sheet's
    front right then back left, outside in; the second half is each sheet's back right
    then front left, inside out.
    """
    fronts, backs = halves[0::2], halves[1::2]
    first = [
        page for front, back in zip(fronts, backs, strict=True) for page in (front[1], back[0])
    ]
    second = [
        page
        for front, back in reversed(list(zip(fronts, backs, strict=True)))
        for page in (back[1], front[0])
    ]
    return first + second
