// `fe b`: minify, content-hash, write dist/ with references rewritten, report sizes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { walk } = require('../walk');
const { buildOptions } = require('./options');
const { minify } = require('./minify');
const { hashedNames: hashNames } = require('./hashes');
const { REFERENCES, rewriteReferences } = require('./references');
const { printReport } = require('./report');

async function build(ctx, flags) {
  const started = process.hrtime.bigint();
  const { root, outDir } = buildOptions(ctx, flags);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    console.error(`✖ the root ${root} is not a directory: create it or set dev.root / --root`);
    return 2;
  }
  // The output directory is deleted first, so it must not hold the sources or the project.
  const inside = (a, b) => a === b || a.startsWith(b + path.sep);
  if (inside(root, outDir) || inside(ctx.projectDir, outDir) || outDir === path.parse(outDir).root) {
    console.error(`✖ the output directory ${outDir} would hold the sources: pick another with --out-dir or build.outDir`);
    return 2;
  }
  const files = walk(root, root, new Set([outDir]), []).sort();
  const codeFiles = files.filter((f) => /\.(m?js|css)$/i.test(f));

  // 1. Minify JS and CSS.
  const minified = minify(root, codeFiles);
  if (minified.error !== undefined) {
    console.error(`✖ esbuild could not minify the sources:\n${minified.error}`);
    return 1;
  }
  const { contents, minifier } = minified;
  for (const f of files) if (!contents.has(f)) contents.set(f, fs.readFileSync(path.join(root, f)));

  // 2. Content hashes for JS and CSS.
  const hashedNames = hashNames(codeFiles, contents);

  // 3. Write dist/: references rewritten in HTML, CSS and JS.
  fs.rmSync(outDir, { recursive: true, force: true });
  const report = [];
  for (const f of files) {
    let body = contents.get(f);
    if (REFERENCES[path.extname(f).toLowerCase()]) body = Buffer.from(rewriteReferences(body.toString('utf8'), f, hashedNames).text);
    const name = hashedNames.get(f) || f;
    const target = path.join(outDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, body);
    report.push({ file: path.relative(ctx.projectDir, target).split(path.sep).join('/'), source: f.split(path.sep).join('/'), size: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  printReport({ files: report, outDir: path.relative(ctx.projectDir, outDir) || '.', minifier, ms, json: !!flags.json });
  return 0;
}

module.exports = { build };
