// terminate() reaches a worker whose loop is asleep, waiting for messages: no JavaScript of it
// runs again, so only the loop (not V8's termination, which acts when JS next runs) can see it.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', () => {});
  parentPort.postMessage('waiting');
`, { eval: true });
w.on('message', (m) => {
  console.log(m);
  w.terminate().then((code) => console.log('terminated', code));
});
w.on('exit', (code) => console.log('exit', code));
