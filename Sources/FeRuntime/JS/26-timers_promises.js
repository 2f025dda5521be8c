// timers/promises: setTimeout and setImmediate as promises, setInterval as an async iterator,
// and scheduler.wait/yield, each cancellable with an AbortSignal as in Node 20. Built on the
// loop's timers (loop.js), so `ref: false` lets the program end while they wait.
// Uses from earlier files: 00-core.js (define); 02-errors.js (invalidArgType); 03-loop.js (timers, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate); 08-fs.js (abortError); 10-builtins.js (util, registerBuiltin, requireBuiltin).
(() => {
  const abortError = (signal) => {
    const e = new Error('The operation was aborted');
    e.code = 'ABORT_ERR';
    e.name = 'AbortError';
    if (signal !== undefined) define(e, 'cause', signal.reason);
    return e;
  };
  // Node's validators for the options every function takes; errors become rejections.
  function validateOptions(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
    const { signal, ref = true } = options;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType('options.signal', 'AbortSignal', signal);
    }
    if (typeof ref !== 'boolean') throw invalidArgType('options.ref', 'boolean', ref);
    return { signal, ref };
  }

  // One pending timer (start returns its handle) settled by the timer or by the signal.
  function cancellable(options, start, stop) {
    let signal, ref;
    try {
      ({ signal, ref } = validateOptions(options));
    } catch (e) {
      return Promise.reject(e);
    }
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort;
      const handle = start((value) => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (!ref) handle.unref();
      if (signal) {
        onAbort = () => { stop(handle); reject(abortError(signal)); };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  function timeoutPromise(after, value, options = {}) {
    return cancellable(options, (done) => setTimeout(done, after, value), clearTimeout);
  }

  function immediatePromise(value, options = {}) {
    return cancellable(options, (done) => setImmediate(done, value), clearImmediate);
  }

  async function* intervalIterator(after, value, options = {}) {
    const { signal, ref } = validateOptions(options);
    if (signal && signal.aborted) throw abortError(signal);
    let ticks = 0; // intervals that fired and are not yet yielded
    let wake;
    let onAbort;
    const interval = setInterval(() => {
      ticks++;
      if (wake) { const w = wake; wake = undefined; w(); }
    }, after);
    if (!ref) interval.unref();
    try {
      if (signal) {
        onAbort = () => {
          clearTimeout(interval);
          if (wake) { const w = wake; wake = undefined; w(); }
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      while (!(signal && signal.aborted)) {
        if (ticks === 0) await new Promise((resolve) => { wake = resolve; });
        // Intervals that fired before an abort are still yielded, as Node's.
        for (; ticks > 0; ticks--) yield value;
      }
      throw abortError(signal);
    } finally {
      clearTimeout(interval);
      if (signal) signal.removeEventListener('abort', onAbort);
    }
  }

  const kScheduler = Symbol('kScheduler');
  class Scheduler {
    constructor(key) {
      if (key !== kScheduler) throw new TypeError('Illegal constructor');
    }
    yield() { return immediatePromise(); }
    wait(delay, options) { return timeoutPromise(delay, undefined, options); }
  }

  const timersPromises = {
    setTimeout: timeoutPromise,
    setImmediate: immediatePromise,
    setInterval: intervalIterator,
    scheduler: new Scheduler(kScheduler),
  };
  for (const [name, fn] of [['setTimeout', timeoutPromise], ['setImmediate', immediatePromise], ['setInterval', intervalIterator]]) {
    Object.defineProperty(fn, 'name', { value: name });
  }
  registerBuiltin('timers/promises', timersPromises);
  requireBuiltin('timers').promises = timersPromises;
  // util.promisify(setTimeout) and util.promisify(setImmediate) are these, as in Node's timers.js.
  Object.defineProperty(setTimeout, util.promisify.custom, { enumerable: true, get: () => timeoutPromise });
  Object.defineProperty(setImmediate, util.promisify.custom, { enumerable: true, get: () => immediatePromise });
})();
