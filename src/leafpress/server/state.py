"""The studio page's handout, carried only in the page's form: never in an address, never stored."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from starlette.datastructures import ImmutableMultiDict

DEFAULT_TITLE = "Information for you"


MultiValues = ImmutableMultiDict[str, Any]


def _text(values: MultiValues, name: str, default: str = "") -> str:
    value = values.get(name, default)
    return value if isinstance(value, str) else default


@dataclass(frozen=True)
class PageState:
    """The handout being built: title, sections with headings, contacts and edition."""

    title: str = DEFAULT_TITLE
    sections: tuple[tuple[str, str], ...] = ()
    contacts: str = ""
    note: str = ""
    edition: str = "standard"
    query: str = ""
    start_from: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, values: MultiValues) -> PageState:
        """The state sent by the page's form (or, for a link into the studio, an address).

        The studio never writes a handout into an address: its title, headings and note
        would stay in the browser's history and the server's access log.
        """
        ids = [v for v in values.getlist("s") if isinstance(v, str)]
        headings = [v for v in values.getlist("h") if isinstance(v, str)]
        headings += [""] * (len(ids) - len(headings))
        return cls(_text(values, "title", DEFAULT_TITLE), tuple(zip(ids, headings, strict=False)),
                   _text(values, "contacts"), _text(values, "note"),
                   _text(values, "edition", "standard"), _text(values, "q"),
                   _text(values, "start_from"))

    def undone(self, values: MultiValues) -> PageState:
        """The title and sections a leaflet replaced, sent back by the page's Undo button."""
        ids = [v for v in values.getlist("undo_s") if isinstance(v, str)]
        headings = [v for v in values.getlist("undo_h") if isinstance(v, str)]
        headings += [""] * (len(ids) - len(headings))
        return replace(self, title=_text(values, "undo_title", DEFAULT_TITLE),
                       sections=tuple(zip(ids, headings, strict=False)), start_from="")

    def with_sections(self, sections: list[tuple[str, str]]) -> PageState:
        """The same handout with other sections."""
        return replace(self, sections=tuple(sections))

    def request_data(self, edition: str | None = None, output: str = "pdf") -> dict[str, Any]:
        """The handout request this state asks for, as data (Studio.request checks it)."""
        data: dict[str, Any] = {
            "title": self.title or DEFAULT_TITLE,
            "sections": [{"id": i, **({"heading": h} if h.strip() else {})}
                         for i, h in self.sections],
            "edition": edition or self.edition,
            "format": output,
        }
        if self.contacts:
            data["contacts"] = self.contacts
        if self.note.strip():
            data["note"] = self.note
        if self.start_from:
            data["start_from"] = self.start_from
        return data
