"""The studio's shared state and its one code path from handout request to served file."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from leafpress import __version__
from leafpress.content import governance
from leafpress.content.selection import Selection
from leafpress.engine import Project
from leafpress.errors import InputError, LeafpressError, Problem
from leafpress.project.definitions import LoadedLeaflet, leaflet_from_mapping, leaflets_dir
from leafpress.project.models import ADD_A_SECTION, LIST_SECTIONS, Id
from leafpress.project.validation import did_you_mean
from leafpress.server import auditlog
from leafpress.server.handout import (
    REQUEST_LABEL,
    HandoutRequest,
    RequestProblems,
    definition_for,
    parse_request,
)
from leafpress.server.reload import fingerprint
from leafpress.server.workers import Job, RenderPool
from leafpress.store.atomic import write_atomic

#: The project's advice names the command line and YAML; the studio's names its own page.
STUDIO_WORDS = {
    LIST_SECTIONS: "The studio's library list shows every section id (the API: GET /api/sections).",
    ADD_A_SECTION: "Add at least one section to the handout.",
}


def in_studio_words(problems: list[Problem]) -> list[Problem]:
    """The same problems, with advice a nurse (or an API client) can follow.

    A request is checked as if it were a file in leaflets/; its problems are located in
    "handout request" itself, not in a file path that does not exist. A problem that
    names a field and no file (an unknown edition) is about the request too.
    """
    def reworded(hint: str) -> str:
        for cli, studio in STUDIO_WORDS.items():
            hint = hint.replace(cli, studio)
        return hint

    def located(problem: Problem) -> Path | None:
        path = problem.path
        if path is None:
            return REQUEST_LABEL if problem.field else None
        return REQUEST_LABEL if path.name == REQUEST_LABEL.name else path

    return [dataclasses.replace(problem, path=located(problem), hint=reworded(problem.hint))
            for problem in problems]


@contextlib.contextmanager
def studio_words() -> Iterator[None]:
    """Re-raise input errors with the studio's advice (see in_studio_words)."""
    try:
        yield
    except InputError as error:
        raise InputError(in_studio_words(error.problems)) from None


_SECTION_AT = re.compile(r"^sections\[(\d+)\]")


def renumbered(problem: Problem, positions: tuple[int, ...]) -> Problem:
    """A problem found in a request with some sections left out, located in the whole one."""
    def where(text: str) -> str:
        return _SECTION_AT.sub(lambda m: f"sections[{positions[int(m[1])]}]", text)

    if problem.field is None or not _SECTION_AT.match(problem.field):
        return problem
    return dataclasses.replace(problem, field=where(problem.field),
                               message=where(problem.message))


def merged(first: list[Problem], more: list[Problem]) -> list[Problem]:
    """``first``, then each of ``more`` that says something ``first`` does not."""
    said = {problem.message for problem in first}
    fields = {problem.field for problem in first if problem.field}
    return [*first, *(problem for problem in more
                      if problem.message not in said and problem.field not in fields)]


class AuditFailedError(LeafpressError):
    """A rendered PDF failed `leafpress audit`, so it was not served (a fault, not input)."""


@dataclass(frozen=True)
class Produced:
    """A file served to the nurse, with its log entry number."""

    data: bytes
    media_type: str
    filename: str
    pages: int | None
    log_number: int


@dataclass
class Studio:
    """One running studio: the project snapshot, the render workers and reload state."""

    project: Project
    pool: RenderPool | None
    generation: int = 0
    reload_problems: list[Problem] = field(default_factory=list)
    _seen: tuple[tuple[str, int, int], ...] = ()

    @property
    def root(self) -> Path:
        """The project folder."""
        return self.project.root

    def refresh_if_changed(self) -> bool:
        """Reload when content changed; on errors keep the last good state and show them."""
        current = fingerprint(self.root)
        if current == self._seen:
            return False
        self._seen = current
        self.reload_problems = self.project.refresh()
        if not self.reload_problems:
            self.generation += 1
        return True

    def start_leaflet(self, leaflet_id: str) -> LoadedLeaflet:
        """The leaflet a handout starts from; a located problem if there is none by that id."""
        leaflets = self.project.leaflets
        if leaflet_id not in leaflets:
            raise InputError([Problem(
                REQUEST_LABEL, None, None, f"start_from: unknown leaflet '{leaflet_id}'",
                f"{did_you_mean(leaflet_id, leaflets)} Choose one from the studio's list "
                f"(known: {', '.join(sorted(leaflets)) or 'none'}).".strip(),
                field="start_from")])
        return leaflets[leaflet_id]

    def base_definition(self, request: HandoutRequest) -> dict[str, Any]:
        """The leaflet a handout takes its publisher and audience from."""
        chosen = (self.start_leaflet(request.start_from) if request.start_from
                  else next(iter(self.project.leaflets.values()), None))
        if chosen is None:
            raise InputError.single("the project has no leaflet to take a publisher from",
                                    path=leaflets_dir(self.root),
                                    hint="Add one leaflet definition with a publisher.")
        return dict(chosen.document.data)

    def request(self, data: Any) -> HandoutRequest:
        """A handout request from its data; if it is wrong, every problem at once.

        A request whose own shape is wrong (a heading too long, markup in the note) is
        still looked up in the project without its wrong parts, so an unknown section,
        contacts profile or edition is reported with it, not after it is mended.
        """
        try:
            return parse_request(data)
        except RequestProblems as error:
            found = error.problems
            if error.usable is not None:
                rest = [renumbered(problem, error.positions)
                        for problem in self.problems_of(error.usable)]
                found = merged(found, rest)
            raise InputError(found) from None

    def problems_of(self, request: HandoutRequest) -> list[Problem]:
        """Everything that stops ``request`` becoming a handout (empty if nothing does)."""
        try:
            self._checked(request)
        except InputError as error:
            return error.problems
        return []

    def definition(self, request: HandoutRequest, leaflet_id: str | None = None
                   ) -> dict[str, Any]:
        """Validate a request into a definition mapping, refusing overdue sections."""
        return self._checked(request, leaflet_id)[0]

    def _checked(self, request: HandoutRequest, leaflet_id: str | None = None
                 ) -> tuple[dict[str, Any], Selection]:
        with studio_words():
            choices = self.project.choice_problems(request.edition, request.format)
            try:
                mapping = self._mapping(request, leaflet_id)
                selection = self._selection(mapping)
            except InputError as error:
                raise InputError(merged(error.problems, choices)) from None
            if choices:
                raise InputError(choices)
            return mapping, selection

    def _mapping(self, request: HandoutRequest, leaflet_id: str | None = None
                 ) -> dict[str, Any]:
        try:
            base = self.base_definition(request)
        except InputError as wrong_start:
            if not request.start_from:
                raise
            # The rest is checked as if no leaflet were named, so all problems come at once.
            rest: list[Problem] = []
            try:
                self._checked(request.model_copy(update={"start_from": None}), leaflet_id)
            except InputError as error:
                rest = error.problems
            raise InputError(merged(wrong_start.problems, rest)) from None
        try:
            return definition_for(request, base, self.root, leaflet_id=leaflet_id)
        except InputError as wrong_note:
            if not request.note:
                raise
            # A note needs contacts it can join; the rest is checked without it.
            rest = self.problems_of(request.model_copy(update={"note": ""}))
            raise InputError(merged(wrong_note.problems, rest)) from None

    def _selection(self, mapping: dict[str, Any]) -> Selection:
        """Check a mapping as a leaflet file is checked, refusing overdue sections."""
        leaflet = leaflet_from_mapping(mapping, self.root, self.project.library.sections,
                                       label=str(REQUEST_LABEL))
        selection = self.project.select(leaflet)
        today = dt.date.today()
        governance.refuse_overdue(
            leaflet, governance.overdue_findings(leaflet, self.project.library, today), today)
        return selection

    async def produce(self, request: HandoutRequest, channel: str) -> Produced:
        """Render, audit and log one handout: the same path for pages and the API.

        The worker starts on the mapping at once; the studio checks the same mapping (as
        the worker does again) while it renders, and a refused request's render is dropped.
        """
        if self.project.choice_problems(request.edition, request.format):
            self._checked(request)  # raises with those problems and any others
        with studio_words():
            mapping = self._mapping(request)
        job = Job(mapping, request.edition, request.format, self.generation, dt.date.today())
        if self.pool is None:
            raise InputError.single("the studio has no render workers")
        submitted = self.pool.submit(job)
        try:
            with studio_words():
                selection = self._selection(mapping)
        except InputError:
            submitted.cancel()
            raise
        output = await self.pool.result(submitted)
        if output.problems:
            raise InputError(in_studio_words(output.problems))
        if output.audit_findings:
            raise AuditFailedError([Problem(None, None, None, f"the {output.filename} failed "
                                            f"leafpress audit: {finding}",
                                            "It was not served. Report this as a bug.")
                                    for finding in output.audit_findings])
        filename = f"{mapping['id']}-{output.filename}"
        entry = self._log_entry(request, selection, channel, output.data, filename,
                                output.pages)
        number = await asyncio.to_thread(auditlog.record, self.root, entry)
        return Produced(output.data, output.media_type, filename, output.pages, number)

    def _log_entry(self, request: HandoutRequest, selection: Selection, channel: str,
                   data: bytes, filename: str, pages: int | None) -> auditlog.LogEntry:
        sections = tuple(
            auditlog.SectionRecord(
                s.source.meta.id, s.heading, s.source.meta.review.reviewed.isoformat(),
                s.source.meta.review.next_review_date.isoformat(), s.source.meta.review.status,
                hashlib.sha256(s.source.path.read_bytes()).hexdigest())
            for s in selection.sections)
        profile = request.contacts if isinstance(request.contacts, str) else (
            "(given in the request)" if request.contacts else "(none)")
        if request.note and request.contacts:
            profile += " (note changed)"
        return auditlog.LogEntry(
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), channel, request.title,
            sections, request.edition, request.format, profile, __version__, filename, pages,
            len(data), hashlib.sha256(data).hexdigest())

    def save(self, request: HandoutRequest, leaflet_id: str) -> Path:
        """Save a handout as a leaflet definition file; never replace an existing one."""
        problems = _id_problem(leaflet_id)
        if problems:
            raise InputError(problems)
        target = leaflets_dir(self.root) / f"{leaflet_id}.yaml"
        if target.exists():
            raise InputError.single(
                f"a leaflet called '{leaflet_id}' already exists", path=target,
                hint="Choose another name: saving never replaces a leaflet.")
        mapping = self.definition(request, leaflet_id)
        text = ("# Made in the leafpress studio; edit it like any other definition.\n"
                + yaml.safe_dump(mapping, sort_keys=False, allow_unicode=True))
        write_atomic(target, text.encode("utf-8"))
        return target


def _id_problem(leaflet_id: str) -> list[Problem]:
    from pydantic import TypeAdapter, ValidationError

    try:
        TypeAdapter(Id).validate_python(leaflet_id)
    except ValidationError:
        return [Problem(REQUEST_LABEL, None, None,
                        f"'{leaflet_id}' cannot be a leaflet name", "Use lower-case letters, "
                        "digits and single hyphens, such as 'bone-pain-handout'.", field="id")]
    return []
