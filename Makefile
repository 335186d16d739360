# Two commands for a fresh clone: `make site` and `make test`. Everything runs in .venv, created on demand.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline test test-fast validate serve new bench audit clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

site: $(STAMP)  ## validate every entry, then build site/ (the old site/ stays if anything fails)
	$(PY) -m generator build

offline: $(STAMP)  ## the site as one zip that works opened from disk (file://), search included
	$(PY) -m generator offline --out dist/http-status-reference-offline.zip

validate: $(STAMP)  ## check every entry; prints file:line: field: message (STRICT=1: warnings fail too)
	$(PY) -m generator validate $(if $(STRICT),--strict)

test: $(STAMP)  ## the whole test suite (what CI runs)
	$(PY) -m pytest

test-fast: $(STAMP)  ## the quick loop: everything but the slow and browser tests (under a minute)
	$(PY) -m pytest -q -m "not slow and not browser"

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/, reloads when codes/*.yaml change
	$(PY) -m generator serve

new: $(STAMP)  ## scaffold an entry: make new CODE=425
	@test -n "$(CODE)" || { echo "usage: make new CODE=425" >&2; exit 2; }
	$(PY) -m generator new $(CODE)

bench: $(STAMP)  ## build time, scaling, live-preview delay, page weight and first search against their budgets (benchmarks/README.md)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

# Node tools the checks use (vnu-jar, linkinator, lighthouse), pinned in package-lock.json. `make test`
# installs them when npm is there; without npm the tests that need them skip (or fail under REQUIRE_BROWSER=1).
NPM       := $(shell command -v npm 2>/dev/null)
NODE_DEPS := node_modules/.package-lock.json

$(NODE_DEPS): package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test: $(if $(NPM),$(NODE_DEPS))

audit: $(STAMP) $(NODE_DEPS)  ## Lighthouse scores (mobile, median of 3 runs) of five pages served with gzip; needs npm and chromium
	$(PY) scripts/audit.py --runs 3

clean:
	rm -rf site .site.building-* .site.old-* dist
