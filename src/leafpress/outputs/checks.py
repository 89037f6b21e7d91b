"""Checks on a laid-out leaflet, located in its sources: fonts, glyphs, nothing off the page."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pikepdf
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from leafpress.content.selection import Selection
from leafpress.errors import BuildError, Problem
from leafpress.project.scripts import describe, font_for
from leafpress.project.sourcefile import read_source

#: How far (in CSS pixels, 1/96 inch) a box may poke past the content box: rounding only.
TOLERANCE = 0.5


def source_files(selection: Selection) -> list[Path]:
    """Every file whose text a leaflet prints, sections first."""
    leaflet = selection.leaflet
    files = [section.source.path for section in selection.sections]
    files += [leaflet.path, leaflet.publisher_path,
              selection.project_root / "content" / "glossary.yaml"]
    return [path for path in dict.fromkeys(files) if path.is_file()]


def locate(selection: Selection, needle: str) -> tuple[Path, int | None, int | None]:
    """The file, line and column where printed text first appears, else the definition."""
    for path in source_files(selection):
        text = read_source(path, project_root=selection.project_root)
        index = text.find(needle)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            return path, line, index - (text.rfind("\n", 0, index) + 1) + 1
    return selection.leaflet.path, None, None


def missing_glyph_problems(selection: Selection, characters: list[str]) -> list[Problem]:
    """Characters no font has, one problem per font to add, where the text first is."""
    by_font: dict[str, list[str]] = {}
    for character in characters:
        by_font.setdefault(font_for(character), []).append(character)
    problems = []
    for font, missing in by_font.items():
        path, line, column = locate(selection, missing[0])
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        where = "" if line is not None else " (in a template or generated text)"
        problems.append(Problem(
            path, line, column,
            f"no font in the leaflet has {describe(missing[0])}{more}: they would print "
            f"as empty boxes{where}",
            f"Install {font}; scripts/system-deps.sh installs the fonts leafpress supports. "
            "Or remove the text. docs/input-rules.md lists the writing systems leafpress "
            "prints.",
        ))
    return problems


_IMAGE_FAILED = re.compile(r"Failed to load image at '(file://[^']+)':?\s*(.*)$", re.DOTALL)


def located_image_problems(problems: list[Problem], selection: Selection) -> list[Problem]:
    """WeasyPrint's "Failed to load image" errors, moved to the line that uses the image."""
    located = []
    for problem in problems:
        found = _IMAGE_FAILED.search(problem.message)
        if found is None:
            located.append(problem)
            continue
        name = Path(unquote(urlsplit(found.group(1)).path)).name
        reason = found.group(2).strip() or "the file is damaged, or not an image WeasyPrint " \
            "can read"
        path, line, column = locate(selection, name)
        located.append(Problem(
            path, line, column, f"image '{name}' cannot be drawn: {reason}",
            "Open it in an image program and export it again as PNG, JPEG or SVG.",
        ))
    return located


def _content_boxes(box: Any) -> Iterator[Any]:
    """Every box below ``box`` (page margin boxes excluded)."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", None) or []:
        if isinstance(child, boxes.MarginBox):
            continue
        yield child
        yield from _content_boxes(child)


def overflow_problems(document: Any, selection: Selection) -> list[Problem]:
    """Text or images that lie outside the page's content box, located in the sources."""
    from weasyprint.formatting_structure import boxes

    found: dict[str, Problem] = {}
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        left, top = page_box.content_box_x(), page_box.content_box_y()
        right, bottom = left + page_box.width, top + page_box.height
        for box in _content_boxes(page_box):
            if not isinstance(box, boxes.TextBox | boxes.ReplacedBox):
                continue
            if (box.position_x >= left - TOLERANCE
                    and box.position_x + box.margin_width() <= right + TOLERANCE
                    and box.position_y + box.margin_height() <= bottom + TOLERANCE):
                continue
            text = box.text if isinstance(box, boxes.TextBox) else ""
            label = _label(box, text)
            if label in found:
                continue
            needle = max(text.split(), key=len) if text.split() else _image_name(box)
            path, line, column = locate(selection, needle) if needle else (
                selection.leaflet.path, None, None)
            found[label] = Problem(
                path, line, column,
                f"{label} runs off page {number}: it is wider or taller than the space "
                "inside the margins, and would be cut off",
                "Shorten it, or split it: a long line in a code block, a wide table or a "
                "large image cannot be wrapped. Long words and links are broken "
                "automatically.",
            )
    return list(found.values())


def _label(box: Any, text: str) -> str:
    if text:
        short = text if len(text) <= 40 else text[:39] + "…"
        return f'the text "{short}"'
    return f"the image {_image_name(box) or ''}".strip()


def _image_name(box: Any) -> str:
    source = getattr(getattr(box, "element", None), "get", lambda _: None)("src") or ""
    return str(source).rsplit("/", 1)[-1]


def check_layout(document: Any, selection: Selection) -> None:
    """Fail the build when anything lies outside the page content box."""
    problems = overflow_problems(document, selection)
    if problems:
        raise BuildError(problems)


#: Fonts leafpress installs on every build machine (scripts/system-deps.sh), besides the
#: project's own in styles/fonts/.
INSTALLED_FAMILIES = ("Noto",)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def shipped_families(styles_dir: Path) -> set[str]:
    """Family names of the fonts a project ships in styles/fonts/, squashed."""
    families = {_squash(name) for name in INSTALLED_FAMILIES}
    for path in sorted((styles_dir / "fonts").glob("*")):
        inside = path.resolve().is_relative_to(styles_dir.resolve().parent)
        if inside and path.suffix.lower() in (".woff2", ".woff", ".ttf", ".otf"):
            families.add(_family(path, path.stat().st_mtime_ns))
    return families


@functools.lru_cache(maxsize=64)
def _family(path: Path, mtime_ns: int) -> str:
    """A font file's family name, squashed (cached while the file is unchanged)."""
    with TTFont(str(path), lazy=True) as font:
        return _squash(font["name"].getDebugName(1) or path.stem)


def _pdf_fonts(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Callable[[], str]]]:
    """(font name, how to read the text it sets) for every font the PDF's pages use.

    The text comes from the font's ToUnicode map, read only when asked for (a foreign font).
    """
    from leafpress.audit.cmap import parse_cmap
    from leafpress.audit.fonts import base_font

    seen: set[str] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        for font in fonts.values() if isinstance(fonts, pikepdf.Dictionary) else []:
            if not isinstance(font, pikepdf.Dictionary):
                continue
            name = base_font(font)
            if name in seen:
                continue
            seen.add(name)
            stream = font.get("/ToUnicode")

            def text(stream: object = stream) -> str:
                cmap = parse_cmap(stream) if isinstance(stream, pikepdf.Stream) else None
                return "".join(cmap.chars.values()) if cmap else ""

            yield name, text


def foreign_font_problems(
    pdf: pikepdf.Pdf, selection: Selection, styles_dir: Path
) -> list[Problem]:
    """Text set in a font the build machine happened to have, rather than one leafpress uses.

    Such output would differ from machine to machine, so the build stops instead. ``pdf`` is
    WeasyPrint's output as the tagging pass opened it, so the file is not read twice.
    """
    families = shipped_families(styles_dir)
    problems = []
    for name, text_of in _pdf_fonts(pdf):
        if any(_squash(name).startswith(family) for family in families):
            continue
        text = text_of()
        characters = [c for c in dict.fromkeys(text) if not c.isspace()]
        # Characters outside ASCII first: they are rarer, so they point closer to the text.
        ordered = sorted(characters, key=lambda c: ord(c) <= 0x7F)
        first = ordered[0] if ordered else ""
        path, line, column = selection.leaflet.path, None, None
        for character in ordered:
            path, line, column = locate(selection, character)
            if line is not None:
                first = character
                break
        sample = "".join(characters[:12])
        problems.append(Problem(
            path, line, column,
            f"the characters \"{sample}\" were set in {name}, a font this machine happens "
            "to have, because the leaflet's fonts do not cover them",
            f"Install {font_for(first or 'A')}; scripts/system-deps.sh installs the fonts "
            "leafpress supports. Or ship a font for it in styles/fonts/.",
        ))
    return problems
