# Two commands for a fresh clone: `make site` and `make test`. Everything runs in .venv, created on demand.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test validate serve new bench audit clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

site: $(STAMP)  ## validate every entry, then build site/ (the old site/ stays if anything fails)
	$(PY) -m generator build

validate: $(STAMP)  ## check every entry; prints file:line: field: message
	$(PY) -m generator validate

test: $(STAMP)  ## the whole test suite
	$(PY) -m pytest

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/, reloads when codes/*.yaml change
	$(PY) -m mkdocs serve --livereload

new: $(STAMP)  ## scaffold an entry: make new CODE=425
	@test -n "$(CODE)" || { echo "usage: make new CODE=425" >&2; exit 2; }
	$(PY) -m generator new $(CODE)

clean:
	rm -rf site .site.building-* .site.old-*
