# Two entry points, both doing all set-up on a fresh machine:
#   make run   extract the bundled example articles with the embedded defaults
#   make test  lint, type-check and run the test suite (what .ci/run calls)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZ := $(VENV)/.gazetteer

.PHONY: run test setup lint clean

setup: $(GAZ)

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The gazetteer is built from GeoNames data shipped in the package (no network).
$(GAZ): $(STAMP) $(wildcard src/strife/data/geo/*)
	$(BIN)/strife gazetteer build
	touch $@

run: setup
	$(BIN)/strife extract examples/boulkessi-en.txt --published 2025-06-02
	$(BIN)/strife extract examples/boulkessi-fr.txt --published 2025-06-03

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The store tests run on SQLite and on a throwaway PostgreSQL that scripts/postgres.sh starts.
test: setup lint
	STRIFE_TEST_POSTGRES=$$(scripts/postgres.sh) STRIFE_REQUIRE_POSTGRES=1 $(BIN)/pytest -q

clean:
	rm -rf $(VENV)
