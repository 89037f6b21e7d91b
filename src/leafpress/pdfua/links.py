"""Fix: links get readable descriptions, citations read as "source N", click areas a height.

WeasyPrint 70 writes each link annotation's /Contents as its raw target ("ref-1",
"section-what-is-secondary"), which screen readers speak. Internal links to a reference
become "Reference N"; links to a section take the title of the bookmark at the same
place, else the id in words; web, email and phone links say what they open. A citation
(``<sup class="cite">``, tagged NonStruct holding Links to ``ref-N``) becomes a Reference
element whose /ActualText reads "source 1" or "sources 1 and 2", so it is not heard as a
number next to the text's own numbers. A link whose area is under the text's height
(a citation's ``line-height: 0``) is given that height around its middle.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pikepdf

from leafpress.pdfua.structure import iter_struct_elements, kids, struct_type
from leafpress.pdfua.tree_editing import set_type, struct_kids

#: The least height of a link's click area, in points (the smallest text leafpress sets).
MIN_LINK_HEIGHT = 12.0
_REF = re.compile(r"^ref-(\d+)$")


def _named_destinations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Array]:
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    tree = pikepdf.NameTree(names.Dests)
    return {str(key): value for key, value in tree.items() if isinstance(value, pikepdf.Array)}


def _bookmarks(pdf: pikepdf.Pdf) -> list[tuple[tuple[int, int], float, str]]:
    found = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            stack.extend(item.children)
            dest = item.destination
            if isinstance(dest, pikepdf.Array) and len(dest) >= 4:
                found.append((dest[0].objgen, float(dest[3]), item.title))
    return found


def _words(anchor: str) -> str:
    return re.sub(r"^section-", "", anchor).replace("-", " ")


def describe(target: str, place: pikepdf.Array | None,
             bookmarks: list[tuple[tuple[int, int], float, str]]) -> str:
    """What a link leads to, in words a screen reader can speak."""
    if target.startswith("mailto:"):
        return f"Email {target[7:]}"
    if target.startswith("tel:"):
        return f"Phone {target[4:]}"
    if "://" in target:
        return f"Open the web page {target}"
    match = _REF.match(target)
    if match:
        return f"Reference {match.group(1)}"
    if place is not None and len(place) >= 4:
        page, top = place[0].objgen, float(place[3])
        near = [(abs(top - y), title) for objgen, y, title in bookmarks
                if objgen == page and 0 <= top - y <= 72]
        if near:
            return f"Go to: {min(near)[1]}"
    return f"Go to: {_words(target)}"


def _taller(rect: pikepdf.Object) -> pikepdf.Array | None:
    x1, y1, x2, y2 = (float(v) for v in rect)
    low, high = min(y1, y2), max(y1, y2)
    if high - low >= MIN_LINK_HEIGHT:
        return None
    middle = (low + high) / 2
    half = MIN_LINK_HEIGHT / 2
    return pikepdf.Array([Decimal(f"{v:.4f}") for v in (x1, middle - half, x2, middle + half)])


def _citation_numbers(element: pikepdf.Dictionary) -> list[str] | None:
    """The reference numbers a citation element links to, or None if it is not one."""
    numbers = []
    for kid in struct_kids(element):
        if struct_type(kid) == "Link":
            annots = [k.get("/Obj") for k in kids(kid) if isinstance(k, pikepdf.Dictionary)
                      and k.get("/Type") == "/OBJR"]
            target = str(annots[0].get("/Dest", "")) if annots and annots[0] is not None else ""
            match = _REF.match(target)
            if not match:
                return None
            numbers.append(match.group(1))
        elif struct_type(kid) != "Span":
            return None
    return numbers or None


def spoken_citation(numbers: list[str]) -> str:
    """How a citation is spoken: source 1; sources 1 and 2; sources 1, 2 and 4."""
    if len(numbers) == 1:
        return f"source {numbers[0]}"
    return f"sources {', '.join(numbers[:-1])} and {numbers[-1]}"


def describe_links(pdf: pikepdf.Pdf) -> list[str]:
    """Readable /Contents, citation references and tall enough link areas."""
    destinations = _named_destinations(pdf)
    bookmarks = _bookmarks(pdf)
    described = raised = cited = 0
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                target = str(action.URI)
            else:
                target = str(annot.get("/Dest", ""))
            readable = describe(target, destinations.get(target), bookmarks)
            if str(annot.get("/Contents", "")) != readable:
                annot.Contents = pikepdf.String(readable)
                described += 1
            taller = _taller(annot.Rect)
            if taller is not None:
                annot.Rect = taller
                raised += 1
    for node in iter_struct_elements(pdf):  # a whole walk, taken before any edit
        if node.type not in ("NonStruct", "Span"):
            continue
        numbers = _citation_numbers(node.element)
        if numbers is not None:
            set_type(node.element, "Reference")
            node.element.ActualText = pikepdf.String(spoken_citation(numbers))
            cited += 1
    changes = []
    if described:
        changes.append(f"{described} link(s) given a readable /Contents")
    if raised:
        changes.append(f"{raised} link area(s) raised to {MIN_LINK_HEIGHT:g} pt")
    if cited:
        changes.append(f"{cited} citation(s) tagged as Reference read as 'source N'")
    return changes
