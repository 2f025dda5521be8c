// Lists the files under a directory (relative to `root`), skipping dot files, node_modules and
// the paths in `skip`.
'use strict';
const fs = require('fs');
const path = require('path');

function walk(dir, root, skip, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    if (entry.isDirectory()) walk(full, root, skip, out);
    else if (entry.isFile()) out.push(path.relative(root, full));
  }
  return out;
}

module.exports = { walk };
