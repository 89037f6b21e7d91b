"""The check registries: name → function taking the audit context and returning findings."""

from __future__ import annotations

from collections.abc import Callable

from leafpress.audit.annotations import check_links
from leafpress.audit.content import check_orphaned_content, check_untagged_content
from leafpress.audit.context import AuditContext
from leafpress.audit.engine import check_pdfua
from leafpress.audit.large_print import (
    check_contrast,
    check_italics,
    check_page_size,
    check_text_size,
)
from leafpress.audit.model import Finding
from leafpress.audit.structure import check_figure_alt_text, check_nesting

Check = Callable[[AuditContext], list[Finding]]

CHECKS: dict[str, Check] = {
    "page-validation": check_pdfua,  # the engine: every Matterhorn condition it knows
    "orphaned-content": check_orphaned_content,  # 01-005 MCIDs no element reaches
    "untagged-content": check_untagged_content,  # 01-005 e.g. untagged inline images
    "tag-nesting": check_nesting,  # 09-004 … 09-008, with Ruby and Warichu
    "figure-alt-text": check_figure_alt_text,  # 13-004 blank Alt
    "link-annotations": check_links,  # 28-011 links the tree cannot reach
}
"""PDF/UA-1 checks, each reporting Matterhorn Protocol failure conditions."""

GAP_FILLERS = frozenset({"untagged-content", "tag-nesting", "figure-alt-text", "link-annotations"})
"""leafpress's own checks that fill the engine's known gaps: a finding of theirs is dropped
when the engine reported the same condition at the same place (see runner.covered)."""

PAGE_SIZE_CHECK = "page-size"

LARGE_PRINT_CHECKS: dict[str, Check] = {
    "text-size": check_text_size,  # LP-001
    PAGE_SIZE_CHECK: check_page_size,  # LP-002
    "italics": check_italics,  # LP-003
    "text-contrast": check_contrast,  # LP-004
}
"""Large-print checks, run with --large-print or for files that declare the variant."""
