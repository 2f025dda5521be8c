// A client refuses what it cannot trust, with Node's codes: a certificate for another name, a
// self-signed one, one from a CA it does not know; rejectUnauthorized: false lets it through
// and says why. A peer that closes mid-handshake is ECONNRESET on both ends.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/fixtures/${name}`);

function serve(options) {
  return new Promise((resolve) => {
    const server = tls.createServer(options, (s) => s.end('hi'));
    server.on('tlsClientError', (err) => console.log('  server tlsClientError %s', err.code));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function attempt(label, server, options) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...options }, () => {
      console.log('%s: connected, authorized %s, authorizationError %s', label, c.authorized, c.authorizationError);
      c.on('data', () => {});
      c.on('close', resolve);
    });
    c.on('error', (e) => {
      console.log('%s: error %s: %s', label, e.code, e.message);
      if (e.reason) console.log('  reason: %s; host %s; has cert %s', e.reason, e.host, typeof e.cert === 'object');
    });
    c.on('close', () => { if (!c.authorized) resolve(); });
  });
}

(async () => {
  const agent1 = await serve({ key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem') });
  await attempt('wrong hostname', agent1, { ca: fx('ca1-cert.pem'), servername: 'example.com' });
  await attempt('IP not in cert', agent1, { ca: fx('ca1-cert.pem') });
  await attempt('unknown CA', agent1, { servername: 'agent1' });
  await attempt('another CA', agent1, { ca: fx('ca2-cert.pem'), servername: 'agent1' });
  await attempt('not rejecting', agent1, { servername: 'agent1', rejectUnauthorized: false });
  agent1.close();

  const selfSigned = await serve({ key: fx('agent2-key.pem'), cert: fx('agent2-cert.pem') });
  await attempt('self-signed', selfSigned, { servername: 'agent2' });
  await attempt('self-signed trusted', selfSigned, { servername: 'agent2', ca: fx('agent2-cert.pem') });
  selfSigned.close();

  // A server that takes the connection and closes it before answering the hello.
  const rude = net.createServer((s) => s.once('data', () => s.destroy()));
  await new Promise((r) => rude.listen(0, '127.0.0.1', r));
  await attempt('closed mid-handshake', rude, { servername: 'agent1' });
  rude.close();

  // A client that sends half a hello and leaves; and one that is not speaking TLS at all.
  const server = await serve({ key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem') });
  await new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1', () => s.end(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])));
    s.on('close', resolve);
  });
  await new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1', () => s.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    s.on('data', () => {});
    s.on('error', () => {});
    s.on('close', resolve);
  });
  server.close();
})();
