"""CSRF tokens for form posts and a request body size limit."""

from __future__ import annotations

import hmac
import json
import secrets

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "leafpress_csrf"
CSRF_FIELD = "csrf"
#: The largest request body accepted: a handout request is a few kilobytes.
MAX_BODY_BYTES = 64 * 1024


def csrf_token(request: Request) -> str:
    """The browser's token (from its cookie), or a new one to set."""
    existing = request.cookies.get(CSRF_COOKIE, "")
    return existing if len(existing) >= 32 else secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str) -> None:
    """Give the browser its token, for this site only."""
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def csrf_ok(request: Request, sent: str) -> bool:
    """True when the form's token matches the cookie (double submit) and the origin is ours."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != f"{request.url.scheme}://{request.url.netloc}":
        return False
    return len(cookie) >= 32 and hmac.compare_digest(cookie, sent)


def _too_large(path: str) -> Response:
    message = (f"the request is larger than {MAX_BODY_BYTES // 1024} KB; nothing was made. "
               "Shorten the note or the headings: a handout request is a few kilobytes.")
    if path.startswith("/api/"):
        body = {"error": "request too large", "problems": [
            {"location": "handout request", "message": message, "hint": "", "text": message}]}
        return Response(json.dumps(body), 413, media_type="application/json")
    return PlainTextResponse(message, 413)


class BodyLimit:
    """Refuse request bodies over the limit before any handler reads them."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Read the whole (small) body first, then hand it on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope["path"])(scope, receive, send)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(scope["path"])(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
