// ReadableStream as bodies use it: readers, async iteration, cancel, tee, errors.
(async () => {
  const log = [];
  const rs = new ReadableStream({
    start(c) { log.push('start'); c.enqueue('a'); },
    pull(c) {
      log.push(`pull ${c.desiredSize}`);
      if (log.length > 4) c.close(); else c.enqueue(String(log.length));
    },
    cancel(reason) { log.push(`cancel ${reason}`); },
  });
  console.log(rs.locked, Object.prototype.toString.call(rs));
  const reader = rs.getReader();
  console.log(rs.locked);
  try { rs.getReader(); } catch (e) { console.log(e.name, e.code, e.message); }
  const got = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(r.value);
  console.log(got, log);
  await reader.closed;
  reader.releaseLock();
  console.log(rs.locked, rs);

  // for await, and breaking out cancels the stream.
  let cancelled = null;
  const counting = new ReadableStream({
    start(c) { for (const n of [1, 2, 3, 4]) c.enqueue(n); c.close(); },
  });
  const seen = [];
  for await (const n of counting) seen.push(n);
  console.log(seen);
  const endless = new ReadableStream({
    pull(c) { c.enqueue('tick'); },
    cancel(reason) { cancelled = reason; },
  });
  for await (const v of endless) { console.log(v); break; }
  console.log(cancelled, endless.locked);

  // errors reach readers.
  const failing = new ReadableStream({ start(c) { c.enqueue(1); c.error(new Error('boom')); } });
  const fr = failing.getReader();
  try { await fr.read(); } catch (e) { console.log('read', e.message); }
  try { await fr.closed; } catch (e) { console.log('closed', e.message); }

  // tee: both branches get everything.
  const [t1, t2] = new Response('tee me').body.tee();
  const dec = new TextDecoder();
  const all = async (s) => { let out = ''; for await (const c of s) out += dec.decode(c); return out; };
  console.log(await Promise.all([all(t1), all(t2)]));

  // a Response over a user stream.
  const parts = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new TextEncoder().encode('eam')); c.close(); } });
  console.log(await new Response(parts).text());
  const wrong = new ReadableStream({ start(c) { c.enqueue('not bytes'); c.close(); } });
  try { await new Response(wrong).text(); } catch (e) { console.log(e.name, e.message); }

  // cancel an unlocked stream; a locked one refuses.
  const r2 = new ReadableStream({ cancel(reason) { console.log('source cancel', reason); } });
  await r2.cancel('why');
  const r3 = new ReadableStream();
  r3.getReader();
  try { await r3.cancel(); } catch (e) { console.log(e.name, e.message); }
  const r4 = new ReadableStream({ start(c) { c.close(); } });
  try { r4.getReader(); await new Promise((r) => setTimeout(r, 1)); } catch (e) { console.log(e.message); }
  const c5 = new ReadableStream({ start(c) { c.close(); try { c.enqueue('late'); } catch (e) { console.log(e.name, e.message); } } });
  console.log(await c5.getReader().read());
})();
