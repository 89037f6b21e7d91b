"""The content library: section files, front matter, encodings, sizes, ids and dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.minimal_project import Cli, Project, Result, section

from leafpress.content.library_scan import load_library
from leafpress.errors import InputError
from leafpress.project.sourcefile import MAX_SOURCE_BYTES

TODAY = "2026-01-01"


def check(leafpress: Cli, project: Project) -> Result:
    return leafpress("--project", project.root, "check", "--today", TODAY)


def failed(errors: int, sections: int = 1) -> str:
    # Only the sections that loaded are counted; the broken one is reported.
    return (f"check failed: 1 leaflet(s), {sections} section(s), {errors} error(s), "
            "0 warning(s).\n")


def beta(project: Project) -> Path:
    return project.path("content/sections/beta.md")


def test_section_id_used_by_two_files(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/gamma.md", section("alpha"), dedent=False)
    result = check(leafpress, project)
    gamma, alpha = project.path("content/sections/gamma.md"), project.path(
        "content/sections/alpha.md")
    assert result.err == (
        f"error: {gamma}:2:5: section id 'alpha' is already used by {alpha}\n"
        "  → Give each section its own id; leaflets choose sections by id.\n" + failed(1, 2)
    )
    assert result.code == 1


def test_section_without_front_matter(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/beta.md", "Bone pain is the most common sign.\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:1:1: the file has no front matter\n"
        "  → Start it with a '---' line, the YAML keys (id, title, review, references), and "
        "another '---' line.\n" + failed(1)
    )
    assert result.code == 1


def test_front_matter_that_is_not_closed(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/beta.md", "---\nid: beta\ntitle: Beta\n\nSome text.\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:1:1: the front matter is not closed\n"
        "  → Add a line with only '---' after the front matter keys.\n" + failed(1)
    )


def test_broken_front_matter_reports_the_file_line(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "title: Section beta", "title: [Section beta")
    result = check(leafpress, project)
    # YAML notices the unclosed '[' on line 4 (`review:`); the message points where it opens.
    assert result.err == (
        f"error: {beta(project)}:3:8: YAML syntax error in the list that starts here: "
        "expected ',' or ']', but got ':'\n"
        "  → Check that it ends with ']' and that its items are separated by commas.\n"
        + failed(1)
    )


def test_front_matter_that_is_not_a_mapping(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/beta.md", "---\n- just\n- a list\n---\n\nText.\n")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:2:1: the front matter must be a set of 'key: value' lines\n"
        "  → See docs/content-format.md for the keys a section needs.\n" + failed(1)
    )


def test_unknown_front_matter_key_says_did_you_mean(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "title: Section beta", "titel: Section beta")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:2:1: missing required key 'title' in (top level)\n"
        "  → Add 'title:' (see docs/ for every key and its meaning).\n"
        f"error: {beta(project)}:3:1: unknown key 'titel' in (top level)\n"
        "  → Did you mean 'title'? Allowed keys here: id, title, review, references, "
        "page_break.\n" + failed(2)
    )


def test_unknown_key_in_the_review_block(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "  status: approved", "  status: approved\n"
                 "  reveiwer: A Nurse")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:8:3: unknown key 'reveiwer' in review\n"
        "  → Did you mean 'reviewers'? Allowed keys here: reviewed, next_review, cycle_years, "
        "status, reviewers.\n" + failed(1)
    )


def test_empty_file(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/beta.md", "")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:1:1: the file is empty\n"
        "  → Start it with front matter between two '---' lines (see "
        "docs/content-format.md).\n" + failed(1)
    )


def test_file_that_is_not_utf8(leafpress: Cli, project: Project) -> None:
    project.write_bytes("content/sections/beta.md",
                        section("beta", "Caf\xe9 and cake.\n").encode("latin-1"))
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:18:4: the file is not UTF-8 text (byte 0xe9 cannot be read)\n"
        "  → Save the file with UTF-8 encoding (in most editors: Save As → UTF-8).\n"
        + failed(1)
    )


def test_a_10_mb_section_is_refused_without_reading_it(
    leafpress: Cli, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = beta(project)
    with huge.open("wb") as stream:
        stream.write(section("beta").encode())
        stream.write(b"Words. " * (10 * 1024 * 1024 // 7))
    size = huge.stat().st_size
    assert size > 10_000_000
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        assert path != huge, "the 10 MB file was read into memory"
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = check(leafpress, project)
    assert result.err == (
        f"error: {huge}: file is too large ({size:,} bytes; the limit is "
        f"{MAX_SOURCE_BYTES:,})\n"
        "  → Split it into smaller sections: one topic per file.\n" + failed(1)
    )
    assert result.code == 1


def test_impossible_date(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "reviewed: 2025-01-10", "reviewed: 2027-02-30")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:5:13: review.reviewed: '2027-02-30' is not a real date "
        "(day value is outside expected range)\n"
        "  → Write dates as YYYY-MM-DD, for example 2026-11-21, and check the day exists.\n"
        + failed(1)
    )


def test_date_in_another_format(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "reviewed: 2025-01-10", "reviewed: 10/01/2025")
    result = check(leafpress, project)
    assert f"error: {beta(project)}:5:13: review.reviewed: '10/01/2025' is not a real date" \
        in result.err
    assert "  → Write dates as YYYY-MM-DD, for example 2026-11-21" in result.err


def test_next_review_before_reviewed(leafpress: Cli, project: Project) -> None:
    project.edit("content/sections/beta.md", "next_review: 2028-01-10", "next_review: 2024-01-10")
    result = check(leafpress, project)
    assert result.err == (
        f"error: {beta(project)}:6:16: review.next_review: next_review (2024-01-10) is not "
        "after reviewed (2025-01-10)\n"
        "  → Set next_review to a date after reviewed, or give cycle_years instead of "
        "next_review.\n" + failed(1)
    )


def test_problems_in_several_files_are_reported_together(project: Project) -> None:
    project.write("content/sections/beta.md", "")
    project.edit("content/sections/alpha.md", "status: approved", "status: aproved")
    project.write("content/glossary.yaml", "- term: biopsy\n  definition: [\n")
    with pytest.raises(InputError) as caught:
        load_library(project.root)
    assert [str(p) for p in caught.value.problems] == [
        f"{project.path('content/sections/alpha.md')}:7:11: review.status: the text "
        "'aproved' is not allowed here (expected 'draft' or 'approved')\n"
        "  → Did you mean 'approved'? Use one of the allowed values.",
        f"{beta(project)}:1:1: the file is empty\n"
        "  → Start it with front matter between two '---' lines (see docs/content-format.md).",
        f"{project.path('content/glossary.yaml')}:3:1: YAML syntax error: expected the node "
        "content, but found '<stream end>'\n"
        "  → Check the indentation, colons and quotes on this line and the one above.",
    ]
