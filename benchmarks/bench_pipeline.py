"""Time each pipeline stage and each tagging fix for one leaflet, with each stage's share.

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

from leafpress import Project
from leafpress import pdfua as postprocess
from leafpress.editions import EDITIONS
from leafpress.outputs import FORMATS, JobOptions, RenderJob
from leafpress.outputs import weasy as pdf
from leafpress.outputs.pdf import lay_out
from leafpress.outputs.weasy import StylePool
from leafpress.pdfua import finish as pdffinish
from leafpress.render.html import make_environment

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
    styles = StylePool(ROOT)  # warm after the first render, as in a long-running build
    environment = make_environment(ROOT / "templates")
    for variant in ("standard", "large-print"):
        for _ in range(args.repeat):
            stages: dict[str, float] = {}
            stages["open project"], project = timed(partial(Project.open, ROOT))
            stages["select"], selection = timed(partial(project.select, args.leaflet))
            job = RenderJob(selection, EDITIONS[variant], JobOptions(dt.date.today()),
                            environment, styles, ROOT / "styles", FORMATS)
            stages["HTML"], _ = timed(job.html)
            stages["layout"], laid_out = timed(partial(lay_out, job))
            document = laid_out.document
            path = selection.leaflet.path
            stages["write PDF"], raw = timed(partial(pdf.write_pdf, document, source=path))
            stages["finish + save"], _ = timed(partial(pdffinish.finish, raw, variant=variant))
            with pikepdf.open(io.BytesIO(raw)) as opened:  # the part of finish that fixes tags
                inner, _ = timed(partial(postprocess.fix_tagging, opened))
            samples.setdefault(f"{variant}| tagging fixes", []).append(inner)
            with pikepdf.open(io.BytesIO(raw)) as opened:  # each fix alone, outside one pass
                for name, fix in postprocess.FIXES.items():
                    alone, _ = timed(partial(fix, opened))
                    samples.setdefault(f"{variant}| fix {name}", []).append(alone)
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
        print(f"  (tagging fixes inside finish, as one pass: {fixes:.3f} s, "
              f"{fixes / total:.1%} of the total)")
        alone = {name: statistics.median(samples[f"{variant}| fix {name}"])
                 for name in postprocess.FIXES}
        print(f"  each fix alone (no shared pass), {sum(alone.values()):.3f} s in all:")
        for name, seconds in alone.items():
            print(f"    {name:14} {seconds:7.3f} s")
    standard = sum(statistics.median(v) for k, v in samples.items() if k.startswith("standard:"))
    large = sum(statistics.median(v) for k, v in samples.items() if k.startswith("large-print:"))
    print(f"\nlarge print / standard time ratio: {large / standard:.2f}")


if __name__ == "__main__":
    main()
