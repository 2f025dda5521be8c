// terminate() stops a worker stuck in JavaScript, and one blocked in Atomics.wait.
const { Worker } = require('worker_threads');
const busy = new Worker('while (true) {}', { eval: true });
busy.on('online', () => busy.terminate().then((code) => console.log('busy terminated', code)));
busy.on('exit', (code) => {
  console.log('busy exit', code);
  const blocked = new Worker('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)', { eval: true });
  blocked.on('online', () => setTimeout(() => blocked.terminate(), 10));
  blocked.on('exit', (c) => console.log('blocked exit', c));
});
