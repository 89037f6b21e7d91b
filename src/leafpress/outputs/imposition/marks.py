"""Crop marks at the trim corners and fold marks at the spine, drawn outside the bleed."""

from __future__ import annotations

from .geometry import MARK_GAP_MM, MARK_LENGTH_MM, SheetLayout, mm, pdf_number

MARK_LINE_WIDTH_PT = 0.25
FOLD_DASH = "[3 2] 0 d"

Segment = tuple[float, float, float, float]


def crop_mark_segments(layout: SheetLayout) -> list[Segment]:
    """Two short lines per trim corner, each on the line of a trim edge, outside the bleed."""
    start = layout.bleed + mm(MARK_GAP_MM)
    end = start + mm(MARK_LENGTH_MM)
    t = layout.trim
    segments: list[Segment] = []
    for x, outward_x in ((t.x0, -1), (t.x1, 1)):
        for y, outward_y in ((t.y0, -1), (t.y1, 1)):
            segments.append((x + outward_x * start, y, x + outward_x * end, y))
            segments.append((x, y + outward_y * start, x, y + outward_y * end))
    return segments


def fold_mark_segments(layout: SheetLayout) -> list[Segment]:
    """One short line above and one below the trim, on the spine."""
    start = layout.bleed + mm(MARK_GAP_MM)
    end = start + mm(MARK_LENGTH_MM)
    x, t = layout.spine_x, layout.trim
    return [(x, t.y1 + start, x, t.y1 + end), (x, t.y0 - start, x, t.y0 - end)]


def _stroke(segments: list[Segment]) -> list[str]:
    lines = []
    for x0, y0, x1, y1 in segments:
        lines.append(f"{pdf_number(x0)} {pdf_number(y0)} m {pdf_number(x1)} {pdf_number(y1)} l")
    lines.append("S")
    return lines


def marks_content(layout: SheetLayout) -> bytes:
    """Content stream operators for the marks: thin, solid black (K only), no registration."""
    if not layout.crop_marks:
        return b""
    lines = ["q", f"{pdf_number(MARK_LINE_WIDTH_PT)} w", "0 G", "[] 0 d"]
    lines += _stroke(crop_mark_segments(layout))
    lines.append(FOLD_DASH)
    lines += _stroke(fold_mark_segments(layout))
    lines.append("Q")
    return ("\n".join(lines) + "\n").encode("ascii")
