"""Every documentation page a message points to exists."""

from __future__ import annotations

import re

from tests.minimal_project import REPO


def test_every_docs_page_named_in_a_message_exists() -> None:
    named = {match for path in (REPO / "src").rglob("*.py")
             for match in re.findall(r"docs/[\w.-]+\.md", path.read_text(encoding="utf-8"))}
    assert "docs/input-rules.md" in named
    assert sorted(page for page in named if not (REPO / page).is_file()) == []
