"""The content interpreter's operand helpers: the bytes a text-showing operator shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


HOSTILE = """
import pikepdf
from leafpress.audit.graphics import string_bytes
array = b" ".join([b"<0012>", b"-12345.678"] * 200)
pdf = pikepdf.new()
[instruction] = pikepdf.parse_content_stream(pdf.make_stream(b"[" + array + b" (a)] TJ"))
assert string_bytes(instruction.operands[-1]) == b"\\x00\\x12" * 200 + b"a"
"""


def test_an_array_the_fast_path_cannot_read_is_read_without_backtracking(tmp_path: Path) -> None:
    """Literal strings among long kerning numbers once took exponential time (minutes for
    four pairs); here 200 pairs must be read before a subprocess limit that is generous
    for a linear read, so the old pattern fails this test instead of hanging the run."""
    script = tmp_path / "hostile.py"
    script.write_text(HOSTILE)
    done = subprocess.run([sys.executable, str(script)], timeout=60, capture_output=True,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
