// timers/promises: promise timers, the interval iterator, AbortSignal and ref.
const timers = require('timers/promises');
const { setTimeout: sleep, setImmediate: immediate, setInterval: every, scheduler } = timers;
console.log(require('timers').promises === timers, Object.keys(timers).join(' '));

(async () => {
  console.log('timeout', await sleep(5, 'value'));
  console.log('immediate', await immediate('now'));
  console.log('no value', await sleep(1));

  const order = [];
  await Promise.all([sleep(20).then(() => order.push(20)), sleep(1).then(() => order.push(1)), immediate().then(() => order.push('i'))]);
  console.log('order', order.join(' '));

  const ac = new AbortController();
  const pending = sleep(1000, 'never', { signal: ac.signal });
  ac.abort();
  await pending.catch((e) => console.log('aborted', e.name, e.code, e.message, e.cause && e.cause.name));
  const reasoned = new AbortController();
  reasoned.abort('why');
  await immediate(1, { signal: reasoned.signal }).catch((e) => console.log('pre-aborted', e.name, e.cause));

  let n = 0;
  for await (const v of every(2, 'tick')) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  const stop = new AbortController();
  const seen = [];
  try {
    for await (const v of every(2, 'x', { signal: stop.signal })) {
      seen.push(v);
      if (seen.length === 2) stop.abort();
    }
  } catch (e) {
    console.log('interval aborted', e.name, seen.length);
  }

  for (const bad of [() => sleep(1, 1, null), () => sleep(1, 1, { signal: {} }), () => sleep(1, 1, { ref: 'no' }), () => immediate(1, 'x')]) {
    await bad().catch((e) => console.log(e.code, e.message));
  }
  await every(1, 1, { ref: 1 }).next().catch((e) => console.log('interval', e.code));

  console.log('wait', await scheduler.wait(2), 'yield', await scheduler.yield());

  // An unref'd timer does not keep the program alive.
  sleep(100000, 'x', { ref: false }).then(() => console.log('never printed'));
  console.log('done');
})();
