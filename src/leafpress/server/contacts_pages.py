"""The contacts page: see every team's profile and add a new one (never replacing one)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from leafpress.errors import InputError, Problem
from leafpress.project.contacts import Contacts, contacts_dir, load_profile, profile_names
from leafpress.project.validation import validate
from leafpress.project.yamlload import YamlDocument
from leafpress.server.pages import FORM_TYPES, page
from leafpress.server.security import CSRF_FIELD, csrf_ok
from leafpress.server.studio import Studio
from leafpress.store.atomic import write_atomic

FIELDS = ["team", "hospital", "nurse_phone", "nurse_hours", "helpline_name", "helpline_phone",
          "note"]
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _root(request: Request) -> Path:
    studio: Studio = request.app.state.studio
    return studio.root


def _listing(root: Path) -> list[tuple[str, Contacts | None, list[Problem]]]:
    found: list[tuple[str, Contacts | None, list[Problem]]] = []
    for name in profile_names(root):
        try:
            found.append((name, load_profile(name, root), []))
        except InputError as error:
            found.append((name, None, error.problems))
    return found


def contacts_page(request: Request, *, status: int = 200, values: dict[str, str] | None = None,
                  problems: list[Problem] | None = None) -> Response:
    """GET /contacts: every profile, and a form for a new one."""
    root = _root(request)
    saved = request.query_params.get("saved", "")
    return page(request, "contacts.html.j2", status, profiles=_listing(root),
                folder=contacts_dir(root).relative_to(root), values=values or {},
                problems=problems or [], fields=FIELDS,
                message=f"Saved the profile '{saved}'." if _NAME.match(saved) else "")


async def show_contacts(request: Request) -> Response:
    """GET /contacts."""
    return contacts_page(request)


async def add_contacts(request: Request) -> Response:
    """POST /contacts: check a new profile like a file, then write it."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in FORM_TYPES:
        return page(request, "message.html.j2", 415, heading="Unsupported request",
                    text=f"This address takes a form, not '{kind or 'nothing'}'.")
    form = await request.form(max_files=0, max_fields=40)
    sent = form.get(CSRF_FIELD, "")
    if not csrf_ok(request, sent if isinstance(sent, str) else ""):
        return page(request, "message.html.j2", 403, heading="Please try again",
                    text="This form has expired or came from another site, so nothing was "
                    "done. Go back, reload the page and try again.")
    values = {key: value.strip() for key in ["name", *FIELDS]
              if isinstance(value := form.get(key, ""), str)}
    root = _root(request)
    try:
        target = _save(root, values)
    except InputError as error:
        return contacts_page(request, status=422, values=values, problems=error.problems)
    return RedirectResponse(f"/contacts?saved={target.stem}", 303)


def _save(root: Path, values: dict[str, str]) -> Path:
    name = values.get("name", "")
    folder = contacts_dir(root)
    if not _NAME.match(name) or len(name) > 60:
        raise InputError([Problem(folder, None, None, f"'{name}' cannot be a profile name",
                                  "Use lower-case letters, digits and single hyphens, such "
                                  "as 'breast-unit-st-elsewhere'.", field="name")])
    target = folder / f"{name}.yaml"
    if target.exists():
        raise InputError([Problem(target, None, None, f"a profile called '{name}' already "
                                  "exists", "Choose another name: saving never replaces a "
                                  "profile. Edit the file to change it.", field="name")])
    data: dict[str, Any] = {key: values[key] for key in FIELDS if values.get(key)}
    validate(Contacts, YamlDocument(path=target, data=data))
    text = ("# A contacts profile made in the leafpress studio (see docs/studio.md).\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    write_atomic(target, text.encode("utf-8"))
    return target
