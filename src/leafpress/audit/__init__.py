"""PDF/UA-1 (Matterhorn Protocol) and large-print auditing of any PDF, built on pikepdf."""

from __future__ import annotations

from leafpress.audit.conditions import CONDITIONS
from leafpress.audit.model import AUDIT_ERROR, AuditReport, Finding, UnreadablePdfError
from leafpress.audit.registry import CHECKS, LARGE_PRINT_CHECKS
from leafpress.audit.runner import audit_pdf

__all__ = [
    "AUDIT_ERROR",
    "CHECKS",
    "CONDITIONS",
    "LARGE_PRINT_CHECKS",
    "AuditReport",
    "Finding",
    "UnreadablePdfError",
    "audit_pdf",
]
