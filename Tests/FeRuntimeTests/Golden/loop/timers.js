// Timeouts far enough apart that a stall of a loaded machine between two calls can't reorder them.
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log('interval', n);
  if (n === 3) clearInterval(iv);
}, 40);
const t = setTimeout(() => console.log('never'), 1);
clearTimeout(t);
setTimeout((a, b) => console.log('args', a, b), 1, 'x', 'y');
const u = setTimeout(() => console.log('unref never fires'), 100000);
u.unref();
console.log('hasRef', u.hasRef());
const im = setImmediate(() => console.log('cleared immediate'));
clearImmediate(im);
setTimeout(() => console.log('order a'), 310);
setTimeout(() => console.log('order b'), 310);
setTimeout(() => console.log('order c'), 300);
process.on('exit', (code) => console.log('exit event', code));
process.on('beforeExit', () => {
  if (!globalThis.once) {
    globalThis.once = true;
    console.log('beforeExit schedules more');
    setTimeout(() => console.log('after beforeExit'), 1);
  }
});
