"""Time imposing a 40-page and a 4-page booklet and print the cost per page (no assertions)."""

from __future__ import annotations

import statistics
import time

import pikepdf
from pikepdf import Array, Dictionary, Name

from leafpress.outputs.imposition import impose

A5 = (419.527559, 595.275591)
REPEATS = 7


def booklet(page_count: int) -> pikepdf.Pdf:
    """A booklet of A5 pages, each with a heading and a few lines of Helvetica text."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    width, height = A5
    for number in range(1, page_count + 1):
        lines = [
            f"/P <</MCID 0>> BDC BT /F1 24 Tf 40 {height - 80:.2f} Td (Page {number}) Tj ET EMC"
        ]
        lines += [
            f"BT /F1 11 Tf 40 {height - 120 - 14 * i} Td (Line {i} of page {number}) Tj ET"
            for i in range(30)
        ]
        page = Dictionary(
            Type=Name.Page,
            MediaBox=Array([0, 0, width, height]),
            Resources=Dictionary(Font=Dictionary(F1=font)),
            Contents=pdf.make_stream("\n".join(lines).encode("ascii")),
        )
        pdf.pages.append(pikepdf.Page(page))
    return pdf


def seconds_to_impose(page_count: int) -> float:
    source = booklet(page_count)
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        impose(source, bleed_mm=3, crop_marks=True)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    per_page = {}
    for page_count in (4, 40):
        seconds = seconds_to_impose(page_count)
        per_page[page_count] = seconds / page_count
        milliseconds = seconds * 1000
        each = milliseconds / page_count
        print(f"{page_count:>3} pages: {milliseconds:8.2f} ms  ({each:.3f} ms/page)")
    ratio = per_page[40] / per_page[4]
    print(f"per-page cost, 40 pages vs 4 pages: {ratio:.2f}x")


if __name__ == "__main__":
    main()
