"""The check registries: name → function taking the audit context and returning findings."""

from __future__ import annotations

from collections.abc import Callable

from leafpress.audit.annotations import check_links, check_tab_order
from leafpress.audit.content import check_artifact_nesting, check_tagged_content
from leafpress.audit.context import AuditContext
from leafpress.audit.fonts import check_font_embedding, check_unicode_mapping
from leafpress.audit.large_print import (
    check_contrast,
    check_italics,
    check_page_size,
    check_text_size,
)
from leafpress.audit.metadata import (
    check_display_doc_title,
    check_document_language,
    check_suspects,
    check_xmp_metadata,
)
from leafpress.audit.model import Finding
from leafpress.audit.structure import (
    check_figure_alt_text,
    check_heading_levels,
    check_nesting,
    check_table_header_scope,
)

Check = Callable[[AuditContext], list[Finding]]

CHECKS: dict[str, Check] = {
    "tagged-content": check_tagged_content,  # 01-005
    "artifact-nesting": check_artifact_nesting,  # 01-003, 01-004
    "suspects": check_suspects,  # 01-007
    "xmp-metadata": check_xmp_metadata,  # 06-001, 06-002, 06-003
    "display-doc-title": check_display_doc_title,  # 07-001, 07-002
    "tag-nesting": check_nesting,  # 09-004 … 09-008
    "unicode-mapping": check_unicode_mapping,  # 10-001, 31-027
    "document-language": check_document_language,  # 11-001
    "figure-alt-text": check_figure_alt_text,  # 13-004
    "heading-levels": check_heading_levels,  # 14-002, 14-003
    "table-header-scope": check_table_header_scope,  # 15-003
    "annotation-tab-order": check_tab_order,  # 28-008, 28-009
    "link-annotations": check_links,  # 28-011, 28-012
    "font-embedding": check_font_embedding,  # 31-009
}
"""PDF/UA-1 checks, each reporting Matterhorn Protocol failure conditions."""

LARGE_PRINT_CHECKS: dict[str, Check] = {
    "text-size": check_text_size,  # LP-001
    "page-size": check_page_size,  # LP-002
    "italics": check_italics,  # LP-003
    "text-contrast": check_contrast,  # LP-004
}
"""Large-print checks, run with --large-print or for files that declare the variant."""
