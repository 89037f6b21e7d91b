"""Writing one leaflet edition's outputs and its dependency file, each atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leafpress.content.selection import Selection
from leafpress.outputs import Rendered
from leafpress.store.atomic import write_atomic
from leafpress.store.deps import depfile_name, depfile_text, inputs_of


@dataclass(frozen=True)
class Written:
    """One output written to disk."""

    path: Path
    rendered: Rendered


def write_outputs(selection: Selection, rendered: list[Rendered], out: Path) -> list[Written]:
    """Write one make target's outputs into ``out/<leaflet-id>/``, then its dependency file."""
    root = selection.project_root
    return write_target(out, selection.leaflet.id, rendered, inputs_of(selection, root), root)


def write_target(out: Path, leaflet_id: str, rendered: list[Rendered], inputs: list[Path],
                 project_root: Path) -> list[Written]:
    """Write rendered bytes (made here or by a worker) and the dependency file, atomically.

    ``inputs`` are the files the outputs were made from, relative to ``project_root``.
    """
    folder = out / leaflet_id
    written = []
    for output in rendered:
        target = folder / output.filename
        write_atomic(target, output.data)
        written.append(Written(target, output))
    paths = [item.path for item in written]
    depfile = folder / depfile_name(rendered[0].filename)
    write_atomic(depfile, depfile_text(paths, inputs, project_root).encode())
    return written
