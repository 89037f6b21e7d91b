"""Graphics state for the content interpreter, and small helpers over PDF operands."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import pikepdf

from leafpress.audit.colour import DEVICE_COMPONENTS, RGB, to_rgb

Box = tuple[float, float, float, float]
"""An axis-aligned rectangle in default user space: (x0, y0, x1, y1)."""


@dataclass(frozen=True)
class ColourState:
    """A fill or stroke colour: its device space (None if not understood) and sRGB value."""

    space: str | None = "DeviceGray"
    """A device colour space name, or None when the space is not understood."""
    rgb: RGB | None = (0.0, 0.0, 0.0)


class GraphicsState(NamedTuple):
    """The parts of the PDF graphics and text state the audit follows.

    A named tuple, not a frozen dataclass: the interpreter makes a new one for most
    operators, and ``_replace`` is several times quicker than ``dataclasses.replace``.
    """

    ctm: pikepdf.Matrix
    fill: ColourState = ColourState()
    stroke: ColourState = ColourState()
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0
    font_key: str = ""
    font: pikepdf.Dictionary | None = None
    font_size: float | None = None
    leading: float = 0.0
    render_mode: int = 0
    rise: float = 0.0
    scaling: float = 100.0
    clip: Box | None = None
    """The rectangular clip in force (None: not clipped to a rectangle)."""
    clip_complex: bool = False
    """True once a clip that is not one rectangle is in force."""


def number(value: object) -> float:
    """A numeric operand as float; TypeError for anything else."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"not a number: {value!r}")


def matrix_of(values: list[object]) -> pikepdf.Matrix:
    """The matrix of six numeric operands (cm, Tm) or a /Matrix array."""
    a, b, c, d, e, f = (number(v) for v in values[:6])
    return pikepdf.Matrix(a, b, c, d, e, f)


def slant_of(matrix: pikepdf.Matrix) -> float:
    """Degrees by which the matrix leans its y axis away from perpendicular to x."""
    x_len = math.hypot(matrix.a, matrix.b)
    y_len = math.hypot(matrix.c, matrix.d)
    if x_len == 0 or y_len == 0:
        return 0.0
    cosine = (matrix.a * matrix.c + matrix.b * matrix.d) / (x_len * y_len)
    return math.degrees(math.asin(min(1.0, abs(cosine))))


def type3_scale(font: pikepdf.Dictionary | None) -> float:
    """How much larger a Type 3 font's em is than a normal 1000-unit em (1 otherwise)."""
    if font is None or font.get("/Subtype") != pikepdf.Name.Type3:
        return 1.0
    try:
        matrix = matrix_of(list(font["/FontMatrix"]))
    except (KeyError, TypeError, ValueError):
        return 1.0
    return math.hypot(matrix.c, matrix.d) * 1000.0


def device_space(value: object, resources: pikepdf.Object | None) -> str | None:
    """Resolve a colour-space operand to a device space name, or None if unknown."""
    if isinstance(value, pikepdf.Name):
        name = str(value)[1:]
        if name in DEVICE_COMPONENTS:
            return name
        aliases = {"G": "DeviceGray", "RGB": "DeviceRGB", "CMYK": "DeviceCMYK"}
        if name in aliases:
            return aliases[name]
        if isinstance(resources, pikepdf.Dictionary):
            spaces = resources.get("/ColorSpace")
            if isinstance(spaces, pikepdf.Dictionary) and value in spaces:
                return device_space(spaces[value], None)
    return None


def initial_colour(space: str | None) -> ColourState:
    """The colour a ``cs``/``CS`` operator sets: the space's black, or unknown."""
    if space is None:
        return ColourState(None, None)
    black = {"DeviceGray": (0.0,), "DeviceRGB": (0.0, 0.0, 0.0), "DeviceCMYK": (0, 0, 0, 1.0)}
    return ColourState(space, to_rgb(space, tuple(float(c) for c in black[space])))


def set_colour(current: ColourState, operands: list[object]) -> ColourState:
    """A colour given as components in the current space (``sc``, ``scn``, ``g``…)."""
    if current.space is None or not all(isinstance(v, (int, float, Decimal)) for v in operands):
        return ColourState(current.space, None)
    return ColourState(current.space, to_rgb(current.space, tuple(number(v) for v in operands)))


_HEX_STRING = rb"<((?:[0-9A-Fa-f]{2})*)>"
_NUMBERS_AND_HEX_STRINGS = re.compile(
    rb"\[(?:\s*+(?:<(?:[0-9A-Fa-f]{2})*+>|[-+]?[0-9.]++))*+\s*+\]")
"""A TJ array as pikepdf writes it out when its strings hold unprintable bytes (glyph ids).

Possessive quantifiers: no backtracking. With plain ones, an array that did not match
(a literal string among long kerning numbers, as a no-break space brings) made the match
try every way of splitting the numbers' digits: 2.5 s for three pairs, minutes for four,
so one such array could stall the audit of any PDF, and the studio with it.
"""


def string_bytes(value: object) -> bytes:
    """The bytes a text-showing operand shows (strings of a TJ array joined)."""
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, pikepdf.Array):
        written = value.unparse()
        if _NUMBERS_AND_HEX_STRINGS.fullmatch(written):
            # One call to pikepdf instead of one Python object per glyph and kerning number.
            return bytes.fromhex(b"".join(re.findall(_HEX_STRING, written)).decode("ascii"))
        return b"".join(bytes(v) for v in value if isinstance(v, pikepdf.String))
    return b""


def intersect(first: Box, second: Box | None) -> Box | None:
    """The overlap of two boxes (None: no overlap); ``second`` None means no limit."""
    if second is None:
        return first
    box = (
        max(first[0], second[0]),
        max(first[1], second[1]),
        min(first[2], second[2]),
        min(first[3], second[3]),
    )
    return box if box[0] < box[2] and box[1] < box[3] else None


def box_of(rect: list[float], ctm: pikepdf.Matrix) -> Box | None:
    """A ``re`` rectangle in default user space; None if the CTM rotates or skews."""
    if abs(ctm.b) > 1e-6 or abs(ctm.c) > 1e-6:
        return None
    x, y, width, height = rect
    x0, y0 = ctm.transform((x, y))
    x1, y1 = ctm.transform((x + width, y + height))
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
