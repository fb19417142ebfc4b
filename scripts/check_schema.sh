#!/usr/bin/env bash
# Fails when docs/api/openapi.yaml is not what the code generates.
# Regenerate with:
#   scripts/check_schema.sh --write
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
COMMITTED="docs/api/openapi.yaml"
# The schema describes production, which runs PostgreSQL: integer ranges come from that
# backend. Generating needs no connection, so the address below is never opened.
export DJANGO_SETTINGS_MODULE=wijkaanpak.conf.test
export DATABASE_URL="postgres://schema@127.0.0.1:1/never-opened"

generated="$(mktemp --suffix=.yaml)"
trap 'rm -f "$generated"' EXIT

if ! "$PYTHON" manage.py spectacular --file "$generated" --validate --fail-on-warn; then
    echo "check_schema: the OpenAPI schema could not be generated without warnings (see above)." >&2
    exit 1
fi

if [[ "${1:-}" == "--write" ]]; then
    cp "$generated" "$COMMITTED"
    echo "check_schema: wrote $COMMITTED."
    exit 0
fi

if [[ ! -f "$COMMITTED" ]]; then
    echo "check_schema: $COMMITTED is missing; generate and commit it." >&2
    exit 1
fi

if ! diff -u "$COMMITTED" "$generated"; then
    echo >&2
    echo "check_schema: $COMMITTED is out of date with the code (diff above)." >&2
    echo "Regenerate it with scripts/check_schema.sh --write and commit the result." >&2
    exit 1
fi
echo "check_schema: $COMMITTED is up to date."
