"""What a PDF's HTML is laid out with (flow-on, contents, padding), revised from each layout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from weasyprint.document import Document

from leafpress.editions import PAPERS, Edition, Paper
from leafpress.render.pages import box_classes, short_chapter_breaks

#: Layouts spent at most on letting short chapters flow on.
FLOW_ON_ROUNDS = 3

#: Characters of text on a page of A4 at 14pt, measured on the sample leaflets (1225 to
#: 1300; a page with a picture holds fewer). Only the first guess at a contents list uses it.
CHARS_PER_A4_PAGE_AT_14PT = 1250
#: A first guess a little under the contents threshold still guesses a contents list:
#: pictures, headings and page breaks take room that the text's length does not count.
GUESS_SHARE = 0.9

_HIDDEN = re.compile(r"<head>.*?</head>|<svg.*?</svg>|<style.*?</style>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def estimated_pages(html: str, edition: Edition, paper: Paper) -> float:
    """Pages the HTML's text would fill, from its length alone (no layout)."""
    text = " ".join(_TAG.sub(" ", _HIDDEN.sub(" ", html)).split())
    a4 = PAPERS["A4"]
    area = (paper.width_mm * paper.height_mm) / (a4.width_mm * a4.height_mm)
    per_page = CHARS_PER_A4_PAGE_AT_14PT * area * (14.0 / edition.body_pt) ** 2
    return len(text) / per_page


@dataclass(frozen=True)
class Plan:
    """The choices one layout's HTML is rendered with."""

    contents: bool
    flow_on: frozenset[str] = frozenset()
    padding: int = 0
    blank_padding: bool = False


@dataclass(frozen=True)
class Measured:
    """What a layout shows about the choices it was made with."""

    pages: int
    contents_pages: int
    """Pages the contents list is on."""
    contents_alone: bool
    """Whether nothing else is on the contents list's pages (a booklet's contents page)."""
    padding_pages: int
    """Pages the padding (notes or blank pages before the back cover) is on."""
    short: frozenset[str]
    """Chapters whose new page left the page before under a third full."""

    @property
    def body_pages(self) -> int:
        """Pages without the padding."""
        return self.pages - self.padding_pages


def _top_level(page: Any) -> list[Any]:
    """The boxes of the body's children on one page."""
    html_box = page._page_box.children[0]
    body = html_box.children[0] if html_box.children else None
    return list(getattr(body, "children", None) or [])


def measure(document: Document) -> Measured:
    """Read the contents pages, the padding pages and the short chapters off a layout."""
    contents = alone = padding = 0
    for page in document.pages:
        boxes = _top_level(page)
        listed = [box for box in boxes if "contents" in box_classes(box)]
        if listed:
            contents += 1
            alone += all(box.element is listed[0].element for box in boxes)
        if any(box_classes(box) & {"notes-page", "blank-page"} for box in boxes):
            padding += 1
    return Measured(len(document.pages), contents, contents > 0 and alone == contents,
                    padding, frozenset(short_chapter_breaks(document)))


@dataclass
class Planner:
    """Revises a plan from the layout made with it, until a layout confirms its plan.

    ``least`` pages (without a contents list or padding) bring a contents list unless the
    definition decides (``fixed``); booklets are padded to a multiple of ``pad_to``.
    """

    least: int
    pad_to: int
    fixed: bool | None = None
    rounds: int = 0
    plain_pages: dict[frozenset[str], int] = field(default_factory=dict)
    """Exact page counts without contents or padding, by the chapters flowed on."""

    def first(self, estimate: float) -> Plan:
        """The plan of the first layout: a contents list if the text looks long enough."""
        if self.fixed is not None:
            return Plan(contents=self.fixed)
        return Plan(contents=estimate >= GUESS_SHARE * self.least)

    def revise(self, plan: Plan, measured: Measured) -> Plan:
        """The plan the next layout needs; ``plan`` itself when this layout is the one."""
        body = measured.body_pages
        if not plan.contents:
            self.plain_pages[plan.flow_on] = body
        elif measured.contents_alone:
            self.plain_pages[plan.flow_on] = body - measured.contents_pages
        flow_on = plan.flow_on | measured.short
        if flow_on != plan.flow_on and self.rounds < FLOW_ON_ROUNDS:
            self.rounds += 1
            contents = self._contents(plan, measured, settled=False)
            return replace(plan, flow_on=flow_on, contents=contents,
                           padding=self._padding(plan, measured, contents))
        contents = self._contents(plan, measured, settled=True)
        if contents != plan.contents:
            return replace(plan, contents=contents,
                           padding=self._padding(plan, measured, contents))
        if plan.padding and measured.padding_pages != plan.padding and not plan.blank_padding:
            return replace(plan, blank_padding=True)  # a notes page took over a page
        return replace(plan, padding=self._padding(plan, measured, contents))

    def _contents(self, plan: Plan, measured: Measured, *, settled: bool) -> bool:
        """Whether the next layout lists contents.

        Exact when a layout of these chapters without a contents list, or with a contents
        list on pages of its own, was measured. Otherwise the list's pages bound the count:
        taking the list out saves at most the pages it is on. In between, a settled plan
        is laid out once without the list to count exactly.
        """
        if self.fixed is not None:
            return self.fixed
        known = self.plain_pages.get(plan.flow_on)
        if known is not None:
            return known >= self.least
        body = measured.body_pages
        if body - measured.contents_pages >= self.least:
            return True
        return False if settled or body < self.least else plan.contents

    def _padding(self, plan: Plan, measured: Measured, contents: bool) -> int:
        """Pages to add for a multiple of ``pad_to``, predicted from this layout."""
        if self.pad_to <= 1:
            return 0
        body = measured.body_pages
        if contents != plan.contents:
            body += 1 if contents else -measured.contents_pages
        return -body % self.pad_to
