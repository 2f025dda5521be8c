// crypto.createHash: known digests of '' and 'abc' for each algorithm, output encodings, input
// encodings, incremental updates, copy(), streaming use, and Node's errors.
const crypto = require('crypto');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};

for (const alg of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
  t(`${alg} ''`, () => crypto.createHash(alg).update('').digest('hex'));
  t(`${alg} abc`, () => crypto.createHash(alg).update('abc').digest('hex'));
  t(`${alg} base64`, () => crypto.createHash(alg).update('abc').digest('base64'));
}
t('sha224 abc', () => crypto.createHash('sha224').update('abc').digest('hex'));
t('sha512-256 abc', () => crypto.createHash('sha512-256').update('abc').digest('hex'));
t('sha3-256 abc', () => crypto.createHash('sha3-256').update('abc').digest('hex'));
t('upper-case name', () => crypto.createHash('SHA256').update('abc').digest('hex'));
t('RSA- alias', () => crypto.createHash('RSA-SHA1').update('abc').digest('hex'));
t('base64url', () => crypto.createHash('sha256').update('abc').digest('base64url'));
t('latin1 length', () => crypto.createHash('sha256').update('abc').digest('latin1').length);
t('binary length', () => crypto.createHash('md5').update('abc').digest('binary').length);
t('buffer digest', () => crypto.createHash('sha1').update('abc').digest());
t('is Buffer', () => Buffer.isBuffer(crypto.createHash('md5').digest()));
t('digest("buffer")', () => crypto.createHash('md5').digest('buffer').length);
t('chained updates', () => crypto.createHash('sha256').update('a').update('b').update('c').digest('hex'));
t('utf8 input', () => crypto.createHash('sha256').update('héllo wörld €').digest('hex'));
t('hex input', () => crypto.createHash('sha256').update('616263', 'hex').digest('hex'));
t('base64 input', () => crypto.createHash('sha256').update('YWJj', 'base64').digest('hex'));
t('latin1 input', () => crypto.createHash('sha256').update('\u00e9', 'latin1').digest('hex'));
t('buffer input', () => crypto.createHash('sha256').update(Buffer.from('abc')).digest('hex'));
t('Uint8Array input', () => crypto.createHash('sha256').update(new Uint8Array([97, 98, 99])).digest('hex'));
t('DataView input', () => crypto.createHash('sha256').update(new DataView(new Uint8Array([97, 98, 99]).buffer)).digest('hex'));
t('million a', () => crypto.createHash('sha1').update('a'.repeat(1000000)).digest('hex'));
t('update returns this', () => { const h = crypto.createHash('md5'); return h.update('x') === h; });
t('copy', () => {
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  c.update('c');
  return [h.digest('hex'), c.digest('hex')];
});
t('copy after digest', () => { const h = crypto.createHash('md5'); h.digest(); return h.copy(); });
t('update after digest', () => { const h = crypto.createHash('md5'); h.digest(); return h.update('x'); });
t('digest twice', () => { const h = crypto.createHash('md5'); h.digest(); return h.digest(); });
t('unknown algorithm', () => crypto.createHash('nope'));
t('algorithm not a string', () => crypto.createHash(5));
t('bad data', () => crypto.createHash('md5').update(42));
t('Hash class', () => crypto.createHash('md5') instanceof crypto.Hash);
t('getHashes', () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'].every((a) => crypto.getHashes().includes(a)));

// A Hash is also a stream: write, end, then read the digest.
const h = crypto.createHash('sha256');
h.on('readable', () => {
  const d = h.read();
  if (d) console.log('stream digest', d.toString('hex'));
});
h.write('ab');
h.end('c');
