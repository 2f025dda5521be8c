// Network failures reject with TypeError: fetch failed, and a cause shaped like Node's.
const base = process.env.FETCH_BASE;
const closed = process.env.FETCH_CLOSED_PORT;

try {
  await fetch(`http://127.0.0.1:${closed}/`);
} catch (e) {
  const c = e.cause;
  console.log(e instanceof TypeError, e.message, Object.keys(e), 'cause' in e);
  console.log(c instanceof Error, c.message === `connect ECONNREFUSED 127.0.0.1:${closed}`, c.errno, c.code, c.syscall, c.address, c.port === Number(closed));
}

// A body cut short: the response arrives, reading it fails with "terminated".
const r = await fetch(`${base}/drop`);
console.log(r.status, r.headers.get('content-length'));
try { await r.text(); } catch (e) { console.log(e.name, e.message, e.cause.name, e.cause.message, e.cause.code); }

// The fetch standard's blocked ports, and schemes fetch does not do.
for (const url of ['http://127.0.0.1:6000/', 'file:///etc/hostname', 'about:blank', 'ftp://127.0.0.1/']) {
  try { await fetch(url); } catch (e) { console.log(url, e.message, '-', e.cause.message); }
}
