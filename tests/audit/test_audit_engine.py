"""The page-validation engine's rules as Matterhorn conditions, and where findings are."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from audit_pdfs import helvetica, save, tiny_pdf

from leafpress.audit import CONDITIONS, audit_pdf
from leafpress.audit.engine import structure_path
from leafpress.audit.rules import FALLBACK, RULES, rule


def test_every_rule_maps_to_a_described_condition() -> None:
    missing = {name: r.condition for name, r in RULES.items() if r.condition not in CONDITIONS}
    assert missing == {}
    assert all(r.explanation.endswith(".") for r in RULES.values())


def test_an_unknown_rule_still_fails_the_file() -> None:
    assert rule("PDFUA1-SOMETHING-NEW-001") == FALLBACK
    assert rule("PDFUA1-SUSPECTS-001").condition == "01-007"


def test_structure_path_names_every_ancestor_and_stops_on_a_cycle() -> None:
    root = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
    with pikepdf.new() as pdf:
        table = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Table, P=root))
        row = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.TR, P=table))
        cell = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.TD, P=row))
        assert structure_path(cell) == "Table › TR › TD"
        table.P = cell  # a loop: TD → TR → Table → TD …
        assert structure_path(cell) == "… › Table › TR › TD"


@pytest.mark.parametrize(("tabs", "expected"), [(None, "28-008"), ("/R", "28-009")])
def test_one_engine_rule_gives_the_exact_condition(
    tmp_path: Path, tabs: str | None, expected: str
) -> None:
    pdf = tiny_pdf(b"/P <</MCID 0>> BDC EMC", fonts={"F1": helvetica()}, mcids=(0,))
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10]
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
    if tabs is not None:
        pdf.pages[0].obj.Tabs = pikepdf.Name(tabs)

    report = audit_pdf(save(pdf, tmp_path))

    (finding,) = [f for f in report.findings if f.rule == "PDFUA1-PAGE-TABS-001"]
    assert finding.condition == expected
    assert finding.page == 1


def test_a_pdf_in_memory_gets_the_same_verdict_as_its_file(tmp_path: Path) -> None:
    from leafpress.audit.runner import audit_bytes

    path = save(tiny_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", fonts={"/F1": helvetica()}),
                tmp_path, "untagged.pdf")
    on_disk = audit_pdf(path)
    in_memory = audit_bytes(path.read_bytes(), "untagged.pdf")
    assert not on_disk.passed and not in_memory.passed
    assert [(f.condition, f.message) for f in in_memory.findings] == [
        (f.condition, f.message) for f in on_disk.findings]


def test_a_pdf_made_here_is_validated_in_a_thread_beside_the_other_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from leafpress.audit import runner

    path = save(tiny_pdf(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", fonts={"/F1": helvetica()}),
                tmp_path, "untagged.pdf")
    threads: list[str] = []
    real = runner.validate

    def recording(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "validate", recording)
    runner.audit_bytes(path.read_bytes(), "untagged.pdf")
    runner.audit_bytes(path.read_bytes(), "untagged.pdf", made_here=True)
    assert threads[0] == threading.current_thread().name  # a file from outside: vetted first
    assert threads[1] != threading.current_thread().name
