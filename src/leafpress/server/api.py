"""The JSON API: POST /api/handouts returns the file, or 4xx with located messages."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from leafpress.errors import InputError
from leafpress.server import library_view
from leafpress.server.handout import HandoutRequest
from leafpress.server.responses import problems_response, single
from leafpress.server.studio import AuditFailedError, Studio


def _studio(request: Request) -> Studio:
    studio: Studio = request.app.state.studio
    return studio


async def _json_body(request: Request) -> Any:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise _Refused(single(415, "unsupported media type",
                              f"expected Content-Type application/json, got '{kind or 'none'}'",
                              "Send the handout request as JSON; see docs/studio.md."))
    raw = await request.body()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        where = (f" at line {error.lineno}, column {error.colno}"
                 if isinstance(error, json.JSONDecodeError) else "")
        raise _Refused(single(400, "malformed JSON", f"the body is not valid JSON{where}",
                              "Check quotes, commas and brackets; send UTF-8.")) from None
    if _depth(data) > MOST_NESTING:
        raise _Refused(single(400, "JSON nested too deeply",
                              f"the body nests lists or objects more than {MOST_NESTING} deep",
                              "A handout request needs three levels at most; see "
                              "docs/studio.md."))
    return data


#: Deepest nesting of lists and objects a request may have (a handout request has three).
MOST_NESTING = 16


def _depth(data: Any) -> int:
    """How deeply ``data`` nests lists and objects, counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            if depth <= MOST_NESTING:  # no need to look deeper than the limit
                stack += [(item, depth + 1) for item in
                          (value.values() if isinstance(value, dict) else value)]
    return deepest


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__("refused")
        self.response = response


async def create_handout(request: Request) -> Response:
    """Make a handout from a JSON request and return the file."""
    studio = _studio(request)
    try:
        handout = studio.request(await _json_body(request))
        produced = await studio.produce(handout, "api")
    except _Refused as refused:
        return refused.response
    except InputError as error:
        return problems_response(422, "the handout cannot be made", error.problems)
    except AuditFailedError as error:
        return problems_response(500, "the file failed its accessibility audit", error.problems)
    return Response(produced.data, media_type=produced.media_type, headers={
        "Content-Disposition": f'attachment; filename="{produced.filename}"',
        "X-Leafpress-Log-Entry": str(produced.log_number),
        "X-Leafpress-Pages": str(produced.pages or "")})


async def handout_schema(request: Request) -> Response:
    """The JSON schema of a handout request."""
    return JSONResponse(HandoutRequest.model_json_schema())


async def list_sections(request: Request) -> Response:
    """GET /api/sections[?q=words]: the sections a handout can use, as the studio lists them."""
    today = dt.date.today()
    cards = library_view.cards(_studio(request).project, today)
    query = request.query_params.get("q", "")[:200]
    if query.strip():
        cards = library_view.search(cards, query)
    return JSONResponse({"sections": [{
        "id": card.id, "title": card.title, "summary": card.summary,
        "used_by": list(card.used_by), "reading_ease": card.reading_ease,
        "draft": card.draft, "next_review": card.next_review.isoformat(),
        "overdue": card.overdue,
        "can_be_added": not card.overdue,
    } for card in cards]})
