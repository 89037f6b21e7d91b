"""Fix: a list item's content other than its label goes inside an LBody (Matterhorn 09-005).

WeasyPrint 70 puts block children of ``<li>`` (``<li><p>…</p></li>``, as loose
Markdown lists produce) straight into the LI, next to the Lbl; ISO 32000-1 Table 336
allows only Lbl and LBody there. Each run of other kids is wrapped in a new LBody.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import is_struct_element, iter_struct_elements, kids, struct_type
from leafpress.pdfua.tree_editing import adopt, element_page, rebuild_parent_tree, set_kids

ALLOWED_IN_LI = frozenset({"Lbl", "LBody"})


def _allowed(kid: pikepdf.Object) -> bool:
    return (
        isinstance(kid, pikepdf.Dictionary)
        and is_struct_element(kid)
        and struct_type(kid) in ALLOWED_IN_LI
    )


def _new_body(pdf: pikepdf.Pdf, item: pikepdf.Dictionary) -> pikepdf.Dictionary:
    body = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item)
    page = element_page(item)
    if page is not None:
        body["/Pg"] = page  # a new element, not in the tree until set_kids
    return pdf.make_indirect(body)


def wrap_list_bodies(pdf: pikepdf.Pdf) -> list[str]:
    """Wrap LI content that is neither Lbl nor LBody in LBody elements; return what changed."""
    items = [node.element for node in iter_struct_elements(pdf) if node.type == "LI"]
    wrapped = 0
    for item in items:
        current = kids(item)
        if all(_allowed(kid) for kid in current):
            continue
        result: list[pikepdf.Object] = []
        run: list[pikepdf.Object] = []
        for kid in [*current, None]:
            if kid is not None and not _allowed(kid):
                run.append(kid)
                continue
            if run:
                body = _new_body(pdf, item)
                set_kids(body, adopt(body, run, item))
                result.append(body)
                wrapped += 1
                run = []
            if kid is not None:
                result.append(kid)
        set_kids(item, result)
    if not wrapped:
        return []
    rebuild_parent_tree(pdf)
    return [f"{wrapped} LBody element(s) added around list item content"]
