"""The screen document the web page and the EPUB share: one template, parsed to a tree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import tinyhtml5
from markupsafe import Markup

from leafpress.content import markdown
from leafpress.errors import BuildError, LeafpressError
from leafpress.outputs import wording
from leafpress.outputs.base import RenderJob
from leafpress.outputs.naming import described_files
from leafpress.render.html import document_context

XHTML = "http://www.w3.org/1999/xhtml"
TEMPLATE = "web.html.j2"
#: Screen styles, in cascade order: the shared look first, then sizes for screens.
STYLESHEETS = ("base.css", "web.css")
#: Image files a browser and an EPUB reading system can both show, by suffix.
IMAGE_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def reader_formats(job: RenderJob) -> list[str]:
    """Every file made for this leaflet that a reader can use, in every edition it has."""
    return list(described_files(job.made_in()))


def stylesheet_text(job: RenderJob) -> str:
    """The screen stylesheets joined, with their url()s still relative to styles/."""
    paths = [job.styles_dir / name for name in STYLESHEETS]
    for path in paths:
        if not path.is_file():
            raise _missing(path, job)
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    if "</" in text:
        raise BuildError.single(
            "a screen stylesheet contains '</', which would end the web page's <style>",
            path=job.styles_dir, hint="Remove '</' from base.css and web.css.")
    return text


def _missing(path: Path, job: RenderJob) -> LeafpressError:
    return BuildError.single(
        f"the web page and EPUB need {path.relative_to(job.project_root)}, which this "
        "project does not have", path=job.selection.leaflet.path,
        hint="Copy it from leafpress's own project (templates/ and styles/ there).")


def stylesheet_urls(css: str) -> list[str]:
    """The files (fonts) a stylesheet points at, in order, each once."""
    return list(dict.fromkeys(m.group(1) for m in _CSS_URL.finditer(css)
                              if not m.group(1).startswith("data:")))


def replace_urls(css: str, new_url: dict[str, str]) -> str:
    """The stylesheet with each url() in ``new_url`` replaced."""
    return _CSS_URL.sub(lambda m: f'url("{new_url.get(m.group(1), m.group(1))}")', css)


def render_tree(job: RenderJob, **extra: Any) -> ET.Element:
    """Render the screen template for the job and parse it into a tree.

    ``extra`` fills the template's screen-only names: ``inline_css`` or ``stylesheet_href``.
    """
    context = document_context(job.selection, job.render_options()).as_mapping()
    context.update(inline_css=Markup(""), stylesheet_href="", formats=reader_formats(job),
                   phone_notice=wording.ASK_FOR_24_HOUR_NUMBER)
    context.update({key: Markup(value) if key == "inline_css" else value
                    for key, value in extra.items()})
    try:
        template = job.environment.get_template(TEMPLATE)
    except jinja2.TemplateNotFound:
        raise _missing(job.project_root / "templates" / TEMPLATE, job) from None
    html = template.render(context)
    root: ET.Element = tinyhtml5.parse(html, namespace_html_elements=False)
    mark_urgent(root)
    box_titles_as_headings(root)
    drop_print_line_breaking(root)
    return root


def _box_title(box: ET.Element) -> ET.Element | None:
    """A box's title element (class callout-title), if it has one."""
    return next((child for child in box
                 if "callout-title" in (child.get("class") or "").split()), None)


_HEADING = re.compile(r"h([1-6])")


def box_titles_as_headings(root: ET.Element) -> None:
    """Each box's title becomes a heading one level below the heading it follows.

    So a screen-reader user moving from heading to heading meets "Spinal cord compression:
    get help straight away" instead of passing it; the box is named by its title. (Print
    keeps a styled paragraph: PDF bookmarks and contents come from its headings.)
    """
    level = 1
    for number, element in enumerate(root.iter()):
        classes = (element.get("class") or "").split()
        heading = _HEADING.fullmatch(element.tag) if isinstance(element.tag, str) else None
        if heading and "callout-title" not in classes:
            level = int(heading[1])
        if element.tag != "div" or "callout" not in classes:
            continue
        title = _box_title(element)
        if title is not None and title.tag == "p":
            title.tag = f"h{min(level + 1, 6)}"
            title.set("id", title.get("id") or f"box-{number}")
            element.set("aria-labelledby", title.get("id", ""))


def drop_print_line_breaking(root: ET.Element) -> None:
    """Remove print's invisible line-keeping characters from every text in the tree."""
    for element in root.iter():
        if element.text:
            element.text = markdown.without_line_keeping(element.text)
        if element.tail:
            element.tail = markdown.without_line_keeping(element.tail)


def mark_urgent(root: ET.Element) -> None:
    """Say "Urgent" in words in every urgent box, so it survives without colour or CSS."""
    for box in root.iter("div"):
        if "callout-urgent" not in (box.get("class") or "").split():
            continue
        box.set("role", "note")
        title = _box_title(box)
        strong = title.find("strong") if title is not None else None
        if strong is None:
            title = ET.Element("p", {"class": "callout-title"})
            strong = ET.SubElement(title, "strong")
            strong.text = "Urgent"
            box.insert(0, title)
        elif not "".join(strong.itertext()).strip().lower().startswith("urgent"):
            strong.text = "Urgent: " + (strong.text or "")


@dataclass(frozen=True)
class LocalImage:
    """An <img> in the tree and the project file it shows."""

    element: ET.Element
    path: Path
    media_type: str


def local_images(root: ET.Element, job: RenderJob) -> Iterator[LocalImage]:
    """Every image that points at a project file; data: URIs are left as they are."""
    project = job.project_root.resolve()
    source = job.selection.leaflet.path
    for element in root.iter("img"):
        src = element.get("src") or ""
        if src.startswith("data:"):
            continue
        path = Path(unquote(urlsplit(src).path)).resolve() if src.startswith("file:") else None
        if path is None or not path.is_relative_to(project) or not path.is_file():
            raise BuildError.single(
                f"an image is not a file in the project: {src}", path=source,
                hint="Keep images in content/images/ and refer to them by a relative path.")
        media_type = IMAGE_TYPES.get(path.suffix.lower())
        if media_type is None:
            raise BuildError.single(
                f"the image {path.name} is a '{path.suffix}' file, which web pages and "
                "EPUB readers may not show", path=source,
                hint="Save it as SVG, PNG or JPEG (" + ", ".join(IMAGE_TYPES) + ").")
        yield LocalImage(element, path, media_type)
