"""Turning pydantic validation errors into located, actionable problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from leafpress.errors import InputError, Problem
from leafpress.yamlload import KeyPath, YamlDocument

ModelT = TypeVar("ModelT", bound=BaseModel)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ' Did you mean 'x'?' for a close match, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _dotted(key_path: KeyPath) -> str:
    text = ""
    for part in key_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def _model_at(model: type[BaseModel], key_path: KeyPath) -> type[BaseModel] | None:
    """Follow a key path through nested models to find the model that owns the last key."""
    current: Any = model
    for part in key_path:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return None
        annotation = fields[part].annotation
        current = _find_model(annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _find_model(argument)
        if found is not None:
            return found
    return None


def _problem(model: type[BaseModel], doc: YamlDocument, detail: Any) -> Problem:
    location: KeyPath = tuple(p for p in detail["loc"] if not isinstance(p, str) or p[:1] != "_")
    # pydantic names union members in the path (e.g. "str", "SectionUse"): drop them.
    location = tuple(p for p in location if not (isinstance(p, str) and p[:1].isupper()))
    kind = detail["type"]
    if kind == "extra_forbidden":
        key = str(location[-1])
        owner = _model_at(model, location[:-1])
        known = list(owner.model_fields) if owner else []
        position = doc.position(location, prefer_key=True)
        message = f"unknown key '{key}' in {_dotted(location[:-1])}"
        hint = did_you_mean(key, known).strip() or (
            f"Allowed keys here: {', '.join(known)}." if known else "Remove it."
        )
        if known and did_you_mean(key, known):
            hint += f" Allowed keys here: {', '.join(known)}."
    elif kind == "missing":
        position = doc.position(location[:-1])
        message = f"missing required key '{location[-1]}' in {_dotted(location[:-1])}"
        hint = f"Add '{location[-1]}:' (see docs/ for every key and its meaning)."
    else:
        position = doc.position(location)
        text = str(detail["msg"]).removeprefix("Value error, ")
        message = f"{_dotted(location)}: {text}"
        value = detail.get("input")
        hint = str(detail.get("ctx", {}).get("hint", "")) or _hint_for(kind, value)
    return Problem(
        doc.path,
        position.line if position else None,
        position.column if position else None,
        message,
        hint,
    )


def _hint_for(kind: str, value: Any) -> str:
    if kind.startswith(("date", "datetime")):
        return "Write dates as YYYY-MM-DD, for example 2026-11-21, and check the day exists."
    if kind in ("string_type", "int_type", "int_parsing", "list_type", "dict_type", "model_type"):
        return "Check the value's type against the reference in docs/."
    if kind == "literal_error":
        return "Use one of the allowed values listed above."
    return "Correct the value (see docs/ for what is allowed)."


def validate(model: type[ModelT], doc: YamlDocument) -> ModelT:
    """Validate a loaded document, raising one InputError with every located problem."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as error:
        problems = [_problem(model, doc, detail) for detail in error.errors()]
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0))) from None
