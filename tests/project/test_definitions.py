"""Leaflet definitions: wrong types, unknown and missing keys, choices, language tags."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.minimal_project import Cli, Project, Result

from leafpress import Project as Engine
from leafpress.content.library_scan import load_library
from leafpress.content.selection import select
from leafpress.errors import InputError
from leafpress.project.definitions import load_leaflet

TODAY = "2026-01-01"
LEAFLET_KEYS = (
    "id, title, subtitle, language, format, paper, variants, formats, sections, publisher, "
    "product_code, version, audience, url, contents, citations, section_breaks, contacts"
)


def check(leafpress: Cli, project: Project) -> Result:
    return leafpress("--project", project.root, "check", "--today", TODAY)


def failed(errors: int, *, leaflets: int = 0, sections: int = 2) -> str:
    return (f"check failed: {leaflets} leaflet(s), {sections} section(s), {errors} error(s), "
            "0 warning(s).\n")


def test_the_fixture_project_is_valid(leafpress: Cli, project: Project) -> None:
    result = check(leafpress, project)
    assert result.err == "check passed: 1 leaflet(s), 2 section(s), 0 error(s), 0 warning(s).\n"
    assert result.code == 0


def test_value_of_the_wrong_type(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "variants: [standard]", "variants: standard")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:6:11: variants: expected a list, found the text 'standard'\n"
        "  → Write a list: [a, b] on one line, or one '- item' line per entry.\n" + failed(1)
    )
    assert result.code == 1


def test_number_where_text_is_expected(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "title: About secondary breast cancer", "title: 42")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:2:8: title: 42 is read as a number, not as text\n"
        '  → Put it in quotes, so it stays as written: title: "42".\n'
        + failed(1)
    )


def test_unknown_key_says_did_you_mean(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "paper: A4", "papr: A4")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:5:1: unknown key 'papr' in (top level)\n"
        f"  → Did you mean 'paper'? Allowed keys here: {LEAFLET_KEYS}.\n" + failed(1)
    )
    assert result.code == 1


def test_unknown_key_with_an_upper_case_letter(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "paper: A4", "Paper: A4")
    result = check(leafpress, project)
    assert f"error: {project.leaflet}:5:1: unknown key 'Paper' in (top level)\n" in result.err
    assert "  → Did you mean 'paper'?" in result.err
    assert result.code == 1


def test_unknown_key_inside_an_inline_publisher(leafpress: Cli, project: Project) -> None:
    project.edit(
        "leaflets/x.yaml", "publisher: p\n",
        "publisher:\n  organisation: O\n  address: [1 Street]\n  phone: '1'\n"
        "  website: https://example.org\n  emial: a@example.org\n",
    )
    result = check(leafpress, project)
    # Only the mapping's real problem: not also "publisher: expected text" from the union.
    assert result.err == (
        f"error: {project.leaflet}:15:3: unknown key 'emial' in publisher\n"
        "  → Did you mean 'email'? Allowed keys here: organisation, address, phone, email, "
        "website, logo, charity_number, other_formats.\n" + failed(1)
    )


def test_missing_required_key(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "audience: People who want a short introduction\n", "")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:1:1: missing required key 'audience' in (top level)\n"
        "  → Add 'audience:' (see docs/ for every key and its meaning).\n" + failed(1)
    )
    assert result.code == 1


def test_every_problem_in_a_definition_is_reported_together(
    leafpress: Cli, project: Project
) -> None:
    project.edit("leaflets/x.yaml", "paper: A4", "paper: A3\ncolour: red")
    project.edit("leaflets/x.yaml", "version: \"1.0\"\n", "")
    result = check(leafpress, project)
    assert result.err.count("error: ") == 3
    assert f"{project.leaflet}:1:1: missing required key 'version' in (top level)" in result.err
    assert f"{project.leaflet}:5:8: paper: unknown paper 'A3'" in result.err
    assert f"{project.leaflet}:6:1: unknown key 'colour' in (top level)" in result.err
    assert result.err.endswith(failed(3))


@pytest.mark.parametrize(
    ("old", "new", "where", "message", "hint"),
    [
        ("variants: [standard]", "variants: [standard, large-prnt]", "6:22",
         "variants[1]: unknown variant 'large-prnt'",
         "Did you mean 'large-print'? Choose one of: standard, large-print."),
        ("paper: A4", "paper: A3", "5:8", "paper: unknown paper 'A3'",
         "Choose one of: A4, A5."),
        ("paper: A4", "paper: a5", "5:8", "paper: unknown paper 'a5'",
         "Did you mean 'A5'? Choose one of: A4, A5."),
        ("format: leaflet", "format: bookelt", "4:9", "format: unknown format 'bookelt'",
         "Did you mean 'booklet'? Choose one of: leaflet, booklet."),
        ("language: en-GB", "language: english", "3:11",
         "language: 'english' is not a valid BCP 47 language tag",
         "Use a tag such as en-GB, cy or pl."),
        ("language: en-GB", "language: qz-GB", "3:11",
         "language: unknown language 'qz' in 'qz-GB'", "Use a tag such as en-GB, cy or pl."),
    ],
    ids=["variant", "paper", "paper-case", "format", "language-form", "language-unknown"],
)
def test_unknown_variant_paper_format_or_language(
    leafpress: Cli, project: Project, old: str, new: str, where: str, message: str, hint: str
) -> None:
    project.edit("leaflets/x.yaml", old, new)
    result = check(leafpress, project)
    assert result.err == f"error: {project.leaflet}:{where}: {message}\n  → {hint}\n" + failed(1)
    assert result.code == 1


def test_leaflet_with_no_sections(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "sections:\n  - alpha\n  - beta\n", "sections: []\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:11:11: sections: the leaflet has no sections\n"
        "  → List at least one section id under 'sections:'. Run 'leafpress list' to see "
        "every section id.\n" + failed(1)
    )
    assert result.code == 1


def test_same_section_listed_twice(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "  - beta\n", "  - beta\n  - alpha\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:14:5: sections[2]: section 'alpha' is listed more than once\n"
        "  → Remove this 'alpha': a section may appear only once in a leaflet.\n" + failed(1)
    )
    assert result.code == 1


def test_unknown_publisher_profile(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "publisher: p\n", "publisher: q\n")
    result = check(leafpress, project)
    folder = project.path("leaflets/publishers")
    assert result.err == (
        f"error: {project.leaflet}:10:12: unknown publisher profile 'q'\n"
        f"  → Profiles are files in {folder}; known: p.\n" + failed(1)
    )


def test_norway_language_no_is_norwegian_not_false(project: Project) -> None:
    project.edit("leaflets/x.yaml", "language: en-GB", "language: no")
    leaflet = load_leaflet(project.leaflet, project.root)
    assert leaflet.definition.language == "no"
    selection = select(leaflet, load_library(project.root))
    assert selection.leaflet.definition.language == "no"
    import datetime as dt

    html = Engine.open(project.root).print_html(
        selection.leaflet, "standard", today=dt.date(2026, 1, 1))[0]
    assert '<html lang="no"' in html


def test_norway_language_no_passes_check(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "language: en-GB", "language: no")
    assert check(leafpress, project).code == 0


def test_id_must_match_the_file_name(project: Project) -> None:
    project.edit("leaflets/x.yaml", "id: x", "id: y")
    with pytest.raises(InputError) as caught:
        load_leaflet(project.leaflet, project.root)
    assert str(caught.value) == (
        f"{project.leaflet}:1:5: the id 'y' does not match the file name 'x.yaml'\n"
        "  → Rename the file to y.yaml or set id: x; outputs are named after the id."
    )


def test_unknown_section_id_says_did_you_mean(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "  - beta\n", "  - betta\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {project.leaflet}:13:5: unknown section id 'betta'\n"
        "  → Did you mean 'beta'? Run 'leafpress list' to see every section id.\n"
        + failed(1)
    )
    assert result.code == 1


def test_unknown_section_id_with_nothing_close(leafpress: Cli, project: Project) -> None:
    project.edit("leaflets/x.yaml", "  - beta\n", "  - liver-scans\n")
    result = check(leafpress, project)
    assert (f"error: {project.leaflet}:13:5: unknown section id 'liver-scans'\n"
            "  → Run 'leafpress list' to see every section id.\n") in result.err


@pytest.mark.parametrize(("logo", "message", "hint"), [
    ("../../../../../../etc/passwd", "logo '../../../../../../etc/passwd' is outside the project",
     "Keep the logo inside the project, for example in content/images/."),
    ("/etc/passwd", "logo '/etc/passwd' is outside the project",
     "Keep the logo inside the project, for example in content/images/."),
])
def test_publisher_logo_outside_the_project(
    leafpress: Cli, project: Project, logo: str, message: str, hint: str
) -> None:
    publisher = project.path("leaflets/publishers/p.yaml")
    with publisher.open("a") as stream:
        stream.write(f"logo:\n  path: {logo}\n  alt: Our logo\n")
    result = check(leafpress, project)
    assert result.err == f"error: {publisher}:7:9: {message}\n  → {hint}\n" + failed(1)


def test_publisher_logo_that_does_not_exist(leafpress: Cli, project: Project) -> None:
    publisher = project.path("leaflets/publishers/p.yaml")
    with publisher.open("a") as stream:
        stream.write("logo:\n  path: ../../content/images/logo.svg\n  alt: Our logo\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {publisher}:7:9: logo '../../content/images/logo.svg' does not exist\n"
        "  → Check the path; it is relative to p.yaml. Looked for "
        f"{project.path('content/images/logo.svg')}.\n" + failed(1)
    )


def test_unknown_section_ids_are_reported_with_other_problems(
    project: Project, leafpress: Callable[..., Result]
) -> None:
    project.edit("leaflets/x.yaml", "paper: A4", "papr: A4")
    project.edit("leaflets/x.yaml", "  - beta", "  - betta")
    result = leafpress("--project", project.root, "check")
    assert result.code == 1
    assert "unknown key 'papr'" in result.err
    assert "unknown section id 'betta'" in result.err
    assert "Did you mean 'beta'?" in result.err
