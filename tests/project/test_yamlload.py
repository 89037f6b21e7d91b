"""YAML loading: syntax errors, duplicate keys, alias bombs, nesting and YAML 1.2 booleans."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from leafpress.errors import InputError
from leafpress.project.yamlload import MAX_DEPTH, MAX_EXPANDED_NODES, load_yaml

FILE = Path("leaflets/x.yaml")


def only_problem(text: str) -> str:
    with pytest.raises(InputError) as caught:
        load_yaml(text, FILE)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_syntax_error_names_line_column_and_what_to_do() -> None:
    assert only_problem("title: Bones\npaper: [A4\nformat: leaflet\n") == (
        "leaflets/x.yaml:3:7: YAML syntax error: expected ',' or ']', but got ':'\n"
        "  → Check the indentation, colons and quotes on this line and the one above."
    )


def test_syntax_error_in_front_matter_counts_lines_from_the_offset() -> None:
    with pytest.raises(InputError) as caught:
        load_yaml("a: 1\nb: [\n", FILE, line_offset=10)
    assert caught.value.problems[0].line == 13


def test_duplicate_key_is_an_error_not_silently_the_last() -> None:
    # PyYAML on its own keeps the last value and says nothing.
    assert yaml.safe_load("paper: A4\npaper: A5\n") == {"paper": "A5"}
    assert only_problem("title: Bones\npaper: A4\npaper: A5\n") == (
        "leaflets/x.yaml:3:1: duplicate key 'paper' (first given on line 2)\n"
        "  → Keep one of them: YAML would silently use only the last."
    )


def test_duplicate_key_in_a_nested_mapping() -> None:
    text = "review:\n  reviewed: 2025-01-01\n  status: draft\n  status: approved\n"
    assert only_problem(text) == (
        "leaflets/x.yaml:4:3: duplicate key 'status' (first given on line 3)\n"
        "  → Keep one of them: YAML would silently use only the last."
    )


def test_every_duplicate_key_is_reported_together() -> None:
    with pytest.raises(InputError) as caught:
        load_yaml("a: 1\na: 2\nb: 1\nb: 2\n", FILE)
    assert [p.message for p in caught.value.problems] == [
        "duplicate key 'a' (first given on line 1)",
        "duplicate key 'b' (first given on line 3)",
    ]


BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{new}: &{new} [{', '.join([f'*{old}'] * 9)}]\n"
    for old, new in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_is_refused_before_anything_is_expanded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bomb was expanded")

    monkeypatch.setattr(yaml.SafeLoader, "construct_document", never)
    assert only_problem(BILLION_LAUGHS) == (
        "leaflets/x.yaml:1:1: YAML aliases expand to too many values (an alias bomb?)\n"
        f"  → Use fewer '*' aliases; a file may expand to at most {MAX_EXPANDED_NODES} values."
    )


def test_a_few_aliases_are_fine() -> None:
    document = load_yaml("a: &who {name: A Nurse}\nb: *who\n", FILE)
    assert document.data == {"a": {"name": "A Nurse"}, "b": {"name": "A Nurse"}}


def test_alias_to_itself_is_refused() -> None:
    assert only_problem("sections: &s [alpha, *s]\n") == (
        "leaflets/x.yaml:1:11: this list or mapping contains a '*' alias to itself\n"
        "  → Remove the '*' alias, or write the values out in full."
    )


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    # 400 levels would exhaust Python's recursion limit in PyYAML's composer.
    text = "a: " + "[" * 400 + "]" * 400
    assert only_problem(text) == (
        f"leaflets/x.yaml:1:{3 + MAX_DEPTH}: YAML is nested more than {MAX_DEPTH} "
        "levels deep\n"
        "  → Check the brackets and indentation; leafpress files need only a few levels."
    )


def test_python_tags_are_never_constructed() -> None:
    assert only_problem("a: !!python/object/apply:os.system [echo]\n") == (
        "leaflets/x.yaml:1:4: YAML value cannot be read: could not determine a constructor "
        "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'\n"
        "  → Quote the value if it is meant as text."
    )


@pytest.mark.parametrize("word", ["no", "No", "yes", "on", "off", "y", "n"])
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    # The "Norway problem": YAML 1.1 reads `no` as false; leafpress reads YAML 1.2.
    assert yaml.safe_load(f"language: {word}")["language"] in (True, False, word)
    assert load_yaml(f"language: {word}\n", FILE).data == {"language": word}


@pytest.mark.parametrize(("word", "value"), [("true", True), ("false", False), ("True", True)])
def test_yaml_1_2_booleans_are_booleans(word: str, value: bool) -> None:
    assert load_yaml(f"contents: {word}\n", FILE).data == {"contents": value}


def test_dates_stay_text_for_the_schema_to_check() -> None:
    assert load_yaml("reviewed: 2027-02-30\n", FILE).data == {"reviewed": "2027-02-30"}


def test_positions_of_keys_and_values_are_recorded() -> None:
    document = load_yaml("title: Bones\nsections:\n  - alpha\n  - beta\n", FILE)
    position = document.position(("sections", 1))
    assert position is not None and (position.line, position.column) == (4, 5)
    key = document.position(("title",), prefer_key=True)
    assert key is not None and (key.line, key.column) == (1, 1)


@pytest.mark.parametrize(("text", "reason"), [
    ("a: !!timestamp soon\n", "a '!!' tag does not fit its value"),
    ("a: !!int 0x\n", "invalid literal for int() with base 16: ''"),
])
def test_bad_explicit_tags_are_input_errors(text: str, reason: str) -> None:
    assert only_problem(text) == (
        f"leaflets/x.yaml: YAML value cannot be read: {reason}\n"
        "  → Remove the '!!' tag in front of the value, or quote the value."
    )


def test_control_characters_are_located() -> None:
    assert only_problem("title: Bones\nsubtitle: A\x1fB\n") == (
        "leaflets/x.yaml:2:12: the file contains a control character (U+001F) that YAML does "
        "not allow\n"
        "  → Delete it: it is invisible, and often pasted in by mistake from another program."
    )
