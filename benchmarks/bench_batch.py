"""Build speed against bare WeasyPrint, in one run: P1, P2, P2b and a 200-leaflet scale table.

Run: .venv/bin/python benchmarks/bench_batch.py [--runs 3] [--jobs 2] [--sizes 10,50,100,200]

- P1: one leaflet (the bones handout, standard) rendered by a warm Project, against a
  bare WeasyPrint render of the same HTML and stylesheets (parsed once, fonts warm).
  Goal: at most 1.15.
- P2: the whole sample catalogue from clean (`leafpress build --all -j N`) against the
  naive build: one `weasyprint` process per reading PDF, of the same HTML, N at a time.
  Goal: at most 0.5.
- P2b: `-j 1` time over `-j N` time, both from clean. Goal: at least 1.7 for N = 2.
- Scale: a catalogue generated here (sample sections in different combinations, in a
  temporary folder), built from clean at each size: seconds per leaflet (goal: flat within
  10 % from the smallest size to the largest) and the peak memory of the largest worker
  process (goal: under 300 MB).

Every ratio compares timings taken in the same run, so they hold on a busy machine even
when the seconds do not; each figure is the median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

from leafpress import Project
from leafpress.heap import settle_after_start_up

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LEAFLET = "secondary-breast-cancer-in-the-bones"
TODAY = dt.date.today().isoformat()
#: P2 and the scale table build what the naive build makes: the PDFs (reading and print).
PDF_FORMATS = ("--format", "pdf", "--format", "print-pdf")


def timed(function: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: CPU seconds of the last leafpress_build or naive_build: work done, whatever the load.
last_cpu: list[float] = [0.0]


# ------------------------------------------------------------------------------ the machine


def _spin(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - start


def parallel_capacity(jobs: int) -> float:
    """How much faster ``jobs`` CPU-bound processes finish ``jobs`` tasks than one does.

    On an idle machine with ``jobs`` free cores this is close to ``jobs``; on a loaded one
    it shows what speed-up P2b can possibly show.
    """
    import multiprocessing

    one = timed(lambda: _spin(0))
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pool.map(_spin, range(jobs))  # start the workers
        together = timed(lambda: pool.map(_spin, range(jobs)))
    return jobs * one / together


# ------------------------------------------------------------------------------ P1


def p1(runs: int) -> tuple[float, float]:
    """Median seconds of a warm leafpress render and of a warm bare WeasyPrint render."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    project = Project.open(ROOT)
    html, sheets = project.print_html(LEAFLET, "standard")
    fonts = FontConfiguration()
    css = [CSS(filename=str(path), font_config=fonts) for path in sheets]

    def bare() -> None:
        HTML(string=html, base_url=str(ROOT) + "/").write_pdf(
            stylesheets=css, font_config=fonts, pdf_variant="pdf/ua-1")

    def ours() -> None:
        project.render(LEAFLET, "standard")

    bare(), ours()  # warm both
    settle_after_start_up()  # as every leafpress worker does once warm (it helps both)
    ours_s, bare_s = [], []
    for _ in range(runs):
        ours_s.append(timed(ours))
        bare_s.append(timed(bare))
    return statistics.median(ours_s), statistics.median(bare_s)


# ------------------------------------------------------------------------------ P2


def leafpress_build(project: Path, out: Path, jobs: int) -> float:
    """Seconds for `leafpress build --all -j N` from clean."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(BIN / "leafpress"), "--project", str(project), "build", "--all",
               "--out", str(out), "--jobs", str(jobs), "--today", TODAY, "--allow-overdue",
               *PDF_FORMATS]
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    last_cpu[0] = children_cpu() - cpu
    return elapsed


def reading_pdf_html() -> Iterator[tuple[str, str, str, list[Path]]]:
    """(leaflet id, edition, HTML, stylesheets) of every reading PDF.

    The naive build and the floor both render exactly these.
    """
    project = Project.open(ROOT)
    for leaflet_id, leaflet in sorted(project.leaflets.items()):
        for edition in leaflet.definition.variants:
            yield leaflet_id, edition, *project.print_html(leaflet_id, edition)


def naive_build(work: Path, jobs: int) -> float:
    """Seconds for one `weasyprint` process per reading PDF, of leafpress's HTML, N at once."""
    commands = []
    for leaflet_id, edition, html, sheets in reading_pdf_html():
        source = work / f"{leaflet_id}-{edition}.html"
        source.write_text(html, encoding="utf-8")
        command = [str(BIN / "weasyprint"), "--base-url", str(ROOT) + "/",
                   "--pdf-variant", "pdf/ua-1", str(source),
                   str(source.with_suffix(".pdf"))]
        for sheet in sheets:
            command += ["-s", str(sheet)]
        commands.append(command)
    cpu, start = children_cpu(), time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda c: subprocess.run(c, check=True, capture_output=True), commands))
    elapsed = time.perf_counter() - start
    last_cpu[0] = children_cpu() - cpu
    return elapsed


def bare_catalogue_cpu() -> float:
    """CPU seconds for bare WeasyPrint to render every naive-build HTML file in one warm process.

    No process start, no import, stylesheets parsed once: the least any build of these
    files could cost, so ``this / naive CPU`` is the lowest P2 ratio a build could reach.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    parsed: dict[tuple[Path, ...], list[CSS]] = {}
    jobs = []
    for _, _, html, sheets in reading_pdf_html():
        key = tuple(sheets)
        if key not in parsed:
            parsed[key] = [CSS(filename=str(s), font_config=fonts) for s in sheets]
        jobs.append((html, parsed[key]))
    HTML(string=jobs[0][0], base_url=str(ROOT) + "/").write_pdf(
        stylesheets=jobs[0][1], font_config=fonts, pdf_variant="pdf/ua-1")  # warm
    start = time.process_time()
    for html, css in jobs:
        HTML(string=html, base_url=str(ROOT) + "/").write_pdf(
            stylesheets=css, font_config=fonts, pdf_variant="pdf/ua-1")
    return time.process_time() - start


# ------------------------------------------------------------------------------ scale


def make_catalogue(folder: Path, size: int) -> Path:
    """A project of ``size`` generated handouts, each a different mix of sample sections."""
    project = folder / f"catalogue-{size}"
    for name in ("templates", "styles", "content"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "leaflets" / "publishers", project / "leaflets" / "publishers")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    sections = sorted(p.stem for p in (ROOT / "content" / "sections").glob("*.md")
                      if p.stem != "notes-page")
    mixes = itertools.islice(itertools.combinations(sections, 3), 0, None, 7)
    for number, mix in zip(range(1, size + 1), mixes, strict=False):
        listed = "".join(f"  - {section}\n" for section in mix)
        (project / "leaflets" / f"generated-{number:04d}.yaml").write_text(
            f"id: generated-{number:04d}\ntitle: Generated leaflet {number}\n"
            "language: en-GB\nformat: leaflet\npaper: A4\nvariants: [standard]\n"
            "audience: People reading a benchmark\n"
            f"product_code: LP-GEN-{number:04d}\nversion: \"1.0\"\npublisher: sample\n"
            f"sections:\n{listed}", encoding="utf-8")
    return project


def peak_worker_mb(process: subprocess.Popen[bytes], stop: threading.Event,
                   found: dict[int, float]) -> None:
    """Sample the build's worker processes' peak resident memory (VmHWM) until stopped."""
    parent = psutil.Process(process.pid)
    while not stop.is_set():
        try:
            children = parent.children(recursive=True)
        except psutil.NoSuchProcess:
            return
        for child in children:
            try:
                status = Path(f"/proc/{child.pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    found[child.pid] = max(found.get(child.pid, 0.0),
                                           int(line.split()[1]) / 1024)
        time.sleep(0.1)


def scale_run(project: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds for the catalogue from clean, and the largest worker's peak MB."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(BIN / "leafpress"), "--project", str(project), "build", "--all",
               "--out", str(out), "--jobs", str(jobs), "--today", TODAY, "--allow-overdue",
               *PDF_FORMATS]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, found = threading.Event(), {}
    watcher = threading.Thread(target=peak_worker_mb, args=(process, stop, found))
    watcher.start()
    _, errors = process.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    watcher.join()
    if process.returncode:
        raise SystemExit(errors.decode())
    return elapsed, max(found.values(), default=0.0)


# ------------------------------------------------------------------------------ main


def main() -> None:
    """Measure and print every ratio and the scale table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sizes", default="10,50,100,200")
    parser.add_argument("--only", choices=["p1", "p2", "scale"], action="append")
    args = parser.parse_args()
    parts = args.only or ["p1", "p2", "scale"]
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; "
          f"medians of {args.runs} runs")
    with tempfile.TemporaryDirectory(prefix="leafpress-bench-") as scratch:
        work = Path(scratch)
        if "p1" in parts:
            ours, bare = p1(max(args.runs, 5))
            print(f"P1  warm render, {LEAFLET} standard: leafpress {ours:.3f} s, bare "
                  f"WeasyPrint {bare:.3f} s -> {ours / bare:.2f}x (goal <= 1.15x)")
        if "p2" in parts:
            many, one, naive, many_cpu, naive_cpu = [], [], [], [], []
            for _ in range(args.runs):
                many.append(leafpress_build(ROOT, work / "out", args.jobs))
                many_cpu.append(last_cpu[0])
                naive.append(naive_build(work, args.jobs))
                naive_cpu.append(last_cpu[0])
                one.append(leafpress_build(ROOT, work / "out", 1))
            m, o, n = (statistics.median(v) for v in (many, one, naive))
            mc, nc = statistics.median(many_cpu), statistics.median(naive_cpu)
            print(f"P2  catalogue from clean, -j{args.jobs}: leafpress {m:.1f} s, naive "
                  f"weasyprint-per-file {n:.1f} s -> {m / n:.2f}x (goal <= 0.5x)")
            print(f"    CPU time (work done, less sensitive to load): leafpress {mc:.1f} s, "
                  f"naive {nc:.1f} s -> {mc / nc:.2f}x")
            floor = bare_catalogue_cpu()
            print(f"    floor: bare WeasyPrint renders the same HTML files in one warm process "
                  f"in {floor:.1f} s CPU -> {floor / nc:.2f}x of naive (no build can go lower)")
            print(f"P2b -j1 {o:.1f} s / -j{args.jobs} {m:.1f} s -> {o / m:.2f}x (goal >= 1.7x); "
                  f"this machine now runs {args.jobs} CPU-bound processes "
                  f"{parallel_capacity(args.jobs):.2f}x faster than one")
        if "scale" in parts:
            sizes = [int(s) for s in args.sizes.split(",")]
            print(f"Scale: generated handouts (3 sections each, standard), -j{args.jobs}")
            print(f"  {'leaflets':>8} {'seconds':>8} {'s/leaflet':>10} {'vs first':>9} "
                  f"{'peak worker MB':>15} {'s/added leaflet':>16}")
            first = 0.0
            previous: tuple[int, float] | None = None
            marginal: list[float] = []
            for size in sizes:
                project = make_catalogue(work, size)
                samples = [scale_run(project, work / "scale-out", args.jobs)
                           for _ in range(args.runs)]
                seconds = statistics.median(s for s, _ in samples)
                peak = max(m for _, m in samples)
                per = seconds / size
                first = first or per
                # Each leaflet added since the size before: the start-up paid once per build
                # (imports, opening the project, starting workers) drops out.
                added = ((seconds - previous[1]) / (size - previous[0]) if previous else None)
                if added is not None:
                    marginal.append(added)
                print(f"  {size:>8} {seconds:>8.1f} {per:>10.3f} {per / first:>8.2f}x "
                      f"{peak:>15.0f} {'' if added is None else f'{added:.3f}':>16}")
                previous = (size, seconds)
                shutil.rmtree(project)
            if len(marginal) > 1:
                print(f"  seconds per added leaflet, last against first step: "
                      f"{marginal[-1] / marginal[0]:.2f}x (flat: within 10 %)")


if __name__ == "__main__":
    main()
