"""The studio's HTML pages: build a handout with plain forms, preview it, download it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from leafpress.editions import EDITIONS, LAYOUTS
from leafpress.errors import InputError, Problem
from leafpress.outputs import FORMATS
from leafpress.project.contacts import Contacts, load_profile, profile_names
from leafpress.server import auditlog, library_view
from leafpress.server.field_problems import for_studio
from leafpress.server.handout import REQUEST_LABEL
from leafpress.server.security import CSRF_FIELD, csrf_ok, csrf_token, set_csrf_cookie
from leafpress.server.state import PageState
from leafpress.server.studio import AuditFailedError, Studio

TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("leafpress.server", "templates"), autoescape=True,
    undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
#: Files the preview may load from the project, by suffix.
PREVIEW_FILES = {".css", ".svg", ".png", ".jpg", ".jpeg", ".woff", ".woff2", ".ttf", ".otf"}
PREVIEW_FOLDERS = ("styles", "content", "leaflets")


def _studio(request: Request) -> Studio:
    studio: Studio = request.app.state.studio
    return studio


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a studio page, with the CSRF token its forms need."""
    token = csrf_token(request)
    html = TEMPLATES.get_template(template).render(csrf_field=CSRF_FIELD, csrf=token,
                                                   **context)
    response = HTMLResponse(html, status_code=status)
    set_csrf_cookie(response, token)
    return response


def _profiles(root: Path) -> dict[str, Contacts | None]:
    found: dict[str, Contacts | None] = {}
    for name in profile_names(root):
        try:
            found[name] = load_profile(name, root)
        except InputError:
            found[name] = None
    return found


def other_formats() -> dict[str, str]:
    """Formats besides the PDF that a handout (an A4 leaflet) gets: name, and a reader's name."""
    layout = LAYOUTS["leaflet"]
    return {name: re.sub(r" \(.*\)$", "", output.reader_names.in_list)
            for name, output in FORMATS.items()
            if name != "pdf" and output.reader_names
            and any(output.offered(layout, edition) for edition in EDITIONS.values())}


#: Every studio page holds the handout being built: no cache, no copy on disk.
NOT_STORED = {"Cache-Control": "no-store"}


@dataclass(frozen=True)
class Outcome:
    """What the studio page says after a button: problems, a message, where focus goes."""

    problems: list[Problem] = field(default_factory=list)
    message: str = ""
    focus: str = ""
    """The id of the element the page focuses (and scrolls to) when it loads."""
    undo: PageState | None = None
    """The handout before "Use this leaflet's sections" replaced it, to bring back."""


def studio_page(request: Request, state: PageState, outcome: Outcome = Outcome(),
                status: int = 200) -> HTMLResponse:
    """The studio: the library on one side, the handout being built and its preview on the other.

    The handout lives only in this page's form: each change posts it and gets this page
    back (never a redirect to an address holding it), and the preview is written into
    the page (``srcdoc``) instead of being fetched from an address. The page focuses the
    element the change was about (``autofocus``), so the nurse sees what it did.
    """
    studio = _studio(request)
    project = studio.project
    today = dt.date.today()
    cards = library_view.cards(project, today)
    chosen = {section_id for section_id, _ in state.sections}
    by_id = {card.id: card for card in cards}
    names = {card.id: card.title for card in cards}
    preview, preview_problems = _preview_or_problems(studio, state)
    problems = for_studio(outcome.problems, state, names)
    in_preview = for_studio(preview_problems, state, names) if not problems else []
    focus = outcome.focus
    if problems:
        focus = "problems"
    elif in_preview and focus == "preview":
        focus = "preview-problems"
    response = page(
        request, "studio.html.j2", status, state=state,
        cards=library_view.search(cards, state.query), total=len(cards), chosen=chosen,
        by_id=by_id, profiles=_profiles(studio.root), leaflets=project.leaflets,
        editions=EDITIONS, other_formats=other_formats(),
        reload_problems=studio.reload_problems, problems=problems, message=outcome.message,
        preview_problems=in_preview, preview=preview,
        marked={p.field: p for p in problems or in_preview if p.field},
        focus=focus, undo=outcome.undo)
    response.headers.update(NOT_STORED)
    return response


async def home(request: Request) -> Response:
    """GET /: the studio (a link may name sections to start with, as ``/?s=receptors``)."""
    return studio_page(request, PageState.read(request.query_params))


def _changed(state: PageState, action: str) -> tuple[PageState, str]:
    """The handout after an add, move or remove button, and the element to focus."""
    verb, _, argument = action.partition(":")
    sections = list(state.sections)
    focus = "handout"
    if verb == "add" and argument and argument not in {s for s, _ in sections}:
        sections.append((argument, ""))
        focus = f"card-{argument}"
    elif verb in ("up", "down", "remove") and argument.isdigit() and int(argument) < len(sections):
        index = int(argument)
        other = index - 1 if verb == "up" else index + 1
        if verb == "remove":
            del sections[index]
            focus = f"section-{min(index, len(sections) - 1)}" if sections else "handout"
        elif 0 <= other < len(sections):
            sections[index], sections[other] = sections[other], sections[index]
            at_edge = other in (0, len(sections) - 1)
            focus = f"section-{other}" if at_edge else f"{verb}-{other}"
    return state.with_sections(sections), focus


def _refuse_overdue_add(studio: Studio, action: str) -> list[Problem]:
    verb, _, argument = action.partition(":")
    if verb != "add":
        return []
    card = next((c for c in library_view.cards(studio.project, dt.date.today())
                 if c.id == argument), None)
    if card is None:
        return [Problem(REQUEST_LABEL, None, None,
                        f"unknown section id '{argument}'", "Choose a section from the list.")]
    if card.overdue:
        return [Problem(REQUEST_LABEL, None, None,
                        f"section '{argument}' is overdue for review (next review was "
                        f"{card.next_review_text}), so it cannot be added",
                        "Choose another section, or ask for it to be reviewed.")]
    return []


async def _posted_form(request: Request) -> FormData | HTMLResponse:
    """The studio's form as posted, or the page refusing it (not a form, or no valid token)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in FORM_TYPES:
        return page(request, "message.html.j2", 415, heading="Unsupported request",
                    text=f"This address takes a form, not '{kind or 'nothing'}'.")
    form = await request.form(max_files=0, max_fields=400)
    sent = form.get(CSRF_FIELD, "")
    if not csrf_ok(request, sent if isinstance(sent, str) else ""):
        return page(request, "message.html.j2", 403, heading="Please try again",
                    text="This form has expired or came from another site, so nothing was "
                    "done. Go back to the studio, reload the page and try again.")
    return form


def _pressed(form: FormData, state: PageState) -> str:
    """The button pressed; "enter" (Enter in a text box) is a search or an update.

    Enter presses the form's first button, a hidden one: the studio searches when the
    search words changed, and updates the preview otherwise.
    """
    action = form.get("action", "update")
    action = action if isinstance(action, str) else "update"
    if action == "enter":
        shown = form.get("shown_q", "")
        return "search" if state.query != (shown if isinstance(shown, str) else "") else "update"
    return action


async def handout_action(request: Request) -> Response:
    """POST /handout: change the handout, download it, or save it as a definition."""
    form = await _posted_form(request)
    if isinstance(form, HTMLResponse):
        return form
    state = PageState.read(form)
    action = _pressed(form, state)
    studio = _studio(request)
    try:
        if action.startswith("pdf:"):
            return await _download(studio, state, action.removeprefix("pdf:"))
        if action.startswith("format:"):
            edition = next(e.name for e in EDITIONS.values() if e.primary)
            return await _download(studio, state, edition, action.removeprefix("format:"))
        if action == "save":
            save_id = form.get("save_id", "")
            target = studio.save(studio.request(state.request_data()),
                                 save_id if isinstance(save_id, str) else "")
            return studio_page(request, state, Outcome(
                message=f"Saved as leaflets/{target.name}. It builds with make.", focus="status"))
        if action == "start":
            started = _start_from(studio, state)
            return studio_page(request, started, Outcome(
                message=f"Your handout now has the {len(started.sections)} sections of "
                f"“{started.title}”.", focus="status", undo=state if state.sections else None))
    except InputError as error:
        return studio_page(request, state, Outcome(error.problems), 422)
    except AuditFailedError as error:
        return studio_page(request, state, Outcome(error.problems), 500)
    if action == "undo":
        return studio_page(request, state.undone(form), Outcome(focus="handout"))
    if action in ("search", "update"):
        return studio_page(request, state, Outcome(
            focus="results" if action == "search" else "preview"))
    refused = _refuse_overdue_add(studio, action)
    if refused:
        return studio_page(request, state, Outcome(refused), 422)
    changed, focus = _changed(state, action)
    return studio_page(request, changed, Outcome(focus=focus))


def _start_from(studio: Studio, state: PageState) -> PageState:
    leaflet = studio.start_leaflet(state.start_from)
    sections = [(use.id, use.heading or "") for use in leaflet.definition.sections]
    return PageState(leaflet.definition.title, tuple(sections), state.contacts, state.note,
                     state.edition, state.query, state.start_from)


async def _download(studio: Studio, state: PageState, edition: str, output: str = "pdf"
                    ) -> Response:
    produced = await studio.produce(studio.request(state.request_data(edition, output)), "studio")
    return Response(produced.data, media_type=produced.media_type, headers={
        "Content-Disposition": f'attachment; filename="{produced.filename}"',
        "X-Leafpress-Log-Entry": str(produced.log_number)})


def _preview_html(studio: Studio, state: PageState) -> str:
    """The handout as a web page, from the same HTML the PDF is made from.

    Stylesheets, fonts and images come from ``/project-file/``. A handout that cannot be
    made yet raises InputError: the studio page lists its problems by field, and the
    preview's own tab shows them on a page of their own.
    """
    request_ = studio.request(state.request_data())
    mapping = studio.definition(request_)
    html, sheets = studio.project.print_html(mapping, request_.edition)
    root = studio.root
    links = "".join(f'<link rel="stylesheet" href="/project-file/{sheet.relative_to(root)}">'
                    for sheet in sheets if sheet.is_relative_to(root))
    links += '<link rel="stylesheet" href="/static/preview.css">'  # narrow screens
    return html.replace(root.as_uri() + "/", "/project-file/").replace("</head>", links
                                                                         + "</head>", 1)


def _preview_or_problems(studio: Studio, state: PageState) -> tuple[str, list[Problem]]:
    """The preview for the studio page, or (when it cannot be made) its problems."""
    if not state.sections:
        return "", []
    try:
        return _preview_html(studio, state), []
    except InputError as error:
        return "", error.problems


async def preview(request: Request) -> Response:
    """/preview: the handout as a web page on its own (posted by the studio's form)."""
    studio = _studio(request)
    if request.method == "POST":
        form = await _posted_form(request)
        if isinstance(form, HTMLResponse):
            return form
        state = PageState.read(form)
    else:
        state = PageState.read(request.query_params)
    if not state.sections:
        return page(request, "message.html.j2", 200, heading="Nothing to preview yet",
                    text="Add a section from the library to see your handout here.")
    try:
        html, status = _preview_html(studio, state), 200
    except InputError as error:
        html, status = TEMPLATES.get_template("preview-problems.html.j2").render(
            problems=error.problems), 422
    return HTMLResponse(html, status, headers={
        **NOT_STORED, "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
        "style-src 'self' 'unsafe-inline'"})


async def project_file(request: Request) -> Response:
    """A stylesheet, font or image the preview uses; nothing outside those folders."""
    root = _studio(request).root
    wanted = (root / request.path_params["path"]).resolve()
    allowed = any(wanted.is_relative_to(root / folder) for folder in PREVIEW_FOLDERS)
    if not (allowed and wanted.suffix.lower() in PREVIEW_FILES and wanted.is_file()):
        return page(request, "message.html.j2", 404, heading="Not found",
                    text="There is no such file for the preview.")
    return FileResponse(wanted)


async def log_page(request: Request) -> Response:
    """GET /log: the governance log, newest first."""
    rows = list(reversed(auditlog.entries(_studio(request).root)))[:200]
    return page(request, "log.html.j2", rows=rows, sections_text=auditlog.sections_text)
