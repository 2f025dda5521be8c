// An https server and client on loopback: requests with bodies, keep-alive through an Agent
// (one TLS connection for both requests), the TLS facts a request's socket answers, and a
// client that refuses the server's certificate.
const https = require('https');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/../tls/fixtures/${name}`);

const server = https.createServer({ key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem') }, (req, res) => {
  const s = req.socket;
  console.log('server: %s %s encrypted %s protocol %s alpn %s servername %s local %s', req.method, req.url, s.encrypted, s.getProtocol(),
    s.alpnProtocol, s.servername, s.localAddress);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'text/plain');
    res.end(`you sent ${body.length} bytes to ${req.url}`);
  });
});
let connections = 0;
server.on('secureConnection', () => connections++);

function fetchOnce(agent, path, body) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port: server.address().port, path, method: body ? 'POST' : 'GET', agent, servername: 'agent1', ca: fx('ca1-cert.pem') }, (res) => {
      let text = '';
      const authorized = res.socket.authorized;
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log('client: %d %s %j (authorized %s)', res.statusCode, res.headers['content-type'], text, authorized);
        resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const agent = new https.Agent({ keepAlive: true });
  await fetchOnce(agent, '/one', 'x'.repeat(100000));
  await fetchOnce(agent, '/two');
  console.log('TLS connections for two keep-alive requests: %d', connections);
  agent.destroy();
  // The default: the global agent, and the system's CAs, which do not know ca1.
  await new Promise((resolve) => {
    https.get(`https://127.0.0.1:${server.address().port}/`, () => console.log('unexpected response'))
      .on('error', (e) => { console.log('refused: %s', e.code); resolve(); });
  });
  await new Promise((resolve) => {
    https.get({ host: 'localhost', port: server.address().port, path: '/anyway', rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => { console.log('rejectUnauthorized false: %d', res.statusCode); resolve(); });
    });
  });
  server.close(() => console.log('closed'));
});
