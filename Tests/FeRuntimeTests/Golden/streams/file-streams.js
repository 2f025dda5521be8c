// fs.createReadStream / fs.createWriteStream: copying a file with pipe(), ranges, chunk sizes,
// encodings, flags, events and errors. Works in a temporary directory it removes at the end.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream/promises');
const log = (...a) => console.log(...a);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-streams-'));
const src = path.join(dir, 'source.txt');
const body = Array.from({ length: 5000 }, (_, i) => `line ${i} ✓`).join('\n');
fs.writeFileSync(src, body);

(async () => {
  // Copy with pipe: open/ready events, bytes counted, identical content.
  const rs = fs.createReadStream(src);
  const copy = path.join(dir, 'copy.txt');
  const ws = fs.createWriteStream(copy);
  const events = [];
  rs.on('open', (fd) => events.push(`read open ${typeof fd}`));
  rs.on('ready', () => events.push('read ready'));
  rs.on('end', () => events.push('read end'));
  rs.on('close', () => events.push('read close'));
  ws.on('open', () => events.push('write open'));
  ws.on('finish', () => events.push('write finish'));
  log('pending before open', rs.pending, ws.pending, rs.path === src);
  rs.pipe(ws);
  // Both closes: the reader's file may close after the writer's (it does in node under load).
  await Promise.all([new Promise((r) => ws.on('close', r)), new Promise((r) => rs.on('close', r))]);
  log('copied', fs.readFileSync(copy, 'utf8') === body, ws.bytesWritten === Buffer.byteLength(body), rs.bytesRead === Buffer.byteLength(body));
  log('events', events.filter((e) => e.startsWith('read')).join(', '), '|', events.filter((e) => e.startsWith('write')).join(', '));

  // Chunk sizes follow highWaterMark (64 KiB by default).
  const sizes = [];
  for await (const c of fs.createReadStream(src, { highWaterMark: 10000 })) sizes.push(c.length);
  log('chunks of 10000', sizes);
  const big = path.join(dir, 'big.bin');
  fs.writeFileSync(big, Buffer.alloc(200000, 7));
  const bigSizes = [];
  for await (const c of fs.createReadStream(big)) bigSizes.push(c.length);
  log('default chunks', bigSizes);

  // start/end (inclusive) and encoding.
  const part = [];
  for await (const c of fs.createReadStream(src, { start: 5, end: 12, encoding: 'utf8' })) part.push(c);
  log('range', part);
  const tail = [];
  for await (const c of fs.createReadStream(src, { start: Buffer.byteLength(body) - 3 })) tail.push(c.toString('hex'));
  log('start only', tail);
  log('string option is the encoding', typeof (await fs.createReadStream(src, 'latin1').toArray())[0]);

  // Write streams: flags, encoding, start position, end(cb), close().
  const out = path.join(dir, 'out.txt');
  const w1 = fs.createWriteStream(out);
  w1.write('first\n');
  w1.write(Buffer.from('second\n'));
  await new Promise((r) => w1.end('third\n', r));
  const w2 = fs.createWriteStream(out, { flags: 'a' });
  await new Promise((r) => w2.end('appended\n', r));
  log('append', JSON.stringify(fs.readFileSync(out, 'utf8')));
  const w3 = fs.createWriteStream(out, { flags: 'r+', start: 0 });
  await new Promise((r) => w3.end('FIRST', r));
  log('start position', JSON.stringify(fs.readFileSync(out, 'utf8').split('\n')[0]));
  const w4 = fs.createWriteStream(out, { encoding: 'hex' });
  w4.write('48690a');
  await new Promise((r) => w4.close(r));
  log('hex writes, close(cb)', JSON.stringify(fs.readFileSync(out, 'utf8')), w4.closed);

  // pipeline into a transform and a file.
  const { Transform } = require('stream');
  const shout = path.join(dir, 'shout.txt');
  await pipeline(fs.createReadStream(src, { end: 20 }), new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } }), fs.createWriteStream(shout));
  log('pipeline to file', JSON.stringify(fs.readFileSync(shout, 'utf8')));

  // Errors.
  const missing = fs.createReadStream(path.join(dir, 'missing.txt'));
  await new Promise((r) => missing.on('error', (e) => { log('read missing', e.code, e.syscall, path.basename(e.path)); r(); }));
  const badDir = fs.createWriteStream(path.join(dir, 'no', 'such', 'dir.txt'));
  await new Promise((r) => badDir.on('error', (e) => { log('write into missing dir', e.code, e.syscall); r(); }));
  const exclusive = fs.createWriteStream(out, { flags: 'wx' });
  await new Promise((r) => exclusive.on('error', (e) => { log('wx on existing file', e.code); r(); }));
  try { fs.createReadStream(src, { start: 10, end: 5 }); } catch (e) { log('start after end', e.code); }
  try { await pipeline(fs.createReadStream(path.join(dir, 'missing.txt')), fs.createWriteStream(path.join(dir, 'x.txt'))); } catch (e) { log('pipeline rejects', e.code); }
  const destroyed = fs.createReadStream(src);
  destroyed.on('close', () => log('destroy closes', destroyed.destroyed));
  destroyed.destroy();
  await new Promise((r) => destroyed.on('close', r));

  fs.rmSync(dir, { recursive: true });
  log('cleaned up', fs.existsSync(dir));
})();
