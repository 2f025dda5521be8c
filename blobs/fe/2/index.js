// fe 2.x — the current line of the bundled `fe` tool. A fe-native bundle: this file runs once
// when its blob is built; fe.main registers what runs at every launch.
//   d  a dev server: static files, SPA fallback, ETag/304, gzip, a proxy, live reload (CSS swapped
//      in place) over server-sent events, one log line per request.
//   b  a production build: minified JS/CSS (esbuild when on PATH, else a bundled safe minifier),
//      content-hashed names with references rewritten, and a size report (--json).
// Differs visibly from 1.x: a framed banner, --host, gzip, proxy, CSS hot swap, hashed builds.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const zlib = require('zlib');

const VERSION = '2.1.0';
const HELP = `fe v${VERSION}

Usage
  $ fe <command> [flags]

Commands
  d, dev     dev server with live reload   (--root <dir>, --host [name], --port <n>, --dry-run)
  b, build   production build into dist/   (--root <dir>, --out-dir <dir>, --json)
  help       show this help

Flags
  --version  print the version

Config (fe.config.js)
  dev:   { root, port, host, proxy: { "/api": "http://127.0.0.1:3000" } }
  build: { outDir }`;

// ---------------------------------------------------------------------------------------------
// Shared helpers

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

function parseFlags(args) {
  const flags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags[a.slice(2)] = args[++i];
    else flags[a.slice(2)] = true;
  }
  return flags;
}

function frame(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  return [`╭${'─'.repeat(width)}╮`, ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), `╰${'─'.repeat(width)}╯`].join('\n');
}

const kB = (n) => `${(n / 1024).toFixed(2)} kB`;
const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const MIME = {
  '.html': 'text/html', '.htm': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.cjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain', '.md': 'text/markdown',
  '.csv': 'text/csv', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.avif': 'image/avif', '.ico': 'image/x-icon', '.bmp': 'image/bmp', '.woff': 'font/woff',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.wasm': 'application/wasm',
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav', '.pdf': 'application/pdf', '.zip': 'application/zip', '.gz': 'application/gzip',
};
function mimeType(file) {
  const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
  return type.startsWith('text/') || type === 'application/json' || type === 'image/svg+xml' ||
    type === 'application/xml' || type === 'application/manifest+json' ? `${type}; charset=utf-8` : type;
}
const compressible = (type) => /^(text\/|application\/(json|xml|javascript|manifest\+json|wasm)|image\/svg)/.test(type);

// ---------------------------------------------------------------------------------------------
// `d`: the dev server

const RESERVED = '/__fe/';
// The live-reload client: one EventSource; a CSS change swaps matching stylesheets in place
// (a new <link> replaces the old once loaded, so the page never flashes unstyled), anything
// else reloads. After the server comes back from a restart the page reloads too.
const CLIENT_JS = `// fe ${VERSION} live reload
(() => {
  const source = new EventSource('${RESERVED}events');
  let lost = false;
  source.addEventListener('open', () => { if (lost) location.reload(); });
  source.addEventListener('error', () => { lost = true; });
  source.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    if (change.type !== 'css') { location.reload(); return; }
    const links = [...document.querySelectorAll('link[rel~="stylesheet"][href]')]
      .filter((link) => new URL(link.href, location.href).origin === location.origin);
    const named = links.filter((link) => change.files.includes(new URL(link.href, location.href).pathname));
    const targets = named.length ? named : links;
    if (!targets.length) { location.reload(); return; }
    for (const link of targets) {
      const url = new URL(link.href, location.href);
      url.searchParams.set('t', Date.now());
      const next = link.cloneNode();
      next.href = url.pathname + url.search;
      next.addEventListener('load', () => link.remove(), { once: true });
      next.addEventListener('error', () => link.remove(), { once: true });
      link.after(next);
    }
    console.debug('[fe] css updated:', change.files.join(', '));
  });
})();
`;
const CLIENT_TAG = `<script src="${RESERVED}client.js"></script>`;

function injectClient(html) {
  const head = html.search(/<\/head\s*>/i);
  if (head >= 0) return html.slice(0, head) + CLIENT_TAG + html.slice(head);
  const body = html.search(/<\/body\s*>/i);
  if (body >= 0) return html.slice(0, body) + CLIENT_TAG + html.slice(body);
  return html + CLIENT_TAG;
}

function page(status, title, detail) {
  return injectClient(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHTML(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;color:#222}h1{color:#c33}code{background:#f3f3f3;padding:0 .3em}</style>
</head><body><h1>${status} ${escapeHTML(title)}</h1><p>${detail}</p><p><small>fe v${VERSION} dev server</small></p></body></html>
`);
}

// Maps a request target to a file under `root`, or a status. Every check happens on the decoded
// path: NUL bytes, backslashes and `..` segments are refused outright, and the joined path must
// still be under the root (symlinks are checked after the lookup, by realpath).
function resolveTarget(root, target) {
  let pathname = target;
  if (!pathname.startsWith('/')) {
    try { pathname = new URL(pathname).pathname; } catch { return { status: 400 }; }
  }
  const q = pathname.search(/[?#]/);
  if (q >= 0) pathname = pathname.slice(0, q);
  let decoded;
  try { decoded = decodeURIComponent(pathname); } catch { return { status: 400 }; }
  if (decoded.includes('\0')) return { status: 400 };
  if (decoded.includes('\\') || decoded.split('/').includes('..')) return { status: 403 };
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file, pathname, decoded };
}

function within(realRoot, real) {
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

function acceptsGzip(header) {
  if (!header) return false;
  const m = /(?:^|,)\s*(gzip|\*)\s*(?:;\s*q=([0-9.]+))?\s*(?:,|$)/i.exec(header);
  return !!m && (m[2] === undefined || Number(m[2]) > 0);
}

function notModified(req, etag, mtimeMs) {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => { t = t.trim(); return t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, ''); });
  const ims = req.headers['if-modified-since'];
  if (ims) { const t = Date.parse(ims); return !Number.isNaN(t) && Math.floor(mtimeMs / 1000) * 1000 <= t; }
  return false;
}

// Normalizes `dev.proxy` to [{ prefix, target }] (longest prefix first).
function proxyRules(proxy) {
  if (!proxy || typeof proxy !== 'object') return [];
  const rules = [];
  for (const [prefix, value] of Object.entries(proxy)) {
    const target = typeof value === 'string' ? value : value && value.target;
    if (!prefix.startsWith('/') || typeof target !== 'string') throw new Error(`dev.proxy["${prefix}"]: use "/prefix": "http://host:port"`);
    let url;
    try { url = new URL(target); } catch { throw new Error(`dev.proxy["${prefix}"]: "${target}" is not a URL`); }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`dev.proxy["${prefix}"]: "${target}" must be http(s)`);
    rules.push({ prefix, target: target.replace(/\/+$/, '') });
  }
  return rules.sort((a, b) => b.prefix.length - a.prefix.length);
}
function matchProxy(rules, url) {
  for (const rule of rules) {
    const p = rule.prefix;
    if (url === p || url.startsWith(p.endsWith('/') ? p : p + '/') || url.startsWith(p + '?')) return rule;
  }
  return null;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect']);

function createDevServer(http, options) {
  const { root, realRoot, rules, log } = options;
  const clients = new Set();
  const cache = new Map(); // file -> { key, body, gz, etag, type, lastModified }
  // Request target -> the file it resolved to and its stat, so a repeated request costs no
  // system call. Emptied on every change the watcher reports, and trusted for at most 250 ms in
  // case the watcher misses one.
  const resolved = new Map();
  const RESOLVED_TTL = 250;
  const CACHE_LIMIT = 512 * 1024;

  function logLine(req, status, start) {
    log(`${req.method} ${req.url} ${status} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)}ms`);
  }

  function sendPage(req, res, status, title, detail, start, extra) {
    const body = Buffer.from(page(status, title, detail));
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-cache', ...extra });
    res.end(req.method === 'HEAD' ? undefined : body);
    logLine(req, status, start);
  }

  function sendBuffer(req, res, status, entry, start) {
    const headers = {
      'content-type': entry.type, 'cache-control': 'no-cache', etag: entry.etag, 'last-modified': entry.lastModified,
    };
    let body = entry.body;
    if (entry.compressible) {
      headers.vary = 'Accept-Encoding';
      if (body.length >= 256 && acceptsGzip(req.headers['accept-encoding'])) {
        if (!entry.gz) entry.gz = zlib.gzipSync(body);
        body = entry.gz;
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    logLine(req, status, start);
  }

  function serveFile(req, res, file, stat, status, start) {
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${file.endsWith('.html') ? '-lr' : ''}"`;
    if (status === 200 && notModified(req, etag, stat.mtimeMs)) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' });
      res.end();
      logLine(req, 304, start);
      return;
    }
    const type = mimeType(file);
    const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    let entry = cache.get(file);
    if (!entry || entry.key !== key) {
      entry = null;
      if (stat.size <= CACHE_LIMIT || type.startsWith('text/html')) {
        let body = fs.readFileSync(file);
        if (type.startsWith('text/html')) body = Buffer.from(injectClient(body.toString('utf8')));
        entry = { key, body, gz: null, etag, type, lastModified: stat.mtime.toUTCString(), compressible: compressible(type) };
        cache.set(file, entry);
      }
    }
    if (entry) { sendBuffer(req, res, status, entry, start); return; }
    // A large file streams from disk (gzip-streamed when asked).
    const headers = { 'content-type': type, 'cache-control': 'no-cache', etag, 'last-modified': stat.mtime.toUTCString() };
    const gzip = compressible(type) && acceptsGzip(req.headers['accept-encoding']);
    if (compressible(type)) headers.vary = 'Accept-Encoding';
    if (gzip) headers['content-encoding'] = 'gzip'; else headers['content-length'] = stat.size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') { res.end(); logLine(req, status, start); return; }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    res.on('finish', () => logLine(req, status, start));
    if (gzip) stream.pipe(zlib.createGzip()).pipe(res); else stream.pipe(res);
  }

  function listDirectory(req, res, dir, pathname, start) {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (b.isDirectory() - a.isDirectory()) || a.name.localeCompare(b.name));
    const items = entries.map((e) => {
      const name = e.name + (e.isDirectory() ? '/' : '');
      return `<li><a href="${escapeHTML(encodeURIComponent(e.name) + (e.isDirectory() ? '/' : ''))}">${escapeHTML(name)}</a></li>`;
    });
    if (pathname !== '/') items.unshift('<li><a href="../">../</a></li>');
    sendPage(req, res, 200, `Index of ${decodeURIComponent(pathname)}`, `<ul>${items.join('')}</ul>`, start);
  }

  function statOrNull(file) {
    try { return fs.statSync(file); } catch { return null; }
  }

  function serveStatic(req, res, start) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPage(req, res, 405, 'Method Not Allowed', `The dev server serves files with GET and HEAD, not ${escapeHTML(req.method)}.`, start, { allow: 'GET, HEAD' });
      return;
    }
    const hit = resolved.get(req.url);
    if (hit && Date.now() - hit.at < RESOLVED_TTL) { serveFile(req, res, hit.file, hit.stat, 200, start); return; }
    const t = resolveTarget(root, req.url);
    if (t.status === 400) { sendPage(req, res, 400, 'Bad Request', 'The request path is malformed.', start); return; }
    if (t.status === 403) { sendPage(req, res, 403, 'Forbidden', 'That path is outside the served directory.', start); return; }
    let { file } = t;
    let stat = statOrNull(file);
    if (stat) {
      let real;
      try { real = fs.realpathSync(file); } catch { real = null; }
      if (!real || !within(realRoot, real)) { sendPage(req, res, 403, 'Forbidden', 'That path leads outside the served directory.', start); return; }
    }
    if (stat && stat.isDirectory()) {
      if (!t.pathname.endsWith('/')) {
        const q = req.url.indexOf('?');
        const location = t.pathname + '/' + (q >= 0 ? req.url.slice(q) : '');
        res.writeHead(301, { location, 'content-length': 0 });
        res.end();
        logLine(req, 301, start);
        return;
      }
      const index = path.join(file, 'index.html');
      const indexStat = statOrNull(index);
      if (!indexStat || !indexStat.isFile()) { listDirectory(req, res, file, t.pathname, start); return; }
      file = index;
      stat = indexStat;
    }
    if (stat && stat.isFile()) {
      if (resolved.size > 10000) resolved.clear();
      resolved.set(req.url, { file, stat, at: Date.now() });
      serveFile(req, res, file, stat, 200, start);
      return;
    }
    // Single-page apps: an extension-less path that is not a file gets the root index.html.
    const last = t.decoded.slice(t.decoded.lastIndexOf('/') + 1);
    if (!last.includes('.')) {
      const index = path.join(root, 'index.html');
      const indexStat = statOrNull(index);
      if (indexStat && indexStat.isFile()) { serveFile(req, res, index, indexStat, 200, start); return; }
    }
    sendPage(req, res, 404, 'Not Found', `<code>${escapeHTML(t.decoded)}</code> is not in the served directory.`, start);
  }

  async function proxy(req, res, rule, start) {
    const url = rule.target + req.url;
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    headers['x-forwarded-host'] = req.headers.host || '';
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-for'] = (req.socket && req.socket.remoteAddress) || '';
    let body;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      body = Buffer.concat(chunks);
    }
    const abort = new AbortController();
    res.on('close', () => { if (!res.writableFinished) abort.abort(); });
    let upstream;
    try {
      upstream = await fetch(url, { method: req.method, headers, body, redirect: 'manual', signal: abort.signal });
    } catch (e) {
      if (abort.signal.aborted) return;
      const reason = (e && e.cause && e.cause.message) || (e && e.message) || String(e);
      sendPage(req, res, 502, 'Bad Gateway', `The proxy target <code>${escapeHTML(rule.target)}</code> for <code>${escapeHTML(rule.prefix)}</code> did not answer: ${escapeHTML(reason)}`, start);
      return;
    }
    const out = {};
    upstream.headers.forEach((value, name) => {
      // fetch hands over the body decoded, so its encoding and length no longer apply.
      if (HOP_BY_HOP.has(name) || name === 'content-encoding' || name === 'set-cookie') return;
      out[name] = value;
    });
    const cookies = typeof upstream.headers.getSetCookie === 'function' ? upstream.headers.getSetCookie() : [];
    if (cookies.length) out['set-cookie'] = cookies;
    res.writeHead(upstream.status, out);
    if (!upstream.body || req.method === 'HEAD') { res.end(); logLine(req, upstream.status, start); return; }
    const reader = upstream.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!res.write(value)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
        if (res.destroyed) { reader.cancel().catch(() => {}); return; }
      }
      res.end();
      logLine(req, upstream.status, start);
    } catch {
      res.destroy();
    }
  }

  function events(req, res, start) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 500\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
    logLine(req, 200, start);
  }

  const server = http.createServer((req, res) => {
    const start = process.hrtime.bigint();
    try {
      if (req.url.startsWith(RESERVED)) {
        const name = req.url.slice(RESERVED.length).split('?')[0];
        if (name === 'events') { events(req, res, start); return; }
        if (name === 'client.js') {
          const body = Buffer.from(CLIENT_JS);
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-cache' });
          res.end(req.method === 'HEAD' ? undefined : body);
          logLine(req, 200, start);
          return;
        }
      }
      const rule = rules.length ? matchProxy(rules, req.url) : null;
      if (rule) {
        proxy(req, res, rule, start).catch(() => res.destroy());
        return;
      }
      serveStatic(req, res, start);
    } catch (e) {
      if (!res.headersSent) sendPage(req, res, 500, 'Internal Server Error', escapeHTML(e && e.message), start);
      else res.destroy();
    }
  });

  function broadcast(change) {
    const message = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
    for (const res of clients) res.write(message);
  }
  function forget(file) { cache.delete(file); resolved.clear(); }
  function closeClients() { for (const res of clients) res.end(); clients.clear(); }
  return { server, broadcast, forget, closeClients, clients };
}

// Editors write temp files next to the real one (vim's 4913 and .swp, emacs' #x# and x~).
const ignoredChange = (rel) => rel.split(/[\\/]/).some((s) => s.startsWith('.') || s === 'node_modules') ||
  rel.endsWith('~') || /(^|[\\/])(4913|#[^\\/]*#)$/.test(rel);

function watchRoot(root, onChange) {
  const pending = new Set();
  let timer = null;
  const watcher = fs.watch(root, { recursive: true }, (event, filename) => {
    const rel = filename ? String(filename) : '';
    if (rel && ignoredChange(rel)) return;
    pending.add(rel);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      onChange(files);
    }, 50);
  });
  watcher.on('error', () => {});
  return { close() { clearTimeout(timer); watcher.close(); } };
}

function devOptions(ctx, flags) {
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, typeof flags.root === 'string' ? flags.root : dev.root || '.');
  // `--host` alone means every interface, as in other dev servers.
  const host = flags.host === true ? '0.0.0.0' : (flags.host || dev.host || 'localhost');
  const portText = flags.port !== undefined ? flags.port : dev.port !== undefined ? dev.port : 5173;
  const port = typeof portText === 'number' || (typeof portText === 'string' && /^\d+$/.test(portText)) ? Number(portText) : NaN;
  return { dev, root, host, port, portText };
}

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

async function dev(ctx, flags) {
  const { dev: devConfig, root, host, port, portText } = devOptions(ctx, flags);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`✖ invalid --port: ${portText} (use a number from 0 to 65535; 0 picks a free port)`);
    return 2;
  }
  let rules;
  try { rules = proxyRules(devConfig.proxy); } catch (e) { console.error(`✖ ${e.message}`); return 2; }
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
      // Keeps idle event streams open through proxies that drop silent connections.
      heartbeat = setInterval(() => { for (const res of site.clients) res.write(': ping\n\n'); }, 30000);
      heartbeat.unref();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// `b`: the production build

// A whitespace and comment minifier for JavaScript that never changes meaning: it understands
// strings, template literals (with nested ${}), regular expression literals and comments, keeps a
// newline wherever one separated tokens (automatic semicolon insertion stays as it was) and a
// space wherever two tokens would otherwise merge.
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await']);
function minifyJS(src) {
  const isWord = (c) => c !== undefined && /[A-Za-z0-9_$\\\u0080-\uffff]/.test(c);
  let out = '';
  let i = 0;
  const n = src.length;
  let gap = ''; // '', ' ' or '\n': whitespace seen since the last token
  let lastToken = ''; // the last significant token, to tell a regex from a division
  const braces = []; // for each open '{': whether it opened a template substitution
  if (src.startsWith('#!')) { const e = src.indexOf('\n'); out = e < 0 ? src : src.slice(0, e); i = e < 0 ? n : e; gap = '\n'; }

  const emit = (text, kind) => {
    if (gap && out.length) {
      const a = out[out.length - 1], b = text[0];
      if (gap === '\n' && !'{;,(['.includes(a) && !'}),;]'.includes(b)) out += '\n';
      else if ((isWord(a) && isWord(b)) || ((a === '+' || a === '-') && a === b) || (a === '/' && b === '/') ||
        (/[0-9]/.test(a) && b === '.')) out += ' ';
    }
    gap = '';
    out += text;
    if (kind !== 'comment') lastToken = kind === 'word' || kind === 'punct' ? text : kind;
  };
  const regexAllowed = () => {
    if (lastToken === '') return true;
    if (lastToken === 'string' || lastToken === 'regex' || lastToken === 'template' || lastToken === 'number') return false;
    if (/^[A-Za-z_$\\\u0080-\uffff]/.test(lastToken)) return KEYWORDS_BEFORE_EXPRESSION.has(lastToken);
    return !(lastToken === ')' || lastToken === ']');
  };
  // Copies a template literal's text from i (just after '`' or '}'), up to its end or a '${'.
  const templateChunk = () => {
    let j = i;
    while (j < n) {
      const c = src[j];
      if (c === '\\') { j += 2; continue; }
      if (c === '`') { j++; break; }
      if (c === '$' && src[j + 1] === '{') { j += 2; braces.push(true); break; }
      j++;
    }
    const text = src.slice(i, j);
    i = j;
    return text;
  };

  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff' || c === '\u2028' || c === '\u2029') {
      if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') gap = '\n'; else if (!gap) gap = ' ';
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      gap = '\n';
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? n : end + 2);
      i += body.length;
      // /*! … */ is a licence notice: it stays.
      if (body[2] === '!' || /@license|@preserve/.test(body)) { emit(body, 'comment'); gap = '\n'; continue; }
      if (/[\n\r\u2028\u2029]/.test(body)) gap = '\n'; else if (!gap) gap = ' ';
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; if (src[j] === '\n') break; j++; }
      emit(src.slice(i, j + 1), 'string');
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i++;
      emit('`' + templateChunk(), 'template');
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1, inClass = false;
      while (j < n) {
        const d = src[j];
        if (d === '\\') { j += 2; continue; }
        if (d === '\n') break;
        if (inClass) { if (d === ']') inClass = false; } else if (d === '[') inClass = true; else if (d === '/') break;
        j++;
      }
      j++;
      while (j < n && isWord(src[j])) j++;
      emit(src.slice(i, j), 'regex');
      i = j;
      continue;
    }
    if (isWord(c)) {
      let j = i + 1;
      // Numbers: 1.5e+10 keeps its sign and dot together.
      if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1]))) {
        while (j < n && (isWord(src[j]) || src[j] === '.' || ((src[j] === '+' || src[j] === '-') && /[eE]/.test(src[j - 1]) && !/^0[xX]/.test(src.slice(i, j))))) j++;
        emit(src.slice(i, j), 'number');
      } else {
        while (j < n && isWord(src[j])) j++;
        emit(src.slice(i, j), 'word');
      }
      i = j;
      continue;
    }
    if (c === '.' && /[0-9]/.test(src[i + 1])) {
      let j = i + 1;
      while (j < n && (isWord(src[j]) || ((src[j] === '+' || src[j] === '-') && /[eE]/.test(src[j - 1])))) j++;
      emit(src.slice(i, j), 'number');
      i = j;
      continue;
    }
    if (c === '{') { braces.push(false); emit('{', 'punct'); i++; continue; }
    if (c === '}') {
      if (braces.pop() === true) { i++; emit('}' + templateChunk(), 'template'); continue; }
      emit('}', 'punct'); i++;
      continue;
    }
    emit(c, 'punct');
    i++;
  }
  return out;
}

// CSS: comments out, whitespace collapsed, none around { } ; , > or after ':', no ';' before
// '}'. Strings and url(...) are copied as they are.
function minifyCSS(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  let gap = false;
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const next = end < 0 ? n : end + 2;
      if (src[i + 2] === '!') out += src.slice(i, next); // a licence notice stays
      i = next;
      gap = true;
      continue;
    }
    if (/\s/.test(c)) { gap = true; i++; continue; }
    let token;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; j++; }
      token = src.slice(i, j + 1);
    } else if (/^url\(/i.test(src.slice(i, i + 4))) {
      const end = src.indexOf(')', i);
      token = src.slice(i, end < 0 ? n : end + 1);
    } else {
      token = c;
    }
    if (gap && out.length) {
      const a = out[out.length - 1];
      if (!'{};,>:'.includes(a) && !'{};,>!'.includes(token[0])) out += ' ';
    }
    gap = false;
    if (token === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += token;
    i += token.length;
  }
  return out;
}

function findEsbuild() {
  const bin = process.env.FE_ESBUILD || 'esbuild';
  try {
    const version = require('child_process').execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { bin, version };
  } catch {
    return null;
  }
}

// References to other files: src/href in HTML, url() and @import in CSS, import/export in JS.
const REFERENCES = {
  '.html': /(\b(?:src|href)\s*=\s*)(["']?)([^"'\s>]+)\2/gi,
  '.css': /(url\(\s*|@import\s+)(["']?)([^"')\s]+)\2/gi,
  '.js': /(\b(?:from|import)\s*\(?\s*)(["'])([^"'\n]+)\2/g,
};
REFERENCES['.htm'] = REFERENCES['.html'];
REFERENCES['.mjs'] = REFERENCES['.js'];

function resolveReference(fromRel, spec) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(spec)) return null;
  const clean = spec.replace(/[?#].*$/, '');
  if (!clean) return null;
  const rel = clean.startsWith('/') ? path.posix.normalize(clean.slice(1)) : path.posix.join(path.posix.dirname(fromRel), clean);
  return rel.startsWith('..') ? null : rel;
}

function rewriteReferences(text, fromRel, hashedNames) {
  const ext = path.extname(fromRel).toLowerCase();
  const pattern = REFERENCES[ext];
  if (!pattern) return { text, refs: [] };
  const refs = [];
  const rewritten = text.replace(pattern, (all, lead, quote, spec) => {
    const target = resolveReference(fromRel, spec);
    if (target === null || !hashedNames.has(target)) return all;
    refs.push(target);
    const hashed = hashedNames.get(target);
    const suffix = spec.slice(spec.replace(/[?#].*$/, '').length);
    let next;
    if (spec.startsWith('/')) next = '/' + hashed;
    else {
      next = path.posix.relative(path.posix.dirname(fromRel), hashed);
      if (spec.startsWith('./') || (ext !== '.html' && ext !== '.htm' && ext !== '.css')) next = next.startsWith('.') ? next : './' + next;
    }
    return lead + quote + next + suffix + quote;
  });
  return { text: rewritten, refs };
}

function buildOptions(ctx, flags) {
  const dev = ctx.config.dev || {};
  const build = ctx.config.build || {};
  const root = path.resolve(ctx.projectDir, typeof flags.root === 'string' ? flags.root : build.root || dev.root || '.');
  const outFlag = typeof flags['out-dir'] === 'string' ? flags['out-dir'] : typeof flags.outDir === 'string' ? flags.outDir : null;
  const outDir = path.resolve(ctx.projectDir, outFlag || build.outDir || 'dist');
  return { root, outDir };
}

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

  // 1. Minify JS and CSS: esbuild in one run when it is on PATH, else the bundled minifiers.
  const contents = new Map();
  const esbuild = findEsbuild();
  let minifier;
  if (esbuild && codeFiles.length) {
    const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'fe-build-'));
    try {
      require('child_process').execFileSync(esbuild.bin,
        [...codeFiles.map((f) => path.join(root, f)), '--minify', `--outdir=${tmp}`, `--outbase=${root}`, '--log-level=error', '--charset=utf8'],
        { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      for (const f of codeFiles) contents.set(f, fs.readFileSync(path.join(tmp, f.replace(/\.mjs$/i, '.js'))));
    } catch (e) {
      console.error(`✖ esbuild could not minify the sources:\n${(e.stderr || e.message || '').toString().trim()}`);
      return 1;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    minifier = `esbuild ${esbuild.version}`;
  } else {
    for (const f of codeFiles) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      contents.set(f, Buffer.from(f.toLowerCase().endsWith('.css') ? minifyCSS(text) : minifyJS(text)));
    }
    minifier = 'fe minifier';
  }
  for (const f of files) if (!contents.has(f)) contents.set(f, fs.readFileSync(path.join(root, f)));

  // 2. Content hashes for JS and CSS. A file's hash covers the files it references (transitively),
  // so changing an imported module renames its importers too; cycles are fine.
  const referencesOf = new Map();
  const allNames = new Map(codeFiles.map((f) => [f, f]));
  for (const f of codeFiles) referencesOf.set(f, rewriteReferences(contents.get(f).toString('utf8'), f, allNames).refs);
  const hashedNames = new Map();
  for (const f of codeFiles) {
    const seen = new Set([f]);
    const queue = [f];
    while (queue.length) for (const r of referencesOf.get(queue.shift()) || []) if (!seen.has(r)) { seen.add(r); queue.push(r); }
    const hash = crypto.createHash('sha256');
    for (const g of [...seen].sort()) hash.update(g).update('\0').update(contents.get(g)).update('\0');
    const ext = path.extname(f);
    hashedNames.set(f, `${f.slice(0, -ext.length)}.${hash.digest('hex').slice(0, 8)}${ext}`);
  }

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
  const total = report.reduce((s, r) => s + r.size, 0);
  const gzipTotal = report.reduce((s, r) => s + r.gzip, 0);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (flags.json) {
    console.log(JSON.stringify({ version: VERSION, outDir: path.relative(ctx.projectDir, outDir) || '.', minifier, files: report, total, gzipTotal }));
    return 0;
  }
  const width = Math.max(30, ...report.map((r) => r.file.length));
  for (const r of report) console.log(`  ${r.file.padEnd(width)} ${kB(r.size).padStart(10)} │ gzip: ${kB(r.gzip).padStart(9)}`);
  console.log(`✓ ${report.length} files, ${kB(total)} (gzip ${kB(gzipTotal)}) in ${ms.toFixed(0)}ms · minified with ${minifier}`);
  return 0;
}

// ---------------------------------------------------------------------------------------------

fe.main(async (args, ctx) => {
  const [command = 'help', ...rest] = args;
  const flags = parseFlags(rest);
  switch (command) {
    case '--version':
      console.log(`v${VERSION}`);
      return 0;
    case 'd':
    case 'dev':
      return dev(ctx, flags);
    case 'b':
    case 'build':
      return build(ctx, flags);
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`✖ Unknown command "${command}". Run \`fe help\`.`);
      return 2;
  }
});
