"""Content outside the structure tree (01-005) that page-validation does not see."""

from __future__ import annotations

from collections import Counter, defaultdict

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.fonts import decode_text
from leafpress.audit.interpreter import TextRun
from leafpress.audit.model import Finding
from leafpress.audit.tree import ObjKey, StructTree
from leafpress.pdfua.structure import MarkedContent, parent_tree

MAX_LISTED = 6


def _status(
    tree: StructTree, marked: tuple[MarkedContent, ...], owner: ObjKey, page: ObjKey
) -> str:
    """'artifact', 'tagged', 'orphan' (innermost MCID not in the tree) or 'untagged'."""
    for sequence in reversed(marked):
        if sequence.is_artifact:
            return "artifact"
        mcid = sequence.mcid
        if mcid is not None:
            reachable = (owner, mcid) in tree.mcids or (page, mcid) in tree.mcids
            return "tagged" if reachable else "orphan"
    return "untagged"


def _untagged(marked: tuple[MarkedContent, ...]) -> bool:
    """True when no enclosing sequence is an Artifact or carries an MCID."""
    return not any(m.is_artifact or m.mcid is not None for m in marked)


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def _orphan_label(ctx: AuditContext, page: int, mcid: int) -> str | None:
    """Name the element the ParentTree gives for an unreachable MCID, if it gives one."""
    try:
        numbers = parent_tree(ctx.pdf)
        key = ctx.pdf.pages[page - 1].obj.get("/StructParents")
        if numbers is None or key is None or int(key) not in numbers:
            return None
        entries = numbers[int(key)]
        if isinstance(entries, pikepdf.Array) and mcid < len(entries):
            element = entries[mcid]
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                number = f" (object {element.objgen[0]})" if element.is_indirect else ""
                return f"{str(element.S)[1:]}{number}"
    except (pikepdf.PdfError, KeyError, TypeError, ValueError, IndexError):
        return None
    return None


def _text_sample(ctx: AuditContext, runs: list[TextRun]) -> str:
    text = " ".join(" ".join(decode_text(ctx, run) for run in runs).split())
    if not text:
        return ""
    return f' (text: "{text[:40]}{"…" if len(text) > 40 else ""}")'


def check_untagged_content(ctx: AuditContext) -> list[Finding]:
    """01-005: content outside any tagged or Artifact marked content.

    page-validation finds most of it, but not untagged inline images, and not anything
    else on a page that has one; this fills that gap.
    """
    untagged_text: dict[int, list[TextRun]] = defaultdict(list)
    for run in ctx.scan.texts:
        if _untagged(run.marked):
            untagged_text[run.page].append(run)
    untagged_paint: dict[int, Counter[str]] = defaultdict(Counter)
    for painting in ctx.scan.paintings:
        if _untagged(painting.marked):
            untagged_paint[painting.page][painting.kind] += 1
    if ctx.tree.root is None:  # one finding, not one per page, for an untagged file
        texts = sum(len(runs) for runs in untagged_text.values())
        pages = len(set(untagged_text) | set(untagged_paint))
        return [
            Finding(
                "01-005",
                "The document has no structure tree (StructTreeRoot): it is not tagged "
                f"({texts} text-showing operator(s) on {pages} page(s) are outside Artifacts).",
            )
        ]
    findings: list[Finding] = []
    for page in sorted(set(untagged_text) | set(untagged_paint)):
        parts = []
        if untagged_text[page]:
            count = len(untagged_text[page])
            parts.append(
                f"{count} text-showing operator(s){_text_sample(ctx, untagged_text[page])}"
            )
        parts += [f"{n} {kind} painting operator(s)" for kind, n in untagged_paint[page].items()]
        findings.append(
            Finding(
                "01-005",
                f"{'; '.join(parts)} outside any tagged or Artifact marked content.",
                page,
            )
        )
    return findings


def check_orphaned_content(ctx: AuditContext) -> list[Finding]:
    """01-005: marked content whose MCID no structure element reaches (page-validation misses it).

    WeasyPrint 70 writes its page footers like this: the content has an MCID, but nothing in
    the structure tree refers to it, so it is neither real tagged content nor an Artifact.
    """
    return [] if ctx.tree.root is None else _orphans(ctx)


def _orphans(ctx: AuditContext) -> list[Finding]:
    tree = ctx.tree
    # page → MCID → whether it is in the page's own content (not a Form XObject)
    orphans: dict[int, dict[int, bool]] = defaultdict(dict)
    texts: dict[tuple[int, int], list[TextRun]] = defaultdict(list)
    for sequence in ctx.scan.sequences:
        mcid = sequence.marked[-1].mcid
        if mcid is None or any(outer.is_artifact for outer in sequence.marked[:-1]):
            continue
        if (sequence.owner, mcid) in tree.mcids or (sequence.page_key, mcid) in tree.mcids:
            continue
        orphans[sequence.page][mcid] = sequence.owner == sequence.page_key
    for run in ctx.scan.texts:
        if _status(tree, run.marked, run.owner, run.page_key) == "orphan":
            innermost = next((m.mcid for m in reversed(run.marked) if m.mcid is not None), -1)
            texts[(run.page, innermost)].append(run)
    findings = []
    for page, mcids in sorted(orphans.items()):
        labels = [
            label
            for mcid, on_page in mcids.items()
            if on_page and (label := _orphan_label(ctx, page, mcid))
        ]
        sample = _text_sample(ctx, [run for mcid in mcids for run in texts[(page, mcid)]])
        findings.append(
            Finding(
                "01-005",
                f"Marked content MCID {_listing([str(m) for m in mcids])} is not reachable "
                f"from the structure tree root{sample}.",
                page,
                f"orphaned {_listing(labels)}" if labels else None,
            )
        )
    return findings
