"""The in-memory engine: Project.open, render from ids and mappings, threads, refresh."""

from __future__ import annotations

import datetime as dt
import io
import logging
import shutil
import threading
from pathlib import Path

import pikepdf
import pytest
import yaml

from leafpress import Project
from leafpress.errors import BuildError, InputError
from leafpress.outputs import weasy

ROOT = Path(__file__).resolve().parent.parent
BONES = "secondary-breast-cancer-in-the-bones"
SHORT = "what-is-secondary-breast-cancer"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def project() -> Project:
    return Project.open(ROOT)


def _title(data: bytes) -> str:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return str(pdf.open_metadata().get("dc:title"))


def test_open_loads_every_definition_by_id(project: Project) -> None:
    files = sorted(p.stem for p in (ROOT / "leaflets").glob("*.yaml"))
    assert sorted(project.leaflets) == files
    assert project.broken == {}
    assert "symptoms-bone" in project.library.sections


@pytest.mark.slow
def test_render_returns_a_finished_pdf_in_memory(project: Project, tmp_path: Path) -> None:
    before = sorted(p for p in ROOT.rglob("*") if "build" not in p.parts and ".venv" not in p.parts
                    and ".git" not in p.parts and "__pycache__" not in p.parts)
    rendered = project.render(BONES, edition="large-print", format="pdf", today=TODAY)
    after = sorted(p for p in ROOT.rglob("*") if "build" not in p.parts and ".venv" not in p.parts
                   and ".git" not in p.parts and "__pycache__" not in p.parts)
    assert before == after  # nothing written
    assert rendered.media_type == "application/pdf"
    assert rendered.filename == "large-print.pdf"
    assert rendered.data.startswith(b"%PDF-")
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        assert len(pdf.pages) == rendered.pages > 1
        assert str(pdf.docinfo["/LeafpressVariant"]) == "large-print"
        assert "/StructTreeRoot" in pdf.Root


@pytest.mark.slow
def test_a_mapping_renders_exactly_as_its_file_does(project: Project) -> None:
    mapping = yaml.safe_load((ROOT / "leaflets" / f"{SHORT}.yaml").read_text(encoding="utf-8"))
    from_file = project.render(SHORT, today=TODAY)
    from_mapping = project.render(mapping, today=TODAY)
    assert from_mapping.data == from_file.data


def test_a_mapping_gets_every_problem_at_once_with_field_paths(project: Project) -> None:
    mapping = yaml.safe_load((ROOT / "leaflets" / f"{SHORT}.yaml").read_text(encoding="utf-8"))
    mapping["paper"] = "A3"
    mapping["sections"] = [mapping["sections"][0], "no-such-section"]
    with pytest.raises(InputError) as caught:
        project.render(mapping, today=TODAY)
    located = sorted(problem.location().split(" (", 1)[1] for problem in caught.value.problems)
    assert located == ["paper)", "sections[1])"]
    messages = sorted(problem.message for problem in caught.value.problems)
    assert messages == ["paper: unknown paper 'A3'", "unknown section id 'no-such-section'"]


def test_unknown_edition_and_format_are_user_errors(project: Project) -> None:
    with pytest.raises(InputError, match="unknown edition 'large'"):
        project.render(BONES, edition="large")
    with pytest.raises(InputError, match="Did you mean 'pdf'"):
        project.render(BONES, format="pfd")


def test_print_html_names_the_stylesheets_weasyprint_gets(project: Project) -> None:
    html, stylesheets = project.print_html(BONES, "large-print", today=TODAY)
    assert [p.name for p in stylesheets] == ["base.css", "large-print.css", "leaflet.css"]
    assert all(p.is_file() for p in stylesheets)
    assert 'class="paper-A4 variant-large-print format-leaflet"' in html


@pytest.mark.slow
def test_two_renders_in_two_threads_both_succeed(project: Project) -> None:
    alone = {name: project.render(name, today=TODAY).data for name in (BONES, SHORT)}
    start = threading.Barrier(2)
    results: dict[str, bytes] = {}
    failures: list[BaseException] = []

    def render(name: str) -> None:
        start.wait()
        try:
            results[name] = project.render(name, today=TODAY).data
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=render, args=(name,)) for name in (BONES, SHORT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert results == alone


def test_one_renders_error_never_fails_another_running_at_the_same_time(tmp_path: Path) -> None:
    inside = threading.Event()
    logged = threading.Event()
    outcome: dict[str, str] = {}

    def healthy() -> None:
        try:
            with weasy.errors_are_fatal(tmp_path / "healthy.yaml"):
                inside.set()
                logged.wait(timeout=10)  # the other render logs its error meanwhile
            outcome["healthy"] = "ok"
        except BuildError as error:
            outcome["healthy"] = str(error)

    def failing() -> None:
        inside.wait(timeout=10)
        try:
            with weasy.errors_are_fatal(tmp_path / "failing.yaml"):
                logging.getLogger("weasyprint").error("Failed to load image at 'x.png'")
            outcome["failing"] = "ok"
        except BuildError as error:
            outcome["failing"] = str(error)
        finally:
            logged.set()

    threads = [threading.Thread(target=healthy), threading.Thread(target=failing)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome["healthy"] == "ok"
    assert "failing.yaml: WeasyPrint reported: Failed to load image at 'x.png'" in (
        outcome["failing"])


def _copy_project(dest: Path) -> Path:
    for folder in ("content", "leaflets", "templates", "styles"):
        shutil.copytree(ROOT / folder, dest / folder)
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def test_refresh_keeps_the_last_good_state_and_reports_errors(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    project = Project.open(root)
    section = root / "content" / "sections" / "symptoms-bone.md"
    good = section.read_text(encoding="utf-8")
    section.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
    problems = project.refresh()
    assert sorted(p.message for p in problems) == [
        "missing required key 'title' in (top level)", "unknown key 'titel' in (top level)"]
    assert "symptoms-bone" in project.library.sections  # the last good state is kept
    section.write_text(good + "\nA sentence added after the error was fixed.\n", encoding="utf-8")
    assert project.refresh() == []
    body = project.library.sections["symptoms-bone"].body
    assert body.endswith("A sentence added after the error was fixed.\n")


def test_open_reports_every_broken_file_together(tmp_path: Path) -> None:
    root = _copy_project(tmp_path / "project")
    section = root / "content" / "sections" / "symptoms-bone.md"
    section.write_text(section.read_text(encoding="utf-8").replace("title:", "titel:", 1),
                       encoding="utf-8")
    definition = root / "leaflets" / f"{SHORT}.yaml"
    definition.write_text(definition.read_text(encoding="utf-8").replace("paper: A4", "paper: A3"),
                          encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Project.open(root)
    files = {problem.path.name for problem in caught.value.problems if problem.path}
    assert files == {"symptoms-bone.md", f"{SHORT}.yaml"}


def test_formats_must_be_known(project: Project) -> None:
    mapping = yaml.safe_load((ROOT / "leaflets" / f"{SHORT}.yaml").read_text(encoding="utf-8"))
    mapping["formats"] = ["pdf", "pfd"]
    with pytest.raises(InputError) as caught:
        project.render(mapping, today=TODAY)
    assert [str(p) for p in caught.value.problems] == [
        "leaflets/definition given in memory (formats[1]): unknown format 'pfd'\n"
        "  → Did you mean 'pdf'? Choose from: pdf, print-pdf."
    ]


def test_a_leaflet_only_gets_the_formats_its_layout_offers(project: Project) -> None:
    with pytest.raises(InputError, match="'print-pdf' format is not made for a leaflet"):
        project.render(SHORT, format="print-pdf", today=TODAY)
