# draftdiff: the two commands the README promises, and the steps behind them.
#   make demo   set up, then compare the bundled sample drafts
#   make test   set up, then lint, type-check and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip -q --disable-pip-version-check
# The machine's pip config prints harmless "Location ... is ignored" warnings.
QUIET  := 2> >(grep -v "is ignored: it is neither" >&2)
SHELL  := /bin/bash

.PHONY: demo test lint typecheck unit setup expected bench clean

$(BIN)/draftdiff: pyproject.toml requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -c constraints.txt -r requirements-dev.txt -e . $(QUIET)
	touch $@

setup: $(BIN)/draftdiff

demo: setup
	$(BIN)/draftdiff diff samples/fund-v1-early.md samples/fund-v2-middle.md
	$(BIN)/draftdiff diff samples/fund-v2-middle.md samples/fund-v3-final.md

lint: setup
	$(BIN)/ruff check draftdiff tests bench
	$(BIN)/ruff format --check draftdiff tests bench

typecheck: setup
	$(BIN)/mypy

unit: setup
	unset NO_COLOR; $(BIN)/python -m pytest -q

test: lint typecheck unit

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
