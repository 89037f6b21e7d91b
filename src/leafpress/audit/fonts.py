"""Fonts as the large-print checks and finding texts need them: use, names, flags, Unicode text."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from fontTools.agl import toUnicode as agl_to_unicode  # type: ignore[import-untyped]

from leafpress.audit.cmap import CMap, parse_cmap
from leafpress.audit.context import AuditContext
from leafpress.audit.interpreter import TextRun

SIMPLE_FONTS = frozenset({"/Type1", "/MMType1", "/TrueType", "/Type3"})
STANDARD_ENCODINGS: dict[str, str | None] = {
    "/WinAnsiEncoding": "cp1252",
    "/MacRomanEncoding": "mac_roman",
    "/StandardEncoding": None,
    "/MacExpertEncoding": None,
}
"""Encodings whose glyph names are all in the Adobe Glyph List, with a close Python codec."""
SYMBOLIC_STANDARD_FONTS = frozenset({"Symbol", "ZapfDingbats"})
IDENTITY_CMAPS = frozenset({"/Identity-H", "/Identity-V"})
SYMBOLIC_FLAG = 4
ITALIC_FLAG = 64
FontKey = tuple[int, int] | str


@dataclass
class FontUse:
    """One font as used by the document's text."""

    font: pikepdf.Dictionary
    resource: str
    first_page: int
    pages: set[int] = field(default_factory=set)
    codes: bytes = b""
    rendered: bool = False


def font_key(run: TextRun) -> FontKey | None:
    """A key that identifies a run's font across pages (None if the font is missing)."""
    if run.font is None:
        return None
    if run.font.is_indirect:
        return run.font.objgen
    return f"{run.page}/{run.font_key}"


def fonts_used(ctx: AuditContext) -> dict[FontKey, FontUse]:
    """Every font that text is shown with, with the codes shown and the pages."""
    cached = ctx.cache.get("fonts_used")
    if isinstance(cached, dict):
        return cached
    uses: dict[FontKey, FontUse] = {}
    for run in ctx.scan.texts:
        key = font_key(run)
        if key is None or run.font is None:
            continue
        use = uses.setdefault(key, FontUse(run.font, run.font_key, run.page))
        use.pages.add(run.page)
        use.codes += run.codes
        use.rendered = use.rendered or run.rendered
    ctx.cache["fonts_used"] = uses
    return uses


def base_font(font: pikepdf.Dictionary) -> str:
    """The font's /BaseFont without slash or subset prefix (e.g. ``DejaVuSans-Oblique``)."""
    name = str(font.get("/BaseFont", "/(unnamed)"))[1:]
    prefix, _, rest = name.partition("+")
    return rest if len(prefix) == 6 and prefix.isupper() and rest else name


def font_label(use: FontUse) -> str:
    """How findings name a font."""
    return f"font {base_font(use.font)} (/{use.resource})"


def descendant(font: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The CIDFont of a Type 0 font; the font itself otherwise."""
    if font.get("/Subtype") == pikepdf.Name.Type0:
        kids = font.get("/DescendantFonts")
        if (
            isinstance(kids, pikepdf.Array)
            and len(kids)
            and isinstance(kids[0], pikepdf.Dictionary)
        ):
            return kids[0]
    return font


def font_descriptor(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    """The FontDescriptor (of the descendant font for Type 0 fonts), if any."""
    descriptor = descendant(font).get("/FontDescriptor")
    return descriptor if isinstance(descriptor, pikepdf.Dictionary) else None


def font_flags(font: pikepdf.Dictionary) -> int:
    """The FontDescriptor /Flags (0 if absent)."""
    descriptor = font_descriptor(font)
    flags = descriptor.get("/Flags", 0) if descriptor is not None else 0
    return int(flags) if isinstance(flags, int) else 0


def _to_unicode(ctx: AuditContext, font: pikepdf.Dictionary) -> CMap | None:
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return None
    cache = ctx.cache.setdefault("to_unicode", {})
    assert isinstance(cache, dict)
    key = stream.objgen if stream.is_indirect else id(stream)
    if key not in cache:
        try:
            cache[key] = parse_cmap(stream)
        except pikepdf.PdfError:
            cache[key] = CMap()
    result = cache[key]
    return result if isinstance(result, CMap) else None


def _encoding_cmap(font: pikepdf.Dictionary) -> CMap | None:
    """The code space of a Type 0 font's encoding (None when it cannot be known)."""
    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Name) and encoding in IDENTITY_CMAPS:
        return CMap(codespace=[(b"\x00\x00", b"\xff\xff")])
    if isinstance(encoding, pikepdf.Stream):
        try:
            return parse_cmap(encoding)
        except pikepdf.PdfError:
            return None
    return None


def _simple_code_to_unicode(font: pikepdf.Dictionary, code: int) -> str | None:
    """Map a simple font's code through its encoding and the Adobe Glyph List."""
    encoding = font.get("/Encoding")
    base: object = encoding
    if isinstance(encoding, pikepdf.Dictionary):
        position: int | None = None
        for item in encoding.get("/Differences", pikepdf.Array()):
            if isinstance(item, int):
                position = int(item)
            elif isinstance(item, pikepdf.Name) and position is not None:
                if position == code:
                    return agl_to_unicode(str(item)[1:]) or None
                position += 1
        base = encoding.get("/BaseEncoding")
    symbolic = bool(font_flags(font) & SYMBOLIC_FLAG)
    if base is None:
        if symbolic or base_font(font) in SYMBOLIC_STANDARD_FONTS:
            return None
        base = pikepdf.Name.StandardEncoding
    codec = STANDARD_ENCODINGS.get(str(base), "") if isinstance(base, pikepdf.Name) else ""
    if codec == "":
        return None
    if codec is None:
        return chr(code) if 0x20 <= code < 0x7F else None
    try:
        return bytes([code]).decode(codec)
    except UnicodeDecodeError:
        return None


def codes_of(font: pikepdf.Dictionary, data: bytes, cmap: CMap | None) -> list[bytes] | None:
    """Split shown bytes into character codes; None when the encoding is unknown."""
    if str(font.get("/Subtype")) in SIMPLE_FONTS:
        return [bytes([b]) for b in data]
    encoding = _encoding_cmap(font)
    if encoding is not None:
        return encoding.split(data)
    if cmap is not None and cmap.codespace:
        return cmap.split(data)
    return None


def code_to_unicode(ctx: AuditContext, font: pikepdf.Dictionary, code: bytes) -> str | None:
    """The Unicode text of one character code, if any accepted mechanism gives it."""
    cmap = _to_unicode(ctx, font)
    if cmap is not None:
        text = cmap.to_unicode(code)
        if text:
            return text
    if str(font.get("/Subtype")) in SIMPLE_FONTS and len(code) == 1:
        return _simple_code_to_unicode(font, code[0])
    return None


def decode_text(ctx: AuditContext, run: TextRun) -> str:
    """The run's text as far as it can be mapped (unmapped codes become U+FFFD)."""
    if run.font is None:
        return ""
    codes = codes_of(run.font, run.codes, _to_unicode(ctx, run.font))
    if codes is None:
        return ""
    return "".join(code_to_unicode(ctx, run.font, code) or "\ufffd" for code in codes)
