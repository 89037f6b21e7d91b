"""The fixture booklet: its definition, a project to build it in, and a CLI build of it."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from tests.fixture_builds import TODAY, copy_project, source_date_epoch

from leafpress import cli

BOOKLET_ID = "test-booklet"
URL = "https://example.org/leaflets/test-booklet"
BOOKLET = f"""\
id: {BOOKLET_ID}
title: Living with a test booklet
subtitle: A small booklet for the test suite
language: en-GB
format: booklet
paper: A5
variants: [standard, large-print]
audience: People who read test booklets
product_code: LP-TEST-B01
version: "3.2"
publisher: fixture
url: {URL}
contents: true
section_breaks: always
sections:
  - id: alpha
    heading: First things first
  - id: beta
    level: 3
  - gamma
  - delta
"""
HEADINGS = ["First things first", "Treatment", "Getting help"]
"""The booklet's top-level section headings, in order (contents entries before the end matter)."""

TOO_TALL_NOTES = "\n.note-line { height: 40mm; }\n"
"""Appended to booklet.css, it makes a notes page longer than a page."""


@dataclass(frozen=True)
class Booklet:
    """One build of the fixture booklet: where its files are and what the CLI printed."""

    project: Path
    out: Path
    output: str

    def pdf(self, variant: str) -> Path:
        """The reading PDF of one edition."""
        return self.out / BOOKLET_ID / f"{variant}.pdf"

    def print_pdf(self, variant: str) -> Path:
        """The imposed print file of one edition."""
        return self.out / BOOKLET_ID / f"{variant}-print.pdf"


def make_booklet_project(dest: Path, *, extra_css: str = "") -> Path:
    """The suite's fixture project with the booklet definition added."""
    project = copy_project(dest)
    (project / "leaflets" / f"{BOOKLET_ID}.yaml").write_text(BOOKLET, encoding="utf-8")
    if extra_css:
        with (project / "styles" / "booklet.css").open("a", encoding="utf-8") as css:
            css.write(extra_css)
    return project


def build_booklet(project: Path, out: Path, *options: str) -> Booklet:
    """`leafpress build` of the booklet through cli.main; fails the test on a non-zero exit."""
    args = [
        "--project",
        str(project),
        "build",
        str(project / "leaflets" / f"{BOOKLET_ID}.yaml"),
        "--out",
        str(out),
        "--today",
        TODAY,
        *options,
    ]
    printed = io.StringIO()
    with source_date_epoch(None), redirect_stdout(printed):
        code = cli.main(args)
    assert code == 0, f"the fixture booklet does not build: {printed.getvalue()}"
    return Booklet(project, out, printed.getvalue())
