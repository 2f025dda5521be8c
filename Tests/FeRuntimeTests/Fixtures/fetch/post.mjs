// Request bodies of each kind, methods and headers, as the server received them.
const base = process.env.FETCH_BASE;
const echo = async (init) => {
  const r = await fetch(`${base}/echo?x=1`, init);
  const e = await r.json();
  return { method: e.method, path: e.path, type: e.headers['content-type'], length: e.length, body: e.body };
};

console.log(await echo({ method: 'POST', body: 'plain text ✓' }));
console.log(await echo({ method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json' } }));
console.log(await echo({ method: 'PUT', body: new URLSearchParams({ q: 'a b', n: '1' }) }));
console.log(await echo({ method: 'POST', body: new Uint8Array([104, 105]) }));
console.log(await echo({ method: 'PATCH', body: new Uint8Array([0, 1, 2, 3]).buffer }));
console.log(await echo({ method: 'POST', body: new Blob(['blob body'], { type: 'text/x-blob' }) }));
console.log(await echo({ method: 'POST' }));
console.log(await echo({ method: 'DELETE' }));
console.log(await echo({ method: 'post', body: '' }));

// Streamed bodies (Node sends them chunked, fe whole): a ReadableStream, an async iterable.
const parts = (list) => new ReadableStream({ start(c) { for (const p of list) c.enqueue(new TextEncoder().encode(p)); c.close(); } });
console.log(await echo({ method: 'PUT', body: parts(['streamed ', 'upload']), duplex: 'half' }).then((e) => [e.body, e.length]));
async function* generate() { yield 'from '; yield new Uint8Array([97, 110]); yield ' iterator'; }
console.log(await echo({ method: 'POST', body: generate(), duplex: 'half' }).then((e) => [e.body, e.length]));
const large = await echo({ method: 'POST', body: new Uint8Array(3 * 1024 * 1024).fill(120) });
console.log(large.length, large.body === 'x'.repeat(3 * 1024 * 1024));

// Headers: custom ones reach the server; names are case-insensitive.
const r = await fetch(`${base}/echo`, { headers: [['X-One', '1'], ['x-one', '2'], ['X-Empty', '']] });
const seen = (await r.json()).headers;
console.log(seen['x-one'], JSON.stringify(seen['x-empty']), seen.accept, seen['accept-encoding'] !== undefined);

// A Request object as input, with its body; multipart form data.
const req = new Request(`${base}/echo`, { method: 'POST', body: 'from a Request', headers: { 'x-from': 'request' } });
const viaRequest = await (await fetch(req)).json();
console.log(viaRequest.method, viaRequest.body, viaRequest.headers['x-from'], req.bodyUsed);

const form = new FormData();
form.append('field', 'value');
form.append('file', new Blob(['file contents'], { type: 'text/plain' }), 'a.txt');
const multi = await (await fetch(`${base}/echo`, { method: 'POST', body: form })).json();
console.log(multi.headers['content-type'].replace(/\d+$/, 'N'));
console.log(multi.body.replace(/formdata-undici-\d+/g, 'formdata-undici-N'));

// Errors in the request itself reject before anything is sent.
for (const init of [{ method: 'GET', body: 'x' }, { method: 'CONNECT' }, { method: 'bad method' }, { redirect: 'sideways' }]) {
  try { await fetch(`${base}/echo`, init); } catch (e) { console.log(e.name, e.message); }
}
try { await fetch('/relative'); } catch (e) { console.log(e.name, e.message, e.cause.code); }
try { await fetch('http://user:pw@127.0.0.1/'); } catch (e) { console.log(e.name, e.message); }
