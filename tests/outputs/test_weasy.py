"""WeasyPrint may read only the project's own files: never the network, never outside."""

from __future__ import annotations

from pathlib import Path

import pytest

from leafpress.errors import BuildError
from leafpress.outputs import weasy as pdf

NETWORK = "leafpress builds never use the network"
HINT = ("Use only files inside the project (images in content/images/, fonts in styles/fonts/); "
        "leafpress never fetches anything from the network.")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "content" / "images").mkdir(parents=True)
    (project / "content" / "images" / "dot.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>")
    (tmp_path / "secret.txt").write_text("not for leaflets")
    return project


def test_project_files_and_data_uris_are_fetched(root: Path) -> None:
    fetcher = pdf.ProjectOnlyFetcher(root)
    assert b"<svg" in fetcher.fetch((root / "content/images/dot.svg").as_uri()).read()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


@pytest.mark.parametrize("url", [
    "http://example.org/logo.png", "https://example.org/font.woff2", "ftp://example.org/x",
    "//example.org/x.png",
])
def test_remote_urls_are_refused(root: Path, url: str) -> None:
    with pytest.raises(ValueError) as caught:
        pdf.ProjectOnlyFetcher(root).fetch(url)
    assert str(caught.value) == f"refusing to fetch {url}: {NETWORK}"


def test_files_outside_the_project_are_refused(root: Path) -> None:
    fetcher = pdf.ProjectOnlyFetcher(root)
    secret = (root.parent / "secret.txt").resolve()
    for url in ("file:///etc/passwd", f"file://{root}/../secret.txt",
                f"file://{root}/content/../../secret.txt"):
        with pytest.raises(ValueError) as caught:
            fetcher.fetch(url)
        expected = Path("/etc/passwd").resolve() if "passwd" in url else secret
        assert str(caught.value) == f"refusing a file outside the project: {expected}"


def test_a_symlink_that_points_outside_is_refused(root: Path) -> None:
    link = root / "content" / "images" / "innocent.svg"
    link.symlink_to(root.parent / "secret.txt")
    with pytest.raises(ValueError) as caught:
        pdf.ProjectOnlyFetcher(root).fetch(link.as_uri())
    assert str(caught.value) == (
        f"refusing a file outside the project: {(root.parent / 'secret.txt').resolve()}")


@pytest.mark.parametrize(("src", "reason"), [
    ("https://example.org/tracker.png", f"refusing to fetch https://example.org/tracker.png: "
     f"{NETWORK}"),
    ("../secret.txt", "refusing a file outside the project: {secret}"),
])
def test_a_render_that_reaches_out_fails_with_a_clear_error(
    root: Path, src: str, reason: str
) -> None:
    source = root / "leaflets" / "x.yaml"
    with pytest.raises(BuildError) as caught, pdf.StylePool(root).lend([], source=source) as styles:
            pdf.layout(f'<p>Hello</p><img src="{src}" alt="x">', styles=styles,
                       project_root=root, source=source)
    secret = (root.parent / "secret.txt").resolve()
    assert str(caught.value) == (
        f"{source}: WeasyPrint could not load a file: {reason.format(secret=secret)}\n"
        f"  → {HINT}"
    )
