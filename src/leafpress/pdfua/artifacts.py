"""Fix: content not reachable from the structure tree becomes an Artifact (Matterhorn 01-005).

WeasyPrint 70 tags the text of ``@page`` margin boxes (running footers, page
numbers) as ``/Span <</MCID n>> BDC … EMC`` and builds structure elements for it
that the ParentTree points at but no element's /K reaches (issue #1836). Such
sequences become ``/Artifact <</Type /Pagination>> BDC``, their ParentTree
entries are dropped, and painting outside any marked content is wrapped in
``/Artifact BMC … EMC``.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.content_editing import (
    make_artifacts,
    pagination_artifact,
    untagged_painting,
)
from leafpress.pdfua.structure import iter_marked_content, mcid_owners_from_tree, struct_tree_root
from leafpress.pdfua.tree_editing import rebuild_parent_tree


def unreachable_mcids(pdf: pikepdf.Pdf) -> dict[int, set[int]]:
    """Per page index, the MCIDs opened in its content (outside Artifacts) that no element holds."""
    owned = mcid_owners_from_tree(pdf)
    found: dict[int, set[int]] = {}
    for index, page in enumerate(pdf.pages):
        for op in iter_marked_content(page):
            if op.operator not in ("BDC", "BMC") or op.in_artifact:
                continue
            mcid = op.marked[-1].mcid
            if mcid is not None and (index, mcid) not in owned:
                found.setdefault(index, set()).add(mcid)
    return found


def artifact_untagged_content(pdf: pikepdf.Pdf) -> list[str]:
    """Make unreachable and unmarked content Artifacts; return what changed."""
    if struct_tree_root(pdf) is None:
        return []
    retagged = 0
    retagged_pages = 0
    wrapped = 0
    unreachable = unreachable_mcids(pdf)
    for index, page in enumerate(pdf.pages):
        # Retagging a sequence keeps its content out of the untagged painting, before and
        # after, so both edits are found on one parse and made in one rewrite.
        count, ranges = make_artifacts(page, unreachable.get(index, set()),
                                       pagination_artifact(), untagged_painting(page))
        retagged += count
        retagged_pages += 1 if count else 0
        wrapped += ranges
    changes: list[str] = []
    if retagged:
        rebuild_parent_tree(pdf)
        changes.append(
            f"{retagged} marked-content sequence(s) on {retagged_pages} page(s) that no "
            "structure element reaches became /Pagination artifacts"
        )
    if wrapped:
        changes.append(f"{wrapped} unmarked painting operation(s) wrapped as artifacts")
    return changes
