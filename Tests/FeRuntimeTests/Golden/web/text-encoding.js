// TextEncoder and TextDecoder: utf-8 (fatal, BOM, streaming), utf-16le, windows-1252.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const enc = new TextEncoder();
t('encoding', () => enc.encoding);
t('encode', () => enc.encode('h€😀'));
t('encode lone surrogate', () => enc.encode('a\ud800'));
t('encode default and coercion', () => [enc.encode(), enc.encode(undefined), enc.encode(12), enc.encode(null)]);
t('encode returns Uint8Array, not Buffer', () => [enc.encode('x') instanceof Uint8Array, Buffer.isBuffer(enc.encode('x'))]);
t('encodeInto', () => { const u = new Uint8Array(5); return [enc.encodeInto('a€b', u), u]; });
t('encodeInto stops before a split character', () => [enc.encodeInto('😀😀', new Uint8Array(6)), enc.encodeInto('€', new Uint8Array(2)), enc.encodeInto('a', new Uint8Array(0))]);
t('encodeInto lone surrogate', () => { const u = new Uint8Array(4); return [enc.encodeInto('\udc00x', u), u]; });
t('encodeInto bad dest', () => enc.encodeInto('x', []));
t('encodeInto bad src', () => enc.encodeInto(1, new Uint8Array(1)));
t('tags', () => [Object.prototype.toString.call(enc), Object.prototype.toString.call(new TextDecoder())]);
t('util exports', () => [require('util').TextEncoder === TextEncoder, require('util').TextDecoder === TextDecoder]);
const dec = new TextDecoder();
t('defaults', () => [dec.encoding, dec.fatal, dec.ignoreBOM]);
t('inspect decoder', () => new TextDecoder('utf-16le', { fatal: true }));
t('decode', () => dec.decode(new Uint8Array([0x68, 0xc3, 0xa9])));
t('decode ArrayBuffer', () => dec.decode(new Uint8Array([0x68, 0x69]).buffer));
t('decode DataView', () => dec.decode(new DataView(new Uint8Array([0x6f, 0x6b]).buffer)));
t('decode Buffer slice', () => dec.decode(Buffer.from('xxhixx').subarray(2, 4)));
t('decode nothing', () => JSON.stringify(dec.decode()));
t('decode string', () => dec.decode('abc'));
t('decode null', () => dec.decode(null));
t('BOM dropped', () => JSON.stringify(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))));
t('BOM kept with ignoreBOM', () => JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))));
t('invalid bytes replaced', () => JSON.stringify(dec.decode(new Uint8Array([0x61, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]))));
t('fatal', () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0x61, 0xff])));
t('fatal valid', () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xe2, 0x82, 0xac])));
t('stream', () => {
  const d = new TextDecoder();
  return JSON.stringify([d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), d.decode(new Uint8Array([0xac, 0x41]), { stream: true }),
    d.decode(new Uint8Array([0xe2])), d.decode(new Uint8Array([0x41]))]);
});
t('stream BOM split', () => {
  const d = new TextDecoder();
  return JSON.stringify([d.decode(new Uint8Array([0xef, 0xbb]), { stream: true }), d.decode(new Uint8Array([0xbf, 0x41]), { stream: true }), d.decode(new Uint8Array([0xef, 0xbb, 0xbf]))]);
});
t('stream 4-byte split 3 ways', () => {
  const d = new TextDecoder();
  return [[0xf0], [0x9f, 0x98], [0x80]].map((c) => d.decode(new Uint8Array(c), { stream: true })).join('|');
});
t('stream fatal at end', () => {
  const d = new TextDecoder('utf-8', { fatal: true });
  return d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + '|' + d.decode(new Uint8Array([0xe2]));
});
t('labels', () => ['UTF8', ' utf-8\n', 'unicode-1-1-utf-8', 'utf-16', 'UCS-2', 'utf-16le', 'utf-16be', 'latin1', 'ascii', 'iso-8859-1', 'windows-1252'].map((l) => new TextDecoder(l).encoding));
t('unknown label', () => new TextDecoder('utf-7'));
t('bad options', () => new TextDecoder('utf-8', 5));
t('null options', () => new TextDecoder('utf-8', null).fatal);
t('utf-16le', () => JSON.stringify(new TextDecoder('utf-16le').decode(new Uint8Array([0x41, 0, 0x3d, 0xd8, 0x00, 0xde]))));
t('utf-16le lone surrogates', () => JSON.stringify(new TextDecoder('utf-16le').decode(new Uint8Array([0x00, 0xdc, 0x41, 0x00, 0x00, 0xd8, 0x42]))));
t('utf-16le BOM', () => JSON.stringify(new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0]))));
t('utf-16le fatal', () => new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array([0x00, 0xd8])));
t('utf-16le stream', () => {
  const d = new TextDecoder('utf-16le');
  return JSON.stringify([d.decode(new Uint8Array([0x41]), { stream: true }), d.decode(new Uint8Array([0x00, 0x3d, 0xd8]), { stream: true }), d.decode(new Uint8Array([0x00, 0xde]))]);
});
t('utf-16be', () => JSON.stringify(new TextDecoder('utf-16be').decode(new Uint8Array([0, 0x41, 0xd8, 0x3d, 0xde, 0x00]))));
t('latin1', () => JSON.stringify(new TextDecoder('latin1').decode(new Uint8Array([0x41, 0xe9, 0xff]))));
t('wrong this', () => TextDecoder.prototype.decode.call({}, new Uint8Array(1)));
