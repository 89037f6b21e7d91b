"""leafpress's own structure checks, kept where page-validation is silent or wrong.

Nesting (09-004…09-008) also covers Ruby and Warichu; blank figure text (13-004);
TH Scope (15-003) read from the ClassMap as well as from /A.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.model import Finding
from leafpress.audit.tree import Element, StructTree


@dataclass(frozen=True)
class NestingRule:
    """Which parents and children a structure type may have, and its condition code."""

    condition: str
    parents: frozenset[str] | None = None
    children: frozenset[str] | None = None


def _set(*names: str) -> frozenset[str]:
    return frozenset(names)


TABLE_SECTIONS = _set("THead", "TBody", "TFoot")
NESTING: dict[str, NestingRule] = {
    # ISO 32000-1 Table 337 (tables) → Matterhorn 09-004
    "Table": NestingRule("09-004", children=_set("TR", "Caption") | TABLE_SECTIONS),
    "THead": NestingRule("09-004", parents=_set("Table"), children=_set("TR")),
    "TBody": NestingRule("09-004", parents=_set("Table"), children=_set("TR")),
    "TFoot": NestingRule("09-004", parents=_set("Table"), children=_set("TR")),
    "TR": NestingRule("09-004", parents=_set("Table") | TABLE_SECTIONS, children=_set("TH", "TD")),
    "TH": NestingRule("09-004", parents=_set("TR")),
    "TD": NestingRule("09-004", parents=_set("TR")),
    # Table 336 (lists) → 09-005
    "L": NestingRule("09-005", children=_set("LI", "L", "Caption")),
    "LI": NestingRule("09-005", parents=_set("L"), children=_set("Lbl", "LBody")),
    "LBody": NestingRule("09-005", parents=_set("LI")),
    # Table 333 (tables of contents) → 09-006
    "TOC": NestingRule("09-006", children=_set("TOC", "TOCI", "Caption")),
    "TOCI": NestingRule("09-006", parents=_set("TOC")),
    # Table 338 (ruby and warichu) → 09-007, 09-008
    "Ruby": NestingRule("09-007", children=_set("RB", "RT", "RP")),
    "RB": NestingRule("09-007", parents=_set("Ruby")),
    "RT": NestingRule("09-007", parents=_set("Ruby")),
    "RP": NestingRule("09-007", parents=_set("Ruby")),
    "Warichu": NestingRule("09-008", children=_set("WT", "WP")),
    "WT": NestingRule("09-008", parents=_set("Warichu")),
    "WP": NestingRule("09-008", parents=_set("Warichu")),
}
"""Nesting rules keyed by (role-mapped) structure type."""


def _names(types: frozenset[str]) -> str:
    return ", ".join(sorted(types))


def check_nesting(ctx: AuditContext) -> list[Finding]:
    """09-004…09-008: table, list, TOC, ruby and warichu elements nest as ISO 32000-1 says."""
    tree = ctx.tree
    findings: list[Finding] = []
    for element in tree.elements:
        rule = NESTING.get(element.type)
        if rule is None:
            continue
        parent = tree.parent_of(element)
        parent_type = parent.type if parent is not None else "StructTreeRoot"
        if rule.parents is not None and parent_type not in rule.parents:
            where = parent.label if parent is not None else "the StructTreeRoot"
            findings.append(
                Finding(
                    rule.condition,
                    f"{element.type} is inside {where}; it must be inside {_names(rule.parents)}.",
                    element.page,
                    element.label,
                )
            )
        children = tree.child_elements(element.index)
        if rule.children is not None:
            strays = [child for child in children if child.type not in rule.children]
            if strays:
                kinds = ", ".join(child.label for child in strays[:4])
                kinds += f" and {len(strays) - 4} more" if len(strays) > 4 else ""
                findings.append(
                    Finding(
                        rule.condition,
                        f"{element.type} contains {kinds}; it may contain only "
                        f"{_names(rule.children)}.",
                        element.page,
                        element.label,
                    )
                )
        if element.type in ("L", "Table", "TOC") and not children:
            findings.append(
                Finding(
                    rule.condition,
                    f"{element.type} has no child elements.",
                    element.page,
                    element.label,
                )
            )
    return findings


def _text_entry(element: Element, key: str) -> str:
    value = element.obj.get(key)
    return str(value).strip() if isinstance(value, pikepdf.String) else ""


def check_figure_alt_text(ctx: AuditContext) -> list[Finding]:
    """13-004: a Figure whose only alternative text is blank (page-validation accepts it)."""
    return [
        Finding(
            "13-004",
            "The figure's alternative text (Alt) is blank, so it tells a reader nothing.",
            element.page,
            element.label,
        )
        for element in ctx.tree.elements
        if element.type == "Figure"
        and isinstance(element.obj.get("/Alt"), pikepdf.String)
        and not _text_entry(element, "/Alt")
        and not _text_entry(element, "/ActualText")
    ]


def _attribute_dicts(ctx: AuditContext, element: Element) -> Iterator[pikepdf.Dictionary]:
    attributes = element.obj.get("/A")
    items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    classes = element.obj.get("/C")
    class_names = list(classes) if isinstance(classes, pikepdf.Array) else [classes]
    class_map = ctx.tree.root.get("/ClassMap") if ctx.tree.root is not None else None
    for name in class_names:
        if isinstance(name, pikepdf.Name) and isinstance(class_map, pikepdf.Dictionary):
            found = class_map.get(name)
            items += list(found) if isinstance(found, pikepdf.Array) else [found]
    for item in items:
        if isinstance(item, pikepdf.Dictionary):
            yield item


def table_attribute(ctx: AuditContext, element: Element, key: str) -> object | None:
    """A Table-owner attribute of an element (from /A or its /C classes), if set."""
    for attributes in _attribute_dicts(ctx, element):
        if attributes.get("/O") == pikepdf.Name.Table and key in attributes:
            return attributes[key]
    return None


def _cells(tree: StructTree, table: Element) -> Iterator[Element]:
    """TH and TD elements of a table, not descending into nested tables."""
    pending = list(tree.child_elements(table.index))
    while pending:
        element = pending.pop(0)
        if element.type in ("TH", "TD"):
            yield element
        if element.type != "Table":
            pending = tree.child_elements(element.index) + pending


def check_table_header_scope(ctx: AuditContext) -> list[Finding]:
    """15-003: in a table not organised with Headers/IDs, every TH has a Scope attribute."""
    tree = ctx.tree
    findings: list[Finding] = []
    for table in (element for element in tree.elements if element.type == "Table"):
        cells = list(_cells(tree, table))
        data_cells = [cell for cell in cells if cell.type == "TD"]
        uses_headers = bool(data_cells) and all(
            table_attribute(ctx, cell, "/Headers") for cell in data_cells
        )
        if uses_headers:
            continue
        findings += [
            Finding(
                "15-003",
                "TH has no Scope attribute, and the table's data cells are not linked to "
                "their headers with Headers/ID.",
                cell.page,
                cell.label,
            )
            for cell in cells
            if cell.type == "TH" and table_attribute(ctx, cell, "/Scope") is None
        ]
    return findings
