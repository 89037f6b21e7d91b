"""Loading the content library: Markdown sections with YAML front matter, and the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from leafpress.content import markdown
from leafpress.content.scripts import refused_script_problems
from leafpress.errors import InputError, Problem, ProblemCollector
from leafpress.project.models import SectionMeta, SectionSource, Text
from leafpress.project.sourcefile import read_source
from leafpress.project.validation import validate
from leafpress.project.yamlload import load_yaml

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


class GlossaryEntry(BaseModel):
    """One glossary term with its plain-English definition."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    term: Text
    definition: Text
    also: list[Text] = Field(default_factory=list)


class Glossary(RootModel[list[GlossaryEntry]]):
    """The whole glossary file."""


@dataclass(frozen=True)
class Library:
    """Every section by id, and the glossary."""

    root: Path
    sections: dict[str, SectionSource]
    glossary: list[GlossaryEntry]


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """Return (front matter, body, line where the body starts)."""
    if not text.strip():
        raise InputError.single(
            "the file is empty", path=path, line=1, column=1,
            hint="Start it with front matter between two '---' lines (see docs/content-format.md).",
        )
    if not text.startswith("---"):
        raise InputError.single(
            "the file has no front matter", path=path, line=1, column=1,
            hint="Start it with a '---' line, the YAML keys (id, title, review, references), "
            "and another '---' line.",
        )
    fences = list(_FENCE.finditer(text))
    if len(fences) < 2:
        raise InputError.single(
            "the front matter is not closed", path=path, line=1, column=1,
            hint="Add a line with only '---' after the front matter keys.",
        )
    front = text[fences[0].end() : fences[1].start()]
    body = text[fences[1].end() :].removeprefix("\n")
    body_line = text[: fences[1].end()].count("\n") + 2
    return front, body, body_line


def load_section(path: Path, project_root: Path) -> SectionSource:
    """Load and check one section file, reporting every problem in it together."""
    text = read_source(path, project_root=project_root)
    scripts = refused_script_problems(text, path)
    try:
        section = _section_from(text, path, project_root)
    except InputError as error:
        raise InputError(sorted(error.problems + scripts, key=_by_line)) from None
    if scripts:
        raise InputError(scripts)
    return section


def _by_line(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def _section_from(text: str, path: Path, project_root: Path) -> SectionSource:
    front, body, body_line = split_front_matter(text, path)
    document = load_yaml(front, path)  # front starts with the newline after the first ---
    if not isinstance(document.data, dict):
        raise InputError.single(
            "the front matter must be a set of 'key: value' lines", path=path, line=2,
            column=1,
            hint="See docs/content-format.md for the keys a section needs.",
        )
    meta = validate(SectionMeta, document)
    context = markdown.RenderContext(section_path=path, project_root=project_root)
    problems = markdown.inspect(body, context, body_line, {r.key for r in meta.references})
    if problems:
        raise InputError(problems)
    id_at = document.position(("id",))
    review_at = next((document.values[("review", key)] for key in
                      ("next_review", "cycle_years", "reviewed")
                      if ("review", key) in document.values), None)
    reference_at = [document.position(("references", index, "key"))
                    for index in range(len(meta.references))]
    return SectionSource(meta=meta, body=body, path=path, body_line=body_line,
                         id_position=(id_at.line, id_at.column) if id_at else None,
                         review_position=(review_at.line, review_at.column)
                         if review_at else None,
                         reference_lines=tuple(at.line if at else None for at in reference_at))


def load_glossary(path: Path, project_root: Path) -> list[GlossaryEntry]:
    """Load the glossary, or an empty one when the file does not exist."""
    if not path.exists():
        return []
    text = read_source(path, project_root=project_root)
    if scripts := refused_script_problems(text, path):
        raise InputError(scripts)
    return validate(Glossary, load_yaml(text, path)).root


@dataclass(frozen=True)
class LibraryScan:
    """The sections that loaded, every problem found, and every section id in use.

    ``ids`` includes sections whose files have problems, as far as their id can be read,
    so definitions can be checked for unknown ids in the same run.
    """

    library: Library
    problems: list[Problem]
    ids: frozenset[str]


def _ids_of_broken(path: Path, project_root: Path) -> set[str]:
    """The ids a broken section may have been meant to have: its file name, and its id."""
    try:
        front, _, _ = split_front_matter(read_source(path, project_root=project_root), path)
        data = load_yaml(front, path).data
    except InputError:
        return {path.stem}
    section_id = data.get("id") if isinstance(data, dict) else None
    return {path.stem, section_id} if isinstance(section_id, str) else {path.stem}


def scan_library(project_root: Path) -> LibraryScan:
    """Load every section in content/sections and the glossary, collecting all problems."""
    content = project_root / "content"
    problems = ProblemCollector()
    sections: dict[str, SectionSource] = {}
    broken: set[str] = set()
    for path in sorted((content / "sections").glob("*.md")):
        try:
            section = load_section(path, project_root)
        except InputError as error:
            problems.extend(error)
            broken |= _ids_of_broken(path, project_root)
            continue
        earlier = sections.get(section.meta.id)
        if earlier is not None:
            line, column = section.id_position or (None, None)
            problems.add(
                f"section id '{section.meta.id}' is already used by {earlier.path}",
                path=path, line=line, column=column,
                hint="Give each section its own id; leaflets choose sections by id.",
            )
            continue
        sections[section.meta.id] = section
    glossary: list[GlossaryEntry] = []
    try:
        glossary = load_glossary(content / "glossary.yaml", project_root)
    except InputError as error:
        problems.extend(error)
    library = Library(root=project_root, sections=sections, glossary=glossary)
    return LibraryScan(library, problems.problems, frozenset(sections) | broken)


def load_library(project_root: Path) -> Library:
    """Load every section and the glossary; raise one InputError with every problem."""
    scan = scan_library(project_root)
    if scan.problems:
        raise InputError(scan.problems)
    return scan.library
