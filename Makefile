# SEND Hub: `make demo` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
NODE_STAMP := node_modules/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/sendhub
DEMO_DB := sqlite:///$(CURDIR)/var/demo.sqlite3

.PHONY: install install-runtime assets demo serve test lint types migrations-check test-sqlite test-postgres chromium wrk bench mutation clean

# Runtime dependencies (requirements.lock: what production installs) ...
$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# ... and the tools for tests and lint (requirements-dev.lock), never installed in production.
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	touch $(DEV_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# A development checkout: runtime and development dependencies.
install: $(STAMP) $(DEV_STAMP) $(NODE_STAMP)

# Runtime only (the demo needs no test tools).
install-runtime: $(STAMP) $(NODE_STAMP)

# GOV.UK Frontend built with Arial and without the GDS Transport font; the result is committed too.
assets: $(NODE_STAMP)
	npm run --silent build
	rm -rf sendhub/core/static/govuk && mkdir -p sendhub/core/static/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js sendhub/core/static/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets sendhub/core/static/govuk/
	rm -rf sendhub/core/static/govuk/assets/fonts

demo: install-runtime assets
	mkdir -p var
	SENDHUB_DEMO=true SENDHUB_DATABASE_URL=$(DEMO_DB) $(BIN)/sendhub migrate --no-input
	SENDHUB_DEMO=true SENDHUB_DATABASE_URL=$(DEMO_DB) $(BIN)/sendhub demo-data --seed 2024
	@SENDHUB_DEMO=true SENDHUB_DATABASE_URL=$(DEMO_DB) $(BIN)/sendhub demo-logins
	@echo "Serving http://127.0.0.1:8000 (Ctrl+C to stop)"
	SENDHUB_DEMO=true SENDHUB_DATABASE_URL=$(DEMO_DB) $(BIN)/sendhub runserver 127.0.0.1:8000

chromium:
	@command -v chromium >/dev/null || { echo "Installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "Could not install chromium (run: apt-get install -y chromium)"; exit 1; }; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types: install
	$(BIN)/mypy sendhub benchmarks

migrations-check: install
	SENDHUB_DATABASE_URL=sqlite:///:memory: $(BIN)/sendhub makemigrations --check --dry-run

# Two workers (the machines have 2 cores); --dist loadfile keeps the browser sweep's tests together.
# --durations=25 prints the 25 slowest tests and fixtures at the end: the place to look when the suite slows.
PYTEST := $(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile --durations=25

test-sqlite: install chromium
	mkdir -p var
	SENDHUB_DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(PYTEST)

test-postgres: install chromium
	SENDHUB_DATABASE_URL=$(PG_URL) $(PYTEST)

test: lint types migrations-check test-sqlite test-postgres

# The HTTP load generator of benchmarks/localoffer_api.py (optional: without it a Python client is used).
wrk:
	@command -v wrk >/dev/null || { echo "Installing Debian wrk for the benchmarks"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
	  || echo "Could not install wrk: the API benchmark will use its slower Python client"; }

# The dashboard benchmark uses the PostgreSQL database itself; it is created on a fresh machine (the
# others build their own test databases beside it).
PG_ADMIN_URL := $(dir $(PG_URL))postgres
PG_NAME := $(notdir $(PG_URL))

bench: install wrk
	mkdir -p benchmarks/results
	@psql "$(PG_ADMIN_URL)" -tAc "SELECT 1 FROM pg_database WHERE datname = '$(PG_NAME)'" | grep -q 1 \
	  || psql "$(PG_ADMIN_URL)" -qc 'CREATE DATABASE "$(PG_NAME)"'
	@set -e; for b in benchmarks/[!_]*.py; do echo "== $$b"; SENDHUB_DATABASE_URL=$(PG_URL) $(BIN)/python $$b; done

# Mutation testing of the statutory rules and working days (not part of `make test`: about 25 minutes on
# two cores). mutmut 3 copies sendhub/ into mutants/, mutates only sendhub/cases/rules/ and
# sendhub/lib/workdays.py ([tool.mutmut] in pyproject.toml) and runs their table tests against each
# mutant; the goal is at least 90% killed (docs/domains/cases.md, "Mutation testing").
mutation: install
	mkdir -p var
	rm -rf mutants
	SENDHUB_DATABASE_URL=sqlite:///$(CURDIR)/var/mutation.sqlite3 nice $(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

clean:
	rm -rf $(VENV) node_modules var .mypy_cache .ruff_cache mutants
