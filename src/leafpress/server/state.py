"""The studio page's handout, carried in the address and the form: nothing is stored."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import ImmutableMultiDict

from leafpress.server.handout import HandoutRequest, parse_request

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
        """The state sent by the page (as query parameters or as a form)."""
        ids = [v for v in values.getlist("s") if isinstance(v, str)]
        headings = [v for v in values.getlist("h") if isinstance(v, str)]
        headings += [""] * (len(ids) - len(headings))
        return cls(_text(values, "title", DEFAULT_TITLE), tuple(zip(ids, headings, strict=False)),
                   _text(values, "contacts"), _text(values, "note"),
                   _text(values, "edition", "standard"), _text(values, "q"),
                   _text(values, "start_from"))

    def with_sections(self, sections: list[tuple[str, str]]) -> PageState:
        """The same handout with other sections."""
        return replace(self, sections=tuple(sections))

    def params(self, *, with_query: bool = True) -> list[tuple[str, str]]:
        """The state as (name, value) pairs for an address or hidden fields."""
        pairs = [("title", self.title)]
        for section_id, heading in self.sections:
            pairs += [("s", section_id), ("h", heading)]
        pairs += [("contacts", self.contacts), ("note", self.note), ("edition", self.edition),
                  ("start_from", self.start_from)]
        if with_query:
            pairs.append(("q", self.query))
        return [(name, value) for name, value in pairs if value]

    def address(self, fragment: str = "") -> str:
        """The studio page showing this handout."""
        return "/?" + urlencode(self.params()) + (f"#{fragment}" if fragment else "")

    def preview_address(self) -> str:
        """The web preview of this handout."""
        return "/preview?" + urlencode(self.params(with_query=False))

    def request(self, edition: str | None = None, output: str = "pdf") -> HandoutRequest:
        """The handout request this state asks for (validated, located by field)."""
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
        return parse_request(data)
