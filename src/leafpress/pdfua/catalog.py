"""Fix: make sure the catalog has /Lang, /MarkInfo /Marked true and /DisplayDocTitle true.

Only what is missing is set. A missing or empty document /Lang is taken from the
first structure element (in tree order) that has one.
"""

from __future__ import annotations

import pikepdf

from leafpress.pdfua.structure import iter_struct_elements, struct_tree_root


def _first_struct_lang(pdf: pikepdf.Pdf) -> pikepdf.String | None:
    root = struct_tree_root(pdf)
    candidates = [root] if root is not None else []
    candidates += [node.element for node in iter_struct_elements(pdf)]
    for element in candidates:
        lang = element.get("/Lang")
        if isinstance(lang, pikepdf.String) and str(lang):
            return lang
    return None


def _is_true(value: object) -> bool:
    return isinstance(value, bool) and value


def complete_catalog(pdf: pikepdf.Pdf) -> list[str]:
    """Set the catalog entries PDF/UA needs where they are missing; return what changed."""
    catalog = pdf.Root
    changes: list[str] = []
    lang = catalog.get("/Lang")
    if not isinstance(lang, pikepdf.String) or not str(lang):
        found = _first_struct_lang(pdf)
        if found is not None:
            catalog["/Lang"] = found
            changes.append(f"document /Lang set to {found} from the structure tree")
        else:
            changes.append("document /Lang is missing and no structure element has one")
    changes += _ensure_true(catalog, "/MarkInfo", "/Marked")
    changes += _ensure_true(catalog, "/ViewerPreferences", "/DisplayDocTitle")
    return changes


def _ensure_true(catalog: pikepdf.Object, holder: str, flag: str) -> list[str]:
    """Make ``catalog[holder][flag]`` true, creating the dictionary when it is missing."""
    entry = catalog.get(holder)
    if not isinstance(entry, pikepdf.Dictionary):
        catalog[holder] = pikepdf.Dictionary({flag: True})
        return [f"{holder} {flag} true added"]
    if not _is_true(entry.get(flag)):
        entry[flag] = True
        return [f"{holder} {flag} set to true"]
    return []
