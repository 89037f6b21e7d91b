"""One pass over every page's content (and the Form XObjects it draws) with graphics state.

The scan records, for each text-showing operator, the font, the size actually drawn
(Tf size × text matrix × CTM), the colour and what is known to lie behind it, and the
marked content around it; for other painting operators only their marked content.
The checks in content.py, fonts.py and large_print.py read this one scan.

Background assumption: the page is white, except where an axis-aligned rectangle
(``re`` + fill) with a known opaque device colour was painted earlier on the same page
and contains the start of the text. Images, shadings, clipping and non-rectangular
paths are not taken into account; the position of a text run is where its
text-showing operator starts (glyph widths are not measured).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pikepdf

from leafpress.audit.colour import DEVICE_COMPONENTS, RGB, WHITE, to_rgb
from leafpress.audit.tree import ObjKey
from leafpress.pdf_structure import (
    TEXT_SHOWING_OPERATORS,
    ContentOperator,
    MarkedContent,
    iter_marked_content,
)

MAX_FORM_DEPTH = 12
PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
FILLING = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
PATH_BUILDING = frozenset({"m", "l", "c", "v", "y", "h"})
READ_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError, pikepdf.PdfError)
COLOUR_OPERATORS = frozenset({"g", "rg", "k", "G", "RG", "K", "cs", "CS", "sc", "scn", "SC", "SCN"})
INVISIBLE_RENDER_MODES = frozenset({3, 7})
STROKE_ONLY_RENDER_MODES = frozenset({1, 5})


@dataclass(frozen=True)
class TextRun:
    """One text-showing operator as drawn."""

    page: int
    """One-based page number."""
    owner: ObjKey
    """The page or Form XObject whose MCIDs the enclosing marked content uses."""
    page_key: ObjKey
    font_key: str
    font: pikepdf.Dictionary | None
    size: float | None
    """Drawn size in points (the em height in default user space), when known."""
    codes: bytes
    render_mode: int
    colour: RGB | None
    """The colour the glyphs are painted in, None if not a known device colour."""
    alpha: float
    background: RGB
    slant: float
    """Degrees by which the text's vertical axis leans (0 for upright text)."""
    marked: tuple[MarkedContent, ...]

    @property
    def rendered(self) -> bool:
        """False for invisible (render mode 3) and clip-only (7) text."""
        return self.render_mode not in INVISIBLE_RENDER_MODES


@dataclass(frozen=True)
class Painting:
    """A non-text painting operator (path, image, shading) and its marked content."""

    page: int
    kind: str
    marked: tuple[MarkedContent, ...]


@dataclass(frozen=True)
class SequenceStart:
    """A BDC/BMC as met in the content, with every sequence enclosing it."""

    page: int
    owner: ObjKey
    page_key: ObjKey
    marked: tuple[MarkedContent, ...]
    """Enclosing sequences, outermost first; the new one is last."""


@dataclass
class ContentScan:
    """Everything the interpreter saw, in drawing order."""

    texts: list[TextRun] = field(default_factory=list)
    paintings: list[Painting] = field(default_factory=list)
    sequences: list[SequenceStart] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(page, message) for content that could not be read."""


@dataclass(frozen=True)
class _ColourState:
    space: str | None = "DeviceGray"
    """A device colour space name, or None when the space is not understood."""
    rgb: RGB | None = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class _State:
    ctm: pikepdf.Matrix
    fill: _ColourState = _ColourState()
    stroke: _ColourState = _ColourState()
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0
    font_key: str = ""
    font: pikepdf.Dictionary | None = None
    font_size: float | None = None
    leading: float = 0.0
    render_mode: int = 0
    rise: float = 0.0
    scaling: float = 100.0


@dataclass
class _Page:
    number: int
    key: ObjKey
    backgrounds: list[tuple[tuple[float, float, float, float], RGB]] = field(default_factory=list)


def _num(value: object) -> float:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"not a number: {value!r}")


def _matrix(values: list[object]) -> pikepdf.Matrix:
    a, b, c, d, e, f = (_num(v) for v in values[:6])
    return pikepdf.Matrix(a, b, c, d, e, f)


def _slant(matrix: pikepdf.Matrix) -> float:
    x_len = math.hypot(matrix.a, matrix.b)
    y_len = math.hypot(matrix.c, matrix.d)
    if x_len == 0 or y_len == 0:
        return 0.0
    cosine = (matrix.a * matrix.c + matrix.b * matrix.d) / (x_len * y_len)
    return math.degrees(math.asin(min(1.0, abs(cosine))))


def _type3_scale(font: pikepdf.Dictionary | None) -> float:
    if font is None or font.get("/Subtype") != pikepdf.Name.Type3:
        return 1.0
    try:
        matrix = _matrix(list(font["/FontMatrix"]))
    except (KeyError, TypeError, ValueError):
        return 1.0
    return math.hypot(matrix.c, matrix.d) * 1000.0


def _device_space(value: object, resources: pikepdf.Object | None) -> str | None:
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
                return _device_space(spaces[value], None)
    return None


def _initial_colour(space: str | None) -> _ColourState:
    if space is None:
        return _ColourState(None, None)
    black = {"DeviceGray": (0.0,), "DeviceRGB": (0.0, 0.0, 0.0), "DeviceCMYK": (0, 0, 0, 1.0)}
    return _ColourState(space, to_rgb(space, tuple(float(c) for c in black[space])))


def _set_colour(current: _ColourState, operands: list[object]) -> _ColourState:
    if current.space is None or not all(isinstance(v, (int, float, Decimal)) for v in operands):
        return _ColourState(current.space, None)
    return _ColourState(current.space, to_rgb(current.space, tuple(_num(v) for v in operands)))


def _string_bytes(value: object) -> bytes:
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, pikepdf.Array):
        return b"".join(bytes(v) for v in value if isinstance(v, pikepdf.String))
    return b""


def _box_of(rect: list[float], ctm: pikepdf.Matrix) -> tuple[float, float, float, float] | None:
    if abs(ctm.b) > 1e-6 or abs(ctm.c) > 1e-6:
        return None
    x, y, width, height = rect
    x0, y0 = ctm.transform((x, y))
    x1, y1 = ctm.transform((x + width, y + height))
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


class _Interpreter:
    def __init__(self, scan: ContentScan, page: _Page) -> None:
        self.scan = scan
        self.page = page
        self.path_boxes: list[tuple[float, float, float, float]] = []
        self.path_is_rectangles = True

    def run(
        self,
        content: pikepdf.Page | pikepdf.Object,
        resources: pikepdf.Object | None,
        state: _State,
        outer: tuple[MarkedContent, ...],
        owner: ObjKey,
        forms: tuple[ObjKey, ...],
    ) -> None:
        stack: list[_State] = []
        text_matrix = pikepdf.Matrix()
        line_matrix = pikepdf.Matrix()
        for op in iter_marked_content(content, resources):
            marked = outer + op.marked
            try:
                name = op.operator
                operands = op.operands
                if name in ("BDC", "BMC"):
                    self.scan.sequences.append(
                        SequenceStart(self.page.number, owner, self.page.key, marked)
                    )
                elif name == "q":
                    stack.append(state)
                elif name == "Q":
                    if stack:
                        state = stack.pop()
                elif name == "cm":
                    state = replace(state, ctm=_matrix(operands) @ state.ctm)
                elif name == "BT":
                    text_matrix = line_matrix = pikepdf.Matrix()
                elif name in ("Td", "TD", "T*", "'", '"'):
                    if name == "TD":
                        state = replace(state, leading=-_num(operands[1]))
                    if name in ("Td", "TD"):
                        tx, ty = _num(operands[0]), _num(operands[1])
                    else:
                        tx, ty = 0.0, -state.leading
                    line_matrix = pikepdf.Matrix(1, 0, 0, 1, tx, ty) @ line_matrix
                    text_matrix = line_matrix
                elif name == "Tm":
                    text_matrix = line_matrix = _matrix(operands)
                elif name == "Tf":
                    state = self._set_font(state, operands, resources)
                elif name == "TL":
                    state = replace(state, leading=_num(operands[0]))
                elif name == "Tr":
                    state = replace(state, render_mode=int(_num(operands[0])))
                elif name == "Ts":
                    state = replace(state, rise=_num(operands[0]))
                elif name == "Tz":
                    state = replace(state, scaling=_num(operands[0]))
                elif name in COLOUR_OPERATORS:
                    state = self._colour(state, name, operands, resources)
                elif name == "gs":
                    state = self._ext_g_state(state, operands, resources)
                elif name == "re":
                    box = _box_of([_num(v) for v in operands[:4]], state.ctm)
                    if box is None:
                        self.path_is_rectangles = False
                    else:
                        self.path_boxes.append(box)
                elif name in PATH_BUILDING:
                    self.path_is_rectangles = False
                elif name in PATH_PAINTING or name == "n":
                    if name in PATH_PAINTING:
                        self.scan.paintings.append(Painting(self.page.number, "path", marked))
                    if name in FILLING:
                        self._remember_background(state)
                    self.path_boxes = []
                    self.path_is_rectangles = True
                elif name == "sh":
                    self.scan.paintings.append(Painting(self.page.number, "shading", marked))
                elif name == "INLINE IMAGE":
                    self.scan.paintings.append(Painting(self.page.number, "image", marked))
                elif name == "Do":
                    self._draw_xobject(operands[0], resources, state, marked, owner, forms)
                if name in TEXT_SHOWING_OPERATORS:
                    self._show_text(op, state, text_matrix, marked, owner)
            except READ_ERRORS as error:
                self.scan.problems.append(
                    (self.page.number, f"operator {op.operator} could not be read: {error}")
                )

    def _set_font(
        self, state: _State, operands: list[object], resources: pikepdf.Object | None
    ) -> _State:
        key = operands[0]
        font: pikepdf.Dictionary | None = None
        if isinstance(resources, pikepdf.Dictionary):
            fonts = resources.get("/Font")
            if isinstance(fonts, pikepdf.Dictionary) and isinstance(key, pikepdf.Name):
                found = fonts.get(key)
                font = found if isinstance(found, pikepdf.Dictionary) else None
        return replace(state, font_key=str(key)[1:], font=font, font_size=_num(operands[1]))

    def _colour(
        self, state: _State, name: str, operands: list[object], resources: pikepdf.Object | None
    ) -> _State:
        fill = name.islower()
        if name in ("g", "G", "rg", "RG", "k", "K"):
            space = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}[name.lower()]
            colour = _set_colour(_ColourState(space), operands)
        elif name in ("cs", "CS"):
            colour = _initial_colour(_device_space(operands[0], resources))
        else:
            colour = _set_colour(state.fill if fill else state.stroke, operands)
        return replace(state, fill=colour) if fill else replace(state, stroke=colour)

    def _ext_g_state(
        self, state: _State, operands: list[object], resources: pikepdf.Object | None
    ) -> _State:
        if not isinstance(resources, pikepdf.Dictionary):
            return state
        states = resources.get("/ExtGState")
        if not isinstance(states, pikepdf.Dictionary):
            return state
        key = operands[0]
        entry = states.get(key) if isinstance(key, pikepdf.Name) else None
        if not isinstance(entry, pikepdf.Dictionary):
            return state
        if "/ca" in entry:
            state = replace(state, fill_alpha=_num(entry["/ca"]))
        if "/CA" in entry:
            state = replace(state, stroke_alpha=_num(entry["/CA"]))
        return state

    def _remember_background(self, state: _State) -> None:
        if (
            self.path_is_rectangles
            and self.path_boxes
            and state.fill.rgb is not None
            and state.fill_alpha >= 0.999
        ):
            for box in self.path_boxes:
                self.page.backgrounds.append((box, state.fill.rgb))

    def _background_at(self, point: tuple[float, float]) -> RGB:
        x, y = point
        for (x0, y0, x1, y1), colour in reversed(self.page.backgrounds):
            if x0 <= x <= x1 and y0 <= y <= y1:
                return colour
        return WHITE

    def _show_text(
        self,
        op: ContentOperator,
        state: _State,
        text_matrix: pikepdf.Matrix,
        marked: tuple[MarkedContent, ...],
        owner: ObjKey,
    ) -> None:
        operands = op.operands
        codes = _string_bytes(operands[-1]) if operands else b""
        placement = text_matrix @ state.ctm
        size = None
        if state.font_size is not None:
            size = (
                abs(state.font_size)
                * math.hypot(placement.c, placement.d)
                * _type3_scale(state.font)
            )
        em = state.font_size or 0.0
        probe = pikepdf.Matrix(em, 0, 0, em, 0, state.rise) @ placement
        stroke_only = state.render_mode in STROKE_ONLY_RENDER_MODES
        paint = state.stroke if stroke_only else state.fill
        self.scan.texts.append(
            TextRun(
                page=self.page.number,
                owner=owner,
                page_key=self.page.key,
                font_key=state.font_key,
                font=state.font,
                size=size,
                codes=codes,
                render_mode=state.render_mode,
                colour=paint.rgb,
                alpha=state.stroke_alpha if stroke_only else state.fill_alpha,
                background=self._background_at(probe.transform((0.25, 0.3))),
                slant=_slant(placement),
                marked=marked,
            )
        )

    def _draw_xobject(
        self,
        key: object,
        resources: pikepdf.Object | None,
        state: _State,
        marked: tuple[MarkedContent, ...],
        owner: ObjKey,
        forms: tuple[ObjKey, ...],
    ) -> None:
        if not isinstance(resources, pikepdf.Dictionary):
            return
        xobjects = resources.get("/XObject")
        if not isinstance(xobjects, pikepdf.Dictionary):
            return
        xobject = xobjects.get(key) if isinstance(key, pikepdf.Name) else None
        if not isinstance(xobject, pikepdf.Stream):
            return
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            self.scan.paintings.append(Painting(self.page.number, "image", marked))
            return
        if subtype != pikepdf.Name.Form:
            return
        form_key = xobject.objgen
        if form_key in forms or len(forms) >= MAX_FORM_DEPTH:
            self.scan.problems.append(
                (self.page.number, f"Form XObject {key} is drawn recursively; not followed")
            )
            return
        matrix = xobject.get("/Matrix")
        ctm = state.ctm if matrix is None else _matrix(list(matrix)) @ state.ctm
        own_resources = xobject.get("/Resources")
        inner = _Interpreter(self.scan, self.page)
        inner.run(
            xobject,
            own_resources if isinstance(own_resources, pikepdf.Dictionary) else resources,
            replace(state, ctm=ctm),
            marked,
            form_key if xobject.is_indirect else owner,
            (*forms, form_key),
        )


def inherited(page: pikepdf.Dictionary, key: str) -> pikepdf.Object | None:
    """A page attribute, inherited from the page tree when the page lacks it."""
    node: pikepdf.Object | None = page
    for _ in range(64):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
    return None


def scan_content(pdf: pikepdf.Pdf) -> ContentScan:
    """Interpret every page's content streams and the Form XObjects they draw."""
    scan = ContentScan()
    for index, page in enumerate(pdf.pages):
        number = index + 1
        page_state = _Page(number, page.obj.objgen)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                resources = inherited(page.obj, "/Resources")
                _Interpreter(scan, page_state).run(
                    page, resources, _State(ctm=pikepdf.Matrix()), (), page.obj.objgen, ()
                )
            except READ_ERRORS as error:
                scan.problems.append((number, f"page content could not be read: {error}"))
        for warning in caught:
            scan.problems.append((number, f"damaged content stream: {warning.message}"))
    return scan
