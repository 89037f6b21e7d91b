"""Producing the PDF with WeasyPrint: PDF/UA-1, project-only file access, errors are fatal."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from leafpress.errors import BuildError, Problem
from leafpress.postprocess import mark_languages


class ProjectOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Fetch only files inside the project, and data: URIs; never the network."""

    def __init__(self, project_root: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self._root = project_root.resolve()

    def fetch(self, url: str, headers: Any = None) -> Any:
        """Refuse anything outside the project before WeasyPrint opens it."""
        if url.startswith("file:"):
            from urllib.parse import unquote, urlsplit

            target = Path(unquote(urlsplit(url).path)).resolve()
            if not target.is_relative_to(self._root):
                raise ValueError(f"refusing a file outside the project: {target}")
        elif not url.startswith("data:"):
            raise ValueError(f"refusing to fetch {url}: leafpress builds never use the network")
        return super().fetch(url, headers)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _errors_are_fatal(source: Path) -> Iterator[None]:
    """WeasyPrint logs some errors and carries on; leafpress stops instead."""
    collector = _Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
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
        logger.removeHandler(collector)
    if collector.messages:
        raise BuildError(
            Problem(source, None, None, f"WeasyPrint reported: {message}",
                    "Fix the content or template this points to; leafpress never ships a "
                    "PDF that WeasyPrint complained about.")
            for message in dict.fromkeys(collector.messages)
        )


def layout(
    html: str,
    *,
    stylesheets: list[Path],
    project_root: Path,
    source: Path,
) -> Document:
    """Lay HTML out into pages (PDF/UA-1 tagging on), failing on any WeasyPrint error."""
    fonts = FontConfiguration()
    fetcher = ProjectOnlyFetcher(project_root)
    with _errors_are_fatal(source):
        document = HTML(string=html, base_url=str(project_root) + "/", url_fetcher=fetcher)
        mark_languages(document.etree_element)  # so post-processing can set /Lang on spans
        styles = [
            CSS(filename=str(path), url_fetcher=fetcher, font_config=fonts) for path in stylesheets
        ]
        rendered: Document = document.render(
            stylesheets=styles, font_config=fonts, pdf_variant="pdf/ua-1"
        )
    return rendered


def write_pdf(document: Document, *, source: Path) -> bytes:
    """Serialise a laid-out document to tagged PDF/UA-1 bytes."""
    with _errors_are_fatal(source):
        data: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return data


def render_pdf(html: str, *, stylesheets: list[Path], project_root: Path, source: Path) -> bytes:
    """Lay out and serialise in one step."""
    document = layout(html, stylesheets=stylesheets, project_root=project_root, source=source)
    return write_pdf(document, source=source)
