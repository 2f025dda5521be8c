// The dev server's settings: flags first, then fe.config.js's `dev`, then defaults.
'use strict';
const path = require('path');

function devOptions(ctx, flags) {
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, typeof flags.root === 'string' ? flags.root : dev.root || '.');
  // `--host` alone means every interface, as in other dev servers.
  const host = flags.host === true ? '0.0.0.0' : (flags.host || dev.host || 'localhost');
  const portText = flags.port !== undefined ? flags.port : dev.port !== undefined ? dev.port : 5173;
  const port = typeof portText === 'number' || (typeof portText === 'string' && /^\d+$/.test(portText)) ? Number(portText) : NaN;
  return { dev, root, host, port, portText };
}

module.exports = { devOptions };
