"""The tagging fixes as one pass: same result as one by one, content parsed once per page."""

from __future__ import annotations

import pikepdf
import pytest
from postprocess_pdfs import html_page, open_pdf, parent_tree_mismatches, render, to_bytes
from tests.structure_oracles import page_mcids

from leafpress.pdfua import FIXES, fix_tagging
from leafpress.pdfua.content_editing import retag_as_artifacts
from leafpress.pdfua.one_pass import one_pass
from leafpress.pdfua.structure import iter_marked_content
from leafpress.pdfua.tree_editing import rebuild_parent_tree, rebuild_parent_tree_now

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
