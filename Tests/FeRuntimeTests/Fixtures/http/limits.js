// The server HTTPServerTests uses for a server's limits (Node's keepAliveTimeout, headersTimeout,
// requestTimeout, maxConnections, maxHeadersCount, and fe's evictIdleConnections), set after
// listen() from the FE_LIMITS environment variable (JSON). Prints its port, serves until killed.
const fs = require('fs');
const http = require('http');

const limits = JSON.parse(process.env.FE_LIMITS || '{}');
let drops = 0;
const clientErrors = [];
const held = [];
const files = [];
const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    res.end(JSON.stringify({ drops, clientErrors }));
  } else if (req.url === '/hold') {
    res.write('held\n'); // never ended: the connection has a request in progress
    held.push(res);
  } else if (req.url === '/exhaust') {
    // Opens files until the process is out of descriptors, and keeps them.
    try { for (;;) files.push(fs.openSync('/dev/null', 'r')); } catch (e) { res.end(`${e.code} after ${files.length} files`); }
  } else if (req.url === '/release') {
    for (const fd of files.splice(0)) fs.closeSync(fd);
    res.end('released');
  } else if (req.url === '/echo') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => res.end(`echo ${Buffer.concat(chunks).length}`));
  } else {
    res.end(`ok ${req.url} ${req.rawHeaders.length / 2} headers`);
  }
});
server.on('drop', (data) => { if (data.remoteAddress === '127.0.0.1') drops++; });
server.on('clientError', (e, socket) => { clientErrors.push(e.code); socket.destroy(); });
server.listen(0, '127.0.0.1', () => {
  Object.assign(server, limits);
  console.log(`PORT ${server.address().port}`);
});
