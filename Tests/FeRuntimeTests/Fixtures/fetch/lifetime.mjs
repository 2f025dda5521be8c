// What keeps the program alive: a pending fetch does, with nothing else left; an aborted one
// does not, even though the server never answers (the test checks this run ends in seconds).
const base = process.env.FETCH_BASE;
// The three outcomes arrive in a network-dependent order: print them sorted at exit.
const seen = [];
const log = (...a) => seen.push(a.join(' '));
fetch(`${base}/text`).then((r) => r.text()).then((t) => log('arrived', t.trim()));

const controller = new AbortController();
fetch(`${base}/stall-head`, { signal: controller.signal }).catch((e) => log('aborted', e.name));
// An unref'd timer alone would not keep the program alive: the pending fetch does.
setTimeout(() => controller.abort(), 200).unref();

// A large body nobody reads: once fe stops taking it (1 MiB unread) it keeps nothing alive.
fetch(`${base}/big?n=${64 * 1024 * 1024}`).then((r) => log('unread body', r.status));
process.on('exit', () => console.log([...seen.sort(), 'exit'].join('\n')));
