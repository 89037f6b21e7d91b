"""Rewrite page content streams: retag marked content as Artifact, wrap untagged painting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pikepdf

from leafpress.pdfua import one_pass
from leafpress.pdfua.structure import ContentOperator, iter_marked_content

PATH_CONSTRUCTION = frozenset({"m", "l", "c", "v", "y", "h", "re"})
PATH_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"})
PATH_ENDING = PATH_PAINTING | {"n"}
SINGLE_PAINTING = frozenset({"Do", "sh", "INLINE IMAGE"})

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


def pagination_artifact() -> pikepdf.Dictionary:
    """The property list of a pagination artifact (running header or footer)."""
    return pikepdf.Dictionary(Type=pikepdf.Name.Pagination)


def begin_artifact(properties: pikepdf.Dictionary | None = None) -> Instruction:
    """An instruction opening an Artifact (BDC with ``properties``, else BMC)."""
    if properties is None:
        return pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC"))
    return pikepdf.ContentStreamInstruction(
        [pikepdf.Name.Artifact, properties], pikepdf.Operator("BDC")
    )


def end_marked_content() -> Instruction:
    """An EMC instruction."""
    return pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))


def write_content(page: pikepdf.Page, instructions: Iterable[Instruction]) -> None:
    """Replace a page's content with ``instructions`` (as one stream)."""
    page.contents_coalesce()
    page.obj["/Contents"].write(pikepdf.unparse_content_stream(list(instructions)))
    one_pass.rewritten(page)


def retag_as_artifacts(
    page: pikepdf.Page, mcids: set[int], properties: pikepdf.Dictionary | None = None
) -> int:
    """Turn the marked-content sequences with these MCIDs into Artifacts; return how many."""
    return make_artifacts(page, mcids, properties, ())[0]


def make_artifacts(
    page: pikepdf.Page, mcids: set[int], properties: pikepdf.Dictionary | None,
    ranges: Sequence[tuple[int, int]],
) -> tuple[int, int]:
    """Retag the sequences with ``mcids`` and wrap the instruction ``ranges`` as Artifacts.

    Both in one rewrite of the page (retagging keeps every instruction's index); returns
    (sequences retagged, ranges wrapped).
    """
    if not mcids and not ranges:
        return 0, 0
    starts = {start for start, _ in ranges}
    ends = {end for _, end in ranges}
    rewritten: list[Instruction] = []
    changed = 0
    for op in iter_marked_content(page):
        if op.index in starts:
            rewritten.append(begin_artifact())
        opened = op.marked[-1] if op.operator in ("BDC", "BMC") else None
        if opened is not None and opened.mcid in mcids and not opened.is_artifact:
            rewritten.append(begin_artifact(properties))
            changed += 1
        else:
            rewritten.append(op.instruction)
        if op.index in ends:
            rewritten.append(end_marked_content())
    if changed or ranges:
        write_content(page, rewritten)
    return changed, len(ranges)


def _untagged(op: ContentOperator) -> bool:
    return op.mcid is None and not op.in_artifact


def _is_tagged_form(page: pikepdf.Page, op: ContentOperator) -> bool:
    """True if ``op`` draws a form XObject that carries its own structure references."""
    if op.operator != "Do" or not op.operands:
        return False
    name = op.operands[0]
    resources = page.obj.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(xobjects, pikepdf.Dictionary) or not isinstance(name, pikepdf.Name):
        return False
    xobject = xobjects.get(name)
    return isinstance(xobject, pikepdf.Stream) and "/StructParents" in xobject


def untagged_painting(page: pikepdf.Page) -> list[tuple[int, int]]:
    """Index ranges (inclusive) of painting outside any tagged or artifact content.

    A range is a whole text object (BT..ET) when nothing inside it is marked, else a
    single text-showing instruction; a whole path object; or one Do/sh/inline image.
    """
    ops = list(iter_marked_content(page))
    ranges: list[tuple[int, int]] = []
    text_start: ContentOperator | None = None
    text_plain = True
    shows: list[int] = []
    path_start: int | None = None
    for op in ops:
        name = op.operator
        if name == "BT":
            text_start, text_plain, shows = op, True, []
        elif name in ("BDC", "BMC", "EMC"):
            text_plain = text_plain and text_start is None
        elif op.shows_text and _untagged(op):
            shows.append(op.index)
        elif name == "ET" and text_start is not None:
            if shows and text_plain and _untagged(text_start) and _untagged(op):
                ranges.append((text_start.index, op.index))
            else:
                ranges.extend((index, index) for index in shows)
            text_start, shows = None, []
        elif name in PATH_CONSTRUCTION:
            path_start = op.index if path_start is None else path_start
        elif name in PATH_ENDING:
            if name in PATH_PAINTING and _untagged(op):
                ranges.append((op.index if path_start is None else path_start, op.index))
            path_start = None
        elif name in SINGLE_PAINTING and _untagged(op) and not _is_tagged_form(page, op):
            ranges.append((op.index, op.index))
    return ranges


def painting_mcids(page: pikepdf.Page) -> tuple[set[int], set[int]]:
    """(MCIDs opened on the page, MCIDs whose sequences paint something).

    Painting is showing text, painting a path, or drawing an XObject, shading or
    inline image; nested sequences count for every MCID that encloses them.
    """
    opened: set[int] = set()
    painting: set[int] = set()
    for op in iter_marked_content(page):
        if op.operator in ("BDC", "BMC") and op.marked[-1].mcid is not None:
            opened.add(op.marked[-1].mcid)
        elif op.shows_text or op.operator in PATH_PAINTING or op.operator in SINGLE_PAINTING:
            painting.update(seq.mcid for seq in op.marked if seq.mcid is not None)
    return opened, painting
