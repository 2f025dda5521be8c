// A server picks its certificate by SNI (addContext and an asynchronous SNICallback); a client
// resumes its session on a second connection.
const tls = require('tls');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/fixtures/${name}`);
const agent1 = { key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem') };
const agent2 = { key: fx('agent2-key.pem'), cert: fx('agent2-cert.pem') };

function connect(port, servername, extra = {}) {
  return new Promise((resolve) => {
    const c = tls.connect({ port, host: '127.0.0.1', servername, rejectUnauthorized: false, ...extra }, () => {
      const cn = c.getPeerCertificate().subject?.CN; // none on a resumed session, as Node
      const session = c.getSession();
      console.log('%s: certificate %s, reused %s, session %s', servername, cn, c.isSessionReused(), Buffer.isBuffer(session));
      c.end();
      c.on('close', () => resolve(session));
    });
    c.on('data', () => {});
    c.on('error', (e) => { console.log('%s: error %s', servername, e.code); resolve(); });
  });
}

(async () => {
  const byContext = tls.createServer(agent1, (s) => s.end());
  byContext.addContext('agent2.example', agent2);
  byContext.addContext('*.wild.example', agent2);
  await new Promise((r) => byContext.listen(0, '127.0.0.1', r));
  const port = byContext.address().port;
  await connect(port, 'agent2.example');
  await connect(port, 'x.wild.example');
  await connect(port, 'other.example');
  byContext.close();

  const seen = [];
  const byCallback = tls.createServer({
    ...agent1,
    SNICallback(name, cb) {
      seen.push(name);
      setTimeout(() => (name === 'refuse.example' ? cb(new Error('no such host')) : cb(null, tls.createSecureContext(agent2))), 5);
    },
  }, (s) => s.end());
  byCallback.on('tlsClientError', (e) => console.log('server tlsClientError: %s', e.message));
  await new Promise((r) => byCallback.listen(0, '127.0.0.1', r));
  await connect(byCallback.address().port, 'callback.example');
  await connect(byCallback.address().port, 'refuse.example');
  console.log('SNICallback saw %j', seen);
  byCallback.close();

  // TLS 1.2: the session comes with the handshake, and the second connection resumes it.
  const resumable = tls.createServer({ ...agent1, maxVersion: 'TLSv1.2' }, (s) => s.end());
  await new Promise((r) => resumable.listen(0, '127.0.0.1', r));
  const session = await connect(resumable.address().port, 'first');
  await connect(resumable.address().port, 'second', { session });
  resumable.close();
})();
