# Two entry points for a fresh clone: `make site` and `make test`.  Everything they need is
# installed by the targets below (a virtual environment in .venv, Debian's chromium for tests).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site site-zensical serve test lint typecheck unit browser chromium install install-test install-zensical pages check import clean

site: install
	$(BIN)/mkdocs build --strict

# The same docs/ built by Zensical, which runs no MkDocs plugin: the generator and the search
# index run as commands before and after it.
site-zensical: install-zensical
	$(BIN)/python -m generator build
	$(BIN)/zensical build
	$(BIN)/python -m generator search-index site

# Served at / rather than under the path of site_url (mkdocs serve would use that path).
serve: install
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

pages: install
	$(BIN)/python -m generator build

check: install
	$(BIN)/python -m generator check

# make import FILE=official-text.pdf [SYMBOL="S/RES/1590(2005)"]
import: install
	@test -n "$(FILE)" || { echo 'usage: make import FILE=path/to/official-text [SYMBOL="S/RES/1590(2005)"]' >&2; exit 2; }
	$(BIN)/python -m generator import "$(FILE)" $(if $(SYMBOL),--symbol "$(SYMBOL)")

test: install-test chromium lint typecheck
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-test
	$(BIN)/mypy

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-zensical: $(VENV)/.installed-zensical

$(VENV)/.installed: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-zensical: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[zensical]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-liberation; }

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
