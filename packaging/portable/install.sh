#!/bin/sh
# Installs CV Deck from this folder for the current user (no root): the programs in
# ~/.local/bin, a desktop entry with "Open with CV Deck" for PDF, DOCX, ODT and RTF, the icons.
# ./install.sh --uninstall takes all of it away again; the resume library is never touched.
set -eu
here=$(dirname "$(readlink -f "$0")")
data=${XDG_DATA_HOME:-$HOME/.local/share}
home=$data/cv-deck
bin=$HOME/.local/bin
entry=$data/applications/cvdeck.desktop
icons=$(cd "$here/icons" 2>/dev/null && find . -name cvdeck.png)

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/cvdeck" "$bin/cvdeck-cli" "$entry"
  for icon in $icons; do rm -f "$data/icons/$icon"; done
  rm -rf "$home"
  refresh
  echo "CV Deck removed (your library is kept)."
  exit 0
fi

mkdir -p "$home" "$bin" "$data/applications"
cp "$here/cvdeck" "$here/cvdeck-cli" "$here/cv-deck" "$here/THIRD-PARTY.md" "$here/licences.json" "$home/"
ln -sf "$home/cv-deck" "$bin/cvdeck"
ln -sf "$home/cvdeck-cli" "$bin/cvdeck-cli"
for icon in $icons; do
  mkdir -p "$(dirname "$data/icons/$icon")"
  cp "$here/icons/$icon" "$data/icons/$icon"
done
sed -e "s|^Exec=cvdeck|Exec=$home/cv-deck|" -e "s|^TryExec=cvdeck|TryExec=$home/cv-deck|" \
  "$here/cvdeck.desktop" > "$entry"
refresh
echo "CV Deck installed: start it from the applications menu or with $bin/cvdeck."
case ":$PATH:" in *":$bin:"*) ;; *) echo "($bin is not on your PATH.)";; esac
