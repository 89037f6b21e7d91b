"""Read ToUnicode and encoding CMaps with pikepdf's content parser, and split codes by them.

A CMap is PostScript, but its data sections (``begincodespacerange``, ``beginbfchar``,
``beginbfrange``, ``begincidrange``) tokenise like a content stream: the operands of each
``end…`` operator are the section's entries.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import pikepdf


@dataclass
class CMap:
    """The parts of a CMap the audit needs: code space and code → Unicode mappings."""

    codespace: list[tuple[bytes, bytes]] = field(default_factory=list)
    chars: dict[bytes, str] = field(default_factory=dict)
    ranges: list[tuple[bytes, bytes, str | list[str]]] = field(default_factory=list)
    """(low, high, first destination or one destination per code)."""

    def to_unicode(self, code: bytes) -> str | None:
        """The Unicode text a code maps to, or None when the CMap does not map it."""
        if code in self.chars:
            return self.chars[code]
        value = int.from_bytes(code, "big")
        for low, high, target in self.ranges:
            if len(low) != len(code):
                continue
            start, end = int.from_bytes(low, "big"), int.from_bytes(high, "big")
            if not start <= value <= end:
                continue
            offset = value - start
            if isinstance(target, list):
                return target[offset] if offset < len(target) else None
            if not target:
                return None
            return target[:-1] + chr(ord(target[-1]) + offset)
        return None

    def split(self, data: bytes) -> list[bytes]:
        """Split a string operand into codes using the code space (1 byte if none)."""
        lengths = sorted({len(low) for low, _ in self.codespace}) or [1]
        codes: list[bytes] = []
        position = 0
        while position < len(data):
            step = lengths[0]
            for length in lengths:
                chunk = data[position : position + length]
                if len(chunk) == length and any(
                    len(low) == length and low <= chunk <= high for low, high in self.codespace
                ):
                    step = length
                    break
            codes.append(data[position : position + step])
            position += step
        return codes


def _utf16(value: object) -> str:
    raw = bytes(value) if isinstance(value, pikepdf.String) else b""
    return raw.decode("utf-16-be", errors="replace")


def _pairs(operands: Sequence[object], width: int) -> list[Sequence[object]]:
    return [operands[i : i + width] for i in range(0, len(operands) - width + 1, width)]


def parse_cmap(stream: pikepdf.Stream) -> CMap:
    """Parse a CMap stream; raises pikepdf.PdfError if it cannot be tokenised."""
    cmap = CMap()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a damaged CMap simply maps fewer codes
        instructions = pikepdf.parse_content_stream(stream)
    for instruction in instructions:
        operator = str(instruction.operator)
        operands = list(instruction.operands)
        if operator == "endcodespacerange":
            for low, high in _pairs(operands, 2):
                if isinstance(low, pikepdf.String) and isinstance(high, pikepdf.String):
                    cmap.codespace.append((bytes(low), bytes(high)))
        elif operator == "endbfchar":
            for source, target in _pairs(operands, 2):
                if isinstance(source, pikepdf.String):
                    cmap.chars[bytes(source)] = _utf16(target)
        elif operator == "endbfrange":
            for low, high, target in _pairs(operands, 3):
                if not isinstance(low, pikepdf.String) or not isinstance(high, pikepdf.String):
                    continue
                destination: str | list[str] = (
                    [_utf16(item) for item in target]
                    if isinstance(target, pikepdf.Array)
                    else _utf16(target)
                )
                cmap.ranges.append((bytes(low), bytes(high), destination))
    return cmap
