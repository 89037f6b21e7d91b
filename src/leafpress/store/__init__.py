"""The store: writing outputs atomically, dependency files and make targets."""
