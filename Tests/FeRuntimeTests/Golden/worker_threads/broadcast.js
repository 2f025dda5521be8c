// BroadcastChannel reaches every other channel of its name, in any thread, but not itself.
const { BroadcastChannel, Worker } = require('worker_threads');
const a = new BroadcastChannel('news');
const b = new BroadcastChannel('news');
const other = new BroadcastChannel('sports');
other.onmessage = () => console.log('wrong channel');
a.onmessage = (e) => console.log('a got', e.data);
let seen = 0;
b.onmessage = (e) => {
  console.log('b got', e.data);
  if (++seen === 2) { a.close(); b.close(); other.close(); }
};
new Worker(`
  const { BroadcastChannel } = require('worker_threads');
  const c = new BroadcastChannel('news');
  c.postMessage({ from: 'worker' });
  c.close();
`, { eval: true }).on('exit', () => a.postMessage('from a'));
try { new BroadcastChannel(); } catch (e) { console.log(e.code); }
