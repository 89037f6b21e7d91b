"""Stage 3: a selection rendered to one semantic HTML document through Jinja2."""
