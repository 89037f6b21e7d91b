"""Fix: give elements with their own ``lang`` a /Lang, via an invisible marker in the HTML.

WeasyPrint 70 drops ``lang`` attributes from the structure tree. The HTML therefore
carries a marker as the first child of each element with its own ``lang``::

    <p lang="cy"><svg …><title>leafpress-lang:cy</title></svg>Mae hon …</p>

(:func:`lang_marker` returns it; :func:`mark_languages` inserts it into a parsed
``weasyprint.HTML`` before rendering.) The marker is an empty, absolutely
positioned SVG, so layout and extracted text do not change; WeasyPrint tags it as
a Figure whose /Alt is the SVG title, as a child of the element's structure
element. This fix sets /Lang on that parent, deletes the marker Figure and turns
its (empty) marked content into an Artifact.
"""

from __future__ import annotations

from html import escape
from xml.etree import ElementTree

import pikepdf

from leafpress.pdfua.structure import iter_struct_elements, page_indices, struct_type, subtree_refs
from leafpress.pdfua.tree_editing import (
    hoist,
    remove_kid,
    retag_and_reindex,
    struct_kids,
)

LANG_MARKER_PREFIX = "leafpress-lang:"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MARKER_STYLE = "position:absolute;width:0;height:0;overflow:hidden"
NO_MARKER_INSIDE = frozenset(
    {
        "html", "head", "title", "meta", "link", "style", "script", "base", "br", "hr",
        "img", "input", "area", "col", "colgroup", "embed", "source", "track", "wbr",
        "table", "thead", "tbody", "tfoot", "tr", "select", "option", "textarea", "svg",
        "math", "iframe", "object", "video", "audio", "picture",
    }
)  # fmt: skip


def lang_marker(lang: str) -> str:
    """The HTML marker to put first inside an element whose ``lang`` differs from the page's."""
    return (
        f'<svg xmlns="{SVG_NAMESPACE}" width="0" height="0" style="{MARKER_STYLE}" '
        f'aria-hidden="true"><title>{escape(LANG_MARKER_PREFIX + lang)}</title></svg>'
    )


def mark_languages(root: ElementTree.Element) -> int:
    """Insert a marker into every element below ``root`` that has a ``lang``; return how many.

    ``root`` is ``weasyprint.HTML(...).etree_element``, modified before ``write_pdf``.
    Void and table-structure elements (see NO_MARKER_INSIDE) are skipped.
    """
    count = 0
    for element in root.iter():
        lang = element.get("lang")
        if not lang or element is root or not isinstance(element.tag, str):
            continue
        if element.tag in NO_MARKER_INSIDE or element.tag.startswith("{"):
            continue
        marker = ElementTree.Element(
            f"{{{SVG_NAMESPACE}}}svg",
            {"width": "0", "height": "0", "style": MARKER_STYLE, "aria-hidden": "true"},
        )
        title = ElementTree.SubElement(marker, f"{{{SVG_NAMESPACE}}}title")
        title.text = LANG_MARKER_PREFIX + lang
        marker.tail, element.text = element.text, None
        element.insert(0, marker)
        count += 1
    return count


def _marker_lang(element: pikepdf.Dictionary) -> str | None:
    alt = element.get("/Alt")
    if struct_type(element) != "Figure" or not isinstance(alt, pikepdf.String):
        return None
    text = str(alt)
    if not text.startswith(LANG_MARKER_PREFIX):
        return None
    return text[len(LANG_MARKER_PREFIX) :] or None


def apply_language_markers(pdf: pikepdf.Pdf) -> list[str]:
    """Set /Lang from marker Figures, remove the markers; return what changed."""
    indices = page_indices(pdf)
    markers = [
        (node.element, node.parent, lang)
        for node in iter_struct_elements(pdf)
        if (lang := _marker_lang(node.element)) is not None
    ]
    retag: dict[int, set[int]] = {}
    languages: list[str] = []
    for marker, parent, lang in markers:
        for ref in subtree_refs(marker):
            if ref.page is not None and ref.stream is None and ref.page.objgen in indices:
                retag.setdefault(indices[ref.page.objgen], set()).add(ref.mcid)
        remove_kid(parent, marker)
        target = _lift_out_of_empty_wrapper(parent)
        target["/Lang"] = pikepdf.String(lang)
        _merge_anonymous_twin(target)
        languages.append(lang)
    if not markers:
        return []
    retag_and_reindex(pdf, retag)
    summary = ", ".join(f"{lang} x{languages.count(lang)}" for lang in sorted(set(languages)))
    return [f"/Lang set on {len(markers)} element(s) from language markers: {summary}"]


def _lift_out_of_empty_wrapper(parent: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The marker's real owner: ``parent``, or its parent if ``parent`` is now empty."""
    grand = parent.get("/P")
    if struct_kids(parent) or any(True for _ in subtree_refs(parent)):
        return parent
    if isinstance(grand, pikepdf.Dictionary) and struct_type(parent) == "NonStruct":
        remove_kid(grand, parent)
        return grand
    return parent


def _merge_anonymous_twin(element: pikepdf.Dictionary) -> None:
    """Unwrap ``P > P`` left when the marker forced an anonymous block of the same type."""
    inner = struct_kids(element)
    own_refs = list(subtree_refs(element))
    inner_refs = [ref for kid in inner for ref in subtree_refs(kid)]
    if (
        len(inner) == 1
        and struct_type(inner[0]) == struct_type(element)
        and len(own_refs) == len(inner_refs)
    ):
        hoist(element, inner[0])
