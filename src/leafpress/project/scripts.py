"""Writing systems: which leafpress prints, which it refuses, and the font each needs."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from leafpress.errors import Problem

#: Scripts whose text WeasyPrint 70 draws correctly but maps back to garbled text (its
#: ToUnicode map keeps one text per glyph, so reordered vowel signs and ligatures come out
#: wrong): a screen reader, search and copy-paste would get nonsense. Measured with
#: pdftotext for Arabic, Urdu, Bengali, Devanagari, Gurmukhi, Gujarati and Tamil; the
#: rest share the same shaping (see docs/input-rules.md).
REFUSED_SCRIPTS = (
    "ARABIC", "BENGALI", "DEVANAGARI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU",
    "KANNADA", "MALAYALAM", "SINHALA", "SYRIAC", "THAANA", "NKO", "MYANMAR", "KHMER",
    "TIBETAN",
)

#: The font (and Debian package) that covers a script, by the first word of the
#: character's Unicode name. Anything else: "Noto Sans <Script>" in fonts-noto-core.
_FONTS = {
    "LATIN": ("Noto Sans", "fonts-noto-core"),
    "GREEK": ("Noto Sans", "fonts-noto-core"),
    "CYRILLIC": ("Noto Sans", "fonts-noto-core"),
    "CJK": ("Noto Sans CJK SC", "fonts-noto-cjk"),
    "IDEOGRAPHIC": ("Noto Sans CJK SC", "fonts-noto-cjk"),
    "HIRAGANA": ("Noto Sans CJK JP", "fonts-noto-cjk"),
    "KATAKANA": ("Noto Sans CJK JP", "fonts-noto-cjk"),
    "HANGUL": ("Noto Sans CJK KR", "fonts-noto-cjk"),
    "BOPOMOFO": ("Noto Sans CJK TC", "fonts-noto-cjk"),
    "FULLWIDTH": ("Noto Sans CJK SC", "fonts-noto-cjk"),
}

#: First words of Unicode names that are scripts (the rest are symbols, arrows, emoji…).
_SCRIPTS = {*REFUSED_SCRIPTS, *_FONTS, "HEBREW", "ETHIOPIC", "THAI", "LAO", "ARMENIAN",
            "GEORGIAN", "CHEROKEE", "MONGOLIAN", "TIFINAGH", "VAI", "ADLAM", "JAVANESE",
            "BALINESE", "YI"}


def script_of(character: str) -> str:
    """The script a character belongs to, as the first word of its Unicode name."""
    name = unicodedata.name(character, "")
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPTS else ""


def describe(character: str) -> str:
    """'"ঢ" (U+09A2 BENGALI LETTER DDHA)'."""
    name = unicodedata.name(character, "unnamed character")
    return f'"{character}" (U+{ord(character):04X} {name})'


def font_for(character: str) -> str:
    """The font that prints a character, with the Debian package that installs it."""
    script = script_of(character)
    if script in _FONTS:
        family, package = _FONTS[script]
    elif script:
        family, package = f"Noto Sans {script.title()}", "fonts-noto-core"
    elif unicodedata.category(character) == "So" and ord(character) >= 0x1F000:
        family, package = "Noto Color Emoji", "fonts-noto-color-emoji"
    else:
        family, package = "Noto Sans Symbols 2", "fonts-noto-core"
    return f"{family} (Debian package {package})"


def refused_script_problems(text: str, path: Path, first_line: int = 1) -> list[Problem]:
    """One problem per refused script in ``text``, at the first character written in it."""
    found: dict[str, Problem] = {}
    for number, line in enumerate(text.split("\n"), start=first_line):
        for column, character in enumerate(line, start=1):
            if ord(character) < 0x0590:  # Latin, Greek, Cyrillic and the rest: all fine
                continue
            script = script_of(character)
            if script in REFUSED_SCRIPTS and script not in found:
                found[script] = Problem(
                    path, number, column,
                    f"text in the {script.title()} script cannot be printed yet (first "
                    f"character here: {describe(character)})",
                    "WeasyPrint 70 draws this script but writes a wrong text layer, so screen "
                    "readers, search and copy-paste would get nonsense. Remove the "
                    f"{script.title()}-script text; docs/input-rules.md lists the writing systems "
                    "leafpress prints.",
                )
    return list(found.values())
