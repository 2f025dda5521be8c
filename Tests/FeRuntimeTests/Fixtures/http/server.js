// The server HTTPServerTests talks raw HTTP to. Prints its port, then serves until killed.
const http = require('http');

let sseClosed = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/slow') {
    // Answered after the request behind it on the same connection (pipelining keeps the order).
    setTimeout(() => res.end('slow'), 50);
  } else if (url.pathname === '/sse') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('data: first\n\n');
    const timer = setInterval(() => res.write('data: tick\n\n'), 20);
    res.on('close', () => { clearInterval(timer); sseClosed++; });
  } else if (url.pathname === '/stats') {
    res.end(JSON.stringify({ sseClosed }));
  } else if (url.pathname === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => res.end(`${req.method} ${Buffer.concat(chunks).length} ${req.httpVersion}`));
  } else {
    res.end(`ok ${url.pathname}`);
  }
});
// An upgrade hands over the raw connection: answer 101, then echo what comes, upper-cased.
server.on('upgrade', (req, socket, head) => {
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: ${req.headers.upgrade}\r\nConnection: Upgrade\r\n\r\n`);
  if (head.length) socket.write(head.toString().toUpperCase());
  socket.on('data', (d) => {
    if (d.toString() === 'bye') socket.end('BYE');
    else socket.write(d.toString().toUpperCase());
  });
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
