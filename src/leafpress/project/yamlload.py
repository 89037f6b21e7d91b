"""Safe YAML loading that keeps line numbers and refuses YAML's traps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from leafpress.errors import InputError, Problem, ProblemCollector

#: A key path into a loaded document, such as ``("sections", 2, "id")``.
KeyPath = tuple[str | int, ...]

#: Largest number of nodes a document may expand to through aliases (billion laughs).
MAX_EXPANDED_NODES = 20_000

#: Deepest nesting of lists and mappings a document may have.
MAX_DEPTH = 50

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


class _TooDeep(Exception):
    """Raised by the loader when nesting passes MAX_DEPTH."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__()
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and dates left as text for validation."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        """Compose as usual, refusing nesting deeper than MAX_DEPTH before recursion fails."""
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            node: yaml.Node = super().compose_node(parent, index)  # type: ignore[no-untyped-call, assignment]
            return node
        finally:
            self._depth -= 1


# YAML 1.1 reads yes/no/on/off as booleans ("the Norway problem"): only true/false are.
# Dates stay text so the schema can report impossible ones with their line.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Loaded data with the position of every key and value."""

    path: Path
    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    numbers: dict[KeyPath, str] = field(default_factory=dict)
    """Unquoted values YAML reads as numbers, as written (``1.10`` becomes 1.1)."""

    def problem(self, key_path: KeyPath, message: str, hint: str = "", *,
                prefer_key: bool = False) -> Problem:
        """A problem at a key path: its line in a file, or its field path in memory."""
        at = self.position(key_path, prefer_key=prefer_key)
        if at is not None:
            return Problem(self.path, at.line, at.column, message, hint)
        return Problem(self.path, None, None, message, hint, field=dotted(key_path))

    def position(self, key_path: KeyPath, *, prefer_key: bool = False) -> Position | None:
        """Position of a key path, falling back to its nearest known parent."""
        table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
        current = tuple(key_path)
        while True:
            for positions in table:
                if current in positions:
                    return positions[current]
            if not current:
                return None
            current = current[:-1]


def dotted(key_path: KeyPath) -> str:
    """A key path as a reader writes it: ``sections[2].id``."""
    text = ""
    for part in key_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _mark_position(mark: yaml.Mark | None, line_offset: int) -> Position | None:
    if mark is None:
        return None
    return Position(mark.line + 1 + line_offset, mark.column + 1)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Count nodes as if every alias were copied, without copying anything."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = min(size, MAX_EXPANDED_NODES + 1)
    return memo[key]


def _walk(
    node: yaml.Node,
    here: KeyPath,
    document: YamlDocument,
    problems: ProblemCollector,
    line_offset: int,
    open_nodes: frozenset[int] = frozenset(),
) -> None:
    """Record positions, duplicate keys and self-referring aliases below ``node``."""
    position = _mark_position(node.start_mark, line_offset)
    if position is not None:
        document.values.setdefault(here, position)
    if id(node) in open_nodes:
        problems.add(
            "this list or mapping contains a '*' alias to itself",
            path=document.path,
            line=position.line if position else None,
            column=position.column if position else None,
            hint="Remove the '*' alias, or write the values out in full.",
        )
        return
    inside = open_nodes | {id(node)}
    if isinstance(node, yaml.ScalarNode) and node.tag in _NUMBER_TAGS and not node.style:
        document.numbers[here] = str(node.value)
    if isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, (*here, index), document, problems, line_offset, inside)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, Position | None] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_position = _mark_position(key_node.start_mark, line_offset)
            if key in seen:
                first = seen[key]
                where = f" (first given on line {first.line})" if first else ""
                problems.add(
                    f"duplicate key '{key}'{where}",
                    path=document.path,
                    line=key_position.line if key_position else None,
                    column=key_position.column if key_position else None,
                    hint="Keep one of them: YAML would silently use only the last.",
                )
                continue
            seen[key] = key_position
            if key_position is not None:
                document.keys[(*here, key)] = key_position
            _walk(value_node, (*here, key), document, problems, line_offset, inside)


def _syntax_problem(error: yaml.MarkedYAMLError, path: Path, line_offset: int) -> Problem:
    """A syntax error where the user must look: an unclosed quote where the quote opened."""
    if (error.context or "").startswith("while scanning a quoted scalar"):
        position = _mark_position(error.context_mark, line_offset)
        message = "YAML syntax error: the quoted text that starts here is never closed"
        hint = ("Add the closing quote at the end of the value. For a quote inside the "
                "text, write \\\" inside double quotes, or '' inside single quotes.")
    elif (error.context or "").startswith(("while parsing a flow sequence",
                                           "while parsing a flow mapping")):
        kind, close = ("list", "]") if "sequence" in (error.context or "") else ("mapping", "}")
        position = _mark_position(error.context_mark, line_offset)
        message = (f"YAML syntax error in the {kind} that starts here: "
                   f"{error.problem or 'it cannot be read'}")
        hint = f"Check that it ends with '{close}' and that its items are separated by commas."
    else:
        position = _mark_position(error.problem_mark or error.context_mark, line_offset)
        message = f"YAML syntax error: {error.problem or error.context or 'cannot be read'}"
        hint = "Check the indentation, colons and quotes on this line and the one above."
    return Problem(path, position.line if position else None,
                   position.column if position else None, message, hint)


def load_yaml(text: str, path: Path, *, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document safely, keeping positions; raise InputError on any fault."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        start = text.rfind("\n", 0, error.position) + 1
        raise InputError.single(
            f"the file contains a control character (U+{error.character:04X}) that YAML "
            "does not allow",
            path=path,
            line=text.count("\n", 0, error.position) + 1 + line_offset,
            column=error.position - start + 1,
            hint="Delete it: it is invisible, and often pasted in by mistake from another program.",
        ) from None
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise InputError([_syntax_problem(error, path, line_offset)]) from None
        except yaml.YAMLError as error:
            raise InputError.single(
                f"YAML cannot be read: {error}", path=path, hint="Save the file as plain YAML."
            ) from None
        except _TooDeep as error:
            position = _mark_position(error.mark, line_offset)
            raise InputError.single(
                f"YAML is nested more than {MAX_DEPTH} levels deep",
                path=path,
                line=position.line if position else None,
                column=position.column if position else None,
                hint="Check the brackets and indentation; leafpress files need only a few levels.",
            ) from None
        document = YamlDocument(path=path, data=None)
        if node is None:
            return document
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise InputError.single(
                "YAML aliases expand to too many values (an alias bomb?)",
                path=path,
                line=node.start_mark.line + 1 + line_offset,
                column=node.start_mark.column + 1,
                hint=f"Use fewer '*' aliases; a file may expand to at most "
                f"{MAX_EXPANDED_NODES} values.",
            )
        problems = ProblemCollector()
        _walk(node, (), document, problems, line_offset)
        problems.raise_if_any()
        try:
            document.data = loader.construct_document(node)
        except yaml.MarkedYAMLError as error:
            position = _mark_position(error.problem_mark, line_offset)
            raise InputError.single(
                f"YAML value cannot be read: {error.problem}",
                path=path,
                line=position.line if position else None,
                column=position.column if position else None,
                hint="Quote the value if it is meant as text.",
            ) from None
        except Exception as error:  # PyYAML's constructors fail in many ways on bad '!!' tags
            reason = str(error) if isinstance(error, ValueError) else (
                "a '!!' tag does not fit its value")
            raise InputError.single(
                f"YAML value cannot be read: {reason}",
                path=path,
                hint="Remove the '!!' tag in front of the value, or quote the value.",
            ) from None
        return document
    finally:
        loader.dispose()
