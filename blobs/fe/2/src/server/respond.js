// Writing responses: one log line per request (method, URL, status, time) and the dev server's
// pages.
'use strict';
const { page } = require('./page');

function createResponder(log) {
  function logLine(req, status, start) {
    log(`${req.method} ${req.url} ${status} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)}ms`);
  }

  function sendPage(req, res, status, title, detail, start, extra) {
    const body = Buffer.from(page(status, title, detail));
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-cache', ...extra });
    res.end(req.method === 'HEAD' ? undefined : body);
    logLine(req, status, start);
  }

  return { logLine, sendPage };
}

module.exports = { createResponder };
