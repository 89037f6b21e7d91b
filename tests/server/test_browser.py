from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from leafpress.audit.runner import audit_pdf
from leafpress.engine import Project
from tests.chromium import CHROMIUM
from tests.pdfcheck import pdftotext
from tests.server.browser import active, axe_violations, tab_to
from tests.server.conftest import Live

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (make setup)")
CHOSEN = ["how-it-spreads", "where-it-spreads", "what-is-secondary"]
PROFILE = "breast-unit-st-elsewhere"
NOTE = "Your next appointment is on the letter we sent you."
SCREENSHOTS = os.environ.get("LEAFPRESS_SCREENSHOTS")


@pytest.fixture(scope="session")
def titles(live: Live) -> dict[str, str]:
    sections = Project.open(live.root).library.sections
    return {i: s.meta.title for i, s in sections.items()}


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(SCREENSHOTS) / path.name)


def _check_pdf(path: Path) -> None:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(next(line.split()[-1] for line in info.stdout.splitlines()
                     if line.startswith("Pages:")))
    assert pages >= 2
    text = " ".join(pdftotext(path).split())
    assert "0114 496 0123" in text and "24-hour acute oncology helpline" in text
    report = audit_pdf(path)
    assert report.large_print and report.passed, report.findings


def _order(page: Page) -> list[str]:
    values: list[str] = page.locator('#handout-form input[name="s"]').evaluate_all(
        "(inputs) => inputs.map((i) => i.value)")
    return values


def test_mouse_flow(live: Live, page: Page, titles: dict[str, str], tmp_path: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live.url)
    assert axe_violations(page)[0] == 0, axe_violations(page)[1]
    page.get_by_label("Search the library").fill("spread")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#card-how-it-spreads")).to_be_visible()
    assert 0 < page.locator(".card").count() < len(titles)
    for section_id in CHOSEN[:2]:
        page.get_by_role("button", name=f"Add: {titles[section_id]}").click()
    page.get_by_label("Search the library").fill("secondary")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("button", name=f"Add: {titles[CHOSEN[2]]}").click()
    assert _order(page) == CHOSEN
    page.get_by_role("button", name=f"Move up: {titles[CHOSEN[2]]}").click()
    assert _order(page) == [CHOSEN[0], CHOSEN[2], CHOSEN[1]]
    page.get_by_label("Contacts profile").select_option(PROFILE)
    page.get_by_label("Note for this handout (optional)").fill(NOTE)
    page.get_by_role("button", name="Update preview").click()
    preview = page.frame_locator("iframe.preview")
    expect(preview.get_by_text("0114 496 0123").first).to_be_visible()
    expect(preview.get_by_text(NOTE).first).to_be_visible()
    assert _addresses_with_the_handout(page) == []
    count, report = axe_violations(page)
    assert count == 0, report
    _shot(page, tmp_path, "studio")
    page.evaluate("document.getElementById('preview').scrollIntoView()")
    _shot(page, tmp_path, "studio-preview")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF: Large print").click()
    pdf = tmp_path / "handout.pdf"
    download.value.save_as(pdf)
    _check_pdf(pdf)


def _addresses_with_the_handout(page: Page) -> list[str]:
    """The page's and its frames' addresses that hold the handout's note or sections."""
    return [address for address in (page.url, *(frame.url for frame in page.frames))
            if "appointment" in address or "how-it-spreads" in address]


def _expect_focus(page: Page, element_id: str) -> None:
    """The page has focused ``element_id`` (autofocus runs just after the page loads)."""
    expect(page.locator(f"#{element_id}")).to_be_focused()


def test_problems_and_starting_from_a_leaflet(live: Live, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live.url + "/?s=receptors")
    page.get_by_label("Heading for “Receptors and why they matter” (leave empty to keep it)"
                      ).fill("Next steps for you " * 8)
    page.get_by_role("button", name="Update preview").click()
    _expect_focus(page, "preview-problems")
    expect(page.locator("#preview-problems")).to_contain_text("is too long")
    expect(page.locator("#h-0")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page)[0] == 0, axe_violations(page)[1]
    page.get_by_role("link", name="Heading for section 1 (“Receptors and why they matter”)"
                     ).click()
    _expect_focus(page, "h-0")
    page.locator("#h-0").fill("")
    page.get_by_label("Leaflet", exact=True).select_option("secondary-breast-cancer-in-the-bones")
    page.get_by_role("button", name="Use this leaflet's sections").click()
    _expect_focus(page, "status")
    expect(page.locator("#status")).to_contain_text("Your handout now has the")
    assert axe_violations(page)[0] == 0, axe_violations(page)[1]
    page.get_by_role("button", name="Undo: bring back your 1 section").click()
    assert _order(page) == ["receptors"]


def _enter(page: Page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_only_flow(live: Live, page: Page, titles: dict[str, str],
                            tmp_path: Path) -> None:
    page.goto(live.url)
    tab_to(page, "Skip to main content")
    assert active(page)["outline"] != "none"
    tab_to(page, "q")
    page.keyboard.type("spread")
    _enter(page)
    expect(page.locator("#card-how-it-spreads")).to_be_visible()
    _expect_focus(page, "results")  # the page says how many sections matched
    for section_id in CHOSEN[:2]:
        tab_to(page, f"Add: {titles[section_id]}")
        assert active(page)["outline"] != "none"
        _enter(page)
        assert section_id in _order(page)
        _expect_focus(page, f"card-{section_id}")  # Tab goes on to the next card
    tab_to(page, "q")
    page.keyboard.press("Control+a")
    page.keyboard.type("secondary")
    _enter(page)
    tab_to(page, f"Add: {titles[CHOSEN[2]]}")
    _enter(page)
    assert _order(page) == CHOSEN
    tab_to(page, f"Move up: {titles[CHOSEN[2]]}")
    _enter(page)
    assert _order(page) == [CHOSEN[0], CHOSEN[2], CHOSEN[1]]
    _expect_focus(page, "up-1")  # the same button, to press again
    tab_to(page, "title")  # Enter in a text box updates the preview; it does not search
    _enter(page)
    _expect_focus(page, "preview")
    assert _order(page) == [CHOSEN[0], CHOSEN[2], CHOSEN[1]]
    tab_to(page, "contacts")
    while page.eval_on_selector("#contacts", "(s) => s.value") != PROFILE:
        page.keyboard.press("ArrowDown")
    tab_to(page, "Update preview")
    _enter(page)
    _expect_focus(page, "preview")
    expect(page.frame_locator("iframe.preview").get_by_text("0114 496 0123").first
           ).to_be_visible()
    tab_to(page, "Download PDF: Large print")
    _shot(page, tmp_path, "studio-keyboard")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    pdf = tmp_path / "keyboard.pdf"
    download.value.save_as(pdf)
    _check_pdf(pdf)


PAGES = {
    "empty studio": "/",
    "studio with a handout": "/?title=Bones&s=symptoms-bone&s=treatment-bone-strengthening"
                             "&contacts=breast-unit-st-elsewhere&q=bone",
    "search with no results": "/?q=zzzz",
    "preview": "/preview?s=receptors&contacts=oncology-day-unit-sample",
    "large-print preview": "/preview?s=receptors&edition=large-print",
    "preview of nothing": "/preview",
    "preview with problems": "/preview?s=nope",
    "studio with problems": "/?s=receptors&s=nope&title=%3Cb%3E",
    "log": "/log",
    "contacts profiles": "/contacts",
    "not found": "/project-file/pyproject.toml",
}


@pytest.mark.parametrize("address", PAGES.values(), ids=list(PAGES))
def test_every_page_has_no_axe_violations(live: Live, page: Page, address: str) -> None:
    page.goto(live.url + address)
    count, report = axe_violations(page)
    assert count == 0, report


def test_refused_form_page_has_no_axe_violations(live: Live, page: Page) -> None:
    page.goto(live.url)
    page.evaluate("document.querySelector('input[name=csrf]').value = 'stale'")
    page.get_by_role("button", name="Update preview").click()
    expect(page.get_by_role("heading", name="Please try again")).to_be_visible()
    count, report = axe_violations(page)
    assert count == 0, report


def test_refused_profile_page_has_no_axe_violations(live: Live, page: Page) -> None:
    page.goto(live.url + "/contacts")
    page.get_by_label("Profile name").fill("new-team")
    page.get_by_label("Nurse line phone number").fill("ring us")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("alert")).to_contain_text("'ring us' is not a UK phone number")
    count, report = axe_violations(page)
    assert count == 0, report


@pytest.mark.parametrize("address", ["/", PAGES["studio with a handout"], "/log", "/contacts"])
def test_pages_reflow_at_400_percent_zoom(live: Live, page: Page, address: str) -> None:
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(live.url + address)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
