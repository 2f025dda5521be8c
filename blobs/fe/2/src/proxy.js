// The dev server's proxy: `dev.proxy` prefixes forwarded to another server with fetch.
'use strict';
const { escapeHTML } = require('./format');

// Normalizes `dev.proxy` to [{ prefix, target }] (longest prefix first); throws on a bad entry.
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

// Forwards one request to `rule.target` and streams the answer back (502 page if it fails).
// `respond` is the server's { logLine, sendPage }.
async function forward(req, res, rule, start, respond) {
  const { logLine, sendPage } = respond;
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

module.exports = { proxyRules, matchProxy, forward };
