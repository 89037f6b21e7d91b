"""Time the studio: p95 request-to-PDF with warm workers vs a bare WeasyPrint render.

Run: .venv/bin/python benchmarks/bench_studio.py [--requests 50] [--workers 2] [--in-thread]
A copy of the project in a temporary folder is served (so the log is not written into the
repository) by ``leafpress serve`` in a process of its own, as a nurse runs it; with
``--in-thread`` the server runs in a thread of this process instead, where the bare renders'
garbage is collected in the server's requests too. The handout is the first run of sections
that makes a 4-page A4 standard PDF.
Server requests and bare renders alternate in this one run, so the ratio holds on a noisy
machine even when the absolute seconds do not. The bare render is WeasyPrint given the
handout's HTML and stylesheets as its documentation says to, with a FontConfiguration so
the stylesheets' @font-face fonts are used; the benchmark checks that it makes the same
handout (pages and fonts) before it times anything. Without a FontConfiguration WeasyPrint
drops the @font-face rules and sets the text in the system's fallback font, a different
handout; that render is timed too, for context. The server's time includes everything a
nurse waits for: HTTP, validation, rendering, PDF/UA finishing, the audit and the log.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pikepdf
import uvicorn
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from leafpress import pdfua
from leafpress.engine import Project
from leafpress.heap import settle_after_start_up
from leafpress.server.app import create_app
from leafpress.server.handout import parse_request
from leafpress.server.studio import Studio
from leafpress.server.workers import audit_findings

REPO = Path(__file__).resolve().parents[1]
#: Three short sections that, with contacts and the end section, make 4 A4 pages.
SECTIONS = ["tests-chest-xray", "tests-liver-ultrasound", "tests-scans"]


def _copy(target: Path) -> Path:
    for folder in ("content", "leaflets", "templates", "styles"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy(REPO / "pyproject.toml", target)
    return target


def _four_pages(project: Project, base: dict[str, Any]) -> dict[str, Any]:
    body = {"title": "Your handout", "sections": SECTIONS,
            "contacts": "breast-unit-st-elsewhere"}
    pages = project.render({**base, **body}).pages
    if pages != 4:
        raise SystemExit(f"the benchmark handout now has {pages} pages, not 4: "
                         "choose other SECTIONS")
    return body


@contextlib.contextmanager
def _served(root: Path, port: int, workers: int, in_thread: bool) -> Iterator[None]:
    """The studio on ``port`` until the block ends: ``leafpress serve``, or a thread here."""
    if in_thread:
        server = uvicorn.Server(uvicorn.Config(create_app(root, workers=workers, watch_every=0),
                                               host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.1)
        yield
        server.should_exit = True
        thread.join(timeout=60)
        return
    command = [sys.executable, "-m", "leafpress", "--project", str(root), "serve",
               "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        for _ in range(600):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/api/sections", timeout=5).is_success:
                    break
            if process.poll() is not None:
                raise SystemExit("leafpress serve stopped before it answered")
            time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=60)


@contextlib.contextmanager
def _timed_tagging(into: list[float]) -> Iterator[None]:
    """Time each PDF/UA tagging pass (pdfua.fix_tagging) of the renders in this block."""
    original = pdfua.fix_tagging

    def timed(pdf: pikepdf.Pdf) -> list[str]:
        start = time.perf_counter()
        try:
            return original(pdf)
        finally:
            into.append(time.perf_counter() - start)

    pdfua.fix_tagging = timed
    try:
        yield
    finally:
        pdfua.fix_tagging = original


def _as_truetype(sheets: list[Path], folder: Path) -> list[Path]:
    """Copies of the stylesheets whose WOFF2 fonts are decoded once, to TrueType files.

    For context only: how much of a cold render is WeasyPrint decoding WOFF2 each time.
    """
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    folder.mkdir()
    copies = []
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        for match in re.finditer(r'url\("([^"]+)\.woff2"\) format\("woff2"\)', css):
            font = TTFont(sheet.parent / f"{match[1]}.woff2")
            font.flavor = None
            target = folder / f"{Path(match[1]).name}.ttf"
            font.save(target)
            css = css.replace(match[0], f'url("{target.as_uri()}") format("truetype")')
        copy = folder / sheet.name
        copy.write_text(css, encoding="utf-8")
        copies.append(copy)
    return copies


def _bare_pdf(html: str, sheets: list[Path], root: Path, *, fonts: bool) -> bytes:
    """Bare WeasyPrint, from nothing: parse the stylesheets, lay out, write the PDF.

    With ``fonts``, one FontConfiguration serves the stylesheets and the render, which is
    how WeasyPrint loads @font-face fonts; without it, it drops them silently.
    """
    config = FontConfiguration() if fonts else None
    css = [weasyprint.CSS(filename=str(sheet), font_config=config) for sheet in sheets]
    data: bytes = weasyprint.HTML(string=html, base_url=str(root)).write_pdf(
        stylesheets=css, font_config=config)
    return data


def _pages_and_fonts(data: bytes) -> tuple[int, frozenset[str]]:
    """A PDF's page count and the names of its fonts (without the subset tag)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = frozenset(str(font.BaseFont).split("+")[-1] for font in pdf.objects
                          if isinstance(font, pikepdf.Dictionary)
                          and font.get("/Type") == "/Font" and "/BaseFont" in font)
        return len(pdf.pages), names


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> None:
    """Measure and print both figures and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--in-thread", action="store_true",
                        help="serve from a thread of this process, not a process of its own")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = _copy(Path(folder) / "project")
        project = Project.open(root)
        studio = Studio(project, None)  # checks requests as the server does; renders nothing
        base = {"id": "handout", "title": "Your handout", "publisher": "sample",
                "product_code": "HANDOUT", "version": "1", "audience": "Anyone"}
        body = _four_pages(project, base)
        mapping = studio.definition(parse_request(body))
        html, sheets = project.print_html(mapping)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]

        ours = _pages_and_fonts(project.render(mapping).data)
        same = _pages_and_fonts(_bare_pdf(html, sheets, root, fonts=True))
        fallback = _pages_and_fonts(_bare_pdf(html, sheets, root, fonts=False))
        if same != ours:
            raise SystemExit(f"the bare render is not the same handout: {same} against the "
                             f"studio's {ours}")

        def bare() -> float:
            start = time.perf_counter()
            _bare_pdf(html, sheets, root, fonts=True)
            return time.perf_counter() - start

        truetype = _as_truetype(sheets, Path(folder) / "truetype")
        if _pages_and_fonts(_bare_pdf(html, truetype, root, fonts=True)) != ours:
            raise SystemExit("the TrueType copy does not make the same handout")

        def bare_truetype() -> float:
            start = time.perf_counter()
            _bare_pdf(html, truetype, root, fonts=True)
            return time.perf_counter() - start

        def bare_without_fonts() -> float:
            start = time.perf_counter()
            _bare_pdf(html, sheets, root, fonts=False)
            return time.perf_counter() - start

        fonts = FontConfiguration()
        warm_sheets = [weasyprint.CSS(filename=str(s), font_config=fonts) for s in sheets]

        def bare_tagged() -> float:
            """The same HTML as a tagged PDF/UA-1 file, stylesheets parsed once (as P1)."""
            start = time.perf_counter()
            weasyprint.HTML(string=html, base_url=str(root)).write_pdf(
                stylesheets=warm_sheets, font_config=fonts, pdf_variant="pdf/ua-1")
            return time.perf_counter() - start

        tagging: list[float] = []

        def engine() -> tuple[float, float]:
            start = time.perf_counter()
            with _timed_tagging(tagging):
                rendered = project.render(mapping)
            middle = time.perf_counter()
            audit_findings(rendered.data, rendered.filename)
            return middle - start, time.perf_counter() - middle

        served: list[float] = []
        bares: list[float] = []
        fontless: list[float] = []
        truetypes: list[float] = []
        tagged: list[float] = []
        engines: list[tuple[float, float]] = []
        with (_served(root, port, args.workers, args.in_thread),
              httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client):
            for _ in range(2 * args.workers + 2):  # warm every worker and the bare path
                client.post("/api/handouts", json=body).raise_for_status()
                bare(), bare_truetype(), bare_without_fonts(), bare_tagged(), engine()
            settle_after_start_up()  # this process too, as the studio's workers do
            for _ in range(args.requests):
                start = time.perf_counter()
                response = client.post("/api/handouts", json=body)
                served.append(time.perf_counter() - start)
                response.raise_for_status()
                pages = response.headers["x-leafpress-pages"]
                bares.append(bare())
                fontless.append(bare_without_fonts())
                truetypes.append(bare_truetype())
                tagged.append(bare_tagged())
                engines.append(engine())
    p95, median = _p95(served), statistics.median(bares)
    warm = statistics.median(tagged)
    print(f"handout: {len(body['sections'])} sections, {pages} A4 pages, standard edition, "
          f"set in {', '.join(sorted(same[1]))}")
    where = "a thread of this process" if args.in_thread else "leafpress serve"
    print(f"studio ({where}) request-to-PDF over {args.requests} requests "
          f"({args.workers} warm workers): "
          f"median {statistics.median(served):.3f} s, p95 {p95:.3f} s")
    print("bare WeasyPrint rendering the same handout's HTML, medians of "
          f"{len(bares)} runs, and the studio's p95 against each (target <= 1.2):")
    print(f"  cold, as one WeasyPrint call: the stylesheets parsed and the five WOFF2 fonts "
          f"decoded each time: {median:.3f} s; ratio {p95 / median:.2f}")
    print(f"  for context, cold with the same fonts as TrueType files (no WOFF2 to decode): "
          f"{statistics.median(truetypes):.3f} s; ratio {p95 / statistics.median(truetypes):.2f}")
    print(f"  warm, as the studio's workers render: stylesheets and fonts reused, tagged "
          f"PDF/UA-1 (as P1 of bench_batch): {warm:.3f} s; ratio {p95 / warm:.2f}")
    print(f"  for context, fonts dropped (no FontConfiguration: set in "
          f"{', '.join(sorted(fallback[1]))}, so not the same handout; the cold baseline "
          f"before December 2026): {statistics.median(fontless):.3f} s; ratio "
          f"{p95 / statistics.median(fontless):.2f}")
    render, audit = (statistics.median(column) for column in zip(*engines, strict=True))
    fixes = statistics.median(tagging[-args.requests:])
    print(f"in this process: Project.render median {render:.3f} s, of which the PDF/UA tagging "
          f"pass (pdfua/, which closes WeasyPrint 70's tagging gaps) {fixes:.3f} s; the audit "
          f"every served PDF passes {audit:.3f} s. As shares of the warm render: tagging "
          f"{fixes / warm:.0%}, audit {audit / warm:.0%}")
    print(f"the server itself: median / (render + audit medians) "
          f"{statistics.median(served) / (render + audit):.2f}, "
          f"p95 / (render + audit medians) {p95 / (render + audit):.2f}")

if __name__ == "__main__":
    main()
