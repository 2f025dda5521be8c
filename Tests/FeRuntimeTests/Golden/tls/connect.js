// A TLS client and server on loopback: the handshake's facts on both ends, SNI, ALPN, the
// peer's certificate chain, data both ways and a clean end.
const tls = require('tls');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/fixtures/${name}`);

const server = tls.createServer({ key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem'), ALPNProtocols: ['h2', 'x-fe'] }, (s) => {
  console.log('server secureConnection: servername %s alpn %s authorized %s encrypted %s', s.servername, s.alpnProtocol, s.authorized, s.encrypted);
  s.setEncoding('utf8');
  s.on('data', (d) => {
    console.log('server got %j', d);
    s.end(d.toUpperCase());
  });
  s.on('end', () => console.log('server end'));
  s.on('close', () => { console.log('server socket close'); server.close(() => console.log('server close')); });
});

server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'agent1', ca: fx('ca1-cert.pem'), ALPNProtocols: ['x-fe', 'http/1.1'] }, () => {
    console.log('client secureConnect: authorized %s error %s', c.authorized, c.authorizationError);
    console.log('protocol %s cipher %j', c.getProtocol(), c.getCipher());
    console.log('alpn %s', c.alpnProtocol);
    const peer = c.getPeerCertificate(true);
    console.log('peer %s issued by %s; issuer %s issued by itself: %s', peer.subject.CN, peer.issuer.CN, peer.issuerCertificate.subject.CN,
      peer.issuerCertificate.issuerCertificate === peer.issuerCertificate);
    console.log('peer fields', Object.keys(c.getPeerCertificate()).sort().join(' '));
    console.log('not detailed has issuerCertificate: %s', 'issuerCertificate' in c.getPeerCertificate());
    console.log('ephemeral %j', c.getEphemeralKeyInfo());
    console.log('finished %s %s', c.getFinished().length > 0, c.getPeerFinished().length > 0);
    console.log('keying material %d', c.exportKeyingMaterial(32, 'label').length);
    c.write('hello over tls');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('client got %j', d));
  c.on('end', () => console.log('client end'));
  c.on('close', (hadError) => console.log('client close', hadError));
});
