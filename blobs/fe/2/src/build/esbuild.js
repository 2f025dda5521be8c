// esbuild, when it is on PATH (or FE_ESBUILD names it): found by running `--version`.
'use strict';
const fs = require('fs');
const path = require('path');

function findEsbuild() {
  const bin = process.env.FE_ESBUILD || 'esbuild';
  try {
    const version = require('child_process').execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { bin, version };
  } catch {
    return null;
  }
}

// Minifies `files` (relative to `root`) in one esbuild run; returns file -> Buffer. Throws with
// esbuild's stderr when it fails.
function minifyWithEsbuild(esbuild, root, files) {
  const contents = new Map();
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'fe-build-'));
  try {
    require('child_process').execFileSync(esbuild.bin,
      [...files.map((f) => path.join(root, f)), '--minify', `--outdir=${tmp}`, `--outbase=${root}`, '--log-level=error', '--charset=utf8'],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    for (const f of files) contents.set(f, fs.readFileSync(path.join(tmp, f.replace(/\.mjs$/i, '.js'))));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return contents;
}

module.exports = { findEsbuild, minifyWithEsbuild };
