// The text of `fe help`.
'use strict';
const { VERSION } = require('../version');

const HELP = `fe v${VERSION}

Usage
  $ fe <command> [flags]

Commands
  d, dev     dev server with live reload   (--root <dir>, --host [name], --port <n>, --dry-run)
  b, build   production build into dist/   (--root <dir>, --out-dir <dir>, --json)
  help       show this help

Flags
  --version  print the version

Config (fe.config.js)
  dev:   { root, port, host, proxy: { "/api": "http://127.0.0.1:3000" } }
  build: { outDir }`;

module.exports = { HELP };
