"""PDF/UA-1 by the page-validation engine: run it within safety limits, report its failures."""

from __future__ import annotations

import re
from pathlib import Path

import page
import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.model import NOT_A_PDF_HINT, Finding, UnreadablePdfError
from leafpress.audit.rules import Rule, rule
from leafpress.audit.structure import check_table_header_scope
from leafpress.audit.tree import NUMBERED_HEADING
from leafpress.pdfua.structure import inherited_page, page_indices, struct_type

LIMITS = page.SafetyLimits()
"""page-validation's own defaults: 256 MB input, 32 MB per decoded stream, 256 MB of decoded
content in all, 256 levels of references. A file past any of them is not read further."""

HEADERS_SCOPE = "PDFUA1-TABLE-HEADERS-SCOPE-001"
PAGE_IN_MESSAGE = re.compile(r"\bpage (\d+)\b")
OBJECT_IN_MESSAGE = re.compile(r"\bobject (\d+) (\d+)\b")
MAX_PATH_DEPTH = 64


def validate(path: Path, data: bytes | None = None) -> page.ValidationReport:
    """Run the engine's PDF/UA-1 profile on a file, or on ``data`` named ``path``.

    Raises UnreadablePdfError if it cannot be read.
    """
    profile = page.ValidationProfile.PDF_UA_1
    hint = NOT_A_PDF_HINT
    try:
        if data is not None:
            return page.validate_pdf_bytes(data, profile=profile, limits=LIMITS)
        return page.validate_pdf(path, profile=profile, limits=LIMITS)
    except page.SafetyLimitError as error:
        reason = f"could not read: {error} (a safety limit; the file may be hostile)"
        hint = "Do not open this file. If you made it, make it again from its source."
    except page.PageError as error:
        reason = f"could not read: {error}"
    except OSError as error:
        reason = f"could not read: {error.strerror or error}"
        hint = "Check that the file exists and that you may read it, then audit it again."
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # a Rust panic arrives as a BaseException (PyO3)
        reason = f"could not read: the validator stopped ({type(error).__name__}: {error})"
    raise UnreadablePdfError.single(reason, path=path, hint=hint)


def _object(ctx: AuditContext, failure: page.ValidationFailure) -> pikepdf.Object | None:
    ref = failure.object_id
    named = OBJECT_IN_MESSAGE.search(failure.message)
    if ref is not None:
        key = (ref.object_number, ref.generation)
    elif named is not None:  # font rules name their object in the message only
        key = (int(named.group(1)), int(named.group(2)))
    else:
        return None
    try:
        return ctx.pdf.get_object(key)
    except (pikepdf.PdfError, ValueError, TypeError, KeyError):
        return None


def structure_path(element: pikepdf.Dictionary) -> str:
    """Where an element sits in the tree, e.g. ``Document › Table › TR › TD``."""
    names: list[str] = []
    seen: set[tuple[int, int]] = set()
    current: object = element
    while isinstance(current, pikepdf.Dictionary) and "/S" in current:
        if len(names) >= MAX_PATH_DEPTH or (current.is_indirect and current.objgen in seen):
            names.append("…")
            break
        if current.is_indirect:
            seen.add(current.objgen)
        names.append(struct_type(current) or "?")
        current = current.get("/P")
    return " › ".join(reversed(names))


def _describe(ctx: AuditContext, obj: pikepdf.Object) -> tuple[str, int | None]:
    """Words for the object a failure names, and its one-based page when known."""
    number = f"object {obj.objgen[0]}" if obj.is_indirect else "a direct object"
    if not isinstance(obj, pikepdf.Dictionary):
        return number, None
    pages = page_indices(ctx.pdf)
    kind = obj.get("/Type")
    if "/S" in obj and kind in (None, pikepdf.Name.StructElem):
        on = inherited_page(obj)
        index = pages.get(on.objgen) if on is not None and on.is_indirect else None
        return f"{structure_path(obj)} ({number})", None if index is None else index + 1
    if kind == pikepdf.Name.Metadata:
        return f"XMP metadata stream ({number})", None
    if kind == pikepdf.Name.Catalog:
        return f"document catalog ({number})", None
    if kind == pikepdf.Name.Font:
        return f"font {str(obj.get('/BaseFont', '/?'))[1:]} ({number})", None
    if kind == pikepdf.Name.Page:
        index = pages.get(obj.objgen)
        return f"page ({number})", None if index is None else index + 1
    subtype = obj.get("/Subtype")
    if kind == pikepdf.Name.Annot or ("/Rect" in obj and isinstance(subtype, pikepdf.Name)):
        return f"{str(subtype)[1:]} annotation ({number})", None
    return number, None


def _first_numbered_heading(ctx: AuditContext) -> pikepdf.Dictionary | None:
    return next((e.obj for e in ctx.tree.elements if NUMBERED_HEADING.match(e.type)), None)


def _refine(ctx: AuditContext, meaning: Rule, obj: pikepdf.Object | None) -> Rule:
    """Pick the exact condition where one engine rule covers two Matterhorn numbers."""
    if meaning.condition == "14-003" and isinstance(obj, pikepdf.Dictionary):
        first = _first_numbered_heading(ctx)
        if first is not None and first.is_indirect and first.objgen == obj.objgen:
            return Rule("14-002", "The first numbered heading is not H1.")
    if meaning.condition == "28-008" and isinstance(obj, pikepdf.Dictionary) and "/Tabs" in obj:
        return Rule("28-009", "A page with annotations has a tab order other than /S.")
    if meaning.condition == "07-001":
        preferences = ctx.pdf.Root.get("/ViewerPreferences")
        if isinstance(preferences, pikepdf.Dictionary) and "/DisplayDocTitle" in preferences:
            return Rule("07-002", "DisplayDocTitle is false: viewers show the file name.")
    return meaning


def finding(ctx: AuditContext, failure: page.ValidationFailure) -> Finding:
    """One engine failure as a finding with its Matterhorn condition and location."""
    obj = _object(ctx, failure)
    element, page_number = None, None
    if obj is not None:
        try:
            element, page_number = _describe(ctx, obj)
        except (pikepdf.PdfError, ValueError, TypeError, KeyError):
            element = f"object {obj.objgen[0]}" if obj.is_indirect else None
    meaning = _refine(ctx, rule(failure.rule_id), obj)
    mentioned = PAGE_IN_MESSAGE.search(failure.message)
    if mentioned:
        page_number = int(mentioned.group(1))
    return Finding(
        meaning.condition,
        meaning.explanation,
        page_number,
        element,
        rule=failure.rule_id,
        detail=failure.message,
    )


def _scope_from_class_map(ctx: AuditContext) -> bool:
    """True when the ClassMap gives a Table Scope, and with it every TH has its Scope."""
    root = ctx.tree.root
    classes = root.get("/ClassMap") if root is not None else None
    if not isinstance(classes, pikepdf.Dictionary):
        return False
    gives_scope = any(
        isinstance(item, pikepdf.Dictionary) and "/Scope" in item
        for value in classes.values()
        for item in (value if isinstance(value, pikepdf.Array) else [value])
    )
    return gives_scope and not check_table_header_scope(ctx)


def check_pdfua(ctx: AuditContext) -> list[Finding]:
    """Every PDF/UA-1 failure page-validation found (the runner ran it before this).

    One known engine error is corrected: it does not read TH Scope given through the
    ClassMap (ISO 32000-1 14.7.5.2 allows it), so its 15-003 is dropped when leafpress's
    own 15-003 check, which does read it, finds every TH scoped.
    """
    report = ctx.engine if ctx.engine is not None else validate(ctx.path)
    failures = report.failures
    if any(f.rule_id == HEADERS_SCOPE for f in failures) and _scope_from_class_map(ctx):
        failures = [f for f in failures if f.rule_id != HEADERS_SCOPE]
    return [finding(ctx, failure) for failure in failures]
