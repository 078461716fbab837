# Set-up is part of every target: a fresh machine needs only `make run` or `make test`.
# `make run` installs what running needs (RUNTIME); `make test` adds the development and
# test tools (`.[dev]`) to the same environment (STAMP).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-stamp
STAMP := $(VENV)/.installed-stamp
RUN_ARGS ?=  # options for `csto serve`: make run RUN_ARGS="--port 8080"
I18N := src/csto/present/i18n
# Message templates are marked with N_() or are the first argument of the project's errors.
I18N_KEYWORDS := -k N_ -k InputError -k NotFoundError -k CstoError -k StorageError

.PHONY: run test lint typecheck unit bench i18n docs clean

# The libraries are installed without their bytecode: Python writes it as it imports
# them, so the environment holds only what running uses (see README: "make run").
$(RUNTIME): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -c constraints.txt -e .
	$(BIN)/python -m compileall -q src
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(RUNTIME)
	$(BIN)/csto serve $(RUN_ARGS)

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The benchmarks also need mutmut (installed here, not for tests) and wrk (from Debian,
# installed by the web benchmark where it is missing).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python -m compileall -q src
	$(BIN)/python benchmarks/run.py

# Re-extract messages, merge them into the catalogs and compile them (after editing texts).
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(I18N_KEYWORDS) --no-location --sort-output -o $(I18N)/csto.pot src
	$(BIN)/pybabel update -i $(I18N)/csto.pot -d $(I18N) -D csto --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d $(I18N) -D csto --statistics

# Regenerate docs/cli.md from the commands' own help, and docs/schema/ from the answer types.
docs: $(STAMP)
	$(BIN)/python -m csto.cli.docs > docs/cli.md
	$(BIN)/python -m csto.cli.schemas docs/schema

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
