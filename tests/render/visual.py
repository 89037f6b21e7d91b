"""Visual regression: a few pages of two samples as small PNGs, compared with approved ones.

As WeasyPrint's own tests do, pages are drawn to pixels and compared with images kept in
the repository (tests/render/pages/). After a deliberate change, look at the new images and
accept them with ``make approve-pages`` (``python -m tests.render.visual``).
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops
from tests.render.sample_layouts import lay_out_sample, project

APPROVED = Path(__file__).resolve().parent / "pages"
#: (leaflet, edition, first page, last page): a leaflet's opening and a booklet's covers.
PAGES = [
    ("what-is-secondary-breast-cancer", "standard", 1, 2),
    ("understanding-secondary-breast-cancer", "large-print", 1, 3),
]
DPI = 30
#: Share of pixels that may differ (anti-aliasing noise), and by how much each may differ.
MAX_CHANGED = 0.002
PIXEL_TOLERANCE = 16


def draw(pdf: bytes, first: int, last: int) -> list[Image.Image]:
    """Pages ``first``..``last`` of a PDF as greyscale images, by poppler's pdftoppm."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(first),
                        "-l", str(last), str(source), str(Path(folder) / "page")], check=True)
        return [Image.open(io.BytesIO(path.read_bytes())).convert("L")
                for path in sorted(Path(folder).glob("page*.png"))]


def name(leaflet: str, edition: str, page: int) -> str:
    """The approved image's file name."""
    return f"{leaflet}--{edition}--p{page}.png"


def changed_share(new: Image.Image, old: Image.Image) -> float:
    """The share of pixels that differ by more than the tolerance (1.0 if sizes differ)."""
    if new.size != old.size:
        return 1.0
    difference = ImageChops.difference(new, old).point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
    histogram = difference.histogram()
    return histogram[255] / (new.size[0] * new.size[1])


def current() -> dict[str, Image.Image]:
    """The pages as the code draws them now."""
    opened = project()
    drawn = {}
    for leaflet, edition, first, last in PAGES:
        sample = lay_out_sample(opened, leaflet, edition)
        for offset, image in enumerate(draw(sample.pdf, first, last)):
            drawn[name(leaflet, edition, first + offset)] = image
    return drawn


def approve() -> None:
    """Write the current pages as the approved images."""
    APPROVED.mkdir(exist_ok=True)
    for filename, image in current().items():
        image.save(APPROVED / filename, optimize=True)
        print(f"approved tests/render/pages/{filename}")


if __name__ == "__main__":
    approve()
    sys.exit(0)
