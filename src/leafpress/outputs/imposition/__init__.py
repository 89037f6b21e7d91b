"""Saddle-stitch imposition of booklet PDFs into print files (see imposition.impose)."""

from .geometry import sheet_size_for
from .impose import impose, save_print_file
from .order import saddle_stitch_order

__all__ = ["impose", "saddle_stitch_order", "save_print_file", "sheet_size_for"]
