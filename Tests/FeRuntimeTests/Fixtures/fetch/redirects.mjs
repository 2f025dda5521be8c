// redirect: 'follow' (the default), 'manual' and 'error'; method changes; the limit of 20.
const base = process.env.FETCH_BASE;
const show = async (r) => {
  const path = new URL(r.url).pathname;
  const body = r.headers.get('content-type') === 'application/json' ? (await r.json()).method ?? 'json' : JSON.stringify(await r.text());
  console.log(r.status, r.redirected, path, r.headers.get('location'), body);
};

await show(await fetch(`${base}/redirect/302?to=/text`));
await show(await fetch(`${base}/redirect/301?to=${encodeURIComponent(`${base}/json`)}`));
await show(await fetch(`${base}/chain/5`));
await show(await fetch(`${base}/chain/20`));

// 303 turns any method into GET; 307 and 308 keep the method and body; 301/302 turn POST into GET.
for (const code of [301, 302, 303, 307, 308]) {
  const r = await fetch(`${base}/redirect/${code}?to=/echo`, { method: 'POST', body: 'payload' });
  const e = await r.json();
  console.log(code, e.method, JSON.stringify(e.body), e.headers['content-type'] || null);
}
const put = await (await fetch(`${base}/redirect/302?to=/echo`, { method: 'PUT', body: 'kept' })).json();
console.log('302 PUT', put.method, put.body);

// manual: the redirect itself comes back.
await show(await fetch(`${base}/redirect/302?to=/text`, { redirect: 'manual' }));
await show(await fetch(`${base}/redirect/307?to=/elsewhere`, { redirect: 'manual' }));

// error: any redirect fails the fetch.
try { await fetch(`${base}/redirect/302?to=/text`, { redirect: 'error' }); } catch (e) { console.log(e.name, e.message, '-', e.cause.message); }

// More than 20 redirects.
try { await fetch(`${base}/chain/21`); } catch (e) { console.log(e.name, e.message, '-', e.cause.message); }
try { await fetch(`${base}/loop`); } catch (e) { console.log(e.name, e.message, '-', e.cause.message); }

// A redirect without a Location is just a response.
const bare = await fetch(`${base}/status/302`);
console.log(bare.status, bare.redirected, await bare.text());
