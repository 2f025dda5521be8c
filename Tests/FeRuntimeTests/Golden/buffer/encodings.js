// Buffer.from / toString / byteLength across Node's encodings, and unknown-encoding errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const text = 'héllo wörld €😀';
for (const enc of ['utf8', 'utf-8', 'UTF8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2', 'ucs-2', 'UTF-16LE']) {
  const b = Buffer.from(text, enc);
  t(`${enc} bytes`, () => b);
  t(`${enc} round trip`, () => JSON.stringify(b.toString(enc)));
  t(`${enc} byteLength`, () => Buffer.byteLength(text, enc));
}
t('hex decode', () => Buffer.from('48656c6C6f', 'hex'));
t('hex stops at bad pair', () => Buffer.from('abzz12', 'hex'));
t('hex odd length', () => Buffer.from('abc', 'hex'));
t('hex toString', () => Buffer.from([0, 15, 16, 255]).toString('hex'));
t('base64 padded', () => Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString());
t('base64 unpadded', () => Buffer.from('aGVsbG8gd29ybGQ', 'base64').toString());
t('base64 whitespace and junk skipped', () => Buffer.from('aG Vs\nbG8!', 'base64').toString());
t('base64 stops at =', () => Buffer.from('aGk=aGk=', 'base64').toString());
t('base64 accepts url alphabet', () => Buffer.from('-_-_', 'base64'));
t('base64url accepts standard alphabet', () => Buffer.from('+/+/', 'base64url'));
t('base64 encode lengths', () => [1, 2, 3, 4, 5].map((n) => Buffer.alloc(n, 0xfb).toString('base64')));
t('base64url encode lengths', () => [1, 2, 3, 4, 5].map((n) => Buffer.alloc(n, 0xfb).toString('base64url')));
t('base64 byteLength formula', () => ['aGk=', 'aGk', 'aG k=', 'YQ==', ''].map((s) => Buffer.byteLength(s, 'base64')));
t('latin1 masks code units', () => Buffer.from('\u0100\u00ff\ud83d', 'latin1'));
t('ascii decode masks high bit', () => JSON.stringify(Buffer.from([0x61, 0xe9, 0xff, 0x80]).toString('ascii')));
t('latin1 decode', () => JSON.stringify(Buffer.from([0x61, 0xe9, 0xff]).toString('latin1')));
t('utf16le odd byte ignored', () => JSON.stringify(Buffer.from([0x61, 0x00, 0x62]).toString('utf16le')));
t('utf16le lone surrogate kept', () => JSON.stringify(Buffer.from([0x00, 0xd8]).toString('utf16le')));
t('utf8 lone surrogate encodes as U+FFFD', () => Buffer.from('a\ud800b'));
t('utf8 byteLength of lone surrogate', () => Buffer.byteLength('\ud800'));
const invalid = [[0xc3], [0xe2, 0x82], [0xe2, 0x82, 0x41], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xff, 0xfe], [0xf0, 0x80, 0x80, 0x41], [0xe0, 0x80, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe1, 0x80, 0xe1, 0x80, 0x80]];
for (const bytes of invalid) t(`utf8 invalid ${Buffer.from(bytes).toString('hex')}`, () => JSON.stringify(Buffer.from(bytes).toString()));
t('toString range', () => Buffer.from('hello world').toString('utf8', 6));
t('toString start/end', () => Buffer.from('hello world').toString(undefined, 1, 4));
t('toString clamps', () => Buffer.from('hello').toString('utf8', -5, 100));
t('toString empty range', () => JSON.stringify(Buffer.from('hello').toString('utf8', 3, 2)));
t('toString unknown', () => Buffer.from('x').toString('utf9'));
t('toString null encoding', () => Buffer.from('x').toString(null));
t('from unknown encoding', () => Buffer.from('x', 'nope'));
t('from empty encoding is utf8', () => Buffer.from('é', ''));
t('from non-string encoding is utf8', () => Buffer.from('é', 5));
t('byteLength unknown encoding counts utf8', () => Buffer.byteLength('é', 'nope'));
t('byteLength of buffer', () => Buffer.byteLength(new Uint16Array(3)));
t('byteLength of ArrayBuffer', () => Buffer.byteLength(new ArrayBuffer(7)));
t('byteLength of number', () => Buffer.byteLength(5));
t('isEncoding', () => ['utf8', 'UTF-8', 'Latin1', 'binary', 'ucs2', 'hex', 'base64url', 'utf32', '', null, 1].map((e) => Buffer.isEncoding(e)));
