"""PDF assertions for the tests: structure tree, orphan marked content, text sizes, fonts."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.fonts import decode_text
from leafpress.pdfua.structure import (
    iter_content_refs,
    iter_marked_content,
    iter_struct_elements,
    struct_tree_root,
)

ObjKey = tuple[int, int]
MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
A5 = (148 * MM, 210 * MM)
_HEADING = re.compile(r"^H([1-6])$")


# ------------------------------------------------------------------ structure tree


def role_map(pdf: pikepdf.Pdf) -> dict[str, str]:
    """The structure tree's /RoleMap, as names without slashes."""
    root = struct_tree_root(pdf)
    mapping = root.get("/RoleMap") if root is not None else None
    if not isinstance(mapping, pikepdf.Dictionary):
        return {}
    return {str(k)[1:]: str(v)[1:] for k, v in mapping.items() if isinstance(v, pikepdf.Name)}


def struct_types(pdf: pikepdf.Pdf) -> list[str]:
    """Every structure element's type in document order, after the role map."""
    roles = role_map(pdf)
    return [roles.get(node.type, node.type) for node in iter_struct_elements(pdf)]


def heading_levels(pdf: pikepdf.Pdf) -> list[int]:
    """The levels of the H1–H6 elements of the structure tree, in document order."""
    return [int(m.group(1)) for t in struct_types(pdf) if (m := _HEADING.match(t))]


# ------------------------------------------------------- marked content and the tree


@dataclass(frozen=True)
class Orphan:
    """A marked-content sequence with an MCID that no structure element holds."""

    page: int
    """One-based page number."""
    owner: ObjKey
    """The page or Form XObject whose MCIDs the sequence uses."""
    mcid: int


def _reachable(pdf: pikepdf.Pdf) -> set[tuple[ObjKey, int]]:
    """(page or stream, MCID) for every MCID held in the structure tree."""
    found = set()
    for ref in iter_content_refs(pdf):
        holder = ref.stream if ref.stream is not None else ref.page
        if holder is not None:
            found.add((holder.objgen, ref.mcid))
    return found


def _marked_mcids(
    content: pikepdf.Page | pikepdf.Object,
    resources: pikepdf.Object | None,
    owner: ObjKey,
    in_artifact: bool,
    depth: int = 0,
) -> Iterator[tuple[ObjKey, int]]:
    """(owner, MCID) of every sequence outside Artifacts, following Form XObjects."""
    for op in iter_marked_content(content, resources):
        artifact = in_artifact or op.in_artifact
        if op.operator in ("BDC", "BMC") and not artifact:
            mcid = op.marked[-1].mcid
            if mcid is not None:
                yield owner, mcid
        elif op.operator == "Do" and depth < 10 and isinstance(resources, pikepdf.Dictionary):
            xobject = resources.get("/XObject", pikepdf.Dictionary()).get(op.operands[0])
            if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Form":
                own = xobject.get("/Resources")
                form_owner = xobject.objgen if "/StructParents" in xobject else owner
                yield from _marked_mcids(
                    xobject, own if own is not None else resources, form_owner, artifact,
                    depth + 1,
                )


def orphan_marked_content(pdf: pikepdf.Pdf) -> list[Orphan]:
    """MCIDs in page content (and the forms it draws) unreachable from the structure tree.

    Content inside an /Artifact sequence is exempt: it is decoration by declaration.
    """
    reachable = _reachable(pdf)
    orphans = []
    for number, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        for owner, mcid in _marked_mcids(page, resources, page.obj.objgen, False):
            if (owner, mcid) not in reachable:
                orphans.append(Orphan(number, owner, mcid))
    return orphans


# ------------------------------------------------------------------------ text sizes


@dataclass(frozen=True)
class DrawnText:
    """One text-showing operator: its page, drawn size in points and decoded text."""

    page: int
    size: float
    text: str
    artifact: bool


def drawn_text(pdf: pikepdf.Pdf, path: Path) -> list[DrawnText]:
    """Every visible text run with its size (Tf × text matrix × CTM, into Form XObjects).

    The measurement is the auditor's content interpreter (leafpress.audit.interpreter).
    """
    context = AuditContext(pdf=pdf, path=path)
    runs = []
    for run in context.scan.texts:
        text = decode_text(context, run)
        if run.rendered and run.size is not None and text.strip():
            runs.append(DrawnText(run.page, run.size, text,
                                  any(m.is_artifact for m in run.marked)))
    return runs


def smallest_text(pdf: pikepdf.Pdf, path: Path) -> DrawnText:
    """The smallest visible text run of the document."""
    return min(drawn_text(pdf, path), key=lambda run: run.size)


def italic_fonts(pdf: pikepdf.Pdf, path: Path) -> set[str]:
    """Names of the fonts that draw text and are italic or oblique, by name or descriptor."""
    context = AuditContext(pdf=pdf, path=path)
    found = set()
    for run in context.scan.texts:
        font = run.font
        if font is None or not run.codes:
            continue
        name = str(font.get("/BaseFont", ""))
        fonts = [font, *font.get("/DescendantFonts", [])]
        descriptors = [f.get("/FontDescriptor") for f in fonts]
        slanted = any(
            isinstance(d, pikepdf.Dictionary)
            and (float(d.get("/ItalicAngle", 0)) != 0 or int(d.get("/Flags", 0)) & 64)
            for d in descriptors
        )
        if slanted or re.search(r"italic|oblique", name, re.IGNORECASE):
            found.add(name)
    return found


# --------------------------------------------------------------------- poppler tools


def pdftotext(path: Path) -> str:
    """The PDF's text in reading order (poppler's pdftotext), pages separated by form feeds."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


@dataclass(frozen=True)
class FontRow:
    """One line of pdffonts' table."""

    name: str
    type: str
    embedded: bool


def pdffonts(path: Path) -> list[FontRow]:
    """Every font pdffonts lists, with whether it is embedded.

    Rows are split on white space from the right (names may overflow their column):
    name, type (may hold spaces), encoding, emb, sub, uni, object number, generation.
    """
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        fields = line.split()
        rows.append(FontRow(fields[0], " ".join(fields[1:-6]), fields[-5] == "yes"))
    return rows


def page_sizes(pdf: pikepdf.Pdf) -> set[tuple[float, float]]:
    """The distinct (width, height) of the pages' trim (or media) boxes, in points, rounded."""
    sizes = set()
    for page in pdf.pages:
        box = page.obj.get("/TrimBox", page.mediabox)
        x0, y0, x1, y1 = (float(v) for v in box)
        sizes.add((round(x1 - x0, 1), round(y1 - y0, 1)))
    return sizes


def rounded(size: tuple[float, float]) -> tuple[float, float]:
    """A (width, height) rounded as page_sizes rounds it."""
    return round(size[0], 1), round(size[1], 1)
