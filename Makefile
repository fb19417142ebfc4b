# The README's commands. `make run` starts the system, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint format schema bench install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed, so a second start takes seconds.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/python manage.py prepare_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: $(STAMP)
	scripts/check_schema.sh

# Tests use PostgreSQL when DATABASE_URL points at one, SQLite otherwise.
test: lint schema
	DJANGO_SETTINGS_MODULE=wijkaanpak.conf.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Generates the national-scale database when needed (a few minutes), then measures with
# wrk against gunicorn on loopback; figures in bench/results/latest.json (docs/performance.md).
bench: $(STAMP)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py
