#!/usr/bin/env bash
# Builds a release from a git tag: the Linux .deb, the Windows setup.exe and SHA256SUMS.
#
#   bash build/release.sh v0.1.0            # any tag or commit; default: the tag at HEAD
#
# The tag is checked out in a clone of its own (build/out/release/src: no uncommitted change gets in, the
# checkout is not touched) and built there with the checkout's .venv and download caches:
#   1. tests/packaging/test_linux_package.py   build/build-linux.sh --deb (bundle, its --self-test, the .deb),
#      then apt install of that .deb, the installed program's self-test, removal (needs root). A tag
#      without that test: build/build-linux.sh --deb alone.
#   2. build/build-windows.sh               Windows bundle and installer under Wine
#   3. tests/packaging/test_windows_installer.py   silent install of that setup.exe under Wine, the installed
#      --self-test, upgrade, uninstall
# The packages published are the ones these steps tested.
# Only when every step passed: dist/release/<tag>/ gets the .deb, the setup.exe and SHA256SUMS, and the
# script says so and exits 0. Needs root for the .deb test (apt install) and Wine/NSIS (scripts/bootstrap.sh).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"

tag=${1:-$(git describe --tags --exact-match HEAD 2>/dev/null || true)}
[ -n "$tag" ] || { echo "用法 / usage: build/release.sh <tag>   （HEAD 上没有标签 / no tag at HEAD）" >&2; exit 2; }
commit=$(git rev-parse --verify "$tag^{commit}") || { echo "找不到标签或提交 / unknown tag: $tag" >&2; exit 2; }
[ -x "$REPO/.venv/bin/python" ] || bash scripts/bootstrap.sh

started=$(date +%s)
step() { printf '\n=== [release %s] %s\n' "$tag" "$*"; }
fail() { printf '\n=== [release %s] 失败 / FAILED: %s\n' "$tag" "$*" >&2; exit 1; }

src="$REPO/build/out/release/src"
rm -rf "$src"
mkdir -p "$(dirname "$src")"
git clone -q --no-checkout "$REPO" "$src"
git -C "$src" checkout -q --detach "$commit"
ln -s "$REPO/.venv" "$src/.venv"
export FUWUTAI_BUILD_CACHE="$REPO/build/.cache"       # downloads are shared with the checkout
export FUWUTAI_WINEPREFIX="${FUWUTAI_WINEPREFIX:-$REPO/build/.wine}"
version=$("$REPO/.venv/bin/python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$src/pyproject.toml")
step "$tag = ${commit:0:12}, version $version, built in $src"

cd "$src"
[ -f build/build-linux.sh ] && [ -f build/build-deb.sh ] || fail "该标签中没有 build/build-linux.sh / build-deb.sh"
if [ -f tests/packaging/test_linux_package.py ]; then
  step "Linux bundle + self-test + .deb + apt install + installed self-test (tests/packaging/test_linux_package.py)"
  .venv/bin/python -m pytest -q -x -p no:cacheprovider tests/packaging/test_linux_package.py \
    || fail "Linux 构建、.deb 安装或自检未通过"
else
  step "Linux bundle + self-test + .deb"
  bash build/build-linux.sh --deb || fail "Linux 构建或自检未通过"
fi
deb=$(ls -t build/out/fuwutai_*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || fail "没有生成 .deb"

step "Windows bundle + installer (Wine)"
bash build/build-windows.sh || fail "Windows 构建未通过"
setup="$src/dist/fuwutai-$version-setup.exe"
[ -f "$setup" ] || fail "没有生成 $setup"

step "Windows silent install + installed self-test (Wine)"
FUWUTAI_WINDOWS_SETUP="$setup" .venv/bin/python -m pytest -q -x -s -p no:cacheprovider \
  tests/packaging/test_windows_installer.py || fail "Windows 安装测试或自检未通过"

out="$REPO/dist/release/$tag"
rm -rf "$out"
mkdir -p "$out"
cp "$deb" "$setup" "$out/"
(cd "$out" && sha256sum -- *.deb *.exe > SHA256SUMS)
step "发布成功 / release OK in $(( $(date +%s) - started )) s"
ls -l "$out"
cat "$out/SHA256SUMS"
