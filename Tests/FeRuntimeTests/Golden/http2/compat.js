// The compatibility API over TLS: createSecureServer's 'request' event with Http2ServerRequest
// and Http2ServerResponse (setHeader, writeHead, write, end), a client over ALPN h2, and an
// HTTP/1.1 client served by the same server through allowHTTP1.
const http2 = require('http2');
const https = require('https');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/../tls/fixtures/${name}`);

const server = http2.createSecureServer({ key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem'), allowHTTP1: true }, (req, res) => {
  console.log('server: HTTP/%s %s %s, authority %s, user-agent %s', req.httpVersion, req.method, req.url, req.authority && req.authority.replace(/:\d+$/, ':PORT'),
    req.headers['user-agent']);
  res.setHeader('content-type', 'text/plain');
  res.setHeader('x-powered-by', 'compat');
  if (req.url === '/missing') {
    res.writeHead(404);
    res.end('nothing here');
    return;
  }
  res.write('hello, ');
  res.end(`${req.httpVersion === '2.0' ? 'h2' : 'h1'} client`);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = http2.connect(`https://localhost:${port}`, { ca: fx('ca1-cert.pem'), servername: 'agent1' });
  client.on('connect', () => console.log('client: alpnProtocol %s, encrypted %s', client.alpnProtocol, client.encrypted));
  const paths = ['/', '/missing'];
  const next = () => {
    const path = paths.shift();
    if (path === undefined) { finish(); return; }
    const req = client.request({ ':path': path, 'user-agent': 'h2' });
    let text = '';
    let status;
    req.on('response', (h) => { status = `${h[':status']} ${h['content-type']} ${h['x-powered-by']}`; });
    req.setEncoding('utf8');
    req.on('data', (d) => { text += d; });
    req.on('end', () => {
      console.log('h2 client: %s %s "%s"', path, status, text);
      next();
    });
  };
  const finish = () => {
    client.close();
    https.get({ host: '127.0.0.1', port, path: '/old', ca: fx('ca1-cert.pem'), servername: 'agent1', headers: { 'user-agent': 'h1' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log('h1 client: %d %s %s "%s"', res.statusCode, res.headers['content-type'], res.headers['x-powered-by'], text);
        server.close(() => console.log('server closed'));
      });
    });
  };
  next();
});
