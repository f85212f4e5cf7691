#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by tools/app.sh and tools/test.sh: installs the Debian 12 packages
# ClientDesk needs (only those missing), then configures and builds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build"

PACKAGES=(
  build-essential pkg-config meson ninja-build gettext
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev
  desktop-file-utils appstream-util libglib2.0-bin librsvg2-bin
  xvfb xauth dbus-x11 at-spi2-core python3-dogtail python3-openpyxl xdotool imagemagick
  fonts-noto-cjk sqlite3 poppler-utils locales
  clang libclang-rt-14-dev
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
  # The people who use ClientDesk read Chinese: make the locale available.
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf8$'; then
    as_root sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    as_root locale-gen >/dev/null
  fi
}

# configure_and_build DIR [meson options...]
configure_and_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$ROOT" "$@" >&2
  fi
  meson compile -C "$dir" >&2
}
