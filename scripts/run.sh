#!/usr/bin/env bash
# Runs Fuwutai on the embedded demo default: a demo station in its own data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/fuwutai demo "$@"
