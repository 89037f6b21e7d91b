"""Typed models of content sections and leaflet definitions, validated by pydantic."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from leafpress.editions import EDITIONS, LAYOUTS, PAPERS
from leafpress.project.contacts import Contacts
from leafpress.project.validation import did_you_mean

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=500)]

_BCP47 = re.compile(
    r"^(?P<language>[a-zA-Z]{2,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$"
)


LIST_SECTIONS = "Run 'leafpress list' to see every section id."
"""Where a definition's author finds section ids (the studio says where it shows them)."""
ADD_A_SECTION = "List at least one section id under 'sections:'."



def language_tag_problem(value: str) -> str | None:
    """Why a value is not a usable BCP 47 language tag, or None when it is one."""
    match = _BCP47.match(value)
    if not match:
        return f"'{value}' is not a valid BCP 47 language tag"
    try:
        Locale.parse(match["language"].lower())
    except (UnknownLocaleError, ValueError):
        return f"unknown language '{match['language']}' in '{value}'"
    return None


class StrictModel(BaseModel):
    """A model that rejects unknown keys and never coerces text to numbers silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _choice(value: Any, choices: dict[str, Any], what: str, at: int | None = None) -> Any:
    if isinstance(value, str) and value not in choices:
        raise PydanticCustomError(
            "unknown_choice",
            "unknown {what} '{value}'",
            {
                "what": what,
                "value": value,
                **({"at": at} if at is not None else {}),
                "hint": (
                    did_you_mean(value, choices).strip()
                    + f" Choose one of: {', '.join(choices)}."
                ).strip(),
            },
        )
    return value


# ---------------------------------------------------------------- content sections


class Reviewer(StrictModel):
    """A person who reviewed the text: only someone who has read it."""

    name: Text
    role: Text


class Review(StrictModel):
    """When a section was reviewed, when it must be again, and by whom."""

    reviewed: dt.date
    next_review: dt.date | None = None
    cycle_years: Annotated[int, Field(ge=1, le=10)] | None = None
    status: Literal["draft", "approved"]
    reviewers: list[Reviewer]

    @model_validator(mode="after")
    def _dates_make_sense(self) -> Review:
        if self.next_review is None and self.cycle_years is None:
            raise ValueError("give either 'next_review' or 'cycle_years'")
        if self.next_review is not None and self.next_review <= self.reviewed:
            raise PydanticCustomError(
                "review_order",
                "next_review ({next_review}) is not after reviewed ({reviewed})",
                {"next_review": str(self.next_review), "reviewed": str(self.reviewed),
                 "at": "next_review",
                 "hint": "Set next_review to a date after reviewed, or give cycle_years "
                 "instead of next_review."},
            )
        if self.status == "approved" and not self.reviewers:
            raise ValueError("an approved section must name at least one reviewer")
        return self

    @property
    def next_review_date(self) -> dt.date:
        """The next review date, from ``next_review`` or ``reviewed`` + ``cycle_years``."""
        if self.next_review is not None:
            return self.next_review
        years = self.cycle_years or 0
        try:
            return self.reviewed.replace(year=self.reviewed.year + years)
        except ValueError:  # 29 February
            return self.reviewed.replace(year=self.reviewed.year + years, day=28)


class Reference(StrictModel):
    """A source that a section cites."""

    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+$")]
    title: Text
    publisher: Text | None = None
    authors: Text | None = None
    year: Annotated[int, Field(ge=1800, le=2200)] | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    accessed: dt.date | None = None
    journal: Text | None = None
    volume: Annotated[str, Field(max_length=20)] | None = None
    pages: Annotated[str, Field(max_length=20)] | None = None

    @model_validator(mode="after")
    def _complete(self) -> Reference:
        if not (self.publisher or self.authors):
            raise ValueError("a reference needs 'publisher' or 'authors'")
        if self.url and self.accessed is None:
            raise ValueError("a reference with a 'url' needs 'accessed' (the date you read it)")
        return self

    def identity(self) -> tuple[str, ...]:
        """What makes two references the same source, for merging across sections."""
        if self.url:
            return ("url", self.url.rstrip("/").lower())
        return ("title", self.title.lower(), (self.publisher or self.authors or "").lower(),
                str(self.year))


class SectionMeta(StrictModel):
    """The front matter of one content section."""

    id: Id
    title: Text
    review: Review
    references: list[Reference]
    page_break: Literal["auto", "before", "avoid"] = "auto"

    @field_validator("references")
    @classmethod
    def _unique_keys(cls, references: list[Reference]) -> list[Reference]:
        keys = [r.key for r in references]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"reference key used twice: {', '.join(duplicates)}")
        return references


# ------------------------------------------------------------- leaflet definitions


class Logo(StrictModel):
    """The publisher's logo and its alternative text."""

    path: Text
    alt: Text


class Publisher(StrictModel):
    """Who publishes the leaflet and how to reach them."""

    organisation: Text
    address: list[Text] = Field(min_length=1)
    phone: Text
    email: Text | None = None
    website: Text
    logo: Logo | None = None
    charity_number: Text | None = None
    other_formats: Text | None = None
    """Accepted so that old publisher files load; never shown (it may offer formats not made)."""


class SectionUse(StrictModel):
    """One section chosen by a leaflet, with optional per-use overrides."""

    id: Id
    heading: Text | None = None
    level: Literal[2, 3] = 2
    page_break: Literal["auto", "before", "avoid"] | None = None


class LeafletDefinition(StrictModel):
    """A leaflet: which sections, in which order, for whom, in which forms."""

    id: Id
    title: Text
    subtitle: Text = ""
    language: str = "en-GB"
    format: str = "leaflet"
    paper: str = "A4"
    variants: list[str] = Field(default_factory=lambda: list(EDITIONS), min_length=1)
    formats: list[str] | None = Field(default=None, min_length=1)
    """Output formats to make (names in the FORMATS registry); all of them by default."""
    sections: list[SectionUse]
    publisher: Publisher | Id
    product_code: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$", max_length=40)]
    version: Annotated[str, Field(min_length=1, max_length=20)]
    audience: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    contents: bool | None = None
    citations: Literal["inline", "section", "end"] | None = None
    """Superscripts (inline), a Sources line after each section, or the end list only;
    None: section for large print, inline otherwise."""
    section_breaks: Literal["auto", "always", "never"] = "auto"
    contacts: Contacts | Id | None = None
    """Local contact details: a profile name (leaflets/contacts/NAME.yaml) or the details."""

    @field_validator("sections", mode="before")
    @classmethod
    def _ids_as_uses(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"id": item} if isinstance(item, str) else item for item in value]
        return value

    @field_validator("sections")
    @classmethod
    def _no_repeats(cls, uses: list[SectionUse]) -> list[SectionUse]:
        if not uses:
            raise PydanticCustomError(
                "no_sections", "the leaflet has no sections",
                {"hint": f"{ADD_A_SECTION} {LIST_SECTIONS}"},
            )
        ids = [use.id for use in uses]
        for index, section_id in enumerate(ids):
            if section_id in ids[:index]:
                raise PydanticCustomError(
                    "repeated_section",
                    "section '{id}' is listed more than once",
                    {"id": section_id, "at": index,
                     "hint": f"Remove this '{section_id}': a section may appear only once "
                     "in a leaflet."},
                )
        if uses and uses[0].level != 2:
            raise ValueError(
                "the first section must be level 2, so that no heading level is skipped"
            )
        return uses

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        problem = language_tag_problem(value)
        if problem:
            raise PydanticCustomError(
                "language_tag", "{problem}",
                {"problem": problem, "hint": "Use a tag such as en-GB, cy or pl."},
            )
        return value

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        return str(_choice(value, LAYOUTS, "format"))

    @field_validator("paper")
    @classmethod
    def _known_paper(cls, value: str) -> str:
        return str(_choice(value, PAPERS, "paper"))

    @field_validator("variants")
    @classmethod
    def _known_variants(cls, values: list[str]) -> list[str]:
        for index, value in enumerate(values):
            _choice(value, EDITIONS, "variant", at=index)
        return values


class SectionSource(BaseModel):
    """A section's validated front matter, its Markdown body and where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    meta: SectionMeta
    body: str
    path: Path
    body_line: int
    id_position: tuple[int, int] | None = None
    review_position: tuple[int, int] | None = None
    """Line and column of the date that sets the next review (next_review, else
    cycle_years, else reviewed), kept at load so nothing reads the file again."""
    reference_lines: tuple[int | None, ...] = ()
    """The line of each reference's ``key`` (in the order of ``meta.references``), kept at
    load for the same reason."""
