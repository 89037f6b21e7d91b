"""`leafpress check` warns about references a reader could not find."""

from __future__ import annotations

from collections.abc import Callable

from tests.minimal_project import Project, Result


def test_check_warns_on_a_reference_with_no_url_and_no_publisher(
        project: Project, leafpress: Callable[..., Result]) -> None:
    project.edit("content/sections/alpha.md", "    publisher: A charity\n",
                 "    authors: Smith J, et al.\n")
    result = leafpress("--project", project.root, "check", "--today", "2026-01-01")
    assert "reference 'ref' has neither a URL nor a publisher" in result.err
    assert "alpha.md:12" in result.err
    strict = leafpress("--project", project.root, "check", "--strict", "--today", "2026-01-01")
    assert strict.code != 0


def test_a_journal_article_is_findable(project: Project,
                                       leafpress: Callable[..., Result]) -> None:
    project.edit("content/sections/alpha.md", "    publisher: A charity\n",
                 "    authors: Smith J\n    journal: A Journal\n    volume: '3'\n"
                 "    pages: 1-9\n")
    result = leafpress("--project", project.root, "check", "--today", "2026-01-01")
    assert "neither a URL nor a publisher" not in result.err
