"""Project settings from ``[tool.leafpress]`` in the project's pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from leafpress.errors import InputError, Problem
from leafpress.project.sourcefile import read_source
from leafpress.project.validation import did_you_mean

#: Where the settings and their ranges are documented.
SETTINGS_DOC = "docs/how-it-works.md (section 'Configuration')"


class Settings(BaseModel):
    """Thresholds a charity may tune; every one has a sensible default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    readability_min: float = Field(default=60.0, ge=0, le=100)
    smog_max: float = Field(default=8.0, ge=3, le=25)
    smog_median_max: float = Field(default=6.5, ge=3, le=25)
    review_due_window_days: int = Field(default=90, ge=0, le=3650)
    contents_min_pages: int = Field(default=8, ge=1, le=1000)


def setting_line(text: str, key: str) -> int | None:
    """The line of ``key = …`` inside the ``[tool.leafpress]`` table, or of the table."""
    lines = text.split("\n")
    header = next((n for n, line in enumerate(lines)
                   if re.fullmatch(r"\s*\[\s*tool\s*\.\s*leafpress\s*\]\s*(#.*)?", line)), None)
    if header is None:
        return None
    for number in range(header + 1, len(lines)):
        line = lines[number].strip()
        if line.startswith("["):
            break
        if re.match(rf"""["']?{re.escape(key)}["']?\s*=""", line):
            return number + 1
    return header + 1


def load_settings(project_root: Path) -> Settings:
    """Read settings, or the defaults when the project has none."""
    path = project_root / "pyproject.toml"
    if not path.is_file():
        return Settings()
    text = read_source(path, project_root=project_root)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
        raise InputError.single(
            f"cannot read settings: {str(error).split(' (at line')[0]}", path=path,
            line=int(found.group(1)) if found else None,
            column=int(found.group(2)) if found else None,
            hint="Fix the TOML syntax on this line: each setting is name = value, such as "
            "readability_min = 60.",
        ) from None
    try:
        return Settings.model_validate(data.get("tool", {}).get("leafpress", {}))
    except ValidationError as error:
        problems = [_problem(path, text, detail) for detail in error.errors()]
        raise InputError(sorted(problems, key=lambda p: p.line or 0)) from None


#: How a value out of range is described, by pydantic error type.
_LIMITS = {
    "greater_than_equal": "{value} is too small: the least allowed is {limit}",
    "less_than_equal": "{value} is too large: the most allowed is {limit}",
    "greater_than": "{value} is too small: it must be more than {limit}",
    "less_than": "{value} is too large: it must be less than {limit}",
}


def _problem(path: Path, text: str, detail: ErrorDetails) -> Problem:
    key = ".".join(map(str, detail["loc"]))
    if detail["type"] == "extra_forbidden":
        message = f"[tool.leafpress] has no setting '{key}'"
        hint = (did_you_mean(key, Settings.model_fields)
                + f" The settings are: {', '.join(Settings.model_fields)}.").strip()
    elif detail["type"] in _LIMITS:
        limit = next(iter((detail.get("ctx") or {}).values()), "")
        problem = _LIMITS[detail["type"]].format(value=detail["input"], limit=limit)
        message = f"[tool.leafpress] {key}: {problem}"
        hint = f"See {SETTINGS_DOC} for the settings and their ranges."
    else:
        message = f"[tool.leafpress] {key}: {detail['msg']}"
        hint = f"See {SETTINGS_DOC} for the settings and their ranges."
    return Problem(path, setting_line(text, key), None, message, hint)
