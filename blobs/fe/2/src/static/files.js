// Static files for the dev server: index.html for directories (else a listing), the SPA
// fallback, ETag/Last-Modified revalidation, gzip, and small files kept in memory.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { escapeHTML } = require('../format');
const { injectClient } = require('../livereload/client');
const { resolveTarget, within } = require('../server/paths');
const { mimeType, compressible } = require('./mime');
const { acceptsGzip, notModified } = require('./negotiation');

const CACHE_LIMIT = 512 * 1024;
const RESOLVED_TTL = 250;

function statOrNull(file) {
  try { return fs.statSync(file); } catch { return null; }
}

// `respond` is the server's { logLine, sendPage }.
function createStaticFiles({ root, realRoot, respond }) {
  const { logLine, sendPage } = respond;
  const cache = new Map(); // file -> { key, body, gz, etag, type, lastModified }
  // Request target -> the file it resolved to and its stat, so a repeated request costs no
  // system call. Emptied on every change the watcher reports (forget), and trusted for at most
  // RESOLVED_TTL ms in case the watcher misses one.
  const resolved = new Map();

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

  function serve(req, res, start) {
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

  function forget(file) { cache.delete(file); resolved.clear(); }

  return { serve, forget };
}

module.exports = { createStaticFiles };
