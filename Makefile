# fibrolog: `make run` to use it, `make test` to check it. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format unit browser bench system-deps lock clean

RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

$(DEV): $(RUNTIME)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

## run: create .venv, install, migrate, serve on http://127.0.0.1:8000
run: $(RUNTIME)
	@bash scripts/system-deps.sh runtime || echo "(the report PDF needs those; everything else works)"
	$(BIN)/fibrolog migrate
	$(BIN)/fibrolog serve --host $(HOST) --port $(PORT)

## test: lint, types, unit and integration tests, and the browser test
test: $(DEV) system-deps lint unit

lint: $(DEV)
	$(BIN)/ruff check fibrolog tests bench scripts
	$(BIN)/ruff format --check fibrolog tests bench scripts
	$(BIN)/mypy

# One worker per core (pytest-xdist); a file's tests stay on one worker, so its shared fits run once.
# The whole suite twice: on SQLite, then on a throwaway PostgreSQL 15 cluster (tests/postgres.py).
unit: $(DEV)
	$(BIN)/python -m pytest -n auto --dist loadfile
	FIBROLOG_TEST_DB=postgres $(BIN)/python -m pytest -n auto --dist loadfile

format: $(DEV)
	$(BIN)/ruff format fibrolog tests bench scripts
	$(BIN)/ruff check --fix fibrolog tests bench scripts

## system-deps: Debian packages the suite needs (chromium, postgresql-15, caddy and certutil for the proxy test)
system-deps:
	bash scripts/system-deps.sh

## bench: every benchmark in bench/ (figures and ratios against their anchors); BENCH=name for one
BENCH ?= $(filter-out make_%,$(basename $(notdir $(wildcard bench/[a-z]*.py))))
bench: $(DEV)
	@fail=0; for b in $(BENCH); do echo "== bench/$$b.py"; $(BIN)/python -m bench.$$b || fail=1; done; \
	  [ $$fail -eq 0 ] || { echo "some figures missed their anchor (see MISS above)"; exit 1; }

## lock: refresh constraints.txt from a fresh resolve (commit the result)
lock:
	rm -rf /tmp/fibrolog-lock && $(PYTHON) -m venv /tmp/fibrolog-lock
	/tmp/fibrolog-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/fibrolog-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
