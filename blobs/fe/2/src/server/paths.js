// The traversal guard: request targets map to files under the served root, never outside it.
'use strict';
const path = require('path');

// Maps a request target to a file under `root`, or a status. Every check happens on the decoded
// path: NUL bytes, backslashes and `..` segments are refused outright, and the joined path must
// still be under the root (symlinks are checked after the lookup, by realpath, with `within`).
function resolveTarget(root, target) {
  let pathname = target;
  if (!pathname.startsWith('/')) {
    try { pathname = new URL(pathname).pathname; } catch { return { status: 400 }; }
  }
  const q = pathname.search(/[?#]/);
  if (q >= 0) pathname = pathname.slice(0, q);
  let decoded;
  try { decoded = decodeURIComponent(pathname); } catch { return { status: 400 }; }
  if (decoded.includes('\0')) return { status: 400 };
  if (decoded.includes('\\') || decoded.split('/').includes('..')) return { status: 403 };
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file, pathname, decoded };
}

function within(realRoot, real) {
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

module.exports = { resolveTarget, within };
