"""What every check receives: the open PDF and lazily built, shared analyses of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import page
import pikepdf

from leafpress.audit.interpreter import ContentScan, scan_content
from leafpress.audit.tree import StructTree, build_struct_tree


@dataclass
class AuditContext:
    """One open PDF under audit; the tree and content scan are built once, on first use."""

    pdf: pikepdf.Pdf
    path: Path
    large_print: bool = False
    engine: page.ValidationReport | None = None
    """page-validation's PDF/UA-1 report on the same file, when the runner has made it."""
    cache: dict[str, object] = field(default_factory=dict)
    """Scratch space for per-document memoisation inside check modules."""

    @cached_property
    def tree(self) -> StructTree:
        """The reachable structure tree (empty when the document is untagged)."""
        return build_struct_tree(self.pdf)

    @cached_property
    def scan(self) -> ContentScan:
        """The interpreted content of every page."""
        return scan_content(self.pdf)
