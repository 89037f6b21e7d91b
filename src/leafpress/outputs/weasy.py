"""WeasyPrint, made safe: project-only file access, errors per render, warm stylesheets."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from leafpress.errors import BuildError, Problem
from leafpress.pdfua import mark_languages
from leafpress.project.sourcefile import refuse_outside


class ProjectOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Fetch only files inside the project, and data: URIs; never the network."""

    def __init__(self, project_root: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self._root = project_root.resolve()

    def fetch(self, url: str, headers: Any = None) -> Any:
        """Refuse anything outside the project before WeasyPrint opens it."""
        if url.startswith("file:"):
            target = Path(unquote(urlsplit(url).path)).resolve()
            if not target.is_relative_to(self._root):
                raise ValueError(f"refusing a file outside the project: {target}")
        elif not url.startswith("data:"):
            raise ValueError(f"refusing to fetch {url}: leafpress builds never use the network")
        return super().fetch(url, headers)


#: The messages WeasyPrint has logged during the current render (per thread and task).
_current_messages: ContextVar[list[str] | None] = ContextVar(
    "leafpress_weasyprint_messages", default=None
)


#: The characters drawn as empty boxes (no font has them) during the current render.
_current_missing: ContextVar[list[str] | None] = ContextVar(
    "leafpress_weasyprint_missing_glyphs", default=None
)

#: The start of WeasyPrint's warning for a character no font covers.
_NOTDEF = ".notdef glyph rendered"


class _RouteToCurrentRender(logging.Handler):
    """Hands each WeasyPrint error to the render that caused it; keeps no state itself."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            messages = _current_messages.get()
            if messages is not None:
                messages.append(record.getMessage())
        elif str(record.msg).startswith(_NOTDEF) and isinstance(record.args, tuple):
            missing = _current_missing.get()
            if missing is not None:
                missing.append(str(record.args[0]))


class MissingGlyphs(BuildError):
    """Characters that no font covers; the caller knows where the text came from."""

    def __init__(self, characters: list[str], source: Path) -> None:
        self.characters = characters
        super().__init__([Problem(
            source, None, None,
            f"no font has {', '.join(characters)}: they would print as empty boxes",
            "Install a font that covers them (see docs/input-rules.md).")])


_ROUTER = _RouteToCurrentRender(level=logging.WARNING)
_ROUTER_LOCK = threading.Lock()


def _route_weasyprint_errors() -> None:
    """Attach the stateless router to WeasyPrint's logger once per process."""
    logger = logging.getLogger("weasyprint")
    with _ROUTER_LOCK:
        if _ROUTER not in logger.handlers:
            logger.addHandler(_ROUTER)


@contextmanager
def errors_are_fatal(source: Path) -> Iterator[None]:
    """WeasyPrint logs some errors and carries on; leafpress stops this render instead."""
    _route_weasyprint_errors()
    messages: list[str] = []
    missing: list[str] = []
    token = _current_messages.set(messages)
    missing_token = _current_missing.set(missing)
    try:
        yield
    except FatalURLFetchingError as error:
        raise BuildError.single(
            f"WeasyPrint could not load a file: {error.__cause__ or error}",
            path=source,
            hint="Use only files inside the project (images in content/images/, fonts in "
            "styles/fonts/); leafpress never fetches anything from the network.",
        ) from None
    finally:
        _current_messages.reset(token)
        _current_missing.reset(missing_token)
    if missing:
        raise MissingGlyphs(list(dict.fromkeys(missing)), source)
    if messages:
        raise BuildError(
            Problem(source, None, None, f"WeasyPrint reported: {message}",
                    "Fix the content or template this points to; leafpress never ships a "
                    "PDF that WeasyPrint complained about.")
            for message in dict.fromkeys(messages)
        )


@dataclass
class Styles:
    """Parsed stylesheets with the font configuration their @font-face rules filled."""

    stylesheets: list[CSS]
    fonts: FontConfiguration


class StylePool:
    """Parsed stylesheets kept warm for reuse, one set lent to one render at a time."""

    def __init__(self, project_root: Path) -> None:
        self._root = project_root
        self._free: dict[tuple[Path, ...], list[Styles]] = {}
        self._lock = threading.Lock()

    def _parse(self, paths: tuple[Path, ...]) -> Styles:
        fonts = FontConfiguration()
        fetcher = ProjectOnlyFetcher(self._root)
        for path in paths:  # WeasyPrint opens these itself, not through the fetcher
            refuse_outside(path, self._root)
        sheets = [CSS(filename=str(p), url_fetcher=fetcher, font_config=fonts) for p in paths]
        return Styles(sheets, fonts)

    @contextmanager
    def lend(self, paths: list[Path], *, source: Path) -> Iterator[Styles]:
        """A parsed set for ``paths``, returned to the pool when the render is done."""
        key = tuple(paths)
        with self._lock:
            free = self._free.setdefault(key, [])
            styles = free.pop() if free else None
        if styles is None:
            with errors_are_fatal(source):
                styles = self._parse(key)
        try:
            yield styles
        finally:
            with self._lock:
                self._free[key].append(styles)


def layout(html: str, *, styles: Styles, project_root: Path, source: Path) -> Document:
    """Lay HTML out into pages (PDF/UA-1 tagging on), failing on any WeasyPrint error."""
    fetcher = ProjectOnlyFetcher(project_root)
    with errors_are_fatal(source):
        document = HTML(string=html, base_url=str(project_root) + "/", url_fetcher=fetcher)
        mark_languages(document.etree_element)  # so post-processing can set /Lang on spans
        rendered: Document = document.render(
            stylesheets=styles.stylesheets, font_config=styles.fonts, pdf_variant="pdf/ua-1"
        )
    return rendered


def write_pdf(document: Document, *, source: Path) -> bytes:
    """Serialise a laid-out document to tagged PDF/UA-1 bytes."""
    with errors_are_fatal(source):
        # Uncompressed: the tagging pass reads the streams without inflating them, and
        # pikepdf compresses everything once when it saves the finished file.
        data: bytes = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    return data
