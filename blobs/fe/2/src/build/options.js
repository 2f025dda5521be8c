// The build's settings: flags first, then fe.config.js's `build` (and `dev.root`), then defaults.
'use strict';
const path = require('path');

function buildOptions(ctx, flags) {
  const dev = ctx.config.dev || {};
  const build = ctx.config.build || {};
  const root = path.resolve(ctx.projectDir, typeof flags.root === 'string' ? flags.root : build.root || dev.root || '.');
  const outFlag = typeof flags['out-dir'] === 'string' ? flags['out-dir'] : typeof flags.outDir === 'string' ? flags.outDir : null;
  const outDir = path.resolve(ctx.projectDir, outFlag || build.outDir || 'dist');
  return { root, outDir };
}

module.exports = { buildOptions };
