# thidua — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres install install-test install-bench demo lint format bench messages check-deploy eval-reading clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed pyproject.toml
	$(PIP) install --quiet -e '.[bench]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-bench: $(VENV)/.installed-bench

## make run: set up a SQLite database under var/, load the demo province, serve on :8000
run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py demo_accounts
	@echo "thidua: open http://$(HOST):$(PORT)/ and sign in with one of the accounts above."
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

## make test: the whole suite (browser tests included) on SQLite, or on $DATABASE_URL
test: install-test
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	DJANGO_ENV=development $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/thidua_test} $(PY) -m pytest

lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install-test
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

## make messages: refresh the translation catalogues and compile them (polib, no gettext needed)
messages: install-test
	$(PY) manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(PY) manage.py compile_catalogues

check-deploy: install
	DJANGO_ENV=production DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	DJANGO_ALLOWED_HOSTS=thidua.example.gov.vn $(PY) manage.py check --deploy --fail-level WARNING

## make bench: load test on national-scale demo data behind gunicorn (see bench/README.md)
bench: install-bench
	$(PY) bench/run.py $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL),)

## make eval-reading: score the document reader against the hand-labelled texts (tests/reading/)
eval-reading: install
	$(PY) -m thidua.reading.evaluate

clean:
	rm -rf $(VENV) var/test-* .pytest_cache
