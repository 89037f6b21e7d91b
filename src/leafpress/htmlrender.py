"""Rendering a selection to one semantic HTML document through Jinja2 templates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from leafpress import markdown
from leafpress.long_dates import long_date
from leafpress.selection import Selection
from leafpress.variants import FORMATS, PAPERS, VARIANTS, Layout


@dataclass(frozen=True)
class RenderOptions:
    """Choices for one rendering that are not in the definition."""

    variant: str
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
        loader=jinja2.FileSystemLoader(templates_dir),
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
    project_root = selection.leaflet.path.parent.parent
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


def document_context(selection: Selection, options: RenderOptions) -> dict[str, Any]:
    """Everything the templates may use, by name."""
    definition = selection.leaflet.definition
    presentation = VARIANTS[options.variant](definition.paper)
    layout: Layout = FORMATS[definition.format](presentation.paper)
    width, height = PAPERS[presentation.paper]
    language = definition.language
    publisher = selection.leaflet.publisher
    logo_uri = None
    if publisher.logo is not None:
        logo = selection.leaflet.publisher_path.parent / publisher.logo.path
        logo_uri = logo.resolve().as_uri()
    show_contents = definition.contents
    if show_contents is None:
        show_contents = layout.covers and options.estimated_pages >= options.contents_min_pages
    return {
        "leaflet": definition,
        "publisher": publisher,
        "logo_uri": logo_uri,
        "presentation": presentation,
        "layout": layout,
        "page_size": f"{width:g}mm {height:g}mm",
        "footer_wide": presentation.paper == "A4" and presentation.min_text_pt < 16,
        "sections": _sections_html(selection, layout),
        "references": selection.references,
        "credits": selection.credits,
        "glossary": selection.glossary,
        "draft": selection.draft,
        "under_review": options.under_review,
        "reviewed": long_date(selection.reviewed, language),
        "next_review": long_date(selection.next_review, language),
        "show_contents": show_contents,
        "padding_pages": options.padding_pages,
        "blank_padding": options.blank_padding,
        "qr_data_uri": qr_data_uri(definition.url) if definition.url else None,
        "long_date": lambda value: long_date(value, language),
    }


def render_html(selection: Selection, options: RenderOptions, templates_dir: Path) -> str:
    """Render the leaflet's HTML document for one variant."""
    environment = make_environment(templates_dir)
    template = environment.get_template("leaflet.html.j2")
    return template.render(document_context(selection, options))
