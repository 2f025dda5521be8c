// `fe d`: checks the settings, then serves until SIGINT/SIGTERM, reloading pages on changes.
'use strict';
const fs = require('fs');
const path = require('path');
const { walk } = require('../walk');
const { proxyRules } = require('../proxy');
const { createDevServer } = require('../server/server');
const { watchRoot } = require('../livereload/watch');
const { devOptions, serverLimits } = require('./options');
const { banner } = require('./banner');

async function dev(ctx, flags) {
  const { dev: devConfig, root, host, port, portText } = devOptions(ctx, flags);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`✖ invalid --port: ${portText} (use a number from 0 to 65535; 0 picks a free port)`);
    return 2;
  }
  let rules, limits;
  try {
    rules = proxyRules(devConfig.proxy);
    limits = serverLimits(devConfig);
  } catch (e) { console.error(`✖ ${e.message}`); return 2; }
  let realRoot;
  try {
    realRoot = fs.realpathSync(root);
    if (!fs.statSync(realRoot).isDirectory()) throw new Error('not a directory');
  } catch {
    console.error(`✖ the root ${root} is not a directory: create it or set dev.root / --root`);
    return 2;
  }
  if (flags['dry-run']) {
    const files = walk(root, root, new Set(), []);
    const byExt = {};
    for (const file of files) { const ext = path.extname(file) || '(none)'; byExt[ext] = (byExt[ext] || 0) + 1; }
    console.log(banner(host, port, root, rules));
    for (const ext of Object.keys(byExt).sort()) console.log(`  ${ext.padEnd(8)} ${byExt[ext]}`);
    return 0;
  }

  const http = require('http');
  // Request lines are written in batches: one write per turn of the loop, not per request.
  let pendingLog = [];
  const flushLog = () => { const text = pendingLog.join(''); pendingLog = []; process.stdout.write(text); };
  const log = (line) => { if (pendingLog.push(line + '\n') === 1) setImmediate(flushLog); };

  const site = createDevServer(http, { root, realRoot, rules, log });
  Object.assign(site.server, limits);
  const sockets = new Set();
  site.server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });

  return await new Promise((resolve) => {
    let watcher = null;
    let heartbeat = null;
    let stopping = false;
    const stop = (code) => {
      if (stopping) { process.exit(code || 130); return; }
      stopping = true;
      if (pendingLog.length) flushLog();
      if (watcher) watcher.close();
      clearInterval(heartbeat);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      site.closeClients();
      site.server.close(() => resolve(code));
      if (typeof site.server.closeAllConnections === 'function') site.server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    };
    const onSignal = () => { console.log('\n  stopped'); stop(0); };
    site.server.on('error', (e) => {
      if (e.code === 'EADDRINUSE') console.error(`✖ port ${port} is already in use on ${host}: stop the other server or pass --port <n>`);
      else if (e.code === 'EACCES') console.error(`✖ no permission to listen on ${host}:${port}: pick a port above 1023 with --port <n>`);
      else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EADDRNOTAVAIL') console.error(`✖ cannot listen on host ${host}: use localhost, 0.0.0.0 or an address of this machine`);
      else console.error(`✖ dev server error: ${e.message}`);
      if (!stopping) { stopping = true; if (watcher) watcher.close(); resolve(1); }
    });
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    site.server.listen(port, host === 'localhost' ? '127.0.0.1' : host, () => {
      const actual = site.server.address().port;
      console.log(banner(host, actual, root, rules, ['', '   live reload on · press Ctrl-C to stop']));
      watcher = watchRoot(root, (files) => {
        for (const f of files) site.forget(path.join(root, f));
        const named = files.filter(Boolean);
        const css = named.length > 0 && named.every((f) => f.endsWith('.css'));
        const urls = named.map((f) => '/' + f.split(path.sep).join('/'));
        log(`↻ ${named.join(', ') || root} changed: ${css ? 'css update' : 'page reload'} (${site.clients.size} client${site.clients.size === 1 ? '' : 's'})`);
        site.broadcast({ type: css ? 'css' : 'reload', files: urls });
      });
      heartbeat = setInterval(site.ping, 30000);
      heartbeat.unref();
    });
  });
}

module.exports = { dev };
