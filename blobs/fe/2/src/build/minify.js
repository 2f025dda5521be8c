// Minifies JS and CSS: esbuild in one run when it is on PATH, else the bundled minifiers.
'use strict';
const fs = require('fs');
const path = require('path');
const { findEsbuild, minifyWithEsbuild } = require('./esbuild');
const { minifyJS } = require('./minify-js');
const { minifyCSS } = require('./minify-css');

// Returns { contents: file -> Buffer, minifier } or { error } (esbuild's message).
function minify(root, codeFiles) {
  const esbuild = findEsbuild();
  if (esbuild && codeFiles.length) {
    try {
      return { contents: minifyWithEsbuild(esbuild, root, codeFiles), minifier: `esbuild ${esbuild.version}` };
    } catch (e) {
      return { error: (e.stderr || e.message || '').toString().trim() };
    }
  }
  const contents = new Map();
  for (const f of codeFiles) {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    contents.set(f, Buffer.from(f.toLowerCase().endsWith('.css') ? minifyCSS(text) : minifyJS(text)));
  }
  return { contents, minifier: 'fe minifier' };
}

module.exports = { minify };
