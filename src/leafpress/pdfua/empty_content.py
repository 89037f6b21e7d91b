"""Fix: structure references to marked content that paints nothing are dropped.

WeasyPrint 70 can emit a text box with no glyphs (for instance the whitespace after
an ``<img>`` in a ``<figure>``) as ``/Span <</MCID n>> BDC BT ET EMC`` with its own
Span element. Such a sequence becomes an Artifact and its MCID leaves the tree; a
Span or NonStruct left with no kids is removed too, so that wrappers around a single
image are recognisable (see the figures fix). Other emptied elements are kept.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.content_editing import painting_mcids
from leafpress.pdfua.structure import iter_struct_elements, kids, page_indices, struct_type
from leafpress.pdfua.tree_editing import (
    element_page,
    remove_kid,
    retag_and_reindex,
    set_kids,
)

REMOVABLE_WHEN_EMPTY = frozenset({"Span", "NonStruct"})


def _mcid_of(kid: pikepdf.Object, element: pikepdf.Dictionary) -> tuple[pikepdf.Object, int] | None:
    """(page, MCID) of a direct content kid, or None for other kids."""
    if isinstance(kid, int) and not isinstance(kid, bool):
        page = element_page(element)
        return (page, kid) if page is not None else None
    if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
        if "/Stm" in kid:
            return None
        page = kid.get("/Pg", element_page(element))
        return (page, int(kid["/MCID"])) if isinstance(page, pikepdf.Dictionary) else None
    return None


def _prune(element: pikepdf.Dictionary) -> int:
    """Remove ``element`` and emptied ancestors of removable types; return how many."""
    removed = 0
    while struct_type(element) in REMOVABLE_WHEN_EMPTY and not kids(element):
        parent = element.get("/P")
        if not isinstance(parent, pikepdf.Dictionary):
            break
        remove_kid(parent, element)
        removed += 1
        element = parent
    return removed


def drop_empty_content(pdf: pikepdf.Pdf) -> list[str]:
    """Artifact marked content that paints nothing and drop it from the tree."""
    indices = page_indices(pdf)
    empty: dict[int, set[int]] = {}
    for index, page in enumerate(pdf.pages):
        opened, painting = painting_mcids(page)
        if opened - painting:
            empty[index] = opened - painting
    if not empty:
        return []
    dropped: dict[int, set[int]] = {}
    emptied: list[pikepdf.Dictionary] = []
    for node in iter_struct_elements(pdf):
        keep: list[pikepdf.Object] = []
        for kid in kids(node.element):
            ref = _mcid_of(kid, node.element)
            where = indices.get(ref[0].objgen) if ref is not None else None
            if ref is not None and where is not None and ref[1] in empty.get(where, set()):
                dropped.setdefault(where, set()).add(ref[1])
            else:
                keep.append(kid)
        if len(keep) != len(kids(node.element)):
            set_kids(node.element, keep)
            emptied.append(node.element)
    if not dropped:
        return []
    removed = sum(_prune(element) for element in emptied)
    retag_and_reindex(pdf, dropped)
    count = sum(len(mcids) for mcids in dropped.values())
    return [
        f"{count} marked-content sequence(s) that paint nothing became artifacts; "
        f"{removed} emptied element(s) removed"
    ]
