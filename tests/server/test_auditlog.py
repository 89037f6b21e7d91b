"""The governance log's wording: nothing is called reviewed until it is."""

from __future__ import annotations

import dataclasses

from leafpress.server.auditlog import LogEntry, SectionRecord, sections_text

DRAFT = SectionRecord("receptors", "", "2026-12-01", "2029-12-01", "draft", "ab" * 32)
ENTRY = LogEntry("2026-12-01T12:00:00+00:00", "api", "Handout", (DRAFT,), "standard", "pdf",
                 "(none)", "0", "handout-standard.pdf", 4, 1000, "cd" * 32)


def test_a_drafts_date_is_when_it_was_written() -> None:
    text = sections_text(ENTRY)
    assert text == ("receptors (draft, written 2026-12-01, next review 2029-12-01, "
                    "sha256 abababababab)")
    assert "reviewed" not in text


def test_an_approved_sections_date_is_its_review() -> None:
    approved = dataclasses.replace(DRAFT, status="approved")
    text = sections_text(dataclasses.replace(ENTRY, sections=(approved,)))
    assert "(approved, reviewed 2026-12-01, next review 2029-12-01" in text
