#!/usr/bin/env bash
# Installs what CV Deck needs to build, run and test on Debian 12, skipping what is there.
# Usage: scripts/setup.sh [run|test]   (test adds the end-to-end tools)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(build-essential pkg-config file curl ca-certificates libssl-dev libwebkit2gtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libxdo-dev libgtk-3-dev dbus dbus-x11 at-spi2-core
  poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra
  tesseract-ocr-spa tesseract-ocr-por)
if [ "$mode" = test ]; then
  # xdotool and imagemagick: the package test finds the installed app's window and screenshots it.
  packages+=(xvfb xauth webkit2gtk-driver chromium chromium-driver xdotool imagemagick)
  # The Windows build of the CLI, and Wine to run its tests (scripts/test-windows.sh).
  packages+=(gcc-mingw-w64-x86-64 wine64)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  [ -x "$HOME/.cargo/bin/cargo" ] || curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  export PATH="$HOME/.cargo/bin:$PATH"
fi
export PATH="$HOME/.cargo/bin:$PATH"
if command -v rustup >/dev/null 2>&1; then
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if [ "$mode" = test ]; then
    rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
  fi
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
fi

# wasm-bindgen's CLI must match the library version pinned in Cargo.lock exactly.
want_wb=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have_wb=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_wb" != "$want_wb" ]; then
  echo "setup: installing wasm-bindgen-cli $want_wb (have: ${have_wb:-none})"
  # Not --locked: its own lockfile pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$want_wb"
fi

if [ "$mode" = test ]; then
  # tauri-driver has no --version; cargo's install list knows.
  if ! cargo install --list | grep -q '^tauri-driver v2.1.0:'; then
    echo "setup: installing tauri-driver 2.1.0"
    cargo install tauri-driver --version 2.1.0 --locked
  fi
fi
echo "setup: ready ($mode)"
