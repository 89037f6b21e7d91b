"""The booklet contents list becomes TOC > TOCI, found through the contents template's marker."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest
from postprocess_pdfs import (
    elements,
    html_page,
    open_pdf,
    parent_tree_mismatches,
    render,
    struct_strings,
    to_bytes,
    unreachable,
)

from leafpress.audit.context import AuditContext
from leafpress.audit.structure import check_nesting
from leafpress.pdfua import FIXES, fix_tagging
from leafpress.pdfua.toc import TOC_MARKER, is_toc_marker, tag_contents_as_toc
from leafpress.render.html import make_environment

pytestmark = pytest.mark.slow

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
HEADINGS = ["Alpha chapter", "Beta chapter", "Gamma chapter"]
STYLE = """
.contents ol { list-style: none; padding-left: 0; }
.contents a::after { content: leader(". ") target-counter(attr(href url), page); }
.chapter { break-before: page; }
"""


def contents_html(headings: list[str]) -> str:
    """The real contents template, for top-level sections with these headings."""
    sections = [
        SimpleNamespace(level=2, anchor=f"s{n}", heading=heading, notes_page=False)
        for n, heading in enumerate(headings)
    ]
    template = make_environment(TEMPLATES).get_template("contents.html.j2")
    return template.render(sections=sections, glossary=[])


def booklet_body(headings: list[str], *, contents: str | None = None) -> str:
    """Contents, a bulleted list that is not contents, and one chapter per heading."""
    chapters = "".join(
        f'<section id="s{n}" class="chapter"><h2>{heading}</h2><p>Text.</p></section>'
        for n, heading in enumerate(headings)
    )
    chapters += '<section id="about" class="chapter"><h2>About</h2><p>Dates.</p></section>'
    other_list = "<ul><li>Not a contents entry</li><li>Nor this</li></ul>"
    return (contents if contents is not None else contents_html(headings)) + other_list + chapters


@pytest.fixture(scope="module")
def raw() -> bytes:
    """WeasyPrint's rendering of the contents template and a body, before any fix."""
    return render(html_page(booklet_body(HEADINGS), style=STYLE))


@pytest.fixture(scope="module")
def fixed(raw: bytes) -> bytes:
    """The same PDF after every leafpress tagging fix."""
    pdf = open_pdf(raw)
    fix_tagging(pdf)
    return to_bytes(pdf)


def nesting_findings(data: bytes) -> list[str]:
    """The auditor's table, list and TOC nesting findings (09-004…09-008) on a PDF."""
    with open_pdf(data) as pdf:
        return [f"{f.condition}: {f.message}" for f in check_nesting(AuditContext(pdf, Path("x")))]


def test_the_template_carries_the_marker() -> None:
    html = contents_html(HEADINGS)
    assert f"<title>{TOC_MARKER}</title>" in html
    assert html.index(TOC_MARKER) < html.index("<ol")


def test_weasyprint_tags_the_contents_as_a_list(raw: bytes) -> None:
    pdf = open_pdf(raw)
    assert not elements(pdf, "TOC") and not elements(pdf, "TOCI")
    assert len(elements(pdf, "L")) == 2  # contents and the other list
    assert len(elements(pdf, "LI")) == len(HEADINGS) + 1 + 2
    assert [m for m in elements(pdf, "Figure") if is_toc_marker(m)]


def test_the_fix_makes_toc_and_tocis(raw: bytes) -> None:
    pdf = open_pdf(raw)
    changes = tag_contents_as_toc(pdf)
    assert changes == [f"1 contents list(s) tagged as TOC with {len(HEADINGS) + 1} TOCI item(s)"]
    (toc,) = elements(pdf, "TOC")
    items = elements(pdf, "TOCI")
    assert len(items) == len(HEADINGS) + 1
    assert all(item.P.is_same_object_as(toc) for item in items)
    assert all(
        [str(kid.S) for kid in item.K if isinstance(kid, pikepdf.Dictionary)] == ["/Reference"]
        for item in items
    )
    assert [str(item.S) for item in elements(pdf, "L")] == ["/L"]  # the other list stays
    assert len(elements(pdf, "LI")) == 2
    assert not [m for m in elements(pdf, "Figure") if is_toc_marker(m)]
    before = open_pdf(raw)  # the raw render's footer is unreachable until the artifacts fix
    assert unreachable(pdf) == unreachable(before)
    assert set(parent_tree_mismatches(pdf)) <= set(parent_tree_mismatches(before))


def test_each_contents_page_is_rewritten_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from leafpress.pdfua import content_editing

    leaders = '.toc-page::after { content: leader(". ") ' \
        "target-counter(attr(data-target url), page); }"  # as styles/base.css
    pdf = open_pdf(render(html_page(booklet_body(HEADINGS), style=STYLE + leaders)))
    rewrites: list[tuple[int, int]] = []
    real = content_editing.write_content

    def counting(page: pikepdf.Page, instructions: object) -> None:
        rewrites.append(page.obj.objgen)
        real(page, instructions)  # type: ignore[arg-type]

    monkeypatch.setattr(content_editing, "write_content", counting)
    tag_contents_as_toc(pdf)
    # Every entry's leader and the marker become artifacts, and all of them are on the
    # contents page: one rewrite, not one per entry.
    assert rewrites and len(rewrites) == len(set(rewrites)) == 1


def test_toc_entries_keep_their_text_in_order(fixed: bytes) -> None:
    strings = "\n".join(struct_strings(fixed))
    positions = [strings.find(heading) for heading in HEADINGS]
    assert -1 not in positions and positions == sorted(positions)
    assert TOC_MARKER not in strings


def test_the_toc_fix_runs_after_fragments_and_before_artifacts() -> None:
    order = list(FIXES)
    assert order.index("fragments") < order.index("toc") < order.index("artifacts")
    assert order.index("list_items") < order.index("toc")


def test_the_fixed_pdf_passes_the_nesting_check(fixed: bytes) -> None:
    pdf = open_pdf(fixed)
    assert elements(pdf, "TOC") and elements(pdf, "TOCI")
    assert nesting_findings(fixed) == []


def test_the_nesting_check_fails_a_toci_left_in_a_list(fixed: bytes) -> None:
    pdf = open_pdf(fixed)
    (toc,) = elements(pdf, "TOC")
    toc.S = pikepdf.Name.L
    findings = nesting_findings(to_bytes(pdf))
    assert any(f.startswith("09-006") and "TOCI is inside L" in f for f in findings)
    assert any(f.startswith("09-005") and "L contains TOCI" in f for f in findings)


def test_without_the_marker_nothing_changes() -> None:
    unmarked = contents_html(HEADINGS).replace(TOC_MARKER, "just a picture title")
    pdf = open_pdf(render(html_page(booklet_body(HEADINGS, contents=unmarked), style=STYLE)))
    assert tag_contents_as_toc(pdf) == []
    assert not elements(pdf, "TOC") and len(elements(pdf, "L")) == 2


def test_a_contents_list_split_across_pages_becomes_one_toc() -> None:
    headings = [f"Chapter number {n}" for n in range(1, 31)]
    pdf = open_pdf(render(html_page(booklet_body(headings), style=STYLE)))
    # WeasyPrint makes one L per page: the contents' two halves and the other list
    assert len(elements(pdf, "L")) == 3
    fix_tagging(pdf)
    assert len(elements(pdf, "TOC")) == 1
    items = elements(pdf, "TOCI")
    assert len(items) == len(headings) + 1
    for item in items:  # one entry each: the fragments fix merged two across the break
        (reference,) = [kid for kid in item.K if isinstance(kid, pikepdf.Dictionary)]
        assert reference.S == "/Reference" and reference.P.is_same_object_as(item)
        assert [str(kid.S) for kid in reference.K if isinstance(kid, pikepdf.Dictionary)] == [
            "/Link"
        ]
    assert nesting_findings(to_bytes(pdf)) == []
    assert unreachable(pdf) == [] and parent_tree_mismatches(pdf) == []
