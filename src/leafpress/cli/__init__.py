"""The command line: thin click commands over the render engine."""

from leafpress.cli.app import INTERNAL_ERROR, cli, main, run

__all__ = ["INTERNAL_ERROR", "cli", "main", "run"]
