"""Local contact details for a handout: the model, its checks, and named profiles on disk."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from leafpress.errors import InputError
from leafpress.project.sourcefile import read_source
from leafpress.project.validation import did_you_mean, validate
from leafpress.project.yamlload import YamlDocument, load_yaml

_PROFILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()-]+$")
_MARKUP = re.compile(r"[<>]|\{\{|\}\}|\{%|%\}|\{#|#\}")
_NHS_NUMBER = re.compile(r"(?<![0-9])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![0-9])")
_NUMERIC_DATE = re.compile(r"(?<![0-9])\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(?![0-9])")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WORD_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?\s+(\d{{4}})\b", re.I)
_BIRTH_WORDS = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born on|born)\b", re.I)

#: Dates with a year before this many years ago are taken as a possible date of birth.
BIRTH_YEARS_AGO = 16


def is_nhs_number(digits: str) -> bool:
    """True when ten digits pass the NHS number's modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def patient_data_problem(text: str, today: dt.date | None = None) -> str | None:
    """Why text looks like patient-identifiable data (an NHS number, a date of birth).

    The reason never repeats the number or date: messages are shown and may be kept
    (a terminal, a screenshot, a browser's saved page), and they must not carry it either.
    """
    for match in _NHS_NUMBER.finditer(text):
        if is_nhs_number("".join(match.groups())):
            return "it has a 10-digit number that passes the NHS number check"
    if _BIRTH_WORDS.search(text):
        return "it mentions a date of birth"
    latest = (today or dt.date.today()).year - BIRTH_YEARS_AGO
    for pattern in (_NUMERIC_DATE, _WORD_DATE):
        for match in pattern.finditer(text):
            year = int(match.group(1))
            year += 1900 if len(match.group(1)) == 2 else 0
            if year <= latest:
                return (f"it has a date more than {BIRTH_YEARS_AGO} years ago, which may be "
                        "a date of birth")
    return None


def text_problem(value: str) -> tuple[str, str] | None:
    """(message, hint) when free text has markup or patient data, else None."""
    if _MARKUP.search(value):
        return ("contains markup or template code (<, >, {{ or {%)",
                "Write plain words only; leafpress does the layout.")
    reason = patient_data_problem(value)
    if reason:
        return (f"may be patient-identifiable: {reason}",
                "Handouts carry no patient data. Remove it; give it to the patient "
                "separately.")
    return None


def _plain(value: str) -> str:
    found = text_problem(value)
    if found:
        raise PydanticCustomError("patient_text", found[0], {"hint": found[1]})
    return value


def _phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    national = "0" + digits[2:] if value.startswith("+44") else digits
    if not (_PHONE_CHARS.match(value) and national.startswith("0")
            and len(national) in (10, 11)):
        raise PydanticCustomError(
            "phone_shape", "'{value}' is not a UK phone number",
            {"value": value, "hint": "Write it as 10 or 11 digits starting with 0 (or +44), "
             "spaces allowed, for example 0114 496 0000."})
    return value


Line = Annotated[str, Field(min_length=1, max_length=120)]
Phone = Annotated[str, Field(min_length=3, max_length=20)]


class Contacts(BaseModel):
    """Who the patient calls: the team, its nurse line and hours, the 24-hour helpline."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    team: Line
    hospital: Line
    nurse_phone: Phone
    nurse_hours: Line
    helpline_name: Line = "24-hour acute oncology helpline"
    helpline_phone: Phone
    note: Annotated[str, Field(max_length=300)] = ""

    @field_validator("team", "hospital", "nurse_hours", "helpline_name", "note")
    @classmethod
    def _plain_text(cls, value: str) -> str:
        return _plain(value)

    @field_validator("nurse_phone", "helpline_phone")
    @classmethod
    def _phone_shape(cls, value: str) -> str:
        return _phone(value)

    @model_validator(mode="after")
    def _different_lines(self) -> Contacts:
        if re.sub(r"\D", "", self.nurse_phone) == re.sub(r"\D", "", self.helpline_phone):
            raise PydanticCustomError(
                "same_phone", "the nurse line and the 24-hour helpline have the same number",
                {"at": "helpline_phone",
                 "hint": "Give the 24-hour helpline's own number: patients call it at night."})
        return self


def contacts_dir(project_root: Path) -> Path:
    """Where named contacts profiles live: one YAML file per team."""
    return project_root / "leaflets" / "contacts"


def profile_names(project_root: Path) -> list[str]:
    """The names of every contacts profile, sorted."""
    return sorted(p.stem for p in contacts_dir(project_root).glob("*.yaml")
                  if _PROFILE_NAME.match(p.stem))


def profile_path(name: str, project_root: Path, *, where: YamlDocument | None = None,
                 at: tuple[Any, ...] = ("contacts",)) -> Path:
    """The file of a named profile; a located error if the name is unknown or unsafe."""
    known = profile_names(project_root)
    if _PROFILE_NAME.match(name) and name in known:
        return contacts_dir(project_root) / f"{name}.yaml"
    message = f"unknown contacts profile '{name}'"
    if not _PROFILE_NAME.match(name):
        message = f"'{name}' is not a contacts profile name"
    folder = contacts_dir(project_root).relative_to(project_root)  # no server paths in replies
    hint = (did_you_mean(name, known) + f" Profiles are the files in the project's "
            f"{folder}/ folder; known: {', '.join(known) or 'none'}.").strip()
    if where is not None:
        raise InputError([where.problem(at, message, hint)])
    raise InputError.single(message, path=contacts_dir(project_root), hint=hint)


def load_profile(name: str, project_root: Path, *, where: YamlDocument | None = None) -> Contacts:
    """Load and check one named contacts profile."""
    path = profile_path(name, project_root, where=where)
    document = load_yaml(read_source(path, project_root=project_root), path)
    return validate(Contacts, document)
