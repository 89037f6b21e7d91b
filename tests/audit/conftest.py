"""Fixture PDFs for the audit: one WeasyPrint render, a hand-fixed clean copy, and mutators."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import CLEAN_HTML, Mutation, fix_footer, mark_large_print


@pytest.fixture(scope="session")
def raw_render(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CLEAN_HTML as WeasyPrint 70 writes it with pdf/ua-1: its footer is untagged."""
    from weasyprint import HTML

    path = tmp_path_factory.mktemp("audit") / "raw.pdf"
    HTML(string=CLEAN_HTML).write_pdf(path, pdf_variant="pdf/ua-1")
    return path


@pytest.fixture(scope="session")
def clean_pdf(raw_render: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The render with its footer made an Artifact and marked as large print."""
    path = tmp_path_factory.mktemp("audit") / "clean.pdf"
    with pikepdf.open(raw_render) as pdf:
        fix_footer(pdf)
        mark_large_print(pdf)
        pdf.save(path, fix_metadata_version=False)
    return path


@pytest.fixture
def mutated(clean_pdf: Path, tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Save a copy of the clean PDF changed by each given mutation; return its path."""
    counter = iter(range(1000))

    def make(*mutations: Mutation) -> Path:
        path = tmp_path / f"fault-{next(counter)}.pdf"
        with pikepdf.open(clean_pdf) as pdf:
            for mutation in mutations:
                mutation(pdf)
            pdf.save(path, fix_metadata_version=False)
        return path

    yield make
