"""How many WeasyPrint layouts each sample PDF takes, the page count of each, and the seconds.

Run: .venv/bin/python benchmarks/bench_layouts.py [--repeat N]
Every sample leaflet in every edition it is made in is laid out N times in this one
process, stylesheets warm (as in a long-running build); the median seconds per PDF, and
the seconds per layout, are comparable within this run even on a noisy machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from leafpress import Project
from leafpress.outputs import JobOptions
from leafpress.outputs.pdf import LaidOut, lay_out

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 21)


def main() -> None:
    """Lay every sample out and print its layouts and seconds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    project = Project.open(ROOT)
    cases = [(lid, edition) for lid, leaflet in sorted(project.leaflets.items())
             for edition in leaflet.definition.variants]
    lay_out(project._job(*cases[0], JobOptions(TODAY)))  # warm the stylesheets and fonts
    seconds: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    laid: dict[tuple[str, str], LaidOut] = {}
    for _ in range(args.repeat):
        for case in cases:
            job = project._job(*case, JobOptions(TODAY))
            start = time.perf_counter()
            laid[case] = lay_out(job)
            seconds[case].append(time.perf_counter() - start)
    print(f"{'sample':48} {'edition':12} layouts  pages of each layout     seconds  s/layout")
    for case in cases:
        median = statistics.median(seconds[case])
        counts = laid[case].layouts
        print(f"{case[0]:48} {case[1]:12} {len(counts):7}  {list(counts)!s:24} "
              f"{median:7.2f}  {median / len(counts):8.2f}")
    layouts = sum(len(result.layouts) for result in laid.values())
    total = sum(statistics.median(values) for values in seconds.values())
    print(f"\nall {len(cases)} PDFs: {layouts} layouts, {total:.2f} s (median of {args.repeat})")


if __name__ == "__main__":
    main()
