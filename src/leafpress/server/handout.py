"""A handout request (from the JSON API or the studio's form) and the definition it becomes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from leafpress.errors import InputError, Problem
from leafpress.project.contacts import load_profile, text_problem
from leafpress.project.validation import validate
from leafpress.project.yamlload import YamlDocument, dotted

#: How a handout request is named in messages (it has no file, so fields are named instead).
REQUEST_LABEL = Path("handout request")
Short = Annotated[str, Field(min_length=1, max_length=120)]
SLUG = re.compile(r"[^a-z0-9]+")
_SECTION_FIELD = re.compile(r"sections\[(\d+)\](?:\.(\w+))?")
_FIELD_PARTS = re.compile(r"[.\[]")


class SectionChoice(BaseModel):
    """One chosen section, with an optional heading of the handout's own."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: Annotated[str, Field(min_length=1, max_length=80)]
    heading: Short | None = None

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value: Any) -> Any:
        if not isinstance(value, dict):  # a string id was made an object already
            raise ValueError('expected a section id, such as "receptors", or an object '
                             'such as {"id": "receptors", "heading": "Your receptors"}')
        return value


class HandoutRequest(BaseModel):
    """What a nurse asks for: sections, headings, edition, format and local contacts."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: Short = "Information for you"
    sections: list[SectionChoice] = Field(max_length=60)
    edition: str = "standard"
    format: str = "pdf"
    contacts: Annotated[str, Field(max_length=80)] | dict[str, Any] | None = None
    """A contacts profile name (leaflets/contacts/NAME.yaml) or the details themselves."""
    note: Annotated[str, Field(max_length=300)] = ""
    """A short note for this handout, in place of the profile's note."""
    start_from: Annotated[str, Field(max_length=80)] | None = None
    """A leaflet whose publisher, audience and language the handout takes."""

    @field_validator("sections", mode="before")
    @classmethod
    def _ids_as_choices(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"id": item} if isinstance(item, str) else item for item in value]
        return value


class RequestProblems(InputError):
    """A request's own problems, and what of it can still be checked against the project."""

    def __init__(self, problems: list[Problem], usable: HandoutRequest | None,
                 positions: tuple[int, ...] = ()) -> None:
        super().__init__(problems)
        self.usable = usable
        """The request without its wrong parts (None if nothing of its sections is left)."""
        self.positions = positions
        """Where each of ``usable``'s sections is in the request (wrong ones are left out)."""


def parse_request(data: Any) -> HandoutRequest:
    """Validate a request's data; every problem is located by its field.

    Raises RequestProblems, whose ``usable`` request lets the studio look up the rest
    (section ids, contacts profile, edition) so that every problem is reported at once.
    Free text (title, note, section ids and headings) is checked for markup and patient
    data even when the request's shape is wrong.
    """
    document = YamlDocument(path=REQUEST_LABEL, data=data)
    if not isinstance(data, dict):
        raise RequestProblems([Problem(
            REQUEST_LABEL, None, None, "a handout request must be a JSON object",
            'Send {"sections": ["section-id", ...]}; see docs/studio.md.')], None)
    try:
        request = validate(HandoutRequest, document)
    except InputError as error:  # a text both too long and holding markup is told both
        problems = [*error.problems, *_text_problems(document, data)]
        raise RequestProblems(problems, *_usable(data, problems)) from None
    problems = _text_problems(document, request.model_dump())
    if problems:
        raise RequestProblems(problems, *_usable(request.model_dump(), problems))
    return request


def _text_problems(document: YamlDocument, data: dict[str, Any]) -> list[Problem]:
    """Markup or patient data in the free text of ``data``, whatever its shape."""
    texts: list[tuple[tuple[str | int, ...], str]] = [
        ((key,), data[key]) for key in ("title", "note") if isinstance(data.get(key), str)]
    sections = data.get("sections")
    for index, item in enumerate(sections if isinstance(sections, list) else []):
        if isinstance(item, str):
            texts.append((("sections", index, "id"), item))
        elif isinstance(item, dict):
            texts += [(("sections", index, key), item[key]) for key in ("id", "heading")
                      if isinstance(item.get(key), str)]
    return [document.problem(at, f"{dotted(at)}: {found[0]}", found[1])
            for at, value in texts if (found := text_problem(value)) is not None]


def _usable(data: dict[str, Any], problems: list[Problem]
            ) -> tuple[HandoutRequest | None, tuple[int, ...]]:
    """``data`` without what ``problems`` name (a heading, a section, a whole key).

    Also where each section left is in ``data``, so the studio can locate what it finds.
    """
    kept = dict(data)
    sections = list(data["sections"]) if isinstance(data.get("sections"), list) else []
    dropped = set()
    for problem in problems:
        where = problem.field or ""
        item = _SECTION_FIELD.fullmatch(where)
        if item and int(item[1]) < len(sections):
            index = int(item[1])
            if item[2] == "heading" and isinstance(sections[index], dict):
                sections[index] = {**sections[index], "heading": None}
            else:
                dropped.add(index)
        else:
            kept.pop(_FIELD_PARTS.split(where, maxsplit=1)[0], None)
    positions = tuple(index for index in range(len(sections)) if index not in dropped)
    if "sections" not in kept or not positions:
        return None, ()
    kept["sections"] = [sections[index] for index in positions]
    try:
        return HandoutRequest.model_validate(kept), positions
    except ValidationError:
        return None, ()


def slug(text: str) -> str:
    """An id made from a title."""
    return SLUG.sub("-", text.lower()).strip("-")[:60].strip("-") or "handout"


def definition_for(request: HandoutRequest, base: dict[str, Any], root: Path,
                   *, leaflet_id: str | None = None) -> dict[str, Any]:
    """The leaflet definition mapping of a handout, on top of a base leaflet's details."""
    contacts: str | dict[str, Any] | None = request.contacts
    if request.note and contacts is None:
        raise InputError([Problem(REQUEST_LABEL, None, None, "note: a note needs contacts",
                                  "Choose a contacts profile too: the note is printed with "
                                  "the contact details.", field="note")])
    if request.note and isinstance(contacts, str):  # located as "contacts", like the rest
        contacts = load_profile(contacts, root, where=YamlDocument(REQUEST_LABEL, {})).model_dump()
    if request.note and isinstance(contacts, dict):
        contacts = {**contacts, "note": request.note}
    definition: dict[str, Any] = {
        "id": leaflet_id or slug(request.title),
        "title": request.title,
        "language": base.get("language", "en-GB"),
        "format": "leaflet",
        "paper": "A4",
        "publisher": base["publisher"],
        "product_code": "HANDOUT",
        "version": "1",
        "audience": base.get("audience", "People with secondary breast cancer"),
        "sections": [{"id": c.id, **({"heading": c.heading} if c.heading else {})}
                     for c in request.sections],
    }
    if contacts is not None:
        definition["contacts"] = contacts
    return definition
