"""Turning pydantic validation errors into located, actionable problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from leafpress.errors import InputError, Problem
from leafpress.project.yamlload import KeyPath, YamlDocument, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ' Did you mean 'x'?' for a close match, or ''."""
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" Did you mean '{by_lower[close[0]]}'?" if close else ""


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


#: What each pydantic "wrong type" error expected, in words.
_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a set of 'key: value' lines",
    "model_type": "a set of 'key: value' lines",
    "date_type": "a date",
}

_TYPE_HINTS = {
    "text": "Write text here; put it in quotes if it looks like a number or a date.",
    "a whole number": "Write a whole number, such as 3.",
    "a list": "Write a list: [a, b] on one line, or one '- item' line per entry.",
    "a set of 'key: value' lines": "Write indented 'key: value' lines under this key.",
    "true or false": "Write true or false.",
}

_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    return f"'{value}'"


def _key_path(data: Any, loc: tuple[Any, ...], kind: str) -> tuple[KeyPath, bool]:
    """The location's parts that are keys in the data, and whether a union member was named.

    pydantic names union members in locations, such as 'Publisher' or 'constrained-str'.
    """
    path: list[str | int] = []
    current = data
    named_member = False
    for index, part in enumerate(loc):
        in_mapping = isinstance(current, dict) and _has_key(current, part)
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
        elif not (kind == "missing" and isinstance(current, dict) and index == len(loc) - 1):
            named_member = True
            continue
        path.append(part)
    return tuple(path), named_member


def _has_key(mapping: dict[Any, Any], key: Any) -> bool:
    try:
        return key in mapping
    except TypeError:
        return False


def _problem(model: type[BaseModel], doc: YamlDocument, location: KeyPath, detail: Any) -> Problem:
    kind = detail["type"]
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if "at" in context:  # a list or model check that names the item or key at fault
        location = (*location, context["at"])
    if kind in ("extra_forbidden", "invalid_key") and location:
        key = str(location[-1])
        owner = _model_at(model, location[:-1])
        known = list(owner.model_fields) if owner else []
        position = doc.position(location, prefer_key=True)
        message = f"unknown key '{key}' in {dotted(location[:-1])}"
        hint = did_you_mean(key, known).strip() or (
            f"Allowed keys here: {', '.join(known)}." if known else "Remove it."
        )
        if known and did_you_mean(key, known):
            hint += f" Allowed keys here: {', '.join(known)}."
    elif kind == "missing" and location:
        position = doc.position(location[:-1])
        message = f"missing required key '{location[-1]}' in {dotted(location[:-1])}"
        hint = f"Add '{location[-1]}:' (see docs/ for every key and its meaning)."
    elif kind == "string_type" and location in doc.numbers:
        written = doc.numbers[location]
        position = doc.position(location)
        changed = f", so it would print as {value}" if str(value) != written else ""
        message = (f"{dotted(location)}: {written} is read as a number, not as text"
                   f"{changed}")
        key = f"{location[-1]}: " if isinstance(location[-1], str) else "- "
        hint = f"Put it in quotes, so it stays as written: {key}\"{written}\"."
    else:
        position = doc.position(location)
        message = f"{dotted(location)}: {_explain(kind, value, context, detail['msg'])}"
        hint = str(context.get("hint", "")) or _hint_for(kind, value, context)
    if position is None and not doc.values:  # a definition given in memory
        return Problem(doc.path, None, None, message, hint, field=dotted(location))
    return Problem(
        doc.path,
        position.line if position else None,
        position.column if position else None,
        message,
        hint,
    )


def _explain(kind: str, value: Any, context: dict[str, Any], pydantic_message: str) -> str:
    """What is wrong with a value, in plain words."""
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {_describe(value)}"
    if kind.startswith("date") and isinstance(value, str):
        reason = f" ({context['error']})" if "error" in context else ""
        return f"'{value}' is not a real date{reason}"
    if kind == "literal_error":
        return f"{_describe(value)} is not allowed here (expected {context.get('expected')})"
    if kind == "string_pattern_mismatch":
        return f"{_describe(value)} is not in the right form"
    if kind == "too_short":
        return (f"needs at least {context.get('min_length')} item(s), "
                f"found {context.get('actual_length')}")
    return str(pydantic_message).removeprefix("Value error, ")


def _hint_for(kind: str, value: Any, context: dict[str, Any]) -> str:
    if kind.startswith(("date", "datetime")):
        return "Write dates as YYYY-MM-DD, for example 2026-11-21, and check the day exists."
    if kind in _EXPECTED:
        return _TYPE_HINTS.get(_EXPECTED[kind], "Check the value's type against the reference "
                               "in docs/.")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        close = did_you_mean(str(value), allowed).strip()
        return f"{close} Use one of the allowed values.".strip()
    if kind == "string_pattern_mismatch":
        if context.get("pattern") == _ID_PATTERN:
            return "Use lower-case letters, digits and single hyphens, such as 'bone-pain'."
        return f"It must match the pattern {context.get('pattern')}."
    return "Correct the value (see docs/ for what is allowed)."


def _useful(located: list[tuple[KeyPath, bool, Any]]) -> list[tuple[KeyPath, Any]]:
    """Drop wrong-type complaints from union members the value plainly was not meant for.

    pydantic reports every member of a union ('a profile name, or a mapping').
    """
    kept: list[tuple[KeyPath, Any]] = []
    for path, member, detail in located:
        if member and detail["type"] in _EXPECTED:
            others = [d for p, m, d in located if p[: len(path)] == path
                      and not (m and d["type"] in _EXPECTED)]
            earlier = [d for p, d in kept if p == path and d["type"] in _EXPECTED]
            if others or earlier:
                continue
        kept.append((path, detail))
    return kept


def validate(model: type[ModelT], doc: YamlDocument) -> ModelT:
    """Validate a loaded document, raising one InputError with every located problem."""
    data = doc.data if doc.data is not None else {}
    try:
        return model.model_validate(data)
    except ValidationError as error:
        located: list[tuple[KeyPath, bool, Any]] = []
        for detail in error.errors():
            path, member = _key_path(data, tuple(detail["loc"]), detail["type"])
            located.append((path, member, detail))
        problems = [_problem(model, doc, path, detail) for path, detail in _useful(located)]
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0))) from None
