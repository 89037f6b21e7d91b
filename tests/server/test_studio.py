from __future__ import annotations

from pathlib import Path

from leafpress.engine import Project
from leafpress.server.studio import Studio
from tests.server.conftest import copy_project


def test_library_reloads_and_keeps_the_last_good_state(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    studio = Studio(Project.open(root), None)
    assert studio.refresh_if_changed() and studio.generation == 1
    assert not studio.refresh_if_changed()  # nothing changed
    section = root / "content" / "sections" / "receptors.md"
    good = section.read_text()
    section.write_text(good.replace("title: Receptors and why they matter",
                                    "title: Receptors matter"))
    assert studio.refresh_if_changed() and studio.generation == 2
    assert studio.project.library.sections["receptors"].meta.title == "Receptors matter"
    section.write_text(good.replace("status: draft", "status: maybe"))
    assert studio.refresh_if_changed()
    assert studio.generation == 2 and studio.reload_problems
    assert "receptors.md" in str(studio.reload_problems[0].path)
    assert studio.project.library.sections["receptors"].meta.title == "Receptors matter"
    section.write_text(good)
    assert studio.refresh_if_changed() and studio.generation == 3 and not studio.reload_problems
