"""Review governance: overdue content is an error, due-soon a warning, and builds refuse it."""

from __future__ import annotations

import contextlib
import io
import subprocess
from pathlib import Path

import pikepdf
import pytest
from tests.minimal_project import LEAFLET, Cli, Project, Result, make_project

from leafpress.cli.app import main

TODAY = "2026-01-01"
OVERDUE = "2025-06-01"  # 214 days before TODAY
DUE_SOON = "2026-02-01"  # in 31 days
ACTION = ("Review the text, then update 'reviewed' and 'next_review' (or 'cycle_years') in its "
          "front matter.")


def set_next_review(project: Project, section_id: str, date: str) -> Path:
    return project.edit(f"content/sections/{section_id}.md", "next_review: 2028-01-10",
                        f"next_review: {date}")


def overdue_line(project: Project, *, users: str = "x", label: str = "error") -> str:
    alpha = project.path("content/sections/alpha.md")
    return (f"{label}: {alpha}:6:16: section 'alpha' is overdue for review: next review was "
            f"1 June 2025 (214 days ago)\n  → Used by: {users}. {ACTION}\n")


def due_line(project: Project, *, label: str = "warning", users: str = "x") -> str:
    beta = project.path("content/sections/beta.md")
    return (f"{label}: {beta}:6:16: section 'beta' is due for review on 1 February 2026 "
            f"(in 31 days)\n  → Used by: {users}. {ACTION}\n")


def check(leafpress: Cli, project: Project, *extra: str, today: str = TODAY) -> Result:
    return leafpress("--project", project.root, "check", "--today", today, *extra)


def build(leafpress: Cli, project: Project, *extra: str, today: str = TODAY) -> Result:
    return leafpress("--project", project.root, "build", "--all", "--out",
                     project.path("build"), "--today", today, *extra)


@pytest.fixture
def second_leaflet(project: Project) -> Project:
    """Leaflet y also uses section alpha."""
    project.write("leaflets/y.yaml", LEAFLET.replace("id: x", "id: y").replace("  - beta\n", ""),
                  dedent=False)
    return project


def test_check_lists_overdue_as_errors_with_every_leaflet_using_them(
    leafpress: Cli, second_leaflet: Project
) -> None:
    project = second_leaflet
    set_next_review(project, "alpha", OVERDUE)
    set_next_review(project, "beta", DUE_SOON)
    result = check(leafpress, project)
    assert result.err == (
        overdue_line(project, users="x, y") + due_line(project)
        + "check failed: 2 leaflet(s), 2 section(s), 1 error(s), 1 warning(s).\n"
    )
    assert result.code == 1


def test_due_soon_is_a_warning_and_check_passes(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", DUE_SOON)
    result = check(leafpress, project)
    assert result.err == due_line(project) + (
        "check passed: 1 leaflet(s), 2 section(s), 0 error(s), 1 warning(s).\n")
    assert result.code == 0


def test_strict_turns_warnings_into_errors(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", DUE_SOON)
    result = check(leafpress, project, "--strict")
    assert result.err == due_line(project, label="error") + (
        "check failed: 1 leaflet(s), 2 section(s), 0 error(s), 1 warning(s).\n")
    assert result.code == 1


def test_the_window_comes_from_config(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", DUE_SOON)
    project.edit("pyproject.toml", "review_due_window_days = 90", "review_due_window_days = 30")
    assert check(leafpress, project).err == (
        "check passed: 1 leaflet(s), 2 section(s), 0 error(s), 0 warning(s).\n")


def test_the_window_defaults_to_90_days(leafpress: Cli, project: Project) -> None:
    project.edit("pyproject.toml", "review_due_window_days = 90\n", "")
    set_next_review(project, "beta", "2026-03-31")  # in 89 days
    set_next_review(project, "alpha", "2026-04-02")  # in 91 days
    result = check(leafpress, project)
    assert "section 'beta' is due for review on 31 March 2026 (in 89 days)" in result.err
    assert "'alpha'" not in result.err


def test_a_review_cycle_is_pointed_at_when_there_is_no_next_review(
    leafpress: Cli, project: Project
) -> None:
    project.edit("content/sections/alpha.md", "next_review: 2028-01-10", "cycle_years: 1")
    alpha = project.path("content/sections/alpha.md")
    result = check(leafpress, project)  # reviewed 10 January 2025 + 1 year
    assert result.err.startswith(
        f"warning: {alpha}:6:16: section 'alpha' is due for review on 10 January 2026 "
        "(in 9 days)\n")


def test_today_sets_the_reference_date(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", DUE_SOON)
    assert check(leafpress, project, today="2025-06-01").err == (
        "check passed: 1 leaflet(s), 2 section(s), 0 error(s), 0 warning(s).\n")
    late = check(leafpress, project, today="2026-02-11")
    beta = project.path("content/sections/beta.md")
    assert late.err.startswith(
        f"error: {beta}:6:16: section 'beta' is overdue for review: next review was "
        "1 February 2026 (10 days ago)\n")
    assert late.code == 1


def test_build_refuses_a_leaflet_with_overdue_content(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", OVERDUE)
    result = build(leafpress, project)
    beta = project.path("content/sections/beta.md")
    assert result.err == (
        f"error: {beta}:6:16: section 'beta' is overdue for review: next review was "
        f"1 June 2025 (214 days ago)\n  → Used by: x. {ACTION}\n"
        f"error: {project.leaflet}:13:5: refusing to build 'x': it contains content past its "
        "review date\n"
        "  → Review the sections above, or build with --allow-overdue to print it with an "
        "'Under review' notice on the first page and in the footer.\n"
        f"1 leaflet(s) failed: {project.leaflet}; 0 file set(s) built.\n"
    )
    assert result.code == 1
    assert not project.path("build/x/standard.pdf").exists()


def test_build_strict_refuses_content_due_for_review(leafpress: Cli, project: Project) -> None:
    set_next_review(project, "beta", DUE_SOON)
    result = build(leafpress, project, "--strict")
    assert result.err == (
        due_line(project, label="error")
        + f"error: {project.leaflet}:13:5: refusing to build 'x': --strict refuses content due "
        "for review\n  → Review the sections above, or build without --strict.\n"
        f"1 leaflet(s) failed: {project.leaflet}; 0 file set(s) built.\n"
    )
    assert result.code == 1
    assert not project.path("build/x/standard.pdf").exists()


@pytest.fixture(scope="module")
def under_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, int, str, Path]:
    """One --allow-overdue build: alpha overdue, beta due soon. (exit code, stderr, PDF)."""
    project = make_project(tmp_path_factory.mktemp("review") / "project")
    set_next_review(project, "alpha", OVERDUE)
    set_next_review(project, "beta", DUE_SOON)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--project", str(project.root), "build", "--all", "--out",
                     str(project.path("build")), "--today", TODAY, "--allow-overdue"])
    return project, code, stderr.getvalue(), project.path("build/x/standard.pdf")


def test_allow_overdue_builds_and_warns(
    under_review: tuple[Project, int, str, Path],
) -> None:
    project, code, err, target = under_review
    assert code == 0
    assert err == overdue_line(project, label="warning") + due_line(project)
    with pikepdf.open(target) as pdf:
        assert len(pdf.pages) >= 1


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def test_under_review_notice_on_the_first_page(
    under_review: tuple[Project, int, str, Path],
) -> None:
    first = " ".join(page_text(under_review[3], 1).split())
    assert ("Under review: some of this information is past its review date and is being "
            "checked.") in first


def test_under_review_in_the_footer_of_every_page(
    under_review: tuple[Project, int, str, Path],
) -> None:
    target = under_review[3]
    with pikepdf.open(target) as pdf:
        pages = len(pdf.pages)
    for page in range(1, pages + 1):
        text = " ".join(page_text(target, page).split())
        assert (f"Under review · Reviewed: 10 January 2025 · Next review: 1 June 2025 "
                f"LP-TEST-001 version 1.0 · Page {page} of {pages}") in text


def test_no_under_review_notice_without_overdue_content(
    leafpress: Cli, module_project: Project
) -> None:
    result = leafpress("--project", module_project.root, "build", "--all", "--out",
                       module_project.path("build"), "--today", TODAY)
    assert result.code == 0
    text = page_text(module_project.path("build/x/standard.pdf"), 1)
    assert "Under review" not in text
