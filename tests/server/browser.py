"""Helpers for the studio's browser tests: Debian's Chromium, axe, keyboard moves."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.chromium import WCAG_22_AA

_AXE = Axe()


def axe_violations(page: Page) -> tuple[int, str]:
    """The number of WCAG 2.2 A/AA violations axe finds on the page, and its report."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA},
                                      "resultTypes": ["violations"]})
    return results.violations_count, results.generate_report()


def active(page: Page) -> dict[str, Any]:
    """The focused element: tag, id, accessible-ish name, value and its focus outline."""
    result: dict[str, Any] = page.evaluate("""() => {
        const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), id: e.id, value: e.value || '',
                name: (e.getAttribute('aria-label') || e.innerText || e.value || '').trim(),
                outline: s.outlineStyle, shadow: s.boxShadow};
    }""")
    return result


def tab_to(page: Page, name: str, *, limit: int = 400, backwards: bool = False) -> None:
    """Press Tab until the focused element's name or id is the one wanted."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = active(page)
        if name in (focused["name"], focused["id"]) or focused["name"].startswith(name):
            return
    raise AssertionError(f"could not reach '{name}' with the keyboard")
