#!/usr/bin/env bash
# Builds the Linux one-folder bundle build/out/dist/fuwutai/ from a clean checkout and self-tests it.
#   bash build/build-linux.sh            # bundle only
#   bash build/build-linux.sh --deb      # then the .deb (build/build-deb.sh)
# Needs: python3 with venv. Creates .venv (scripts/bootstrap.sh) and installs PyInstaller into it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  bash scripts/bootstrap.sh
fi
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  echo "安装 PyInstaller / installing PyInstaller"
  .venv/bin/python -m pip install -q "pyinstaller>=6.10"
fi
# Compiled translations are build output: always rebuild them from resources/i18n/zh_CN.ts.
.venv/bin/python scripts/update_translations.py --compile-only

rm -rf build/out/dist/fuwutai build/out/work
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/out/dist --workpath build/out/work build/fuwutai.spec

bundle=build/out/dist/fuwutai
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
# The bundle's own check, with no real keyring and no display.
QT_QPA_PLATFORM=offscreen "$bundle/fuwutai" --self-test

if [ "${1:-}" = "--deb" ]; then
  bash build/build-deb.sh
fi
