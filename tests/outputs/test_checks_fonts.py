"""Every character printed in a font leafpress knows, and reading back as written."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from weasyprint import HTML

from leafpress import Project
from leafpress.outputs.checks import foreign_font_problems
from leafpress.project.scripts import font_for, script_of
from tests.minimal_project import section

TODAY = "2026-01-01"

#: One sentence per language, each a paragraph: the UK's most spoken languages that
#: leafpress prints (docs/input-rules.md), plus English with Welsh.
SENTENCES = {
    "cy": "Gofynnwch i’r nyrs am eich triniaeth, a chofiwch yfed dŵr.",
    "pl": "Zapytaj pielęgniarkę o leczenie, żółć i gęś.",
    "ro": "Întrebați asistenta despre tratament și țară.",
    "lt": "Paklauskite slaugytojos apie gydymą ir ūgį.",
    "pt": "Pergunte à enfermeira sobre o tratamento e a medicação.",
    "tr": "Tedaviniz hakkında hemşireye sorun, ağrı ışık.",
    "so": "Weydii kalkaalisada wax ku saabsan daaweyntaada.",
    "vi": "Hãy hỏi y tá về việc điều trị của bạn.",
    "el": "Ρωτήστε τη νοσηλεύτρια για τη θεραπεία σας.",
    "ru": "Спросите медсестру о вашем лечении.",
    "uk": "Запитайте медсестру про ваше лікування, її поради.",
    "am": "ስለ ሕክምናዎ ነርሷን ይጠይቁ።",
    "zh-Hans": "请向护士询问您的治疗。",
    "zh-Hant": "請向護士詢問您的治療。",
}


def pdf_text(data: bytes, folder: Path) -> str:
    """The text layer of a PDF as pdftotext (poppler) reads it, whitespace collapsed."""
    path = folder / "read.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    marks = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u200e\u200f"))  # pdftotext's own
    return unicodedata.normalize("NFC", " ".join(text.translate(marks).split()))


def test_supported_languages_read_back_exactly(project: Project, tmp_path: Path) -> None:
    body = "".join(f"[{text}]{{lang={tag}}}\n\n" for tag, text in SENTENCES.items())
    project.write("content/sections/beta.md", section("beta", body + "Sources [@ref].\n"),
                  dedent=False)
    rendered = Project.open(project.root).render("x", "standard", today=_date())
    text = pdf_text(rendered.data, tmp_path)
    missing = {tag: s for tag, s in SENTENCES.items() if " ".join(s.split()) not in text}
    assert missing == {}


@pytest.mark.parametrize(("language", "written"), [
    ("Bengali", "আপনার চিকিৎসা নিয়ে প্রশ্ন থাকলে নার্সকে জিজ্ঞেস করুন"),
    ("Urdu", "آپ کے علاج کے بارے میں سوالات ہوں تو نرس سے پوچھیں"),
    ("Arabic", "إذا كانت لديك أسئلة حول علاجك فاسأل الممرضة"),
    ("Gujarati", "જો તમને તમારી સારવાર વિશે પ્રશ્નો હોય તો નર્સને પૂછો"),
])
def test_weasyprint_70_garbles_the_scripts_leafpress_refuses(
    language: str, written: str, tmp_path: Path
) -> None:
    # Why these scripts are refused: drawn right, read back wrong. When this test fails,
    # WeasyPrint has been fixed, and project/scripts.py can accept the script again.
    data = HTML(string=f"<p style='font-family: Noto Sans'>{written}</p>").write_pdf()
    assert pdf_text(data, tmp_path) != written
    assert script_of(written[0]) in ("BENGALI", "ARABIC", "GUJARATI")


def test_a_character_no_font_has_fails_the_build_with_its_line(
    project: Project, tmp_path: Path
) -> None:
    # No system fonts at all (an empty fontconfig): only the project's own fonts exist,
    # so the result cannot depend on what this machine has installed.
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path / 'cache'}"
                      "</cachedir></fontconfig>", encoding="utf-8")
    project.write("content/sections/beta.md",
                  section("beta", "Some words.\n\nIn Amharic: ሰላም [@ref].\n"), dedent=False)
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "leafpress", "build", "--all", "--variant",
         "standard", "--out", str(tmp_path / "out"), "--today", TODAY],
        cwd=project.root, capture_output=True, text=True, check=False,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    )
    assert result.stderr == (
        'error: content/sections/beta.md:20:13: no font in the leaflet has "ሰ" (U+1230 '
        "ETHIOPIC SYLLABLE SA) and 2 more: they would print as empty boxes\n"
        "  → Install Noto Sans Ethiopic (Debian package fonts-noto-core); "
        "scripts/system-deps.sh installs the fonts leafpress supports. Or remove the text. "
        "docs/input-rules.md lists the writing systems leafpress prints.\n"
        "1 leaflet(s) failed: leaflets/x.yaml; 0 file set(s) built.\n"
    )
    assert result.returncode == 1
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_text_set_in_a_font_leafpress_does_not_know_is_refused(
    project: Project, tmp_path: Path
) -> None:
    engine = Project.open(project.root)
    data = engine.render("x", "standard", today=_date()).data
    selection = engine.select("x")
    pdf = pikepdf.open(io.BytesIO(data))
    assert foreign_font_problems(pdf, selection, project.path("styles")) == []
    bare = tmp_path / "bare-styles"  # a project that ships no fonts: Atkinson is foreign
    (bare / "fonts").mkdir(parents=True)
    problems = foreign_font_problems(pdf, selection, bare)
    assert sorted(p.message.split(" were set in ")[1] for p in problems) == [
        f"Atkinson-Hyperlegible-Next{weight}, a font this machine happens to have, because "
        "the leaflet's fonts do not cover them" for weight in ("", "-Bold")
    ]
    # Each is located at a line of a project file that prints one of its characters.
    for problem in problems:
        assert problem.path is not None and problem.path.is_relative_to(project.root)
        assert problem.line is not None


@pytest.mark.parametrize(("character", "font"), [
    ("ሰ", "Noto Sans Ethiopic (Debian package fonts-noto-core)"),
    ("Ж", "Noto Sans (Debian package fonts-noto-core)"),
    ("请", "Noto Sans CJK SC (Debian package fonts-noto-cjk)"),
    ("ঢ", "Noto Sans Bengali (Debian package fonts-noto-core)"),
    ("\u2b50", "Noto Sans Symbols 2 (Debian package fonts-noto-core)"),
])
def test_the_font_to_add_is_named(character: str, font: str) -> None:
    assert font_for(character) == font


def _date() -> dt.date:
    return dt.date.fromisoformat(TODAY)


def test_the_build_refuses_a_foreign_font_before_finishing(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leafpress.errors import BuildError
    from leafpress.outputs import checks

    engine = Project.open(project.root)
    engine.render("x", "standard", today=_date())  # the shipped fonts pass
    monkeypatch.setattr(checks, "shipped_families", lambda styles_dir: {"noto"})
    with pytest.raises(BuildError) as refused:
        engine.render("x", "standard", today=_date())
    assert any("a font this machine happens to have" in p.message
               for p in refused.value.problems)
