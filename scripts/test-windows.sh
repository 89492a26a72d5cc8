#!/usr/bin/env bash
# What is checked for Windows from this Debian machine (mingw-w64 and Wine from Debian):
# cvdeck-cli.exe builds; the parser's, model's and engine's unit tests pass under Wine (the
# worker's Job Object among them); the CLI imports, lists, exports and checks a library under
# Wine, its files parsed in Windows worker processes; and the app itself type-checks for
# Windows (`cargo check`: linking it needs the WebView2 SDK, which Debian does not have).
# Usage: scripts/test-windows.sh   (after scripts/setup.sh test)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
target=x86_64-pc-windows-gnu
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$root/scripts/wine-runner.sh
step() { echo "test-windows: $*"; }
fail() { echo "test-windows: FAIL: $*" >&2; exit 1; }

cargo build -q --locked --target "$target" -p cvdeck-cli
exe=$root/target/$target/debug/cvdeck-cli.exe
step "built $(du -k "$exe" | cut -f1) KiB $exe"

cargo test -q --locked --target "$target" -p cvdeck-parse -p cvdeck-model -p cvdeck-extract -p cvdeck-store -p cvdeck-engine --lib
step "the parser's, model's, extraction's, library's and engine's unit tests pass under Wine"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { scripts/wine-runner.sh "$exe" --library "Z:$work/library" "$@"; }
# The test files come from the native developer program (the shipped CLI has no generator).
cargo run -q --locked -p cvdeck-dev -- generate --count 6 --out "$work/inbox" >/dev/null
cli import "Z:$work/inbox" >"$work/import.log" 2>&1 || { cat "$work/import.log"; fail "import failed"; }
completed=$(cli list --status completed --json | grep -c '"status":"completed"' || true)
[ "$completed" -eq 6 ] || { cat "$work/import.log"; fail "$completed of 6 files parsed under Wine"; }
cli export --format csv --out "Z:$work/all.csv" >/dev/null
[ "$(wc -l <"$work/all.csv")" -ge 7 ] || fail "the export lacks rows"
cli doctor >"$work/doctor.log" 2>&1 || { cat "$work/doctor.log"; fail "doctor found problems"; }
step "cvdeck-cli.exe imported 6 resumes in worker processes, exported and checked them under Wine"

cargo check -q --locked --target "$target" -p cvdeck
step "the app type-checks for Windows"
step "passed"
