#!/usr/bin/env bash
# Tests the packages as a user meets them: builds them (scripts/package.sh), installs the .deb
# with apt (which pulls its Depends), imports through the installed CLI, starts the installed
# app under Xvfb and screenshots it (tests/output/installed.png), opens a PDF "with" it while it
# runs and waits for the row, uninstalls, and checks that nothing of the package is left while
# the user's library is. Then unpacks the tarball, starts it, and installs and uninstalls it for
# a user. Needs root or sudo (apt); prints the figures BENCHMARKS.md records.
# Usage: scripts/test-package.sh [--no-build | --debug]   (--debug: package the debug build, as
# `make test` does; the default builds the release packages first, as `make package` does)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="$HOME/.cargo/bin:$PATH"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
step() { echo "test-package: $*"; }

case "${1:-}" in
  --no-build) ;;
  --debug) scripts/package.sh --debug ;;
  *) scripts/package.sh ;;
esac
version=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
deb=$root/target/package/cv-deck_${version}_amd64.deb
tar=$root/target/package/cv-deck_${version}_linux-x86_64.tar.gz
[ -f "$deb" ] && [ -f "$tar" ] || fail "no packages in target/package"

work=$(mktemp -d)
display=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  [ -n "$display" ] && kill "$display" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- what the package says and holds ----------------------------------------------------
info=$(dpkg-deb -I "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
recommends=$(sed -n 's/^ Recommends: //p' <<<"$info")
step "Depends: $depends"
step "Recommends: $recommends"
for need in libwebkit2gtk-4.1-0 libgtk-3-0 poppler-utils tesseract-ocr tesseract-ocr-eng; do
  grep -qw -- "$need" <<<"$depends" || fail "Depends lacks $need"
done
for lang in deu fra spa por; do
  grep -qw -- "tesseract-ocr-$lang" <<<"$recommends" || fail "Recommends lacks tesseract-ocr-$lang"
done
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/cvdeck ./usr/bin/cvdeck-cli ./usr/share/applications/cvdeck.desktop \
  ./usr/share/icons/hicolor/128x128/apps/cvdeck.png ./usr/share/doc/cv-deck/THIRD-PARTY.md; do
  grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/cvdeck.desktop >"$work/entry"
grep -qx 'Exec=cvdeck %F' "$work/entry" || fail "desktop entry does not pass files: $(grep Exec "$work/entry")"
for mime in application/pdf application/vnd.openxmlformats-officedocument.wordprocessingml.document \
  application/vnd.oasis.opendocument.text application/rtf; do
  grep -q "^MimeType=.*$mime" "$work/entry" || fail "desktop entry lacks $mime"
done

# --- install ------------------------------------------------------------------------------
step "installing $deb"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install failed"; }
[ "$(command -v cvdeck-cli)" = /usr/bin/cvdeck-cli ] || fail "cvdeck-cli is not on PATH"
installed_kib=$(dpkg-query -W -f='${Installed-Size}' cv-deck)
dpkg -L cv-deck >"$work/files"

# Test files come from the developer program (built while HOME still finds the toolchain);
# the installed CLI must carry no generator.
cargo build -q --locked -p cvdeck-dev

# A user of their own: the library goes to the default place in their home.
export HOME=$work/home
mkdir -p "$HOME"
unset CVDECK_LIBRARY XDG_DATA_HOME
library=$HOME/.local/share/cvdeck
generate() { "$root/target/debug/cvdeck-dev" generate "$@" >/dev/null; }
if /usr/bin/cvdeck-cli generate --count 1 --out "$work/none" >/dev/null 2>&1; then
  fail "the installed cvdeck-cli still has the generator"
fi
generate --count 4 --out "$work/inbox"
/usr/bin/cvdeck-cli import "$work/inbox" >"$work/import.log" 2>&1 || { cat "$work/import.log"; fail "import failed"; }
completed=$(/usr/bin/cvdeck-cli list --status completed --json | wc -l)
[ "$completed" -ge 4 ] || fail "the installed CLI parsed $completed of 4 files"
step "the installed CLI imported 4 files into $library"

# --- the installed app, in a window -----------------------------------------------------
for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
display=$!
export DISPLAY=":$n" NO_AT_BRIDGE=1
eval "$(dbus-launch --sh-syntax)"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# Waits for a visible window titled CV Deck; prints its id.
wait_window() {
  for _ in $(seq 300); do
    if id=$(xdotool search --onlyvisible --name '^CV Deck$' 2>/dev/null | head -n 1) && [ -n "$id" ]; then
      echo "$id"
      return 0
    fi
    sleep 0.1
  done
  return 1
}
# Waits until a window shows more than a blank page (the grid is drawn); prints the time.
wait_painted() {
  for _ in $(seq 300); do
    if /usr/bin/import -display "$DISPLAY" -window "$1" "$work/frame.png" 2>/dev/null &&
      [ "$(/usr/bin/convert "$work/frame.png" -format %k info:)" -gt 64 ]; then
      date +%s.%N
      return 0
    fi
    sleep 0.1
  done
  return 1
}

started=$(date +%s.%N)
/usr/bin/cvdeck >"$work/app.log" 2>&1 &
app=$!
window=$(wait_window) || { cat "$work/app.log"; fail "the installed app showed no window"; }
mapped=$(date +%s.%N)
painted=$(wait_painted "$window") || fail "the installed app's window stayed blank"
seconds() { awk "BEGIN { printf \"%.2f\", $1 - $started }"; }
step "cold start: window after $(seconds "$mapped") s, first paint after $(seconds "$painted") s"
sleep 1
mkdir -p tests/output
/usr/bin/import -display "$DISPLAY" -window root tests/output/installed.png
step "screenshot: tests/output/installed.png"

# "Open with CV Deck" while it runs: the second start hands the file over and exits.
# (Another person than the four imported: a copy of one of them would be skipped as a duplicate.)
generate --count 1 --seed 7 --out "$work/other"
cp "$(ls "$work"/other/*.pdf | head -n 1)" "$work/opened-with.pdf"
(cd "$work" && timeout 20 /usr/bin/cvdeck opened-with.pdf) || fail "the second start did not hand over and exit"
kill -0 "$app" || fail "the running app went away"
[ "$(xdotool search --onlyvisible --name '^CV Deck$' | wc -l)" -eq 1 ] || fail "a second window opened"
for _ in $(seq 200); do
  /usr/bin/cvdeck-cli list --json | grep -q '"file_name":"opened-with.pdf"' && break
  sleep 0.1
done
/usr/bin/cvdeck-cli list --json | grep -q '"file_name":"opened-with.pdf"' ||
  { cat "$work/app.log"; fail "the opened PDF never became a row"; }
step "a PDF opened with the running app became a row"
kill "$app"; wait "$app" 2>/dev/null || true; app=""

# --- uninstall ----------------------------------------------------------------------------
as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q cv-deck >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get purge failed"; }
left=$(grep -v -e '^/\.$' -e '^/usr$' -e '^/usr/[a-z]*$' "$work/files" | while read -r f; do
  [ -f "$f" ] && echo "$f"; done || true)
[ -z "$left" ] || fail "left behind after uninstall: $left"
[ -f "$library/library.sqlite3" ] || fail "uninstalling took the user's library"
step "uninstalled: no file of the package is left; the library is kept"

# --- the tarball ----------------------------------------------------------------------------
tar -xzf "$tar" -C "$work"
portable=$work/cv-deck-$version
"$portable/cv-deck" --library "$work/portable-library" >"$work/portable.log" 2>&1 &
app=$!
wait_window >/dev/null || { cat "$work/portable.log"; fail "the unpacked tarball showed no window"; }
kill "$app"; wait "$app" 2>/dev/null || true; app=""
"$portable/install.sh" >/dev/null
[ -x "$HOME/.local/bin/cvdeck-cli" ] && grep -q "^Exec=$HOME/.local/share/cv-deck/cv-deck %F" \
  "$HOME/.local/share/applications/cvdeck.desktop" || fail "install.sh did not install for the user"
"$portable/install.sh" --uninstall >/dev/null
[ ! -e "$HOME/.local/bin/cvdeck" ] && [ ! -e "$HOME/.local/share/cv-deck" ] || fail "install.sh --uninstall left files"
step "the tarball starts unpacked, and installs and uninstalls for a user"

step "sizes: .deb $(du -k "$deb" | cut -f1) KiB, .tar.gz $(du -k "$tar" | cut -f1) KiB, installed ${installed_kib} KiB"
step "passed"
