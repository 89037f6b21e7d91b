"""Fix: merge the per-page fragments of lists, tables and sections split by page breaks.

WeasyPrint 70 builds the structure tree page by page, so an element that crosses a
page break becomes one element per page (issue #2903). Two adjacent siblings of the
same type are treated as fragments of one element when the first one's content ends
on page N, the second one's starts on page N+1, and:

- the type is L, Table, TBody or LBody; or
- the type is LI, the first has an Lbl and the second has none (a list item's marker is
  drawn only once; items of lists without markers are never merged); or
- the type is a grouping element (Sect, Div, Part, Art, BlockQuote) and the second does
  not start with a heading; or
- the type is NonStruct (WeasyPrint's tag for anonymous boxes and unmapped HTML
  elements) and the last kid of the first and the first kid of the second are
  themselves fragments by these rules.

Paragraphs, headings and table rows are never merged: nothing in the PDF tells a
paragraph continued on the next page from a new one. When tables merge, the header
row WeasyPrint repeats on each page (and the footer it repeats before each break)
becomes a pagination artifact, and the cells' /Headers are pointed at the original
header cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pikepdf

from leafpress.pdfua.content_editing import pagination_artifact
from leafpress.pdfua.structure import (
    attribute_dicts,
    content_refs,
    is_struct_element,
    iter_subtree,
    kids,
    node_of,
    page_indices,
    struct_tree_root,
    struct_type,
    subtree_refs,
)
from leafpress.pdfua.tree_editing import (
    append_kids,
    remove_kid,
    retag_and_reindex,
    set_kids,
    struct_kids,
)

ALWAYS_CONTINUED = frozenset({"L", "Table", "TBody", "LBody"})
GROUPING = frozenset({"Sect", "Div", "Part", "Art", "BlockQuote"})
HEADINGS = frozenset({"H", "H1", "H2", "H3", "H4", "H5", "H6"})
MAY_CONTINUE = ALWAYS_CONTINUED | GROUPING | {"LI", "NonStruct"}
"""The only types whose adjacent siblings can be fragments of one element."""

Span = tuple[int, int] | None
SpanOf = Callable[[pikepdf.Dictionary], Span]


def is_continuation(a: pikepdf.Dictionary, b: pikepdf.Dictionary, span_of: SpanOf) -> bool:
    """True if sibling ``b`` continues ``a`` on the page after ``a``'s last page.

    ``span_of`` gives an element's first and last page index (None without content).
    """
    kind = struct_type(a)
    if kind != struct_type(b) or kind not in MAY_CONTINUE:  # before the costlier page spans
        return False
    span_a, span_b = span_of(a), span_of(b)
    if span_a is None or span_b is None or span_b[0] != span_a[1] + 1:
        return False
    if kind in ALWAYS_CONTINUED:
        return True
    if kind == "LI":
        return _has_label(a) and not _has_label(b)
    if kind in GROUPING:
        first = next(iter(struct_kids(b)), None)
        return first is None or struct_type(first) not in HEADINGS
    if kind == "NonStruct":
        last_of_a = next(reversed(struct_kids(a)), None)
        first_of_b = next(iter(struct_kids(b)), None)
        return (
            last_of_a is not None
            and first_of_b is not None
            and is_continuation(last_of_a, first_of_b, span_of)
        )
    return False


def _has_label(item: pikepdf.Dictionary) -> bool:
    return any(struct_type(kid) == "Lbl" for kid in struct_kids(item))


class _Merger:
    """Walks the tree once, merging fragments and collecting repeated table parts."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.indices = page_indices(pdf)
        self.merged: Counter[str] = Counter()
        self.repeated: Counter[str] = Counter()
        self.dropped: dict[int, set[int]] = {}
        self.spans: dict[tuple[int, int], Span] = {}

    def span(self, element: pikepdf.Dictionary) -> Span:
        """The element's page span, computed bottom-up once per element."""
        key = element.objgen if element.is_indirect else None
        if key is not None and key in self.spans:
            return self.spans[key]
        if key is not None:
            self.spans[key] = None  # guards against cycles
        pages = [
            self.indices[ref.page.objgen]
            for ref in content_refs(node_of(element))
            if ref.page is not None and ref.page.objgen in self.indices
        ]
        for kid in struct_kids(element):
            kid_span = self.span(kid)
            if kid_span is not None:
                pages.extend(kid_span)
        result = (min(pages), max(pages)) if pages else None
        if key is not None:
            self.spans[key] = result
        return result

    def merge_within(self, parent: pikepdf.Dictionary) -> None:
        result: list[pikepdf.Object] = []
        for kid in kids(parent):
            previous = result[-1] if result else None
            if (
                isinstance(previous, pikepdf.Dictionary)
                and isinstance(kid, pikepdf.Dictionary)
                and is_struct_element(previous)
                and is_struct_element(kid)
                and is_continuation(previous, kid, self.span)
            ):
                self.merge_pair(previous, kid)
            else:
                result.append(kid)
        if len(result) != len(kids(parent)):
            set_kids(parent, result)
        for kid in struct_kids(parent):
            self.merge_within(kid)

    def merge_pair(self, a: pikepdf.Dictionary, b: pikepdf.Dictionary) -> None:
        if struct_type(a) == "Table":
            self.drop_repeated_parts(a, b)
        append_kids(a, b)
        self.spans.pop(a.objgen, None)
        self.merged[struct_type(a)] += 1

    def drop_repeated_parts(self, a: pikepdf.Dictionary, b: pikepdf.Dictionary) -> None:
        head_a, head_b = _first_of(a, "THead"), _first_of(b, "THead")
        if head_a is not None and head_b is not None:
            id_map = _header_id_map(head_a, head_b)
            self.drop(b, head_b)
            _redirect_headers(b, id_map)
        foot_a, foot_b = _first_of(a, "TFoot"), _first_of(b, "TFoot")
        if foot_a is not None and foot_b is not None:
            self.drop(a, foot_a)

    def drop(self, parent: pikepdf.Dictionary, part: pikepdf.Dictionary) -> None:
        for ref in subtree_refs(part):
            if ref.page is not None and ref.stream is None and ref.page.objgen in self.indices:
                self.dropped.setdefault(self.indices[ref.page.objgen], set()).add(ref.mcid)
        remove_kid(parent, part)
        self.repeated[struct_type(part)] += 1


def _first_of(element: pikepdf.Dictionary, kind: str) -> pikepdf.Dictionary | None:
    return next((kid for kid in struct_kids(element) if struct_type(kid) == kind), None)


def _header_id_map(head_a: pikepdf.Dictionary, head_b: pikepdf.Dictionary) -> dict[str, str]:
    """Map the IDs of repeated header cells to those of the same cells in the original."""
    id_map: dict[str, str] = {}
    for row_a, row_b in zip(struct_kids(head_a), struct_kids(head_b), strict=False):
        for cell_a, cell_b in zip(struct_kids(row_a), struct_kids(row_b), strict=False):
            if "/ID" in cell_a and "/ID" in cell_b:
                id_map[str(cell_b["/ID"])] = str(cell_a["/ID"])
    return id_map


def _redirect_headers(table_part: pikepdf.Dictionary, id_map: dict[str, str]) -> None:
    if not id_map:
        return
    for node in iter_subtree(table_part):
        for attributes in attribute_dicts(node.element):
            headers = attributes.get("/Headers")
            if isinstance(headers, pikepdf.Array):
                attributes["/Headers"] = pikepdf.Array(
                    [pikepdf.String(id_map.get(str(header), str(header))) for header in headers]
                )


def merge_split_fragments(pdf: pikepdf.Pdf) -> list[str]:
    """Merge elements split by page breaks; return what changed."""
    root = struct_tree_root(pdf)
    if root is None:
        return []
    merger = _Merger(pdf)
    merger.merge_within(root)
    if not merger.merged:
        return []
    retag_and_reindex(pdf, merger.dropped, pagination_artifact())
    merged = ", ".join(f"{kind} x{count}" for kind, count in sorted(merger.merged.items()))
    changes = [f"merged element fragments split by page breaks: {merged}"]
    if merger.repeated:
        repeated = ", ".join(f"{kind} x{count}" for kind, count in sorted(merger.repeated.items()))
        changes.append(f"repeated table parts became pagination artifacts: {repeated}")
    return changes
