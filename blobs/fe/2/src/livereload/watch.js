// Watches the served root and reports changed files in batches (50 ms after the last event).
'use strict';
const fs = require('fs');

// Editors write temp files next to the real one (vim's 4913 and .swp, emacs' #x# and x~).
const ignoredChange = (rel) => rel.split(/[\\/]/).some((s) => s.startsWith('.') || s === 'node_modules') ||
  rel.endsWith('~') || /(^|[\\/])(4913|#[^\\/]*#)$/.test(rel);

function watchRoot(root, onChange) {
  const pending = new Set();
  let timer = null;
  const watcher = fs.watch(root, { recursive: true }, (event, filename) => {
    const rel = filename ? String(filename) : '';
    if (rel && ignoredChange(rel)) return;
    pending.add(rel);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      onChange(files);
    }, 50);
  });
  watcher.on('error', () => {});
  return { close() { clearTimeout(timer); watcher.close(); } };
}

module.exports = { watchRoot };
