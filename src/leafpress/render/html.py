"""Rendering a selection to one semantic HTML document through Jinja2 templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from leafpress.content import markdown
from leafpress.content.long_dates import long_date
from leafpress.content.selection import Credit, NumberedReference, Selection
from leafpress.editions import LAYOUTS, Edition, Layout, Paper
from leafpress.project.contacts import Contacts
from leafpress.project.library import GlossaryEntry
from leafpress.project.models import LeafletDefinition, Publisher
from leafpress.project.templatefiles import ProjectTemplateLoader


@dataclass(frozen=True)
class RenderOptions:
    """Choices for one rendering that are not in the definition."""

    edition: Edition
    today: dt.date
    under_review: bool = False
    contents_min_pages: int = 8
    estimated_pages: int = 0
    padding_pages: int = 0
    blank_padding: bool = False
    """Pad with blank pages instead of notes pages (when a notes page did not fit)."""


def css_string(value: str) -> Markup:
    """Quote text as a CSS string literal that is safe inside a <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;·–-/()'&+" else f"\\{ord(ch):x} " for ch in value
    )
    return Markup(f'"{escaped}"')


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment: autoescape on, undefined names are errors."""
    environment = jinja2.Environment(
        loader=ProjectTemplateLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["css_string"] = css_string
    return environment


def qr_data_uri(url: str) -> str:
    """A QR code for the online version, as an SVG data URI for an <img> with alt text."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000000"))


#: In booklets, a top-level section (with the sections nested under it) of at least this
#: many words starts a new page; shorter ones flow on, so short topics do not waste paper.
#: 500 words is about two A5 pages at 12pt (one A4 page at 14pt, two in large print): a
#: chapter of a page or less, forced onto a new page, would leave the page before half empty.
CHAPTER_BREAK_WORDS = 500


def page_breaks(selection: Selection, layout: Layout) -> list[bool]:
    """Whether each section starts a new page, from overrides, the definition and length."""
    policy = selection.leaflet.definition.section_breaks
    sections = selection.sections
    words = [len(s.source.body.split()) for s in sections]
    breaks = []
    for index, section in enumerate(sections):
        if section.page_break != "auto":
            breaks.append(section.page_break == "before")
        elif section.level != 2 or policy == "never" or (policy == "auto" and not layout.covers):
            breaks.append(False)
        elif policy == "always":
            breaks.append(True)
        else:
            end = next((j for j in range(index + 1, len(sections)) if sections[j].level == 2),
                       len(sections))
            breaks.append(sum(words[index:end]) >= CHAPTER_BREAK_WORDS)
    return breaks


def _sections_html(selection: Selection, layout: Layout) -> list[dict[str, Any]]:
    project_root = selection.project_root
    rendered = []
    for section, new_page in zip(selection.sections, page_breaks(selection, layout), strict=True):
        context = markdown.RenderContext(
            section_path=section.source.path,
            project_root=project_root,
            heading_offset=section.level - 1,
            citation_numbers=section.citation_numbers,
        )
        rendered.append(
            {
                "id": section.source.meta.id,
                "anchor": section.anchor,
                "heading": section.heading,
                "level": section.level,
                "page_break": section.page_break,
                "new_page": new_page,
                "html": Markup(markdown.render(section.source.body, context)),
            }
        )
    return rendered


@dataclass(frozen=True)
class TemplateContext:
    """Everything the templates may use, by name: the typed hand-over to Jinja2."""

    leaflet: LeafletDefinition
    publisher: Publisher
    logo_uri: str | None
    edition: Edition
    paper: Paper
    layout: Layout
    footer_wide: bool
    notes_lines: int
    sections: list[dict[str, Any]]
    references: list[NumberedReference]
    credits: list[Credit]
    glossary: list[GlossaryEntry]
    draft: bool
    under_review: bool
    reviewed: str
    next_review: str
    show_contents: bool
    padding_pages: int
    blank_padding: bool
    qr_data_uri: str | None
    long_date: Callable[[dt.date], str]
    contacts: Contacts | None = None

    def as_mapping(self) -> dict[str, Any]:
        """The context as Jinja2 receives it (shallow: the values stay typed)."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


def document_context(selection: Selection, options: RenderOptions) -> TemplateContext:
    """Everything the templates may use for one edition of one leaflet."""
    definition = selection.leaflet.definition
    edition = options.edition
    paper = edition.paper_for(definition.paper)
    layout = LAYOUTS[definition.format]
    language = definition.language
    publisher = selection.leaflet.publisher
    logo_uri = None
    if publisher.logo is not None:
        logo = selection.leaflet.publisher_path.parent / publisher.logo.path
        logo_uri = logo.resolve().as_uri()
    show_contents = definition.contents
    if show_contents is None:
        show_contents = layout.covers and options.estimated_pages >= options.contents_min_pages
    return TemplateContext(
        leaflet=definition,
        publisher=publisher,
        logo_uri=logo_uri,
        edition=edition,
        paper=paper,
        layout=layout,
        footer_wide=paper.name in edition.wide_footer_papers,
        notes_lines=edition.notes_lines.get(paper.name, 0),
        sections=_sections_html(selection, layout),
        references=selection.references,
        credits=selection.credits,
        glossary=selection.glossary,
        draft=selection.draft,
        under_review=options.under_review,
        reviewed=long_date(selection.reviewed, language),
        next_review=long_date(selection.next_review, language),
        show_contents=show_contents,
        padding_pages=options.padding_pages,
        blank_padding=options.blank_padding,
        qr_data_uri=qr_data_uri(definition.url) if definition.url else None,
        long_date=lambda value: long_date(value, language),
        contacts=selection.leaflet.contacts,
    )


def render_html(
    selection: Selection, options: RenderOptions, environment: jinja2.Environment
) -> str:
    """Render the leaflet's HTML document for one edition."""
    template = environment.get_template("leaflet.html.j2")
    return template.render(document_context(selection, options).as_mapping())
