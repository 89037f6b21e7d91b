"""The Makefile on a copy of the fixture project: parallel build, no-op rebuild, exact rebuilds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixture_builds import REPO, copy_project

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")

LEAFPRESS = Path(sys.executable).parent / "leafpress"
ALL = {"fixture-leaflet/standard", "fixture-leaflet/large-print", "second-leaflet/standard"}
MAIN_PREFIX = "fixture-leaflet/"
_RECIPE = re.compile(r"build leaflets/(\S+)\.yaml --variant (\S+) ")


def _make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run make with the venv step disabled: VENV_STAMP names an up-to-date file."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    return subprocess.run(
        ["make", "--no-print-directory", "VENV_STAMP=stamp", f"LEAFPRESS={LEAFPRESS}", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def _built(output: str) -> set[str]:
    """Leaflet/variant pairs whose build command make ran (or would run)."""
    return {f"{leaflet}/{variant}" for leaflet, variant in _RECIPE.findall(output)}


def _pdf_times(project: Path) -> dict[str, int]:
    return {str(p.relative_to(project / "build"))[:-4]: p.stat().st_mtime_ns
            for p in (project / "build").glob("*/*.pdf")}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the repository's Makefile, built once with `make -j2` from clean."""
    project = copy_project(tmp_path_factory.mktemp("make") / "project")
    shutil.copy(REPO / "Makefile", project / "Makefile")
    (project / "stamp").touch()  # newer than pyproject.toml: no venv is made
    result = _make(project, "-j2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _built(result.stdout) == ALL
    return project


def test_parallel_build_from_clean_makes_every_pdf(project: Path) -> None:
    listed = re.findall(r"^PDFS \+= (.+)$", (project / "build" / "targets.mk").read_text(),
                        re.MULTILINE)
    pdfs = [path for line in listed for path in line.split() if path.endswith(".pdf")]
    assert sorted(pdfs) == sorted(f"build/{name}.pdf" for name in ALL)
    for name in ALL:
        assert (project / "build" / f"{name}.pdf").stat().st_size > 1000
        assert (project / "build" / f"{name}.d").is_file()
    assert list((project / "build").rglob("*.part")) == []


def test_second_make_renders_nothing(project: Path) -> None:
    before = _pdf_times(project)
    assert _make(project, "-q").returncode == 0
    result = _make(project)
    assert result.returncode == 0
    assert _built(result.stdout) == set()
    assert "Nothing to be done" in result.stdout
    assert _pdf_times(project) == before


@pytest.mark.parametrize(
    ("touched", "rebuilt"),
    [
        ("content/sections/gamma.md", {"fixture-leaflet/standard", "fixture-leaflet/large-print"}),
        ("content/sections/delta.md", {"second-leaflet/standard"}),
        ("content/sections/alpha.md", ALL),  # used by both leaflets
        ("content/images/bone.svg", ALL),  # an image alpha shows
        ("leaflets/second-leaflet.yaml", {"second-leaflet/standard"}),
        ("leaflets/publishers/fixture.yaml", ALL),
        ("templates/about.html.j2", ALL),
        ("styles/large-print.css", ALL),
        ("content/glossary.yaml", ALL),
    ],
)
def test_touching_an_input_would_rebuild_exactly_its_users(
    project: Path, touched: str, rebuilt: set[str]
) -> None:
    path = project / touched
    saved = path.stat()
    os.utime(path)
    try:
        assert _make(project, "-q").returncode == 1
        result = _make(project, "-n")
        assert result.returncode == 0, result.stderr
        assert _built(result.stdout) == rebuilt
    finally:
        os.utime(path, ns=(saved.st_atime_ns, saved.st_mtime_ns))
    assert _make(project, "-q").returncode == 0


def test_touching_a_section_rebuilds_only_the_leaflet_that_uses_it(project: Path) -> None:
    before = _pdf_times(project)
    os.utime(project / "content" / "sections" / "delta.md")
    result = _make(project)
    assert result.returncode == 0, result.stderr
    assert _built(result.stdout) == {"second-leaflet/standard"}
    after = _pdf_times(project)
    assert after["second-leaflet/standard"] > before["second-leaflet/standard"]
    assert {k: after[k] for k in after if k.startswith(MAIN_PREFIX)} == {
        k: before[k] for k in before if k.startswith(MAIN_PREFIX)}
    assert _make(project, "-q").returncode == 0



def test_every_stale_target_goes_to_one_batch_build(project: Path) -> None:
    before = _pdf_times(project)
    for touched in ("content/sections/delta.md", "styles/large-print.css"):
        os.utime(project / touched)
    result = _make(project)
    assert result.returncode == 0, result.stderr
    stale = {"second-leaflet/standard", "fixture-leaflet/large-print", "fixture-leaflet/standard"}
    assert _built(result.stdout) == stale
    # One leafpress run built them all, from the queue make wrote.
    queued = (project / "build" / ".queue.run").read_text(encoding="utf-8").splitlines()
    assert _built("\n".join(queued) + "\n") == stale and len(queued) == 3
    assert result.stdout.count("built build/") == 3
    after = _pdf_times(project)
    assert all(after[name] > before[name] for name in stale)
    assert _make(project, "-q").returncode == 0


def test_a_target_asked_for_by_name_is_built_at_once(project: Path) -> None:
    os.utime(project / "content" / "sections" / "delta.md")
    result = _make(project, "build/second-leaflet/standard.pdf")
    assert result.returncode == 0, result.stderr
    assert f"{LEAFPRESS} build leaflets/second-leaflet.yaml --variant standard" in result.stdout
    assert "built build/second-leaflet/standard.pdf" in result.stdout
    assert _make(project, "-q").returncode == 0


def test_a_failing_leaflet_fails_make_after_the_others_are_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(REPO / "Makefile", project / "Makefile")
    (project / "stamp").touch()
    delta = project / "content" / "sections" / "delta.md"  # only the second leaflet uses it
    delta.write_text(delta.read_text(encoding="utf-8").replace(
        "next_review: 2035-01-10", "next_review: 2025-02-10"), encoding="utf-8")  # overdue
    result = _make(project)
    assert result.returncode != 0
    assert "1 leaflet(s) failed: leaflets/second-leaflet.yaml; 2 file set(s) built." in (
        result.stderr)
    assert sorted(_pdf_times(project)) == ["fixture-leaflet/large-print",
                                           "fixture-leaflet/standard"]
    assert _make(project, "-q").returncode == 1  # the failed one is still to do
    again = _make(project, "-n")
    assert _built(again.stdout) == {"second-leaflet/standard"}


def test_deleting_a_leaflet_drops_its_rule(project: Path) -> None:
    second = project / "leaflets" / "second-leaflet.yaml"
    text = second.read_text(encoding="utf-8")
    second.unlink()
    try:
        result = _make(project, "-n")
        assert result.returncode == 0, result.stderr
        assert "second-leaflet" not in (project / "build" / "targets.mk").read_text()
    finally:
        second.write_text(text, encoding="utf-8")
    # The restored file is newer than its PDF: make would build it again.
    assert _built(_make(project, "-n").stdout) == {"second-leaflet/standard"}


def test_a_broken_definition_fails_its_own_target_and_make_k_builds_the_rest(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(REPO / "Makefile", project / "Makefile")
    (project / "stamp").touch()
    second = project / "leaflets" / "second-leaflet.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace("version:", "verison:"),
                      encoding="utf-8")
    result = _make(project, "-k", "-j2")
    assert result.returncode != 0
    assert "leaflets/second-leaflet.yaml:" in result.stderr
    assert "unknown key 'verison'" in result.stderr
    assert "Did you mean 'version'?" in result.stderr
    assert _built(result.stdout) == ALL - {"second-leaflet/standard"}
    assert not (project / "build" / "second-leaflet" / "standard.pdf").exists()


def test_clean_removes_the_output(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(REPO / "Makefile", copy / "Makefile")
    (copy / "build").mkdir()
    (copy / "build" / "left.pdf").write_bytes(b"%PDF")
    assert _make(copy, "clean").returncode == 0
    assert not (copy / "build").exists()
