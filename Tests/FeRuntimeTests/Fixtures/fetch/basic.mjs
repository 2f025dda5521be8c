// GET text and JSON, status codes that are not errors, response headers.
const base = process.env.FETCH_BASE;

const text = await fetch(`${base}/text`);
console.log(text.status, text.statusText, text.ok, text.type, text.redirected, text.url === `${base}/text`);
console.log(text.headers.get('content-type'), text.headers.get('Content-Length'), text.headers.has('x-none'));
console.log(text.bodyUsed, await text.text(), text.bodyUsed);

const json = await fetch(new URL('/json', base));
console.log(await json.json());

const missing = await fetch(`${base}/nothing-here`);
console.log(missing.status, missing.statusText, missing.ok, JSON.stringify(await missing.text()));

const created = await fetch(`${base}/status/201`);
console.log(created.status, created.statusText, created.ok);

const empty = await fetch(`${base}/status/204`);
console.log(empty.status, empty.body, await empty.text() === '');

const server = await fetch(`${base}/status/503`);
console.log(server.status, server.statusText, server.ok);

const cookies = await fetch(`${base}/cookies`);
console.log(cookies.headers.getSetCookie(), cookies.headers.get('set-cookie'), cookies.headers.get('x-multi'));
console.log([...cookies.headers.keys()].filter((k) => k !== 'date' && k !== 'server'));
try { cookies.headers.set('x', 'y'); } catch (e) { console.log(e.name, e.message); }

const head = await fetch(`${base}/text`, { method: 'HEAD' });
console.log(head.status, head.headers.get('content-length'), JSON.stringify(await head.text()));

const gz = await fetch(`${base}/gzip`);
const body = await gz.text();
console.log(gz.headers.get('content-encoding'), body.length, body.slice(0, 16));

const buf = await (await fetch(`${base}/text`)).arrayBuffer();
console.log(buf instanceof ArrayBuffer, buf.byteLength, new Uint8Array(buf)[0]);

const blob = await (await fetch(`${base}/json`)).blob();
console.log(blob.size, blob.type);

const res = await fetch(`${base}/text`);
const twin = res.clone();
console.log(await res.text() === await twin.text());
try { await res.text(); } catch (e) { console.log(e.name, e.message); }

const data = await fetch('data:text/plain;base64,aGVsbG8gZGF0YQ==');
console.log(data.status, data.headers.get('content-type'), await data.text());
