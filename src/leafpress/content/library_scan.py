"""Loading the content library, Markdown checked: every section file and the glossary at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leafpress.content import markdown
from leafpress.errors import InputError, Problem, ProblemCollector
from leafpress.project.library import (
    GlossaryEntry,
    Library,
    load_glossary,
    read_section,
    split_front_matter,
)
from leafpress.project.models import SectionSource
from leafpress.project.scripts import refused_script_problems
from leafpress.project.sourcefile import read_source
from leafpress.project.yamlload import load_yaml


def load_section(path: Path, project_root: Path) -> SectionSource:
    """Load and check one section file, reporting every problem in it together."""
    text = read_source(path, project_root=project_root)
    scripts = refused_script_problems(text, path)
    try:
        section = read_section(text, path)
        context = markdown.RenderContext(section_path=path, project_root=project_root)
        references = {reference.key for reference in section.meta.references}
        if problems := markdown.inspect(section.body, context, section.body_line, references):
            raise InputError(problems)
    except InputError as error:
        raise InputError(sorted(error.problems + scripts, key=_by_line)) from None
    if scripts:
        raise InputError(scripts)
    return section


def _by_line(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


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
