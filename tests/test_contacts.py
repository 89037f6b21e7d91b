from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from leafpress.engine import Project
from leafpress.errors import InputError
from leafpress.project.contacts import (
    is_nhs_number,
    load_profile,
    patient_data_problem,
    profile_names,
)
from tests.server.conftest import REPO

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("digits", "valid"), [
    ("9434765919", True), ("4010232137", True), ("9434765918", False), ("1234567890", False),
    ("943476591", False)])
def test_nhs_number_check_digit(digits: str, valid: bool) -> None:
    assert is_nhs_number(digits) is valid


@pytest.mark.parametrize(("text", "found"), [
    ("NHS 943 476 5919", "passes the NHS number check"),
    ("ref 943-476-5919", "passes the NHS number check"),
    ("DOB 1/2/60", "date of birth"),
    ("Date of birth: 4 March 1957", "date of birth"),
    ("4 March 1957", "may be a date of birth"),
    ("seen 12/03/1961", "may be a date of birth"),
])
def test_patient_data_is_spotted(text: str, found: str) -> None:
    problem = patient_data_problem(text, TODAY)
    assert problem is not None and found in problem


@pytest.mark.parametrize("text", [
    "NHS 943 476 5919", "ref 943-476-5919", "DOB 1/2/60", "4 March 1957", "seen 12/03/1961"])
def test_the_patient_data_is_not_repeated_in_the_message(text: str) -> None:
    problem = patient_data_problem(text, TODAY)
    assert problem is not None
    for number in re.findall(r"\d+", text):
        assert number not in problem, problem


@pytest.mark.parametrize("text", [
    "Call 0114 496 0123 on weekdays", "Your next appointment is on the letter we sent you.",
    "Clinic on 12/01/2027", "Ward 943 476 5918", "Open 9am to 5pm"])
def test_ordinary_text_passes(text: str) -> None:
    assert patient_data_problem(text, TODAY) is None


def _profile(root: Path, name: str, text: str) -> None:
    folder = root / "leaflets" / "contacts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yaml").write_text(text)


GOOD = ("team: the nurses\nhospital: A Hospital\nnurse_phone: 0114 496 0123\n"
        "nurse_hours: 9 to 5\nhelpline_phone: +44 114 496 0999\n")


def test_sample_profiles_load() -> None:
    assert profile_names(REPO) == ["breast-unit-st-elsewhere", "oncology-day-unit-sample"]
    assert load_profile("breast-unit-st-elsewhere", REPO).nurse_phone == "0114 496 0123"


@pytest.mark.parametrize(("change", "message", "line"), [
    (("0114 496 0123", "0114 496"), "'0114 496' is not a UK phone number", 3),
    (("0114 496 0123", "phone us"), "'phone us' is not a UK phone number", 3),
    (("+44 114 496 0999", "0114 496 0123"), "have the same number", 5),
    (("9 to 5", "<em>9 to 5</em>"), "contains markup", 4),
    (("A Hospital", "A Hospital {{ x }}"), "contains markup", 2),
])
def test_bad_profile_is_located(tmp_path: Path, change: tuple[str, str], message: str,
                                line: int) -> None:
    _profile(tmp_path, "team", GOOD.replace(*change))
    with pytest.raises(InputError) as raised:
        load_profile("team", tmp_path)
    [problem] = raised.value.problems
    assert message in problem.message and problem.line == line
    assert problem.path == tmp_path / "leaflets" / "contacts" / "team.yaml" and problem.hint


@pytest.mark.parametrize("name", ["../publishers/sample", "missing", "Team"])
def test_unknown_or_unsafe_profile_name(tmp_path: Path, name: str) -> None:
    _profile(tmp_path, "team", GOOD)
    with pytest.raises(InputError) as raised:
        load_profile(name, tmp_path)
    assert "contacts profile" in raised.value.problems[0].message


def test_contacts_are_on_the_first_page_and_in_the_end_section() -> None:
    project = Project.open(REPO)
    html, _ = project.print_html({
        "id": "h", "title": "Handout", "publisher": "sample", "product_code": "H",
        "version": "1", "audience": "Anyone", "sections": ["receptors"],
        "contacts": "breast-unit-st-elsewhere"})
    first, end = html.index("notice-contacts"), html.index("Your local contacts")
    assert first < html.index("<main>") < end
    assert html.count("0114\N{NO-BREAK SPACE}496\N{NO-BREAK SPACE}0999") == 2  # kept whole
    assert "Your next appointment is on the letter we sent you." in html[end:]
    plain, _ = project.print_html("what-is-secondary-breast-cancer")
    assert "notice-contacts" not in plain and "Your local contacts" not in plain
