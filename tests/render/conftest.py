"""The laid-out samples, shared by this folder's tests."""

from __future__ import annotations

import pytest
from tests.render.sample_layouts import Sample, cases, lay_out_sample, project


@pytest.fixture(scope="session")
def samples() -> dict[tuple[str, str], Sample]:
    """Every sample leaflet in every edition (about a minute, once per session)."""
    opened = project()
    return {case: lay_out_sample(opened, *case) for case in cases()}
