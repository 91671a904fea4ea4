#!/usr/bin/env bash
# Packs the Linux bundle (build/out/dist/fuwutai/, made by build/build-linux.sh) into a .deb with dpkg-deb:
#   /opt/fuwutai/            the bundle
#   /usr/bin/fuwutai         launcher on PATH
#   /usr/share/applications/fuwutai.desktop, /usr/share/icons/hicolor/256x256/apps/fuwutai.png
#   /usr/share/doc/fuwutai/fuwutai.toml.example   preset configuration template (IT copies it to /etc/fuwutai/)
# Depends: the system libraries the bundle links to but does not carry (found with objdump + dpkg -S),
# plus what it loads at run time (libGL/libEGL, libcups, fontconfig, the CJK fonts).
# Output: build/out/fuwutai_<version>_<arch>.deb (path printed on the last line).
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=build/out/dist/fuwutai
[ -x "$bundle/fuwutai" ] || { echo "没有找到程序包 $bundle，请先运行 build/build-linux.sh / run build/build-linux.sh first" >&2; exit 1; }

# The version stamp the spec wrote into the bundle (project version + git commit).
read -r version commit < <(PYTHONPATH=build/out/generated-linux python3 -c \
  "import fuwutai_build_info as b; print(b.VERSION, b.COMMIT[:7] if b.COMMIT != 'unknown' else '')")
deb_version="${version}${commit:++g$commit}"
arch=$(dpkg --print-architecture)

# --- dependencies -----------------------------------------------------------------------------------
declare -A pkgs=()
# Loaded at run time or deliberately left to the system (see build/fuwutai.spec).
for p in libgl1 libegl1 fontconfig fonts-noto-cjk libcups2 libc6; do pkgs[$p]=1; done
bundled=$(find "$bundle" \( -type f -o -type l \) -name "*.so*" -printf "%f\n" | sort -u)
needed=$(find "$bundle" -type f \( -name "*.so*" -o -name fuwutai \) -exec objdump -p {} \; 2>/dev/null \
  | awk '$1=="NEEDED"{print $2}' | sort -u)
for lib in $needed; do
  grep -qxF "$lib" <<<"$bundled" && continue
  # awk reads all of ldconfig's output: an early `exit` would kill ldconfig with SIGPIPE (status 141 under
  # pipefail), now and then, depending on timing.
  path=$(/sbin/ldconfig -p | awk -v l="$lib" '!found && $1==l && /x86-64|x86_64|AArch64|aarch64/ {print $NF; found=1}')
  [ -n "$path" ] || { echo "警告：找不到 $lib / warning: $lib not found on the build machine" >&2; continue; }
  real=$(readlink -f "$path")
  pkg=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "${path#/usr}" 2>/dev/null || true)
  pkg=${pkg%%:*}
  [ -n "$pkg" ] && pkgs[$pkg]=1
done
glibc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
depends=""
for p in $(printf '%s\n' "${!pkgs[@]}" | sort); do
  if [ "$p" = libc6 ]; then entry="libc6 (>= $glibc)"; else entry="$p"; fi
  depends="${depends:+$depends, }$entry"
done

# --- package tree -----------------------------------------------------------------------------------
root=build/out/deb/fuwutai
rm -rf build/out/deb
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/fuwutai"
cp -a "$bundle" "$root/opt/fuwutai"
cat > "$root/usr/bin/fuwutai" <<'LAUNCH'
#!/bin/sh
# Launcher of the 基层就业服务台 bundle installed in /opt/fuwutai (the .deb package).
exec /opt/fuwutai/fuwutai "$@"
LAUNCH
chmod 0755 "$root/usr/bin/fuwutai"
install -m 0644 build/icons/fuwutai.png "$root/usr/share/icons/hicolor/256x256/apps/fuwutai.png"
install -m 0644 build/linux/fuwutai.desktop "$root/usr/share/applications/fuwutai.desktop"
install -m 0644 build/linux/fuwutai.toml.example "$root/usr/share/doc/fuwutai/fuwutai.toml.example"
install -m 0755 build/linux/postinst "$root/DEBIAN/postinst"
install -m 0755 build/linux/postinst "$root/DEBIAN/postrm"
size_kb=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: fuwutai
Version: $deb_version
Architecture: $arch
Maintainer: Fuwutai maintainers <fuwutai@localhost>
Installed-Size: $size_kb
Section: misc
Priority: optional
Depends: $depends
Recommends: pcscd, libpcsclite1, gnome-keyring | kwalletmanager
Description: 基层就业服务台 — offline-first desktop client for public employment service points
 Local encrypted store of persons, households, employers and cases; service catalog; printing;
 synchronisation with the provincial platform. Installed in /opt/fuwutai; the data folder of each
 user (~/.local/share/Fuwutai) is never touched by installing, upgrading or removing the package.
 Preset configuration: /etc/fuwutai/fuwutai.toml (see /usr/share/doc/fuwutai/fuwutai.toml.example).
CONTROL

out="build/out/fuwutai_${deb_version}_${arch}.deb"
rm -f build/out/fuwutai_*.deb
dpkg-deb --root-owner-group -Z"${FUWUTAI_DEB_COMPRESSION:-xz}" --build "$root" "$out" >/dev/null
rm -rf build/out/deb  # the staging tree (a second copy of the bundle)
echo "Depends: $depends"
echo "$(du -h "$out" | cut -f1) $out"
echo "$out"
