#!/usr/bin/env bash
# A real Debian addon under fe and node: node-sqlite3 (5.1.5, Node-API, built by Debian against
# libnode108) and the packages its JavaScript requires (node-pre-gyp finds the binary), fetched
# with `apt-get download` and unpacked with `dpkg-deb -x` into .build/napi-deps/sqlite3 (never
# installed). tools/napi-tests/sqlite3-demo.js runs under fe and under node 20; the outputs must be
# equal. node needs LD_LIBRARY_PATH for the addon's DT_NEEDED libnode.so.108 (Debian links addons
# against it; fe has it on its own rpath). Writes bench/results/napi-debian-addon.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FE="${FE:-$ROOT/.build/debug/fe}"
DIR="$ROOT/.build/napi-deps/sqlite3"
mkdir -p "$DIR"
cd "$DIR"
if [ ! -f root/usr/lib/x86_64-linux-gnu/nodejs/sqlite3/package.json ]; then
  pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
    --no-enhances node-sqlite3 | grep -E '^node-' | sort -u)
  apt-get download $pkgs >/dev/null 2>&1
  for d in *.deb; do dpkg-deb -x "$d" root; done
fi
export NODE_PATH="$DIR/root/usr/lib/x86_64-linux-gnu/nodejs:$DIR/root/usr/share/nodejs"
"$FE" blobs run "$ROOT/tools/napi-tests/sqlite3-demo.js" > fe.out 2> fe.err || true
LD_LIBRARY_PATH="$ROOT/.deps/libnode/lib" node "$ROOT/tools/napi-tests/sqlite3-demo.js" > node.out 2> node.err || true
version=$(dpkg-deb -f node-sqlite3_*.deb Version)
{
  echo "# A Debian addon under fe: node-sqlite3 $version"
  echo
  echo "Method: \`tools/napi-tests/debian-addon.sh\` unpacks Debian's node-sqlite3 (its Node-API binary"
  echo "\`lib/binding/napi-v6-linux-glibc-x64/node_sqlite3.node\`, found by node-pre-gyp) and runs"
  echo "\`tools/napi-tests/sqlite3-demo.js\` (tables, prepared statements, each/get/all, Buffers as BLOBs,"
  echo "errors, events, close) under fe and under node $(node --version). $(date -u +%F)."
  echo
  if cmp -s fe.out node.out; then echo "**Same output under fe and node.**"; else echo "**Outputs differ:**"; echo; echo '```diff'; diff node.out fe.out || true; echo '```'; fi
  echo
  echo '```'
  cat fe.out
  echo '```'
} > "$ROOT/bench/results/napi-debian-addon.md"
cat "$ROOT/bench/results/napi-debian-addon.md"
cmp -s fe.out node.out
