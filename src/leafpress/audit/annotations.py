"""Annotation checks: tab order (28-008, 28-009) and links (28-011, 28-012)."""

from __future__ import annotations

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.model import Finding


def _annotations(page: pikepdf.Page) -> list[pikepdf.Dictionary]:
    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return []
    return [annot for annot in annots if isinstance(annot, pikepdf.Dictionary)]


def _annotation_label(annot: pikepdf.Dictionary) -> str:
    subtype = str(annot.get("/Subtype", "/Annot"))[1:]
    return f"{subtype} annotation (object {annot.objgen[0]})" if annot.is_indirect else subtype


def _target(annot: pikepdf.Dictionary) -> str:
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/URI" in action:
        return f" to {action['/URI']}"
    return ""


def check_tab_order(ctx: AuditContext) -> list[Finding]:
    """28-008 a page with annotations has /Tabs; 28-009 its value is /S."""
    findings: list[Finding] = []
    for index, page in enumerate(ctx.pdf.pages):
        if not _annotations(page):
            continue
        tabs = page.obj.get("/Tabs")
        if tabs is None:
            findings.append(
                Finding("28-008", "Page has annotations but no /Tabs entry.", index + 1)
            )
        elif tabs != pikepdf.Name.S:
            findings.append(
                Finding("28-009", f"Page has /Tabs {tabs}, not /S (structure order).", index + 1)
            )
    return findings


def check_links(ctx: AuditContext) -> list[Finding]:
    """28-011 each Link annotation is referenced from a Link element; 28-012 has /Contents."""
    findings: list[Finding] = []
    for index, page in enumerate(ctx.pdf.pages):
        for annot in _annotations(page):
            if annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            label = _annotation_label(annot)
            owner = ctx.tree.objrs.get(annot.objgen) if annot.is_indirect else None
            if owner is None or owner.type != "Link":
                where = "not in the structure tree" if owner is None else f"inside {owner.label}"
                findings.append(
                    Finding(
                        "28-011",
                        f"Link annotation{_target(annot)} is {where}, not in a Link element.",
                        index + 1,
                        label,
                    )
                )
            contents = annot.get("/Contents")
            if not isinstance(contents, pikepdf.String) or not str(contents).strip():
                findings.append(
                    Finding(
                        "28-012",
                        f"Link annotation{_target(annot)} has no /Contents description.",
                        index + 1,
                        label,
                    )
                )
    return findings
