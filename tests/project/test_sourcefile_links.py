"""A link to a file outside the project is never read, whatever kind of file it stands for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.minimal_project import Project, Result

Cli = Callable[..., Result]
SECRET = "TOP-SECRET-LINE from the build machine\n"
OUTSIDE = ("the file is outside the project (or is a link to a file outside it)\n"
           "  → Keep every content, definition, template, style and font file inside the "
           "project folder; leafpress never reads files from elsewhere.\n")


@pytest.fixture
def secret(project: Project) -> Path:
    """A file beside (not inside) the project, as /etc/passwd would be."""
    path = project.root.parent / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def link(project: Project, relative: str, target: Path) -> Path:
    """Replace a project file with a symbolic link to ``target``."""
    path = project.path(relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to(target)
    return path


@pytest.mark.parametrize("relative", [
    "content/sections/beta.md",
    "content/glossary.yaml",
    "leaflets/x.yaml",
    "leaflets/publishers/p.yaml",
    "pyproject.toml",
])
def test_check_refuses_a_linked_content_file(
    leafpress: Cli, project: Project, secret: Path, relative: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    link(project, relative, secret)
    monkeypatch.chdir(project.root)
    result = leafpress("check", "--today", "2026-01-01")
    assert f"error: {relative}: {OUTSIDE}" in result.err
    assert "TOP-SECRET" not in result.err + result.out
    assert result.code == 1


def test_a_linked_folder_of_sections_is_refused(
    leafpress: Cli, project: Project, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = project.root.parent / "elsewhere"
    outside.mkdir()
    (outside / "beta.md").write_text(project.path("content/sections/beta.md").read_text())
    project.path("content/sections/beta.md").unlink()
    (project.path("content/sections") / "more").symlink_to(outside)
    link(project, "content/sections/gamma.md", outside / "beta.md")
    monkeypatch.chdir(project.root)
    result = leafpress("check", "--today", "2026-01-01")
    assert f"error: content/sections/gamma.md: {OUTSIDE}" in result.err
    assert result.code == 1


@pytest.mark.parametrize(("relative", "shown"), [
    ("templates/about.html.j2", "templates/about.html.j2"),
    ("styles/standard.css", "styles/standard.css"),
])
def test_build_refuses_a_linked_template_or_stylesheet(
    leafpress: Cli, project: Project, secret: Path, relative: str, shown: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    link(project, relative, secret)
    monkeypatch.chdir(project.root)
    result = leafpress("build", "--all", "--variant", "standard", "--out", tmp_path / "out",
                       "--today", "2026-01-01")
    assert result.err.startswith(f"error: {shown}: {OUTSIDE}")
    assert "TOP-SECRET" not in result.err + result.out
    assert not list((tmp_path / "out").rglob("*.pdf"))
    assert result.code == 1


def test_build_refuses_a_linked_font(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fonts = project.path("styles/fonts")
    font = sorted(fonts.glob("*-latin-400-normal.woff2"))[0]
    moved = project.root.parent / font.name
    font.rename(moved)
    font.symlink_to(moved)
    monkeypatch.chdir(project.root)
    result = leafpress("build", "--all", "--variant", "standard", "--out", tmp_path / "out",
                       "--today", "2026-01-01")
    assert result.err.startswith(
        f"error: leaflets/x.yaml: WeasyPrint could not load a file: refusing a file outside "
        f"the project: {moved}\n")
    assert result.code == 1


def test_review_dates_are_located_without_reading_the_file_again(
    leafpress: Cli, project: Project, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Due for review: the warning points at next_review, found when the section was loaded.
    project.edit("content/sections/beta.md", "next_review: 2028-01-10", "next_review: 2026-02-01")
    monkeypatch.chdir(project.root)
    result = leafpress("check", "--today", "2026-01-01")
    assert ("warning: content/sections/beta.md:6:16: section 'beta' is due for review"
            in result.err)
