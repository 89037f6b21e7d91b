"""The sample library end to end: every leaflet builds, passes the audit and reads in order."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from leafpress.audit import audit_pdf
from leafpress.content.library_scan import load_library
from leafpress.editions import EDITIONS as VARIANTS
from leafpress.project.definitions import leaflet_paths, load_leaflets
from leafpress.render.html import is_notes_page

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-21"  # pinned: the sample content's review dates must not age the tests
LEAFLETS = load_leaflets(leaflet_paths(ROOT), ROOT)
CASES = [(leaflet.id, variant) for leaflet in LEAFLETS for variant in leaflet.definition.variants]
MM = 72 / 25.4

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build every sample leaflet, one process per variant so both cores work."""
    out = tmp_path_factory.mktemp("samples")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "leafpress", "build", "--all", "--variant", variant,
             "--out", str(out), "--today", TODAY],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for variant in VARIANTS
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=900)
        assert run.returncode == 0, stderr
    return out


def test_there_are_six_sample_leaflets_in_both_variants() -> None:
    assert len(LEAFLETS) == 6
    assert all(set(leaflet.definition.variants) == set(VARIANTS) for leaflet in LEAFLETS)


@pytest.mark.parametrize(("leaflet_id", "variant"), CASES)
def test_sample_passes_the_audit(built: Path, leaflet_id: str, variant: str) -> None:
    report = audit_pdf(built / leaflet_id / f"{variant}.pdf")
    assert report.large_print == (variant == "large-print")
    assert report.passed, [f"{f.condition} p{f.page}: {f.message}" for f in report.findings]


@pytest.mark.parametrize(("leaflet_id", "variant"), CASES)
def test_sample_page_size(built: Path, leaflet_id: str, variant: str) -> None:
    leaflet = next(x for x in LEAFLETS if x.id == leaflet_id)
    paper = VARIANTS[variant].paper_for(leaflet.definition.paper)
    width, height = paper.width_mm * MM, paper.height_mm * MM
    with pikepdf.open(built / leaflet_id / f"{variant}.pdf") as pdf:
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            assert box[2] - box[0] == pytest.approx(width, abs=1)
            assert box[3] - box[1] == pytest.approx(height, abs=1)
        if leaflet.definition.format == "booklet":
            assert len(pdf.pages) % 4 == 0
            assert (built / leaflet_id / f"{variant}-print.pdf").is_file()


def _struct_text(path: Path) -> str:
    result = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                            text=True, check=True)
    quoted = re.findall(r'"(.*)"', result.stdout)
    return " ".join(" ".join(quoted).split())


@pytest.mark.parametrize(("leaflet_id", "variant"), CASES)
def test_poppler_reads_sections_in_source_order(built: Path, leaflet_id: str,
                                                variant: str) -> None:
    """pdfinfo -struct-text gives each section's heading, in the definition's order."""
    leaflet = next(x for x in LEAFLETS if x.id == leaflet_id)
    library = load_library(ROOT)
    text = _struct_text(built / leaflet_id / f"{variant}.pdf")
    position = 0
    # Pages for notes come after the end section (render/html.py is_notes_page).
    uses = leaflet.definition.sections
    notes = [u for u in uses if is_notes_page(library.sections[u.id].body)]
    for use in [u for u in uses if u not in notes]:
        heading = " ".join((use.heading or library.sections[use.id].meta.title).split())
        found = text.find(heading, position)
        assert found >= 0, f"{heading!r} missing or out of order after offset {position}"
        position = found + len(heading)
    position = text.find("About this information", position)
    assert position > 0
    for use in notes:
        heading = " ".join((use.heading or library.sections[use.id].meta.title).split())
        assert text.find(heading, position) > position


def test_check_passes_strictly_on_the_sample_library() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "leafpress", "check", "--strict", "--today", TODAY],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "check passed: 6 leaflet(s)" in result.stderr


def test_sample_content_is_honest_draft() -> None:
    library = load_library(ROOT)
    for section in library.sections.values():
        assert section.meta.review.status == "draft", section.path
        assert section.meta.review.reviewers == [], section.path
        assert section.meta.references, f"{section.path} cites nothing"


def test_coverage_table_names_only_real_sections() -> None:
    library = load_library(ROOT)
    readme = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
    coverage = readme.split("## Coverage", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in coverage.splitlines() if line.startswith("| ") and "`" in line]
    named = {i for row in rows for i in re.findall(r"`([^`]+)`", row.rsplit("|", 2)[1])}
    assert len(rows) >= 40
    named.discard("glossary.yaml")  # the glossary row names the glossary file
    assert named <= set(library.sections), sorted(named - set(library.sections))
    used = {use.id for leaflet in LEAFLETS for use in leaflet.definition.sections}
    assert set(library.sections) <= used | named


def test_bones_handout_has_its_own_glossary(built: Path) -> None:
    result = subprocess.run(
        ["pdftotext", str(built / "secondary-breast-cancer-in-the-bones" / "standard.pdf"), "-"],
        capture_output=True, text=True, check=True,
    )
    words = result.stdout.split("Words we use", 1)[1].split("About this information", 1)[0]
    assert "bisphosphonate" in words.lower()
    assert "immunotherapy" not in words.lower()  # not used in the bones handout's sections
