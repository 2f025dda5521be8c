// What a 'beforeExit' listener queues as ticks and microtasks runs before the process exits, as
// after any callback; it adds no handle, so 'beforeExit' is not emitted again.
let times = 0;
process.on('beforeExit', () => {
  console.log('beforeExit', ++times);
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('microtask'));
});
process.on('exit', () => console.log('exit'));
