"""Fix: the booklet's contents list becomes TOC > TOCI, found through a marker in the HTML.

WeasyPrint 70 tags ``<nav><ol><li><a>`` as ``NonStruct > L > LI > LBody > Link``.
ISO 32000-1 (14.8.4.3.2, Table 333) has TOC and TOCI for a table of contents; PDF/UA
readers announce them as such and Matterhorn 09-006 checks their nesting.

Finding the list: WeasyPrint keeps no HTML ``id`` or ``class`` in the structure tree,
and the heading text could only be read back by decoding content streams. So the
contents template (templates/contents.html.j2) puts a marker first inside its
``<nav>``, as the language fix does::

    <svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"
         style="position:absolute;width:0;height:0;overflow:hidden" aria-hidden="true">
      <title>leafpress-toc</title></svg>

It is empty and absolutely positioned, so layout and extracted text do not change;
WeasyPrint tags it as a Figure with ``/Alt (leafpress-toc)``, a sibling of the list.
For each marker, every L among the marker's siblings (with the lists nested in it)
becomes a TOC, each LI a TOCI and each LBody a Reference (a TOCI may hold Lbl,
Reference, NonStruct, P and TOC); then the marker element is removed and its marked
content becomes an Artifact. A contents page without the marker is left as a list.

Run it after the fragments fix (a contents list split across pages is then one L) and
the list_items fix (an LI then holds only Lbl and LBody). The contents list has no
bullets, so the fragments fix cannot tell the first entry on a page from the rest of
the last entry on the page before, and merges the two: each contents entry is exactly
one link, so an item whose body holds only links, two or more, is split back into one
TOCI per link.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import (
    iter_struct_elements,
    kids,
    page_indices,
    struct_type,
    subtree_refs,
)
from leafpress.pdfua.tree_editing import (
    element_page,
    remove_kid,
    replace_kid,
    retag_and_reindex,
    set_type,
    struct_kids,
)

# Each entry is one link whose text is the heading; the template puts the dot leader and
# page number in a span after the link, which becomes an artifact, so a screen reader
# hears each heading once and never the hundreds of ". " of the leaders.
TOC_MARKER = "leafpress-toc"
"""The marker Figure's /Alt (the SVG <title> in the contents template)."""


def is_toc_marker(element: pikepdf.Dictionary) -> bool:
    """True for the marker Figure the contents template puts next to its list."""
    alt = element.get("/Alt")
    return (
        struct_type(element) == "Figure"
        and isinstance(alt, pikepdf.String)
        and str(alt) == TOC_MARKER
    )


def _element(
    pdf: pikepdf.Pdf, kind: str, parent: pikepdf.Dictionary, children: list[pikepdf.Dictionary]
) -> pikepdf.Dictionary:
    """A new structure element holding ``children`` (which it adopts)."""
    element = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem,
            S=pikepdf.Name("/" + kind),
            P=parent,
            K=pikepdf.Array(children),
        )
    )
    page = element_page(children[0]) if children else None
    if page is not None:
        element["/Pg"] = page
    for child in children:
        child["/P"] = element
    return element


def _split_entries(
    pdf: pikepdf.Pdf, item: pikepdf.Dictionary, toc: pikepdf.Dictionary
) -> list[pikepdf.Dictionary]:
    """One TOCI per link, when ``item`` holds several (see the module docstring)."""
    bodies = struct_kids(item)
    links = struct_kids(bodies[0]) if len(bodies) == 1 else []
    if (
        len(links) < 2
        or len(links) != len(kids(bodies[0]))
        or any(struct_type(link) != "Link" for link in links)
    ):
        return [item]
    items = [
        _element(pdf, "TOCI", toc, [_element(pdf, "Reference", toc, [link])]) for link in links
    ]
    replace_kid(toc, item, items)
    return items


#: The MCIDs to become artifacts, by page index: gathered while the tree is retagged, so
#: each page's content is rewritten once, not once per contents entry.
Retag = dict[int, set[int]]


def _leaders_as_artifacts(reference: pikepdf.Dictionary, retag: Retag,
                          indices: dict[tuple[int, int], int]) -> None:
    """Each entry's dot leader and page number (outside its link) become artifacts."""
    for part in struct_kids(reference):
        if struct_type(part) != "Link":
            _drop_marker(part, reference, retag, indices)


def _retag_list(pdf: pikepdf.Pdf, toc: pikepdf.Dictionary, retag: Retag,
                indices: dict[tuple[int, int], int]) -> int:
    """Make an L a TOC, its LIs TOCIs and their LBodies References; return the TOCI count."""
    set_type(toc, "TOC")
    made = 0
    for kid in struct_kids(toc):
        kind = struct_type(kid)
        if kind == "L":
            made += _retag_list(pdf, kid, retag, indices)
        elif kind == "LI":
            set_type(kid, "TOCI")
            for part in struct_kids(kid):
                if struct_type(part) == "LBody":
                    set_type(part, "Reference")
                    _leaders_as_artifacts(part, retag, indices)
                elif struct_type(part) == "L":
                    made += _retag_list(pdf, part, retag, indices)
            made += len(_split_entries(pdf, kid, toc))
    return made


def _drop_marker(marker: pikepdf.Dictionary, parent: pikepdf.Dictionary, retag: Retag,
                 indices: dict[tuple[int, int], int]) -> None:
    """Remove ``marker`` from the tree; its marked content is noted in ``retag``."""
    for ref in subtree_refs(marker):
        if ref.page is not None and ref.stream is None and ref.page.objgen in indices:
            retag.setdefault(indices[ref.page.objgen], set()).add(ref.mcid)
    remove_kid(parent, marker)


def tag_contents_as_toc(pdf: pikepdf.Pdf) -> list[str]:
    """Retag the marked contents list as TOC/TOCI and drop the marker; return what changed."""
    markers = [
        (node.element, node.parent)
        for node in iter_struct_elements(pdf)
        if is_toc_marker(node.element)
    ]
    if not markers:
        return []
    items = 0
    lists = 0
    retag: Retag = {}
    indices = page_indices(pdf)
    for marker, parent in markers:
        for sibling in struct_kids(parent):
            if struct_type(sibling) == "L":
                items += _retag_list(pdf, sibling, retag, indices)
                lists += 1
        _drop_marker(marker, parent, retag, indices)
    retag_and_reindex(pdf, retag)
    return [f"{lists} contents list(s) tagged as TOC with {items} TOCI item(s)"]
