# One task runner for people and CI: every target sets up what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup serve build check test lint bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

check: setup
	$(BIN)/kb check

build: setup
	$(BIN)/kb build

serve: setup
	$(BIN)/kb check
	$(BIN)/kb serve

lint: setup
	$(BIN)/ruff check kb tests scripts
	$(BIN)/mypy kb

test: setup lint
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python scripts/bench_check.py

clean:
	rm -rf $(VENV) site .kb-cache
