"""Checking that an image file really is the kind of image its name says."""

from __future__ import annotations

import codecs
from pathlib import Path

#: The first bytes of each raster format leafpress prints, by file extension.
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
_KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP",
          ".svg": "SVG"}
#: Image types leafpress accepts.
IMAGE_SUFFIXES = tuple(_KINDS)


def _looks_like(head: bytes) -> str:
    """What the first bytes of a file suggest it really is."""
    for suffix, signatures in _SIGNATURES.items():
        if head.startswith(signatures) and (suffix != ".webp" or head[8:12] == b"WEBP"):
            return f"a {_KINDS[suffix]} image"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "XML or HTML text"
    if not head:
        return "empty"
    try:  # incremental: the head may end inside a character
        text = codecs.getincrementaldecoder("utf-8")().decode(head)
    except UnicodeDecodeError:
        return "some other kind of file"
    printable = all(c.isprintable() or c in "\t\r\n" for c in text)
    return "plain text" if printable else "some other kind of file"


def image_problem(path: Path) -> str | None:
    """Why ``path`` is not a usable image (wrong type, or not what its name says), or None."""
    suffix = path.suffix.lower()
    if suffix not in _KINDS:
        return (f"has the extension '{path.suffix}', which is not an image type leafpress "
                f"prints ({', '.join(IMAGE_SUFFIXES)})")
    with path.open("rb") as stream:
        head = stream.read(4096)  # an SVG's root element may follow a long prologue
    if suffix == ".svg":
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in head:
            return None
        return f"is not an SVG image: the file is {_looks_like(head)}"
    if suffix == ".webp" and head[8:12] != b"WEBP":
        return f"is not a WebP image: the file is {_looks_like(head)}"
    if head.startswith(_SIGNATURES[suffix]):
        return None
    return f"is not a {_KINDS[suffix]} image: the file is {_looks_like(head)}"
