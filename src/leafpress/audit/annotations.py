"""Link annotations the structure tree cannot reach (28-011), where page-validation is silent."""

from __future__ import annotations

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.model import Finding


def _annotations(page: pikepdf.Page) -> list[pikepdf.Dictionary]:
    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return []
    return [annot for annot in annots if isinstance(annot, pikepdf.Dictionary)]


def _target(annot: pikepdf.Dictionary) -> str:
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/URI" in action:
        return f" to {action['/URI']}"
    return ""


def check_links(ctx: AuditContext) -> list[Finding]:
    """28-011: each Link annotation is reached from a Link element by an OBJR.

    page-validation finds a link's element through the ParentTree; a Link element that
    lost its OBJR still passes there, though a screen reader walking the tree never
    meets the link.
    """
    findings: list[Finding] = []
    for index, page in enumerate(ctx.pdf.pages):
        for annot in _annotations(page):
            if annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            owner = ctx.tree.objrs.get(annot.objgen) if annot.is_indirect else None
            if owner is not None and owner.type == "Link":
                continue
            where = "not in the structure tree" if owner is None else f"inside {owner.label}"
            label = f"Link annotation (object {annot.objgen[0]})" if annot.is_indirect else "Link"
            findings.append(
                Finding(
                    "28-011",
                    f"A link{_target(annot)} is {where}, not in a Link element, so people "
                    "using a screen reader cannot reach it.",
                    index + 1,
                    label,
                )
            )
    return findings
