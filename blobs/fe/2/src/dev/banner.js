// The framed banner `fe d` prints: URLs, root and proxy rules.
'use strict';
const { VERSION } = require('../version');
const { frame } = require('../format');

function banner(host, port, root, rules, extra) {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const lines = [`FE v${VERSION}  dev`, '', `➜  Local:   http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`];
  if (host === '0.0.0.0' || host === '::') {
    const nets = require('os').networkInterfaces();
    for (const list of Object.values(nets)) for (const a of list || []) {
      if (a.family === 'IPv4' && !a.internal) lines.push(`➜  Network: http://${a.address}:${port}/`);
    }
  }
  lines.push(`➜  Root:    ${root}`);
  for (const r of rules) lines.push(`➜  Proxy:   ${r.prefix} → ${r.target}`);
  return frame(lines.concat(extra || []));
}

module.exports = { banner };
