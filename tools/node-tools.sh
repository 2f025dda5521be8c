#!/usr/bin/env bash
# Unpacks the real Node CLIs the tests and benchmarks run (TypeScript, terser, js-yaml, semver,
# esprima, acorn, marked, lessc, uglifyjs, json5, mustache, and esbuild with its native
# executable, whose npm packages Debian puts under /usr/lib/<triplet>/nodejs) from Debian's
# packages into .deps/node-tools/root, without installing them: installed, they would pull in
# Debian's nodejs, which conflicts with the machine's own node.
# Usage: tools/node-tools.sh  (idempotent; `make fixtures` runs it)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST="$ROOT/.deps/node-tools"
# The tools and what their bins require (apt-cache depends), one .deb each.
PACKAGES="node-typescript node-terser terser node-ampproject-remapping node-commander
  node-source-map-support node-source-map node-acorn node-xtend
  node-js-yaml node-argparse node-sprintf-js node-esprima
  node-semver node-lru-cache node-yallist
  node-marked node-less node-tslib uglifyjs node-uglify-js node-json5 node-mustache
  esbuild"
STAMP="$DEST/ready-$(echo $PACKAGES | sha256sum | cut -c1-12)"
[ -f "$STAMP" ] && exit 0

# Unpacking over an earlier set only adds files: another checkout's older list stays satisfied
# (its stamp is kept), so checkouts sharing .deps don't keep re-fetching each other's sets.
rm -rf "$DEST/debs" && mkdir -p "$DEST/debs"
cd "$DEST/debs"
# apt-get download writes into the current directory; as root, _apt cannot, which is harmless.
# shellcheck disable=SC2086
if ! apt-get download $PACKAGES >/dev/null 2>"$DEST/apt.log"; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  apt-get download $PACKAGES >/dev/null 2>"$DEST/apt.log" || { cat "$DEST/apt.log" >&2; exit 1; }
fi
for deb in *.deb; do dpkg-deb -x "$deb" "$DEST/root"; done
touch "$STAMP"
echo "node tools unpacked into $DEST/root/usr/share/nodejs and $DEST/root/usr/lib/*/nodejs"
