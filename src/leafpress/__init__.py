"""leafpress: accessible, reviewed patient leaflets from YAML and Markdown."""

__version__ = "0.1.0"
