"""What the one-file formats share: one file per leaflet, made from the primary edition."""

from __future__ import annotations

from leafpress.editions import Edition, Layout
from leafpress.outputs import document
from leafpress.outputs.base import RenderJob
from leafpress.outputs.blocks import Document
from leafpress.outputs.naming import list_names


class OneFile:
    """Mixin: the file name ignores the edition; offered only for the primary edition."""

    file: str = ""

    def filename(self, edition: Edition) -> str:
        """The same file for every edition (only the primary one makes it)."""
        return self.file

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Made once per leaflet, with the primary edition."""
        return edition.primary


def document_for(job: RenderJob) -> Document:
    """The job's leaflet as the shared document model."""
    return document.build(job.selection, list_names(job.made_in()),
                          under_review=job.options.under_review)
