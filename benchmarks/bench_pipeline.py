"""Time each pipeline stage for one leaflet and print each stage's share of the total.

Run: .venv/bin/python benchmarks/bench_pipeline.py [LEAFLET_ID] [--repeat N]
Everything is measured in this one run, so the ratios hold on a noisy 2-core machine even
when the absolute seconds do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf

from leafpress import htmlrender, pdf, pdffinish, postprocess
from leafpress.build import _lay_out
from leafpress.definitions import load_leaflet
from leafpress.library import load_library
from leafpress.selection import select

ROOT = Path(__file__).resolve().parent.parent


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by one call, and its result."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    """Measure the stages and print their medians and shares."""
    parser = argparse.ArgumentParser()
    parser.add_argument("leaflet", nargs="?", default="secondary-breast-cancer-in-the-bones")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {}
    for variant in ("standard", "large-print"):
        for _ in range(args.repeat):
            stages: dict[str, float] = {}
            stages["load library"], library = timed(lambda: load_library(ROOT))
            path = ROOT / "leaflets" / f"{args.leaflet}.yaml"
            stages["load definition"], leaflet = timed(lambda: load_leaflet(path, ROOT))
            stages["select"], selection = timed(lambda: select(leaflet, library))
            options = htmlrender.RenderOptions(variant=variant, today=dt.date.today())
            stages["HTML + layout"], document = timed(lambda: _lay_out(selection, options, ROOT))
            stages["write PDF"], raw = timed(lambda: pdf.write_pdf(document, source=path))
            with pikepdf.open(io.BytesIO(raw)) as opened:
                stages["tagging fixes"], _ = timed(lambda: postprocess.fix_tagging(opened))
            stages["finish + save"], _ = timed(lambda: pdffinish.finish(raw, variant=variant))
            for name, seconds in stages.items():
                samples.setdefault(f"{variant}: {name}", []).append(seconds)
    for variant in ("standard", "large-print"):
        rows = {k.split(": ", 1)[1]: statistics.median(v) for k, v in samples.items()
                if k.startswith(variant)}
        total = sum(rows.values())
        print(f"\n{args.leaflet} ({variant}), median of {args.repeat}: {total:.2f} s")
        for name, seconds in rows.items():
            print(f"  {name:16} {seconds:7.3f} s  {seconds / total:6.1%}")
    standard = sum(statistics.median(v) for k, v in samples.items() if k.startswith("standard"))
    large = sum(statistics.median(v) for k, v in samples.items() if k.startswith("large"))
    print(f"\nlarge print / standard time ratio: {large / standard:.2f}")


if __name__ == "__main__":
    main()
