"""The EPUB 3 ebook: the web page's document as XHTML, with a navigation document and metadata."""

from __future__ import annotations

import datetime as dt
import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from typing import Any

from leafpress.content.governance import dates_lines
from leafpress.content.long_dates import long_date
from leafpress.editions import Edition, Layout
from leafpress.outputs import screen
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.outputs.naming import ReaderNames
from leafpress.outputs.web import FONT_TYPES
from leafpress.pdfua.finish import source_date

FOLDER = "EPUB"
CONTENT = "leaflet.xhtml"
NAV = "nav.xhtml"
STYLESHEET = "styles/leaflet.css"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Item:
    """One file in the EPUB's manifest."""

    id: str
    href: str
    media_type: str
    data: bytes
    properties: str = ""
    in_spine: bool = False


def to_xhtml(root: ET.Element) -> bytes:
    """The parsed page as an XHTML5 content document (each ``lang`` doubled as ``xml:lang``)."""
    for element in root.iter():
        language = element.get("lang")
        if language:
            element.set(XML_LANG, language)
    head = root.find("head")
    if head is not None:  # a viewport is for fixed layouts; reflowable EPUBs leave it out
        for meta in head.findall("meta"):
            if meta.get("name") == "viewport":
                head.remove(meta)
    root.set("xmlns", screen.XHTML)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n{body}\n'.encode()


def toc_entries(job: RenderJob) -> list[dict[str, Any]]:
    """The table of contents: sections nested by level, then the glossary and end section."""
    flat = [(s.level, s.heading, f"{CONTENT}#{s.anchor}") for s in job.selection.sections]
    if job.selection.glossary:
        flat.append((2, "Words we use", f"{CONTENT}#words-we-use"))
    flat.append((2, "About this information", f"{CONTENT}#about"))
    top: list[dict[str, Any]] = []
    stack: list[tuple[int, list[dict[str, Any]]]] = [(1, top)]
    for level, title, href in flat:
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        entry: dict[str, Any] = {"title": title, "href": href, "children": []}
        stack[-1][1].append(entry)
        stack.append((level, entry["children"]))
    return top


def modified(job: RenderJob) -> str:
    """dcterms:modified: SOURCE_DATE_EPOCH if set, else the newest section review date."""
    moment = source_date()
    if moment is None:
        newest = max(s.source.meta.review.reviewed for s in job.selection.sections)
        moment = dt.datetime.combine(newest, dt.time(), tzinfo=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def summary(job: RenderJob, has_images: bool) -> str:
    """The accessibility summary, in plain words."""
    parts = [
        "This ebook has a table of contents, headings in order and one reading order.",
        "Every picture has a text description." if has_images else "",
        "Urgent boxes start with the word Urgent, so they do not rely on colour.",
        "You can change the text size, font and colours in your reading app.",
        "It has no flashing, sound or moving content.",
        "It was checked with EPUBCheck and Ace by DAISY when it was made.",
    ]
    if job.selection.draft:
        parts.append("The information is a draft: it has not yet been clinically reviewed.")
    return " ".join(part for part in parts if part)


def package(job: RenderJob, items: list[Item], has_images: bool) -> bytes:
    """The package document (metadata, manifest, spine)."""
    definition = job.selection.leaflet.definition
    language = definition.language
    selection = job.selection
    name = f"leafpress:{definition.id}:{definition.product_code}:{definition.version}"
    reviewed = long_date(selection.reviewed, language)
    next_review = long_date(selection.next_review, language)
    context = {
        "leaflet": definition,
        "publisher": selection.leaflet.publisher,
        "language": language,
        "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}",
        "reviewed_iso": selection.reviewed.isoformat(),
        "next_review_iso": selection.next_review.isoformat(),
        "description": (f"{definition.subtitle or definition.title}. For: {definition.audience}. "
                        + " ".join(dates_lines(selection.draft, reviewed, next_review))),
        "draft": selection.draft,
        "modified": modified(job),
        "access_modes": ["textual", "visual"] if has_images else ["textual"],
        "features": ["structuralNavigation", "tableOfContents", "readingOrder",
                     "displayTransformability", *(["alternativeText"] if has_images else [])],
        "summary": summary(job, has_images),
        "manifest": items,
    }
    text = job.environment.get_template("epub/package.opf.j2").render(context)
    return text.lstrip().encode()


def nav_document(job: RenderJob) -> bytes:
    """The navigation document: table of contents and landmarks."""
    definition = job.selection.leaflet.definition
    text = job.environment.get_template("epub/nav.xhtml.j2").render(
        language=definition.language, title=definition.title, toc=toc_entries(job),
        start_href=f"{CONTENT}#main", contents_href=f"{CONTENT}#contents",
        stylesheet_href=STYLESHEET)
    return text.lstrip().encode()


def content_items(job: RenderJob) -> tuple[list[Item], bool]:
    """The content document, its images, the stylesheet and its fonts."""
    root = screen.render_tree(job, stylesheet_href=STYLESHEET)
    items: list[Item] = []
    for number, image in enumerate(screen.local_images(root, job), start=1):
        href = f"images/image-{number}{image.path.suffix.lower()}"
        image.element.set("src", href)
        items.append(Item(f"image-{number}", href, image.media_type, image.path.read_bytes()))
    has_images = bool(items)
    css = screen.stylesheet_text(job)
    for number, url in enumerate(screen.stylesheet_urls(css), start=1):
        path = (job.styles_dir / url).resolve()
        href = f"styles/{url}"
        items.append(Item(f"font-{number}", href, FONT_TYPES[path.suffix.lower()],
                          path.read_bytes()))
    items[:0] = [
        Item("leaflet", CONTENT, "application/xhtml+xml", to_xhtml(root), in_spine=True),
        Item("nav", NAV, "application/xhtml+xml", nav_document(job), properties="nav"),
        Item("style", STYLESHEET, "text/css", css.encode()),
    ]
    return items, has_images


def _entry(name: str, moment: dt.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def zip_epub(job: RenderJob, items: list[Item], opf: bytes) -> bytes:
    """The OCF container: mimetype first and uncompressed, then the rest, dated alike."""
    moment = dt.datetime.strptime(modified(job), "%Y-%m-%dT%H:%M:%SZ")
    container = job.environment.get_template("epub/container.xml.j2").render(
        package_path=f"{FOLDER}/package.opf").lstrip().encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_entry("mimetype", moment), b"application/epub+zip")
        archive.writestr(_entry("META-INF/container.xml", moment), container)
        archive.writestr(_entry(f"{FOLDER}/package.opf", moment), opf)
        for item in items:
            archive.writestr(_entry(f"{FOLDER}/{item.href}", moment), item.data)
    return buffer.getvalue()


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="an e-book (EPUB)",
    in_list="EPUB ebook",
    described="EPUB ebook, for ebook readers and screen readers",
)


@dataclass(frozen=True)
class Ebook:
    """The leaflet as an EPUB 3 ebook, for reading apps, screen readers and braille displays."""

    name: str = "epub"
    media_type: str = "application/epub+zip"
    reader_names: ReaderNames | None = READER_NAMES

    def filename(self, edition: Edition) -> str:
        """Always ``ebook.epub``: one ebook per leaflet."""
        return "ebook.epub"

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Made once per leaflet, with the primary edition."""
        return edition.primary

    def render(self, job: RenderJob) -> Rendered:
        """Build the content, navigation and package documents and zip them."""
        items, has_images = content_items(job)
        data = zip_epub(job, items, package(job, items, has_images))
        return Rendered(self.name, job.edition.name, self.filename(job.edition),
                        self.media_type, data, pages=1)
