"""Language spans: {lang=…} in Markdown reaches the PDF as /Lang on its structure element."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from tests.minimal_project import Project, Result, section

from leafpress.content.markdown import RenderContext, inspect, render
from leafpress.pdfua.structure import iter_struct_elements


def _context(tmp_path: Path) -> RenderContext:
    return RenderContext(section_path=tmp_path / "s.md", project_root=tmp_path)


def test_lang_attribute_renders_on_block_and_span(tmp_path: Path) -> None:
    html = render("{lang=cy}\nMae hwn yn Gymraeg.\n\nSay [bore da]{lang=cy}.\n", _context(tmp_path))
    assert '<p lang="cy">Mae hwn yn Gymraeg.</p>' in html
    assert '<span lang="cy">bore da</span>' in html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[x]{.fancy}\n", "attribute 'class' is not allowed"),
        ("{#anchor}\ntext\n", "attribute 'id' is not allowed"),
        ("{lang=zz}\ntext\n", "unknown language 'zz' in 'zz'"),
        ("[x]{lang=not_a_tag}\n", "'not_a_tag' is not a valid BCP 47 language tag"),
    ],
)
def test_only_valid_lang_attributes_are_allowed(tmp_path: Path, body: str, message: str) -> None:
    problems = inspect(body, _context(tmp_path), 10, set())
    assert [p.message for p in problems] == [message]
    assert problems[0].line is not None and problems[0].line >= 10


def test_event_handlers_never_reach_the_html(tmp_path: Path) -> None:
    assert "onclick" not in render("[x]{onclick=alert}\n", _context(tmp_path))


def test_welsh_paragraph_gets_lang_in_the_pdf(
    project: Project, leafpress: Callable[..., Result], tmp_path: Path
) -> None:
    body = "English first [@ref].\n\n{lang=cy}\nMae gwybodaeth yn Gymraeg ar gael.\n"
    project.write("content/sections/alpha.md", section("alpha", body), dedent=False)
    out = tmp_path / "out"
    result = leafpress("--project", project.root, "build", project.leaflet, "--out", out)
    assert result.code == 0, result.err
    with pikepdf.open(out / "x" / "standard.pdf") as pdf:
        langs = {str(node.element.get("/Lang")) for node in iter_struct_elements(pdf)
                 if "/Lang" in node.element}
        assert "cy" in langs
        assert str(pdf.Root.Lang) == "en-GB"
