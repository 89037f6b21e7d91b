"""Planning a batch: queue lines read and written, targets deduplicated, longest first."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fixture_builds import MAIN, SECOND, fixture_copy, leaflet_file

from leafpress import Project
from leafpress.batch import Request, plan, read_queue
from leafpress.batch.targets import request_line
from leafpress.errors import InputError


def test_queue_lines_round_trip(tmp_path: Path) -> None:
    requests = [Request(Path("leaflets/a b.yaml"), ("large-print",), ("pdf", "print-pdf")),
                Request(Path("leaflets/c.yaml"))]
    queue = tmp_path / "queue"
    queue.write_text("\n".join(request_line(r) for r in requests) + "\n\n", encoding="utf-8")
    assert read_queue(queue) == requests


def test_make_recipe_lines_are_read_and_their_out_ignored(tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.write_text("build leaflets/x.yaml --variant standard --format pdf --out build\n",
                     encoding="utf-8")
    assert read_queue(queue) == [Request(Path("leaflets/x.yaml"), ("standard",), ("pdf",))]


@pytest.mark.parametrize(("line", "message"), [
    ("make leaflets/x.yaml", "expected 'build' and a leaflet file"),
    ("build leaflets/x.yaml --variant huge", "unknown option or value: --variant huge"),
    ("build leaflets/x.yaml --format", "'--format' needs a value"),
    ("build 'leaflets/x.yaml", "cannot read this line"),
])
def test_a_bad_queue_line_is_located(tmp_path: Path, line: str, message: str) -> None:
    queue = tmp_path / "queue"
    queue.write_text(f"build leaflets/ok.yaml\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_queue(queue)
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == (queue, 2)
    assert message in problem.message
    assert "build LEAFLET.yaml" in problem.hint


def test_plan_dedupes_and_puts_the_longest_first() -> None:
    engine = Project.open(fixture_copy())
    main, second = leaflet_file(engine.root, MAIN), leaflet_file(engine.root, SECOND)
    targets, failed = plan(engine, [Request(second), Request(main),
                                    Request(main, ("standard",))])
    assert failed == {}
    assert (targets[0].leaflet_id, targets[0].edition) == (MAIN, "large-print")
    assert sorted((t.leaflet_id, t.edition) for t in targets) == [
        (MAIN, "large-print"), (MAIN, "standard"), (SECOND, "standard")]
    assert all(t.definition == Path("leaflets") / f"{t.leaflet_id}.yaml" for t in targets)
    costs = [t.cost for t in targets]
    assert costs == sorted(costs, reverse=True)


def test_plan_keeps_going_past_a_broken_definition(tmp_path: Path) -> None:
    engine = Project.open(fixture_copy())
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    targets, failed = plan(engine, [Request(broken), Request(leaflet_file(engine.root, SECOND))])
    assert [t.leaflet_id for t in targets] == [SECOND]
    assert list(failed) == [broken] and failed[broken]
