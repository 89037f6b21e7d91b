"""Text that looks like a Jinja template is printed exactly as written, never evaluated."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from tests.minimal_project import Project, make_project, section

from leafpress import Project as Engine
from leafpress.cli.app import main
from leafpress.content.library_scan import load_library
from leafpress.content.selection import select
from leafpress.project.definitions import load_leaflet

BODY = ("Doctors write {{ 7*7 }} and {% if true %}yes{% endif %} and {# note #} and "
        "{{ config.items() }} here.\n")
TEMPLATE_LIKE = ("{{ 7*7 }}", "{% if true %}yes{% endif %}", "{# note #}",
                 "{{ config.items() }}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("jinja") / "project")
    project.write("content/sections/beta.md", section("beta", BODY), dedent=False)
    project.edit("content/sections/beta.md", "title: Section beta", "title: 'Sums {{ 6*7 }}'")
    project.edit("leaflets/x.yaml", "title: About secondary breast cancer",
                 "title: 'About {{ 8*8 }}'")
    return project


def test_template_text_is_literal_in_the_html(project: Project) -> None:
    selection = select(load_leaflet(project.leaflet, project.root), load_library(project.root))
    html = Engine.open(project.root).print_html(
        selection.leaflet, "standard", today=dt.date(2026, 1, 1))[0]
    for text in TEMPLATE_LIKE:
        assert text in html
    assert "Sums {{ 6*7 }}" in html and "About {{ 8*8 }}" in html
    for evaluated in ("49", "42", "64", "Doctors write  and"):
        assert evaluated not in html


def test_template_text_is_literal_in_the_pdf(project: Project) -> None:
    code = main(["--project", str(project.root), "build", "--all", "--out",
                 str(project.path("build")), "--today", "2026-01-01"])
    assert code == 0
    pdf: Path = project.path("build/x/standard.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    for literal in TEMPLATE_LIKE:
        assert literal in text
    assert "Sums {{ 6*7 }}" in text and "About {{ 8*8 }}" in text
    assert "49" not in text and "64" not in text
