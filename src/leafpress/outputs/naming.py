"""How each format is named to readers: declared by the format, worded here for every list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from leafpress.editions import Edition


@dataclass(frozen=True)
class ReaderNames:
    """A format's names for readers.

    ``{edition}`` stands for the edition ("large print"), ``{Edition}`` for the same with
    a capital letter; formats made once, from the primary edition, do not use it.
    """

    in_sentence: str
    """In print's end section: "This leaflet is made in …, a web page and audio."."""
    in_list: str
    """In the list of formats at the end of the text, braille, Word and audio versions."""
    described: str
    """In the web page's and EPUB's list, before the file's name in brackets."""


class NamedFormat(Protocol):
    """What naming needs of an output format."""

    @property
    def reader_names(self) -> ReaderNames | None:
        """Its names, or None for a file that is not for readers (the printer's)."""
        ...

    def filename(self, edition: Edition) -> str:
        """The file it writes for ``edition``."""
        ...


#: The (format, edition) pairs a leaflet is made in (outputs.made_in, RenderJob.made_in).
MadeIn = Sequence[tuple[NamedFormat, Edition]]


def _worded(text: str, edition: Edition) -> str:
    name = edition.label or "standard print"
    return text.format(edition=name.lower(), Edition=name[:1].upper() + name[1:])


def _each_once(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def sentence_names(made: MadeIn) -> tuple[str, ...]:
    """The forms a leaflet is made in, as print's end section names them, each once."""
    return _each_once([_worded(output.reader_names.in_sentence, edition)
                       for output, edition in made if output.reader_names])


def list_names(made: MadeIn) -> tuple[str, ...]:
    """The formats a leaflet is made in, for the list at the end of a one-file format."""
    return _each_once([_worded(output.reader_names.in_list, edition)
                       for output, edition in made if output.reader_names])


def described_files(made: MadeIn) -> tuple[str, ...]:
    """Every file made for a leaflet that a reader can use, described, with its name."""
    return _each_once([f"{_worded(output.reader_names.described, edition)} "
                       f"({output.filename(edition)})"
                       for output, edition in made if output.reader_names])
