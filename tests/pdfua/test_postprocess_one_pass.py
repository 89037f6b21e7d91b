"""The tagging fixes as one pass: same result as one by one, content parsed once per page."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import html_page, open_pdf, parent_tree_mismatches, render, to_bytes
from tests.structure_oracles import page_mcids

from leafpress.pdfua import FIXES, fix_tagging
from leafpress.pdfua.content_editing import retag_as_artifacts
from leafpress.pdfua.one_pass import one_pass
from leafpress.pdfua.structure import iter_marked_content, iter_struct_elements, kids
from leafpress.pdfua.tree_editing import (
    rebuild_parent_tree,
    rebuild_parent_tree_now,
    set_kids,
    set_type,
)

pytestmark = pytest.mark.slow

BODY = (
    "<h1>Bones</h1><p>Some words.</p>"
    "<ul>" + "".join(f"<li>point {n}</li>" for n in range(1, 30)) + "</ul>"
    "<table><thead><tr><th>Day</th></tr></thead><tbody>"
    + "".join(f"<tr><td>day {n}</td></tr>" for n in range(1, 30)) + "</tbody></table>"
)


@pytest.fixture(scope="module")
def raw_pdf() -> bytes:
    return render(html_page(BODY))


def test_one_pass_gives_the_same_bytes_and_changes_as_fix_by_fix(raw_pdf: bytes) -> None:
    separate = open_pdf(raw_pdf)
    changes = [f"{name}: {c}" for name, fix in FIXES.items() for c in fix(separate)]
    together = open_pdf(raw_pdf)
    assert fix_tagging(together) == changes
    assert changes  # the document had faults to fix
    assert to_bytes(together) == to_bytes(separate)
    assert parent_tree_mismatches(open_pdf(to_bytes(together))) == []


def test_a_page_is_parsed_once_until_it_is_rewritten(
    raw_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = pikepdf.parse_content_stream

    def counting(content: object) -> object:
        calls.append(content)
        return real(content)

    monkeypatch.setattr(pikepdf, "parse_content_stream", counting)
    pdf = open_pdf(raw_pdf)
    page = pdf.pages[0]
    with one_pass(pdf, rebuild_parent_tree_now):
        first = page_mcids(page)
        assert page_mcids(page) == first and len(calls) == 1
        retag_as_artifacts(page, {first[0]})
        after = page_mcids(page)  # parsed again: the cache must not hide the rewrite
        assert len(calls) == 2
        assert first[0] not in after and after == first[1:]
    list(iter_marked_content(page))
    list(iter_marked_content(page))
    assert len(calls) == 4  # outside a pass nothing is kept


def test_the_parent_tree_is_rebuilt_once_when_the_pass_ends(raw_pdf: bytes) -> None:
    pdf = open_pdf(raw_pdf)
    root = pdf.Root.StructTreeRoot
    del root["/ParentTree"]
    with one_pass(pdf, rebuild_parent_tree_now):
        rebuild_parent_tree(pdf)
        rebuild_parent_tree(pdf)
        assert "/ParentTree" not in root
    assert "/ParentTree" in root
    other = open_pdf(raw_pdf)
    del other.Root.StructTreeRoot["/ParentTree"]
    rebuild_parent_tree(other)  # no pass: at once
    assert "/ParentTree" in other.Root.StructTreeRoot


def test_the_end_of_pass_rebuild_reuses_the_kept_walk(raw_pdf: bytes) -> None:
    pdf = open_pdf(raw_pdf)
    walks: list[int] = []

    def rebuild(target: pikepdf.Pdf) -> None:
        walks.append(len(list(iter_struct_elements(target))))
        rebuild_parent_tree_now(target)

    with one_pass(pdf, rebuild):
        kept = list(iter_struct_elements(pdf))
        rebuild_parent_tree(pdf)
    assert walks == [len(kept)]
    assert parent_tree_mismatches(open_pdf(to_bytes(pdf))) == []
    # The rebuild ran while the pass still held its walk: the same nodes, not a new walk.
    seen: list[object] = []
    other = open_pdf(raw_pdf)
    with one_pass(other, lambda target: seen.extend(iter_struct_elements(target))):
        kept = list(iter_struct_elements(other))
        rebuild_parent_tree(other)
    assert seen and all(a is b for a, b in zip(seen, kept, strict=True))


def test_the_walk_and_kids_are_kept_until_an_edit_and_never_stale(raw_pdf: bytes) -> None:
    pdf = open_pdf(raw_pdf)
    with one_pass(pdf, rebuild_parent_tree_now):
        first = list(iter_struct_elements(pdf))
        again = list(iter_struct_elements(pdf))
        assert [a is b for a, b in zip(first, again, strict=True)] == [True] * len(first)
        item = next(node for node in first if node.type == "LI")
        before = kids(item.element)
        set_kids(item.element, [])  # an edit: both the walk and this /K are read afresh
        assert kids(item.element) == () and before
        after = list(iter_struct_elements(pdf))
        assert len(after) < len(first)
        assert all(node.element.objgen != kid.objgen for node in after for kid in before
                   if isinstance(kid, pikepdf.Dictionary) and kid.is_indirect)
        set_type(after[0].element, "Art")  # a new type shows in the kept walk
        assert next(iter_struct_elements(pdf)).type == "Art"


def test_edits_outside_a_pass_are_seen_at_once(raw_pdf: bytes) -> None:
    pdf = open_pdf(raw_pdf)
    first = list(iter_struct_elements(pdf))
    item = next(node for node in first if node.type == "LI")
    set_kids(item.element, [])
    assert kids(item.element) == ()
    assert len(list(iter_struct_elements(pdf))) < len(first)
