"""Open a PDF, run the registered checks on it, and collect one report."""

from __future__ import annotations

import contextlib
import io
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import page
import pikepdf

from leafpress.audit.context import AuditContext
from leafpress.audit.engine import validate
from leafpress.audit.large_print import declares_large_print
from leafpress.audit.model import (
    AUDIT_ERROR,
    NOT_A_PDF_HINT,
    AuditReport,
    Finding,
    UnreadablePdfError,
)
from leafpress.audit.purpose import declares_print_file
from leafpress.audit.registry import (
    CHECKS,
    GAP_FILLERS,
    LARGE_PRINT_CHECKS,
    PAGE_SIZE_CHECK,
    Check,
)
from leafpress.pdfua.one_pass import reading

MAX_CONTENT_PROBLEMS = 5
NO_FILE_HINT = "Check the path. If leafpress makes this PDF, build it first."
DIRECTORY_HINT = "Give a PDF file, or a folder with .pdf files in it."


def _open(path: Path, data: bytes | None = None) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(data) if data is not None else path)
    except pikepdf.PasswordError:
        raise UnreadablePdfError.single(
            "could not read: the PDF is encrypted with a password", path=path,
            hint="Save a copy without a password and audit that.",
        ) from None
    except FileNotFoundError:
        raise UnreadablePdfError.single("no such file", path=path, hint=NO_FILE_HINT) from None
    except IsADirectoryError:
        raise UnreadablePdfError.single("this is a directory, not a PDF", path=path,
                                        hint=DIRECTORY_HINT) from None
    except Exception as error:  # pikepdf/qpdf raise several types for non-PDF input
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        reason = reason.removeprefix(f"{path}: ")
        raise UnreadablePdfError.single(f"could not read: {reason}", path=path,
                                        hint=NOT_A_PDF_HINT) from None


def _check_path(path: Path) -> None:
    if not path.exists():
        raise UnreadablePdfError.single("no such file", path=path, hint=NO_FILE_HINT)
    if path.is_dir():
        raise UnreadablePdfError.single("this is a directory, not a PDF", path=path,
                                        hint=DIRECTORY_HINT)


def _run(name: str, check: Check, ctx: AuditContext) -> list[Finding]:
    try:
        return check(ctx)
    except Exception as error:  # a broken object must become a finding, not a traceback
        detail = f"{type(error).__name__}: {error}".rstrip(": ")
        return [Finding(AUDIT_ERROR, f"Check {name} could not finish: {detail}")]


def covered(own: Finding, findings: list[Finding]) -> bool:
    """True when an engine finding reports the same condition on an object or the same page."""
    return any(
        found.rule is not None
        and found.condition == own.condition
        and (found.element is not None or (found.page is not None and found.page == own.page))
        for found in findings
    )


def _content_problems(ctx: AuditContext) -> list[Finding]:
    if "scan" not in ctx.__dict__:
        return []
    problems = ctx.scan.problems
    findings = [
        Finding(AUDIT_ERROR, f"Content could not be fully read: {message}", page)
        for page, message in problems[:MAX_CONTENT_PROBLEMS]
    ]
    if len(problems) > MAX_CONTENT_PROBLEMS:
        findings.append(
            Finding(AUDIT_ERROR, f"… and {len(problems) - MAX_CONTENT_PROBLEMS} more problems.")
        )
    return findings


def audit_pdf(path: Path, *, large_print: bool | None = None) -> AuditReport:
    """Audit one PDF for PDF/UA-1 (Matterhorn) and, if asked or declared, large print.

    page-validation reads the file first, within its safety limits (size, decoded
    streams, reference depth), so a hostile file is refused before leafpress's own
    checks decode anything. ``large_print=None`` runs the large-print checks only when
    the document info has ``/LeafpressVariant (large-print)``. A file whose info says
    ``/LeafpressPurpose (print-only)`` is an imposed print file: it gets no PDF/UA
    checks and never passes. Raises UnreadablePdfError ("could not read …") if the
    file cannot be read; any problem inside a readable PDF becomes a finding instead.
    """
    path = Path(path)
    _check_path(path)
    return _audit(path, None, large_print)


def audit_bytes(
    data: bytes, name: str, *, large_print: bool | None = None, made_here: bool = False,
) -> AuditReport:
    """Audit a PDF held in memory (a server's render) exactly as :func:`audit_pdf` does.

    ``made_here`` is for a PDF this process has just rendered, never for a file from
    outside: page-validation then runs in a thread (it releases the GIL) while leafpress
    reads the structure tree and content, instead of vetting the file before anything
    else decodes it. The report is the same either way.
    """
    if not made_here:
        return _audit(Path(name), data, large_print)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return _audit(Path(name), data, large_print, pool.submit(validate, Path(name), data))


def _audit(path: Path, data: bytes | None, large_print: bool | None,
           engine_running: Future[page.ValidationReport] | None = None) -> AuditReport:
    engine = validate(path, data) if engine_running is None else None
    try:
        opened = _open(path, data)
    except UnreadablePdfError:
        if engine_running is not None:
            engine_running.result()  # the engine's own reason first, as when it runs first
        raise
    with opened as pdf, reading(pdf):
        if large_print is None:
            large_print = declares_large_print(pdf)
        print_file = declares_print_file(pdf)
        ctx = AuditContext(pdf, path, large_print)
        if engine_running is not None:
            if not print_file:  # a print file gets no checks that would use them
                _analyse_ahead(ctx)
            engine = engine_running.result()
        ctx.engine = engine
        checks = {} if print_file else dict(CHECKS)
        checks.update(LARGE_PRINT_CHECKS if large_print else {})
        if print_file:  # imposed sheets hold two pages each: their size is not a page size
            checks.pop(PAGE_SIZE_CHECK, None)
        findings: list[Finding] = []
        for name, check in checks.items():
            found = _run(name, check, ctx)
            if name in GAP_FILLERS:  # keep only what the engine missed or could not locate
                found = [f for f in found if not covered(f, findings)]
            findings += found
        findings += _content_problems(ctx)
    return AuditReport(path, findings, list(checks), large_print, print_file)


def _analyse_ahead(ctx: AuditContext) -> None:
    """Build the shared analyses the checks will use while the engine runs in its thread.

    A failure here is left for the check that needs the analysis to report, as usual.
    """
    with contextlib.suppress(Exception):  # the checks meet it again and report it
        ctx.tree, ctx.scan  # noqa: B018 (each is built and kept on first use)
