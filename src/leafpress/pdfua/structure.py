"""Typed read-only helpers over pikepdf for a PDF's structure tree and marked content."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf

from leafpress.pdfua import one_pass

TEXT_SHOWING_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})
"""Content-stream operators that paint text."""

_STRUCT_ELEM = pikepdf.Name.StructElem
_MCR = pikepdf.Name.MCR
_OBJR = pikepdf.Name.OBJR

PageKey = int
"""Zero-based page index, as used by ``pdf.pages[index]``."""


@dataclass(slots=True)
class StructNode:
    """One structure element met while walking the tree, with its context.

    Read-only by convention (change an element with tree_editing, which renews the node):
    not frozen, because a walk makes one per element and a frozen one takes four times as
    long to make.
    """

    element: pikepdf.Dictionary = field(repr=False)
    type: str
    """The element's /S without the slash, e.g. ``"P"``."""
    parent: pikepdf.Dictionary = field(repr=False)
    """The parent element, or the StructTreeRoot for top-level elements."""
    depth: int
    """0 for the children of the StructTreeRoot (or of the walk's start)."""
    page: pikepdf.Dictionary | None = field(repr=False)
    """The element's /Pg, inherited from the nearest ancestor that has one."""


@dataclass(slots=True)
class ContentRef:
    """A marked-content reference (MCID) held in some element's /K (read-only, as StructNode)."""

    element: pikepdf.Dictionary = field(repr=False)
    mcid: int
    page: pikepdf.Dictionary | None = field(repr=False)
    stream: pikepdf.Object | None = field(default=None, repr=False)
    """The /Stm of an MCR dictionary (content in a form XObject), else None."""


@dataclass(frozen=True, slots=True)
class MarkedContent:
    """One open marked-content sequence (from BDC or BMC)."""

    tag: str
    """The tag without the slash, e.g. ``"Span"`` or ``"Artifact"``."""
    properties: pikepdf.Dictionary | None = None
    mcid: int | None = field(init=False, compare=False)
    """The MCID in the property list, if any (read once, when the sequence opens)."""

    def __post_init__(self) -> None:
        mcid = None
        if self.properties is not None:
            value = self.properties.get("/MCID")
            mcid = None if value is None else int(value)
        object.__setattr__(self, "mcid", mcid)

    @property
    def is_artifact(self) -> bool:
        """True for an /Artifact sequence."""
        return self.tag == "Artifact"


@dataclass(slots=True)
class ContentOperator:
    """One content-stream instruction with the marked content enclosing it.

    For BDC/BMC the new sequence is already on ``marked``; for EMC the
    sequence being closed is still on it. Not frozen: one is made for every instruction
    of every page, and a frozen dataclass takes four times as long to make.
    """

    index: int
    instruction: pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage = field(
        repr=False
    )
    operator: str
    marked: tuple[MarkedContent, ...] = field(default=())
    """Enclosing sequences, outermost first."""

    @property
    def operands(self) -> list[object]:
        """The instruction's operands."""
        return list(self.instruction.operands)

    @property
    def mcid(self) -> int | None:
        """The MCID of the innermost enclosing sequence that has one."""
        for sequence in reversed(self.marked):
            if sequence.mcid is not None:
                return sequence.mcid
        return None

    @property
    def in_artifact(self) -> bool:
        """True if any enclosing sequence is an Artifact."""
        return any(sequence.is_artifact for sequence in self.marked)

    @property
    def shows_text(self) -> bool:
        """True for the text-showing operators (Tj, TJ and the quote operators)."""
        return self.operator in TEXT_SHOWING_OPERATORS


def struct_tree_root(pdf: pikepdf.Pdf) -> pikepdf.Dictionary | None:
    """The catalog's /StructTreeRoot, or None for an untagged PDF."""
    root = pdf.Root.get("/StructTreeRoot")
    return root if isinstance(root, pikepdf.Dictionary) else None


def struct_type(element: pikepdf.Object) -> str:
    """An element's /S without the slash ("" if absent)."""
    if not isinstance(element, pikepdf.Dictionary):
        return ""
    kind = element.get("/S")
    return str(kind)[1:] if isinstance(kind, pikepdf.Name) else ""


def kids(node: pikepdf.Object) -> tuple[pikepdf.Object, ...]:
    """A node's /K normalised to a tuple (empty if absent); edit it with set_kids."""
    if not isinstance(node, pikepdf.Dictionary):
        return ()
    return one_pass.kids_of(node, _read_kids)


def _read_kids(node: pikepdf.Dictionary) -> tuple[pikepdf.Object, ...]:
    value = node.get("/K")
    if value is None:
        return ()
    return tuple(value) if isinstance(value, pikepdf.Array) else (value,)


def attribute_dicts(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """An element's own attribute objects (/A: one dictionary or an array of them)."""
    attributes = element.get("/A")
    if isinstance(attributes, pikepdf.Dictionary):
        return [attributes]
    if isinstance(attributes, pikepdf.Array):
        return [item for item in attributes if isinstance(item, pikepdf.Dictionary)]
    return []


def is_struct_element(obj: object) -> bool:
    """True for a structure element dictionary (not an MCR/OBJR or an MCID)."""
    if not isinstance(obj, pikepdf.Dictionary):
        return False
    kind = obj.get("/Type")
    if kind is not None and kind != _STRUCT_ELEM:
        return False
    return "/S" in obj


def page_indices(pdf: pikepdf.Pdf) -> dict[tuple[int, int], PageKey]:
    """Map each page object's (objnum, gen) to its zero-based index."""
    return {page.obj.objgen: index for index, page in enumerate(pdf.pages)}


def iter_struct_elements(pdf: pikepdf.Pdf) -> Iterator[StructNode]:
    """Every structure element reachable from the root, depth first in order.

    The walk is taken whole before the first element is returned, so a caller may edit
    the tree while iterating; within a tagging pass it is reused until the tree changes.
    """
    root = struct_tree_root(pdf)
    if root is None:
        return iter(())
    return iter(one_pass.walked(pdf, lambda: list(iter_subtree(root))))


def iter_subtree(start: pikepdf.Dictionary) -> Iterator[StructNode]:
    """Yield the structure elements below ``start`` (not ``start`` itself), in order.

    Depths are relative to ``start``; pages inherit from ``start`` and its ancestors.
    """
    return iter(_walk(start, inherited_page(start)))


#: Deepest page tree walked when looking up an inherited page attribute.
MAX_PAGE_TREE_DEPTH = 64


def inherited_attribute(page: pikepdf.Object, key: str) -> pikepdf.Object | None:
    """A page attribute (/Resources, /MediaBox…), looked up the page tree as PDF requires."""
    node: object = page
    for _ in range(MAX_PAGE_TREE_DEPTH):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            value: pikepdf.Object = node[key]
            return value
        node = node.get("/Parent")
    return None


def inherited_page(element: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The element's own /Pg, or that of its nearest ancestor that has one."""
    current: object = element
    seen: set[tuple[int, int]] = set()
    while isinstance(current, pikepdf.Dictionary):
        page = current.get("/Pg")
        if isinstance(page, pikepdf.Dictionary):
            return page
        if current.is_indirect:
            if current.objgen in seen:
                break
            seen.add(current.objgen)
        current = current.get("/P")
    return None


def _walk(start: pikepdf.Dictionary, page: pikepdf.Dictionary | None) -> list[StructNode]:
    """Depth first, in order, with an explicit stack: a walk meets every element once.

    No recursion, so a hostile file's tree thousands of levels deep (the audit reads any
    PDF) is walked instead of ending in RecursionError; nor nested generators, which cost
    a resumption per level for every element they pass up.
    """
    nodes: list[StructNode] = []
    seen: set[tuple[int, int]] = set()
    stack = [(iter(kids(start)), start, 0, page)]
    while stack:
        pending, parent, depth, parent_page = stack[-1]
        for kid in pending:
            if not isinstance(kid, pikepdf.Dictionary):
                continue
            kind = kid.get("/S")  # is_struct_element and struct_type, reading /S once
            if kind is None or kid.get("/Type", _STRUCT_ELEM) != _STRUCT_ELEM:
                continue
            if kid.is_indirect:
                if kid.objgen in seen:
                    continue
                seen.add(kid.objgen)
            own_page = kid.get("/Pg")
            kid_page = own_page if isinstance(own_page, pikepdf.Dictionary) else parent_page
            kind_name = str(kind)[1:] if isinstance(kind, pikepdf.Name) else ""
            nodes.append(StructNode(kid, kind_name, parent, depth, kid_page))
            stack.append((iter(kids(kid)), kid, depth + 1, kid_page))
            break
        else:
            stack.pop()
    return nodes


def object_refs(node: StructNode) -> Iterator[pikepdf.Dictionary]:
    """The objects (annotations, XObjects) an element's /K points to with OBJR dictionaries."""
    for kid in kids(node.element):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == _OBJR:
            target = kid.get("/Obj")
            if isinstance(target, pikepdf.Dictionary):
                yield target


def content_refs(node: StructNode) -> Iterator[ContentRef]:
    """The MCIDs held directly in an element's /K (integers and MCR dictionaries)."""
    for kid in kids(node.element):
        if isinstance(kid, int) and not isinstance(kid, bool):
            yield ContentRef(node.element, int(kid), node.page)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == _MCR:
            page = kid.get("/Pg")
            stream = kid.get("/Stm")
            yield ContentRef(
                node.element,
                int(kid["/MCID"]),
                page if isinstance(page, pikepdf.Dictionary) else node.page,
                stream,
            )


def node_of(element: pikepdf.Dictionary) -> StructNode:
    """A StructNode for one element: its /P as parent, its (inherited) /Pg as page."""
    parent = element.get("/P")
    return StructNode(
        element,
        struct_type(element),
        parent if isinstance(parent, pikepdf.Dictionary) else pikepdf.Dictionary(),
        0,
        inherited_page(element),
    )


def subtree_refs(element: pikepdf.Dictionary) -> Iterator[ContentRef]:
    """Every MCID held by an element or its descendants, in order."""
    yield from content_refs(node_of(element))
    for node in iter_subtree(element):
        yield from content_refs(node)


def iter_content_refs(pdf: pikepdf.Pdf) -> Iterator[ContentRef]:
    """Every MCID reachable from the structure tree, in document order."""
    for node in iter_struct_elements(pdf):
        yield from content_refs(node)


def mcid_owners_from_tree(pdf: pikepdf.Pdf) -> dict[tuple[PageKey, int], pikepdf.Dictionary]:
    """Map (page index, MCID) to the element whose /K holds it, via the tree.

    Marked content inside form XObjects (MCRs with /Stm) is not included.
    """
    indices = page_indices(pdf)
    owners: dict[tuple[PageKey, int], pikepdf.Dictionary] = {}
    for ref in iter_content_refs(pdf):
        if ref.page is None or ref.stream is not None:
            continue
        index = indices.get(ref.page.objgen)
        if index is not None:
            owners[(index, ref.mcid)] = ref.element
    return owners


def parent_tree(pdf: pikepdf.Pdf) -> pikepdf.NumberTree | None:
    """The /ParentTree number tree, or None if there is none."""
    root = struct_tree_root(pdf)
    if root is None or "/ParentTree" not in root:
        return None
    return pikepdf.NumberTree(root["/ParentTree"])




def _resolve_properties(
    operand: object, resources: pikepdf.Object | None
) -> pikepdf.Dictionary | None:
    if isinstance(operand, pikepdf.Dictionary):
        return operand
    if isinstance(operand, pikepdf.Name) and isinstance(resources, pikepdf.Dictionary):
        named = resources.get("/Properties", pikepdf.Dictionary()).get(operand)
        if isinstance(named, pikepdf.Dictionary):
            return named
    return None


def iter_marked_content(
    content: pikepdf.Page | pikepdf.Object,
    resources: pikepdf.Object | None = None,
) -> Iterator[ContentOperator]:
    """Yield a page's (or content stream's) instructions with their marked-content nesting.

    Named property lists (``/Tag /Name BDC``) are resolved through ``resources``,
    which defaults to the page's or stream's own /Resources. An EMC without an
    open sequence is yielded with an empty ``marked``. Within a tagging pass
    (pdfua/one_pass.py) a page is parsed once until it is rewritten.
    """
    if resources is not None:
        yield from _marked_content(content, resources)
        return
    yield from one_pass.parsed(content, lambda: list(_marked_content(content, None)))


def _marked_content(
    content: pikepdf.Page | pikepdf.Object, resources: pikepdf.Object | None
) -> Iterator[ContentOperator]:
    if resources is None:
        holder = content.obj if isinstance(content, pikepdf.Page) else content
        if isinstance(holder, (pikepdf.Dictionary, pikepdf.Stream)):
            resources = holder.get("/Resources")
    marked: tuple[MarkedContent, ...] = ()
    for index, instruction in enumerate(pikepdf.parse_content_stream(content)):
        operator = str(instruction.operator)
        if operator in ("BDC", "BMC"):
            operands = list(instruction.operands)
            tag = str(operands[0])[1:] if operands else ""
            properties = (
                _resolve_properties(operands[1], resources)
                if operator == "BDC" and len(operands) > 1
                else None
            )
            marked = (*marked, MarkedContent(tag, properties))
            yield ContentOperator(index, instruction, operator, marked)
        elif operator == "EMC":
            yield ContentOperator(index, instruction, operator, marked)
            marked = marked[:-1]
        else:
            yield ContentOperator(index, instruction, operator, marked)
