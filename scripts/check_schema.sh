#!/usr/bin/env bash
# Fails when docs/api/openapi.yaml is not what the code generates.
# Regenerate with:
#   DJANGO_SETTINGS_MODULE=wijkaanpak.conf.test .venv/bin/python manage.py \
#     spectacular --file docs/api/openapi.yaml --validate --fail-on-warn
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
COMMITTED="docs/api/openapi.yaml"
# The test settings use SQLite in memory: no database file or server is needed.
export DJANGO_SETTINGS_MODULE=wijkaanpak.conf.test

generated="$(mktemp --suffix=.yaml)"
trap 'rm -f "$generated"' EXIT

if ! "$PYTHON" manage.py spectacular --file "$generated" --validate --fail-on-warn; then
    echo "check_schema: the OpenAPI schema could not be generated without warnings (see above)." >&2
    exit 1
fi

if [[ ! -f "$COMMITTED" ]]; then
    echo "check_schema: $COMMITTED is missing; generate and commit it." >&2
    exit 1
fi

if ! diff -u "$COMMITTED" "$generated"; then
    echo >&2
    echo "check_schema: $COMMITTED is out of date with the code (diff above)." >&2
    echo "Regenerate it with:" >&2
    echo "  DJANGO_SETTINGS_MODULE=wijkaanpak.conf.test $PYTHON manage.py spectacular \\" >&2
    echo "    --file $COMMITTED --validate --fail-on-warn" >&2
    echo "and commit the result." >&2
    exit 1
fi
echo "check_schema: $COMMITTED is up to date."
