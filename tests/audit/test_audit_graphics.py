"""The content interpreter's operand helpers: the bytes a text-showing operator shows."""

from __future__ import annotations

import pikepdf
import pytest

from leafpress.audit.graphics import string_bytes


def _operand(content: bytes) -> object:
    """The last operand of the one instruction in ``content``, as pikepdf parses it."""
    pdf = pikepdf.new()
    stream = pdf.make_stream(content)
    [instruction] = pikepdf.parse_content_stream(stream)
    return instruction.operands[-1]


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        (b"[<0039> 75 <0060> -0.5 <006f>] TJ", b"\x009\x00`\x00o"),  # glyph ids, as WeasyPrint
        (b"[(Hello) -20 (w\\)orld\\n)] TJ", b"Hellow)orld\n"),  # printable: written as literals
        (b"[(caf\\351) <00ff> 3] TJ", b"caf\xe9\x00\xff"),  # both kinds in one array
        (b"[] TJ", b""),
        (b"[/Name <0041> true [<42>]] TJ", b"\x00A"),  # not text: only its own strings count
        (b"(plain) Tj", b"plain"),
        (b"<0102> Tj", b"\x01\x02"),
    ],
)
def test_the_bytes_a_text_operator_shows(content: bytes, shown: bytes) -> None:
    assert string_bytes(_operand(content)) == shown


def test_a_number_shows_nothing() -> None:
    assert string_bytes(_operand(b"12 Tz")) == b""
