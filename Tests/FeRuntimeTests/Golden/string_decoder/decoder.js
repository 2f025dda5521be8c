// StringDecoder: characters split across writes, per encoding, and end() flushing.
const { StringDecoder } = require('string_decoder');
const t = (label, f) => {
  try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const run = (enc, chunks, end) => {
  const d = new StringDecoder(enc);
  const out = chunks.map((c) => d.write(Buffer.from(c)));
  out.push(end ? d.end(Buffer.from(end)) : d.end());
  return out;
};
t('utf8 euro byte by byte', () => run('utf8', [[0xe2], [0x82], [0xac]]));
t('utf8 emoji split 2+2', () => run('utf8', [[0xf0, 0x9f], [0x98, 0x80, 0x41]]));
t('utf8 whole chunks', () => run('utf8', [Buffer.from('héllo'), Buffer.from(' wörld')]));
t('utf8 incomplete then ascii', () => run('utf8', [[0xe2, 0x82], [0x41]]));
t('utf8 incomplete at end', () => run('utf8', [[0xe2, 0x82]]));
t('utf8 new lead byte interrupts', () => run('utf8', [[0xc3], [0xc3, 0xa9]]));
t('utf8 invalid bytes', () => run('utf8', [[0xff, 0x41, 0xc3]]));
t('utf8 surrogate sequence', () => run('utf8', [[0xed, 0xa0], [0x80]]));
t('utf8 overlong lead', () => run('utf8', [[0xe0], [0x80]]));
t('utf8 end with final chunk', () => run('utf8', [[0xf0, 0x9f, 0x98]], [0x80]));
t('utf8 end chunk interrupts', () => run('utf8', [[0x61, 0xf0]], [0x62]));
t('utf8 too many continuation bytes', () => run('utf8', [[0x80, 0x80, 0x80, 0x80, 0x80]]));
t('utf16le split unit and surrogate pair', () => run('utf16le', [[0x61], [0x00, 0x3d, 0xd8], [0x00, 0xde]]));
t('utf16le odd byte at end dropped', () => run('utf16le', [[0x61, 0x00, 0x3d]]));
t('utf16le lone high surrogate at end', () => run('utf16le', [[0x3d, 0xd8]]));
t('utf16le high surrogate then ascii', () => run('utf16le', [[0x3d, 0xd8], [0x41, 0x00]]));
t('ucs2 alias', () => run('ucs2', [[0x68, 0x00, 0x69], [0x00]]));
t('base64 groups of three', () => run('base64', [[0x61], [0x62], [0x63, 0x64]]));
t('base64 whole', () => run('base64', [[0x61, 0x62, 0x63, 0x64]]));
t('base64url', () => run('base64url', [[0xfb], [0xff]]));
t('hex', () => run('hex', [[0xab], [0xcd]]));
t('latin1', () => run('latin1', [[0xe9, 0x41]]));
t('binary alias', () => run('binary', [[0xff]]));
t('ascii', () => run('ascii', [[0xe9, 0x41]]));
t('encoding names', () => [undefined, 'utf-8', 'UTF8', 'ucs2', 'UCS-2', 'utf16le', 'binary', 'Latin1', 'base64url', 'HEX'].map((e) => new StringDecoder(e).encoding));
t('unknown encoding', () => new StringDecoder('utf32'));
t('write passes strings through', () => new StringDecoder().write('abc'));
t('write non-buffer', () => new StringDecoder().write(5));
t('write typed array', () => new StringDecoder().write(new Uint16Array([0x6968])));
t('write DataView', () => new StringDecoder().write(new DataView(new Uint8Array([0x6f, 0x6b]).buffer)));
t('end with nothing', () => new StringDecoder().end());
t('state', () => { const d = new StringDecoder(); d.write(Buffer.from([0xe2])); return [d.lastNeed, d.lastTotal, [...d.lastChar]]; });
t('reusable after end', () => { const d = new StringDecoder('utf8'); return [d.write(Buffer.from([0xe2, 0x82])), d.end(), d.write(Buffer.from([0xac])), d.end()]; });
t('keys', () => Object.keys(new StringDecoder('hex')));
t('text()', () => new StringDecoder().text(Buffer.from('abcdef'), 2));
console.log(new StringDecoder('base64'));
