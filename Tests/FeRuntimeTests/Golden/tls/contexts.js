// createSecureContext refuses what it cannot use, with Node's codes; rootCertificates is the
// trusted set as PEM text.
const tls = require('tls');
const fs = require('fs');
const fx = (name) => fs.readFileSync(`${__dirname}/fixtures/${name}`);

function attempt(label, options) {
  try {
    tls.createSecureContext(options);
    console.log('%s: ok', label);
  } catch (e) {
    console.log('%s: %s %s', label, e.name, e.code);
  }
}
attempt('key and cert', { key: fx('agent1-key.pem'), cert: fx('agent1-cert.pem') });
attempt('key of another cert', { key: fx('agent2-key.pem'), cert: fx('agent1-cert.pem') });
attempt('cert that is not PEM', { cert: 'not a certificate' });
attempt('key that is a number', { key: 42 });
attempt('unknown minVersion', { minVersion: 'TLSv0.9' });
attempt('secureProtocol and maxVersion', { secureProtocol: 'TLSv1_2_method', maxVersion: 'TLSv1.3' });
attempt('unknown secureProtocol', { secureProtocol: 'SSLv3_method' });
attempt('no cipher matches', { ciphers: 'NOT-A-CIPHER' });
attempt('ciphers not a string', { ciphers: 5 });
attempt('unknown curve', { ecdhCurve: 'no-such-curve' });
attempt('ticketKeys too short', { ticketKeys: Buffer.alloc(10) });

const roots = tls.rootCertificates;
console.log('rootCertificates: frozen %s, many %s, PEM %s', Object.isFrozen(roots), roots.length > 50,
  roots.every((p) => p.startsWith('-----BEGIN CERTIFICATE-----\n') && p.endsWith('\n-----END CERTIFICATE-----')));
console.log('getCiphers: %s', ['aes128-gcm-sha256', 'ecdhe-rsa-aes128-gcm-sha256', 'tls_aes_256_gcm_sha384'].every((c) => tls.getCiphers().includes(c)));
console.log('defaults: %s %s %s', tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE);
