"""The ``leafpress audit`` command: tables, JSON output and exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from leafpress.audit.command import audit_command

pytestmark = pytest.mark.slow


def _no_lang(pdf: pikepdf.Pdf) -> None:
    del pdf.Root["/Lang"]


def test_clean_file_exits_0(clean_pdf: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(clean_pdf)])

    assert result.exit_code == 0
    assert "PASS" in result.output
    assert "large print" in result.output


def test_failing_file_exits_1_with_a_table(mutated: Callable[..., Path]) -> None:
    result = CliRunner().invoke(audit_command, [str(mutated(_no_lang))])

    assert result.exit_code == 1
    assert "FAIL" in result.output
    assert "11-001" in result.output
    assert "Matterhorn" in result.output  # the table's column header


def test_json_output_shape(clean_pdf: Path, mutated: Callable[..., Path]) -> None:
    failing = mutated(_no_lang)
    result = CliRunner().invoke(audit_command, [str(clean_pdf), str(failing), "--json"])

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["passed"] is False
    clean, bad = document["files"]
    assert clean == {
        "path": str(clean_pdf),
        "passed": True,
        "large_print": True,
        "checks_run": clean["checks_run"],
        "findings": [],
    }
    assert "tagged-content" in clean["checks_run"]
    assert bad["passed"] is False
    assert bad["findings"] == [
        {
            "condition": "11-001",
            "description": "Document language missing or not a valid language tag",
            "message": bad["findings"][0]["message"],
            "page": None,
            "element": None,
        }
    ]


def test_json_passes_when_all_pass(clean_pdf: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(clean_pdf), "--json"])

    assert result.exit_code == 0
    assert json.loads(result.output)["passed"] is True


def test_no_large_print_flag_skips_large_print_checks(clean_pdf: Path) -> None:
    result = CliRunner().invoke(audit_command, [str(clean_pdf), "--json", "--no-large-print"])

    assert json.loads(result.output)["files"][0]["large_print"] is False


@pytest.mark.parametrize("content", [b"", b"hello, not a PDF\n", b"%PDF-1.7\n%%EOF\n"])
def test_unreadable_file_exits_2_without_traceback(
    tmp_path: Path, clean_pdf: Path, content: bytes
) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(content)
    result = CliRunner().invoke(audit_command, [str(clean_pdf), str(bad)])

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    error_lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1
    assert str(bad) in error_lines[0]
    assert "PASS" in result.output  # the readable file is still reported


def test_missing_file_exits_2_in_json(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    result = CliRunner().invoke(audit_command, [str(missing), "--json"])

    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {missing}: no such file"
    document = json.loads(result.stdout)
    assert document["files"] == [
        {"path": str(missing), "passed": False, "error": f"{missing}: no such file"}
    ]


def test_exit_codes_through_the_leafpress_cli(
    clean_pdf: Path, mutated: Callable[..., Path], tmp_path: Path
) -> None:
    from leafpress.cli.app import main

    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a PDF")

    assert main(["audit", str(clean_pdf)]) == 0
    assert main(["audit", str(mutated(_no_lang))]) == 1
    assert main(["audit", str(not_pdf)]) == 2
