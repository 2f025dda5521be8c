// fe-only
// fe.serve (Deno's serve) — a web Request in, a Response out; bodies known up front
// and streamed (server-sent events), request bodies, errors answered with 500, shutdown.
const ac = new AbortController();
let listened = null;
const server = fe.serve({ port: 0, hostname: '127.0.0.1', signal: ac.signal, onListen: (addr) => { listened = addr; } }, async (req, info) => {
  const url = new URL(req.url);
  if (url.pathname === '/json') return Response.json({ method: req.method, path: url.pathname, q: url.searchParams.get('q'), remote: info.remoteAddr.hostname });
  if (url.pathname === '/echo') return new Response(`${req.headers.get('content-type')}: ${await req.text()}`, { status: 201, headers: { 'x-echo': 'yes' } });
  if (url.pathname === '/events') {
    let n = 0;
    const enc = new TextEncoder();
    const body = new ReadableStream({
      pull(c) { if (n < 3) c.enqueue(enc.encode(`data: event ${n++}\n\n`)); else c.close(); },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  }
  if (url.pathname === '/throw') throw new Error('handler failed (expected in this test)');
  if (url.pathname === '/empty') return new Response(null, { status: 204 });
  return new Response('not here', { status: 404 });
});
console.log('addr', server.addr.transport, server.addr.hostname, server.addr.port > 0, listened === server.addr || JSON.stringify(listened) === JSON.stringify(server.addr));
const base = `http://127.0.0.1:${server.addr.port}`;

let r = await fetch(`${base}/json?q=1`);
console.log(r.status, r.headers.get('content-type'), r.headers.get('content-length'), await r.json());
r = await fetch(`${base}/echo`, { method: 'POST', body: 'ping', headers: { 'content-type': 'text/plain' } });
console.log(r.status, r.headers.get('x-echo'), await r.text());
r = await fetch(`${base}/events`);
console.log(r.status, r.headers.get('content-type'), r.headers.get('transfer-encoding'), JSON.stringify(await r.text()));
const origError = console.error;
let logged = '';
console.error = (e) => { logged = String(e && e.message); };
r = await fetch(`${base}/throw`);
console.error = origError;
console.log(r.status, await r.text(), '| logged:', logged);
r = await fetch(`${base}/empty`);
console.log(r.status, JSON.stringify(await r.text()));
r = await fetch(`${base}/missing`, { method: 'HEAD' });
console.log(r.status, r.headers.get('content-length'), JSON.stringify(await r.text()));

ac.abort();
await server.finished;
console.log('finished');
