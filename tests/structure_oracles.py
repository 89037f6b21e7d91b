"""Test oracles over PDF structure: readings that leafpress itself never needs."""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import PageKey, iter_marked_content, parent_tree, subtree_refs


def page_span(
    element: pikepdf.Dictionary, indices: dict[tuple[int, int], int]
) -> tuple[int, int] | None:
    """First and last page index holding the element's content, or None if it has none.

    ``indices`` comes from :func:`leafpress.pdfua.structure.page_indices`.
    """
    pages = [
        indices[ref.page.objgen]
        for ref in subtree_refs(element)
        if ref.page is not None and ref.page.objgen in indices
    ]
    return (min(pages), max(pages)) if pages else None


def mcid_owners_from_parent_tree(
    pdf: pikepdf.Pdf,
) -> dict[tuple[PageKey, int], pikepdf.Dictionary]:
    """Map (page index, MCID) to an element via each page's /StructParents entry."""
    tree = parent_tree(pdf)
    owners: dict[tuple[PageKey, int], pikepdf.Dictionary] = {}
    if tree is None:
        return owners
    for index, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        if key is None or int(key) not in tree:
            continue
        entries = tree[int(key)]
        if not isinstance(entries, pikepdf.Array):
            continue
        for mcid, element in enumerate(entries):
            if isinstance(element, pikepdf.Dictionary):
                owners[(index, mcid)] = element
    return owners


def page_mcids(page: pikepdf.Page) -> list[int]:
    """The MCIDs of the marked-content sequences opened on a page, in stream order."""
    mcids = []
    for op in iter_marked_content(page):
        mcid = op.marked[-1].mcid if op.operator in ("BDC", "BMC") else None
        if mcid is not None:
            mcids.append(mcid)
    return mcids
