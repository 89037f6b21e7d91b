"""One pass over every page's content (and the Form XObjects it draws) with graphics state.

The scan records, for each text-showing operator, the font, the size actually drawn
(Tf size × text matrix × CTM), the colour and what is known to lie behind it, and the
marked content around it; for other painting operators only their marked content.
The checks in content.py, fonts.py and large_print.py read this one scan.

Background assumption: the page is white, except where an axis-aligned rectangle
(``re`` + fill) with a known opaque device colour was painted earlier on the same page
and contains the start of the text. Rectangular clips are applied to such rectangles;
fills under any other clip, even-odd fills of several rectangles (borders), images,
shadings and non-rectangular paths are not taken into account. The position of a
text run is where its text-showing operator starts (glyph widths are not measured).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import pikepdf

from leafpress.audit.colour import RGB, WHITE
from leafpress.audit.graphics import (
    Box,
    ColourState,
    GraphicsState,
    box_of,
    device_space,
    initial_colour,
    intersect,
    matrix_of,
    number,
    set_colour,
    slant_of,
    string_bytes,
    type3_scale,
)
from leafpress.audit.tree import ObjKey
from leafpress.pdfua.structure import (
    TEXT_SHOWING_OPERATORS,
    ContentOperator,
    MarkedContent,
    inherited_attribute,
    iter_marked_content,
)

MAX_FORM_DEPTH = 12
MAX_OPERATORS = 2_000_000
"""Operators interpreted per file, Form XObject repeats included, before the scan stops:
it keeps leafpress's own checks within bounded time on a file the engine accepted."""
PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
FILLING = frozenset({"f", "F", "f*", "B", "B*", "b", "b*"})
EVEN_ODD_FILLING = frozenset({"f*", "B*", "b*"})
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
    operators: int = 0
    """Operators interpreted so far (see MAX_OPERATORS)."""

    def over_budget(self, page: int) -> bool:
        """Count one operator; True (and one problem recorded) once the budget is spent."""
        self.operators += 1
        if self.operators == MAX_OPERATORS + 1:
            self.problems.append(
                (page, f"more than {MAX_OPERATORS:,} content operators; the rest was not read")
            )
        return self.operators > MAX_OPERATORS


@dataclass
class _Page:
    number: int
    key: ObjKey
    backgrounds: list[tuple[Box, RGB]] = field(default_factory=list)


class _Interpreter:
    def __init__(self, scan: ContentScan, page: _Page) -> None:
        self.scan = scan
        self.page = page
        self.path_boxes: list[Box] = []
        self.path_is_rectangles = True
        self.pending_clip = False

    def run(
        self,
        content: pikepdf.Page | pikepdf.Object,
        resources: pikepdf.Object | None,
        state: GraphicsState,
        outer: tuple[MarkedContent, ...],
        owner: ObjKey,
        forms: tuple[ObjKey, ...],
    ) -> None:
        stack: list[GraphicsState] = []
        text_matrix = pikepdf.Matrix()
        line_matrix = pikepdf.Matrix()
        for op in iter_marked_content(content, resources):
            if self.scan.over_budget(self.page.number):
                break
            marked = outer + op.marked if outer else op.marked
            try:
                name = op.operator
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
                    state = state._replace(ctm=matrix_of(op.operands) @ state.ctm)
                elif name == "BT":
                    text_matrix = line_matrix = pikepdf.Matrix()
                elif name in ("Td", "TD", "T*", "'", '"'):
                    if name in ("Td", "TD"):
                        operands = op.operands
                        tx, ty = number(operands[0]), number(operands[1])
                        if name == "TD":
                            state = state._replace(leading=-ty)
                    else:
                        tx, ty = 0.0, -state.leading
                    line_matrix = pikepdf.Matrix(1, 0, 0, 1, tx, ty) @ line_matrix
                    text_matrix = line_matrix
                elif name == "Tm":
                    text_matrix = line_matrix = matrix_of(op.operands)
                elif name == "Tf":
                    state = self._set_font(state, op.operands, resources)
                elif name == "TL":
                    state = state._replace(leading=number(op.operands[0]))
                elif name == "Tr":
                    state = state._replace(render_mode=int(number(op.operands[0])))
                elif name == "Ts":
                    state = state._replace(rise=number(op.operands[0]))
                elif name == "Tz":
                    state = state._replace(scaling=number(op.operands[0]))
                elif name in COLOUR_OPERATORS:
                    state = self._colour(state, name, op.operands, resources)
                elif name == "gs":
                    state = self._ext_g_state(state, op.operands, resources)
                elif name == "re":
                    box = box_of([number(v) for v in op.operands[:4]], state.ctm)
                    if box is None:
                        self.path_is_rectangles = False
                    else:
                        self.path_boxes.append(box)
                elif name in PATH_BUILDING:
                    self.path_is_rectangles = False
                elif name in ("W", "W*"):
                    self.pending_clip = True
                elif name in PATH_PAINTING or name == "n":
                    if name in PATH_PAINTING:
                        self.scan.paintings.append(Painting(self.page.number, "path", marked))
                    if name in FILLING:
                        self._remember_background(state, name in EVEN_ODD_FILLING)
                    if self.pending_clip:
                        state = self._clip(state)
                    self.path_boxes = []
                    self.path_is_rectangles = True
                    self.pending_clip = False
                elif name == "sh":
                    self.scan.paintings.append(Painting(self.page.number, "shading", marked))
                elif name == "INLINE IMAGE":
                    self.scan.paintings.append(Painting(self.page.number, "image", marked))
                elif name == "Do":
                    self._draw_xobject(op.operands[0], resources, state, marked, owner, forms)
                if name in TEXT_SHOWING_OPERATORS:
                    self._show_text(op, state, text_matrix, marked, owner)
            except READ_ERRORS as error:
                self.scan.problems.append(
                    (self.page.number, f"operator {op.operator} could not be read: {error}")
                )

    def _set_font(
        self, state: GraphicsState, operands: list[object], resources: pikepdf.Object | None
    ) -> GraphicsState:
        key = operands[0]
        font: pikepdf.Dictionary | None = None
        if isinstance(resources, pikepdf.Dictionary):
            fonts = resources.get("/Font")
            if isinstance(fonts, pikepdf.Dictionary) and isinstance(key, pikepdf.Name):
                found = fonts.get(key)
                font = found if isinstance(found, pikepdf.Dictionary) else None
        return state._replace(font_key=str(key)[1:], font=font, font_size=number(operands[1]))

    def _colour(
        self,
        state: GraphicsState,
        name: str,
        operands: list[object],
        resources: pikepdf.Object | None,
    ) -> GraphicsState:
        fill = name.islower()
        if name in ("g", "G", "rg", "RG", "k", "K"):
            space = {"g": "DeviceGray", "rg": "DeviceRGB", "k": "DeviceCMYK"}[name.lower()]
            colour = set_colour(ColourState(space), operands)
        elif name in ("cs", "CS"):
            colour = initial_colour(device_space(operands[0], resources))
        else:
            colour = set_colour(state.fill if fill else state.stroke, operands)
        return state._replace(fill=colour) if fill else state._replace(stroke=colour)

    def _ext_g_state(
        self, state: GraphicsState, operands: list[object], resources: pikepdf.Object | None
    ) -> GraphicsState:
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
            state = state._replace(fill_alpha=number(entry["/ca"]))
        if "/CA" in entry:
            state = state._replace(stroke_alpha=number(entry["/CA"]))
        return state

    def _clip(self, state: GraphicsState) -> GraphicsState:
        if self.path_is_rectangles and len(self.path_boxes) == 1:
            clip = intersect(self.path_boxes[0], state.clip)
            return state._replace(clip=clip or (0.0, 0.0, 0.0, 0.0))
        return state._replace(clip_complex=True)

    def _remember_background(self, state: GraphicsState, even_odd: bool) -> None:
        if (
            not self.path_is_rectangles
            or not self.path_boxes
            or (even_odd and len(self.path_boxes) > 1)
            or state.clip_complex
            or state.fill.rgb is None
            or state.fill_alpha < 0.999
        ):
            return
        for box in self.path_boxes:
            visible = intersect(box, state.clip)
            if visible is not None:
                self.page.backgrounds.append((visible, state.fill.rgb))

    def _background_at(self, point: tuple[float, float]) -> RGB:
        x, y = point
        for (x0, y0, x1, y1), colour in reversed(self.page.backgrounds):
            if x0 <= x <= x1 and y0 <= y <= y1:
                return colour
        return WHITE

    def _show_text(
        self,
        op: ContentOperator,
        state: GraphicsState,
        text_matrix: pikepdf.Matrix,
        marked: tuple[MarkedContent, ...],
        owner: ObjKey,
    ) -> None:
        operands = op.operands
        codes = string_bytes(operands[-1]) if operands else b""
        placement = text_matrix @ state.ctm
        size = None
        if state.font_size is not None:
            size = (
                abs(state.font_size)
                * math.hypot(placement.c, placement.d)
                * type3_scale(state.font)
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
                slant=slant_of(placement),
                marked=marked,
            )
        )

    def _draw_xobject(
        self,
        key: object,
        resources: pikepdf.Object | None,
        state: GraphicsState,
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
        ctm = state.ctm if matrix is None else matrix_of(list(matrix)) @ state.ctm
        own_resources = xobject.get("/Resources")
        inner = _Interpreter(self.scan, self.page)
        inner.run(
            xobject,
            own_resources if isinstance(own_resources, pikepdf.Dictionary) else resources,
            state._replace(ctm=ctm),
            marked,
            form_key if xobject.is_indirect else owner,
            (*forms, form_key),
        )


def scan_content(pdf: pikepdf.Pdf) -> ContentScan:
    """Interpret every page's content streams and the Form XObjects they draw."""
    scan = ContentScan()
    for index, page in enumerate(pdf.pages):
        number = index + 1
        page_state = _Page(number, page.obj.objgen)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                resources = inherited_attribute(page.obj, "/Resources")
                _Interpreter(scan, page_state).run(
                    page, resources, GraphicsState(ctm=pikepdf.Matrix()), (), page.obj.objgen, ()
                )
            except READ_ERRORS as error:
                scan.problems.append((number, f"page content could not be read: {error}"))
        for warning in caught:
            scan.problems.append((number, f"damaged content stream: {warning.message}"))
    return scan
