// NODE_EXTRA_CA_CERTS adds a CA to the trusted set (read once, at start): a child process with
// it trusts the server that this process refuses; a missing file is a warning, not an error.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const fx = (name) => path.join(__dirname, 'fixtures', name);

function tryServer(label, done) {
  const server = tls.createServer({ key: fs.readFileSync(fx('agent1-key.pem')), cert: fs.readFileSync(fx('agent1-cert.pem')) }, (s) => s.end());
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'agent1' }, () => {
      console.log('%s: authorized %s', label, c.authorized);
      c.on('data', () => {});
      c.on('close', () => { server.close(); if (done) done(); });
    });
    c.on('error', (e) => { console.log('%s: %s', label, e.code); server.close(); if (done) done(); });
  });
}

if (process.argv[2] === 'child') {
  tryServer('child');
} else {
  tryServer('without NODE_EXTRA_CA_CERTS', () => {
    for (const file of [fx('ca1-cert.pem'), fx('no-such-file.pem')]) {
      const r = spawnSync(process.execPath, [__filename, 'child'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: file }, encoding: 'utf8' });
      console.log('NODE_EXTRA_CA_CERTS=%s: %s', path.basename(file), r.stdout.trim());
      console.log('  warned: %s, exit %d', r.stderr.includes('Warning: Ignoring extra certs from'), r.status);
    }
  });
}
