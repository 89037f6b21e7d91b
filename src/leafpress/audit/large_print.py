"""Large-print checks (UKAAF-style): text size, A4 pages, no italics, text contrast.

Contrast is measured against white paper unless the interpreter saw an opaque filled
rectangle behind the text (see interpreter.py for exactly what it can see).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pikepdf

from leafpress.audit.colour import blend, contrast_ratio, describe
from leafpress.audit.context import AuditContext
from leafpress.audit.fonts import (
    ITALIC_FLAG,
    base_font,
    decode_text,
    font_descriptor,
    font_flags,
    font_label,
    fonts_used,
)
from leafpress.audit.interpreter import TextRun
from leafpress.audit.model import Finding
from leafpress.editions import PAPERS, large_print_edition
from leafpress.pdfua.finish import VARIANT_KEY, declared
from leafpress.pdfua.structure import inherited_attribute

#: The large-print edition's rules, from the editions registry (the one home of the figures).
LARGE_PRINT = large_print_edition()
MIN_TEXT_PT = LARGE_PRINT.min_text_pt
SIZE_TOLERANCE_PT = 0.05
_PAPER = LARGE_PRINT.fixed_paper or PAPERS["A4"]
PAPER_PT = (_PAPER.width_mm * 72 / 25.4, _PAPER.height_mm * 72 / 25.4)
PAGE_TOLERANCE_PT = 2.0
MIN_CONTRAST = 4.5
MAX_UPRIGHT_SLANT_DEGREES = 5.0
ITALIC_WORDS = ("italic", "oblique")
LARGE_PRINT_VARIANT = LARGE_PRINT.name


def declares_large_print(pdf: pikepdf.Pdf) -> bool:
    """True when the document info says ``/LeafpressVariant (large-print)``."""
    return declared(pdf, VARIANT_KEY) == LARGE_PRINT_VARIANT


def _visible(ctx: AuditContext, runs: Iterable[TextRun]) -> list[TextRun]:
    """Rendered runs that show something other than white space."""
    return [
        run
        for run in runs
        if run.rendered and run.codes and decode_text(ctx, run).strip(" \t\n\r\xa0") != ""
    ]


def _sample(ctx: AuditContext, run: TextRun) -> str:
    text = decode_text(ctx, run).strip()
    return f' "{text[:30]}{"…" if len(text) > 30 else ""}"' if text else ""


def _font_name(run: TextRun) -> str:
    return base_font(run.font) if run.font is not None else f"/{run.font_key}"


def _per_page_worst(
    ctx: AuditContext, runs: Iterable[TextRun], score: Callable[[TextRun], float | None]
) -> dict[int, tuple[float, TextRun]]:
    """For each page, the lowest score among runs that have one."""
    worst: dict[int, tuple[float, TextRun]] = {}
    for run in runs:
        value = score(run)
        if value is not None and (run.page not in worst or value < worst[run.page][0]):
            worst[run.page] = (value, run)
    return worst


def check_text_size(ctx: AuditContext) -> list[Finding]:
    """LP-001: no text is drawn smaller than 16pt, page furniture included."""
    small = [
        run
        for run in ctx.scan.texts
        if run.size is not None and run.size < MIN_TEXT_PT - SIZE_TOLERANCE_PT
    ]
    worst = _per_page_worst(ctx, _visible(ctx, small), lambda run: run.size)
    return [
        Finding(
            "LP-001",
            f"Text drawn at {size:.1f}pt{_sample(ctx, run)} in {_font_name(run)}; "
            f"large print needs at least {MIN_TEXT_PT:g}pt.",
            page,
        )
        for page, (size, run) in sorted(worst.items())
    ]


def _page_size(page: pikepdf.Page) -> tuple[float, float] | None:
    for key in ("/TrimBox", "/CropBox", "/MediaBox"):
        box = inherited_attribute(page.obj, key)
        if isinstance(box, pikepdf.Array) and len(box) == 4:
            x0, y0, x1, y1 = (float(v) for v in box)
            return abs(x1 - x0), abs(y1 - y0)
    return None


def check_page_size(ctx: AuditContext) -> list[Finding]:
    """LP-002: every page (trim box, else crop or media box) is the large-print paper."""
    findings: list[Finding] = []
    for index, page in enumerate(ctx.pdf.pages):
        size = _page_size(page)
        if size is None:
            findings.append(Finding("LP-002", "The page has no usable page box.", index + 1))
            continue
        width, height = sorted(size)
        if (abs(width - PAPER_PT[0]) > PAGE_TOLERANCE_PT
                or abs(height - PAPER_PT[1]) > PAGE_TOLERANCE_PT):
            findings.append(
                Finding(
                    "LP-002",
                    f"The page is {size[0]:.1f} × {size[1]:.1f} pt; large print is "
                    f"{_PAPER.name} ({PAPER_PT[0]:.2f} × {PAPER_PT[1]:.2f} pt).",
                    index + 1,
                )
            )
    return findings


def _italic_reasons(font: pikepdf.Dictionary) -> list[str]:
    reasons = []
    descriptor = font_descriptor(font)
    names = [base_font(font)]
    if descriptor is not None and isinstance(descriptor.get("/FontName"), pikepdf.Name):
        names.append(str(descriptor["/FontName"])[1:])
    if any(word in name.lower() for name in names for word in ITALIC_WORDS):
        reasons.append("its name says italic/oblique")
    if font_flags(font) & ITALIC_FLAG:
        reasons.append("its Italic flag is set")
    angle = descriptor.get("/ItalicAngle", 0) if descriptor is not None else 0
    try:
        if float(angle) != 0:
            reasons.append(f"its ItalicAngle is {float(angle):g}°")
    except (TypeError, ValueError):
        pass
    return reasons


def check_italics(ctx: AuditContext) -> list[Finding]:
    """LP-003: no italic or oblique font, and no artificially slanted text, is used."""
    findings: list[Finding] = []
    for use in fonts_used(ctx).values():
        reasons = _italic_reasons(use.font) if use.rendered else []
        if reasons:
            pages = ", ".join(str(page) for page in sorted(use.pages)[:10])
            findings.append(
                Finding(
                    "LP-003",
                    f"Italic font in use on page(s) {pages}: {'; '.join(reasons)}.",
                    use.first_page,
                    font_label(use),
                )
            )
    slanted = _per_page_worst(
        ctx,
        (run for run in _visible(ctx, ctx.scan.texts) if run.slant > MAX_UPRIGHT_SLANT_DEGREES),
        lambda run: -run.slant,
    )
    findings += [
        Finding(
            "LP-003",
            f"Text is drawn slanted by {-lean:.0f}°{_sample(ctx, run)} (synthetic italic).",
            page,
        )
        for page, (lean, run) in sorted(slanted.items())
    ]
    return findings


def _contrast(run: TextRun) -> float | None:
    if run.colour is None:
        return None
    return contrast_ratio(blend(run.colour, run.alpha, run.background), run.background)


def check_contrast(ctx: AuditContext) -> list[Finding]:
    """LP-004: text in a known device colour contrasts at least 4.5:1 with what is behind."""
    low = [
        run
        for run in ctx.scan.texts
        if (ratio := _contrast(run)) is not None and ratio < MIN_CONTRAST
    ]
    worst = _per_page_worst(ctx, _visible(ctx, low), _contrast)
    findings = []
    for page, (ratio, run) in sorted(worst.items()):
        assert run.colour is not None
        opacity = f" at {run.alpha:.0%} opacity" if run.alpha < 1 else ""
        findings.append(
            Finding(
                "LP-004",
                f"Text{_sample(ctx, run)} in {describe(run.colour)}{opacity} on "
                f"{describe(run.background)} has contrast {ratio:.2f}:1; "
                f"at least {MIN_CONTRAST}:1 is needed.",
                page,
            )
        )
    return findings
