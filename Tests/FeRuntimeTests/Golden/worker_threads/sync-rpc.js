// The synckit/esbuild pattern: the main thread blocks in Atomics.wait while the worker answers,
// then takes the answer with receiveMessageOnPort. Only works when the port's queue is filled
// by the worker's thread itself.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const shared = new Int32Array(new SharedArrayBuffer(4));
const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { workerData: { shared, port } } = require('worker_threads');
  port.on('message', (n) => {
    port.postMessage({ square: n * n });
    Atomics.store(shared, 0, 1);
    Atomics.notify(shared, 0);
  });
`, { eval: true, workerData: { shared, port: port2 }, transferList: [port2] });
for (const n of [3, 4]) {
  Atomics.store(shared, 0, 0);
  port1.postMessage(n);
  Atomics.wait(shared, 0, 0);
  console.log(receiveMessageOnPort(port1));
}
console.log(receiveMessageOnPort(port1));
w.terminate().then((code) => console.log('terminated', code));
