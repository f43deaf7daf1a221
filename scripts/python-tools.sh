#!/usr/bin/env bash
# The pinned Python tools (cfn-lint, checkov, and the standards' own clients), in one virtual
# environment, .venv-checks, made or refreshed from requirements-checks.txt when it changes.
# Prints the environment's folder.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-checks
if [ ! -x "$venv/bin/python" ] || ! cmp -s requirements-checks.txt "$venv/requirements-checks.txt"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r requirements-checks.txt >&2
  cp requirements-checks.txt "$venv/requirements-checks.txt"
fi
echo "$PWD/$venv"
