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

// The limits that keep the server up under slow or silent clients (Node's http.Server
// properties, tighter than Node's defaults): an idle connection closes after keepAliveTimeout, a
// request's headers must arrive within headersTimeout and all of it within requestTimeout (ms),
// and past maxConnections the connection idle longest is closed to let a new one in.
const LIMITS = { keepAliveTimeout: 5000, headersTimeout: 10000, requestTimeout: 60000, maxConnections: 512 };

// `dev.keepAliveTimeout` and the others override the defaults; throws on a value that is not a
// non-negative number (0 turns a timeout off).
function serverLimits(dev) {
  const limits = { ...LIMITS, evictIdleConnections: true };
  for (const name of Object.keys(LIMITS)) {
    const value = dev[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new Error(`dev.${name} must be a number ${name === 'maxConnections' ? 'of connections' : 'of milliseconds'} (0 or more), not ${JSON.stringify(value)}`);
    }
    limits[name] = name === 'maxConnections' && value === 0 ? Infinity : value;
  }
  return limits;
}

module.exports = { devOptions, serverLimits, LIMITS };
