// A worker gets workerData by structured clone, answers over parentPort, and ends with
// process.exit(): only the worker ends, and its messages arrive before 'exit'.
const { Worker, isMainThread, threadId } = require('worker_threads');
console.log('main thread:', isMainThread, threadId);
const w = new Worker(`
  const { parentPort, workerData, isMainThread, threadId } = require('worker_threads');
  parentPort.postMessage({ got: workerData, isMainThread, threadIdPositive: threadId > 0 });
  parentPort.on('message', (n) => {
    if (n === 'stop') { parentPort.postMessage('last words'); process.exit(7); }
    parentPort.postMessage(n * 2);
  });
`, { eval: true, workerData: { list: [1, 2, 3], when: new Date(0), map: new Map([['k', 1]]) } });
w.on('online', () => console.log('online'));
w.on('message', (m) => {
  console.log('from worker:', m);
  if (typeof m === 'object') w.postMessage(21);
  else if (m === 42) w.postMessage('stop');
});
w.on('exit', (code) => console.log('exit', code, w.threadId));
