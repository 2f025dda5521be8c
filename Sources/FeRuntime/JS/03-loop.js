// Event loop: nextTick queue, rejections, timers, immediates. Swift calls core.* for each
// macrotask; every entry point ends in processTicksAndRejections(), as Node's does.
// Uses from earlier files: 00-core.js (core, hasOwn, opError); 01-inspect.js (inspect); 02-errors.js (typeError).
const tickQueue = [];
function nextTick(fn, ...args) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  tickQueue.push({ fn, args });
}
const pendingRejections = new Map();
// Swift settles some promises itself (module evaluation, main, the config): they never count
// as unhandled.
core.markHandled = (promise) => { pendingRejections.delete(promise); };
core.promiseRejectHandler = (type, promise, reason) => {
  if (type === 0) pendingRejections.set(promise, reason);
  else if (type === 1) pendingRejections.delete(promise);
};
function processRejections() {
  if (pendingRejections.size === 0) return false;
  const list = [...pendingRejections];
  pendingRejections.clear();
  for (const [promise, reason] of list) {
    if (process.listenerCount && process.listenerCount('unhandledRejection') > 0) {
      process.emit('unhandledRejection', reason, promise);
    } else {
      fatal(reason, true);
    }
  }
  return true;
}
function processTicksAndRejections() {
  do {
    // Every queued tick, including ones queued by ticks, runs before any promise job.
    while (tickQueue.length > 0) {
      const t = tickQueue.shift();
      try { t.fn(...t.args); } catch (e) { fatal(e); }
    }
    ops.op_run_microtasks();
  } while (tickQueue.length > 0 || processRejections());
}
core.afterMacrotask = processTicksAndRejections;

function errorText(e, unhandledRejection) {
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.stack === 'string')) {
    let text = typeof e.stack === 'string' ? e.stack : String(e);
    if (Object.keys(e).length > 0 || hasOwn(e, 'cause')) text = inspect(e);
    return text;
  }
  if (unhandledRejection) {
    return `Error [ERR_UNHANDLED_REJECTION]: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(e)}".`;
  }
  return `Uncaught ${inspect(e)}`;
}
core.errorText = errorText;
// An uncaught error: 'uncaughtException' listeners get it, otherwise print and exit(1). A
// runtime that may not exit (fe.config.js) hands it to its host instead (core.uncaughtToHost).
function fatal(e, unhandledRejection = false) {
  if (core.uncaughtToHost) throw e;
  if (process.listenerCount && process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', e, unhandledRejection ? 'unhandledRejection' : 'uncaughtException');
    return;
  }
  ops.op_write(2, errorText(e, unhandledRejection) + '\n');
  process.exitCode = 1;
  exitNow(1);
}
core.fatal = fatal;

// Timers: JS keeps the callbacks; Swift keeps one deadline per timer and fires them in order.
let nextTimerId = 1;
const timers = new Map();
class Timeout {
  constructor(fn, ms, args, repeat) {
    ms = Number(ms);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    this._id = nextTimerId++;
    this._onTimeout = fn;
    this._args = args;
    this._idleTimeout = ms;
    this._repeat = repeat ? ms : null;
    this._refed = true;
    this._destroyed = false;
    timers.set(this._id, this);
    ops.op_timer_start(this._id, ms, true);
  }
  ref() { if (!this._destroyed) { this._refed = true; ops.op_timer_ref(this._id, true); } return this; }
  unref() { if (!this._destroyed) { this._refed = false; ops.op_timer_ref(this._id, false); } return this; }
  hasRef() { return this._refed; }
  refresh() { if (!this._destroyed) ops.op_timer_start(this._id, this._idleTimeout, this._refed); return this; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}
function setTimeout(fn, ms, ...args) {
  if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${describe(fn)}`);
  return new Timeout(fn, ms, args, false);
}
function setInterval(fn, ms, ...args) {
  if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${describe(fn)}`);
  return new Timeout(fn, ms, args, true);
}
function clearTimeout(t) {
  if (t == null) return;
  const id = typeof t === 'object' ? t._id : Number(t);
  const timer = timers.get(id);
  if (!timer) return;
  timer._destroyed = true;
  timers.delete(id);
  ops.op_timer_stop(id);
}
core.onTimer = (id) => {
  const t = timers.get(id);
  if (t) {
    if (t._repeat !== null) ops.op_timer_start(id, t._repeat, t._refed);
    else { timers.delete(id); t._destroyed = true; }
    try { t._onTimeout(...t._args); } catch (e) { fatal(e); }
  }
  processTicksAndRejections();
};

const immediates = [];
class Immediate {
  constructor(fn, args) { this._onImmediate = fn; this._args = args; this._refed = true; this._cleared = false; }
  ref() { if (!this._refed && !this._cleared) { this._refed = true; ops.op_immediate_ref(1); } return this; }
  unref() { if (this._refed && !this._cleared) { this._refed = false; ops.op_immediate_ref(-1); } return this; }
  hasRef() { return this._refed; }
}
function setImmediate(fn, ...args) {
  if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received ${describe(fn)}`);
  const im = new Immediate(fn, args);
  immediates.push(im);
  ops.op_immediate_ref(1);
  return im;
}
function clearImmediate(im) {
  if (!im || im._cleared) return;
  im._cleared = true;
  if (im._refed) ops.op_immediate_ref(-1);
}
// Runs the immediates queued before this call; ones they queue wait for the next turn.
core.runImmediates = () => {
  const batch = immediates.splice(0, immediates.length);
  for (const im of batch) {
    if (im._cleared) continue;
    im._cleared = true;
    if (im._refed) ops.op_immediate_ref(-1);
    try { im._onImmediate(...im._args); } catch (e) { fatal(e); }
    processTicksAndRejections();
  }
  return immediates.length;
};

// Async op completions: each pending op has a promise id; Swift settles it from the loop.
let nextPromiseId = 1;
const pendingOps = new Map();
function opAsync(op, ...args) {
  const id = nextPromiseId++;
  return new Promise((resolve, reject) => {
    pendingOps.set(id, { resolve, reject });
    op(id, ...args);
  });
}
core.settle = (id, ok, value) => {
  const p = pendingOps.get(id);
  if (p) {
    pendingOps.delete(id);
    if (ok) p.resolve(value);
    else p.reject(value && value.__feError ? opError(value.__feError) : Array.isArray(value) ? opError(value) : value);
  }
  processTicksAndRejections();
};

function describe(v) {
  if (v == null) return ` ${v}`;
  if (typeof v === 'function') return ` function ${v.name}`;
  if (typeof v === 'object') return v.constructor && v.constructor.name ? ` an instance of ${v.constructor.name}` : ` ${inspect(v, { depth: -1 })}`;
  let s = inspect(v).slice(0, 28);
  return ` type ${typeof v} (${s})`;
}
