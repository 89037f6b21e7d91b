"""The structure tree as the checks see it: role-mapped types, parents, MCIDs and OBJRs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pikepdf

from leafpress.pdfua.structure import (
    StructNode,
    content_refs,
    is_struct_element,
    iter_struct_elements,
    kids,
    page_indices,
    struct_tree_root,
)

ObjKey = tuple[int, int]
"""An indirect object's (number, generation)."""

STANDARD_TYPES = frozenset(
    {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
        "Index", "NonStruct", "Private", "P", "H", "L", "LI", "Lbl", "LBody", "Table",
        "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
        "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
        "WP", "Figure", "Formula", "Form",
    }
)  # fmt: skip
"""The standard structure types of ISO 32000-1 (numbered headings are matched apart)."""

NUMBERED_HEADING = re.compile(r"^H([1-9][0-9]*)$")


def is_standard(kind: str) -> bool:
    """True for a standard structure type, including any numbered heading Hn."""
    return kind in STANDARD_TYPES or NUMBERED_HEADING.match(kind) is not None


def role_map(root: pikepdf.Dictionary | None) -> dict[str, str]:
    """The /RoleMap as plain names without slashes (empty if absent or malformed)."""
    if root is None:
        return {}
    mapping = root.get("/RoleMap")
    if not isinstance(mapping, pikepdf.Dictionary):
        return {}
    return {
        str(key)[1:]: str(value)[1:]
        for key, value in mapping.items()
        if isinstance(value, pikepdf.Name)
    }


def resolve_role(kind: str, roles: dict[str, str]) -> str:
    """Follow the role map from ``kind`` until a standard type (or a dead end/cycle)."""
    seen: set[str] = set()
    while not is_standard(kind) and kind in roles and kind not in seen:
        seen.add(kind)
        kind = roles[kind]
    return kind


@dataclass(frozen=True)
class Element:
    """One reachable structure element, in document order."""

    index: int
    obj: pikepdf.Dictionary
    raw_type: str
    type: str
    """The standard type after role mapping."""
    parent: int | None
    """Index of the parent element; None for children of the StructTreeRoot."""
    page: int | None
    """One-based page number from the (inherited) /Pg, when known."""

    @property
    def label(self) -> str:
        """How findings name the element, e.g. ``Figure (object 70)``."""
        name = self.raw_type if self.raw_type == self.type else f"{self.raw_type} → {self.type}"
        if self.obj.is_indirect:
            return f"{name} (object {self.obj.objgen[0]})"
        return name


@dataclass
class StructTree:
    """The reachable part of a document's structure tree."""

    root: pikepdf.Dictionary | None
    elements: list[Element] = field(default_factory=list)
    children: dict[int | None, list[int]] = field(default_factory=dict)
    mcids: dict[tuple[ObjKey, int], Element] = field(default_factory=dict)
    """(page or form XObject key, MCID) → the element holding that marked content."""
    objrs: dict[ObjKey, Element] = field(default_factory=dict)
    """Annotation (or other object) key → the element whose /K references it via OBJR."""

    def child_elements(self, index: int | None) -> list[Element]:
        """The element children of an element (None for the StructTreeRoot)."""
        return [self.elements[i] for i in self.children.get(index, [])]

    def parent_of(self, element: Element) -> Element | None:
        """The element's parent element (None at the top level)."""
        return None if element.parent is None else self.elements[element.parent]


def build_struct_tree(pdf: pikepdf.Pdf) -> StructTree:
    """Walk the tree once from the StructTreeRoot and index what the checks need."""
    root = struct_tree_root(pdf)
    tree = StructTree(root)
    if root is None:
        return tree
    roles = role_map(root)
    pages = page_indices(pdf)
    stack: list[int] = []  # element index at each depth of the current path
    for node in iter_struct_elements(pdf):
        del stack[node.depth :]
        parent = stack[-1] if stack else None
        page = pages.get(node.page.objgen) if node.page is not None else None
        element = Element(
            index=len(tree.elements),
            obj=node.element,
            raw_type=node.type,
            type=resolve_role(node.type, roles),
            parent=parent,
            page=None if page is None else page + 1,
        )
        tree.elements.append(element)
        tree.children.setdefault(parent, []).append(element.index)
        stack.append(element.index)
        _index_references(tree, element, node)
    return tree


def _index_references(tree: StructTree, element: Element, node: StructNode) -> None:
    try:
        for ref in content_refs(node):
            holder = ref.stream if ref.stream is not None else ref.page
            if isinstance(holder, pikepdf.Object) and holder.is_indirect:
                tree.mcids[(holder.objgen, ref.mcid)] = element
    except (KeyError, TypeError, ValueError):
        pass  # a malformed MCR: the marked content it meant stays unreachable
    for kid in kids(element.obj):
        if (
            isinstance(kid, pikepdf.Dictionary)
            and not is_struct_element(kid)
            and kid.get("/Type") == pikepdf.Name.OBJR
        ):
            target = kid.get("/Obj")
            if isinstance(target, pikepdf.Object) and target.is_indirect:
                tree.objrs[target.objgen] = element
