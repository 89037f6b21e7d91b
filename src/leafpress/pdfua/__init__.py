"""Post-processing of WeasyPrint's tagged PDFs with pikepdf, to close PDF/UA tagging gaps."""

from __future__ import annotations

from collections.abc import Callable

import pikepdf

from leafpress.pdfua.artifacts import artifact_untagged_content
from leafpress.pdfua.bbox import figure_boxes_in_points
from leafpress.pdfua.catalog import complete_catalog
from leafpress.pdfua.empty_content import drop_empty_content
from leafpress.pdfua.figures import group_figures_with_captions
from leafpress.pdfua.fragments import merge_split_fragments
from leafpress.pdfua.id_tree import build_id_tree
from leafpress.pdfua.language import (
    LANG_MARKER_PREFIX,
    apply_language_markers,
    lang_marker,
    mark_languages,
)
from leafpress.pdfua.links import describe_links
from leafpress.pdfua.list_items import wrap_list_bodies
from leafpress.pdfua.one_pass import one_pass
from leafpress.pdfua.toc import tag_contents_as_toc
from leafpress.pdfua.tree_editing import rebuild_parent_tree_now

Fix = Callable[[pikepdf.Pdf], list[str]]

FIXES: dict[str, Fix] = {
    "language": apply_language_markers,
    "empty_content": drop_empty_content,
    "fragments": merge_split_fragments,
    "list_items": wrap_list_bodies,
    "figures": group_figures_with_captions,
    "toc": tag_contents_as_toc,
    "links": describe_links,
    "figure_bbox": figure_boxes_in_points,
    "artifacts": artifact_untagged_content,
    "id_tree": build_id_tree,
    "catalog": complete_catalog,
}
"""Each fix edits the PDF in place and returns short descriptions of what it changed.

The order matters: language markers are removed before empty content is dropped
(a marker paints nothing) and before figures are grouped; empty content is dropped
before figures are grouped (it hides the image's wrapper); fragments are merged
before list items get their LBody; the artifacts sweep and the ID tree come after
every fix that removes structure elements.
"""


def fix_tagging(pdf: pikepdf.Pdf) -> list[str]:
    """Apply every fix in FIXES order, in place; return ``"<fix>: <change>"`` lines.

    The fixes run as one pass (pdfua/one_pass.py): each page's content is parsed once
    until a fix rewrites it, and the ParentTree is rebuilt once, at the end.
    """
    with one_pass(pdf, rebuild_parent_tree_now):
        return [f"{name}: {change}" for name, fix in FIXES.items() for change in fix(pdf)]


__all__ = [
    "FIXES",
    "LANG_MARKER_PREFIX",
    "Fix",
    "fix_tagging",
    "lang_marker",
    "mark_languages",
]
