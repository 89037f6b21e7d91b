"""Fix: a Figure's layout /BBox in PDF points from the page's foot, not CSS pixels from its top.

WeasyPrint 70 writes a Figure's ``/A << /O /Layout /BBox [...] >>`` in CSS pixels measured
down from the top of the page, so a logo's box can run off the page. PDF user space is in
points (0.75 of a CSS pixel) measured up from the bottom of the MediaBox.
"""

from __future__ import annotations

from decimal import Decimal

import pikepdf

from leafpress.pdfua.structure import attribute_dicts, iter_struct_elements, struct_tree_root

PT_PER_PX = 0.75
#: Set on the StructTreeRoot once the boxes are in points, so fixing twice changes nothing.
DONE = pikepdf.Name("/LeafpressBBoxInPoints")


def points_bbox(css_box: list[float], page_height: float) -> list[float]:
    """[x1, top1, x2, top2] in CSS px from the top -> [llx, lly, urx, ury] in points."""
    x1, t1, x2, t2 = css_box
    return [x1 * PT_PER_PX, page_height - max(t1, t2) * PT_PER_PX,
            x2 * PT_PER_PX, page_height - min(t1, t2) * PT_PER_PX]


def figure_boxes_in_points(pdf: pikepdf.Pdf) -> list[str]:
    """Convert every Figure's layout /BBox to points; return what changed."""
    root = struct_tree_root(pdf)
    if root is None or DONE in root:
        return []
    changed = 0
    for node in iter_struct_elements(pdf):
        if node.type != "Figure" or node.page is None:
            continue
        box = node.page.get("/MediaBox")
        height = float(box[3]) - float(box[1]) if box is not None else 0.0
        for layout in attribute_dicts(node.element):
            if "/BBox" not in layout or height <= 0:
                continue
            values = points_bbox([float(v) for v in layout.BBox], height)
            layout.BBox = pikepdf.Array([Decimal(f"{v:.3f}") for v in values])
            changed += 1
    root[DONE] = True
    return [f"{changed} figure /BBox(es) written in PDF points"] if changed else []
