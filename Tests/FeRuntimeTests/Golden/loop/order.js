// Event-loop ordering: sync, nextTick, promise jobs, timers, immediates, I/O.
const log = [];
setTimeout(() => log.push('timeout 0'), 0);
Promise.resolve().then(() => log.push('promise 1')).then(() => log.push('promise 2'));
process.nextTick(() => {
  log.push('tick 1');
  process.nextTick(() => log.push('tick nested'));
  Promise.resolve().then(() => log.push('promise from tick'));
});
queueMicrotask(() => log.push('microtask'));
log.push('sync');
setTimeout(() => {
  log.push('timeout 10');
  setImmediate(() => log.push('immediate from timer'));
  setTimeout(() => log.push('timeout from timer'), 0);
  process.nextTick(() => log.push('tick from timer'));
}, 10);
setTimeout(() => {
  console.log(log.join('\n'));
}, 50);
