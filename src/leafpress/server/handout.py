"""A handout request (from the JSON API or the studio's form) and the definition it becomes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from leafpress.errors import InputError, Problem
from leafpress.project.contacts import load_profile, text_problem
from leafpress.project.validation import validate
from leafpress.project.yamlload import YamlDocument

#: How a handout request is named in messages (it has no file, so fields are named instead).
REQUEST_LABEL = Path("handout request")
Short = Annotated[str, Field(min_length=1, max_length=120)]
SLUG = re.compile(r"[^a-z0-9]+")
_HEADING_FIELD = re.compile(r"sections\[(\d+)\]\.heading")
_FIELD_PARTS = re.compile(r"[.\[]")


class SectionChoice(BaseModel):
    """One chosen section, with an optional heading of the handout's own."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: Annotated[str, Field(min_length=1, max_length=80)]
    heading: Short | None = None


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

    def __init__(self, problems: list[Problem], usable: HandoutRequest | None) -> None:
        super().__init__(problems)
        self.usable = usable
        """The request without its wrong parts (None if its sections were wrong)."""


def parse_request(data: Any) -> HandoutRequest:
    """Validate a request's data; every problem is located by its field.

    Raises RequestProblems, whose ``usable`` request lets the studio look up the rest
    (section ids, contacts profile, edition) so that every problem is reported at once.
    """
    document = YamlDocument(path=REQUEST_LABEL, data=data)
    if not isinstance(data, dict):
        raise RequestProblems([Problem(
            REQUEST_LABEL, None, None, "a handout request must be a JSON object",
            'Send {"sections": ["section-id", ...]}; see docs/studio.md.')], None)
    try:
        request = validate(HandoutRequest, document)
    except InputError as error:
        raise RequestProblems(error.problems, _usable(data, error.problems)) from None
    problems = [document.problem(at, f"{'.'.join(map(str, at))}: {found[0]}", found[1])
                for at, value in _free_text(request)
                if (found := text_problem(value)) is not None]
    if problems:
        raise RequestProblems(problems, _usable(request.model_dump(), problems))
    return request


def _usable(data: dict[str, Any], problems: list[Problem]) -> HandoutRequest | None:
    """``data`` without the fields ``problems`` name: a wrong heading, or a whole key."""
    kept = dict(data)
    for problem in problems:
        where = problem.field or ""
        heading = _HEADING_FIELD.fullmatch(where)
        sections = kept.get("sections")
        if heading and isinstance(sections, list) and int(heading[1]) < len(sections):
            index = int(heading[1])
            choice = sections[index]
            kept["sections"] = [*sections[:index], {**choice, "heading": None}
                                if isinstance(choice, dict) else choice, *sections[index + 1:]]
        else:
            kept.pop(_FIELD_PARTS.split(where, maxsplit=1)[0], None)
    if "sections" not in kept:
        return None
    try:
        return HandoutRequest.model_validate(kept)
    except ValidationError:
        return None


def _free_text(request: HandoutRequest) -> list[tuple[tuple[Any, ...], str]]:
    texts: list[tuple[tuple[Any, ...], str]] = [(("title",), request.title),
                                                (("note",), request.note)]
    for index, choice in enumerate(request.sections):
        texts.append((("sections", index, "id"), choice.id))
        if choice.heading:
            texts.append((("sections", index, "heading"), choice.heading))
    return texts


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
    if request.note and isinstance(contacts, str):
        contacts = load_profile(contacts, root).model_dump()
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
