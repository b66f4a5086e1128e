# draftdiff: the two commands the README promises, and the steps behind them.
#   make demo   set up, then compare the bundled sample drafts
#   make test   set up (the Debian packages the tests drive too, where it may), then
#               lint, type-check and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip -q --disable-pip-version-check
# The machine's pip config prints harmless "Location ... is ignored" warnings.
QUIET  := 2> >(grep -v "is ignored: it is neither" >&2)
SHELL  := /bin/bash

.PHONY: demo test lint typecheck unit setup system-packages expected bench fuzz properties clean

$(BIN)/draftdiff: pyproject.toml requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -c constraints.txt -r requirements-dev.txt -e . $(QUIET)
	touch $@

setup: $(BIN)/draftdiff

demo: setup
	$(BIN)/draftdiff diff samples/fund-v1-early.md samples/fund-v2-middle.md
	$(BIN)/draftdiff diff samples/fund-v2-middle.md samples/fund-v3-final.md

lint: setup
	$(BIN)/ruff check draftdiff tests bench fuzz
	$(BIN)/ruff format --check draftdiff tests bench fuzz

typecheck: setup
	$(BIN)/mypy

# Written by scripts/system-packages.sh: the tests whose commands are missing.
MISSING_TOOLS ?=

unit: setup
	unset NO_COLOR; DRAFTDIFF_MISSING_TOOLS=$(MISSING_TOOLS) $(BIN)/python -m pytest -q

# The Debian packages the tests drive (scripts/system-packages.txt): installed when this
# runs as root with apt-get; otherwise one line says what is missing and how to get it.
system-packages:
	bash scripts/system-packages.sh

# Everything runs even when packages are missing; the exit status is then non-zero.
test: setup
	@status=0; \
	bash scripts/system-packages.sh $(VENV)/missing-tools || status=1; \
	$(MAKE) --no-print-directory -k lint typecheck unit MISSING_TOOLS=$(VENV)/missing-tools \
	  || status=1; \
	exit $$status

# The property tests with many examples (make test runs them with few).
properties: setup
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q tests/properties

# A longer coverage-guided fuzzing run of every target (CI runs a short one).
fuzz: setup
	$(BIN)/python -m fuzz.run --seconds 300

# Rewrite the checked-in expected JSON for the sample pairs; review the diff.
expected: setup
	$(BIN)/python -m tests.expected.regenerate

# Speed against peers (git diff --word-diff, redlines) and numbering agreement; not run by CI.
bench: setup
	$(PIP) install redlines $(QUIET)
	$(BIN)/python -m bench.compare_speed
	$(BIN)/python -m bench.compare_speed --rewrite --pages 10 50 100 250 500
	$(BIN)/python -m bench.spdx_numbering

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
