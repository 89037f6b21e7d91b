"""What every output format shares: the job it renders and the bytes it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import jinja2

from leafpress.content.selection import Selection
from leafpress.editions import EDITIONS, LAYOUTS, Edition, Layout, Paper
from leafpress.outputs.naming import ReaderNames, sentence_names
from leafpress.project.models import LeafletDefinition
from leafpress.render.html import RenderOptions, render_html

if TYPE_CHECKING:
    from leafpress.outputs.weasy import StylePool


@dataclass(frozen=True)
class Rendered:
    """One finished output, in memory."""

    format: str
    edition: str
    filename: str
    media_type: str
    data: bytes
    pages: int
    sheets: int = 0
    """Sheets of paper in an imposed print file (two sides each), 0 otherwise."""


@dataclass(frozen=True)
class JobOptions:
    """The choices of one render that are not in the definition."""

    today: dt.date
    under_review: bool = False
    print_shop: bool = False
    contents_min_pages: int = 8


class OutputFormat(Protocol):
    """One output format: a name, a file name per edition, and a render method."""

    @property
    def name(self) -> str:
        """The format's name in FORMATS, on the command line and in the API."""
        ...

    @property
    def media_type(self) -> str:
        """The MIME type of the bytes it makes."""
        ...

    @property
    def reader_names(self) -> ReaderNames | None:
        """How readers are told about it (outputs/naming.py); None: not for readers."""
        ...

    def filename(self, edition: Edition) -> str:
        """The file this format writes for ``edition`` (the one place names are decided)."""
        ...

    def offered(self, layout: Layout, edition: Edition) -> bool:
        """Whether this format exists for a leaflet of this layout in this edition."""
        ...

    def render(self, job: RenderJob) -> Rendered:
        """Turn the job's selection and edition into bytes."""
        ...


@dataclass
class RenderJob:
    """One leaflet in one edition: what every format reads, and the formats made so far.

    A format that builds on another (the imposed print file on the reading PDF) asks
    the job for it with :meth:`output`, so it is made once per job.
    """

    selection: Selection
    edition: Edition
    options: JobOptions
    environment: jinja2.Environment
    styles: StylePool
    styles_dir: Path
    formats: Mapping[str, OutputFormat]
    _made: dict[str, Rendered] = field(default_factory=dict)

    @property
    def layout(self) -> Layout:
        """The leaflet's layout (handout or booklet)."""
        return LAYOUTS[self.selection.leaflet.definition.format]

    @property
    def paper(self) -> Paper:
        """The paper this edition prints on."""
        return self.edition.paper_for(self.selection.leaflet.definition.paper)

    @property
    def project_root(self) -> Path:
        """The project folder: the only place a render may read files from."""
        return self.selection.project_root

    def render_options(self, **changes: object) -> RenderOptions:
        """The HTML renderer's options for this job, with any changes."""
        options = RenderOptions(
            edition=self.edition,
            today=self.options.today,
            under_review=self.options.under_review,
            contents_min_pages=self.options.contents_min_pages,
            made_in=sentence_names(self.made_in()),
        )
        return replace(options, **changes)  # type: ignore[arg-type]

    def html(self, options: RenderOptions | None = None) -> str:
        """The leaflet's HTML for this edition."""
        return render_html(self.selection, options or self.render_options(), self.environment)

    def stylesheets(self) -> list[Path]:
        """The edition's and the layout's stylesheets, in cascade order."""
        names = [*self.edition.stylesheets, self.layout.stylesheet]
        return [self.styles_dir / name for name in names]

    def made_in(self) -> list[tuple[OutputFormat, Edition]]:
        """Every (format, edition) this job's leaflet is made in (for its list of formats)."""
        return made_in(self.selection.leaflet.definition, self.formats)

    def output(self, name: str) -> Rendered:
        """Another format's output for this job, made once."""
        if name not in self._made:
            self._made[name] = self.formats[name].render(self)
        return self._made[name]


def made_in(definition: LeafletDefinition, formats: Mapping[str, OutputFormat]
            ) -> list[tuple[OutputFormat, Edition]]:
    """Every (format, edition) a leaflet is made in, in the order of ``formats``.

    Its ``formats:`` (all by default), for each of its editions the format is offered in.
    """
    layout = LAYOUTS[definition.format]
    chosen = definition.formats or list(formats)
    return [(output, EDITIONS[variant]) for name, output in formats.items() if name in chosen
            for variant in definition.variants if output.offered(layout, EDITIONS[variant])]
