// Bodies as streams: a large chunked body read chunk by chunk, with a reader, and a body
// cancelled half way.
const base = process.env.FETCH_BASE;
const size = 8 * 1024 * 1024 + 123;

// for await over the body: every byte arrives, in order.
const r = await fetch(`${base}/big?n=${size}`);
console.log(r.status, r.headers.get('transfer-encoding'), r.headers.get('content-length'));
let total = 0, chunks = 0, wrong = 0;
for await (const chunk of r.body) {
  if (!(chunk instanceof Uint8Array)) throw new Error('not bytes');
  chunks++;
  // byte i of the body is 'a' + i % 26
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 97 + ((total + i) % 26)) wrong++;
  total += chunk.length;
}
console.log('bytes', total, total === size, 'wrong', wrong, 'chunks > 1', chunks > 1, r.bodyUsed);

// A reader: read() until done, then the stream is closed.
const r2 = await fetch(`${base}/big?n=100000`);
const reader = r2.body.getReader();
let n = 0, first = null;
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  if (first === null) first = String.fromCharCode(...value.slice(0, 5));
  n += value.length;
}
console.log('reader', n, first, r2.body.locked);
console.log(await reader.read());
await reader.closed;
console.log('closed');

// text() of a large body matches its length; arrayBuffer() of the same.
const big = await (await fetch(`${base}/big?n=3000000`)).arrayBuffer();
const view = new Uint8Array(big);
console.log('arrayBuffer', big.byteLength, view[0], view[25], view[26], view[2999999]);

// Cancel part way: the transfer stops, and the program still ends.
const r3 = await fetch(`${base}/big?n=${64 * 1024 * 1024}`);
const reader3 = r3.body.getReader();
const part = await reader3.read();
console.log('first chunk', part.done, part.value.length > 0);
await reader3.cancel('enough');
console.log(await reader3.read());

// A response read by nobody does not keep the program alive either.
const ignored = await fetch(`${base}/big?n=${32 * 1024 * 1024}`);
console.log('ignored', ignored.status);

// tee() through clone(): both copies see the same bytes.
const r4 = await fetch(`${base}/big?n=200000`);
const copy = r4.clone();
const [a, b] = await Promise.all([r4.arrayBuffer(), copy.arrayBuffer()]);
console.log('clone', a.byteLength, b.byteLength, Buffer.compare(Buffer.from(a), Buffer.from(b)));
