"""Sheet sizes, trim, bleed and page positions for two-up imposition, in PDF points."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

POINTS_PER_MM = 72 / 25.4

ISO_A_SIZES_MM: dict[str, tuple[float, float]] = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
}
"""ISO 216 A sizes, (short, long) edge in millimetres."""

SNAP_TOLERANCE_MM = 2.0
"""A two-page spread this close to (and no larger than) an ISO size is printed on it."""

MARK_GAP_MM = 2.0
"""Gap between the bleed edge and the start of each crop or fold mark."""

MARK_LENGTH_MM = 5.0
SLUG_PAD_MM = 2.0
"""Paper left between the outer end of the marks and the media edge."""

SIZE_TOLERANCE_PT = 0.01

SRA_SIZES_MM: dict[str, tuple[float, float]] = {"SRA4": (225, 320), "SRA3": (320, 450)}
"""ISO 217 oversize sheets a print shop runs, (short, long) edge in millimetres."""

MIN_MARK_LENGTH_MM = 2.0
"""Crop marks are shortened to fit an SRA sheet, but never below this."""


def mm(value: float) -> float:
    """Millimetres to PDF points."""
    return value * POINTS_PER_MM


def pdf_number(value: float) -> str:
    """A number for a content stream: at most 4 decimals, no trailing zeros, no -0."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: lower-left (x0, y0) to upper-right (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def from_pdf(cls, values: Iterable[object]) -> Box:
        """A box from a PDF rectangle array, normalised so that x0 <= x1 and y0 <= y1."""
        a, b, c, d = (float(v) for v in values)  # type: ignore[arg-type]
        return cls(min(a, c), min(b, d), max(a, c), max(b, d))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def grown(self, left: float, bottom: float, right: float, top: float) -> Box:
        """This box with each edge moved outwards by the given amount."""
        return Box(self.x0 - left, self.y0 - bottom, self.x1 + right, self.y1 + top)

    def shifted(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    def intersection(self, other: Box) -> Box:
        return Box(
            max(self.x0, other.x0),
            max(self.y0, other.y0),
            min(self.x1, other.x1),
            min(self.y1, other.y1),
        )

    def as_pdf(self) -> list[float]:
        """The box as a PDF rectangle, rounded so the output is stable across platforms."""
        return [round(v, 4) for v in (self.x0, self.y0, self.x1, self.y1)]


def sheet_size_for(page_width: float, page_height: float) -> tuple[float, float]:
    """The (width, height) of a sheet that holds two pages side by side, in points.

    The sheet is the two-page spread, snapped up to the ISO A size (landscape) when it
    is within SNAP_TOLERANCE_MM of one: two A5 pages (2 x 148 mm) go on A4 (297 mm),
    two A4 pages on A3. Otherwise it is exactly the spread.
    """
    spread_width, spread_height = 2 * page_width, page_height
    tolerance = mm(SNAP_TOLERANCE_MM)
    for short_mm, long_mm in ISO_A_SIZES_MM.values():
        width, height = mm(long_mm), mm(short_mm)
        extra_width, extra_height = width - spread_width, height - spread_height
        if -SIZE_TOLERANCE_PT <= extra_width <= tolerance and (
            -SIZE_TOLERANCE_PT <= extra_height <= tolerance
        ):
            return width, height
    return spread_width, spread_height


@dataclass(frozen=True)
class SheetLayout:
    """Where everything goes on one side of a sheet (front and back share a layout)."""

    media: Box
    trim: Box
    """The folded sheet's trim: both pages, spine in the middle."""
    bleed: float
    """Bleed in points, beyond the trim on the outer edges (never at the spine)."""
    print_shop: bool
    """True when the sheet carries /TrimBox and /BleedBox (bleed or crop marks asked)."""
    crop_marks: bool
    mark_length: float = mm(MARK_LENGTH_MM)
    """Length of each crop and fold mark in points (shorter on a tight SRA sheet)."""

    @property
    def bleed_box(self) -> Box:
        return self.trim.grown(self.bleed, self.bleed, self.bleed, self.bleed)

    @property
    def spine_x(self) -> float:
        return (self.trim.x0 + self.trim.x1) / 2

    def slot(self, right: bool) -> Box:
        """The trim of the left or right page on the sheet."""
        if right:
            return Box(self.spine_x, self.trim.y0, self.trim.x1, self.trim.y1)
        return Box(self.trim.x0, self.trim.y0, self.spine_x, self.trim.y1)

    def visible_area(self, right: bool) -> Box:
        """The part of the sheet a page may paint: its trim plus bleed, except at the spine."""
        b = self.bleed
        if right:
            return self.slot(right).grown(0, b, b, b)
        return self.slot(right).grown(b, b, 0, b)


def sheet_layout(
    page_width: float, page_height: float, *, bleed_mm: float, crop_marks: bool
) -> SheetLayout:
    """The layout of a sheet for pages of this trim size.

    Without bleed or crop marks the sheet is sheet_size_for() with the spread centred.
    With either, the media is the spread plus bleed, plus room for the marks if asked.
    """
    if bleed_mm < 0:
        raise ValueError(f"bleed_mm must not be negative, got {bleed_mm}")
    bleed = mm(bleed_mm)
    print_shop = bleed_mm > 0 or crop_marks
    mark_length = mm(MARK_LENGTH_MM)
    sra = sra_sheet(2 * page_width, page_height, bleed) if crop_marks else None
    if sra is not None:
        width, height = sra
        media = Box(0, 0, width, height)
        x0, y0 = (width - 2 * page_width) / 2, (height - page_height) / 2
        room = min(x0, y0) - bleed - mm(MARK_GAP_MM) - mm(0.5)
        mark_length = min(mark_length, room)
    elif print_shop:
        margin = bleed
        if crop_marks:
            margin += mm(MARK_GAP_MM + MARK_LENGTH_MM + SLUG_PAD_MM)
        media = Box(0, 0, 2 * page_width + 2 * margin, page_height + 2 * margin)
        x0 = y0 = margin
    else:
        width, height = sheet_size_for(page_width, page_height)
        media = Box(0, 0, width, height)
        x0, y0 = (width - 2 * page_width) / 2, (height - page_height) / 2
    trim = Box(x0, y0, x0 + 2 * page_width, y0 + page_height)
    return SheetLayout(media, trim, bleed, print_shop, crop_marks, mark_length)


def sra_sheet(spread_width: float, spread_height: float,
              bleed: float) -> tuple[float, float] | None:
    """The smallest SRA sheet (landscape) with room for the spread, bleed and short marks."""
    margin = bleed + mm(MARK_GAP_MM + MIN_MARK_LENGTH_MM + 0.5)
    for short_mm, long_mm in SRA_SIZES_MM.values():
        width, height = mm(long_mm), mm(short_mm)
        if (spread_width + 2 * margin <= width + SIZE_TOLERANCE_PT
                and spread_height + 2 * margin <= height + SIZE_TOLERANCE_PT):
            return width, height
    return None
