"""A build killed mid-way (SIGTERM or SIGKILL) never leaves a partial PDF at the target."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from tests.minimal_project import Project, make_project

from leafpress.cli.app import main

pytestmark = pytest.mark.slow

#: Runs the real CLI with one pipeline step made to pause, writing a marker file when it
#: gets there, so the test knows the build is in that step when it sends the signal.
HARNESS = """
import os, sys, time
from pathlib import Path

stage, marker = sys.argv[1], Path(sys.argv[2])

def pause():
    marker.write_text(stage)
    time.sleep(120)
    raise SystemExit("the test did not stop the build")

if stage == "render":  # WeasyPrint has laid the pages out; no PDF bytes exist yet
    import weasyprint
    real_render = weasyprint.HTML.render
    def render(self, *args, **kwargs):
        real_render(self, *args, **kwargs)
        pause()
    weasyprint.HTML.render = render
else:  # the temporary file is written but not yet renamed into place
    os.fsync = lambda fd: pause()

sys.argv = ["leafpress", *sys.argv[3:]]
from leafpress.cli.app import run
run()
"""

TODAY = "2026-01-01"


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A previous good build of the fixture leaflet."""
    project = make_project(tmp_path_factory.mktemp("good") / "project")
    assert main(["--project", str(project.root), "build", "--all", "--out",
                 str(project.path("build")), "--today", TODAY]) == 0
    return project.path("build/x/standard.pdf").read_bytes()


@pytest.fixture
def changed(project: Project, good_pdf: bytes) -> Project:
    """A project whose last good PDF is in build/, and whose content has since changed."""
    project.write_bytes("build/x/standard.pdf", good_pdf)
    project.edit("content/sections/alpha.md", "Some plain words about cancer",
                 "Freshly reviewed words about cancer")
    return project


def build_args(project: Project) -> list[str]:
    return ["--project", str(project.root), "build", "--all", "--out",
            str(project.path("build")), "--today", TODAY]


def start_and_stop(project: Project, stage: str, signum: int) -> subprocess.CompletedProcess[str]:
    marker = project.root.parent / "reached"
    process = subprocess.Popen(
        [sys.executable, "-c", HARNESS, stage, str(marker), *build_args(project)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                out, err = process.communicate(timeout=5)
                pytest.fail(f"the build never reached {stage}: exit {process.returncode}\n{err}")
            time.sleep(0.02)
        if stage == "write":
            assert temporaries(project), "the temporary file should exist while writing"
        process.send_signal(signum)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def temporaries(project: Project) -> list[str]:
    return sorted(p.name for p in project.path("build/x").iterdir() if p.suffix == ".part")


@pytest.mark.parametrize("stage", ["render", "write"])
def test_sigterm_leaves_the_old_pdf_and_no_temporary_file(
    changed: Project, good_pdf: bytes, stage: str
) -> None:
    done = start_and_stop(changed, stage, signal.SIGTERM)
    assert done.returncode == 128 + signal.SIGTERM
    assert done.stderr == "Terminated: no partial output was left.\n"
    assert changed.path("build/x/standard.pdf").read_bytes() == good_pdf
    assert temporaries(changed) == []


@pytest.mark.parametrize("stage", ["render", "write"])
def test_sigkill_leaves_the_old_pdf_and_the_next_build_cleans_up(
    changed: Project, good_pdf: bytes, stage: str
) -> None:
    done = start_and_stop(changed, stage, signal.SIGKILL)
    assert done.returncode == -signal.SIGKILL
    target = changed.path("build/x/standard.pdf")
    assert target.read_bytes() == good_pdf
    stray = temporaries(changed)
    if stage == "write":  # SIGKILL cannot be caught: the half-written file stays, hidden
        assert len(stray) == 1
        assert stray[0].startswith(".standard.pdf.") and stray[0].endswith(".part")
    else:
        assert stray == []
    assert main(build_args(changed)) == 0
    assert temporaries(changed) == []
    rebuilt = target.read_bytes()
    assert rebuilt != good_pdf and rebuilt.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Freshly reviewed words about cancer" in text
