"""Nothing runs off the page: long words and wide tables fit; what cannot fit fails the build."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from leafpress import Project as Engine
from leafpress.editions import EDITIONS
from tests.minimal_project import REPO, Project, Result, section

TODAY = dt.date(2026, 1, 1)
DRUG = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
URL = "https://example.org/" + "very-long-path-segment-" * 8 + "end"
WIDE_TABLE = (
    "| " + " | ".join(f"Column{n}heading" for n in range(6)) + " |\n"
    "|" + "---|" * 6 + "\n"
    "| " + " | ".join(f"Cellwithaverylongwordinit{n}" for n in range(6)) + " |\n"
)


def text_of(data: bytes, folder: Path) -> str:
    path = folder / "out.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return "".join(out.split()).replace("-", "")


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_long_words_links_and_wide_tables_are_wrapped_to_fit(
    project: Project, tmp_path: Path, edition: str
) -> None:
    body = f"Take {DRUG} daily [@ref].\n\nSee {URL} for more.\n\n{WIDE_TABLE}"
    project.write("content/sections/beta.md", section("beta", body), dedent=False)
    rendered = Engine.open(project.root).render("x", edition, today=TODAY)  # no BuildError
    text = text_of(rendered.data, tmp_path)
    assert DRUG in text
    # Cells broken over lines read back interleaved, so compare letters, not order.
    cells = "".join(f"Cellwithaverylongwordinit{n}" for n in range(6))
    assert Counter(cells) <= Counter(text)


def test_a_code_line_too_long_to_wrap_fails_the_build_at_its_line(
    leafpress: Callable[..., Result], project: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = "x" * 30 + " " + "y" * 150
    project.write("content/sections/beta.md",
                  section("beta", f"Type this [@ref]:\n\n```\n{line}\n```\n"), dedent=False)
    monkeypatch.chdir(project.root)
    result = leafpress("build", "--all", "--variant", "standard", "--out", tmp_path / "out",
                       "--today", "2026-01-01")
    assert result.err == (
        f'error: content/sections/beta.md:21:32: the text "{line[:39]}…" runs off page 1: '
        "it is wider or taller than the space inside the margins, and would be cut off\n"
        "  → Shorten it, or split it: a long line in a code block, a wide table or a large "
        "image cannot be wrapped. Long words and links are broken automatically.\n"
        "1 leaflet(s) failed: leaflets/x.yaml; 0 file set(s) built.\n"
    )
    assert result.code == 1
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_tables_of_four_or_more_columns_are_marked_wide(project: Project) -> None:
    narrow = "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n"
    body = f"{narrow}\n{WIDE_TABLE}\nSources [@ref].\n"
    project.write("content/sections/beta.md", section("beta", body), dedent=False)
    html, _ = Engine.open(project.root).print_html("x", "standard", today=TODAY)
    assert re.findall(r"<table[^>]*>", html) == ["<table>", '<table class="wide">']


@pytest.mark.parametrize("edition", list(EDITIONS.values()), ids=list(EDITIONS))
def test_wide_tables_use_the_editions_smallest_text_size(edition: object) -> None:
    from leafpress.editions import Edition

    assert isinstance(edition, Edition)
    sizes = [float(size) for name in edition.stylesheets
             for size in re.findall(r"table\.wide\s*\{\s*font-size:\s*([\d.]+)pt",
                                    (REPO / "styles" / name).read_text(encoding="utf-8"))]
    assert sizes == [edition.min_text_pt]
