#!/usr/bin/env bash
# The architecture invariants that a build alone would not catch.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "invariant broken: $*" >&2; exit 1; }

# Each crate's allowed dependencies: `cargo tree` lists what it really pulls in.
deps() { cargo tree -p "$1" -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u; }

# cvdeck-model is serde only.
extra=$(deps cvdeck-model | grep -vxE 'cvdeck-model|serde|serde_core|serde_derive|proc-macro2|quote|syn|unicode-ident' || true)
[ -z "$extra" ] || fail "cvdeck-model must depend on serde only, found: $(echo $extra)"

# cvdeck-parse does no IO: no database, runtime, file-format or OS-level crate, and no
# filesystem, network, process or environment calls in its source. (quick-xml is allowed:
# phonenumber reads its numbering-plan metadata with it.)
io=$(deps cvdeck-parse | grep -iE '^(rusqlite|libsqlite3-sys|tokio|pdf-extract|lopdf|zip|notify|walkdir|directories|libc|rlimit|tempfile|cvdeck-engine)$' || true)
[ -z "$io" ] || fail "cvdeck-parse depends on an IO crate: $(echo $io)"
if grep -rnE 'std::(fs|net|process|env)\b|File::open' crates/parse/src; then
  fail "cvdeck-parse must do no IO"
fi

# cvdeck-match is as pure: it reads stored evidence and requirements, never the library.
io=$(deps cvdeck-match | grep -iE '^(rusqlite|libsqlite3-sys|tokio|pdf-extract|lopdf|zip|notify|walkdir|directories|libc|rlimit|tempfile|cvdeck-engine)$' || true)
[ -z "$io" ] || fail "cvdeck-match depends on an IO crate: $(echo $io)"
if grep -rnE 'std::(fs|net|process|env)\b|File::open' crates/match/src; then
  fail "cvdeck-match must do no IO"
fi

# cvdeck-extract turns bytes into text: no database, runtime or parser rules in it.
bad=$(deps cvdeck-extract | grep -iE '^(rusqlite|libsqlite3-sys|tokio|notify|cvdeck-parse|cvdeck-match|cvdeck-engine)$' || true)
[ -z "$bad" ] || fail "cvdeck-extract must not depend on $(echo $bad)"

# cvdeck-store keeps the library: it is handed parsed resumes and never reads a file's format.
bad=$(deps cvdeck-store | grep -iE '^(tokio|notify|pdf-extract|lopdf|cvdeck-extract|cvdeck-engine)$' || true)
[ -z "$bad" ] || fail "cvdeck-store must not depend on $(echo $bad)"

# What ships holds no test-data generator: cvdeck-synth is a dev-dependency only.
for shipped in cvdeck-engine cvdeck-cli cvdeck; do
  if deps "$shipped" | grep -qx cvdeck-synth; then
    fail "$shipped ships cvdeck-synth (it must stay a dev-dependency)"
  fi
done
if grep -rn 'cvdeck_synth' crates/cli/src src-tauri 2>/dev/null; then
  fail "the shipped binaries must not use cvdeck_synth"
fi

if deps cvdeck-engine | grep -qiE '^(tauri|wry|tao|yew)'; then
  fail "cvdeck-engine depends on tauri/yew"
fi
if cargo tree -p cvdeck-wire -e normal --prefix none | grep -qiE '^(tauri|cvdeck-engine|yew)'; then
  fail "cvdeck-wire must depend on serde only"
fi
if grep -rlE 'tauri_invoke|tauri_listen|__TAURI__' ui/src | grep -v '^ui/src/ipc.rs$'; then
  fail "only ui/src/ipc.rs may talk to Tauri"
fi
# Sibling modules depend one way only (a module may use its parent and its children).
python3 scripts/module-cycles.py >/dev/null || fail "an import cycle between modules (above)"
cargo build -q -p cvdeck-wire --target wasm32-unknown-unknown
echo "architecture invariants hold"
