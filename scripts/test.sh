#!/usr/bin/env bash
# The whole test suite: static checks, then every test (slow ones included).
# Usage: bash scripts/test.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export PYTHON_KEYRING_BACKEND=${PYTHON_KEYRING_BACKEND:-keyrings.alt.file.PlaintextKeyring}
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check app ui sync tests benchmarks scripts
echo "== mypy (strict: app, sync)"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"; .venv/bin/python -m pytest "$@"
