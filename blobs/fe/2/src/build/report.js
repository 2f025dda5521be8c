// The build's size report: one line per file and a total, or one JSON object (--json).
'use strict';
const { VERSION } = require('../version');
const { kB } = require('../format');

// `files` is [{ file, source, size, gzip }]; `outDir` is relative to the project.
function printReport({ files, outDir, minifier, ms, json }) {
  const total = files.reduce((s, r) => s + r.size, 0);
  const gzipTotal = files.reduce((s, r) => s + r.gzip, 0);
  if (json) {
    console.log(JSON.stringify({ version: VERSION, outDir, minifier, files, total, gzipTotal }));
    return;
  }
  const width = Math.max(30, ...files.map((r) => r.file.length));
  for (const r of files) console.log(`  ${r.file.padEnd(width)} ${kB(r.size).padStart(10)} │ gzip: ${kB(r.gzip).padStart(9)}`);
  console.log(`✓ ${files.length} files, ${kB(total)} (gzip ${kB(gzipTotal)}) in ${ms.toFixed(0)}ms · minified with ${minifier}`);
}

module.exports = { printReport };
