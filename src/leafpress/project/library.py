"""The content library: its sections' front matter, the glossary, and the files they come from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from leafpress.errors import InputError
from leafpress.project.models import SectionMeta, SectionSource, Text
from leafpress.project.scripts import refused_script_problems
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


def read_section(text: str, path: Path) -> SectionSource:
    """A section file's front matter, validated, and its body (the Markdown is not checked)."""
    front, body, body_line = split_front_matter(text, path)
    document = load_yaml(front, path)  # front starts with the newline after the first ---
    if not isinstance(document.data, dict):
        raise InputError.single(
            "the front matter must be a set of 'key: value' lines", path=path, line=2,
            column=1,
            hint="See docs/content-format.md for the keys a section needs.",
        )
    meta = validate(SectionMeta, document)
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
