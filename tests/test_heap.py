"""Settling a warm render process: start-up objects leave the garbage collector's walks."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from leafpress.heap import settle_after_reload, settle_after_start_up


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_objects_alive_at_start_up_are_frozen(unfrozen: None) -> None:
    loaded = [{"section": n} for n in range(1000)]  # stands for the project a worker opened
    assert gc.get_freeze_count() == 0
    settle_after_start_up()
    assert gc.get_freeze_count() >= len(loaded)
    assert not any(gc.is_tracked(item) and item in gc.get_objects(2) for item in loaded[:1])


def test_garbage_made_before_start_up_ends_is_collected_not_frozen(unfrozen: None) -> None:
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    settle_after_start_up()
    assert not any(isinstance(o, list) and len(o) == 1 and o[0] is o
                   for o in gc.get_objects())


class _Node:
    """An object that can sit in a reference cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.me: object = self


def test_a_reload_lets_go_of_frozen_cycles_it_replaced(unfrozen: None) -> None:
    import weakref

    loaded = _Node()  # a cycle loaded at start-up, such as a parsed stylesheet
    gone = weakref.ref(loaded)
    settle_after_start_up()
    del loaded  # a reload replaces it
    gc.collect()
    assert gone() is not None  # frozen: a collection alone never frees it
    settle_after_reload()
    assert gone() is None


def test_a_render_runs_with_the_collector_held_off_and_one_collection_after() -> None:
    import weakref

    from leafpress.heap import one_collection_per_render

    assert gc.isenabled()
    with one_collection_per_render():
        assert not gc.isenabled()  # the growing document is not walked again and again
        garbage = _Node()  # cyclic garbage a render leaves behind
        gone = weakref.ref(garbage)
        del garbage
        assert gone() is not None  # waits for the end of the render
    assert gc.isenabled()
    assert gone() is None  # the one collection after the render freed it


def test_a_process_that_had_the_collector_off_keeps_it_off() -> None:
    from leafpress.heap import one_collection_per_render

    gc.disable()
    try:
        with one_collection_per_render():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_worker_job_collects_after_it_has_answered() -> None:
    import weakref

    from leafpress.heap import CollectAfterAnswer

    collector = CollectAfterAnswer(delay=0.01)
    assert gc.isenabled()
    with collector.job():
        assert not gc.isenabled()
        garbage = _Node()
        gone = weakref.ref(garbage)
        del garbage
    assert gone() is not None  # the job has ended, but its caller has not been kept waiting
    collector.wait()
    assert gone() is None and gc.isenabled()


def test_a_job_that_starts_before_the_collection_collects_first() -> None:
    import weakref

    from leafpress.heap import CollectAfterAnswer

    collector = CollectAfterAnswer(delay=3600)  # the timer never fires within the test
    with collector.job():
        garbage = _Node()
        gone = weakref.ref(garbage)
        del garbage
    assert gone() is not None
    with collector.job():
        assert gone() is None  # collected before the second job began
        assert not gc.isenabled()
    collector.wait()
    assert gc.isenabled()
