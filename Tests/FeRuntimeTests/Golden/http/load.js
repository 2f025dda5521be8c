// Keep-alive reuse, 50 concurrent clients, and 5 MB bodies in both directions.
const http = require('http');
const crypto = require('crypto');

const big = Buffer.alloc(5 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 12)) & 0xff;
const digest = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/big') {
    res.setHeader('content-type', 'application/octet-stream');
    // In pieces, respecting backpressure, as a file stream would.
    let at = 0;
    const pump = () => {
      while (at < big.length) {
        const piece = big.subarray(at, at + 65536);
        at += piece.length;
        if (!res.write(piece)) { res.once('drain', pump); return; }
      }
      res.end();
    };
    pump();
    return;
  }
  if (req.url === '/upload') {
    const hash = crypto.createHash('sha256');
    let length = 0;
    req.on('data', (c) => { hash.update(c); length += c.length; });
    req.on('end', () => res.end(JSON.stringify({ length, sha: hash.digest('hex').slice(0, 16) })));
    return;
  }
  res.end(`hello ${req.url}`);
});
server.on('connection', () => connections++);

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (let i = 0; i < 5; i++) await (await fetch(`${base}/seq${i}`)).text();
  console.log('5 sequential requests reuse connections:', connections < 5);

  const texts = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${base}/p${i}`).then((r) => r.text())));
  console.log('50 parallel:', texts.every((t, i) => t === `hello /p${i}`), texts.length);

  const down = Buffer.from(await (await fetch(`${base}/big`)).arrayBuffer());
  console.log('download', down.length, digest(down) === digest(big));

  const up = await (await fetch(`${base}/upload`, { method: 'POST', body: big })).json();
  console.log('upload', up.length, up.sha === digest(big));

  server.close(() => console.log('closed'));
});
