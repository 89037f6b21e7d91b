"""Braille Ready Format: liblouis UEB grade 2 to BRF ASCII, back again, and the file's checks."""

from __future__ import annotations

from typing import Any

#: North American Braille ASCII, indexed by a cell's dot bits (dot 1 = 1 ... dot 6 = 32).
BRF_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
TABLES = ["unicode.dis", "en-ueb-g2.ctb"]
"""Unicode braille out, so the BRF mapping is ours; Unified English Braille grade 2."""
CELLS_PER_LINE = 40
LINES_PER_PAGE = 25
LINE_END = "\r\n"
PAGE_END = "\f"
TOP_BOX = "7"
"""UEB box lines: dots 2356 open a box, dots 1245 close it."""
BOTTOM_BOX = "G"


def louis_module() -> Any:
    """liblouis's Python module, from Debian's python3-louis (see docs/formats.md)."""
    try:
        import louis
    except ImportError as error:  # pragma: no cover - depends on the machine
        from leafpress.errors import InputError

        raise InputError.single(
            "the braille format needs liblouis, which is not installed",
            hint="Run 'make setup' (it installs python3-louis and liblouis-data and links "
                 "the louis module into .venv).") from error
    return louis


def to_brf(text: str, typeform: list[int] | None = None) -> str:
    """Text in UEB grade 2, as BRF ASCII (uppercase, 0x20 to 0x5F).

    ``typeform`` gives each character's emphasis (liblouis's ``bold``, ``italic``), which
    UEB shows with its bold and italic indicators; None for plain text.
    """
    dots = louis_module().translateString(TABLES, text, typeform=typeform)
    return "".join(BRF_ASCII[(ord(ch) - 0x2800) & 0x3F] if "\u2800" <= ch <= "\u28ff"
                   else BRF_ASCII[0] for ch in dots)


def shows_all(text: str) -> bool:
    """Whether UEB has every character of ``text`` (liblouis escapes the rest as code points)."""
    louis = louis_module()
    return bool(louis.translateString(TABLES, text) ==
                louis.translateString(TABLES, text, mode=louis.noUndefined))


def from_brf(cells: str) -> str:
    """Back-translate BRF ASCII to print text with liblouis."""
    dots = "".join(chr(0x2800 + BRF_ASCII.index(ch.upper())) if ch.upper() in BRF_ASCII
                   else ch for ch in cells)
    return str(louis_module().backTranslateString(TABLES, dots))


def pages(data: bytes) -> list[list[str]]:
    """A BRF file's pages, each a list of lines."""
    text = data.decode("ascii", errors="replace")
    found = [page.split(LINE_END) for page in text.split(PAGE_END)]
    for page in found:
        if page and page[-1] == "":
            page.pop()
    if found and not found[-1]:
        found.pop()
    return found


def check(data: bytes) -> list[str]:
    """Every way ``data`` breaks BRF: characters, line length, page length, page numbers."""
    problems = []
    allowed = set(BRF_ASCII) | {"\r", "\n", "\f"}
    for offset, byte in enumerate(data):
        if chr(byte) not in allowed:
            problems.append(f"byte {offset}: {byte:#04x} is not in the BRF ASCII set")
            break
    if b"\n" in data.replace(b"\r\n", b""):
        problems.append("a line ends without CR LF")
    for number, page in enumerate(pages(data), start=1):
        if len(page) > LINES_PER_PAGE:
            problems.append(f"page {number}: {len(page)} lines (at most {LINES_PER_PAGE})")
        for line_number, line in enumerate(page, start=1):
            if len(line) > CELLS_PER_LINE:
                problems.append(f"page {number}, line {line_number}: {len(line)} cells "
                                f"(at most {CELLS_PER_LINE})")
        expected = to_brf(str(number))
        if not page or not page[0].endswith(" " + expected):
            problems.append(f"page {number}: no page number {expected!r} at the top right")
    return problems


def body_lines(data: bytes) -> list[str]:
    """The lines that carry words: no page numbers, box lines or blank lines."""
    lines = []
    for page in pages(data):
        for index, line in enumerate(page):
            text = line.rstrip()
            if index == 0:
                text = text.rsplit(" ", 1)[0].rstrip() if " " in text.strip() else ""
            if text.strip() and set(text.strip()) not in ({TOP_BOX}, {BOTTOM_BOX}):
                lines.append(text.strip())
    return lines


def back_translate(data: bytes) -> str:
    """The words of a BRF file, back-translated line by line."""
    return "\n".join(from_brf(line) for line in body_lines(data))
