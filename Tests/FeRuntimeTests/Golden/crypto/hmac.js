// crypto.createHmac: the RFC 4231 test vectors (HMAC-SHA-224/256/384/512), RFC 2202-style MD5
// and SHA-1 cases, key types, output encodings and errors.
const crypto = require('crypto');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const hex = (s) => Buffer.from(s, 'hex');
const rfc4231 = [
  ['1', hex('0b'.repeat(20)), Buffer.from('Hi There')],
  ['2', Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?')],
  ['3', hex('aa'.repeat(20)), hex('dd'.repeat(50))],
  ['4', hex('0102030405060708090a0b0c0d0e0f10111213141516171819'), hex('cd'.repeat(50))],
  ['5 (truncated to 128 bits)', hex('0c'.repeat(20)), Buffer.from('Test With Truncation')],
  ['6', hex('aa'.repeat(131)), Buffer.from('Test Using Larger Than Block-Size Key - Hash Key First')],
  ['7', hex('aa'.repeat(131)), Buffer.from('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.')],
];
for (const [name, key, data] of rfc4231) {
  for (const alg of ['sha224', 'sha256', 'sha384', 'sha512']) {
    let mac = crypto.createHmac(alg, key).update(data).digest('hex');
    if (name.startsWith('5')) mac = mac.slice(0, 32);
    console.log(`RFC 4231 case ${name} ${alg}`, mac);
  }
}
t('md5 key/data', () => crypto.createHmac('md5', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
t('sha1 key/data', () => crypto.createHmac('sha1', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
t('empty key and data', () => crypto.createHmac('sha256', '').digest('hex'));
t('Uint8Array key', () => crypto.createHmac('sha256', new Uint8Array([1, 2, 3])).update('x').digest('base64'));
t('ArrayBuffer key', () => crypto.createHmac('sha256', new Uint8Array([1, 2, 3]).buffer).update('x').digest('base64'));
t('utf8 key', () => crypto.createHmac('sha256', 'clé').update('données').digest('base64url'));
t('chained', () => crypto.createHmac('sha1', 'k').update('a').update('b').digest('hex'));
t('hex input', () => crypto.createHmac('sha1', 'k').update('6162', 'hex').digest('hex'));
t('buffer digest', () => crypto.createHmac('md5', 'k').update('x').digest());
t('digest twice is empty', () => { const h = crypto.createHmac('md5', 'k'); h.digest(); return [h.digest('hex'), h.digest().length]; });
t('update after digest', () => { const h = crypto.createHmac('md5', 'k'); h.digest(); return h.update('x'); });
t('unknown digest', () => crypto.createHmac('nope', 'k'));
t('bad key', () => crypto.createHmac('sha256', 42));
t('Hmac class', () => crypto.createHmac('sha256', 'k') instanceof crypto.Hmac);
