"""The Dask executor: a LocalCluster of two worker processes renders what a local build does."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.fixture_builds import SECOND, TODAY, copy_project, leaflet_file
from tests.minimal_project import Result

from leafpress.batch import dask_cluster

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A two-process local cluster, as a charity's machines would be, on this one."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


def test_dask_build_writes_the_same_files_as_a_local_build(
    scheduler: str, tmp_path: Path, leafpress: Callable[..., Result]
) -> None:
    project = copy_project(tmp_path / "project")
    leaflet = leaflet_file(project, SECOND)
    common = ("--project", project, "build", leaflet, "--today", TODAY)
    local = leafpress(*common, "--out", tmp_path / "local")
    assert local.code == 0, local.err
    remote = leafpress(*common, "--out", tmp_path / "dask", "--executor", "dask",
                       "--scheduler", scheduler)
    assert remote.code == 0, remote.err
    assert f"built {tmp_path / 'dask' / SECOND / 'standard.pdf'} (3 pages)" in remote.out
    names = sorted(p.name for p in (tmp_path / "dask" / SECOND).iterdir())
    assert names == ["standard.d", "standard.pdf"]  # no temporary files left
    pdf = Path(SECOND) / "standard.pdf"
    assert (tmp_path / "dask" / pdf).read_bytes() == (tmp_path / "local" / pdf).read_bytes()
    depfile = Path(SECOND) / "standard.d"
    assert (tmp_path / "dask" / depfile).read_text(encoding="utf-8").replace("/dask/", "/") == (
        tmp_path / "local" / depfile).read_text(encoding="utf-8").replace("/local/", "/")


def test_dask_problems_point_at_the_client_files(
    scheduler: str, tmp_path: Path, leafpress: Callable[..., Result]
) -> None:
    project = copy_project(tmp_path / "project")
    leaflet = leaflet_file(project, SECOND)
    result = leafpress("--project", project, "build", leaflet, "--today", "2099-01-01",
                       "--out", tmp_path / "out", "--executor", "dask",
                       "--scheduler", scheduler)
    assert result.code == 1
    assert str(project / "content" / "sections") in result.err  # not the worker's copy
    assert "leafpress-snapshot" not in result.err
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, leafpress: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_cluster, "CONNECT_TIMEOUT", 1)
    project = copy_project(tmp_path / "project")
    result = leafpress("--project", project, "build", "--all", "--today", TODAY, "--out",
                       tmp_path / "out", "--executor", "dask", "--scheduler",
                       "tcp://127.0.0.1:9")
    assert result.code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.err
    assert "dask scheduler" in result.err
    shutil.rmtree(tmp_path / "project")
