"""Cold against warm: the bones handout rendered first and again in one process.

Run: .venv/bin/python benchmarks/bench_warm_render.py [LEAFLET_ID] [--repeat N]
The first render pays for parsing the stylesheets and loading the fonts; later renders
borrow them warm from the Project. Both are measured in this one run, so the ratio holds
on a noisy machine even when the seconds do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

from leafpress import Project

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print the cold time, the warm median and their ratio, per edition."""
    parser = argparse.ArgumentParser()
    parser.add_argument("leaflet", nargs="?", default="secondary-breast-cancer-in-the-bones")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    today = dt.date.today()
    project = Project.open(ROOT)
    for edition in ("standard", "large-print"):
        start = time.perf_counter()
        first = project.render(args.leaflet, edition=edition, today=today)
        cold = time.perf_counter() - start
        warm_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            again = project.render(args.leaflet, edition=edition, today=today)
            warm_times.append(time.perf_counter() - start)
            assert again.data == first.data, "a warm render must give the same bytes"
        warm = statistics.median(warm_times)
        print(f"{args.leaflet} ({edition}, {first.pages} pages): first {cold:.2f} s, "
              f"again (median of {args.repeat}) {warm:.2f} s, warm/cold {warm / cold:.2f}")


if __name__ == "__main__":
    main()
