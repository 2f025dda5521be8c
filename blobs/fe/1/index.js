// fe 1.x — the classic line of the bundled `fe` tool. A fe-native bundle: this file runs once
// when its blob is built; fe.main registers what runs at every launch.
//   d  a plain dev server on localhost: static files, SPA fallback, ETag/304 and live reload
//      that reloads the whole page on any change (CSS included).
//   b  copies the root into dist/ as it is (no minification, no hashing) with a plain report.
// 2.x adds a framed banner, --host, gzip, a proxy, CSS swapped in place and minified, hashed builds.
'use strict';
const fs = require('fs');
const path = require('path');

const VERSION = '1.4.2';
const HELP = `fe ${VERSION}

usage: fe <command> [options]

commands:
  d, dev        serve the project with live reload (--port <n>, --dry-run)
  b, build      copy the project into dist/
  help          this text
  --version     print the version`;

function walk(dir, root, skip, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    if (entry.isDirectory()) walk(full, root, skip, out);
    else if (entry.isFile()) out.push(path.relative(root, full));
  }
  return out;
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json; charset=utf-8',
};
const typeOf = (file) => TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';

// Live reload, 1.x style: any change reloads the page.
const CLIENT_JS = `// fe ${VERSION} live reload
new EventSource('/__fe/events').addEventListener('change', () => location.reload());
`;
const CLIENT_TAG = '<script src="/__fe/client.js"></script>';
const inject = (html) => {
  const at = html.search(/<\/body\s*>/i);
  return at >= 0 ? html.slice(0, at) + CLIENT_TAG + html.slice(at) : html + CLIENT_TAG;
};

// The request path, decoded and checked: NUL bytes, backslashes and `..` segments never reach
// the file system, and the joined path must stay under the root.
function resolveTarget(root, url) {
  let pathname = url.split(/[?#]/)[0];
  let decoded;
  try { decoded = decodeURIComponent(pathname); } catch { return { status: 400 }; }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return { status: 400 };
  if (decoded.includes('\\') || decoded.split('/').includes('..')) return { status: 403 };
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file, pathname, decoded };
}

async function dev(ctx, rest) {
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, dev.root || '.');
  const portText = option(rest, '--port', dev.port !== undefined ? String(dev.port) : '3000');
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    console.error(`fe d: --port must be a port number, got ${portText}`);
    return 2;
  }
  if (rest.includes('--dry-run')) {
    const files = walk(root, root, new Set(), []);
    console.log(`fe ${VERSION} dev`);
    console.log(`serving ${root} on port ${port}`);
    console.log(`${files.length} file(s):`);
    for (const f of files) console.log(`  ${f}`);
    return 0;
  }
  let realRoot;
  try { realRoot = fs.realpathSync(root); } catch {
    console.error(`fe d: ${root} does not exist (set dev.root in fe.config.js)`);
    return 2;
  }

  const http = require('http');
  const clients = new Set();
  const send = (req, res, status, headers, body) => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    console.log(`${req.method} ${req.url} ${status} ${(Number(process.hrtime.bigint() - req.started) / 1e6).toFixed(1)}ms`);
  };
  const error = (req, res, status, text) =>
    send(req, res, status, { 'content-type': 'text/html; charset=utf-8' }, inject(`<h1>${status} ${text}</h1>\n`));
  const stat = (file) => { try { return fs.statSync(file); } catch { return null; } };

  const serveFile = (req, res, file, st) => {
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    if (req.headers['if-none-match'] === etag) { send(req, res, 304, { etag }); return; }
    let body = fs.readFileSync(file);
    if (/\.html?$/i.test(file)) body = inject(body.toString('utf8'));
    send(req, res, 200, { 'content-type': typeOf(file), etag, 'last-modified': st.mtime.toUTCString(), 'cache-control': 'no-cache' }, body);
  };

  const server = http.createServer((req, res) => {
    req.started = process.hrtime.bigint();
    if (req.url === '/__fe/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('retry: 500\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
      console.log(`GET /__fe/events 200 ${(Number(process.hrtime.bigint() - req.started) / 1e6).toFixed(1)}ms`);
      return;
    }
    if (req.url === '/__fe/client.js') { send(req, res, 200, { 'content-type': 'text/javascript; charset=utf-8' }, CLIENT_JS); return; }
    if (req.method !== 'GET' && req.method !== 'HEAD') { error(req, res, 405, 'Method Not Allowed'); return; }
    const t = resolveTarget(root, req.url);
    if (t.status === 400) { error(req, res, 400, 'Bad Request'); return; }
    if (t.status === 403) { error(req, res, 403, 'Forbidden'); return; }
    let file = t.file;
    let st = stat(file);
    if (st) {
      let real = null;
      try { real = fs.realpathSync(file); } catch { /* vanished */ }
      if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) { error(req, res, 403, 'Forbidden'); return; }
    }
    if (st && st.isDirectory()) {
      if (!t.pathname.endsWith('/')) { send(req, res, 301, { location: t.pathname + '/' }); return; }
      file = path.join(file, 'index.html');
      st = stat(file);
    }
    if (st && st.isFile()) { serveFile(req, res, file, st); return; }
    const index = path.join(root, 'index.html');
    const indexStat = stat(index);
    if (!path.extname(t.decoded) && indexStat && indexStat.isFile()) { serveFile(req, res, index, indexStat); return; }
    error(req, res, 404, 'Not Found');
  });

  // Slow or silent clients cannot hold the server: idle connections close after 5 s, headers
  // must arrive within 10 s, and past 512 connections the one idle longest makes room.
  Object.assign(server, { keepAliveTimeout: 5000, headersTimeout: 10000, requestTimeout: 60000, maxConnections: 512, evictIdleConnections: true });

  return await new Promise((resolve) => {
    let watcher = null;
    let timer = null;
    const stop = (code) => {
      if (watcher) watcher.close();
      clearTimeout(timer);
      for (const res of clients) res.end();
      server.close(() => resolve(code));
      if (typeof server.closeAllConnections === 'function') server.closeAllConnections();
    };
    server.on('error', (e) => {
      console.error(e.code === 'EADDRINUSE' ? `fe d: port ${port} is in use (try --port <n>)` : `fe d: ${e.message}`);
      resolve(1);
    });
    process.once('SIGINT', () => { console.log('stopped'); stop(0); });
    process.once('SIGTERM', () => stop(0));
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      console.log(`fe ${VERSION} dev`);
      console.log(`serving ${root} on port ${actual}`);
      console.log(`  http://localhost:${actual}/`);
      console.log('(Ctrl-C to stop)');
      watcher = fs.watch(root, { recursive: true }, (event, name) => {
        if (name && String(name).split(path.sep).some((s) => s.startsWith('.'))) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          console.log(`changed: ${name || root} (reloading ${clients.size} page(s))`);
          for (const res of clients) res.write('event: change\ndata: reload\n\n');
        }, 100);
      });
    });
  });
}

function build(ctx) {
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, dev.root || '.');
  const outDir = path.join(ctx.projectDir, 'dist');
  if (root === outDir || (root + path.sep).startsWith(outDir + path.sep)) {
    console.error(`fe b: the root ${root} is inside dist/`);
    return 2;
  }
  const files = walk(root, root, new Set([outDir]), []);
  fs.rmSync(outDir, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    const target = path.join(outDir, f);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(root, f), target);
    bytes += fs.statSync(target).size;
  }
  console.log(`fe ${VERSION} build: ${files.length} file(s), ${bytes} bytes -> dist/`);
  return 0;
}

fe.main(async (args, ctx) => {
  const [command = 'help', ...rest] = args;
  switch (command) {
    case '--version':
    case '-v':
      console.log(VERSION);
      return 0;
    case 'd':
    case 'dev':
      return dev(ctx, rest);
    case 'b':
    case 'build':
      return build(ctx);
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`fe: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
});
