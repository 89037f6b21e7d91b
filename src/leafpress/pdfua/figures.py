"""Fix: a ``<figure>`` with ``<figcaption>`` becomes one Figure element holding its Caption.

WeasyPrint 70 tags ``<figure><img alt="…"><figcaption>…`` as
``NonStruct > [NonStruct > Figure(/Alt), Caption]``: the figure element itself is
NonStruct and the Caption is only a sibling of the image's wrapper. When a grouping
element (NonStruct or Div) holds a Caption and exactly one Figure outside it, and
nothing else but empty wrappers, the grouping element becomes the Figure: it takes
the image's /Alt and layout attributes and marked content, and keeps the Caption.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import (
    iter_struct_elements,
    iter_subtree,
    kids,
    struct_type,
    subtree_refs,
)
from leafpress.pdfua.tree_editing import (
    adopt,
    rebuild_parent_tree,
    replace_kid,
    same,
    set_kids,
    set_page,
    set_type,
    struct_kids,
)

FIGURE_GROUPS = frozenset({"NonStruct", "Div"})
COPIED_KEYS = ("/Alt", "/A", "/ActualText", "/E", "/Lang")


def _only_figure_inside(wrapper: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The single Figure that ``wrapper`` is or wraps, with no other content around it."""
    if struct_type(wrapper) == "Figure":
        return wrapper
    if struct_type(wrapper) not in FIGURE_GROUPS:
        return None
    inner = struct_kids(wrapper)
    figures = [node.element for node in iter_subtree(wrapper) if node.type == "Figure"]
    if len(inner) != 1 or len(figures) != 1:
        return None
    own_content = sum(1 for _ in subtree_refs(wrapper)) - sum(1 for _ in subtree_refs(figures[0]))
    return figures[0] if own_content == 0 else None


def _figure_parts(
    group: pikepdf.Dictionary,
) -> tuple[pikepdf.Dictionary, pikepdf.Dictionary] | None:
    """(the kid holding the image, the image's Figure) if ``group`` is a captioned figure."""
    if struct_type(group) not in FIGURE_GROUPS:
        return None
    members = struct_kids(group)
    captions = [kid for kid in members if struct_type(kid) == "Caption"]
    others = [kid for kid in members if struct_type(kid) != "Caption"]
    if len(captions) != 1 or len(others) != 1:
        return None
    figure = _only_figure_inside(others[0])
    return None if figure is None else (others[0], figure)


def group_figures_with_captions(pdf: pikepdf.Pdf) -> list[str]:
    """Turn captioned figure groups into Figure elements; return what changed."""
    groups = [node.element for node in iter_struct_elements(pdf) if node.type in FIGURE_GROUPS]
    changed = 0
    missing_alt = 0
    for group in groups:
        parts = _figure_parts(group)
        if parts is None:
            continue
        holder, figure = parts
        for key in COPIED_KEYS:
            if key in figure and key not in group:
                group[key] = figure[key]
        if "/Pg" not in group and "/Pg" in figure:
            set_page(group, figure["/Pg"])
        set_type(group, "Figure")
        replace_kid(group, holder, adopt(group, kids(figure), figure))
        if not same(holder, figure):
            set_kids(holder, [])
        set_kids(figure, [])
        changed += 1
        missing_alt += 0 if "/Alt" in group else 1
    if not changed:
        return []
    rebuild_parent_tree(pdf)
    changes = [f"{changed} captioned figure(s) became Figure elements holding their Caption"]
    if missing_alt:
        changes.append(f"{missing_alt} of them have no /Alt (the image had no alt text)")
    return changes
