// The one-shot forms: bytes for small inputs (Node's zlib settings: level 6, windowBits 15,
// memLevel 8, gzip header with mtime 0 and OS 3), round trips for large ones, and the errors.
const zlib = require('zlib');
const hex = (b) => b.toString('hex');

for (const input of ['', 'hello', 'hello world hello world hello world', 'ü€😀']) {
  console.log(JSON.stringify(input));
  console.log('  gzip      ', hex(zlib.gzipSync(input)));
  console.log('  deflate   ', hex(zlib.deflateSync(input)));
  console.log('  deflateRaw', hex(zlib.deflateRawSync(input)));
  for (const level of [0, 1, 9]) console.log(`  level ${level}   `, hex(zlib.deflateSync(input, { level })));
  console.log('  strategies', [1, 2, 3, 4].map((strategy) => hex(zlib.deflateSync(input, { strategy }))).join(' '));
  console.log('  small win ', hex(zlib.deflateSync(input, { windowBits: 9, memLevel: 1 })), hex(zlib.gzipSync(input, { windowBits: 9 })));
}

// Round trips of data too large for byte-identical output across zlib builds.
let text = '';
for (let i = 0; i < 20000; i++) text += `line ${i} ${(i * 7919) % 1000}\n`;
const big = Buffer.from(text);
let random = Buffer.alloc(300000);
let seed = 1;
for (let i = 0; i < random.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; random[i] = seed >>> 24; }
for (const data of [big, random, Buffer.alloc(1 << 20)]) {
  const gz = zlib.gzipSync(data);
  console.log(data.length, gz.length < data.length + 100,
    zlib.gunzipSync(gz).equals(data), zlib.inflateSync(zlib.deflateSync(data, { level: 1 })).equals(data),
    zlib.inflateRawSync(zlib.deflateRawSync(data)).equals(data), zlib.unzipSync(gz).equals(data),
    zlib.unzipSync(zlib.deflateSync(data)).equals(data), zlib.brotliDecompressSync(zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })).equals(data));
}
// Stored blocks (level 0) are the same bytes everywhere.
console.log(require('crypto').createHash('sha256').update(zlib.gzipSync(big, { level: 0 })).digest('hex'));

// Inputs of every kind.
console.log(hex(zlib.deflateSync(new Uint16Array([1, 2, 3]))), hex(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)),
  hex(zlib.deflateSync(new DataView(new ArrayBuffer(2)))));

// gzip members back to back, with zero padding after them.
const members = Buffer.concat([zlib.gzipSync('first,'), zlib.gzipSync('second'), Buffer.alloc(10)]);
console.log(zlib.gunzipSync(members).toString(), zlib.unzipSync(members).toString());
// A zlib stream stops at its end; trailing data is ignored.
console.log(zlib.inflateSync(Buffer.concat([zlib.deflateSync('only this'), Buffer.from('junk')])).toString());

// Dictionaries.
const dictionary = Buffer.from('hello world ');
const withDict = zlib.deflateSync('hello world hello world', { dictionary });
console.log(hex(withDict), zlib.inflateSync(withDict, { dictionary }).toString());
const rawDict = zlib.deflateRawSync('hello world hello', { dictionary });
console.log(hex(rawDict), zlib.inflateRawSync(rawDict, { dictionary }).toString());

// info: the engine comes back too.
const { buffer, engine } = zlib.gzipSync('info', { info: true });
console.log(buffer.length, engine.constructor.name, engine.bytesWritten, engine._closed);

// Errors.
const gz = zlib.gzipSync('hello world');
for (const f of [() => zlib.gunzipSync(gz.subarray(0, 10)), () => zlib.inflateSync(Buffer.from('hello')),
  () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('garbage')])), () => zlib.inflateSync(withDict),
  () => zlib.inflateSync(withDict, { dictionary: Buffer.from('other') }), () => zlib.inflateRawSync(Buffer.from([0xff, 0xff])),
  () => zlib.brotliDecompressSync(Buffer.from('hello world')), () => zlib.inflateSync(zlib.deflateSync(Buffer.alloc(100)), { maxOutputLength: 5 }),
  () => zlib.deflateSync('x', { level: 10 }), () => zlib.deflateSync('x', { chunkSize: 10 }), () => zlib.deflateSync(123),
  () => zlib.gzipSync('x', { windowBits: 8 }), () => zlib.deflateSync('x', { strategy: Infinity }), () => zlib.deflateSync('x', { dictionary: 'str' }),
  () => zlib.brotliCompressSync('x', { params: { 99: 1 } }), () => zlib.brotliCompressSync('x', { params: { 1: 'x' } })]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.errno, e.message, Object.keys(e).join());
  }
}
console.log(zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), 12345), zlib.crc32(''), zlib.crc32(new Uint8Array([1, 2, 3])));
console.log(Object.keys(zlib).join(' '));
console.log(zlib.Z_BEST_COMPRESSION, zlib.codes.Z_DATA_ERROR, zlib.codes['-3'], Object.keys(zlib.constants).length);
