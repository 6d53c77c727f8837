# Two entry points, both doing all set-up on a fresh machine:
#   make run   build the demo database (once) and serve the API and web UI on 127.0.0.1:8000
#   make test  lint, type-check and run the test suite (what .ci/run calls)
# make examples extracts the bundled example articles.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
GAZ := $(VENV)/.gazetteer

.PHONY: run examples test setup lint clean web-vendor chromium

setup: $(GAZ) web-vendor

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The gazetteer is built from GeoNames data shipped in the package (no network).
$(GAZ): $(STAMP) $(wildcard src/strife/data/geo/*)
	$(BIN)/strife gazetteer build
	touch $@

# The web UI's libraries come from npm (web/package-lock.json) and are committed under
# src/strife/web/static/vendor: rebuilt only when the lock file's hash differs from the one the
# build recorded, and kept as committed when npm is missing or unreachable.
WEB_VENDOR := src/strife/web/static/vendor/README.txt
web-vendor:
	@lock=$$(sha256sum web/package-lock.json | cut -d' ' -f1); \
	if grep -q "$$lock" $(WEB_VENDOR) 2>/dev/null; then :; \
	elif ! command -v npm >/dev/null; then echo "npm not found: keeping the committed web UI libraries"; \
	else (cd web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs) \
		|| echo "npm failed: keeping the committed web UI libraries"; fi

DEMO_DB := strife-demo.db

# The demo database comes from articles shipped in the package (strife demo; no network).
$(DEMO_DB): $(GAZ) src/strife/data/demo/articles.jsonl.gz
	$(BIN)/strife demo --db $@

run: setup $(DEMO_DB)
	$(BIN)/strife serve --db $(DEMO_DB)

examples: setup
	$(BIN)/strife extract examples/boulkessi-en.txt --published 2025-06-02
	$(BIN)/strife extract examples/boulkessi-fr.txt --published 2025-06-03

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The browser tests drive Debian's Chromium (never a browser Playwright downloads).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# The store tests run on SQLite and on a throwaway PostgreSQL that scripts/postgres.sh starts.
test: setup lint chromium
	STRIFE_TEST_POSTGRES=$$(scripts/postgres.sh) STRIFE_REQUIRE_POSTGRES=1 $(BIN)/pytest -q

clean:
	rm -rf $(VENV)
