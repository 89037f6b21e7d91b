"""Fix: list every structure element /ID in the StructTreeRoot's /IDTree.

WeasyPrint 70 gives table header cells an /ID and points data cells' /Headers at
it, but writes no /IDTree, which ISO 32000-1 (14.7.2) requires whenever elements
have IDs and which readers use to resolve /Headers.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import iter_struct_elements, struct_tree_root


def build_id_tree(pdf: pikepdf.Pdf) -> list[str]:
    """Write an /IDTree naming each element with an /ID; return what changed."""
    root = struct_tree_root(pdf)
    if root is None:
        return []
    wanted: dict[str, pikepdf.Dictionary] = {}
    for node in iter_struct_elements(pdf):
        element_id = node.element.get("/ID")
        if isinstance(element_id, pikepdf.String) and node.element.is_indirect:
            wanted.setdefault(str(element_id), node.element)
    existing = pikepdf.NameTree(root["/IDTree"]) if "/IDTree" in root else None
    current = {str(key): existing[key].objgen for key in existing} if existing is not None else {}
    if existing is not None and current == {key: item.objgen for key, item in wanted.items()}:
        return []
    if not wanted:
        if existing is None:
            return []
        del root["/IDTree"]
        return ["empty /IDTree removed"]
    tree = pikepdf.NameTree.new(pdf)
    for key, element in wanted.items():
        tree[key] = element
    root["/IDTree"] = tree.obj
    return [f"/IDTree written with {len(wanted)} element ID(s)"]
