"""Reproducible builds: the same input gives the same bytes; dates only from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from tests.fixture_builds import MAIN, copy_project, run_build, shared_build, source_date_epoch

EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
PDF_DATE = "D:20231114221320Z"


@pytest.fixture(scope="module")
def undated_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The standard variant built twice, back to back, from two copies of the project."""
    paths = []
    with source_date_epoch(None):
        for name in ("one", "two"):
            root = tmp_path_factory.mktemp(name)
            project = copy_project(root / "project")
            assert run_build(project, root / "out", MAIN, variants=("standard",)) == 0
            paths.append(root / "out" / MAIN / "standard.pdf")
    return paths[0], paths[1]


@pytest.fixture(scope="module")
def dated_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds of the standard variant with SOURCE_DATE_EPOCH set."""
    root = tmp_path_factory.mktemp("dated")
    project = copy_project(root / "project")
    paths = []
    with source_date_epoch(EPOCH):
        for name in ("one", "two"):
            assert run_build(project, root / name, MAIN, variants=("standard",)) == 0
            paths.append(root / name / MAIN / "standard.pdf")
    return paths[0], paths[1]


def test_same_bytes_without_source_date_epoch(undated_builds: tuple[Path, Path]) -> None:
    one, two = undated_builds
    assert one.read_bytes() == two.read_bytes()


def test_same_bytes_with_source_date_epoch(dated_builds: tuple[Path, Path]) -> None:
    one, two = dated_builds
    assert one.read_bytes() == two.read_bytes()


def test_the_date_makes_a_difference(
    dated_builds: tuple[Path, Path], undated_builds: tuple[Path, Path]
) -> None:
    # The byte comparison can fail: a dated build differs from an undated one.
    assert dated_builds[0].read_bytes() != undated_builds[0].read_bytes()


@pytest.mark.parametrize("variant", ["standard", "large-print"])
def test_no_dates_without_source_date_epoch(variant: str) -> None:
    with pikepdf.open(shared_build().pdf(variant)) as pdf:  # built without the variable
        assert "/CreationDate" not in pdf.docinfo
        assert "/ModDate" not in pdf.docinfo
        meta = pdf.open_metadata()
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert key not in meta


def test_dates_equal_source_date_epoch(dated_builds: tuple[Path, Path]) -> None:
    with pikepdf.open(dated_builds[0]) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == PDF_DATE
        assert str(pdf.docinfo["/ModDate"]) == PDF_DATE
        moment = dt.datetime.fromtimestamp(int(EPOCH), tz=dt.UTC)
        meta = pdf.open_metadata()
        for key in ("xmp:CreateDate", "xmp:ModifyDate"):
            assert dt.datetime.fromisoformat(meta[key]) == moment


def test_document_id_is_derived_from_content(
    undated_builds: tuple[Path, Path], dated_builds: tuple[Path, Path]
) -> None:
    def first_id(path: Path) -> bytes:
        with pikepdf.open(path) as pdf:
            return bytes(pdf.trailer.ID[0])

    assert first_id(undated_builds[0]) == first_id(undated_builds[1])
    assert first_id(undated_builds[0]) != first_id(dated_builds[0])
