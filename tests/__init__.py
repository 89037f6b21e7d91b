"""The leafpress test suite (a package, so that `python -m tests.golden` works)."""
