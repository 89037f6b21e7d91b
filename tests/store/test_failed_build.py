"""A failed build exits non-zero and leaves the previous good output exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import MAIN, copy_project, run_build


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project copy and its output folder after one good standard build."""
    root = tmp_path_factory.mktemp("failed-build")
    project = copy_project(root / "project")
    assert run_build(project, root / "out", MAIN, variants=("standard",)) == 0
    return project, root / "out"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _break(path: Path, old: str, new: str) -> str:
    """Replace text in a project file; return the original text to restore it with."""
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return original


def test_error_in_content_keeps_the_previous_pdf(
    good: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project, out = good
    before = _snapshot(out)
    assert f"{MAIN}/standard.pdf" in before and f"{MAIN}/standard.d" in before
    section = project / "content" / "sections" / "alpha.md"
    original = _break(section, "[@charity-guide]", "[@no-such-reference]")
    try:
        assert run_build(project, out, MAIN, variants=("standard",)) == 1
    finally:
        section.write_text(original, encoding="utf-8")
    err = capsys.readouterr().err
    assert "no-such-reference" in err and "alpha.md" in err
    assert _snapshot(out) == before  # same files, same bytes, no leftovers


def test_error_while_rendering_keeps_the_previous_pdf(
    good: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project, out = good
    before = _snapshot(out)
    image = project / "content" / "images" / "bone.svg"
    original = image.read_text(encoding="utf-8")
    image.write_text("<svg this is not XML", encoding="utf-8")  # loads fine, fails to render
    try:
        assert run_build(project, out, MAIN, variants=("standard",)) == 1
    finally:
        image.write_text(original, encoding="utf-8")
    # Reported at the line that shows the image, not as a bare WeasyPrint message.
    assert "content/sections/alpha.md:47:41: image 'bone.svg' cannot be drawn: " in (
        capsys.readouterr().err)
    assert _snapshot(out) == before
