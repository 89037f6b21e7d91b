"""Stage 4: output formats, one module each, chosen by name from the FORMATS registry."""

from __future__ import annotations

from collections.abc import Iterable

from leafpress.editions import Edition
from leafpress.outputs import base
from leafpress.outputs.audio import Audio
from leafpress.outputs.base import JobOptions, OutputFormat, Rendered, RenderJob
from leafpress.outputs.braille import Braille
from leafpress.outputs.epub import Ebook
from leafpress.outputs.pdf import ReadingPdf
from leafpress.outputs.print_pdf import PrintPdf
from leafpress.outputs.text import PlainText
from leafpress.outputs.web import WebPage
from leafpress.outputs.word import Word
from leafpress.project.models import LeafletDefinition

#: Every output format by name. Adding a format is one module and one entry here.
FORMATS: dict[str, OutputFormat] = {
    output.name: output
    for output in (ReadingPdf(), PrintPdf(), WebPage(), Ebook(), PlainText(), Braille(), Word(),
                   Audio())
}

#: Formats made in the same run as another because they are built from its output: the
#: imposed print file comes from the reading PDF, so one make target makes both.
MADE_WITH: dict[str, str] = {"print-pdf": "pdf"}


def format_groups(names: Iterable[str]) -> list[list[str]]:
    """Formats grouped by the run that makes them (each base first), in registry order."""
    chosen = set(names)
    groups: dict[str, list[str]] = {}
    for name in FORMATS:
        if name in chosen:
            groups.setdefault(MADE_WITH.get(name, name), []).append(name)
    return list(groups.values())


def made_in(definition: LeafletDefinition) -> list[tuple[OutputFormat, Edition]]:
    """Every (format, edition) a leaflet is made in, in registry order.

    Its ``formats:`` (all by default), for each of its editions the format is offered in.
    """
    return base.made_in(definition, FORMATS)


__all__ = [
    "FORMATS",
    "MADE_WITH",
    "JobOptions",
    "OutputFormat",
    "RenderJob",
    "Rendered",
    "format_groups",
    "made_in",
]
