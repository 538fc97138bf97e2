# Néo Num Carto — the two commands are `make run` and `make test` (`make dev` to develop).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Debian's own Python where it is 3.11 or newer: built with profile-guided and link-time
# optimisation, it ran the tests with 4 to 9 % less CPU than a Python built without them (as
# pyenv builds by default), which may come first on the PATH. PYTHON=… chooses another.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export NEONUM_PG_PORT ?= 25432

.PHONY: help run dev worker setup test stop bench lint check system-deps test-deps venv db data messages static lock backup restore

help:
	@echo "make run    set up everything and serve the site as in production on http://$(HOST):$(PORT)/fr/"
	@echo "make dev    set up everything and serve it with Django's auto-reloading development server"
	@echo "make test   set up everything and run every test and quality check"
	@echo "make setup  set up only; make stop: stop the database; make bench: benchmarks"
	@echo "make worker run the task queue's worker (emails, imports, daily jobs)"
	@echo "make backup, make restore FILE=…: database and media backups"

run: setup
	@HOST=$(HOST) PORT=$(PORT) bin/serve

dev: setup
	@echo ""
	@echo "Néo Num Carto (development): http://$(HOST):$(PORT)/fr/  (Ctrl-C to stop; 'make stop' stops the database)"
	@DJANGO_SETTINGS_MODULE=neonum.settings.dev $(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

# The task queue's worker: emails, admin import previews and imports, the daily jobs (Ctrl-C stops it).
worker: setup
	@$(PY) manage.py procrastinate worker

setup: system-deps venv db data static

system-deps:
	@bin/system-deps

test-deps:
	@bin/system-deps --test

# Reinstalled only when the lock file changes. pip installs uv, at the lock's version and
# hashes; uv installs the lock, the same files checked against the same hashes, in about 5 s
# where pip took 25 (most of it reading PyPI's pages of every release, one package after the
# other). uv asks the index pip is given (PIP_INDEX_URL) and trusts the system's certificates,
# as pip here does (PIP_CERT); if it fails all the same, pip does the install.
UV_LOCK_ENTRY := awk '/^uv==/ {found = 1} found {print} found && !/\\$$/ {exit}' requirements.lock
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r <($(UV_LOCK_ENTRY)) \
	 && $(VENV)/bin/uv pip install --quiet --native-tls --require-hashes --compile-bytecode --python $(PY) \
	      $${PIP_INDEX_URL:+--default-index "$$PIP_INDEX_URL"} -r requirements.lock \
	 || $(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $@

db:
	@bin/pg start

data: messages
	@$(PY) manage.py migrate --noinput -v0
	@$(PY) manage.py load_reference
	@$(PY) manage.py load_demo
	@$(PY) manage.py load_demo_expertise
	@$(PY) manage.py load_demo_events
	@$(PY) manage.py load_demo_selections

# The static files as production serves them: hashed names, compressed copies.
static: venv
	@bin/serve --static

messages: venv
	@if compgen -G "locale/*/LC_MESSAGES/django.po" >/dev/null; then $(PY) manage.py compilemessages -v0 --ignore=.venv; fi

stop:
	@bin/pg stop

# BACKUP_DIR (default var/backups) receives a new folder; the BACKUP_KEEP newest are kept.
backup: venv db
	@$(PY) manage.py backup

# Into a new database (INTO names it), never over the live one; see README "Backups".
restore: venv db
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/neonum-<time> [INTO=name]" >&2; exit 2; }
	@$(PY) manage.py restore "$(FILE)" $(if $(INTO),--into "$(INTO)")

# Test processes (pytest-xdist), each with its own test database, live server and Chromium:
# one more than the cores, as the browser tests spend part of their time waiting on Chromium
# and the servers. Tests marked xdist_group (the replica, bin/serve, the production static
# files) share one process.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))

# On a new machine the test packages (Chromium, nginx, wrk: most of what apt downloads, some
# 20 s) install while the virtualenv, the database and the messages are made (about 8 s): the
# packages `make run` needs come first, as those three need them.
#
# The development data, the production static files and the quality checks (the rest of
# `make setup`, and lint) run while the tests do: the tests use none of them (their own
# databases, static files and settings), and the tests' first seconds, one process migrating
# their template database while the others wait for it, leave a core idle. Their output comes
# after the tests'; either failing fails `make test`, and Ctrl-C stops both (the set-up runs in
# a session of its own, which the trap ends). Python may keep its compiled files
# (__pycache__, ignored by git) even where the environment says not to: the run starts some
# hundreds of Python processes, which otherwise compiled the project's modules each time and
# pytest rewrote every test module in each of its processes (5 to 7 % of the CPU of
# tests/production, tests/opendata and tests/backups).
test: system-deps
	@$(MAKE) --no-print-directory -j4 test-deps venv db messages
	@unset PYTHONDONTWRITEBYTECODE; log=var/test-setup.log; \
	 setsid -w $(MAKE) --no-print-directory data static lint > $$log 2>&1 & setup=$$!; \
	 trap 'kill -- -$$setup 2>/dev/null; exit 130' INT; trap 'kill -- -$$setup 2>/dev/null; exit 143' TERM; \
	 tests=0; $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=20 || tests=$$?; \
	 ready=0; wait $$setup || ready=$$?; \
	 echo ""; echo "make data static lint (run during the tests):"; cat $$log; \
	 if [ $$ready -ne 0 ]; then echo "make data static lint failed (exit $$ready)" >&2; fi; \
	 exit $$(( tests != 0 ? tests : ready ))

lint:
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(PY) manage.py makemigrations --check --dry-run -v0
	@SECRET_KEY=check-deploy-$$RANDOM$$RANDOM$$RANDOM-not-a-real-secret-key-0123456789 \
	  ALLOWED_HOSTS=carto.example.org DJANGO_SETTINGS_MODULE=neonum.settings.prod \
	  $(PY) manage.py check --deploy --fail-level WARNING

# Chromium (bench_weight, bench_map_render) and wrk (bench_load) are among the test packages.
bench: test-deps setup
	@$(PY) manage.py bench_relevance
	@$(PY) manage.py bench
	@$(PY) manage.py bench_load
	@$(PY) manage.py bench_map_render
	@$(PY) manage.py bench_weight
	@$(PY) manage.py bench_import

# Re-resolve the pinned dependencies after editing pyproject.toml.
lock:
	@$(VENV)/bin/pip install --quiet pip-tools
	@$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.lock pyproject.toml
