// Content-hashed names for JS and CSS. A file's hash covers the files it references
// (transitively), so changing an imported module renames its importers too; cycles are fine.
'use strict';
const crypto = require('crypto');
const path = require('path');
const { rewriteReferences } = require('./references');

// Returns file -> hashed name (`app.1a2b3c4d.js`); `contents` maps every file to its Buffer.
function hashedNames(codeFiles, contents) {
  const referencesOf = new Map();
  const allNames = new Map(codeFiles.map((f) => [f, f]));
  for (const f of codeFiles) referencesOf.set(f, rewriteReferences(contents.get(f).toString('utf8'), f, allNames).refs);
  const names = new Map();
  for (const f of codeFiles) {
    const seen = new Set([f]);
    const queue = [f];
    while (queue.length) for (const r of referencesOf.get(queue.shift()) || []) if (!seen.has(r)) { seen.add(r); queue.push(r); }
    const hash = crypto.createHash('sha256');
    for (const g of [...seen].sort()) hash.update(g).update('\0').update(contents.get(g)).update('\0');
    const ext = path.extname(f);
    names.set(f, `${f.slice(0, -ext.length)}.${hash.digest('hex').slice(0, 8)}${ext}`);
  }
  return names;
}

module.exports = { hashedNames };
