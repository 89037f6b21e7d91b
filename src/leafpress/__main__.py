"""Allow ``python -m leafpress``."""

from leafpress.cli import run

run()
