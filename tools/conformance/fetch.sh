#!/usr/bin/env bash
# Fetch Node's own test suite for the Node version whose V8 fe embeds (Debian's libnode108 is
# Node 18.20.4), from Debian's nodejs source package, and unpack its test/ directory.
#
#   tools/conformance/fetch.sh [DEST]   (make conformance: DEST = .deps/node-tests); DEST defaults to $NODE_TESTS_DIR, else /tmp/node-tests
#
# Result: DEST/test/{common,fixtures,parallel,...}. Runs as root (it adds a deb-src entry that
# mirrors the machine's own Debian entry when none exists, then `apt-get source --download-only`).
# Nothing is installed. About 30 MB downloaded, 65 MB unpacked. Idempotent.
set -euo pipefail
dest=${1:-${NODE_TESTS_DIR:-/tmp/node-tests}}
[ -f "$dest/test/common/index.js" ] && { echo "$dest/test"; exit 0; }
if ! apt-cache showsrc nodejs >/dev/null 2>&1 || [ -z "$(apt-cache showsrc nodejs 2>/dev/null)" ]; then
  src=$(grep -rlE '^Types: *deb$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$src" ] || { echo "fetch.sh: no deb822 Debian source entry found to mirror" >&2; exit 1; }
  awk 'BEGIN{RS="";ORS="\n\n"} /Types: *deb\n/ && !done {sub(/Types: *deb\n/,"Types: deb-src\n"); print; done=1}' "$src" \
    > /etc/apt/sources.list.d/fe-node-tests-src.sources
  apt-get update -qq
fi
# The source version that matches the installed/downloadable libnode108 (18.20.x).
ver=$(apt-cache showsrc nodejs | awk '/^Version: 18\./{print $2}' | sort -V | tail -1)
[ -n "$ver" ] || { echo "fetch.sh: no nodejs 18.x source package found" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source --download-only "nodejs=$ver" >/dev/null 2>&1) ||
  { echo "fetch.sh: apt-get source nodejs=$ver failed" >&2; exit 1; }
orig=$(ls "$work"/nodejs_*.orig.tar.xz | head -1)
mkdir -p "$dest"
tar -xJf "$orig" -C "$work" --wildcards '*/test/*'
rm -rf "$dest/test"; mv "$work"/node-v*/test "$dest/test"
echo "$dest/test"
