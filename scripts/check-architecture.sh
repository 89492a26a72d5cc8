#!/usr/bin/env bash
# The architecture invariants that a build alone would not catch.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo tree -p cvdeck-engine -e normal,build --prefix none | grep -qiE '^(tauri|wry|tao|yew)'; then
  echo "invariant broken: cvdeck-engine depends on tauri/yew" >&2
  exit 1
fi
if cargo tree -p cvdeck-wire -e normal --prefix none | grep -qiE '^(tauri|cvdeck-engine|yew)'; then
  echo "invariant broken: cvdeck-wire must depend on serde only" >&2
  exit 1
fi
if grep -rlE 'tauri_invoke|tauri_listen|__TAURI__' ui/src | grep -v '^ui/src/ipc.rs$'; then
  echo "invariant broken: only ui/src/ipc.rs may talk to Tauri" >&2
  exit 1
fi
cargo build -q -p cvdeck-wire --target wasm32-unknown-unknown
echo "architecture invariants hold"
