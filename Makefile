# Set-up is part of every target: a fresh machine needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
I18N := src/csto/present/i18n
# Message templates are marked with N_() or are the first argument of the project's errors.
I18N_KEYWORDS := -k N_ -k InputError -k NotFoundError -k CstoError -k StorageError

.PHONY: run test lint typecheck unit bench i18n docs clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/csto serve

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
