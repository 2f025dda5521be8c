// http.createServer: listen on port 0, answer fetch requests, headers, status, bodies, close.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/hello') {
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Custom', ['a', 'b']);
    res.end('hello world');
  } else if (req.url === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'], version: req.httpVersion }));
    });
  } else if (req.url === '/chunked') {
    res.write('one,');
    res.write(Buffer.from('two,'));
    res.end('three');
  } else if (req.url === '/status') {
    res.statusCode = 418;
    res.statusMessage = 'Short And Stout';
    res.end();
  } else if (req.url === '/nocontent') {
    res.writeHead(204);
    res.end();
  } else {
    res.writeHead(404, [['Content-Type', 'text/plain']]);
    res.end('not found: ' + req.url);
  }
});

server.on('listening', () => console.log('listening event, listening =', server.listening));
server.listen(0, '127.0.0.1', async () => {
  const { port, family, address } = server.address();
  console.log('address', typeof port, port > 0, family, address);
  const base = `http://127.0.0.1:${port}`;

  let r = await fetch(`${base}/hello`);
  console.log(r.status, r.statusText, r.headers.get('content-type'), r.headers.get('x-custom'), r.headers.get('content-length'),
    r.headers.get('connection'), r.headers.get('keep-alive'), typeof r.headers.get('date'), await r.text());

  r = await fetch(`${base}/echo`, { method: 'POST', body: 'ping pong' });
  console.log(r.status, await r.json());

  r = await fetch(`${base}/chunked`);
  console.log(r.status, r.headers.get('transfer-encoding'), r.headers.get('content-length'), await r.text());

  r = await fetch(`${base}/status`);
  console.log(r.status, r.statusText, r.headers.get('content-length'), JSON.stringify(await r.text()));

  r = await fetch(`${base}/nocontent`);
  console.log(r.status, r.headers.get('content-length'), r.headers.get('transfer-encoding'), JSON.stringify(await r.text()));

  r = await fetch(`${base}/missing?q=1`);
  console.log(r.status, await r.text());

  r = await fetch(`${base}/hello`, { method: 'HEAD' });
  console.log('HEAD', r.status, r.headers.get('content-length'), JSON.stringify(await r.text()));

  server.close(() => console.log('closed; listening =', server.listening, 'address =', server.address()));
});
