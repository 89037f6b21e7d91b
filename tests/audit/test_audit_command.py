"""The ``leafpress audit`` command: lines, summary, JSON, folders, print files and exit codes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from leafpress.audit.command import audit_command

pytestmark = pytest.mark.slow


def _no_lang(pdf: pikepdf.Pdf) -> None:
    del pdf.Root["/Lang"]


def _as_print_file(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo["/LeafpressPurpose"] = "print-only"


def test_clean_file_exits_0(clean_pdf: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(clean_pdf)])

    assert result.exit_code == 0
    first, summary = result.output.splitlines()
    assert first.startswith(f"PASS  {clean_pdf}: PDF/UA-1 and large print")
    assert summary.startswith("1 file(s): 1 passed, 0 failed")


def test_failing_file_exits_1_with_located_findings(mutated: Callable[..., Path]) -> None:
    failing = mutated(_no_lang)
    result = CliRunner().invoke(audit_command, [str(failing)])

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"FAIL  {failing}: ")
    finding = next(line for line in lines if line.startswith("  11-004: "))
    assert finding.endswith("[page 1, Link annotation (object 7)]")
    assert "(PDFUA1-ANNOTATION-CONTENTS-LANGUAGE-001: " in result.output  # the engine's words
    assert lines[-1].startswith("1 file(s): 0 passed, 1 failed")


def test_json_output_shape(clean_pdf: Path, mutated: Callable[..., Path]) -> None:
    failing = mutated(_no_lang)
    result = CliRunner().invoke(audit_command, [str(clean_pdf), str(failing), "--json"])

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["passed"] is False
    assert document["summary"] == {
        "files": 2,
        "passed": 1,
        "failed": 1,
        "print": 0,
        "unreadable": 0,
    }
    clean, bad = document["files"]
    assert clean["verdict"] == "pass"
    assert clean["findings"] == []
    assert "page-validation" in clean["checks_run"]
    assert "orphaned-content" in clean["checks_run"]
    assert bad["verdict"] == "fail"
    by_condition = {finding["condition"]: finding for finding in bad["findings"]}
    assert set(by_condition) == {"11-001", "11-002", "11-003", "11-004"}
    assert by_condition["11-004"]["description"].startswith("Language of annotation Contents")
    assert by_condition["11-004"]["rule"] == "PDFUA1-ANNOTATION-CONTENTS-LANGUAGE-001"
    assert by_condition["11-004"]["page"] == 1


def test_a_folder_is_searched_recursively(
    clean_pdf: Path, mutated: Callable[..., Path], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    (folder / "a" / "b").mkdir(parents=True)
    shutil.copy(clean_pdf, folder / "a" / "b" / "clean.pdf")
    shutil.copy(mutated(_no_lang), folder / "a" / "no-lang.PDF")
    (folder / "notes.txt").write_text("not a PDF, and not named like one")
    (folder / "a" / "loop").symlink_to(folder, target_is_directory=True)  # not followed

    result = CliRunner().invoke(audit_command, [str(folder), "--json"])

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    verdicts = {Path(f["path"]).name: f["verdict"] for f in document["files"]}
    assert verdicts == {"clean.pdf": "pass", "no-lang.PDF": "fail"}


def test_an_empty_folder_fails_the_audit_with_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(tmp_path)])

    assert result.exit_code == 1
    lines = result.output.splitlines()
    at = lines.index(f"{tmp_path}: no PDF files in this folder")
    assert lines[at + 1].startswith("  → ")


def test_a_print_file_is_never_a_reading_pdf(
    clean_pdf: Path, mutated: Callable[..., Path]
) -> None:
    print_file = mutated(_as_print_file)
    result = CliRunner().invoke(audit_command, [str(print_file)])

    assert result.output.startswith(f"PRINT {print_file}: print file, not for reading")
    assert "PASS" not in result.output
    assert result.exit_code == 0  # correctly labelled, and its large-print checks passed

    document = json.loads(CliRunner().invoke(audit_command, [str(print_file), "--json"]).stdout)
    (entry,) = document["files"]
    assert entry["verdict"] == "print"
    assert entry["passed"] is False
    assert "page-validation" not in entry["checks_run"]
    assert document["passed"] is True  # nothing failed: the run's exit code is 0
    assert document["summary"]["print"] == 1


def test_no_large_print_flag_skips_large_print_checks(clean_pdf: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(clean_pdf), "--json", "--no-large-print"])

    assert json.loads(result.output)["files"][0]["large_print"] is False


@pytest.mark.parametrize("content", [b"", b"hello, not a PDF\n", b"%PDF-1.7\n%%EOF\n"])
def test_unreadable_file_fails_the_audit_with_a_located_message(
    tmp_path: Path, clean_pdf: Path, content: bytes
) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(content)
    result = CliRunner().invoke(audit_command, [str(clean_pdf), str(bad)])

    assert result.exit_code == 1  # a failed audit input; 2 is kept for a wrong command line
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    (at,) = [n for n, line in enumerate(lines) if line.startswith(f"{bad}: ")]
    assert lines[at].startswith(f"{bad}: could not read as PDF: ")
    assert lines[at].removeprefix(f"{bad}: could not read as PDF: ").strip()  # the reason
    assert lines[at + 1].startswith("  → ") and len(lines[at + 1]) > 20  # what to do
    assert "PASS" in result.output  # the readable file is still reported
    assert "1 could not be read" in result.output


def test_missing_file_fails_the_audit_in_json(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    result = CliRunner().invoke(audit_command, [str(missing), "--json"])

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    (entry,) = document["files"]
    assert document["passed"] is False
    assert entry["path"] == str(missing)
    assert (entry["verdict"], entry["passed"], entry["error"]) == (
        "unreadable", False, "could not read as PDF: no such file")
    assert entry["hint"].startswith("Check the path")


def test_exit_codes_through_the_leafpress_cli(
    clean_pdf: Path, mutated: Callable[..., Path], tmp_path: Path
) -> None:
    from leafpress.cli.app import main

    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a PDF")

    assert main(["audit", str(clean_pdf)]) == 0
    assert main(["audit", str(mutated(_no_lang))]) == 1
    assert main(["audit", str(not_pdf)]) == 1  # a problem in the files given: as README says
    assert main(["audit"]) == 2  # a wrong command line
    assert main(["audit", "--no-such-option", str(clean_pdf)]) == 2
