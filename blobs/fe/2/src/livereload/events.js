// The live-reload event stream (server-sent events): every open /__fe/events response, to
// broadcast changes to.
'use strict';

function createEventHub() {
  const clients = new Set();
  return {
    clients,
    // Answers a request for the stream and keeps the response open.
    open(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    broadcast(change) {
      const message = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
      for (const res of clients) res.write(message);
    },
    // Keeps idle streams open through proxies that drop silent connections.
    ping() { for (const res of clients) res.write(': ping\n\n'); },
    closeAll() { for (const res of clients) res.end(); clients.clear(); },
  };
}

module.exports = { createEventHub };
