"""Shared helpers for the postprocess tests: rendering, tiny PDFs and structural checks."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
from tests.structure_oracles import mcid_owners_from_parent_tree

from leafpress.pdfua.structure import (
    iter_marked_content,
    iter_struct_elements,
    mcid_owners_from_tree,
    subtree_refs,
)

PAGE_STYLE = """
@page { size: A6; margin: 1cm 1cm 2cm;
        @bottom-left { content: "Footer " counter(page) } }
body { font-family: sans-serif; font-size: 12pt }
"""


def html_page(body: str, *, style: str = "", lang: str = "en") -> str:
    """A small complete HTML document with a running footer."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Fixture</title>'
        f"<style>{PAGE_STYLE}{style}</style></head><body>{body}</body></html>"
    )


def render(html: str) -> bytes:
    """Render HTML to tagged PDF/UA-1 bytes with WeasyPrint."""
    from weasyprint import HTML

    data: bytes = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    return data


def open_pdf(data: bytes) -> pikepdf.Pdf:
    """A fresh pikepdf.Pdf over ``data`` (tests may mutate it)."""
    return pikepdf.open(io.BytesIO(data))


def to_bytes(pdf: pikepdf.Pdf) -> bytes:
    """Save a pikepdf.Pdf to bytes."""
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _run_on(data: bytes, command: list[str], *after: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(data)
        return subprocess.run(
            [*command, str(path), *after], check=True, capture_output=True, text=True
        ).stdout


def pdftotext(data: bytes) -> str:
    """The text poppler extracts from the whole document."""
    return _run_on(data, ["pdftotext"], "-")


def struct_strings(data: bytes) -> list[str]:
    """The quoted text lines of ``pdfinfo -struct-text``, in tree order."""
    output = _run_on(data, ["pdfinfo", "-struct-text"])
    return re.findall(r'^\s*"(.*)"$', output, flags=re.MULTILINE)


def in_order(haystack: list[str], needles: list[str]) -> bool:
    """True if every needle occurs in ``haystack``'s strings, in this order."""
    joined = "\n".join(haystack)
    position = 0
    for needle in needles:
        found = joined.find(needle, position)
        if found < 0:
            return False
        position = found + len(needle)
    return True


def unreachable(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page, MCID) opened in content outside Artifacts that no structure element holds."""
    owned = mcid_owners_from_tree(pdf)
    found = []
    for index, page in enumerate(pdf.pages):
        for op in iter_marked_content(page):
            mcid = op.marked[-1].mcid if op.operator in ("BDC", "BMC") else None
            if mcid is not None and not op.in_artifact and (index, mcid) not in owned:
                found.append((index, mcid))
    return found


def untagged_text(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page, instruction index) of text shown with no MCID and outside any Artifact."""
    return [
        (index, op.index)
        for index, page in enumerate(pdf.pages)
        for op in iter_marked_content(page)
        if op.shows_text and op.mcid is None and not op.in_artifact
    ]


def parent_tree_mismatches(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page, MCID) where /K and /ParentTree disagree about the owning element."""
    by_tree = mcid_owners_from_tree(pdf)
    by_parent_tree = mcid_owners_from_parent_tree(pdf)
    keys = set(by_tree) | set(by_parent_tree)
    return sorted(
        key
        for key in keys
        if key not in by_tree
        or key not in by_parent_tree
        or not by_tree[key].is_same_object_as(by_parent_tree[key])
    )


def elements(pdf: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    """Every structure element of one type, in tree order."""
    return [node.element for node in iter_struct_elements(pdf) if node.type == kind]


def artifact_properties(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary | None]:
    """The property lists of every Artifact sequence opened in the document."""
    return [
        op.marked[-1].properties
        for page in pdf.pages
        for op in iter_marked_content(page)
        if op.operator in ("BDC", "BMC") and op.marked[-1].is_artifact
    ]


def mcids_of(element: pikepdf.Dictionary) -> list[int]:
    """The MCIDs held by an element and its descendants."""
    return [ref.mcid for ref in subtree_refs(element)]


def tiny_tagged_pdf(content: bytes, mcids: list[int]) -> pikepdf.Pdf:
    """A one-page tagged PDF (Helvetica as /F1) whose Document > P holds ``mcids``."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page.obj["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj["/Contents"] = pdf.make_stream(content)
    page.obj["/StructParents"] = 0
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root)
    )
    paragraph = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem,
            S=pikepdf.Name.P,
            P=document,
            Pg=page.obj,
            K=pikepdf.Array(mcids),
        )
    )
    document["/K"] = pikepdf.Array([paragraph])
    root["/K"] = pikepdf.Array([document])
    root["/ParentTree"] = pdf.make_indirect(
        pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([paragraph] * len(mcids))]))
    )
    pdf.Root["/StructTreeRoot"] = root
    return pdf
