// The dev server's HTTP server: its own /__fe/ paths (live-reload client and events), then the
// proxy rules, then static files.
'use strict';
const { escapeHTML } = require('../format');
const { RESERVED, CLIENT_JS } = require('../livereload/client');
const { createEventHub } = require('../livereload/events');
const { createStaticFiles } = require('../static/files');
const { matchProxy, forward } = require('../proxy');
const { createResponder } = require('./respond');

function createDevServer(http, options) {
  const { root, realRoot, rules, log } = options;
  const respond = createResponder(log);
  const { logLine, sendPage } = respond;
  const hub = createEventHub();
  const files = createStaticFiles({ root, realRoot, respond });

  const server = http.createServer((req, res) => {
    const start = process.hrtime.bigint();
    try {
      if (req.url.startsWith(RESERVED)) {
        const name = req.url.slice(RESERVED.length).split('?')[0];
        if (name === 'events') { hub.open(res); logLine(req, 200, start); return; }
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
        forward(req, res, rule, start, respond).catch(() => res.destroy());
        return;
      }
      files.serve(req, res, start);
    } catch (e) {
      if (!res.headersSent) sendPage(req, res, 500, 'Internal Server Error', escapeHTML(e && e.message), start);
      else res.destroy();
    }
  });

  return {
    server,
    clients: hub.clients,
    broadcast: hub.broadcast,
    ping: hub.ping,
    forget: files.forget,
    closeClients: hub.closeAll,
  };
}

module.exports = { createDevServer };
