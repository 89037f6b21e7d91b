"""Crop marks at the trim corners, fold marks at the spine and the slug line, outside the bleed."""

from __future__ import annotations

from .geometry import MARK_GAP_MM, SheetLayout, mm, pdf_number

MARK_LINE_WIDTH_PT = 0.25
FOLD_DASH = "[3 2] 0 d"

Segment = tuple[float, float, float, float]


def crop_mark_segments(layout: SheetLayout) -> list[Segment]:
    """Two short lines per trim corner, each on the line of a trim edge, outside the bleed."""
    start = layout.bleed + mm(MARK_GAP_MM)
    end = start + layout.mark_length
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
    end = start + layout.mark_length
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


#: The slug line's size: small, in the margin under the bleed, cut off with the trim.
SLUG_FONT_PT = 5.0
SLUG_FONT = "/LeafpressSlug"


def slug_text(base: str, sheet: int, sheets: int, front: bool) -> str:
    """What the slug line says: leaflet, edition, version, sheet N of M, front or back."""
    side = "front" if front else "back"
    return f"{base} | sheet {sheet} of {sheets} | {side}" if base else \
        f"sheet {sheet} of {sheets} | {side}"


def _pdf_string(text: str) -> str:
    latin = text.encode("latin-1", "replace").decode("latin-1")
    return "(" + latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def slug_content(layout: SheetLayout, text: str) -> bytes:
    """The slug line under the left page, below the bleed, in 5 pt black (K only)."""
    if not layout.crop_marks or not text:
        return b""
    room = layout.trim.y0 - layout.bleed - layout.media.y0
    baseline = layout.media.y0 + max(room - SLUG_FONT_PT, 0) / 2 + 0.2 * SLUG_FONT_PT
    x = layout.trim.x0 + mm(MARK_GAP_MM) + layout.mark_length
    ops = ["q", "0 g", "BT", f"{SLUG_FONT} {pdf_number(SLUG_FONT_PT)} Tf",
           f"{pdf_number(x)} {pdf_number(baseline)} Td", f"{_pdf_string(text)} Tj", "ET", "Q"]
    return ("\n".join(ops) + "\n").encode("latin-1")
