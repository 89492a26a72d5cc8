#!/usr/bin/env bash
# Builds the Yew UI into ui/dist without trunk: cargo for wasm32, then wasm-bindgen.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${UI_PROFILE:-release}"
flag=()
[ "$profile" = release ] && flag=(--release)
cargo build -p cvdeck-ui --target wasm32-unknown-unknown "${flag[@]}"
rm -rf ui/dist && mkdir -p ui/dist
wasm-bindgen --target web --no-typescript --out-dir ui/dist --out-name cvdeck-ui \
  "target/wasm32-unknown-unknown/$profile/cvdeck-ui.wasm"
cp ui/index.html ui/boot.js ui/styles.css ui/dist/
echo "UI built into ui/dist ($profile, $(du -sh ui/dist | cut -f1))"
