# leafpress: `make` sets everything up and builds every leaflet; `make test` runs the tests.
# Safe under `make -j`: every PDF is its own target, written atomically.

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

# Build on every core by default (override with `make -j1`); keep each job's output together.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
MAKEFLAGS += --jobs=$(JOBS) --output-sync=target

PYTHON     ?= python3
VENV       ?= .venv
VENV_STAMP ?= $(VENV)/.installed
LEAFPRESS  ?= $(VENV)/bin/leafpress
OUT        ?= build
PYTEST_ARGS ?=

LEAFLET_FILES := $(sort $(wildcard leaflets/*.yaml))
PDFS :=

.PHONY: all pdfs setup system-deps test check lint golden approve-pages clean

all: pdfs

setup: $(VENV_STAMP)

# System libraries WeasyPrint needs (Pango, HarfBuzz's subsetter) and poppler's tools.
system-deps:
	@sh scripts/system-deps.sh

# The system check runs inside this recipe, not as a prerequisite: a phony prerequisite
# would run on every `make` and leave `make -q` always reporting work to do.
$(VENV_STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	touch $@

# Rules for every leaflet and variant, generated from the definitions. Each PDF's
# dependency file ($(OUT)/<id>/<variant>.d, written by the build like a compiler's -MD)
# lists the content, templates, styles and fonts it was made from.
# Only goals that build PDFs need them: `make test`, `make golden` and the like must work
# even while a leaflet definition is broken.
NO_PDF_GOALS := clean system-deps setup test lint golden approve-pages
ifneq ($(if $(MAKECMDGOALS),$(filter-out $(NO_PDF_GOALS),$(MAKECMDGOALS)),all),)
# The folder too: deleting a definition changes its time, so the rules are made again.
$(OUT)/targets.mk: $(LEAFLET_FILES) $(wildcard leaflets) | $(VENV_STAMP)
	@mkdir -p $(OUT)
	$(LEAFPRESS) targets --out $(OUT) > $@.part && mv $@.part $@
include $(OUT)/targets.mk
endif

pdfs: $(PDFS)

test: $(VENV_STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

check: $(VENV_STAMP) pdfs
	$(LEAFPRESS) check
	$(LEAFPRESS) audit $(filter-out %-print.pdf,$(PDFS))

lint: $(VENV_STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

# Regenerate the golden HTML the tests compare against, after a deliberate change.
golden: $(VENV_STAMP)
	$(VENV)/bin/python -m tests.golden

# Accept the page images the visual regression test compares against, after looking at them.
approve-pages: $(VENV_STAMP)
	$(VENV)/bin/python -m tests.render.visual

clean:
	rm -rf $(OUT)
