"""The EPUB: the leaflet's facts, navigation and metadata; EPUBCheck and Ace find nothing."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from leafpress import Project
from leafpress.content.governance import dates_lines
from leafpress.content.long_dates import long_date
from leafpress.editions import EDITIONS, LAYOUTS
from leafpress.outputs import FORMATS
from tests.fixture_builds import MAIN, source_date_epoch
from tests.htmlcheck import parse_document
from tests.minimal_project import make_project, section
from tests.outputs.checkers import REPO, ace_report, ace_violations, epubcheck_messages
from tests.outputs.conftest import SAMPLES, SAMPLES_TODAY, Made
from tests.outputs.facts import fact_problems, heading_problems

pytestmark = pytest.mark.slow

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def entries(epub: Path) -> dict[str, bytes]:
    """Every file in the EPUB by name, in archive order."""
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package(epub: Path) -> ElementTree.Element:
    """The parsed package document."""
    return ElementTree.fromstring(entries(epub)["EPUB/package.opf"])


def meta(opf: ElementTree.Element, prop: str) -> list[str]:
    """The values of every <meta property=prop> in the package metadata."""
    return [m.text or "" for m in opf.iter(f"{OPF}meta") if m.get("property") == prop]


def rewrite(epub: Path, dest: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of the EPUB with each entry passed through change (None leaves it out)."""
    with zipfile.ZipFile(epub) as source, zipfile.ZipFile(dest, "w") as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                target.writestr(info, data)
    return dest


def without_nav(name: str, data: bytes) -> bytes | None:
    """Leave out the navigation document and its manifest entry."""
    if name == "EPUB/nav.xhtml":
        return None
    if name == "EPUB/package.opf":
        return re.sub(rb'\s*<item id="nav"[^>]*/>', b"", data)
    return data


def without_alt(name: str, data: bytes) -> bytes | None:
    """Take the alt text off the content document's pictures."""
    return re.sub(rb' alt="[^"]*"', b"", data) if name == "EPUB/leaflet.xhtml" else data


@pytest.fixture(scope="session")
def epubs(samples: dict[tuple[str, str], Made], fixture_made: dict[str, Made],
          tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every sample EPUB, the fixture's, and two broken ones, by name."""
    broken = tmp_path_factory.mktemp("broken-epubs")
    fixture = fixture_made["epub"].path
    return {
        **{leaflet: samples[leaflet, "epub"].path for leaflet in SAMPLES},
        MAIN: fixture,
        "no-nav": rewrite(fixture, broken / "no-nav.epub", without_nav),
        "no-alt": rewrite(fixture, broken / "no-alt.epub", without_alt),
    }


@pytest.fixture(scope="session")
def epubcheck_results(epubs: dict[str, Path]) -> dict[str, list[str]]:
    """EPUBCheck's errors and warnings for each EPUB (two at a time: it is slow to start)."""
    names = [name for name in epubs if name != "no-alt"]
    with ThreadPoolExecutor(2) as pool:
        found = pool.map(lambda name: epubcheck_messages(epubs[name]), names)
        return dict(zip(names, found, strict=True))


@pytest.fixture(scope="session")
def ace_results(epubs: dict[str, Path],
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Ace by DAISY's report for each EPUB (Ace leaves a missing nav to EPUBCheck)."""
    reports = tmp_path_factory.mktemp("ace")
    names = [name for name in epubs if name != "no-nav"]
    with ThreadPoolExecutor(2) as pool:
        found = pool.map(lambda name: ace_report(epubs[name], reports / name), names)
        return dict(zip(names, found, strict=True))


def test_epub_is_registered_and_made_once_per_leaflet() -> None:
    epub = FORMATS["epub"]
    assert epub.media_type == "application/epub+zip"
    offered = [e.name for e in EDITIONS.values() if epub.offered(LAYOUTS["booklet"], e)]
    assert offered == [e.name for e in EDITIONS.values() if e.primary]
    assert {epub.filename(e) for e in EDITIONS.values()} == {"ebook.epub"}


def test_container_starts_with_an_uncompressed_mimetype(fixture_made: dict[str, Made]) -> None:
    with zipfile.ZipFile(fixture_made["epub"].path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read(first) == b"application/epub+zip"
        assert b'full-path="EPUB/package.opf"' in archive.read("META-INF/container.xml")


@pytest.mark.parametrize("leaflet", [*SAMPLES, MAIN])
def test_content_document_carries_every_fact(samples: dict[tuple[str, str], Made],
                                            fixture_made: dict[str, Made], leaflet: str) -> None:
    made = fixture_made["epub"] if leaflet == MAIN else samples[leaflet, "epub"]
    xhtml = entries(made.path)["EPUB/leaflet.xhtml"]
    ElementTree.fromstring(xhtml)  # well-formed XML, as XHTML must be
    root = parse_document(xhtml.decode())
    assert fact_problems(root, made.selection) == []
    assert heading_problems(root) == []
    assert all((img.get("src") or "").startswith("images/") for img in root.iter("img"))


def test_navigation_lists_every_section_in_order(fixture_made: dict[str, Made]) -> None:
    made = fixture_made["epub"]
    nav = ElementTree.fromstring(entries(made.path)["EPUB/nav.xhtml"])
    toc = next(n for n in nav.iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "toc")
    hrefs = [a.get("href") for a in toc.iter(f"{XHTML}a")]
    expected = [f"leaflet.xhtml#{s.anchor}" for s in made.selection.sections]
    assert hrefs == [*expected, "leaflet.xhtml#words-we-use", "leaflet.xhtml#about"]
    # The level-3 section is nested under the level-2 one before it.
    nested = [a.get("href") for li in toc.iter(f"{XHTML}li") for ol in li.iter(f"{XHTML}ol")
              for a in ol.iter(f"{XHTML}a")]
    assert nested == [expected[1]]


def test_package_metadata(fixture_made: dict[str, Made]) -> None:
    made = fixture_made["epub"]
    selection = made.selection
    definition = selection.leaflet.definition
    opf = package(made.path)
    assert [e.text for e in opf.iter(f"{DC}language")] == [definition.language]
    assert [e.text for e in opf.iter(f"{DC}title")] == [definition.title, definition.subtitle]
    assert [e.text for e in opf.iter(f"{DC}publisher")] == [
        selection.leaflet.publisher.organisation]
    reviewed = [] if selection.draft else [selection.reviewed.isoformat()]
    assert meta(opf, "schema:lastReviewed") == reviewed  # a draft was never reviewed
    assert meta(opf, "dcterms:valid") == [
        f"{day}/{selection.next_review.isoformat()}" for day in reviewed]
    description = next(opf.iter(f"{DC}description")).text or ""
    assert " ".join(dates_lines(selection.draft, long_date(selection.reviewed),
                                long_date(selection.next_review))) in description
    assert set(meta(opf, "schema:accessibilityFeature")) >= {
        "tableOfContents", "structuralNavigation", "readingOrder", "alternativeText"}
    assert meta(opf, "schema:accessMode") == ["textual", "visual"]
    assert meta(opf, "schema:accessModeSufficient") == ["textual"]
    assert meta(opf, "schema:accessibilityHazard") == ["none"]
    assert meta(opf, "schema:accessibilitySummary") != [""]
    newest = max(s.source.meta.review.reviewed for s in selection.sections)
    assert newest > selection.reviewed  # the fixture's sections were reviewed on different days
    assert meta(opf, "dcterms:modified") == [f"{newest.isoformat()}T00:00:00Z"]


def test_same_bytes_every_time_and_dated_by_source_date_epoch() -> None:
    project = Project.open(REPO)
    leaflet = SAMPLES[0]

    def render() -> bytes:
        return project.render(leaflet, format="epub", today=SAMPLES_TODAY).data

    first = render()
    assert render() == first
    with source_date_epoch("1700000000"):
        dated = render()
    assert dated != first
    with zipfile.ZipFile(io.BytesIO(dated)) as archive:
        opf = ElementTree.fromstring(archive.read("EPUB/package.opf"))
        stamp = archive.infolist()[0].date_time
    assert meta(opf, "dcterms:modified") == ["2023-11-14T22:13:20Z"]
    assert dt.datetime(*stamp) == dt.datetime(2023, 11, 14, 22, 13, 20)


@pytest.mark.parametrize("name", [*SAMPLES, MAIN])
def test_epubcheck_finds_no_error_or_warning(epubcheck_results: dict[str, list[str]],
                                             name: str) -> None:
    assert epubcheck_results[name] == []


def test_epubcheck_fails_an_epub_without_its_navigation(
        epubcheck_results: dict[str, list[str]]) -> None:
    assert any(" ERROR " in message for message in epubcheck_results["no-nav"])


@pytest.mark.parametrize("name", [*SAMPLES, MAIN])
def test_ace_finds_no_violation(ace_results: dict[str, dict[str, Any]], name: str) -> None:
    assert ace_violations(ace_results[name]) == []
    assert ace_results[name]["earl:result"]["earl:outcome"] == "pass"


def test_ace_fails_a_picture_without_alt_text(ace_results: dict[str, dict[str, Any]]) -> None:
    violations = ace_violations(ace_results["no-alt"])
    assert any("image-alt" in v for v in violations), violations
    assert ace_results["no-alt"]["earl:result"]["earl:outcome"] == "fail"



def test_a_passage_in_another_language_is_marked_both_ways_and_passes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    project.write("content/sections/beta.md", section(
        "beta", "Say [comment allez-vous]{lang=fr} to the nurse [@ref].\n"), dedent=False)
    epub = tmp_path / "x.epub"
    epub.write_bytes(Project.open(project.root).render("x", None, "epub").data)
    with zipfile.ZipFile(epub) as archive:
        page = archive.read("EPUB/leaflet.xhtml").decode()
    assert '<span lang="fr" xml:lang="fr">comment allez-vous</span>' in page
    assert epubcheck_messages(epub) == []
    assert ace_violations(ace_report(epub, tmp_path / "ace")) == []
