"""Registries of variants, papers and formats: each name maps to a function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: Paper sizes in millimetres (width, height).
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}


@dataclass(frozen=True)
class Presentation:
    """How one variant looks: paper, stylesheets and minimum text size."""

    variant: str
    paper: str
    stylesheets: tuple[str, ...]
    min_text_pt: float
    label: str


def standard(paper: str) -> Presentation:
    """Clear print (14pt body, never under 12pt) on the leaflet's own paper."""
    return Presentation("standard", paper, ("base.css", "standard.css"), 12.0, "")


def large_print(paper: str) -> Presentation:
    """UKAAF large print: 18pt body, 16pt minimum everywhere, always on A4."""
    del paper  # large print is A4 whatever the standard paper is
    return Presentation("large-print", "A4", ("base.css", "large-print.css"), 16.0, "Large print")


VARIANTS: dict[str, Callable[[str], Presentation]] = {
    "standard": standard,
    "large-print": large_print,
}


@dataclass(frozen=True)
class Layout:
    """How one format is put together."""

    format: str
    stylesheet: str
    covers: bool
    pad_to_multiple: int
    imposed: bool


def leaflet(paper: str) -> Layout:
    """A handout: pages in reading order, printed single or double sided."""
    del paper
    return Layout("leaflet", "leaflet.css", covers=False, pad_to_multiple=1, imposed=False)


def booklet(paper: str) -> Layout:
    """A saddle-stitched booklet: covers, contents, pages padded to a multiple of 4."""
    del paper
    return Layout("booklet", "booklet.css", covers=True, pad_to_multiple=4, imposed=True)


FORMATS: dict[str, Callable[[str], Layout]] = {"leaflet": leaflet, "booklet": booklet}
