// stream/consumers: a whole Node or web stream as text, JSON, a Buffer, an ArrayBuffer or a Blob.
const { text, json, buffer, arrayBuffer, blob } = require('stream/consumers');
const { Readable } = require('stream');

(async () => {
  // A multi-byte character split across chunks is decoded whole.
  const euro = Buffer.from('\u20ac');
  console.log('text', JSON.stringify(await text(Readable.from([Buffer.from('a'), euro.subarray(0, 1), euro.subarray(1), 'b']))));
  console.log('json', await json(Readable.from(['{"a":', '[1,2]}'])));
  const b = await buffer(Readable.from([Buffer.from('he'), Buffer.from('llo')]));
  console.log('buffer', Buffer.isBuffer(b), b.toString());
  const ab = await arrayBuffer(Readable.from([Buffer.from([1, 2, 3])]));
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const bl = await blob(Readable.from([Buffer.from('blob')]));
  console.log('blob', bl.size, await bl.text());
  const web = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('from web')); c.close(); } });
  console.log('web', await text(web));
  await json(Readable.from(['{bad'])).catch((e) => console.log('bad json', e.name));
})();
