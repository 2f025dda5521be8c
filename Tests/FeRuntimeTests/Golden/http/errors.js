// Node's errors from the http server API: EADDRINUSE, header validation, headers already sent,
// write after end, bad status codes, bad ports, closing a server that is not running.
const http = require('http');

const show = (e) => console.log(e.name, e.code, e.message);

const a = http.createServer();
a.listen(0, '127.0.0.1', () => {
  const { port } = a.address();
  const b = http.createServer();
  b.on('error', (e) => {
    console.log('error event:', e.code, e.syscall, e.address, e.port === port, e.errno, e.message.replace(String(port), 'PORT'));
    console.log('b.listening', b.listening);
    next(port);
  });
  b.listen(port, '127.0.0.1');
  try { a.listen(0); } catch (e) { show(e); }
});

try { http.createServer().listen(70000); } catch (e) { show(e); }
try { http.createServer().listen(-1); } catch (e) { show(e); }

function next(port) {
  const server = http.createServer((req, res) => {
    try { res.setHeader('bad header', 'x'); } catch (e) { show(e); }
    try { res.setHeader('x-undefined', undefined); } catch (e) { show(e); }
    try { res.setHeader('x-bad', 'a\nb'); } catch (e) { show(e); }
    try { res.getHeader(1); } catch (e) { show(e); }
    try { res.writeHead(1000); } catch (e) { show(e); }
    try { res.write(null); } catch (e) { show(e); }
    try { res.write(12); } catch (e) { show(e); }
    res.setHeader('X-One', '1');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    console.log(res.getHeaderNames(), res.getHeader('x-one'), res.hasHeader('X-ONE'), res.headersSent);
    console.log(JSON.stringify(res.getHeaders()));
    res.removeHeader('x-one');
    console.log(res.hasHeader('x-one'), res.writableEnded, res.finished);
    res.writeHead(200, { 'X-Two': '2' });
    console.log('after writeHead headersSent', res.headersSent);
    try { res.setHeader('x-late', '1'); } catch (e) { show(e); }
    try { res.removeHeader('x-two'); } catch (e) { show(e); }
    res.on('finish', () => console.log('finish event, writableFinished', res.writableFinished));
    res.on('close', () => console.log('close event'));
    res.on('error', (e) => console.log('error event', e.code, e.message));
    res.end('bye', () => console.log('end callback'));
    console.log('writableEnded', res.writableEnded, 'writableFinished', res.writableFinished);
    res.write('more', (e) => console.log('write callback', e && e.code));
  });
  server.listen(0, '127.0.0.1', async () => {
    const r = await fetch(`http://127.0.0.1:${server.address().port}/`);
    console.log(r.status, r.headers.get('x-two'), r.headers.get('x-one'), r.headers.getSetCookie(), await r.text());
    server.close(() => {
      a.close();
      server.close((e) => { show(e); });
    });
  });
}
