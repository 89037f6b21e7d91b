"""Builders for the audit's fixture PDFs: the HTML, the footer fix and pikepdf mutators."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf

PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
    "AAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
"""A one-pixel PNG, base64-encoded."""

CLEAN_HTML = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Signs in the bones</title>
<style>
@page { size: A4; margin: 2cm;
        @bottom-center { content: "Page " counter(page); font-size: 16pt; } }
body { font-family: sans-serif; font-size: 16pt; }
h1 { font-size: 24pt; } h2 { font-size: 20pt; }
img { width: 2cm; height: 2cm; }
</style></head><body>
<h1>Signs in the bones</h1>
<p>Bone pain is the most common sign. Read more at
<a href="https://example.org/bones">example.org</a>.</p>
<h2>What to look for</h2>
<ul><li>Pain</li><li>Weakness</li></ul>
<table><thead><tr><th>Symptom</th><th>Action</th></tr></thead>
<tbody><tr><td>Pain</td><td>Call</td></tr></tbody></table>
<img alt="A diagram of the spine" src="data:image/png;base64,{PIXEL}">
</body></html>
""".replace("{PIXEL}", PIXEL)

Mutation = Callable[[pikepdf.Pdf], None]


def _reachable_mcids(pdf: pikepdf.Pdf) -> set[int]:
    """MCIDs reachable from the StructTreeRoot (the fixture PDF has one page)."""
    found: set[int] = set()
    pending: list[pikepdf.Object] = [pdf.Root.StructTreeRoot]
    while pending:
        node = pending.pop()
        kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in items:
            if isinstance(kid, int):
                found.add(int(kid))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                pending.append(kid)
    return found


def fix_footer(pdf: pikepdf.Pdf) -> None:
    """Turn WeasyPrint's orphaned margin-box marked content into Pagination Artifacts."""
    reachable = _reachable_mcids(pdf)
    for page in pdf.pages:
        instructions = []
        for instruction in pikepdf.parse_content_stream(page):
            operands = list(instruction.operands)
            if (
                str(instruction.operator) == "BDC"
                and isinstance(operands[1], pikepdf.Dictionary)
                and int(operands[1].get("/MCID", -1)) not in reachable
            ):
                footer = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
                instruction = pikepdf.ContentStreamInstruction(
                    [pikepdf.Name.Artifact, footer], pikepdf.Operator("BDC")
                )
            instructions.append(instruction)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))


def mark_large_print(pdf: pikepdf.Pdf) -> None:
    """Declare the file a leafpress large-print variant in the document info."""
    pdf.docinfo["/LeafpressVariant"] = "large-print"


def elements(pdf: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    """Every struct element of a type (by /S), searching the whole file."""
    return [
        obj
        for obj in pdf.objects
        if isinstance(obj, pikepdf.Dictionary)
        and obj.get("/Type") == pikepdf.Name.StructElem
        and obj.get("/S") == pikepdf.Name(f"/{kind}")
    ]


def edit_content(pdf: pikepdf.Pdf, edit: Callable[[list[Any]], list[Any]]) -> None:
    """Replace page 1's content stream with ``edit`` applied to its instructions."""
    page = pdf.pages[0]
    instructions = list(pikepdf.parse_content_stream(page))
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(edit(instructions)))


def instruction(operator: str, *operands: object) -> pikepdf.ContentStreamInstruction:
    """Build one content-stream instruction."""
    return pikepdf.ContentStreamInstruction(list(operands), pikepdf.Operator(operator))


def retype(kind: str, new_kind: str, index: int = 0) -> Mutation:
    """A mutation giving the ``index``-th element of type ``kind`` the type ``new_kind``."""

    def mutate(pdf: pikepdf.Pdf) -> None:
        elements(pdf, kind)[index].S = pikepdf.Name(f"/{new_kind}")

    return mutate


def strip_tags(pdf: pikepdf.Pdf) -> None:
    """Make the file untagged: no structure tree, no marked content, no annotations."""
    del pdf.Root["/StructTreeRoot"]
    del pdf.Root["/MarkInfo"]
    for page in pdf.pages:
        for key in ("/StructParents", "/Annots", "/Tabs"):
            if key in page.obj:
                del page.obj[key]
    edit_content(
        pdf,
        lambda ops: [op for op in ops if str(op.operator) not in ("BDC", "BMC", "EMC")],
    )


def set_first_font_size(size: float) -> Mutation:
    """A mutation setting the size operand of the first body-text Tf on page 1."""

    def edit(ops: list[Any]) -> list[Any]:
        out = []
        done = False
        for op in ops:
            operands = list(op.operands)
            if not done and str(op.operator) == "Tf" and abs(float(operands[1]) - 21.333) < 0.01:
                op = instruction("Tf", operands[0], size)
                done = True
            out.append(op)
        return out

    return lambda pdf: edit_content(pdf, edit)


A4 = (595.28, 841.89)


def helvetica(**extra: object) -> pikepdf.Dictionary:
    """A standard (unembedded) Helvetica font dictionary with WinAnsiEncoding."""
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    for key, value in extra.items():
        font[f"/{key}"] = value
    return font


def tiny_pdf(
    content: bytes,
    *,
    fonts: dict[str, pikepdf.Dictionary] | None = None,
    mcids: tuple[int, ...] = (),
    size: tuple[float, float] = A4,
    xobjects: dict[str, pikepdf.Stream] | None = None,
) -> pikepdf.Pdf:
    """A one-page PDF drawing ``content``; with ``mcids`` a P element tags those MCIDs."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[0]
    resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(
            {f"/{name}": pdf.make_indirect(font) for name, font in (fonts or {}).items()}
        )
    )
    if xobjects:
        resources.XObject = pikepdf.Dictionary(
            {f"/{name}": pdf.make_indirect(x) for name, x in xobjects.items()}
        )
    page.obj.Resources = resources
    page.obj.Contents = pdf.make_stream(content)
    if mcids:
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        paragraph = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem,
                S=pikepdf.Name.P,
                P=root,
                Pg=page.obj,
                K=pikepdf.Array(list(mcids)),
            )
        )
        root.K = pikepdf.Array([paragraph])
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    return pdf


def form_xobject(
    pdf: pikepdf.Pdf, content: bytes, resources: pikepdf.Dictionary, **extra: object
) -> pikepdf.Stream:
    """A Form XObject stream in ``pdf`` drawing ``content`` with ``resources``."""
    form = pdf.make_stream(content)
    form.Type = pikepdf.Name.XObject
    form.Subtype = pikepdf.Name.Form
    form.BBox = pikepdf.Array([0, 0, 1000, 1000])
    form.Resources = resources
    for key, value in extra.items():
        form[f"/{key}"] = value
    return form


def save(pdf: pikepdf.Pdf, folder: Path, name: str = "tiny.pdf") -> Path:
    """Save a PDF under ``folder`` and return its path."""
    path = folder / name
    pdf.save(path, fix_metadata_version=False)
    return path


def zero_bomb(size: int, chunk: int = 1 << 24) -> bytes:
    """A zlib (FlateDecode) stream that inflates to ``size`` zero bytes, made in milliseconds.

    Each full-flushed chunk of zeros compresses to the same bytes, so one is repeated; the
    stream ends with an empty final block and the Adler-32 of n zeros, (n mod 65521) << 16 | 1.
    """
    assert size % chunk == 0
    compressor = zlib.compressobj(9)
    first = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(bytes(chunk)) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = ((size % 65521) << 16) | 1
    ending = b"\x03\x00" + checksum.to_bytes(4, "big")
    return first + block * (size // chunk - 1) + ending
