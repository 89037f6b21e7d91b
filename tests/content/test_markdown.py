"""Section bodies: images, links and paths that leave the project, remote files, raw HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.minimal_project import Cli, Project, section

from leafpress.content import markdown
from leafpress.content.library_scan import load_section
from leafpress.errors import InputError

BODY_LINE = 18  # the first body line of a section written by minimal_project.section()
HTML_HINT = "Write it in Markdown instead; leafpress never passes HTML through."
OUTSIDE_HINT = "Keep images inside the project, for example in content/images/."
LINK_HINT = ("Link only to https://, mailto: or tel: addresses; links to files leave the "
             "project and do not work in a printed leaflet.")


def problems(project: Project, body: str) -> list[str]:
    path = project.write("content/sections/beta.md", section("beta", body), dedent=False)
    with pytest.raises(InputError) as caught:
        load_section(path, project.root)
    return [str(p).replace(f"{path}:", "beta.md:") for p in caught.value.problems]


def test_missing_image_through_check(leafpress: Cli, project: Project) -> None:
    project.write("content/sections/beta.md",
                  section("beta", "Look at this.\n\n![A bone scan](../images/scan.svg)\n"),
                  dedent=False)
    result = leafpress("--project", project.root, "check", "--today", "2026-01-01")
    beta = project.path("content/sections/beta.md")
    assert result.err == (
        f"error: {beta}:20:16: image '../images/scan.svg' does not exist\n"
        f"  → Check the path; looked for {project.path('content/images/scan.svg')}.\n"
        "check failed: 1 leaflet(s), 1 section(s), 1 error(s), 0 warning(s).\n"
    )
    assert result.code == 1


def test_image_without_alt_text(project: Project) -> None:
    project.write_bytes("content/images/scan.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert problems(project, "Text first.\nThen ![](../images/scan.svg) inline.\n") == [
        f"beta.md:{BODY_LINE + 1}:10: image '../images/scan.svg' has no alt text\n"
        "  → Describe the picture between the brackets: ![what it shows](file.svg).",
    ]


def test_image_and_link_paths_that_leave_the_project(project: Project) -> None:
    up = "../" * 8
    body = (f"![Secrets]({up}etc/passwd)\n\n![Secrets](/etc/passwd)\n\n"
            f"See [this]({up}etc/passwd) and [that](/etc/passwd).\n")
    assert problems(project, body) == [
        f"beta.md:{BODY_LINE}:12: image '{up}etc/passwd' is outside the project\n"
        f"  → {OUTSIDE_HINT}",
        f"beta.md:{BODY_LINE + 2}:12: image '/etc/passwd' is outside the project\n"
        f"  → {OUTSIDE_HINT}",
        f"beta.md:{BODY_LINE + 4}:12: link target '{up}etc/passwd' is not allowed\n"
        f"  → {LINK_HINT}",
        f"beta.md:{BODY_LINE + 4}:{41 + len(up) - 6}: link target '/etc/passwd' is not "
        f"allowed\n  → {LINK_HINT}",
    ]


def test_file_and_script_urls_never_become_links(tmp_path: Path) -> None:
    html = markdown.render("[a](file:///etc/passwd) [b](javascript:alert(1))\n",
                           markdown.RenderContext(tmp_path / "s.md", tmp_path))
    assert "<a " not in html
    assert "[a](file:///etc/passwd)" in html


def test_image_path_that_climbs_out_and_back_in_is_fine(project: Project) -> None:
    project.write_bytes("content/images/scan.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = project.write("content/sections/beta.md", section(
        "beta", "![A scan](../../content/images/scan.svg)\n"), dedent=False)
    assert load_section(path, project.root).meta.id == "beta"


def test_remote_images_are_refused(project: Project) -> None:
    body = "![A scan](https://example.org/scan.png)\n\n![A scan](//example.org/scan.png)\n"
    hint = ("Copy the image into content/images/ and use a relative path; leafpress never "
            "fetches remote files.")
    assert problems(project, body) == [
        f"beta.md:{BODY_LINE}:11: image 'https://example.org/scan.png' is not a project file\n"
        f"  → {hint}",
        f"beta.md:{BODY_LINE + 2}:11: image '//example.org/scan.png' is not a project file\n"
        f"  → {hint}",
    ]


def test_remote_links_are_printed_as_links_never_fetched(project: Project) -> None:
    body = "Read more at [Macmillan](https://www.macmillan.org.uk/cancer).\n"
    path = project.write("content/sections/beta.md", section("beta", body), dedent=False)
    source = load_section(path, project.root)
    html = markdown.render(source.body, markdown.RenderContext(path, project.root))
    assert '<a href="https://www.macmillan.org.uk/cancer">Macmillan</a>' in html


@pytest.mark.parametrize(
    ("body", "column", "shown"),
    [
        ("<script>alert(1)</script>\n", 1, "'<script>alert(1)</script>'"),
        ("<style>p { display: none }</style>\n", 1, "'<style>p { display: none }</style>'"),
        ("<iframe src=\"https://example.org\"></iframe>\n", 1,
         "'<iframe src=\"https://example.org\"></iframe>'"),
        ("Press <b onclick=\"steal()\">here</b>.\n", 7, "'<b onclick=\"steal()\">'"),
        ("<img src=x onerror=alert(1)>\n", 1, "'<img src=x onerror=alert(1)>'"),
        ("Text <a href='#' onmouseover='x()'>x</a>\n", 6, "\"<a href='#' onmouseover='x()'>\""),
    ],
    ids=["script", "style", "iframe", "onclick", "onerror", "onmouseover"],
)
def test_raw_html_is_rejected(project: Project, body: str, column: int, shown: str) -> None:
    found = problems(project, body)
    assert found[0] == (
        f"beta.md:{BODY_LINE}:{column}: raw HTML is not allowed: {shown}\n  → {HTML_HINT}"
    )


def test_raw_html_even_if_it_reached_the_renderer_is_printed_as_text(tmp_path: Path) -> None:
    html = markdown.render("Hi <script>alert(1)</script> there\n\n<iframe></iframe>\n",
                           markdown.RenderContext(tmp_path / "s.md", tmp_path))
    assert "<script>" not in html and "<iframe>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_citation_without_reference_says_did_you_mean(project: Project) -> None:
    assert problems(project, "Bone pain is common [@rfe].\n") == [
        f"beta.md:{BODY_LINE}:21: citation [@rfe] has no matching reference\n"
        "  → Did you mean 'ref'? Add it under 'references:' with key: rfe.",
    ]


def test_every_problem_in_a_body_is_reported_together(project: Project) -> None:
    found = problems(project, "# Title\n\n<script></script>\n\n![](/etc/passwd)\n")
    assert [p.split("\n")[0] for p in found] == [
        f"beta.md:{BODY_LINE}:1: a section may not use a level-1 heading ('# ')",
        f"beta.md:{BODY_LINE + 2}:1: raw HTML is not allowed: '<script></script>'",
        f"beta.md:{BODY_LINE + 4}:5: image '/etc/passwd' has no alt text",
        f"beta.md:{BODY_LINE + 4}:5: image '/etc/passwd' is outside the project",
    ]
