// Request and response as Node streams: async iteration of the request, piping a file into the
// response, pipeline(), and the order of 'finish' and 'close'.
const http = require('http');
const fs = require('fs');
const { pipeline } = require('stream');

const events = [];
const server = http.createServer(async (req, res) => {
  if (req.url === '/iterate') {
    let total = 0;
    for await (const chunk of req) total += chunk.length;
    res.end(`read ${total} bytes, complete=${req.complete}`);
  } else if (req.url === '/file') {
    res.setHeader('content-type', 'text/plain');
    fs.createReadStream(__filename).pipe(res);
  } else if (req.url === '/pipeline') {
    pipeline(req, res, (err) => events.push(`pipeline done ${err ? err.code : 'ok'}`));
  } else {
    res.on('finish', () => events.push('res finish'));
    res.on('close', () => events.push('res close'));
    req.on('end', () => events.push('req end'));
    req.on('close', () => events.push('req close'));
    res.end('events');
  }
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(`${base}/iterate`, { method: 'PUT', body: 'x'.repeat(100000) });
  console.log(await r.text());
  r = await fetch(`${base}/file`);
  const text = await r.text();
  console.log('file', r.headers.get('transfer-encoding'), text === fs.readFileSync(__filename, 'utf8'));
  r = await fetch(`${base}/pipeline`, { method: 'POST', body: 'echo me' });
  console.log('pipeline', await r.text());
  r = await fetch(`${base}/events`);
  console.log(await r.text());
  setImmediate(() => {
    console.log(events);
    server.close();
  });
});
