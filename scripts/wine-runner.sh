#!/usr/bin/env bash
# Runs a Windows test binary under Wine (cargo's runner for x86_64-pc-windows-gnu; see
# scripts/test-windows.sh). Rust's standard library asks bcryptprimitives.dll for ProcessPrng,
# which Debian 12's Wine 8 lacks: a five-line stand-in built with mingw-w64 (packaging/windows/)
# answers it with RtlGenRandom, in a Wine prefix of the build's own.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export WINEPREFIX=${WINEPREFIX:-$root/target/wine-prefix} WINEDEBUG=${WINEDEBUG:--all}
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
dll=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$dll" ]; then
  "$wine" cmd /c exit >/dev/null 2>&1 || true   # creates the prefix
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" "$root/packaging/windows/process-prng.c" -ladvapi32
fi
exec "$wine" "$@"
