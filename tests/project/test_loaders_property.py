"""Property: whatever text the loaders get, they raise only leafpress's own errors."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.minimal_project import Project, make_project

from leafpress.content.library_scan import load_section
from leafpress.errors import LeafpressError
from leafpress.project.definitions import load_leaflet
from leafpress.project.yamlload import load_yaml

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = ["a", "id", "sections", "review", ":", ": ", "- ", "-", "\n", "  ", "&x ", "*x",
               "[", "]", "{", "}", ",", "'", '"', "!!", "!!python/name:os.system", "!!binary",
               "!!timestamp ", "?", "|", ">", "#", "---", "...", "%YAML 1.1", "2027-02-30",
               "no", "yes", "1e9", "0x", "~", "null", "\t", "<<: *x", "\u0085", "\ufeff"]
MARKDOWN_PIECES = ["![", "](", ")", "[@", "ref", "]", "<", ">", "script", "<b onclick=x>",
                   "::: ", "notes", "urgent", "tip", ":::", "\n", "# ", "## ", "#### ", "`",
                   "```", "*", "_", "|", "---", "{{ 7*7 }}", "../", "/etc/passwd",
                   "https://", "mailto:", "#x", " ", "word", "- ", "1. ", "> ", "\\", "&amp;",
                   "\r", "\x00", "[a]: /x", "[a][]"]


def pieces(alphabet: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet) | st.text(max_size=6), max_size=40).map("".join)


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=20) | st.sampled_from(["alpha", "standard", "A4", "2025-01-10"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12)

VALID_LEAFLET: dict[str, Any] = {
    "id": "fuzz", "title": "T", "language": "en-GB", "format": "leaflet", "paper": "A4",
    "variants": ["standard"], "audience": "A", "product_code": "P-1", "version": "1",
    "publisher": "p", "sections": ["alpha", "beta"],
}
VALID_FRONT: dict[str, Any] = {
    "id": "fuzz", "title": "T",
    "review": {"reviewed": "2025-01-10", "next_review": "2028-01-10", "status": "approved",
               "reviewers": [{"name": "N", "role": "R"}]},
    "references": [{"key": "ref", "title": "S", "publisher": "C", "year": 2024}],
}


def mutated(valid: dict[str, Any]) -> st.SearchStrategy[str]:
    """A valid mapping with some keys replaced, added or removed, dumped as YAML."""
    keys = st.sampled_from([*valid, "extra", "Title", "review.status"])
    changes = st.dictionaries(keys, values | st.just(None), max_size=4)
    return changes.map(lambda change: yaml.safe_dump(
        {k: v for k, v in {**valid, **change}.items() if v is not None}, allow_unicode=True))


@pytest.fixture(scope="module")
def playground(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("fuzz") / "project")


@SETTINGS
@given(text=pieces(YAML_PIECES) | st.text() | mutated(VALID_LEAFLET))
def test_load_yaml_raises_only_leafpress_errors(text: str) -> None:
    with contextlib.suppress(LeafpressError):
        load_yaml(text, Path("fuzz.yaml"))


@SETTINGS
@given(front=pieces(YAML_PIECES) | mutated(VALID_FRONT), body=pieces(MARKDOWN_PIECES),
       raw=st.none() | st.binary(max_size=200))
def test_load_section_raises_only_leafpress_errors(
    playground: Project, front: str, body: str, raw: bytes | None
) -> None:
    path = playground.path("content/sections/fuzz.md")
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(LeafpressError):
        load_section(path, playground.root)


@SETTINGS
@given(text=pieces(YAML_PIECES) | mutated(VALID_LEAFLET))
def test_load_leaflet_raises_only_leafpress_errors(playground: Project, text: str) -> None:
    path = playground.path("leaflets/fuzz.yaml")
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(LeafpressError):
        load_leaflet(path, playground.root)


def test_a_valid_mutation_loads(playground: Project) -> None:
    # The strategies start from valid documents: unchanged, they load.
    path = playground.path("leaflets/fuzz.yaml")
    path.write_text(yaml.safe_dump(VALID_LEAFLET), encoding="utf-8")
    assert load_leaflet(path, playground.root).definition.sections[1].id == "beta"
    section = playground.path("content/sections/fuzz.md")
    section.write_text(f"---\n{yaml.safe_dump(VALID_FRONT)}---\nWords [@ref].\n")
    assert load_section(section, playground.root).meta.id == "fuzz"
