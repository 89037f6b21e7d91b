"""The Jinja2 loader for the project's templates: inside the project, UTF-8, bounded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from leafpress.project.sourcefile import read_source, refuse_outside


class ProjectTemplateLoader(jinja2.BaseLoader):
    """Load templates from one folder, refusing links that lead out of the project."""

    def __init__(self, templates_dir: Path, project_root: Path | None = None) -> None:
        self._dir = templates_dir
        self._root = project_root or templates_dir.parent

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, read only if it really lies inside the project."""
        parts = jinja2.loaders.split_template_path(template)  # refuses '..'
        path = self._dir.joinpath(*parts)
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        refuse_outside(path, self._root)
        text = read_source(path, project_root=self._root)
        mtime = path.stat().st_mtime
        return text, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime
