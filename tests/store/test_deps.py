"""Dependency files and generated make rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import (
    FIXTURE,
    MAIN,
    SECOND,
    copy_project,
    fixture_selection,
    shared_build,
)

from leafpress import cli
from leafpress.project.definitions import leaflet_paths, load_leaflets
from leafpress.store import deps


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full project copy: the fixture with the repository's templates and styles."""
    return copy_project(tmp_path_factory.mktemp("deps") / "project")


@pytest.fixture(scope="module")
def main_inputs(project: Path) -> list[Path]:
    return deps.inputs_of(fixture_selection(MAIN, project), project)


def test_inputs_are_relative_to_the_project(main_inputs: list[Path]) -> None:
    assert all(not p.is_absolute() for p in main_inputs)
    assert main_inputs == sorted(main_inputs)


def test_inputs_of_a_leaflet(main_inputs: list[Path]) -> None:
    names = {str(p) for p in main_inputs}
    assert {
        "leaflets/fixture-leaflet.yaml",
        "leaflets/publishers/fixture.yaml",
        "content/sections/alpha.md",
        "content/sections/beta.md",
        "content/sections/gamma.md",
        "content/images/logo.svg",  # the publisher's logo
        "content/images/bone.svg",  # an image in a section
        "content/glossary.yaml",
        "pyproject.toml",
        "templates/leaflet.html.j2",
        "styles/base.css",
        "styles/large-print.css",
    } <= names
    assert "content/sections/delta.md" not in names  # used only by the other leaflet


def test_inputs_of_the_other_leaflet(project: Path) -> None:
    names = {str(p) for p in deps.inputs_of(fixture_selection(SECOND, project), project)}
    assert "content/sections/delta.md" in names and "content/sections/alpha.md" in names
    assert "content/sections/gamma.md" not in names
    assert "content/images/bone.svg" in names  # alpha shows it


def test_images_of_a_section_body() -> None:
    section = FIXTURE / "content" / "sections" / "alpha.md"
    body = "![a](../images/bone.svg)\n\nText ![b](../images/logo.svg \"t\").\n\n![c](missing.svg)\n"
    assert deps.images_of(body, section) == [
        (FIXTURE / "content" / "images" / "bone.svg").resolve(),
        (FIXTURE / "content" / "images" / "logo.svg").resolve(),
    ]


def test_depfile_text_is_a_make_fragment(tmp_path: Path) -> None:
    root = tmp_path
    text = deps.depfile_text(
        [root / "build" / "x" / "standard.pdf"],
        [Path("content/sections/a b.md"), Path("content/$weird#.md")],
        root,
    )
    assert text == (
        "build/x/standard.pdf: \\\n"
        "  content/sections/a\\ b.md \\\n"
        "  content/$$weird\\#.md\n"
        "\n"
        "content/sections/a\\ b.md:\n"
        "content/$$weird\\#.md:\n"
    )


def test_build_writes_the_depfile() -> None:
    built = shared_build()
    for variant in ("standard", "large-print"):
        text = (built.out / MAIN / f"{variant}.d").read_text(encoding="utf-8")
        head, _, phony = text.partition("\n\n")
        target, _, listed = head.partition(":")
        assert Path(target.split()[0]) == built.pdf(variant)  # then its one-file formats
        prerequisites = listed.replace("\\\n", " ").split()
        expected = deps.inputs_of(fixture_selection(MAIN, built.project), built.project)
        assert prerequisites == [str(p) for p in expected]
        assert phony.splitlines() == [f"{p}:" for p in expected]


def test_targets_makefile() -> None:
    leaflets = load_leaflets(leaflet_paths(FIXTURE), FIXTURE)
    text = deps.targets_makefile(leaflets, Path("build"), FIXTURE)
    lines = text.splitlines()
    targets = [line.removeprefix("PDFS += ") for line in lines if line.startswith("PDFS += ")]
    # The fixture definitions choose the print formats only (formats: [pdf, print-pdf]).
    assert targets == ["build/fixture-leaflet/standard.pdf",
                       "build/fixture-leaflet/large-print.pdf",
                       "build/second-leaflet/standard.pdf"]
    rule = lines.index(
        "build/fixture-leaflet/large-print.pdf build/fixture-leaflet/.large-print.ran &: "
        "leaflets/fixture-leaflet.yaml $(VENV_STAMP)")
    assert lines[rule - 1] == "RAN += build/fixture-leaflet/.large-print.ran"
    assert lines[rule + 1] == ("\t$(LEAFPRESS_RUN) build leaflets/fixture-leaflet.yaml "
                               "--variant large-print --format pdf --out build")
    assert lines[rule + 2] == ("\t@mkdir -p build/fixture-leaflet && "
                               "$(LEAFPRESS_MARK) build/fixture-leaflet/.large-print.ran")
    assert lines[rule + 3] == "-include build/fixture-leaflet/large-print.d"


def test_booklets_also_make_the_print_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    definition = project / "leaflets" / "fixture-leaflet.yaml"
    definition.write_text(definition.read_text(encoding="utf-8").replace(
        "format: leaflet", "format: booklet"), encoding="utf-8")
    text = deps.targets_makefile(load_leaflets([definition], project), Path("out"), project)
    assert ("out/fixture-leaflet/standard.pdf out/fixture-leaflet/standard-print.pdf "
            "out/fixture-leaflet/.standard.ran &: ") in text


def test_targets_command_prints_real_tabs(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--project", str(FIXTURE), "targets", "--out", "build"]) == 0
    out = capsys.readouterr().out
    recipes = [line for line in out.splitlines() if "$(LEAFPRESS_RUN) build" in line]
    targets = [line for line in out.splitlines() if line.startswith("PDFS += ")]
    assert len(recipes) == len(targets) >= 3
    assert all(line.startswith("\t$(LEAFPRESS_RUN) build ") for line in recipes)
