"""The veraPDF PDF/UA-1 corpus: every -fail- file fails, every -pass- file passes, none crashes.

The corpus lives beside the repository in ../shared/corpora/verapdf-pdfua1 (CC BY 4.0 by
the veraPDF consortium; its README there says where it comes from). It is not copied in.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from leafpress.audit import AUDIT_ERROR, audit_pdf
from leafpress.audit.rules import FALLBACK

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "verapdf-pdfua1"
FILES = sorted(CORPUS.rglob("*.pdf")) if CORPUS.is_dir() else []

needs_corpus = pytest.mark.skipif(
    not FILES, reason=f"the veraPDF PDF/UA-1 corpus is not at {CORPUS.resolve()}"
)


def _expected_to_pass(path: Path) -> bool:
    assert ("-pass-" in path.name) != ("-fail-" in path.name), path.name
    return "-pass-" in path.name


@needs_corpus
def test_the_corpus_is_whole_and_keeps_its_readme() -> None:
    assert (CORPUS / "README.md").is_file()
    outcomes = Counter(_expected_to_pass(path) for path in FILES)
    assert outcomes == {True: 141, False: 155}


@needs_corpus
def test_every_verdict_is_right() -> None:
    wrong: list[str] = []
    crashed: list[str] = []
    unmapped: set[str] = set()
    for path in FILES:
        report = audit_pdf(path)  # UnreadablePdfError would fail the test: none is expected
        if report.passed != _expected_to_pass(path):
            found = sorted(report.conditions()) or "nothing"
            wrong.append(f"{path.relative_to(CORPUS)}: found {found}")
        if AUDIT_ERROR in report.conditions():
            crashed.append(str(path.relative_to(CORPUS)))
        unmapped |= {f.rule or "" for f in report.findings if f.condition == FALLBACK.condition}
    assert wrong == []
    assert crashed == []
    assert unmapped == set()  # every rule the corpus trips has its Matterhorn condition


@needs_corpus
def test_an_audit_beside_the_engine_reports_exactly_as_one_after_it() -> None:
    """made_here runs page-validation in a thread; the report must not change at all."""
    from leafpress.audit.model import UnreadablePdfError
    from leafpress.audit.runner import audit_bytes

    def report(data: bytes, name: str, made_here: bool) -> object:
        try:
            found = audit_bytes(data, name, made_here=made_here)
        except UnreadablePdfError as error:
            return [str(problem) for problem in error.problems]
        return (found.passed, [(f.condition, f.message, f.page, f.element, f.rule, f.detail)
                               for f in found.findings], found.checks_run)

    differ = [path.name for path in FILES
              if report(data := path.read_bytes(), path.name, False)
              != report(data, path.name, True)]
    assert differ == []
