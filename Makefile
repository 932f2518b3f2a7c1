# Two commands for a newcomer: `make run` and `make test`. Everything the
# project needs is installed from here: Debian packages, Python (pinned), npm
# (package-lock.json).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
# python3-venv, nodejs and npm (below, when missing) to install the rest;
# Chromium for browser tests, Noto fonts so PDFs print Devanagari, Pango for
# WeasyPrint, lynx for checking pages in a text browser, poppler and zbar to
# read printed acknowledgements back (text and QR code) in tests, wrk to load
# the server from a second process in `make bench`.
DEBIAN_PACKAGES := chromium fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 lynx poppler-utils zbar-tools wrk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15

.PHONY: run test setup system-packages python-packages npm-packages assets translations \
	translations-check lint format test-sqlite test-postgres bench clean

run: setup
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	@$(VENV)/bin/huey_consumer tasks.huey -w 2 -k thread -q & echo $$! > instance/huey.pid; \
	trap 'kill $$(cat instance/huey.pid) 2>/dev/null' EXIT INT TERM; \
	echo; echo "Zila is at http://$(HOST):$(PORT)/"; $(FLASK) demo-logins; echo; \
	$(VENV)/bin/gunicorn -c gunicorn_conf.py -b $(HOST):$(PORT) 'wsgi:app'

test: setup lint translations-check test-sqlite test-postgres

setup: system-packages python-packages npm-packages assets
	@mkdir -p instance
	@$(VENV)/bin/pybabel compile -d translations > /dev/null

# Python's venv and npm are checked by what they do, not by package name: a
# machine may carry them from elsewhere (pyenv, NodeSource); a fresh Debian
# gets them from python3-venv, nodejs and npm.
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	python3 -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3 python3-venv"; \
	if [ -n "$$missing" ]; then echo "installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

python-packages: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

npm-packages: node_modules/.installed

# htmx is served as shipped, under a content-hashed name (see core/assets.py).
assets: npm-packages
	@mkdir -p static/vendor
	@cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js

translations: python-packages
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k counted:2,3 -o translations/messages.pot .
	$(VENV)/bin/pybabel update -N -i translations/messages.pot -d translations
	$(VENV)/bin/pybabel compile -d translations

translations-check: python-packages
	$(PY) -m core.i18n_check

lint: python-packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: python-packages
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test-sqlite: setup
	ZILA_ENV=test $(VENV)/bin/pytest -q

# The same suite on PostgreSQL + Redis; skipped with a message where absent.
test-postgres: setup
	@if $(PY) -c "import psycopg2,sys; psycopg2.connect('$(PG_URL)').close()" 2>/dev/null \
	  && $(PY) -c "import redis; redis.Redis.from_url('$(REDIS_TEST_URL)').ping()" 2>/dev/null; then \
	  ZILA_ENV=test DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(VENV)/bin/pytest -q; \
	else echo "SKIPPED: PostgreSQL at $(PG_URL) or Redis at $(REDIS_TEST_URL) is not reachable"; fi

# Every figure of the README: page weight (fails on a page over budget),
# load times on emulated 2G/3G, wrk load with the health ceiling, filing
# (one operator; 8 at once over HTTP), the dashboard at 1M applications,
# the crash run (8 operators filing while the server is killed with SIGKILL
# and restarted; fails on an application lost, doubled or incomplete).
# Each part runs even when an earlier one failed; the failures are named at
# the end. No input is read; every server it starts is stopped.
BENCH_PARTS ?= pages network load filing pendency crash
bench: setup
	@failed=""; for part in $(BENCH_PARTS); do \
	  echo; echo "=== python -m bench.$$part"; \
	  $(PY) -m bench.$$part < /dev/null || failed="$$failed $$part"; \
	done; \
	if [ -n "$$failed" ]; then echo; echo "BENCH FAILED:$$failed (see above)"; exit 1; fi

clean:
	rm -rf $(VENV) node_modules static/vendor
