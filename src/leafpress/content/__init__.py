"""Stage 2: content as data: the Markdown dialect, selection, governance, readability."""
