// An h2c server and client on loopback: a GET and a POST with a body on one session, response
// headers and trailers, settings both ways, a ping, and the session closing cleanly.
const http2 = require('http2');

const server = http2.createServer({ settings: { maxConcurrentStreams: 50 } });
server.on('stream', (stream, headers) => {
  const method = headers[':method'];
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => { body += d; });
  stream.on('end', () => {
    console.log('server: %s %s, %d bytes of body, x-test %s', method, headers[':path'], body.length, headers['x-test']);
    stream.respond({ ':status': method === 'POST' ? 201 : 200, 'content-type': 'text/plain', 'x-multi': ['a', 'b'] },
      { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'x-checksum': String(body.length) }));
    stream.end(`${method} ${headers[':path']} got ${body.length}`);
  });
});

function request(client, headers, body) {
  return new Promise((resolve, reject) => {
    const req = client.request(headers, { endStream: body === undefined });
    let response;
    let text = '';
    req.on('response', (h) => { response = h; });
    req.on('trailers', (t) => { response.trailer = t['x-checksum']; });
    req.setEncoding('utf8');
    req.on('data', (d) => { text += d; });
    req.on('end', () => resolve({ status: response[':status'], type: response['content-type'], multi: response['x-multi'], trailer: response.trailer, text }));
    req.on('error', reject);
    if (body !== undefined) req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  client.on('remoteSettings', (s) => console.log('client: server allows %d concurrent streams', s.maxConcurrentStreams));
  await new Promise((resolve) => client.once('connect', resolve));
  console.log('client: alpnProtocol %s, encrypted %s', client.alpnProtocol, client.encrypted);
  const a = await request(client, { ':path': '/first', 'x-test': 'yes' });
  console.log('client:', JSON.stringify(a));
  const b = await request(client, { ':method': 'POST', ':path': '/upload' }, 'x'.repeat(70000));
  console.log('client:', JSON.stringify(b));
  client.ping(Buffer.from('12345678'), (err, duration, payload) => {
    console.log('ping: error %s, payload %s, duration is a number %s', err, payload.toString(), typeof duration === 'number');
    client.close(() => {
      console.log('client closed');
      server.close(() => console.log('server closed'));
    });
  });
});
