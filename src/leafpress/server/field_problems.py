"""The studio's problems in a nurse's words, each tied to the form field it is about."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leafpress.errors import Problem
from leafpress.server.state import PageState

_SECTION = re.compile(r"sections\[(\d+)\](\.heading)?")
_FIELD_PREFIX = re.compile(r"^(?:title|note|contacts|start_from|sections[\w.\[\]]*): ")
_TOO_LONG = re.compile(r"String should have at most (\d+) characters?")
_LABELS = {"title": "Title", "note": "Note for this handout", "contacts": "Contacts profile",
           "start_from": "Start from a leaflet", "sections": "Sections"}
#: Hints written for the API and the command line, and what the studio says instead.
_STUDIO_HINTS = {
    "GET /api/sections": "Remove it, then choose a section from the library on this page.",
    "see docs/ for what is allowed": "",
}


@dataclass(frozen=True)
class FieldProblem:
    """One problem as the studio shows it: the field's id and name, what is wrong, what to do."""

    field: str | None
    """The id of the form control (or section) it is about; None for the whole handout."""
    label: str
    message: str
    hint: str


def _field(problem: Problem, state: PageState, names: Mapping[str, str]
           ) -> tuple[str | None, str, str]:
    """The control's id, its name on the page, and the value the nurse typed there."""
    path = problem.field or ""
    match = _SECTION.match(path)
    if match:
        index = int(match.group(1))
        section_id = state.sections[index][0] if index < len(state.sections) else ""
        name = f"section {index + 1} (“{names.get(section_id, section_id)}”)"
        if match.group(2):
            typed = state.sections[index][1] if index < len(state.sections) else ""
            return f"h-{index}", f"Heading for {name}", typed
        return f"section-{index}", name[:1].upper() + name[1:], ""
    if path in _LABELS:
        typed = {"title": state.title, "note": state.note}.get(path, "")
        return ("handout" if path == "sections" else path), _LABELS[path], typed
    return None, "", ""


def _message(problem: Problem, typed: str) -> str:
    message = _FIELD_PREFIX.sub("", problem.message)  # the label says which field
    too_long = _TOO_LONG.fullmatch(message)
    if too_long:
        return (f"is too long: {len(typed)} characters. Shorten it to "
                f"{too_long.group(1)} or fewer.")
    if message.startswith("unknown section id "):
        return "is not in the library"
    if message == "the leaflet has no sections":
        return "your handout has no sections yet"
    return message


def _hint(problem: Problem) -> str:
    for api_words, studio_words in _STUDIO_HINTS.items():
        if api_words in problem.hint:
            return studio_words
    return problem.hint


def for_studio(problems: Sequence[Problem], state: PageState,
               names: Mapping[str, str]) -> list[FieldProblem]:
    """``problems`` in the studio's words; ``names`` gives each section id its title."""
    shown = []
    for problem in problems:
        field, label, typed = _field(problem, state, names)
        message = _message(problem, typed) if field else problem.message
        shown.append(FieldProblem(field, label, message, _hint(problem)))
    return shown
