# Every target sets up .venv by itself, so a fresh clone needs only `make demo` or `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: venv demo test lint bench clean i18n screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[central,dev]"
	touch $(STAMP)

venv: $(STAMP)

# Translations: the .ts sources (resources/i18n/) are compiled to .qm (not committed). After
# changing user-visible text, refresh the sources with
#   $(VENV)/bin/pyside6-lupdate desktop/views/*.py -ts resources/i18n/balcao_pt_PT.ts
# and translate what it marks unfinished (tests/ui/test_i18n.py fails until then).
LRELEASE := $(VENV)/bin/pyside6-lrelease
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(LRELEASE) -silent $< -qm $@

i18n: $(QM_FILES)

# The main screens in pt-PT, grabbed offscreen against a demo central: docs/screenshots/*.png.
screenshots: venv i18n
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py --out docs/screenshots

# The desktop demo: a throwaway central as a child process (demo data, arrivals simulator) and
# the counter window signed in as atendente1 at counter 1. Only the server: balcao-central demo.
demo: venv i18n
	$(VENV)/bin/balcao --demo

# One worker per CPU (pytest-xdist), a test file per worker at a time: each worker has its own
# throwaway PostgreSQL and its own Qt application. The suite takes about 11 min on 2 CPUs
# (about 17 in one process). A single file still runs alone with `.venv/bin/pytest FILE`.
test: venv i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --dist loadfile

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
