// AbortController and AbortSignal.timeout: before the response, while its body streams, and
// against a server that stalls. An aborted fetch does not keep the program alive.
const base = process.env.FETCH_BASE;

// Already aborted: rejects with the signal's reason, nothing is sent.
try { await fetch(`${base}/text`, { signal: AbortSignal.abort() }); } catch (e) { console.log('pre', e.name, e.message, e.code); }
try { await fetch(`${base}/text`, { signal: AbortSignal.abort('my reason') }); } catch (e) { console.log('pre', e); }

// Aborted while waiting for the head.
const c1 = new AbortController();
const p1 = fetch(`${base}/stall-head`, { signal: c1.signal });
setTimeout(() => c1.abort(), 50);
try { await p1; } catch (e) { console.log('head', e.name, e.message, e instanceof DOMException); }

// Aborted mid-response: the head arrived, the body is still coming.
const c2 = new AbortController();
const r2 = await fetch(`${base}/stall`, { signal: c2.signal });
const reader = r2.body.getReader();
const first = await reader.read();
console.log('body', r2.status, new TextDecoder().decode(first.value).trim());
setTimeout(() => c2.abort(new Error('stop now')), 20);
try { await reader.read(); } catch (e) { console.log('body', e.message); }

// text() on an aborted response rejects too.
const c3 = new AbortController();
const r3 = await fetch(`${base}/stall`, { signal: c3.signal });
c3.abort();
try { await r3.text(); } catch (e) { console.log('text', e.name, e.message); }

// AbortSignal.timeout against a server that never answers.
const t0 = Date.now();
try { await fetch(`${base}/stall-head`, { signal: AbortSignal.timeout(100) }); } catch (e) {
  console.log('timeout', e.name, e.message, e.code, Date.now() - t0 >= 90);
}
// … and against one that stops half way through the body.
try {
  const r = await fetch(`${base}/stall`, { signal: AbortSignal.timeout(150) });
  await r.text();
} catch (e) { console.log('timeout body', e.name, e.message); }

// Aborting after the body was read changes nothing.
const c4 = new AbortController();
const r4 = await fetch(`${base}/text`, { signal: c4.signal });
const t4 = await r4.text();
c4.abort();
console.log('after', t4.trim(), r4.bodyUsed);
console.log('done');
