"""Problems as the API and the pages return them: the CLI's located messages, with a status."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from leafpress.errors import Problem
from leafpress.server.handout import REQUEST_LABEL


def problem_json(problem: Problem) -> dict[str, Any]:
    """One problem as JSON: where, what, what to do, and the CLI's line."""
    return {"location": problem.location(), "field": problem.field,
            "message": problem.message, "hint": problem.hint, "text": str(problem)}


def problems_response(status: int, error: str, problems: list[Problem]) -> JSONResponse:
    """A 4xx (or 5xx) JSON answer listing every problem."""
    return JSONResponse({"error": error, "problems": [problem_json(p) for p in problems]},
                        status_code=status)


def single(status: int, error: str, message: str, hint: str = "") -> JSONResponse:
    """A JSON answer with one problem about the request itself."""
    return problems_response(status, error,
                             [Problem(REQUEST_LABEL, None, None, message, hint)])
