// What keeps the program alive: a pending fetch does, with nothing else left; an aborted one
// does not, even though the server never answers (the test checks this run ends in seconds).
const base = process.env.FETCH_BASE;
fetch(`${base}/text`).then((r) => r.text()).then((t) => console.log('arrived', t.trim()));

const controller = new AbortController();
fetch(`${base}/stall-head`, { signal: controller.signal }).catch((e) => console.log('aborted', e.name));
// An unref'd timer alone would not keep the program alive: the pending fetch does.
setTimeout(() => controller.abort(), 200).unref();

// A large body nobody reads: once fe stops taking it (1 MiB unread) it keeps nothing alive.
fetch(`${base}/big?n=${64 * 1024 * 1024}`).then((r) => console.log('unread body', r.status));
process.on('exit', () => console.log('exit'));
