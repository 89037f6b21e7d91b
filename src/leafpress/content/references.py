"""Reference warnings for `leafpress check`: whether a reader can find each source."""

from __future__ import annotations

from leafpress.errors import Problem
from leafpress.project.library import Library


def findability_warnings(library: Library) -> list[Problem]:
    """A warning for each reference with neither a URL nor a publisher or journal."""
    warnings = []
    for _, section in sorted(library.sections.items()):
        lines = section.reference_lines or (None,) * len(section.meta.references)
        for reference, line in zip(section.meta.references, lines, strict=True):
            if reference.url or reference.publisher or reference.journal:
                continue
            warnings.append(Problem(
                section.path, line, None,
                f"reference '{reference.key}' has neither a URL nor a publisher: "
                "a reader cannot find it",
                "Add 'url' (and 'accessed'), or 'publisher', or for a journal article "
                "'journal', 'volume' and 'pages'."))
    return warnings
