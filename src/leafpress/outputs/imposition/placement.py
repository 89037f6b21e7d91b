"""Reading pages as untagged form XObjects in the print file, so they are placed, not rasterised."""

from __future__ import annotations

import pikepdf
from pikepdf import Array, ContentStreamInstruction, Dictionary, Name, Pdf

from leafpress.pdfua.structure import inherited_attribute

from .geometry import Box

Instruction = ContentStreamInstruction | pikepdf.ContentStreamInlineImage

INHERITABLE = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")



def strip_marked_content(instructions: list[Instruction]) -> list[Instruction]:
    """The instructions without marked content (tags, MCIDs, artifacts).

    Marked content does not change what is painted, except optional content (/OC),
    which is kept with its matching EMC.
    """
    kept: list[Instruction] = []
    open_sequences: list[bool] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            kept.append(instruction)
            continue
        operator = str(instruction.operator)
        if operator in ("BMC", "BDC"):
            keep = instruction.operands[0] == Name.OC
            open_sequences.append(keep)
        elif operator == "EMC":
            keep = bool(open_sequences) and open_sequences.pop()
        else:
            keep = operator not in ("MP", "DP")
        if keep:
            kept.append(instruction)
    return kept


def untagged_content(source: pikepdf.Page | pikepdf.Object) -> bytes:
    """A page's or form's content stream with marked content removed."""
    instructions = pikepdf.parse_content_stream(source)
    return pikepdf.unparse_content_stream(strip_marked_content(instructions))


def copy_into(out: Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """A copy of a foreign object in `out`; shared indirect objects are copied only once."""
    if not isinstance(value, pikepdf.Object):
        return value
    if value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: copy_into(out, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([copy_into(out, item) for item in value])
    return value


def untag_resources(resources: pikepdf.Object, done: set[tuple[int, int]]) -> None:
    """Strip marked content and structure keys from the forms and patterns in resources."""
    for category in ("/XObject", "/Pattern"):
        entries = resources.get(category)
        if not isinstance(entries, Dictionary):
            continue
        for _, item in entries.items():
            if not isinstance(item, pikepdf.Stream) or item.objgen in done:
                continue
            done.add(item.objgen)
            for key in ("/StructParent", "/StructParents"):
                if key in item:
                    del item[key]
            is_form = item.get("/Subtype") == Name.Form
            if is_form or category == "/Pattern":
                item.write(untagged_content(item))
                inner = item.get("/Resources")
                if isinstance(inner, Dictionary):
                    untag_resources(inner, done)


def page_form(
    out: Pdf, page: pikepdf.Page, bbox: Box, done: set[tuple[int, int]]
) -> pikepdf.Stream:
    """The page as a form XObject in `out`, clipped to bbox (in the page's own coordinates)."""
    resources = inherited_attribute(page.obj, "/Resources")
    copied = copy_into(out, resources) if resources is not None else Dictionary()
    untag_resources(copied, done)
    form = out.make_stream(untagged_content(page))
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.FormType = 1
    form.BBox = Array(bbox.as_pdf())
    form.Resources = copied
    group = page.obj.get("/Group")
    if group is not None:
        form.Group = copy_into(out, group)
    return form
