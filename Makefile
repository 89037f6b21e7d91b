# leafpress: `make` sets everything up and builds every leaflet; `make test` runs the tests.
# Safe under `make -j`: every PDF is its own target, written atomically. make decides what is
# stale; one `leafpress build --queue` then renders all of it in a pool of warm workers.

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

# Build on every core by default (override with `make JOBS=1`). Output is not synchronised
# per target: the batch's progress bar must reach the terminal while it runs.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
MAKEFLAGS += --jobs=$(JOBS)

PYTHON     ?= python3
VENV       ?= .venv
VENV_STAMP ?= $(VENV)/.installed
# Node tools the tests run (Ace by DAISY), installed from package-lock.json.
NODE_STAMP ?= node_modules/.installed
LEAFPRESS  ?= $(VENV)/bin/leafpress
OUT        ?= build
PYTEST_ARGS ?=

LEAFLET_FILES := $(sort $(wildcard leaflets/*.yaml))
PDFS :=
RAN :=

.PHONY: all pdfs setup system-deps test check lint golden approve-pages clean

all: pdfs

setup: $(VENV_STAMP)

# System libraries WeasyPrint needs (Pango, HarfBuzz's subsetter), poppler's tools, and
# liblouis, espeak-ng and lame for the braille and audio formats.
system-deps:
	@sh scripts/system-deps.sh

# The system check runs inside this recipe, not as a prerequisite: a phony prerequisite
# would run on every `make` and leave `make -q` always reporting work to do.
$(VENV_STAMP): pyproject.toml
	@sh scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	sh scripts/link-louis.sh $(VENV)
	touch $@

# Ace by DAISY checks the EPUBs in Debian's Chromium: puppeteer must not fetch a browser.
$(NODE_STAMP): package.json package-lock.json | $(VENV_STAMP)
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
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

# Batching: when the goal is every leaflet, each stale target's recipe only appends its
# `build` line to a queue, and $(BATCH) builds the whole queue in one leafpress run (warm
# workers, one import and one stylesheet parse per worker). A target asked for by name
# (`make build/x/standard.pdf`) is built at once instead.
QUEUE := $(OUT)/.queue
BATCH := $(OUT)/.batch-done
BATCH_GOALS := all pdfs check
ifeq ($(filter-out $(BATCH_GOALS),$(if $(MAKECMDGOALS),$(MAKECMDGOALS),all)),)
LEAFPRESS_RUN = echo >> $(QUEUE)
LEAFPRESS_MARK = touch
# Lines left by an interrupted make are dropped: make queues what is still stale.
$(if $(wildcard $(QUEUE)),$(shell rm -f $(QUEUE)))
else
# Built at once: the batch has nothing more to do for this target.
LEAFPRESS_MARK = touch $(wildcard $(BATCH))
endif
include $(OUT)/targets.mk

# One leafpress run builds every queued target; a failing leaflet fails this rule (and so
# make) after the others are built, and stays stale, so the next make tries it again.
# It depends on the outputs (to find the stale ones) and on the markers each queued target
# touches ($(RAN)): the queueing leaves the outputs unchanged, and make reruns a rule only
# for a prerequisite that changed.
$(BATCH): $(RAN) $(PDFS)
	@if [ -s $(QUEUE) ]; then mv $(QUEUE) $(QUEUE).run && \
	  $(LEAFPRESS) build --queue $(QUEUE).run --out $(OUT) --jobs $(JOBS); fi
	@touch $@
endif

pdfs: $(if $(RAN),$(BATCH))

test: $(VENV_STAMP) $(NODE_STAMP)
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

check: $(VENV_STAMP) pdfs
	$(LEAFPRESS) check
	$(LEAFPRESS) audit $(filter %.pdf,$(PDFS))

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
