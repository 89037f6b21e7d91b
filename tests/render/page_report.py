"""Page figures for every sample: ``python -m tests.render.page_report``.

Per leaflet and edition: pages, median and longest line, stray breaks, lines starting
with a citation, pages under a third full, the emptiest page and list items left alone.
"""

from __future__ import annotations

from tests.render.sample_layouts import cases, lay_out_sample, project

from leafpress.render import pages


def main() -> None:
    """Print one line of figures per sample."""
    opened = project()
    for leaflet, edition in cases():
        document = lay_out_sample(opened, leaflet, edition).document
        lines, found = pages.lines(document), pages.pages(document)
        median, longest = pages.line_lengths(lines)
        emptiest = min(found, key=lambda page: page.fill)
        excuse = " (ends a chapter)" if emptiest.ends_chapter else ""
        print(f"{leaflet} {edition}: {len(found)} pages, line median {median:g} max {longest}, "
              f"stray breaks {len(pages.stray_breaks(lines))}, citation line starts "
              f"{len(pages.citation_line_starts(lines))}, under a third full "
              f"{[p.number for p in pages.underfilled(found)]}, emptiest page "
              f"{emptiest.number} ({emptiest.fill:.0%}){excuse}, list items or lead-ins "
              f"left alone {len(pages.lone_list_items(document))}")


if __name__ == "__main__":
    main()
