// crypto over OpenSSL: digests, MACs, ciphers, KDFs, keys, signatures and key agreement give
// Node's results, and bad input fails with Node's codes.
const crypto = require('crypto');
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'throws', e.name, e.code); }
};
show('openssl', () => typeof process.versions.openssl);
show('sha256', () => crypto.createHash('sha256').update('abc').digest('hex'));
show('shake128/8', () => crypto.createHash('shake128', { outputLength: 8 }).update('abc').digest('hex'));
show('hmac', () => crypto.createHmac('sha512', 'key').update('data').digest('base64url'));
const key = Buffer.alloc(32, 7), iv = Buffer.alloc(16, 9);
const cbc = crypto.createCipheriv('aes-256-cbc', key, iv);
const ct = Buffer.concat([cbc.update('attack at dawn'), cbc.final()]);
show('cbc', () => ct.toString('hex'));
const dec = crypto.createDecipheriv('aes-256-cbc', key, iv);
show('cbc back', () => dec.update(ct, undefined, 'utf8') + dec.final('utf8'));
const gcm = crypto.createCipheriv('aes-256-gcm', key, iv.subarray(0, 12));
gcm.setAAD(Buffer.from('header'));
const gct = Buffer.concat([gcm.update('secret'), gcm.final()]);
show('gcm tag', () => gcm.getAuthTag().toString('hex'));
const bad = crypto.createDecipheriv('aes-256-gcm', key, iv.subarray(0, 12));
bad.setAAD(Buffer.from('header'));
bad.setAuthTag(Buffer.alloc(16));
bad.update(gct);
show('gcm bad tag', () => bad.final());
show('bad key length', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(5), iv));
show('pbkdf2', () => crypto.pbkdf2Sync('pw', 'salt', 1000, 16, 'sha256').toString('hex'));
show('scrypt', () => crypto.scryptSync('pw', 'salt', 16, { N: 1024 }).toString('hex'));
show('hkdf', () => Buffer.from(crypto.hkdfSync('sha256', 'ikm', 'salt', 'info', 16)).toString('hex'));
show('bad digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 16, 'nope'));
for (const [type, options] of [['rsa', { modulusLength: 1024 }], ['ec', { namedCurve: 'P-256' }], ['ed25519', undefined]]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  const digest = type === 'ed25519' ? null : 'sha256';
  const sig = crypto.sign(digest, Buffer.from('msg'), privateKey);
  show(`${type} verify`, () => crypto.verify(digest, Buffer.from('msg'), publicKey, sig));
  show(`${type} verify other`, () => crypto.verify(digest, Buffer.from('msg!'), publicKey, sig));
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  show(`${type} pem`, () => crypto.createPrivateKey(pem).equals(privateKey) && crypto.createPublicKey(pem).equals(publicKey));
  show(`${type} jwk`, () => crypto.createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' }).equals(publicKey));
  show(`${type} details`, () => JSON.stringify(privateKey.asymmetricKeyDetails, (k, v) => (typeof v === 'bigint' ? `${v}` : v)));
}
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
show('oaep', () => crypto.privateDecrypt(rsa.privateKey, crypto.publicEncrypt(rsa.publicKey, Buffer.from('hi'))).toString());
const enc = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' });
show('encrypted pem', () => crypto.createPrivateKey({ key: enc, passphrase: 'pw' }).equals(rsa.privateKey));
show('wrong passphrase', () => crypto.createPrivateKey({ key: enc, passphrase: 'no' }));
const a = crypto.createECDH('prime256v1'), b = crypto.createECDH('prime256v1');
a.generateKeys();
b.generateKeys();
show('ecdh', () => a.computeSecret(b.getPublicKey()).equals(b.computeSecret(a.getPublicKey())));
const x = crypto.generateKeyPairSync('x25519'), y = crypto.generateKeyPairSync('x25519');
show('x25519', () => crypto.diffieHellman({ privateKey: x.privateKey, publicKey: y.publicKey })
  .equals(crypto.diffieHellman({ privateKey: y.privateKey, publicKey: x.publicKey })));
show('prime', () => crypto.checkPrimeSync(2n ** 61n - 1n));
show('cipher info', () => JSON.stringify(crypto.getCipherInfo('aes-128-gcm')));
crypto.scrypt('pw', 'salt', 8, (err, out) => console.log('scrypt async', err, out.toString('hex')));
