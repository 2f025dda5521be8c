// Many fetches at once on the one network thread, and one after another on kept connections.
const base = process.env.FETCH_BASE;
const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
  fetch(`${base}/echo?i=${i}`, { method: 'POST', body: `request ${i}` }).then((r) => r.json())));
console.log(results.length, results.every((e, i) => e.body === `request ${i}` && e.path === `/echo?i=${i}`));

const mixed = await Promise.all([
  fetch(`${base}/big?n=2000000`).then((r) => r.arrayBuffer()).then((b) => b.byteLength),
  fetch(`${base}/text`).then((r) => r.text()).then((t) => t.trim()),
  fetch(`${base}/status/404`).then((r) => r.status),
  fetch(`${base}/chain/3`).then((r) => r.url.endsWith('/echo')),
  fetch(`http://127.0.0.1:${process.env.FETCH_CLOSED_PORT}/`).catch((e) => e.cause.code),
]);
console.log(mixed);

let ok = 0;
for (let i = 0; i < 100; i++) if ((await fetch(`${base}/text`)).status === 200) ok++;
console.log('sequential', ok);
