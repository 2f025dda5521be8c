#!/usr/bin/env bash
# Unpacks the real Node CLIs the tests and benchmarks run (TypeScript, terser, js-yaml, semver,
# esprima, acorn, marked, lessc, uglifyjs, json5, mustache; eslint and mocha with their trees;
# and esbuild with its native executable, whose npm packages Debian puts under
# /usr/lib/<triplet>/nodejs) from Debian's packages into .deps/node-tools/root, without
# installing them: installed, they would pull in Debian's nodejs, which conflicts with the
# machine's own node.
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
# eslint and mocha with their whole trees, recursively (apt-cache depends --recurse: the node-*
# and libjs-* packages their files link into; and node-text-table, which eslint only Recommends
# but its default formatter requires): the tools with real dependency trees that the npm
# end-to-end tests, tools/npm-differential.sh and bench/tools.sh install from the test registry.
PACKAGES="$PACKAGES
  eslint libjs-inherits libjs-regenerate libjs-sprintf-js mocha node-ajv node-ansi-colors
  node-ansi-regex node-ansi-styles node-anymatch node-async-each node-balanced-match
  node-binary-extensions node-brace-expansion node-braces node-browser-stdout node-browserslist
  node-camelcase node-caniuse-lite node-chalk node-chokidar node-ci-info node-cliui node-clone
  node-color-convert node-color-name node-concat-stream node-core-util-is node-debug
  node-decamelize node-deep-is node-defaults node-diff node-doctrine node-electron-to-chromium
  node-escape-string-regexp node-eslint-scope node-eslint-utils node-eslint-visitor-keys
  node-espree node-esquery node-esrecurse node-estraverse node-esutils node-fast-deep-equal
  node-fast-levenshtein node-file-entry-cache node-fill-range node-find-up node-flat-cache
  node-flatted node-fs.realpath node-functional-red-black-tree node-get-caller-file node-glob
  node-glob-parent node-globals node-graceful-fs node-growl node-has-flag node-he node-ignore
  node-imurmurhash node-inflight node-inherits node-is-binary-path node-is-buffer node-is-extglob
  node-is-glob node-is-number node-is-plain-obj node-isarray node-isexe node-isobject
  node-json-schema node-json-schema-traverse node-json-stable-stringify node-jsonify node-kind-of
  node-levn node-locate-path node-lodash node-memfs node-minimatch node-mkdirp node-ms
  node-normalize-path node-object-assign node-once node-optionator node-p-limit node-p-locate
  node-path-dirname node-path-exists node-path-is-absolute node-picocolors node-postcss
  node-prelude-ls node-process-nextick-args node-progress node-punycode node-randombytes
  node-readable-stream node-readdirp node-regenerate node-regenerate-unicode-properties
  node-regexpp node-repeat-string node-require-directory node-resolve-from node-rimraf
  node-safe-buffer node-serialize-javascript node-set-immediate-shim node-slice-ansi
  node-string-decoder node-string-width node-strip-ansi node-strip-json-comments
  node-supports-color node-to-regex-range node-type-check node-typedarray node-uri-js
  node-util-deprecate node-v8-compile-cache node-wcwidth.js node-which node-wide-align
  node-wrap-ansi node-wrappy node-write node-y18n node-yargs node-yargs-parser node-text-table"
STAMP="$DEST/ready-$(echo $PACKAGES | sha256sum | cut -c1-12)"
[ -f "$STAMP" ] && exit 0

# Unpacking over an earlier set only adds files: another checkout's older list stays satisfied
# (its stamp is kept), so checkouts sharing .deps don't keep re-fetching each other's sets.
# Each run downloads into its own directory: checkouts sharing .deps may run this at once.
mkdir -p "$DEST"
DEBS=$(mktemp -d "$DEST/debs.XXXXXX")
trap 'rm -rf "$DEBS"' EXIT
cd "$DEBS"
# apt-get download writes into the current directory; as root, _apt cannot, which is harmless.
# shellcheck disable=SC2086
if ! apt-get download $PACKAGES >/dev/null 2>"$DEBS/apt.log"; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  apt-get download $PACKAGES >/dev/null 2>"$DEBS/apt.log" || { cat "$DEBS/apt.log" >&2; exit 1; }
fi
for deb in *.deb; do dpkg-deb -x "$deb" "$DEST/root"; done
touch "$STAMP"
echo "node tools unpacked into $DEST/root/usr/share/nodejs and $DEST/root/usr/lib/*/nodejs"
