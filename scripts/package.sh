#!/usr/bin/env bash
# Builds what people install: target/package/cv-deck_<version>_amd64.deb (the Tauri bundler,
# from the prebuilt npm CLI pinned in packaging/) and cv-deck_<version>_linux-x86_64.tar.gz
# (the same files with a launcher and a per-user installer, for systems without dpkg).
# Tauri's AppImage bundler downloads AppRun and linuxdeploy at bundle time, and neither Debian
# nor a package registry provides them, so the second format is the tarball.
# Usage: scripts/package.sh [--debug]   (after scripts/setup.sh; prints the paths it wrote)
# --debug packages the debug build instead (what `make test` installs and checks: the packaging
# is the same, and a release build from scratch would add about ten minutes to CI).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)

version=$(python3 -c 'import json; print(json.load(open("tauri.conf.json"))["version"])')
out=target/package
rm -rf "$out" && mkdir -p "$out"

profile=release
[ "${1:-}" = "--debug" ] && profile=debug
scripts/build-ui.sh
if [ "$profile" = release ]; then
  cargo build --release --locked -p cvdeck -p cvdeck-cli
else
  cargo build --locked -p cvdeck -p cvdeck-cli
fi
scripts/licences.py --check

# The bundler's CLI: a prebuilt binary in an npm package (no compile).
(cd packaging && npm ci --no-audit --no-fund --loglevel=error)
rm -rf "target/$profile/bundle/deb"
# The bundler takes the binaries from target/<profile>/, and cvdeck-cli from the config's
# `files`, which names the release one: point it at this profile's.
config=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/cvdeck-cli":"target/%s/cvdeck-cli"}}}}}' "$profile")
bundle_flags=(--bundles deb --ci --config "$config")
[ "$profile" = debug ] && bundle_flags+=(--debug)
packaging/node_modules/.bin/tauri bundle "${bundle_flags[@]}"

built=$(ls "target/$profile/bundle/deb/"*_"$version"_amd64.deb)
# Two things the bundler does not do, done to its package: it names the desktop entry after the
# product ("CV Deck.desktop"), but desktop file ids should not hold spaces (xdg-mime and "Open
# with" refer to them), so it becomes cvdeck.desktop; and it ships the binaries with their
# symbol tables, which are half their size and of no use to a user.
staging="$out/deb-root"
dpkg-deb -R "$built" "$staging"
mv "$staging/usr/share/applications/CV Deck.desktop" "$staging/usr/share/applications/cvdeck.desktop"
strip --strip-unneeded "$staging/usr/bin/cvdeck" "$staging/usr/bin/cvdeck-cli"
(cd "$staging" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)
size=$(du -sk --exclude=DEBIAN "$staging" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$staging/DEBIAN/control"
deb="$out/cv-deck_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz -b "$staging" "$deb" >/dev/null

# The tarball: the deb's files under one folder, with a launcher and an installer.
name="cv-deck-$version"
tree="$out/$name"
mkdir -p "$tree"
cp "$staging/usr/bin/cvdeck" "$staging/usr/bin/cvdeck-cli" "$tree/"
cp -r "$staging/usr/share/icons" "$tree/icons"
cp "$staging/usr/share/applications/cvdeck.desktop" "$tree/cvdeck.desktop"
cp THIRD-PARTY.md packaging/licences.json "$tree/"
cp packaging/portable/cv-deck packaging/portable/install.sh packaging/portable/README.txt "$tree/"
chmod 755 "$tree/cv-deck" "$tree/install.sh"
tar=$out/cv-deck_${version}_linux-x86_64.tar.gz
tar -C "$out" --owner=0 --group=0 -czf "$tar" "$name"
rm -rf "$staging" "$tree"

echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"
echo "package: $tar ($(du -k "$tar" | cut -f1) KiB)"
echo "package: took $(( $(date +%s) - start )) s"
