"""Images must be what their names say; a damaged one is reported where it is used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.minimal_project import Project, Result, section

from leafpress.project.imagefiles import image_problem

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("scan.png", PNG + b"rest", None),
    ("scan.jpg", b"\xff\xd8\xff\xe0rest", None),
    ("scan.svg", b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>", None),
    ("scan.png", b"This is not a picture.\n", "is not a PNG image: the file is plain text"),
    ("scan.jpg", PNG + b"rest", "is not a JPEG image: the file is a PNG image"),
    ("scan.svg", b"<html><body>404</body></html>",
     "is not an SVG image: the file is XML or HTML text"),
    ("scan.png", b"", "is not a PNG image: the file is empty"),
    ("scan.webp", b"RIFF\0\0\0\0WAVEfmt ",
     "is not a WebP image: the file is some other kind of file"),
    ("scan.webp", b"RIFF\0\0\0\0WEBPVP8 ", None),
    ("scan.bmp", b"BM", "has the extension '.bmp', which is not an image type leafpress "
     "prints (.png, .jpg, .jpeg, .gif, .webp, .svg)"),
])
def test_image_contents_match_the_name(
    tmp_path: Path, name: str, data: bytes, problem: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert image_problem(path) == problem


def test_a_damaged_image_is_reported_at_the_line_that_uses_it(
    leafpress: Callable[..., Result], project: Project, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project.write_bytes("content/images/scan.png", PNG + b"then garbage")
    project.write("content/sections/beta.md",
                  section("beta", "Look [@ref].\n\n![A bone scan](../images/scan.png)\n"),
                  dedent=False)
    monkeypatch.chdir(project.root)
    result = leafpress("build", "--all", "--variant", "standard", "--out", tmp_path / "out",
                       "--today", "2026-01-01")
    assert (  # the print edition names the line; the Word file names the picture
        "error: content/sections/beta.md:20:26: image 'scan.png' cannot be drawn: the file is "
        "damaged, or not an image WeasyPrint can read\n"
        "  → Open it in an image program and export it again as PNG, JPEG or SVG.\n"
    ) in result.err
    assert ("error: content/images/scan.png: the picture cannot be put in the Word file: "
            in result.err)
    assert result.err.endswith("1 leaflet(s) failed: leaflets/x.yaml; 0 file set(s) built.\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))
    assert result.code == 1
