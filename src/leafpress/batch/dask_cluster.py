"""Render on a Dask distributed cluster: tasks carry the project as bytes and return bytes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from leafpress.batch import snapshot as snapshots
from leafpress.batch.targets import BuildOptions, Target
from leafpress.batch.work import Outcome, rebase, render_target
from leafpress.engine import Project
from leafpress.errors import BuildError, InputError, LeafpressError

#: Projects a Dask worker process has unpacked and opened (one per snapshot, kept warm).
_OPENED = snapshots.OpenedSnapshots()

#: Seconds to wait for the scheduler before giving up with a clear message.
CONNECT_TIMEOUT = 20


def render_remote(snapshot: snapshots.Snapshot, target: Target, options: BuildOptions,
                  client_root: str) -> Outcome:
    """Run on a Dask worker: render one target from a snapshot of the project."""
    try:
        project = _OPENED.project(snapshot)
    except LeafpressError as error:
        return Outcome(target, problems=error.problems)
    return rebase(render_target(project, target, options), project.root, Path(client_root))


class DaskCluster:
    """Send each target to a Dask scheduler; the outputs come back as bytes."""

    def __init__(self, project: Project, options: BuildOptions, scheduler: str | None) -> None:
        self._project = project
        self._options = options
        self._scheduler = scheduler

    def _connect(self) -> Any:
        from distributed import Client

        try:
            return Client(self._scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as error:
            raise BuildError.single(
                f"cannot reach the Dask scheduler at {self._scheduler}: {error}",
                hint="Start it with 'dask scheduler' (see docs/building-many.md), check the "
                "address and port, or build on this machine without --executor dask.",
            ) from None

    def outcomes(self, targets: Sequence[Target]) -> Iterator[Outcome]:
        """Scatter the project once to every worker, submit every target, yield results."""
        from distributed import as_completed

        outside = [t for t in targets if t.definition.is_absolute()]
        if outside:
            raise InputError.single(
                "a Dask build can only send leaflets inside the project folder",
                path=outside[0].definition,
                hint="Move the definition into leaflets/, or build it without --executor dask.")
        if not targets:
            return
        client = self._connect()
        try:
            shared = client.scatter(snapshots.take(self._project.root), broadcast=True)
            futures = [
                client.submit(render_remote, shared, target, self._options,
                              str(self._project.root), pure=False,
                              priority=round(target.cost * 100))
                for target in targets
            ]
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                yield future.result()
        finally:
            client.close()
