"""Stage 4: output formats, one module each, chosen by name from the FORMATS registry."""

from __future__ import annotations

from leafpress.outputs.audio import Audio
from leafpress.outputs.base import JobOptions, OutputFormat, Rendered, RenderJob
from leafpress.outputs.braille import Braille
from leafpress.outputs.pdf import ReadingPdf
from leafpress.outputs.print_pdf import PrintPdf
from leafpress.outputs.text import PlainText
from leafpress.outputs.word import Word

#: Every output format by name. Adding a format is one module and one entry here.
FORMATS: dict[str, OutputFormat] = {
    output.name: output
    for output in (ReadingPdf(), PrintPdf(), PlainText(), Braille(), Word(), Audio())
}

__all__ = ["FORMATS", "JobOptions", "OutputFormat", "RenderJob", "Rendered"]
