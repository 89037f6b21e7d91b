"""Running every tagging fix as one pass: content parsed once per page, one ParentTree rebuild.

Outside :func:`one_pass` nothing is cached or deferred, so each fix also works alone.
Inside it, a page's parsed marked content is kept until the page is rewritten; the walk
of the whole structure tree is kept until a fix edits the tree (every edit goes through
:func:`tree_changed`); each element's /K list is kept until set_kids replaces it; and
``/ParentTree`` rebuilds asked for by the fixes happen once, when the pass ends (no fix
reads the ParentTree; they all work from the tree's /K entries). The audit, which only
reads, keeps the same things for the length of one audit through :func:`reading`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

import pikepdf

T = TypeVar("T")


@dataclass
class _Pass:
    pdf: pikepdf.Pdf
    parsed: dict[tuple[int, int], object] = field(default_factory=dict)
    parent_tree_stale: bool = False
    walk: list[object] | None = None
    places: dict[tuple[int, int], list[int]] | None = None  # positions in walk, by object
    kids: dict[tuple[int, int], tuple[pikepdf.Object, ...]] = field(default_factory=dict)


_current: ContextVar[_Pass | None] = ContextVar("leafpress_tagging_pass", default=None)


@contextmanager
def one_pass(pdf: pikepdf.Pdf, rebuild: Callable[[pikepdf.Pdf], None]) -> Iterator[None]:
    """Share parsed content between the fixes run inside; ``rebuild`` the ParentTree at the end."""
    state = _Pass(pdf)
    token = _current.set(state)
    try:
        yield
        if state.parent_tree_stale:  # still inside the pass: the kept walk and /Ks serve it
            rebuild(pdf)
    finally:
        _current.reset(token)


def defer_parent_tree(pdf: pikepdf.Pdf) -> bool:
    """Note that ``pdf``'s ParentTree needs rebuilding; False when no pass is running."""
    state = _current.get()
    if state is None or state.pdf is not pdf:
        return False
    state.parent_tree_stale = True
    return True


def _key(content: object) -> tuple[int, int] | None:
    holder = content.obj if isinstance(content, pikepdf.Page) else content
    if isinstance(holder, pikepdf.Object) and holder.is_indirect:
        return holder.objgen
    return None


def parsed(content: object, parse: Callable[[], T]) -> T:
    """``parse()`` of a page's content, reused within the pass until the page is rewritten."""
    state = _current.get()
    key = _key(content)
    if state is None or key is None:
        return parse()
    if key not in state.parsed:
        state.parsed[key] = parse()
    result: T = state.parsed[key]  # type: ignore[assignment]
    return result


def rewritten(content: object) -> None:
    """Forget a page's parsed content after its stream was replaced."""
    state = _current.get()
    key = _key(content)
    if state is not None and key is not None:
        state.parsed.pop(key, None)


def walked(pdf: pikepdf.Pdf, walk: Callable[[], list[T]]) -> list[T]:
    """``walk()`` of ``pdf``'s whole structure tree, reused within the pass until an edit."""
    state = _current.get()
    if state is None or state.pdf is not pdf:
        return walk()
    if state.walk is None:
        state.walk = list(walk())
    result: list[T] = state.walk  # type: ignore[assignment]
    return result


def node_changed(element: pikepdf.Dictionary, renew: Callable[[T], T]) -> None:
    """Renew the walk's entry for ``element`` (its /S changed, not its place in the tree)."""
    state = _current.get()
    if state is None or state.walk is None or not element.is_indirect:
        tree_changed()
        return
    if state.places is None:
        state.places = {}
        for position, node in enumerate(state.walk):
            held = getattr(node, "element", None)
            if isinstance(held, pikepdf.Object) and held.is_indirect:
                state.places.setdefault(held.objgen, []).append(position)
    for position in state.places.get(element.objgen, []):
        state.walk[position] = renew(state.walk[position])  # type: ignore[arg-type]


def kids_of(element: pikepdf.Dictionary,
            read: Callable[[pikepdf.Dictionary], tuple[pikepdf.Object, ...]]
            ) -> tuple[pikepdf.Object, ...]:
    """``read(element)``: its /K as a tuple, kept within the pass until set_kids changes it."""
    state = _current.get()
    if state is None or not element.is_indirect:
        return read(element)
    key = element.objgen
    held = state.kids.get(key)
    if held is None:
        held = state.kids[key] = read(element)
    return held


def kids_changed(element: pikepdf.Dictionary) -> None:
    """Forget an element's kept /K (and the walk): set_kids gave it new kids."""
    state = _current.get()
    if state is not None:
        if element.is_indirect:
            state.kids.pop(element.objgen, None)
        else:
            state.kids.clear()
    tree_changed()


def tree_changed() -> None:
    """Forget the pass's walk of the structure tree: a fix changed /K, /S or /Pg somewhere."""
    state = _current.get()
    if state is not None:
        state.walk = state.places = None


@contextmanager
def reading(pdf: pikepdf.Pdf) -> Iterator[None]:
    """For code that only reads ``pdf`` (the audit): each /K and the walk are read once."""
    with one_pass(pdf, _nothing_to_rebuild):
        yield


def _nothing_to_rebuild(pdf: pikepdf.Pdf) -> None:
    """A reader changes nothing, so the ParentTree never needs rebuilding."""
