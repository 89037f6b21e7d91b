"""Rendering a selection to one semantic HTML document through Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from leafpress.content import markdown
from leafpress.content.governance import dates_heading, dates_lines, dates_note
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
    """Booklets this long (without contents or padding) get a contents page."""
    leaflet_contents_min_pages: int = 13
    """Leaflets this long (over 12 pages) get a contents list too."""
    contents: bool = False
    """List contents (when the definition does not say): the PDF layout decides from the
    page count, with :func:`contents_least`; other formats list none."""
    padding_pages: int = 0
    blank_padding: bool = False
    """Pad with blank pages instead of notes pages (when a notes page did not fit)."""
    flow_on: frozenset[str] = frozenset()
    """Anchors of chapters that flow on instead of starting a page (their break left the
    page before nearly empty)."""
    made_in: tuple[str, ...] = ()
    """The forms the leaflet is made in, as a reader names them ("large print (PDF)"): the
    output stage knows the formats and fills this in; the HTML stage only prints it."""


def css_string(value: str) -> Markup:
    """Quote text as a CSS string literal that is safe inside a <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;·–-/()'&+" else f"\\{ord(ch):x} " for ch in value
    )
    return Markup(f'"{escaped}"')


def unbroken(value: str) -> str:
    """A phone number with no-break spaces: no line starts with the rest of it."""
    return value.replace(" ", "\N{NO-BREAK SPACE}")


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
    environment.filters["unbroken"] = unbroken
    environment.filters["kept_whole"] = markdown.kept_whole
    environment.filters["web_address"] = markdown.web_address
    environment.filters["no_widow"] = markdown.no_widow
    return environment


def qr_data_uri(url: str) -> str:
    """A QR code for the online version, as an SVG data URI for an <img> with alt text."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000000"))


#: In booklets, a top-level section (with the sections nested under it) of at least this
#: many words starts a new page; shorter ones flow on, so short topics do not waste paper.
#: 500 words is about two A5 pages at 12pt (one A4 page at 14pt, two in large print): a
#: chapter of a page or less, forced onto a new page, would leave the page before half empty.
CHAPTER_BREAK_WORDS = 500

#: A section whose notes block has at least this many ruled lines is a page for notes: it
#: goes after the end section, so its lines never split the text or start mid-handout. A
#: laid-out page with as many ruled lines is a notes page too (render/pages.py).
NOTES_PAGE_LINES = 10
#: Lines a notes section gives up, against a booklet's notes page, for its longer
#: introduction and sources line: the whole section then fits on one page.
NOTES_PAGE_SLACK = 3
_NOTES_BLOCK = re.compile(r"^:::\s*notes\s+(\d+)\s*$", re.MULTILINE)


def is_notes_page(body: str) -> bool:
    """Whether a section's Markdown holds a notes block of a page's worth of lines."""
    return any(int(n) >= NOTES_PAGE_LINES for n in _NOTES_BLOCK.findall(body))


def citation_style(definition: LeafletDefinition, edition: Edition) -> str:
    """``inline``, ``section`` or ``end``: the definition's choice, else by edition."""
    if definition.citations is not None:
        return definition.citations
    return "section" if edition.large_print else "inline"


def document_title(title: str, subtitle: str) -> str:
    """Title and subtitle joined to read well: "Why? A guide", "Bones: a handout"."""
    if not subtitle:
        return title
    if title[-1] in "?!.:":
        return f"{title} {subtitle}"
    if ":" in title:
        return f"{title} – {subtitle}"
    lowered = subtitle[0].lower() + subtitle[1:] if subtitle[1:2].islower() else subtitle
    return f"{title}: {lowered}"


def phone_uri(phone: str) -> str:
    """A ``tel:`` link for a printed phone number ("01234 567890 (sample)" -> tel:01234567890)."""
    number = phone.split("(")[0]
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


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


_LINE = '<div class="note-line"></div>'
_LINES = re.compile(f"(?:{re.escape(_LINE)})+")


def fit_notes_page(html: str, most: int) -> str:
    """A notes page's ruled lines cut to ``most``, what one page of this edition holds."""
    if most <= 0:
        return html
    return _LINES.sub(lambda m: _LINE * min(most, m.group(0).count(_LINE)), html)


def _sections_html(selection: Selection, layout: Layout, style: str,
                   page_lines: int, flow_on: frozenset[str]) -> list[dict[str, Any]]:
    project_root = selection.project_root
    rendered = []
    for section, new_page in zip(selection.sections, page_breaks(selection, layout), strict=True):
        context = markdown.RenderContext(
            section_path=section.source.path,
            project_root=project_root,
            heading_offset=section.level - 1,
            citation_numbers=section.citation_numbers,
            inline_citations=style == "inline",
        )
        notes_page = is_notes_page(section.source.body)
        html = markdown.render(section.source.body, context)
        if notes_page:
            html = fit_notes_page(html, page_lines - NOTES_PAGE_SLACK)
        sources = sorted({section.citation_numbers[key]
                          for key in markdown.cited_keys(section.source.body)
                          if key in section.citation_numbers})
        rendered.append(
            {
                "id": section.source.meta.id,
                "anchor": section.anchor,
                "heading": section.heading,
                "level": section.level,
                "page_break": section.page_break,
                # Only a break leafpress chose (not one the definition asked for) flows on.
                "new_page": new_page and not (
                    section.anchor in flow_on and section.page_break == "auto"
                    and selection.leaflet.definition.section_breaks == "auto"),
                "notes_page": notes_page,
                "sources": sources if style == "section" else [],
                "html": Markup(html),
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
    dates_heading: str
    dates: tuple[str, ...]
    """The dates as every format words them (content.governance): never "Reviewed" for a
    draft."""
    dates_note: str
    show_contents: bool
    document_title: str
    other_formats: list[str]
    publisher_links: dict[str, str]
    flow_on: frozenset[str]
    padding_pages: int
    blank_padding: bool
    qr_data_uri: str | None
    long_date: Callable[[dt.date], str]
    contacts: Contacts | None = None
    asks_for_24_hour_number: bool = False
    phone_notice: str = ""
    """What the screen formats say instead of print's box to write the 24-hour number in."""

    def as_mapping(self) -> dict[str, Any]:
        """The context as Jinja2 receives it (shallow: the values stay typed)."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


def contents_least(layout: Layout, options: RenderOptions) -> int:
    """Pages (without contents or padding) from which a PDF lists contents."""
    return options.contents_min_pages if layout.covers else options.leaflet_contents_min_pages


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
    show_contents = options.contents if definition.contents is None else definition.contents
    website = publisher.website if "://" in publisher.website else f"https://{publisher.website}"
    return TemplateContext(
        leaflet=definition,
        publisher=publisher,
        logo_uri=logo_uri,
        edition=edition,
        paper=paper,
        layout=layout,
        footer_wide=paper.name in edition.wide_footer_papers,
        notes_lines=edition.notes_lines.get(paper.name, 0),
        sections=_sections_html(selection, layout, citation_style(definition, edition),
                                edition.notes_lines.get(paper.name, 0), options.flow_on),
        references=selection.references,
        credits=selection.credits,
        glossary=selection.glossary,
        draft=selection.draft,
        under_review=options.under_review,
        reviewed=long_date(selection.reviewed, language),
        next_review=long_date(selection.next_review, language),
        dates_heading=dates_heading(selection.draft),
        dates=dates_lines(selection.draft, long_date(selection.reviewed, language),
                          long_date(selection.next_review, language)),
        dates_note=dates_note(selection.draft),
        show_contents=show_contents,
        document_title=document_title(definition.title, definition.subtitle),
        other_formats=list(options.made_in),
        publisher_links={"tel": phone_uri(publisher.phone), "web": website},
        flow_on=options.flow_on,
        padding_pages=options.padding_pages,
        blank_padding=options.blank_padding,
        qr_data_uri=qr_data_uri(definition.url) if definition.url else None,
        long_date=lambda value: long_date(value, language),
        contacts=selection.leaflet.contacts,
        asks_for_24_hour_number=selection.asks_for_24_hour_number,
    )


def render_html(
    selection: Selection, options: RenderOptions, environment: jinja2.Environment
) -> str:
    """Render the leaflet's HTML document for one edition."""
    template = environment.get_template("leaflet.html.j2")
    return template.render(document_context(selection, options).as_mapping())
