"""leafpress: accessible, reviewed patient leaflets from YAML and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from leafpress.engine import Project, Rendered


def __getattr__(name: str) -> Any:
    """``from leafpress import Project`` without importing WeasyPrint for every command."""
    if name in ("Project", "Rendered"):
        from leafpress import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'leafpress' has no attribute {name!r}")


__all__ = ["Project", "Rendered", "__version__"]
