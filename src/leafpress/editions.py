"""Typed registries of papers, layouts and editions: the one home of "A4" and "16 pt"."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paper:
    """A sheet size in millimetres."""

    name: str
    width_mm: float
    height_mm: float

    @property
    def css_size(self) -> str:
        """The size as CSS's ``@page { size: … }`` wants it."""
        return f"{self.width_mm:g}mm {self.height_mm:g}mm"


PAPERS: dict[str, Paper] = {
    "A4": Paper("A4", 210.0, 297.0),
    "A5": Paper("A5", 148.0, 210.0),
}


@dataclass(frozen=True)
class Layout:
    """How a leaflet is put together: a handout, or a saddle-stitched booklet."""

    name: str
    stylesheet: str
    covers: bool
    pad_to_multiple: int
    imposed: bool
    """Whether the edition also gets an imposed print file (sheets to fold and staple)."""


#: The ``format:`` key of a definition chooses one of these.
LAYOUTS: dict[str, Layout] = {
    # A handout: pages in reading order, printed single or double sided.
    "leaflet": Layout("leaflet", "leaflet.css", covers=False, pad_to_multiple=1, imposed=False),
    # A booklet: covers, contents, pages padded to a multiple of 4, imposed for printing.
    "booklet": Layout("booklet", "booklet.css", covers=True, pad_to_multiple=4, imposed=True),
}


@dataclass(frozen=True)
class Edition:
    """Everything about one edition: its paper, text sizes, stylesheets and furniture."""

    name: str
    label: str
    """Printed on the page ("Large print"); empty for the standard edition."""
    stylesheets: tuple[str, ...]
    body_pt: float
    min_text_pt: float
    """The smallest text drawn anywhere, furniture included; the audit holds PDFs to it."""
    fixed_paper: Paper | None
    """The paper every leaflet gets in this edition, or None for the leaflet's own paper."""
    large_print: bool
    """Whether the audit applies the UKAAF large-print checks (size floor, A4, no italics)."""
    primary: bool = False
    """The edition that one-file formats (web page, EPUB, braille, text, Word, audio) use."""
    notes_lines: dict[str, int] = field(default_factory=dict)
    """Ruled lines on a booklet's notes page, by paper name."""
    wide_footer_papers: tuple[str, ...] = ()
    """Papers on which the footer fits on one line."""

    def paper_for(self, paper_name: str) -> Paper:
        """The paper a leaflet asking for ``paper_name`` is printed on in this edition."""
        return self.fixed_paper or PAPERS[paper_name]


STANDARD = Edition(
    name="standard",
    label="",
    stylesheets=("base.css", "standard.css"),
    body_pt=14.0,
    min_text_pt=12.0,
    fixed_paper=None,
    large_print=False,
    primary=True,
    notes_lines={"A4": 20, "A5": 15},
    wide_footer_papers=("A4",),
)

#: UKAAF large print: 18pt body, 16pt minimum everywhere, always on A4.
LARGE_PRINT = Edition(
    name="large-print",
    label="Large print",
    stylesheets=("base.css", "large-print.css"),
    body_pt=18.0,
    min_text_pt=16.0,
    fixed_paper=PAPERS["A4"],
    large_print=True,
    notes_lines={"A4": 14},
)

EDITIONS: dict[str, Edition] = {edition.name: edition for edition in (STANDARD, LARGE_PRINT)}


def large_print_edition() -> Edition:
    """The edition whose rules the large-print audit checks any PDF against."""
    return next(edition for edition in EDITIONS.values() if edition.large_print)


def primary_edition() -> Edition:
    """The edition used when none is named, and by one-file formats."""
    return next(edition for edition in EDITIONS.values() if edition.primary)
