"""Dates in long form for people, such as '1 July 2026' (en-GB by default)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def long_date(value: dt.date, language: str = "en-GB") -> str:
    """A date in the long form of the given language, falling back to en-GB."""
    try:
        return format_date(value, format="d MMMM y", locale=language.replace("-", "_"))
    except (ValueError, LookupError):
        return format_date(value, format="d MMMM y", locale="en_GB")
