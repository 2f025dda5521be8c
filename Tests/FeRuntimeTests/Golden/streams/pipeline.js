// Transform, PassThrough, Duplex, pipe(), pipeline() with streams and async generators,
// finished(), and stream/promises.
const stream = require('stream');
const { Readable, Writable, Transform, PassThrough, Duplex, pipeline, finished } = stream;
const promises = require('stream/promises');
const log = (...a) => console.log(...a);
const collect = () => {
  const chunks = [];
  const w = new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } });
  w.chunks = chunks;
  return w;
};
const upper = () => new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });

(async () => {
  log('exports', ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline', 'finished', 'Stream'].every((k) => typeof stream[k] === 'function'));
  log('module is Stream', stream === stream.Stream, typeof stream.promises.pipeline, promises === stream.promises);

  // pipeline through an upper-casing Transform.
  const sink = collect();
  await new Promise((resolve) => pipeline(Readable.from(['hello ', 'streams']), upper(), sink, (err) => {
    log('pipeline callback', err, sink.chunks);
    resolve();
  }));

  // Transform with flush, and a push of several chunks per input.
  const t = new Transform({
    transform(chunk, enc, cb) { for (const ch of String(chunk)) this.push(ch); cb(); },
    flush(cb) { this.push('<end>'); cb(); },
  });
  const sink2 = collect();
  await promises.pipeline(Readable.from(['ab', 'c']), t, sink2);
  log('flush', sink2.chunks);

  // Object-mode transform that filters and counts.
  const evens = new Transform({ objectMode: true, transform(n, e, cb) { cb(null, n % 2 === 0 ? n * 10 : undefined); } });
  log('object transform', await Readable.from([1, 2, 3, 4]).pipe(evens).toArray());

  // pipe() returns the destination and ends it.
  const pt = new PassThrough();
  const sink3 = collect();
  const ret = Readable.from(['p', 'q']).pipe(pt).pipe(sink3);
  await promises.finished(sink3);
  log('pipe chain', ret === sink3, sink3.chunks);

  // pipe() respects backpressure: a slow writer with a tiny buffer still gets everything.
  const many = Array.from({ length: 50 }, (_, i) => `${i};`);
  let drains = 0;
  const slow = new Writable({ highWaterMark: 8, write(c, e, cb) { setImmediate(cb); } });
  slow.on('drain', () => { drains += 1; });
  const seen = [];
  slow.on('pipe', () => seen.push('pipe event'));
  await promises.pipeline(Readable.from(many, { objectMode: false }), slow);
  log('pipe backpressure', drains > 0, seen);

  // Async generator stages in pipeline.
  const out = [];
  await promises.pipeline(
    Readable.from(['a', 'b', 'c']),
    async function* (source) { for await (const c of source) yield `${c}${c}`; },
    async function* (source) { for await (const c of source) yield c.toUpperCase(); },
    async function (source) { for await (const c of source) out.push(c); },
  );
  log('generator stages', out);
  const value = await promises.pipeline(function* () { yield 'x'; }, async (source) => { let s = ''; for await (const c of source) s += c; return s; });
  log('pipeline resolves to the last value', value);

  // Errors destroy every stream and reach the callback once.
  const failing = new Transform({ transform(c, e, cb) { cb(new Error('transform failed')); } });
  const src = new Readable({ read() { this.push('data'); } });
  const dst = collect();
  await new Promise((resolve) => pipeline(src, failing, dst, (err) => {
    log('pipeline error', err.message, src.destroyed, failing.destroyed, dst.destroyed);
    resolve();
  }));
  try {
    await promises.pipeline(new Readable({ read() { this.destroy(new Error('source broke')); } }), collect());
  } catch (e) {
    log('promises.pipeline rejects', e.message);
  }
  try { pipeline(Readable.from(['x'])); } catch (e) { log('pipeline needs a callback', e.code); }

  // finished() for readable, writable, premature close and errors.
  const r = Readable.from(['1']);
  finished(r, (err) => log('finished readable', err));
  r.resume();
  await promises.finished(r);
  const w = collect();
  finished(w, (err) => log('finished writable', err, w.writableFinished));
  w.end('bye');
  await promises.finished(w);
  const early = new Readable({ read() {} });
  finished(early, (err) => log('premature close', err.code, err.message));
  early.destroy();
  await new Promise((res) => early.on('close', res));
  const broken = new PassThrough();
  finished(broken, (err) => log('finished error', err.message));
  broken.destroy(new Error('kaput'));
  await new Promise((res) => setImmediate(res));
  const cleanup = finished(new PassThrough(), () => log('never called'));
  log('finished returns cleanup', typeof cleanup);
  cleanup();

  // Duplex: independent readable and writable sides.
  const written = [];
  const d = new Duplex({
    read() { this.push('from duplex'); this.push(null); },
    write(c, e, cb) { written.push(String(c)); cb(); },
  });
  const dEvents = [];
  d.on('data', (c) => dEvents.push(`data ${c}`));
  d.on('end', () => dEvents.push('end'));
  d.on('finish', () => dEvents.push('finish'));
  d.end('into duplex');
  await new Promise((res) => d.on('close', res));
  log('duplex', written, dEvents.sort(), d instanceof Readable, d instanceof Writable);
  const half = new Duplex({ allowHalfOpen: false, read() { this.push(null); }, write(c, e, cb) { cb(); } });
  half.resume();
  await new Promise((res) => half.on('finish', res));
  log('allowHalfOpen false ends the writable side', half.writableEnded);

  // PassThrough passes data unchanged.
  const p = new PassThrough();
  p.end(Buffer.from([1, 2, 3]));
  log('passthrough', Buffer.concat(await p.toArray()));
  log('instanceof', p instanceof Transform, p instanceof Duplex, p instanceof Readable, p instanceof Writable, p instanceof stream.Stream);
})();
