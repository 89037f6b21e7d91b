"""Small helpers for asserting on HTML as a parsed tree rather than as a string."""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

import tinyhtml5

Element = ElementTree.Element


def parse_document(html: str) -> Element:
    """Parse a whole HTML document (the <html> element is returned)."""
    return tinyhtml5.parse(html, namespace_html_elements=False)


def parse_fragment(html: str) -> Element:
    """Parse an HTML fragment; the <body> holding it is returned."""
    body = parse_document(f"<!DOCTYPE html><html><body>{html}</body></html>").find("body")
    assert body is not None
    return body


def text_of(element: Element) -> str:
    """The element's text with white space collapsed."""
    return " ".join("".join(element.itertext()).split())


def with_class(root: Element, name: str) -> list[Element]:
    """Every element below root whose class attribute lists name."""
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def heading_levels(root: Element) -> list[int]:
    """The levels of every h1–h6 in document order."""
    return [int(e.tag[1]) for e in root.iter() if e.tag in HEADINGS]


def heading_skips(levels: list[int]) -> list[tuple[int, int]]:
    """Pairs of consecutive heading levels where the second skips a level."""
    return [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
