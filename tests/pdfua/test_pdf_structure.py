"""The low-level structure-tree and marked-content helpers, on tiny hand-built PDFs."""

from __future__ import annotations

import pikepdf
from tests.structure_oracles import mcid_owners_from_parent_tree, page_mcids

from leafpress.pdfua.structure import (
    content_refs,
    iter_content_refs,
    iter_marked_content,
    iter_struct_elements,
    mcid_owners_from_tree,
    struct_tree_root,
    subtree_refs,
)

CONTENT = (
    b"/Artifact BMC 0 0 5 5 re f EMC "
    b"/P <</MCID 0>> BDC BT /F1 9 Tf (a) Tj ET EMC "
    b"/Span /Named BDC BT /F1 9 Tf (b) Tj ET /Em BMC BT (c) Tj ET EMC EMC "
    b"BT (loose) Tj ET EMC"
)


def _element(pdf: pikepdf.Pdf, kind: str, **entries: object) -> pikepdf.Dictionary:
    return pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name(f"/{kind}"), **entries)
    )


def _pdf() -> pikepdf.Pdf:
    """Two pages; Document(Pg page 1) > [P (MCID 0), Sect > Span (MCR on page 2)]."""
    pdf = pikepdf.new()
    for _ in range(2):
        pdf.add_blank_page()
    first, second = (page.obj for page in pdf.pages)
    first["/Contents"] = pdf.make_stream(CONTENT)
    first["/Resources"] = pikepdf.Dictionary(
        Properties=pikepdf.Dictionary(Named=pikepdf.Dictionary(MCID=1))
    )
    first["/StructParents"] = 0
    second["/Contents"] = pdf.make_stream(b"/Span <</MCID 0>> BDC EMC")
    second["/StructParents"] = 1
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = _element(pdf, "Document", P=root, Pg=first)
    paragraph = _element(pdf, "P", P=document, K=0)
    section = _element(pdf, "Sect", P=document)
    span = _element(
        pdf, "Span", P=section, K=pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=second, MCID=0)
    )
    section["/K"] = pikepdf.Array([span, section])  # a cycle must not hang the walk
    document["/K"] = pikepdf.Array([paragraph, section])
    root["/K"] = document
    root["/ParentTree"] = pikepdf.Dictionary(
        Nums=pikepdf.Array([0, pikepdf.Array([paragraph, span]), 1, pikepdf.Array([span])])
    )
    pdf.Root["/StructTreeRoot"] = root
    return pdf


def test_walk_gives_types_depths_parents_and_inherited_pages() -> None:
    pdf = _pdf()
    nodes = list(iter_struct_elements(pdf))
    assert [(node.type, node.depth) for node in nodes] == [
        ("Document", 0),
        ("P", 1),
        ("Sect", 1),
        ("Span", 2),
    ]
    assert nodes[0].parent.is_same_object_as(struct_tree_root(pdf))
    assert nodes[3].parent.is_same_object_as(nodes[2].element)
    first_page = pdf.pages[0].obj
    assert all(node.page is not None and node.page.is_same_object_as(first_page) for node in nodes)


def test_content_refs_read_integers_and_mcrs() -> None:
    pdf = _pdf()
    refs = list(iter_content_refs(pdf))
    assert [ref.mcid for ref in refs] == [0, 0]
    assert refs[1].page is not None and refs[1].page.is_same_object_as(pdf.pages[1].obj)
    document = next(iter_struct_elements(pdf))
    assert list(content_refs(document)) == []
    assert [ref.mcid for ref in subtree_refs(document.element)] == [0, 0]


def test_owner_maps_from_tree_and_from_parent_tree() -> None:
    pdf = _pdf()
    by_tree = mcid_owners_from_tree(pdf)
    by_parent_tree = mcid_owners_from_parent_tree(pdf)
    assert sorted(by_tree) == [(0, 0), (1, 0)]
    assert sorted(by_parent_tree) == [(0, 0), (0, 1), (1, 0)]  # (0, 1) is held by no /K
    for key in by_tree:
        assert by_tree[key].is_same_object_as(by_parent_tree[key])


def test_marked_content_nesting_names_and_artifacts() -> None:
    pdf = _pdf()
    ops = list(iter_marked_content(pdf.pages[0]))
    fill = next(op for op in ops if op.operator == "f")
    assert fill.in_artifact and fill.mcid is None
    shows = [op for op in ops if op.shows_text]
    assert [(op.mcid, [seq.tag for seq in op.marked]) for op in shows] == [
        (0, ["P"]),
        (1, ["Span"]),  # MCID from the named property list in /Resources /Properties
        (1, ["Span", "Em"]),  # innermost MCID wins through nesting
        (None, []),
    ]
    closing = [op for op in ops if op.operator == "EMC"]
    assert closing[-1].marked == ()  # an EMC with nothing open is tolerated
    assert page_mcids(pdf.pages[0]) == [0, 1]


def test_untagged_pdf_has_no_tree() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    assert struct_tree_root(pdf) is None
    assert list(iter_struct_elements(pdf)) == []
    assert mcid_owners_from_parent_tree(pdf) == {}


def test_a_tree_thousands_of_levels_deep_is_walked_to_the_bottom() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    pdf.Root.StructTreeRoot = root
    parent = root
    for _ in range(3000):  # far past Python's recursion limit
        element = _element(pdf, "Div", P=parent)
        parent.K = pikepdf.Array([element])
        parent = element
    depths = [node.depth for node in iter_struct_elements(pdf)]
    assert depths == list(range(3000))
