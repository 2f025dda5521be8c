// Readable: push/read, flowing and paused modes, 'readable', setEncoding, objectMode, async
// iteration, Readable.from, unshift, destroy and errors. Each case awaits the last, so the
// order of lines is the order Node's event semantics give.
const { Readable } = require('stream');
const log = (...a) => console.log(...a);
const done = (stream, ev = 'close') => new Promise((r) => stream.once(ev, r));

(async () => {
  // Flowing mode: 'data' events in order, then 'end', then 'close'.
  const r1 = new Readable({ read() {} });
  const events = [];
  r1.on('data', (c) => events.push(`data:${c}`));
  r1.on('end', () => events.push('end'));
  r1.on('close', () => events.push('close'));
  r1.push('a'); r1.push('b'); r1.push(null);
  await done(r1);
  log('flowing', events.join(' '));

  // A _read that pushes on demand, with a small highWaterMark.
  let n = 0;
  const counter = new Readable({
    highWaterMark: 2, objectMode: true,
    read() { n += 1; this.push(n <= 5 ? n : null); },
  });
  const got = [];
  counter.on('data', (x) => got.push(x));
  await done(counter, 'end');
  log('pull', got, 'reads', n);

  // Paused mode with 'readable' and read(size).
  const r2 = new Readable({ read() {} });
  r2.push('hello world');
  r2.push(null);
  const sizes = [];
  r2.on('readable', () => {
    let c;
    while ((c = r2.read(4)) !== null) sizes.push(String(c));
  });
  await done(r2, 'end');
  log('read(4)', sizes);

  // pause/resume and isPaused.
  const r3 = new Readable({ read() {} });
  const seen = [];
  r3.on('data', (c) => seen.push(String(c)));
  log('flowing state', r3.readableFlowing, r3.isPaused());
  r3.pause();
  r3.push('x');
  await new Promise((r) => setImmediate(r));
  log('paused', r3.isPaused(), r3.readableLength, seen.length, r3.readableFlowing);
  r3.resume();
  await new Promise((r) => setImmediate(r));
  log('resumed', seen, r3.readableLength, r3.readableFlowing);
  r3.push(null);
  await done(r3, 'end');
  log('ended', r3.readableEnded, r3.readable);

  // setEncoding keeps multi-byte characters whole across chunks.
  const euro = Buffer.from('€ and é');
  const r4 = new Readable({ read() {} });
  r4.setEncoding('utf8');
  for (const byte of euro) r4.push(Buffer.from([byte]));
  r4.push(null);
  let text = '';
  r4.on('data', (c) => { text += c; });
  await done(r4, 'end');
  log('setEncoding', JSON.stringify(text), r4.readableEncoding);
  const r5 = new Readable({ encoding: 'hex', read() {} });
  r5.push('AB'); r5.push(null);
  log('encoding option', await r5.toArray());

  // Buffers by default, objects in objectMode.
  const r6 = new Readable({ read() {} });
  r6.push('abc'); r6.push(new Uint8Array([100])); r6.push(null);
  const chunks = await r6.toArray();
  log('buffers', chunks.map((c) => Buffer.isBuffer(c)), Buffer.concat(chunks).toString());
  const r7 = new Readable({ objectMode: true, read() {} });
  r7.push({ a: 1 }); r7.push(0); r7.push(''); r7.push(null);
  log('objectMode', await r7.toArray());

  // Async iteration; breaking out destroys the stream.
  const out = [];
  for await (const c of Readable.from(['x', 'y', 'z'])) out.push(c);
  log('for await', out);
  const r8 = Readable.from([1, 2, 3, 4]);
  for await (const c of r8) { if (c === 2) break; }
  log('break destroys', r8.destroyed);
  async function* gen() { yield 'g1'; await new Promise((r) => setTimeout(r, 1)); yield 'g2'; }
  log('from async generator', await Readable.from(gen()).toArray());
  log('from string', await Readable.from('whole string').toArray());
  log('from buffer', (await Readable.from(Buffer.from('buf')).toArray()).map(String));
  log('from promises', await Readable.from([Promise.resolve('p1'), 'p2']).toArray());
  try { Readable.from(42); } catch (e) { log('from non-iterable', e.code); }

  // unshift puts data back at the front.
  const r9 = new Readable({ read() {} });
  r9.push('world');
  r9.unshift('hello ');
  r9.push(null);
  log('unshift', String(Buffer.concat(await r9.toArray())));

  // Errors: destroy(err) emits 'error' then 'close'; iteration rethrows.
  const r10 = new Readable({ read() {} });
  const order = [];
  r10.on('error', (e) => order.push(`error:${e.message}`));
  r10.on('close', () => order.push('close'));
  r10.destroy(new Error('bad'));
  await done(r10);
  log('destroy with error', order, r10.destroyed, r10.errored && r10.errored.message);
  const r11 = new Readable({ read() { this.destroy(new Error('read failed')); } });
  try { for await (const c of r11) log('never', c); } catch (e) { log('iteration rethrows', e.message); }
  const r12 = new Readable({ read() {} });
  r12.on('error', (e) => log('push after EOF', e.code));
  r12.push(null);
  r12.push('late');
  await done(r12);
  const r13 = new Readable({ read() {} });
  r13.on('error', (e) => log('bad chunk', e.code));
  r13.push(42);
  await done(r13);
  const r14 = new Readable();
  r14.on('error', (e) => log('no _read', e.code, e.message));
  r14.read();
  await done(r14);

  // Subclassing, old style and new.
  class Counter extends Readable {
    constructor() { super({ objectMode: true }); this.i = 0; }
    _read() { this.push(this.i < 3 ? this.i++ : null); }
  }
  log('class subclass', await new Counter().toArray());
  function Old(opts) { Readable.call(this, opts); }
  Object.setPrototypeOf(Old.prototype, Readable.prototype);
  Old.prototype._read = function () { this.push('old'); this.push(null); };
  log('function subclass', (await new Old().toArray()).map(String), new Old() instanceof Readable);
  log('props', new Readable().readableHighWaterMark, new Readable({ objectMode: true }).readableHighWaterMark, new Readable().readableObjectMode);
})();
