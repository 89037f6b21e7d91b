"""The studio's problems: each tied to its field and worded for a nurse, not for the API."""

from __future__ import annotations

import pytest

from leafpress.errors import Problem
from leafpress.server.field_problems import FieldProblem, for_studio
from leafpress.server.handout import REQUEST_LABEL
from leafpress.server.state import PageState

STATE = PageState(title="T" * 130, sections=(("receptors", "H" * 125), ("nope", "")),
                  note="Seen by")
NAMES = {"receptors": "Receptors and why they matter"}
API_HINT = "The studio's library list shows every section id (the API: GET /api/sections)."


def _problem(field: str | None, message: str, hint: str = "") -> Problem:
    return Problem(REQUEST_LABEL, None, None, message, hint, field=field)


@pytest.mark.parametrize(("problem", "expected"), [
    (_problem("title", "title: String should have at most 120 characters",
              "Correct the value (see docs/ for what is allowed)."),
     FieldProblem("title", "Title", "is too long: 130 characters. Shorten it to 120 or fewer.",
                  "")),
    (_problem("sections[0].heading", "sections[0].heading: String should have at most 120 "
              "characters"),
     FieldProblem("h-0", "Heading for section 1 (“Receptors and why they matter”)",
                  "is too long: 125 characters. Shorten it to 120 or fewer.", "")),
    (_problem("sections[1].id", "unknown section id 'nope'", API_HINT),
     FieldProblem("section-1", "Section 2 (“nope”)", "is not in the library",
                  "Remove it, then choose a section from the library on this page.")),
    (_problem("sections", "sections: the leaflet has no sections", "Add one."),
     FieldProblem("handout", "Sections", "your handout has no sections yet", "Add one.")),
    (_problem("note", "note: may be patient-identifiable: it has a 10-digit number that "
              "passes the NHS number check", "Remove it."),
     FieldProblem("note", "Note for this handout", "may be patient-identifiable: "
                  "it has a 10-digit number that passes the NHS number check", "Remove it.")),
    (_problem(None, "the audit found problems", "Tell us."),
     FieldProblem(None, "", "the audit found problems", "Tell us.")),
])
def test_each_problem_is_tied_to_its_field_in_the_studios_words(
        problem: Problem, expected: FieldProblem) -> None:
    assert for_studio([problem], STATE, NAMES) == [expected]
