// The stream forms: Transforms that push output in Node's chunks, flush(), params(), reset(),
// and the callback forms built on them.
const zlib = require('zlib');
const { pipeline, Readable, Writable, PassThrough } = require('stream');

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(chunks));
    stream.on('error', reject);
  });
}

(async () => {
  // Chunked writes give the same bytes as one write.
  const gzip = zlib.createGzip();
  const out = collect(gzip);
  gzip.write('hello ');
  gzip.write(Buffer.from('streaming '));
  gzip.end('world');
  const chunks = await out;
  console.log(Buffer.concat(chunks).toString('hex'), Buffer.concat(chunks).equals(zlib.gzipSync('hello streaming world')));
  console.log('bytesWritten', gzip.bytesWritten, gzip._closed, gzip instanceof zlib.Gzip, gzip instanceof require('stream').Transform);

  // Output comes in chunks of chunkSize.
  const data = Buffer.alloc(200000, 'abcdefghijklmnopqrstuvwxyz0123456789');
  const inflater = zlib.createInflate({ chunkSize: 1024 });
  const sizes = collect(inflater);
  inflater.end(zlib.deflateSync(data));
  const parts = await sizes;
  console.log(parts.length, parts.every((p) => p.length <= 1024), Buffer.concat(parts).equals(data));
  const stored = zlib.createDeflate({ level: 0, chunkSize: 4096 });
  const storedOut = collect(stored);
  stored.end(data.subarray(0, 50000));
  console.log((await storedOut).map((c) => c.length).join(','));

  // pipeline through gzip and gunzip.
  const received = [];
  await new Promise((resolve, reject) => pipeline(Readable.from(['a', 'b', 'c'].map((s) => s.repeat(5000))), zlib.createGzip(), zlib.createGunzip(),
    new Writable({ write(c, e, cb) { received.push(c); cb(); } }), (err) => (err ? reject(err) : resolve())));
  console.log('pipeline', Buffer.concat(received).length);

  // flush() makes what was written so far decodable.
  const deflate = zlib.createDeflate();
  const flushed = [];
  deflate.on('data', (c) => flushed.push(c));
  deflate.write('first part');
  await new Promise((resolve) => deflate.flush(resolve));
  const partial = Buffer.concat(flushed);
  console.log('flushed', partial.toString('hex'), zlib.inflateSync(partial, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString());
  deflate.write(' second part');
  await new Promise((resolve) => deflate.flush(zlib.constants.Z_FULL_FLUSH, resolve));
  console.log('full flush', Buffer.concat(flushed).toString('hex'));
  await new Promise((resolve) => deflate.params(9, zlib.constants.Z_FILTERED, resolve));
  deflate.end(' and the end');
  await new Promise((resolve) => deflate.on('end', resolve));
  console.log('all', zlib.inflateSync(Buffer.concat(flushed)).toString());

  // Errors end the stream with an 'error' event.
  const bad = zlib.createGunzip();
  bad.on('error', (e) => console.log('stream error', e.code, e.errno, e.message, bad.destroyed));
  bad.end(Buffer.from('not gzip at all'));
  await new Promise((resolve) => bad.on('close', resolve));

  // A stream that ended early ends its readable side.
  const early = zlib.createInflate();
  const earlyOut = collect(early);
  early.write(Buffer.concat([zlib.deflateSync('complete'), Buffer.from('extra')]));
  console.log('ended early', Buffer.concat(await earlyOut).toString());

  // The callback forms.
  await new Promise((resolve) => zlib.gzip('hi', (err, buf) => { console.log('gzip', err, buf.toString('hex')); resolve(); }));
  await new Promise((resolve) => zlib.gunzip(Buffer.from('nope'), (err) => { console.log('gunzip', err.code, err.errno, err.message); resolve(); }));
  await new Promise((resolve) => zlib.deflate(new Uint16Array([1, 2, 3]), { info: true }, (err, r) => {
    console.log('info', Object.keys(r).join(), r.buffer.toString('hex'), r.engine.constructor.name);
    resolve();
  }));
  await new Promise((resolve) => zlib.inflate(zlib.deflateSync(Buffer.alloc(1000)), { maxOutputLength: 10 }, (err) => {
    console.log('too large', err.code, err.message);
    resolve();
  }));
  await new Promise((resolve) => zlib.brotliDecompress(zlib.brotliCompressSync('brotli'), (err, buf) => { console.log('brotli', err, buf.toString()); resolve(); }));
  await new Promise((resolve) => zlib.unzip(zlib.gzipSync('auto'), (err, buf) => { console.log('unzip', buf.toString()); resolve(); }));
  const promisified = require('util').promisify(zlib.deflateRaw);
  console.log('promisify', (await promisified('abc')).toString('hex'));
  try {
    zlib.gzip('x', 'not a function');
  } catch (e) {
    console.log(e.code, e.message);
  }

  // reset() starts a new stream; close() ends it.
  const z = zlib.createDeflateRaw();
  z.reset();
  z.close(() => console.log('closed', z._closed, z.destroyed));
})();
