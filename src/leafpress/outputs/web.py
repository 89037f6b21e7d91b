"""The web page: one self-contained HTML file (styles, fonts, images inline; no scripts)."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from leafpress.editions import Edition, Layout
from leafpress.errors import BuildError
from leafpress.outputs import screen
from leafpress.outputs.base import Rendered, RenderJob
from leafpress.outputs.naming import ReaderNames

#: Font files a stylesheet may embed, by suffix.
FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf"}


def data_uri(path: Path, media_type: str) -> str:
    """A file as a base64 data: URI."""
    return f"data:{media_type};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_css(job: RenderJob) -> str:
    """The screen stylesheets with their fonts embedded as data: URIs."""
    css = screen.stylesheet_text(job)
    embedded = {}
    for url in screen.stylesheet_urls(css):
        path = (job.styles_dir / url).resolve()
        media_type = FONT_TYPES.get(path.suffix.lower())
        if media_type is None or not path.is_file():
            raise BuildError.single(
                f"a screen stylesheet points at {url!r}, which is not a font file in styles/",
                path=job.styles_dir, hint="Point url() only at fonts in styles/fonts/.")
        embedded[url] = data_uri(path, media_type)
    return screen.replace_urls(css, embedded)


def serialise(root: ET.Element) -> bytes:
    """The tree as an HTML5 document."""
    text = ET.tostring(root, encoding="unicode", method="html")
    return f"<!DOCTYPE html>\n{text}\n".encode()


#: How readers are told about this format (outputs/naming.py).
READER_NAMES = ReaderNames(
    in_sentence="a web page",
    in_list="web page",
    described="Web page, to read in a browser or send by email",
)


@dataclass(frozen=True)
class WebPage:
    """The leaflet as one HTML file that opens in any browser and can be emailed."""

    name: str = "web"
    media_type: str = "text/html"
    reader_names: ReaderNames | None = READER_NAMES

    def filename(self, edition: Edition) -> str:
        """Always ``web.html``: one web page per leaflet."""
        return "web.html"

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Made once per leaflet, with the primary edition."""
        return edition.primary

    def render(self, job: RenderJob) -> Rendered:
        """Render the screen template, then embed every image as a data: URI."""
        root = screen.render_tree(job, inline_css=inline_css(job))
        for image in screen.local_images(root, job):
            image.element.set("src", data_uri(image.path, image.media_type))
        return Rendered(self.name, job.edition.name, self.filename(job.edition),
                        self.media_type, serialise(root), pages=1)
