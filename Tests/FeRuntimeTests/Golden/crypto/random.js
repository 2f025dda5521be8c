// Randomness: randomUUID's format, getRandomValues (lengths, types, the 65536-byte quota),
// randomBytes/randomFill/randomInt, timingSafeEqual, and the global crypto object.
const crypto = require('crypto');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

t('randomUUID format', () => UUID.test(crypto.randomUUID()));
t('randomUUID many distinct', () => { const s = new Set(); for (let i = 0; i < 500; i++) s.add(crypto.randomUUID()); return s.size === 500 && [...s].every((u) => UUID.test(u)); });
t('randomUUID options', () => UUID.test(crypto.randomUUID({ disableEntropyCache: true })));
t('randomUUID bad options', () => crypto.randomUUID(5));
t('global randomUUID', () => UUID.test(globalThis.crypto.randomUUID()));

for (const T of [Uint8Array, Int8Array, Uint8ClampedArray, Uint16Array, Int16Array, Uint32Array, Int32Array, BigInt64Array, BigUint64Array]) {
  t(`getRandomValues ${T.name}`, () => { const a = new T(8); const r = crypto.getRandomValues(a); return [r === a, a.length, a.byteLength]; });
}
t('getRandomValues fills', () => { const a = new Uint8Array(4096); crypto.getRandomValues(a); return new Set(a).size > 100; });
t('getRandomValues 65536 bytes', () => globalThis.crypto.getRandomValues(new Uint8Array(65536)).length);
t('getRandomValues 65537 bytes', () => globalThis.crypto.getRandomValues(new Uint8Array(65537)));
t('getRandomValues 16385 words', () => globalThis.crypto.getRandomValues(new Uint32Array(16385)));
t('getRandomValues empty', () => globalThis.crypto.getRandomValues(new Uint8Array(0)).length);
t('getRandomValues Float32Array', () => globalThis.crypto.getRandomValues(new Float32Array(2)));
t('getRandomValues DataView', () => globalThis.crypto.getRandomValues(new DataView(new ArrayBuffer(2))));
t('getRandomValues subarray', () => { const a = new Uint8Array(10); crypto.getRandomValues(a.subarray(2, 4)); return [a[0], a[1], a[4], a[9]]; });
t('quota error is a DOMException', () => { try { crypto.getRandomValues(new Uint8Array(70000)); } catch (e) { return [e instanceof DOMException, e.name, e.code]; } });

t('randomBytes length', () => crypto.randomBytes(32).length);
t('randomBytes is Buffer', () => Buffer.isBuffer(crypto.randomBytes(1)));
t('randomBytes zero', () => crypto.randomBytes(0).length);
t('randomBytes negative', () => crypto.randomBytes(-1));
t('randomBytes not a number', () => crypto.randomBytes('8'));
t('randomBytes differ', () => crypto.randomBytes(16).equals(crypto.randomBytes(16)));
t('randomFillSync', () => { const b = Buffer.alloc(8); return crypto.randomFillSync(b, 4) === b && b.readUInt32BE(0) === 0; });
t('randomFillSync range', () => crypto.randomFillSync(Buffer.alloc(4), 2, 3));
t('randomInt range', () => { for (let i = 0; i < 1000; i++) { const n = crypto.randomInt(3, 7); if (n < 3 || n >= 7 || !Number.isInteger(n)) return n; } return 'ok'; });
t('randomInt max only', () => { const seen = new Set(); for (let i = 0; i < 500; i++) seen.add(crypto.randomInt(4)); return [...seen].sort(); });
t('randomInt negative range', () => { const n = crypto.randomInt(-10, -5); return n >= -10 && n < -5; });
t('randomInt empty range', () => crypto.randomInt(5, 5));
t('randomInt not safe', () => crypto.randomInt(1.5, 3));
t('randomInt too wide', () => crypto.randomInt(0, 2 ** 48 + 1));

t('timingSafeEqual equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
t('timingSafeEqual differ', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
t('timingSafeEqual typed arrays', () => crypto.timingSafeEqual(new Uint16Array([1, 2]), new Uint8Array([1, 0, 2, 0])));
t('timingSafeEqual lengths', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t('timingSafeEqual strings', () => crypto.timingSafeEqual('a', 'a'));

t('global crypto', () => [typeof globalThis.crypto, typeof crypto.webcrypto.getRandomValues, typeof crypto.getRandomValues]);
t('global is webcrypto', () => globalThis.crypto === require('crypto').webcrypto);
t('node:crypto', () => require('node:crypto') === require('crypto'));

crypto.randomBytes(4, (err, buf) => {
  console.log('randomBytes callback', err, buf.length);
  crypto.randomInt(10, (err2, n) => {
    console.log('randomInt callback', err2, n >= 0 && n < 10);
    crypto.randomFill(new Uint32Array(2), (err3, arr) => console.log('randomFill callback', err3, arr.length));
  });
});
