"""`leafpress check`'s readability table and warnings: Flesch floor, SMOG ceiling and median."""

from __future__ import annotations

import statistics

from rich.console import Console
from rich.table import Table

from leafpress.content.readability import Readability, measure
from leafpress.errors import Problem
from leafpress.project.config import Settings
from leafpress.project.library import Library


def readability_report(library: Library, settings: Settings, out: Console) -> list[Problem]:
    """Print each section's scores; warn where a section or the library misses a target."""
    table = Table(title="Readability (Flesch reading ease: higher is easier; "
                        "SMOG: US school grade, lower is easier)")
    for column in ("section", "ease", "SMOG", "avg words/sentence", "longest sentence"):
        table.add_column(column)
    warnings: list[Problem] = []
    grades: list[float] = []
    for section_id, section in sorted(library.sections.items()):
        result = measure(section.body)
        grades.append(result.smog_grade)
        longest = result.longest_sentence
        short = longest if len(longest) <= 60 else longest[:57] + "..."
        table.add_row(section_id, f"{result.flesch_reading_ease:.1f}", f"{result.smog_grade:.1f}",
                      f"{result.average_sentence_length:.1f}",
                      f"{result.longest_sentence_words} words: {short}")
        where = (section.path, section.body_line, None)
        if result.flesch_reading_ease < settings.readability_min:
            warnings.append(Problem(
                *where,
                f"reading ease {result.flesch_reading_ease:.1f} is below "
                f"{settings.readability_min:g} (average sentence "
                f"{result.average_sentence_length:.1f} words; longest "
                f"{result.longest_sentence_words} words)",
                f"Use shorter sentences and everyday words. Longest sentence: \"{longest}\"",
            ))
        if result.smog_grade > settings.smog_max:
            warnings.append(Problem(
                *where,
                f"SMOG grade {result.smog_grade:.1f} is above {settings.smog_max:g}",
                f"Use fewer words of three or more syllables. Here: {_long_words(result)}",
            ))
    if grades:
        median = statistics.median(grades)
        table.caption = f"SMOG median {median:.1f} over {len(grades)} section(s)"
        if median > settings.smog_median_max:
            warnings.append(Problem(
                library.root / "content" / "sections", None, None,
                f"the library's median SMOG grade {median:.1f} is above "
                f"{settings.smog_median_max:g}",
                "Shorten the sections with the highest SMOG grade in the table above.",
            ))
    out.print(table)
    return warnings


def _long_words(result: Readability) -> str:
    words = list(result.long_words)
    shown = ", ".join(words[:12])
    return shown + (f" and {len(words) - 12} more" if len(words) > 12 else "")
