"""Loading and validating leaflet definitions and publisher profiles."""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leafpress.errors import InputError, Problem, ProblemCollector
from leafpress.project.contacts import Contacts, load_profile
from leafpress.project.imagefiles import image_problem
from leafpress.project.models import LIST_SECTIONS, LeafletDefinition, Publisher
from leafpress.project.scripts import refused_script_problems
from leafpress.project.sourcefile import read_source
from leafpress.project.validation import did_you_mean, validate
from leafpress.project.yamlload import YamlDocument, load_yaml


@dataclass(frozen=True)
class LoadedLeaflet:
    """A validated definition, with its file, its positions and its resolved publisher."""

    definition: LeafletDefinition
    path: Path
    document: YamlDocument
    publisher: Publisher
    publisher_path: Path
    contacts: Contacts | None = None
    contacts_profile: str | None = None
    """The contacts profile's name, when the definition names one."""

    @property
    def id(self) -> str:
        """The leaflet's id."""
        return self.definition.id


def publishers_dir(project_root: Path) -> Path:
    """Where named publisher profiles live."""
    return leaflets_dir(project_root) / "publishers"


def _load_publisher(name: str, leaflet: Path, document: YamlDocument, root: Path) -> Path:
    folder = publishers_dir(root)
    path = folder / f"{name}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml"))
        position = document.position(("publisher",))
        raise InputError.single(
            f"unknown publisher profile '{name}'",
            path=leaflet,
            line=position.line if position else None,
            column=position.column if position else None,
            hint=(did_you_mean(name, known) + f" Profiles are files in {folder}; "
                  f"known: {', '.join(known) or 'none'}.").strip(),
        )
    return path


def _check_logo(publisher: Publisher, base: Path, root: Path, document: YamlDocument) -> None:
    if publisher.logo is None:
        return
    target = (base.parent / publisher.logo.path).resolve()
    position = document.position(("logo", "path")) or document.position(("publisher", "logo"))
    line = position.line if position else None
    column = position.column if position else None
    if not target.is_relative_to(root.resolve()):
        raise InputError.single(
            f"logo '{publisher.logo.path}' is outside the project", path=base, line=line,
            column=column,
            hint="Keep the logo inside the project, for example in content/images/.",
        )
    if not target.is_file():
        raise InputError.single(
            f"logo '{publisher.logo.path}' does not exist", path=base, line=line, column=column,
            hint=f"Check the path; it is relative to {base.name}. Looked for {target}.",
        )
    if (reason := image_problem(target)) is not None:
        raise InputError.single(
            f"logo '{publisher.logo.path}' {reason}", path=base, line=line, column=column,
            hint="Export the logo again in the format its name says (SVG or PNG), or "
            "correct the file name.",
        )


def _unknown_sections(document: YamlDocument, known: Collection[str]) -> list[Problem]:
    """Unknown section ids in a definition, found as soon as it is read."""
    sections = document.data.get("sections") if isinstance(document.data, dict) else None
    problems = []
    for index, item in enumerate(sections if isinstance(sections, list) else []):
        section_id = item.get("id") if isinstance(item, dict) else item
        if isinstance(section_id, str) and section_id not in known:
            at = ("sections", index, "id") if isinstance(item, dict) else ("sections", index)
            problems.append(document.problem(
                at, f"unknown section id '{section_id}'",
                f"{did_you_mean(section_id, known)} {LIST_SECTIONS}".strip(),
            ))
    return problems


def load_leaflet(
    path: Path, project_root: Path, known_sections: Collection[str] | None = None,
    known_formats: Collection[str] | None = None,
) -> LoadedLeaflet:
    """Load one leaflet definition file and its publisher, reporting every problem together.

    With ``known_sections``, unknown section ids are reported alongside any other problem
    in the file, so that one run shows them all.
    """
    text = read_source(path, project_root=project_root)
    if scripts := refused_script_problems(text, path):
        raise InputError(scripts)
    document = load_yaml(text, path)
    leaflet = _leaflet_from(document, project_root, known_sections, known_formats)
    stem = path.stem
    if stem != leaflet.id:
        position = document.position(("id",))
        raise InputError.single(
            f"the id '{leaflet.id}' does not match the file name '{path.name}'",
            path=path, line=position.line if position else None,
            column=position.column if position else None,
            hint=f"Rename the file to {leaflet.id}.yaml or set id: {stem}; "
            "outputs are named after the id.",
        )
    return leaflet


#: How a definition given in memory is named in messages (it has no file or lines).
IN_MEMORY_LABEL = "definition given in memory"


def leaflet_from_mapping(
    data: Mapping[str, Any], project_root: Path, known_sections: Collection[str] | None = None,
    known_formats: Collection[str] | None = None, *, label: str = IN_MEMORY_LABEL,
) -> LoadedLeaflet:
    """Validate a definition given as a mapping, exactly as a file is validated.

    Problems name the field (``sections[2].id``) instead of a line.
    """
    document = YamlDocument(path=leaflets_dir(project_root) / label, data=copy.deepcopy(data))
    scripts = [Problem(document.path, None, None, problem.message, problem.hint)
               for text in _strings(document.data)
               for problem in refused_script_problems(text, document.path)]
    if scripts:
        raise InputError(scripts)
    return _leaflet_from(document, project_root, known_sections, known_formats)


def _strings(value: Any) -> list[str]:
    """Every piece of text in nested lists and mappings."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [text for item in items for text in _strings(item)]


def _leaflet_from(
    document: YamlDocument, project_root: Path, known_sections: Collection[str] | None,
    known_formats: Collection[str] | None,
) -> LoadedLeaflet:
    path = document.path
    if not isinstance(document.data, dict):
        raise InputError.single(
            "a leaflet definition must be a set of 'key: value' lines", path=path, line=1,
            column=1,
            hint="See docs/leaflet-format.md for the keys a leaflet needs.",
        )
    try:
        definition = validate(LeafletDefinition, document)
    except InputError as error:
        if known_sections is None:
            raise
        extra = _unknown_sections(document, known_sections)
        raise InputError(sorted(error.problems + extra,
                                key=lambda p: (p.line or 0, p.column or 0))) from None
    problems = [] if known_sections is None else _unknown_sections(document, known_sections)
    given, contacts, profile = definition.contacts, None, None
    if isinstance(given, str):
        try:
            profile, contacts = given, load_profile(given, project_root, where=document)
        except InputError as error:  # reported with any unknown section, not after it
            problems += error.problems
    else:
        contacts = given
    if problems:
        raise InputError(problems)
    if isinstance(definition.publisher, Publisher):
        publisher, publisher_path, publisher_doc = definition.publisher, path, document
    else:
        publisher_path = _load_publisher(definition.publisher, path, document, project_root)
        publisher_text = read_source(publisher_path, project_root=project_root)
        if scripts := refused_script_problems(publisher_text, publisher_path):
            raise InputError(scripts)
        publisher_doc = load_yaml(publisher_text, publisher_path)
        publisher = validate(Publisher, publisher_doc)
    _check_logo(publisher, publisher_path, project_root, publisher_doc)
    _check_formats(definition, document, known_formats)
    return LoadedLeaflet(definition, path, document, publisher, publisher_path, contacts,
                         profile)


def _check_formats(
    definition: LeafletDefinition, document: YamlDocument, known: Collection[str] | None
) -> None:
    """Every name under ``formats:`` must be an output format leafpress makes.

    The names come from the caller (the FORMATS registry sits downstream of loading);
    None leaves them unchecked.
    """
    if known is None:
        return
    problems = [
        document.problem(("formats", index), f"unknown format '{name}'",
                         (did_you_mean(name, known)
                          + f" Choose from: {', '.join(known)}.").strip())
        for index, name in enumerate(definition.formats or []) if name not in known
    ]
    if problems:
        raise InputError(problems)


def leaflets_dir(project_root: Path) -> Path:
    """Where leaflet definitions live."""
    return project_root / "leaflets"


def leaflet_paths(project_root: Path) -> list[Path]:
    """Every leaflet definition in the project, sorted."""
    return sorted(leaflets_dir(project_root).glob("*.yaml"))


def load_leaflets(
    paths: list[Path], project_root: Path, known_sections: Collection[str] | None = None,
    known_formats: Collection[str] | None = None,
) -> list[LoadedLeaflet]:
    """Load many definitions, collecting every problem before stopping."""
    problems = ProblemCollector()
    loaded: list[LoadedLeaflet] = []
    for path in paths:
        try:
            loaded.append(load_leaflet(path, project_root, known_sections, known_formats))
        except InputError as error:
            problems.extend(error)
    problems.raise_if_any()
    return loaded
