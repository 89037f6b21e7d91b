"""Small in-place edits of a structure tree, and rebuilding its /ParentTree."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pikepdf

from leafpress.pdfua import one_pass
from leafpress.pdfua.content_editing import retag_as_artifacts
from leafpress.pdfua.structure import (
    StructNode,
    content_refs,
    inherited_page,
    is_struct_element,
    iter_struct_elements,
    kids,
    object_refs,
    struct_tree_root,
)


def same(a: pikepdf.Object, b: pikepdf.Object) -> bool:
    """True if both are the very same PDF object."""
    return a.is_same_object_as(b)


def struct_kids(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """The structure elements among an element's /K, in order."""
    return [
        kid
        for kid in kids(element)
        if isinstance(kid, pikepdf.Dictionary) and is_struct_element(kid)
    ]


def element_page(element: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The element's own /Pg, or that of its nearest ancestor."""
    return inherited_page(element)




def _portable(kid: pikepdf.Object, page: pikepdf.Dictionary | None) -> pikepdf.Object:
    """A kid that keeps its meaning under another parent (bare MCIDs become MCRs)."""
    if isinstance(kid, int) and not isinstance(kid, bool) and page is not None:
        return pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page, MCID=kid)
    if (
        isinstance(kid, pikepdf.Dictionary)
        and kid.get("/Type") == pikepdf.Name.MCR
        and "/Pg" not in kid
        and page is not None
    ):
        kid["/Pg"] = page  # an MCR, not an element: the walk does not change
    return kid


def adopt(
    target: pikepdf.Dictionary, items: Iterable[pikepdf.Object], source: pikepdf.Dictionary
) -> list[pikepdf.Object]:
    """Prepare ``source``'s kids for ``target``: re-parent elements, keep MCIDs' pages."""
    source_page = element_page(source)
    target_page = element_page(target)
    moved: list[pikepdf.Object] = []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and is_struct_element(kid):
            kid["/P"] = target
            moved.append(kid)
        elif source_page is not None and target_page is not None and same(source_page, target_page):
            moved.append(kid)
        else:
            moved.append(_portable(kid, source_page))
    return moved


def set_kids(element: pikepdf.Dictionary, items: Iterable[pikepdf.Object]) -> None:
    """Replace an element's /K."""
    element["/K"] = pikepdf.Array(list(items))
    one_pass.kids_changed(element)


def set_type(element: pikepdf.Dictionary, kind: str) -> None:
    """Change an element's structure type (/S), e.g. ``set_type(element, "TOC")``."""
    element["/S"] = pikepdf.Name("/" + kind)

    def renew(node: StructNode) -> StructNode:
        return dataclasses.replace(node, type=kind)

    one_pass.node_changed(element, renew)


def set_page(element: pikepdf.Dictionary, page: pikepdf.Object) -> None:
    """Give an element its own /Pg (the page its content refers to by default)."""
    element["/Pg"] = page
    one_pass.tree_changed()


def replace_kid(
    parent: pikepdf.Dictionary, child: pikepdf.Dictionary, replacements: Iterable[pikepdf.Object]
) -> None:
    """Put ``replacements`` where ``child`` was in ``parent``'s /K."""
    updated: list[pikepdf.Object] = []
    for kid in kids(parent):
        if isinstance(kid, pikepdf.Dictionary) and same(kid, child):
            updated.extend(replacements)
        else:
            updated.append(kid)
    set_kids(parent, updated)


def remove_kid(parent: pikepdf.Dictionary, child: pikepdf.Dictionary) -> None:
    """Take ``child`` out of ``parent``'s /K."""
    replace_kid(parent, child, [])


def append_kids(target: pikepdf.Dictionary, source: pikepdf.Dictionary) -> None:
    """Move all of ``source``'s kids to the end of ``target``'s /K."""
    set_kids(target, [*kids(target), *adopt(target, kids(source), source)])
    set_kids(source, [])


def hoist(element: pikepdf.Dictionary, wrapper: pikepdf.Dictionary) -> None:
    """Replace ``wrapper`` (a kid of ``element``) by the wrapper's own kids."""
    replace_kid(element, wrapper, adopt(element, kids(wrapper), wrapper))
    set_kids(wrapper, [])


class _Keys:
    """Hands out /StructParent(s) keys: a holder's own, or the next free one."""

    def __init__(self, used: Iterable[int]) -> None:
        self.next = max([*used, -1]) + 1

    def of(self, holder: pikepdf.Object, name: str) -> int:
        if name in holder:
            return int(holder[name])
        key = self.next
        self.next += 1
        holder[name] = key
        return key


def rebuild_parent_tree(pdf: pikepdf.Pdf) -> None:
    """Recompute /ParentTree from the tree's /K entries (pages, form XObjects, OBJRs).

    Holders keep their /StructParents or /StructParent key; holders without one get
    a new key. Entries under keys that belong to nothing seen here are kept as they are.
    Within a tagging pass (pdfua/one_pass.py) the rebuild waits for the end of the pass.
    """
    if one_pass.defer_parent_tree(pdf):
        return
    rebuild_parent_tree_now(pdf)


def rebuild_parent_tree_now(pdf: pikepdf.Pdf) -> None:
    """Recompute /ParentTree at once (see :func:`rebuild_parent_tree`)."""
    root = struct_tree_root(pdf)
    if root is None:
        return
    mcid_owners: dict[tuple[int, int], tuple[pikepdf.Object, dict[int, pikepdf.Dictionary]]] = {}
    object_owners: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary]] = []
    for node in iter_struct_elements(pdf):
        for ref in content_refs(node):
            holder = ref.stream if ref.stream is not None else ref.page
            if holder is not None and holder.is_indirect:
                mcid_owners.setdefault(holder.objgen, (holder, {}))[1][ref.mcid] = ref.element
        for target in object_refs(node):
            object_owners.append((target, node.element))

    old = pikepdf.NumberTree(root["/ParentTree"]) if "/ParentTree" in root else None
    entries: dict[int, pikepdf.Object | None] = dict(old.items()) if old is not None else {}
    keys = _Keys([*entries, *_existing_keys(pdf)])
    for page in pdf.pages:
        owned = mcid_owners.pop(page.obj.objgen, None)
        if owned is not None:
            entries[keys.of(page.obj, "/StructParents")] = _mcid_array(owned[1])
        elif "/StructParents" in page.obj:
            entries[int(page.obj["/StructParents"])] = pikepdf.Array()
    for holder, owners in mcid_owners.values():
        if isinstance(holder, pikepdf.Stream):
            entries[keys.of(holder, "/StructParents")] = _mcid_array(owners)
    for target, owner in object_owners:
        entries[keys.of(target, "/StructParent")] = owner

    nums: list[object] = []
    for key in sorted(entries):
        nums.extend([key, entries[key]])
    root["/ParentTree"] = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    root["/ParentTreeNextKey"] = max([*entries, -1]) + 1


def _existing_keys(pdf: pikepdf.Pdf) -> list[int]:
    return [int(page.obj["/StructParents"]) for page in pdf.pages if "/StructParents" in page.obj]


def _mcid_array(owners: dict[int, pikepdf.Dictionary]) -> pikepdf.Array:
    size = max(owners) + 1 if owners else 0
    return pikepdf.Array([owners.get(mcid) for mcid in range(size)])


def retag_and_reindex(
    pdf: pikepdf.Pdf, mcids_by_page: dict[int, set[int]],
    properties: pikepdf.Dictionary | None = None,
) -> int:
    """Make MCIDs that left the tree Artifacts, rebuild the parent tree; count the changes."""
    count = sum(retag_as_artifacts(pdf.pages[index], mcids, properties)
                for index, mcids in mcids_by_page.items())
    rebuild_parent_tree(pdf)
    return count
