// Request and Response without the network: construction, defaults, bodies, clone, statics.
(async () => {
  const req = new Request('http://example.com/a/../b?q=1#frag', {
    method: 'post', headers: { 'X-Custom': 'yes' }, body: 'hello', redirect: 'manual',
  });
  console.log(req.method, req.url, req.redirect, req.headers.get('content-type'), req.headers.get('x-custom'));
  console.log(req.mode, req.credentials, req.cache, req.referrer, req.keepalive, req.signal.aborted, req.bodyUsed);
  const copy = req.clone();
  const spare = req.clone();
  console.log(await req.text(), req.bodyUsed, await copy.text());
  try { req.clone(); } catch (e) { console.log(e.name, e.message); }
  const again = new Request(spare, { method: 'PUT' });
  console.log(again.method, again.url, again.headers.get('x-custom'), await again.text());
  try { new Request(copy); } catch (e) { console.log(e.name, e.message); }
  console.log(new Request('http://x/', { method: 'patch' }).method, new Request('http://x/', { method: 'delete' }).method);
  const c = new AbortController();
  const withSignal = new Request('http://x/', { signal: c.signal });
  c.abort();
  console.log(withSignal.signal.aborted, withSignal.signal.reason.name);

  const plain = new Request('http://example.com/');
  console.log(plain.method, plain.body, await plain.text() === '', plain);

  const res = new Response('{"a":[1,2]}', { status: 201, statusText: 'Made', headers: { 'X-Y': 'z' } });
  console.log(res.status, res.statusText, res.ok, res.type, res.url, res.redirected, res.headers.get('content-type'));
  console.log(await res.json(), res.bodyUsed);
  try { await res.json(); } catch (e) { console.log(e.name, e.message); }
  console.log(new Response());
  console.log(await new Response(null).text() === '', new Response(undefined, { status: 204 }).body);
  console.log(await new Response(new Uint8Array([104, 105])).text(), await new Response(new URLSearchParams('a=1&b=2')).text());
  console.log(new Response(new URLSearchParams('a=1')).headers.get('content-type'));
  const ab = await new Response('bytes').arrayBuffer();
  console.log(ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await new Response('blobbed', { headers: { 'content-type': 'text/x-test' } }).blob();
  console.log(blob.size, blob.type, await blob.text());
  try { await new Response('{not json').json(); } catch (e) { console.log(e.name); }

  const err = Response.error();
  console.log(err.type, err.status, err.ok, err.statusText, err.body);
  const moved = Response.redirect('http://example.com/next', 307);
  console.log(moved.status, moved.headers.get('location'), moved.body);
  const json = Response.json({ ok: true }, { status: 202, headers: { 'x-j': '1' } });
  console.log(json.status, json.headers.get('content-type'), json.headers.get('x-j'), await json.text());

  const clonee = new Response('twice');
  const clone = clonee.clone();
  console.log(await clonee.text(), await clone.text());

  const tries = [
    () => new Response('x', { status: 99 }),
    () => new Response('x', { status: 600 }),
    () => new Response('x', { status: 204 }),
    () => new Response('x', { statusText: 'bad\n' }),
    () => Response.redirect('http://x/', 200),
    () => Response.redirect('not a url'),
    () => Response.json(undefined),
    () => new Request('http://x/', { method: 'GET', body: 'no' }),
    () => new Request('http://x/', { method: 'TRACE' }),
    () => new Request('http://x/', { mode: 'navigate' }),
    () => new Request('http://x/', { signal: {} }),
    () => new Request('relative/path'),
    () => new Request('http://x/', { body: new ReadableStream(), method: 'POST' }),
  ];
  for (const t of tries) {
    try { t(); console.log('no error'); } catch (e) { console.log(e.name, e.message); }
  }
})();
