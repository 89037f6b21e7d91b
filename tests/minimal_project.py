"""A minimal valid leafpress project written under a temporary folder, to mutate one thing."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PYPROJECT = """\
[project]
name = "fixture-leaflets"

[tool.leafpress]
readability_min = 0
review_due_window_days = 90
"""

LEAFLET = """\
id: x
title: About secondary breast cancer
language: en-GB
format: leaflet
paper: A4
variants: [standard]
audience: People who want a short introduction
product_code: LP-TEST-001
version: "1.0"
publisher: p
sections:
  - alpha
  - beta
"""

PUBLISHER = """\
organisation: Test Publisher
address:
  - 1 Example Street
phone: 01234 567890
website: https://example.org
"""

GLOSSARY = """\
- term: biopsy
  definition: Taking a small sample of cells to look at under a microscope.
"""


def section(
    section_id: str,
    body: str = "Some plain words about cancer [@ref].\n",
    *,
    reviewed: str = "2025-01-10",
    next_review: str = "2028-01-10",
    status: str = "approved",
) -> str:
    """A complete section file: front matter with one reference, then the body."""
    return (
        f"---\nid: {section_id}\ntitle: Section {section_id}\nreview:\n"
        f"  reviewed: {reviewed}\n  next_review: {next_review}\n  status: {status}\n"
        "  reviewers:\n    - name: A Nurse\n      role: Breast care nurse\n"
        "references:\n  - key: ref\n    title: A source\n    publisher: A charity\n"
        f"    year: 2024\n---\n\n{body}"
    )


@dataclass
class Project:
    """A fixture project on disk, with helpers to change one file."""

    root: Path

    def path(self, relative: str) -> Path:
        """An absolute path inside the project."""
        return self.root / relative

    def write(self, relative: str, text: str, *, dedent: bool = True) -> Path:
        """Write (or replace) one file with text, dedented by default."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return target

    def write_bytes(self, relative: str, data: bytes) -> Path:
        """Write (or replace) one file with raw bytes."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    def edit(self, relative: str, old: str, new: str) -> Path:
        """Replace exactly one occurrence of ``old`` in a file."""
        target = self.root / relative
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not unique in {relative}"
        target.write_text(text.replace(old, new), encoding="utf-8")
        return target

    @property
    def leaflet(self) -> Path:
        """The fixture leaflet definition."""
        return self.root / "leaflets" / "x.yaml"


def make_project(root: Path) -> Project:
    """Write a minimal valid project: one leaflet, one publisher, two sections, a glossary."""
    project = Project(root)
    project.write("pyproject.toml", PYPROJECT, dedent=False)
    project.write("leaflets/x.yaml", LEAFLET, dedent=False)
    project.write("leaflets/publishers/p.yaml", PUBLISHER, dedent=False)
    project.write("content/sections/alpha.md", section("alpha"), dedent=False)
    project.write("content/sections/beta.md", section("beta"), dedent=False)
    project.write("content/glossary.yaml", GLOSSARY, dedent=False)
    for folder in ("templates", "styles"):
        shutil.copytree(REPO / folder, root / folder)
    return project


@dataclass
class Result:
    """What one in-memory CLI run returned and printed."""

    code: int
    out: str
    err: str


#: The ``leafpress`` fixture: run the CLI in memory and capture what it printed.
Cli = Callable[..., Result]
