# Every target sets up .venv by itself, so a fresh clone needs only `make demo` or `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: venv demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[central,dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(VENV)/bin/balcao-central demo

test: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: venv
	$(PY) bench/call_next_bench.py
	$(PY) bench/sse_fanout_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
