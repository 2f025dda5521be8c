// Writable: write callbacks, backpressure and 'drain', end/'finish'/'close' order, _final,
// _writev with cork/uncork, decodeStrings, objectMode and the errors Node reports.
const { Writable } = require('stream');
const log = (...a) => console.log(...a);
const done = (stream, ev = 'close') => new Promise((r) => stream.once(ev, r));

(async () => {
  // Backpressure: write() returns false at the highWaterMark; 'drain' when the buffer empties.
  const events = [];
  const slow = new Writable({
    highWaterMark: 5,
    write(chunk, enc, cb) { events.push(`write:${chunk}`); setTimeout(cb, 1); },
  });
  log('write returns', slow.write('abc'), slow.write('def'), slow.write('g'));
  log('buffered', slow.writableLength, slow.writableNeedDrain);
  slow.on('drain', () => events.push('drain'));
  await done(slow, 'drain');
  log('after drain', events, slow.writableLength, slow.writableNeedDrain);

  // A writer that respects backpressure writes everything in order.
  const received = [];
  const sink = new Writable({ highWaterMark: 4, write(c, e, cb) { received.push(String(c)); setImmediate(cb); } });
  let i = 0, drains = 0;
  sink.on('drain', () => { drains += 1; writeMore(); });
  function writeMore() {
    while (i < 20) {
      const ok = sink.write(`${i++},`);
      if (!ok) return;
    }
    sink.end();
  }
  writeMore();
  await done(sink, 'finish');
  log('respecting backpressure', received.join(''), drains > 0);

  // end(), 'finish', 'close', and callbacks in order.
  const order = [];
  const w = new Writable({
    write(c, e, cb) { order.push(`write ${c}`); cb(); },
    final(cb) { order.push('final'); setTimeout(cb, 1); },
  });
  w.on('finish', () => order.push('finish'));
  w.on('close', () => order.push('close'));
  w.write('1', () => order.push('cb 1'));
  w.end('2', () => order.push('end cb'));
  log('sync part', order.slice(), w.writableEnded, w.writableFinished, w.writable);
  await done(w);
  log('order', order, w.writableFinished, w.destroyed, w.closed);

  // Strings become Buffers unless decodeStrings is false; encodings are honoured.
  const kinds = [];
  const w2 = new Writable({ write(c, e, cb) { kinds.push([Buffer.isBuffer(c), e, String(c)]); cb(); } });
  w2.write('text');
  w2.write('6869', 'hex');
  w2.end(new Uint8Array([33]));
  await done(w2);
  log('decodeStrings', kinds);
  const kinds2 = [];
  const w3 = new Writable({ decodeStrings: false, write(c, e, cb) { kinds2.push([typeof c, e]); cb(); } });
  w3.write('text', 'latin1');
  w3.end();
  await done(w3);
  log('decodeStrings false', kinds2);
  const w4 = new Writable({ objectMode: true, write(c, e, cb) { kinds2.push(c); cb(); } });
  w4.end({ an: 'object' });
  await done(w4);
  log('objectMode', kinds2.pop(), w4.writableObjectMode, w4.writableHighWaterMark);

  // cork/uncork batches writes into _writev.
  const batches = [];
  const w5 = new Writable({
    write(c, e, cb) { batches.push([String(c)]); cb(); },
    writev(chunks, cb) { batches.push(chunks.map((x) => String(x.chunk))); cb(); },
  });
  w5.cork();
  w5.write('a'); w5.write('b'); w5.write('c');
  log('corked', w5.writableCorked, w5.writableLength);
  w5.uncork();
  w5.end('d');
  await done(w5);
  log('writev', batches);

  // Errors.
  const w6 = new Writable({ write(c, e, cb) { cb(); } });
  w6.end();
  w6.on('error', (e) => log('write after end', e.code, e.message));
  w6.write('late', (err) => log('write after end callback', err.code));
  await done(w6);
  const w7 = new Writable({ write(c, e, cb) { cb(new Error('disk full')); } });
  const w7events = [];
  w7.on('error', (e) => w7events.push(`error ${e.message}`));
  w7.on('close', () => w7events.push('close'));
  w7.write('x', (err) => w7events.push(`cb ${err.message}`));
  await done(w7);
  log('write error', w7events, w7.destroyed, w7.writable);
  try { new Writable({ write(c, e, cb) { cb(); } }).write(null); } catch (e) { log('null chunk', e.code, e.message); }
  try { new Writable({ write(c, e, cb) { cb(); } }).write(5); } catch (e) { log('number chunk', e.code); }
  try { new Writable().write('x', 'bogus-enc'); } catch (e) { log('bad encoding', e.code, e.message); }
  const w8 = new Writable();
  w8.on('error', (e) => log('no _write', e.code));
  try { w8.write('x'); } catch (e) { log('no _write throws', e.code, e.message); }
  const w9 = new Writable({ write(c, e, cb) { cb(); } });
  w9.destroy();
  w9.write('x', (err) => log('write after destroy', err.code));
  w9.on('error', (e) => log('destroyed error event', e.code));
  await new Promise((r) => setTimeout(r, 5));
  log('instanceof', new Writable() instanceof Writable, typeof Writable.prototype.write);
})();
