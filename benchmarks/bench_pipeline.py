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
from functools import partial
from pathlib import Path
from typing import Any

import pikepdf
from leafpress.build import _lay_out

from leafpress import pdfua as postprocess
from leafpress.content.selection import select
from leafpress.outputs import weasy as pdf
from leafpress.pdfua import finish as pdffinish
from leafpress.project.definitions import load_leaflet
from leafpress.project.library import load_library
from leafpress.render import html as htmlrender

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
            path = ROOT / "leaflets" / f"{args.leaflet}.yaml"
            options = htmlrender.RenderOptions(variant=variant, today=dt.date.today())
            stages["load library"], library = timed(partial(load_library, ROOT))
            stages["load definition"], leaflet = timed(partial(load_leaflet, path, ROOT))
            stages["select"], selection = timed(partial(select, leaflet, library))
            stages["HTML + layout"], document = timed(partial(_lay_out, selection, options, ROOT))
            stages["write PDF"], raw = timed(partial(pdf.write_pdf, document, source=path))
            stages["finish + save"], _ = timed(partial(pdffinish.finish, raw, variant=variant))
            with pikepdf.open(io.BytesIO(raw)) as opened:  # the part of finish that fixes tags
                inner, _ = timed(partial(postprocess.fix_tagging, opened))
            samples.setdefault(f"{variant}| tagging fixes", []).append(inner)
            for name, seconds in stages.items():
                samples.setdefault(f"{variant}: {name}", []).append(seconds)
    for variant in ("standard", "large-print"):
        rows = {k.split(": ", 1)[1]: statistics.median(v) for k, v in samples.items()
                if k.startswith(f"{variant}: ")}
        fixes = statistics.median(samples[f"{variant}| tagging fixes"])
        total = sum(rows.values())
        print(f"\n{args.leaflet} ({variant}), median of {args.repeat}: {total:.2f} s")
        for name, seconds in rows.items():
            print(f"  {name:16} {seconds:7.3f} s  {seconds / total:6.1%}")
        print(f"  (tagging fixes inside finish: {fixes:.3f} s, {fixes / total:.1%} of the total)")
    standard = sum(statistics.median(v) for k, v in samples.items() if k.startswith("standard:"))
    large = sum(statistics.median(v) for k, v in samples.items() if k.startswith("large-print:"))
    print(f"\nlarge print / standard time ratio: {large / standard:.2f}")


if __name__ == "__main__":
    main()
