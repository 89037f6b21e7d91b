"""Project settings from ``[tool.leafpress]`` in the project's pyproject.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from leafpress.errors import InputError, Problem


class Settings(BaseModel):
    """Thresholds a charity may tune; every one has a sensible default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    readability_min: float = Field(default=60.0, ge=0, le=100)
    smog_max: float = Field(default=8.0, ge=3, le=25)
    smog_median_max: float = Field(default=6.5, ge=3, le=25)
    review_due_window_days: int = Field(default=90, ge=0, le=3650)
    contents_min_pages: int = Field(default=8, ge=1, le=1000)


def load_settings(project_root: Path) -> Settings:
    """Read settings, or the defaults when the project has none."""
    path = project_root / "pyproject.toml"
    if not path.is_file():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError.single(
            f"cannot read settings: {error}", path=path, hint="Fix the TOML syntax."
        ) from None
    try:
        return Settings.model_validate(data.get("tool", {}).get("leafpress", {}))
    except ValidationError as error:
        raise InputError(
            Problem(path, None, None,
                    f"[tool.leafpress] {'.'.join(map(str, d['loc']))}: {d['msg']}",
                    "See docs/configuration.md for the settings and their ranges.")
            for d in error.errors()
        ) from None
