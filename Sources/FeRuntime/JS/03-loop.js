// Event loop: nextTick queue, rejections, timers, immediates. Swift calls core.* for each
// macrotask; every entry point ends in processTicksAndRejections(), as Node's does.
// Uses from earlier files: 00-core.js (core, hasOwn, traceOn, opError, check); 01-inspect.js (customInspect, inspect); 02-errors.js (invalidArgType, outOfRange).

// ---------------------------------------------------------------------------------------------
// Async context, as async_hooks models it: every callback the loop runs continues a resource (a
// Timeout, an Immediate, a TickObject, a promise, an AsyncResource) that was created while
// another one ran. Each resource gets an async id and the id of the one that triggered it; the
// loop enters it (emitBefore) while its callback runs and leaves it after (emitAfter), so
// executionAsyncId()/executionAsyncResource() say where code runs. Hooks from createHook()
// (31-async_hooks.js, which also holds AsyncLocalStorage, itself an init hook) are called here.
const asyncIdSymbol = Symbol('asyncId');
const triggerAsyncIdSymbol = Symbol('triggerId');
const asyncHooks = {
  list: [],  // enabled AsyncHook objects; replaced, never mutated, so an emit sees a fixed set
  init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0, // how many enabled hooks have each
  idCounter: 1,
  defaultTriggerId: -1, // >= 0 while internal code creates resources on another's behalf
  // The execution stack: the running resource and its ids, then those it interrupted.
  resource: {}, asyncId: 1, triggerId: 0,
  stack: [],
  promiseHooksOn: false,
};
const topLevelResource = asyncHooks.resource;
function newAsyncId() { return ++asyncHooks.idCounter; }
function defaultTriggerAsyncId() {
  return asyncHooks.defaultTriggerId >= 0 ? asyncHooks.defaultTriggerId : asyncHooks.asyncId;
}
// A throwing hook ends the process, as in Node: its state could no longer be trusted.
function callHooks(kind, args) {
  // Indexed, not iterated: the program may have replaced %Array.prototype%[@@iterator].
  const list = asyncHooks.list;
  for (let i = 0; i < list.length; i++) {
    const hook = list[i];
    const fn = hook[kind];
    if (typeof fn !== 'function') continue;
    try { Reflect.apply(fn, hook, args); } catch (e) { hookFailed(e); }
  }
}
// Node's fatalError (internal/async_hooks.js): the stack, or for a thrown non-error a stack
// captured here with it as the message; --abort-on-uncaught-exception aborts.
function hookFailed(e) {
  let text;
  if (typeof e?.stack === 'string') {
    text = e.stack;
  } else {
    // (A symbol shows as its description, as Node prints it.)
    const o = { message: typeof e === 'symbol' ? e.toString() : e };
    Error.captureStackTrace(o, hookFailed);
    text = o.stack;
  }
  ops.op_write(2, text + '\n');
  if (core.nodeFlags?.abortOnUncaughtException) ops.op_abort();
  exitNow(1);
}
function emitInit(asyncId, type, triggerAsyncId, resource) {
  if (asyncHooks.init > 0) callHooks('init', [asyncId, type, triggerAsyncId, resource]);
}
// Gives a loop object its ids and tells the hooks (timers, immediates, ticks).
function initAsyncResource(resource, type) {
  const id = newAsyncId();
  const trigger = defaultTriggerAsyncId();
  resource[asyncIdSymbol] = id;
  resource[triggerAsyncIdSymbol] = trigger;
  if (asyncHooks.init > 0) callHooks('init', [id, type, trigger, resource]);
}
function emitBefore(asyncId, triggerAsyncId, resource) {
  const h = asyncHooks;
  h.stack.push(h.resource, h.asyncId, h.triggerId);
  h.resource = resource; h.asyncId = asyncId; h.triggerId = triggerAsyncId;
  if (h.before > 0) callHooks('before', [asyncId]);
}
function emitAfter(asyncId) {
  const h = asyncHooks;
  if (h.after > 0) callHooks('after', [asyncId]);
  popAsyncContext();
}
function popAsyncContext() {
  const st = asyncHooks.stack;
  if (st.length === 0) return false;
  asyncHooks.triggerId = st.pop(); asyncHooks.asyncId = st.pop(); asyncHooks.resource = st.pop();
  return true;
}
function emitDestroy(asyncId) {
  if (asyncHooks.destroy > 0) callHooks('destroy', [asyncId]);
}
// Enters a loop object's context around its callback (the caller pairs it with leaveResource).
function enterResource(resource) {
  emitBefore(resource[asyncIdSymbol], resource[triggerAsyncIdSymbol], resource);
}
function leaveResource(resource) {
  // The stack may have been emptied by an uncaught exception a listener handled.
  if (asyncHooks.stack.length > 0 && asyncHooks.asyncId === resource[asyncIdSymbol]) emitAfter(resource[asyncIdSymbol]);
}
// After an uncaught exception was handled, Node calls the after hooks of everything still on the
// stack and starts over from the top level.
function clearAsyncStack() {
  while (asyncHooks.stack.length > 0) {
    if (asyncHooks.after > 0) callHooks('after', [asyncHooks.asyncId]);
    popAsyncContext();
  }
}

// Promises: V8 calls these (ops.op_promise_hooks_set) while any hook is enabled. A promise is its
// own resource, 'PROMISE', triggered by the promise it was chained from.
let promiseDestroyRegistry = null;
// The runtime's own promises (withHiddenPromises) are no resources the hooks see, as in Node.
const hiddenPromises = new WeakSet();
let hidingPromises = false;
function withHiddenPromises(fn) {
  const was = hidingPromises;
  hidingPromises = true;
  try { return fn(); } finally { hidingPromises = was; }
}
function promiseInitHook(promise, parent) {
  if (hidingPromises) { hiddenPromises.add(promise); return; }
  const id = newAsyncId();
  const trigger = parent !== undefined && parent[asyncIdSymbol] !== undefined ? parent[asyncIdSymbol] : defaultTriggerAsyncId();
  promise[asyncIdSymbol] = id;
  promise[triggerAsyncIdSymbol] = trigger;
  if (asyncHooks.init > 0) callHooks('init', [id, 'PROMISE', trigger, promise]);
  if (asyncHooks.destroy > 0) {
    if (promiseDestroyRegistry === null) promiseDestroyRegistry = new FinalizationRegistry(emitDestroy);
    promiseDestroyRegistry.register(promise, id);
  }
}
function promiseBeforeHook(promise) {
  if (hiddenPromises.has(promise)) return;
  // A promise made before the hooks were on has no ids: it runs where it is, with no store.
  if (promise[asyncIdSymbol] === undefined) { promise[asyncIdSymbol] = newAsyncId(); promise[triggerAsyncIdSymbol] = 0; }
  emitBefore(promise[asyncIdSymbol], promise[triggerAsyncIdSymbol], promise);
}
// Node's promiseAfterHook: the after hooks run even for a reaction whose before they did not
// see (hooks enabled during it); only a witnessed one is popped off the stack.
function promiseAfterHook(promise) {
  if (hiddenPromises.has(promise)) return;
  if (promise[asyncIdSymbol] === undefined) { promise[asyncIdSymbol] = newAsyncId(); promise[triggerAsyncIdSymbol] = 0; }
  if (asyncHooks.stack.length > 0 && asyncHooks.resource === promise) emitAfter(promise[asyncIdSymbol]);
  else if (asyncHooks.after > 0) callHooks('after', [promise[asyncIdSymbol]]);
}
function promiseResolveHook(promise) {
  if (hiddenPromises.has(promise)) return;
  if (asyncHooks.promiseResolve > 0 && promise[asyncIdSymbol] !== undefined) callHooks('promiseResolve', [promise[asyncIdSymbol]]);
}
// v8.promiseHooks' (Node's internal/promise_hooks.js through setPromiseHooks): the user's
// init, before, after and settled hooks, run after async_hooks' own when both are on.
const userPromiseHooks = { init: undefined, before: undefined, after: undefined, settled: undefined };
core.setPromiseHooks = (init, before, after, settled) => {
  const fn = (f) => (typeof f === 'function' ? f : undefined);
  userPromiseHooks.init = fn(init);
  userPromiseHooks.before = fn(before);
  userPromiseHooks.after = fn(after);
  userPromiseHooks.settled = fn(settled);
  updatePromiseHooks();
};
// The runtime's own promises (withHiddenPromises) are not the program's: no hook sees them. A
// hook's exception is an uncaught exception (V8 reports it to the message listener, where Node
// triggers it).
function userHook(f, isInit) {
  if (isInit && f === undefined) return (promise) => { if (hidingPromises) hiddenPromises.add(promise); };
  if (f === undefined) return undefined;
  if (isInit) {
    return (promise, parent) => {
      if (hidingPromises) { hiddenPromises.add(promise); return; }
      try { f(promise, parent); } catch (e) { fatal(e); }
    };
  }
  return (promise) => {
    if (hiddenPromises.has(promise)) return;
    try { f(promise); } catch (e) { fatal(e); }
  };
}
function bothHooks(mine, theirs) {
  if (theirs === undefined) return mine;
  return (promise, parent) => { mine(promise, parent); theirs(promise, parent); };
}
// Called whenever the enabled hooks change: promise hooks cost every promise a call, so they are
// on only while some hook is enabled.
function updatePromiseHooks() {
  const h = asyncHooks;
  const u = {
    init: userHook(userPromiseHooks.init, true), before: userHook(userPromiseHooks.before, false),
    after: userHook(userPromiseHooks.after, false), settled: userHook(userPromiseHooks.settled, false),
  };
  const mine = h.list.length > 0;
  const users = userPromiseHooks.init !== undefined || u.before !== undefined || u.after !== undefined || u.settled !== undefined;
  const want = mine || users;
  if (mine) {
    ops.op_promise_hooks_set(bothHooks(promiseInitHook, userPromiseHooks.init && u.init), bothHooks(promiseBeforeHook, u.before),
      bothHooks(promiseAfterHook, u.after), bothHooks(promiseResolveHook, u.settled));
  } else if (want) {
    ops.op_promise_hooks_set(u.init, u.before, u.after, u.settled);
  } else if (h.promiseHooksOn) {
    ops.op_promise_hooks_set();
  }
  h.promiseHooksOn = want;
}

class TickObject {
  constructor(callback, args) {
    this.callback = callback;
    this.args = args;
    initAsyncResource(this, 'TickObject');
  }
}
const tickQueue = [];
// A request's callback (what a threadpool job's completion calls in Node: RANDOMBYTESREQUEST,
// ...) run from the tick queue as an async resource of that type.
function queueRequestCallback(type, callback, args) {
  const req = { callback, args };
  initAsyncResource(req, type);
  tickQueue.push(req);
}
function nextTick(fn, ...args) {
  if (typeof fn !== 'function') throw invalidArgType('callback', 'Function', fn);
  if (process._exiting) return;
  tickQueue.push(new TickObject(fn, args));
}
// Rejections, as Node 18's lib/internal/process/promises.js: V8 reports a rejection without a
// handler (0) and a handler added later (1); after each macrotask's ticks and microtasks, those
// still unhandled go through the --unhandled-rejections mode (read at the first rejection).
const maybeUnhandled = new WeakMap(); // promise -> { reason, uid, warned, domain }, until handled
let pendingRejections = [];
const asyncHandledRejections = [];
let lastRejectionId = 0;
let rejectionsMode;
// Swift settles some promises itself (module evaluation, main, the config): they never count
// as unhandled.
core.markHandled = (promise) => { maybeUnhandled.delete(promise); };
// Node's counts of them as node.promises.rejections traces them (node_task_queue.cc), while on.
const rejectionCounts = { unhandled: 0, handledAfter: 0 };
core.promiseRejectHandler = (type, promise, reason) => {
  if (rejectionsMode === undefined) rejectionsMode = core.nodeFlags?.unhandledRejections || 'throw';
  if (traceOn.promises && (type === 0 || type === 1)) {
    if (type === 0) rejectionCounts.unhandled++;
    else rejectionCounts.handledAfter++;
    traceOn.emit('C', 'node,node.promises,node.promises.rejections', 'rejections', undefined, { ...rejectionCounts });
  }
  if (type === 0) {
    maybeUnhandled.set(promise, { reason, uid: ++lastRejectionId, warned: false, domain: process.domain });
    pendingRejections.push(promise);
  } else if (type === 2 || type === 3) {
    // A promise rejected (2) or resolved (3) after it was resolved (Node's resolveError).
    resolveError(type === 3 ? 'resolve' : 'reject', promise, reason);
  } else if (type === 1) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      // Reported already and handled after all: 'rejectionHandled', else a warning.
      const warning = new Error(`Promise rejection was handled asynchronously (rejection id: ${info.uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = info.uid;
      asyncHandledRejections.push({ promise, warning });
    }
  }
};
let multipleResolvesDeprecate;
function resolveError(type, promise, reason) {
  // In a tick: otherwise the error could be caught by the promise being run.
  nextTick(() => {
    if (process.emit('multipleResolves', type, promise, reason)) {
      multipleResolvesDeprecate ??= requireBuiltin('util').deprecate(() => {}, 'The multipleResolves event has been deprecated.', 'DEP0160');
      multipleResolvesDeprecate();
    }
  });
}
const isRejectionErrorLike = (o) => typeof o === 'object' && o !== null && hasOwn(o, 'stack');
// V8's NoSideEffectsToString, as far as a rejection reason needs it: no getters or toString run.
function noSideEffectsToString(v) {
  if (typeof v === 'symbol') return v.toString();
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return String(v);
  if (typeof v === 'function') return Function.prototype.toString.call(v);
  const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(v) ?? {}, 'constructor');
  const name = d !== undefined && typeof d.value === 'function' ? d.value.name : '';
  return `#<${name || 'Object'}>`;
}
function errorWithoutStack(name, message) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Error(message);
  Error.stackTraceLimit = limit;
  Object.defineProperty(err, 'name', { value: name, enumerable: false, writable: true, configurable: true });
  return err;
}
function unhandledRejectionError(reason) {
  const err = errorWithoutStack('UnhandledPromiseRejection', 'This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled with .catch(). The ' +
    `promise rejected with the reason "${noSideEffectsToString(reason)}".`);
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}
function emitUnhandledRejectionWarning(uid, reason) {
  const name = 'UnhandledPromiseRejectionWarning';
  const warning = errorWithoutStack(name, 'Unhandled promise rejection. This error originated either by throwing ' +
    'inside of an async function without a catch block, or by rejecting a promise which was not handled with ' +
    '.catch(). To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  try {
    if (isRejectionErrorLike(reason)) {
      warning.stack = reason.stack;
      process.emitWarning(reason.stack, name);
    } else {
      process.emitWarning(noSideEffectsToString(reason), name);
    }
  } catch {
    try { process.emitWarning(noSideEffectsToString(reason), name); } catch { /* as Node: nothing more to say */ }
  }
  process.emitWarning(warning);
}
// 'unhandledRejection' (or the domain's 'error' when the promise was made in one); whether a
// listener took it.
function emitUnhandled(reason, promise, info) {
  if (info.domain) return info.domain.emit('error', reason);
  return process.emit('unhandledRejection', reason, promise);
}
function processRejections() {
  let again = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) process.emitWarning(warning);
  }
  // One at a time from the queue, as Node's: a listener that throws leaves the rest queued.
  let len = pendingRejections.length;
  while (len--) {
    const promise = pendingRejections.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason, uid } = info;
    switch (rejectionsMode) {
      case 'strict': {
        fatal(isRejectionErrorLike(reason) ? reason : unhandledRejectionError(reason), true);
        if (!emitUnhandled(reason, promise, info)) emitUnhandledRejectionWarning(uid, reason);
        break;
      }
      case 'none':
        emitUnhandled(reason, promise, info);
        break;
      case 'warn':
        emitUnhandled(reason, promise, info);
        emitUnhandledRejectionWarning(uid, reason);
        break;
      case 'warn-with-error-code':
        if (!emitUnhandled(reason, promise, info)) {
          emitUnhandledRejectionWarning(uid, reason);
          process.exitCode = 1;
        }
        break;
      default: // 'throw', Node 18's default
        if (!emitUnhandled(reason, promise, info)) fatal(isRejectionErrorLike(reason) ? reason : unhandledRejectionError(reason), true);
    }
    again = true;
  }
  // A rejection that stays unhandled is never reported twice; the entry stays only to turn a
  // late handler into 'rejectionHandled'.
  return again || pendingRejections.length !== 0;
}
function processTicksAndRejections() {
  do {
    // Every queued tick, including ones queued by ticks, runs before any promise job.
    while (tickQueue.length > 0) {
      const t = tickQueue.shift();
      enterResource(t);
      try { Reflect.apply(t.callback, undefined, t.args); } catch (e) { fatal(e); }
      leaveResource(t);
      emitDestroy(t[asyncIdSymbol]);
    }
    ops.op_run_microtasks();
  } while (tickQueue.length > 0 || processRejectionsOrFatal());
}
// A 'rejectionHandled' or 'unhandledRejection' listener's exception is an uncaught exception.
function processRejectionsOrFatal() {
  try {
    return processRejections();
  } catch (e) {
    fatal(e);
    return true;
  }
}
core.afterMacrotask = processTicksAndRejections;

function errorText(e, unhandledRejection) {
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.stack === 'string')) {
    let text = typeof e.stack === 'string' ? e.stack : String(e);
    if (Object.keys(e).length > 0 || hasOwn(e, 'cause')) text = inspect(e);
    // --enable-source-maps: the original source line it was thrown from, as Node prints it.
    return core.sourceMapErrorSource ? core.sourceMapErrorSource(e) + text : text;
  }
  if (unhandledRejection) {
    return `Error [ERR_UNHANDLED_REJECTION]: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(e)}".`;
  }
  return `Uncaught ${inspect(e)}`;
}
core.errorText = errorText;
// Node's ReportFatalException (src/node_errors.cc): what an uncaught exception prints. `arrow`
// is where it was thrown ("file:line\n<source line>\n   ^\n"): from the host when the main
// module threw, else where V8 says the error was made (Exception::CreateMessage, as Node has
// it for promises). A native error prints it above its inspected stack (unless its stack
// already starts with one); any other value after a blank line, before itself.
function fatalReport(e, arrow) {
  const isObject = e !== null && (typeof e === 'object' || typeof e === 'function');
  const native = isObject && ops.op_value_is(e, 8 /* K_NATIVE_ERROR */);
  if (arrow === undefined) arrow = isObject ? errorSource(e) : '';
  let out = '';
  if (arrow !== '' && !native) {
    out += `\n${arrow}`;
    arrow = '';
  }
  if (isObject && e[core.privateSymbols().arrow_message_private_symbol] !== undefined) arrow = '';
  let trace;
  if (isObject) {
    // --enable-source-maps: the original source line, as Node's enhancer puts it.
    const mapped = core.sourceMapErrorSource ? core.sourceMapErrorSource(e) : '';
    if (mapped !== '') arrow = '';
    try {
      const colors = (requireBuiltin('tty').isatty(2) && process.stderr.hasColors()) || inspect.defaultOptions.colors;
      trace = mapped + inspect(e, { colors, customInspect: false, depth: Math.max(inspect.defaultOptions.depth, 5) });
    } catch {
      trace = e.stack;
    }
  }
  if (typeof trace === 'string' && trace.length > 0) {
    out += arrow !== '' ? `${arrow}\n${trace}\n` : `${trace}\n`;
  } else {
    let message, name;
    if (isObject) {
      try { ({ message, name } = e); } catch { /* as if absent */ }
    }
    if (message === undefined || name === undefined) {
      let text;
      try { text = String(e); } catch { text = '<toString() threw exception>'; }
      out += `${text}\n`;
    } else {
      out += arrow !== '' ? `${arrow}\n${name}: ${message}\n` : `${name}: ${message}\n`;
    }
    out += `(Use \`${(process.argv0 || 'node').split('/').pop()} --trace-uncaught ...\` to show where the exception was thrown)\n`;
  }
  // Node's --[no-]extra-info-on-fatal-exception, in node's command line only (a tool is not node).
  if (core.nodeFlags && core.nodeFlags.options?.['--extra-info-on-fatal-exception'] !== false) out += `\nNode.js ${process.version}\n`;
  return out;
}
// Where V8 says an error was made, as an arrow; '' for one made inside fe's runtime.
function errorSource(e) {
  const arrow = ops.op_error_source(e);
  return typeof arrow === 'string' && !arrow.startsWith('fe:') ? arrow : '';
}
// An uncaught error: 'uncaughtException' listeners get it, otherwise print and exit(1). A
// runtime that may not exit (fe.config.js) hands it to its host instead (core.uncaughtToHost).
// `arrow`: where the host saw it thrown (the main module's own throw).
function fatal(e, unhandledRejection = false, arrow = undefined) {
  if (core.uncaughtToHost) throw e;
  // --abort-on-uncaught-exception: as Node, the process aborts (SIGABRT, a core file where the
  // system writes one) before any 'uncaughtException' listener; only a capture callback
  // (process.setUncaughtExceptionCaptureCallback, domains) keeps it alive. A worker's error
  // goes to its parent's 'error' event instead, as in Node.
  if (core.nodeFlags?.abortOnUncaughtException && uncaughtCapture.fn === null && !core.isWorker) {
    ops.op_write(2, errorText(e, unhandledRejection) + '\n');
    ops.op_abort();
  }
  // A worker's uncaught error goes through its process._fatalException (39-worker_threads.js).
  if (core.isWorker) {
    core.workerFatal(e, unhandledRejection);
    return;
  }
  // Node's C++ calls process._fatalException; when that is no function (monkey-patched away),
  // the error is printed and the process exits with 6 (kInvalidFatalExceptionMonkeyPatching).
  if (process.emit && typeof process._fatalException !== 'function') {
    ops.op_write(2, errorText(e, unhandledRejection) + '\n');
    ops.op_exit(6);
    (function terminationPoint() {})();
  }
  const type = unhandledRejection ? 'unhandledRejection' : 'uncaughtException';
  if (process.emit) {
    try {
      process.emit('uncaughtExceptionMonitor', e, type);
    } catch (thrown) {
      fatalHandlerThrew(thrown);
    }
  }
  const handler = uncaughtCapture.fn !== null ? () => uncaughtCapture.fn(e)
    : process.listenerCount && process.listenerCount('uncaughtException') > 0 ? () => process.emit('uncaughtException', e, type)
      : null;
  if (handler !== null) {
    try {
      handler();
    } catch (thrown) {
      fatalHandlerThrew(thrown);
    }
  } else {
    process.exitCode = 1;
    // The exit comes from no JavaScript call (--trace-exit shows no frames, as in Node).
    core.exitFromUncaught = true;
    // As Node: the 'exit' listeners run first (and may change the code), then the error is
    // printed.
    exitNow(1, true, () => {
      // EventEmitter#emit('error') left a way to add where the event was emitted (Node prints it).
      if (e !== null && typeof e === 'object' && typeof e[kEnhanceStackBeforeInspector] === 'function') {
        try { e.stack = e[kEnhanceStackBeforeInspector](); } catch { /* the original stack stays */ }
      }
      ops.op_write(2, fatalReport(e, arrow));
    });
    return;
  }
  // Handled: the callbacks that were running are over, as far as async hooks are concerned.
  clearAsyncStack();
}
core.fatal = fatal;
// As Node: an exception in the handling of an uncaught one (a monitor, a listener, the capture
// callback) is printed and the process exits with 7 (kExceptionInFatalExceptionHandler), with no
// 'exit' event. A worker's goes to its parent; --abort-on-uncaught-exception aborts further up.
function fatalHandlerThrew(thrown) {
  if (core.isWorker || core.nodeFlags?.abortOnUncaughtException) throw thrown;
  ops.op_write(2, errorText(thrown) + '\n');
  ops.op_exit(7);
  (function terminationPoint() {})();
}
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');
// process.setUncaughtExceptionCaptureCallback (the domain module uses it too).
const uncaughtCapture = { fn: null };

// Timers, as Node's: a Timeout (or any object given to timers.enroll) is armed with
// insertTimer and fires in core.onTimer. Swift keeps one deadline per armed timer, keyed by the
// timer's async id (which is also what +timeout and clearTimeout(number) use).
const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const timers = new Map(); // async id -> armed timer object
// The timer whose callback runs now: still active (process.getActiveResourcesInfo) until its
// callback clears it or, not repeating, it ends.
const firingTimer = { current: null };
const timerLists = new Map(); // duration -> TimersList (what _idlePrev/_idleNext show, as in Node)
class TimersList {
  constructor(msecs) { this._idleNext = this; this._idlePrev = this; this.expiry = 0; this.id = 0; this.msecs = msecs; this.priorityQueuePosition = 0; }
}
function timerNow() { return Math.floor((ops.op_hrtime() - startTime) / 1e6); }
function timeoutDuration(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}
function insertTimer(item, refed) {
  if (item._destroyed || item[asyncIdSymbol] === undefined) {
    item._destroyed = false;
    initAsyncResource(item, 'Timeout');
  }
  const id = item[asyncIdSymbol];
  // As Node's insert: the duration is truncated (no sub-millisecond accuracy is assumed).
  const msecs = Math.trunc(item._idleTimeout);
  let list = timerLists.get(msecs);
  if (list === undefined) { list = new TimersList(msecs); timerLists.set(msecs, list); }
  item._idleStart = timerNow();
  item._idlePrev = list; item._idleNext = list;
  timers.set(id, item);
  ops.op_timer_start(id, msecs, refed);
}
// Takes a timer off the loop without destroying it (Node's L.remove).
function unlinkTimer(item) {
  const id = item[asyncIdSymbol];
  if (id !== undefined && timers.get(id) === item) { timers.delete(id); ops.op_timer_stop(id); }
  item._idleNext = null; item._idlePrev = null;
}
function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[asyncIdSymbol] !== undefined) emitDestroy(item[asyncIdSymbol]);
  unlinkTimer(item);
  // A later timers.active(item) must not arm it again.
  item._idleTimeout = -1;
}
// timers.active / timers._unrefActive: (re)arms an enrolled object; its _onTimeout fires.
function activateTimer(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  item[kRefed] = refed;
  insertTimer(item, refed);
}
// timers.enroll: gives an object a duration, to arm later with active().
function enrollTimer(item, msecs) {
  if (typeof msecs !== 'number') throw invalidArgType('msecs', 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) throw outOfRange('msecs', 'a non-negative finite number', msecs);
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    msecs = TIMEOUT_MAX;
  }
  if (item._idleNext) unenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}
class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after = timeoutDuration(after);
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    initAsyncResource(this, 'Timeout');
    insertTimer(this, isRefed);
  }
  refresh() {
    // Re-arms it, even after it fired; a cleared timer (_idleTimeout -1) stays cleared.
    if (this._idleTimeout >= 0) insertTimer(this, this[kRefed]);
    return this;
  }
  unref() { this[kRefed] = false; if (timers.get(this[asyncIdSymbol]) === this) ops.op_timer_ref(this[asyncIdSymbol], false); return this; }
  ref() { this[kRefed] = true; if (timers.get(this[asyncIdSymbol]) === this) ops.op_timer_ref(this[asyncIdSymbol], true); return this; }
  hasRef() { return this[kRefed]; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() {
    this[kHasPrimitive] = true;
    return this[asyncIdSymbol];
  }
}
if (typeof Symbol.dispose === 'symbol') Timeout.prototype[Symbol.dispose] = function dispose() { clearTimeout(this); };
function setTimeout(callback, after, ...args) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}
function setInterval(callback, repeat, ...args) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}
function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = timers.get(Number(timer));
    if (t !== undefined && t[kHasPrimitive]) { t._onTimeout = null; unenroll(t); }
  }
}
core.onTimer = (id) => {
  const t = timers.get(id);
  if (t !== undefined) {
    timers.delete(id);
    t._idleNext = null; t._idlePrev = null;
    // As Node's listOnTimeout: a timer whose _onTimeout was taken away ends without a call.
    if (!t._onTimeout) {
      if (!t._destroyed) {
        t._destroyed = true;
        emitDestroy(t[asyncIdSymbol]);
      }
      return ticksFirst();
    }
    enterResource(t);
    const outer = firingTimer.current;
    firingTimer.current = t;
    try {
      const args = t._timerArgs;
      if (args === undefined) t._onTimeout(); else Reflect.apply(t._onTimeout, t, args);
    } catch (e) { fatal(e); } finally { firingTimer.current = outer; }
    leaveResource(t);
    if (t._repeat && t._idleTimeout !== -1) {
      t._idleTimeout = t._repeat;
      if (t._idleNext === null) insertTimer(t, t[kRefed]);
    } else if (t._idleNext === null && !t._destroyed) {
      // Not re-armed by its callback (refresh): done.
      t._destroyed = true;
      emitDestroy(t[asyncIdSymbol]);
    }
  }
  return ticksFirst();
};
// The end of a timer or immediate callback: as Node's InternalCallbackScope, the host runs the
// promise jobs itself (no JS frames under them, as in Node's stack traces) unless ticks are
// queued, which run first from processTicksAndRejections (core.afterMacrotask). Returns which.
function ticksFirst() { return tickQueue.length > 0; }

const immediates = [];
class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    initAsyncResource(this, 'Immediate');
  }
  ref() { if (!this[kRefed] && !this._destroyed) { this[kRefed] = true; ops.op_immediate_ref(1); } return this; }
  unref() { if (this[kRefed] && !this._destroyed) { this[kRefed] = false; ops.op_immediate_ref(-1); } return this; }
  hasRef() { return !!this[kRefed]; }
}
if (typeof Symbol.dispose === 'symbol') Immediate.prototype[Symbol.dispose] = function dispose() { clearImmediate(this); };
function setImmediate(callback, ...args) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
  const im = new Immediate(callback, args.length ? args : undefined);
  immediates.push(im);
  ops.op_immediate_ref(1);
  return im;
}
function clearImmediate(im) {
  if (!im || im._destroyed || typeof im._onImmediate !== 'function') return;
  im._destroyed = true;
  if (im[kRefed]) ops.op_immediate_ref(-1);
  im[kRefed] = null;
  emitDestroy(im[asyncIdSymbol]);
  im._onImmediate = null;
}
// Runs the immediates queued before this call; ones they queue wait for the next turn. Returns
// ticksFirst() (see core.onTimer). Between immediates the queues drain (Node's runNextTicks);
// after the last, the host does. One that throws is an uncaught exception, and the rest of the
// batch runs right after it, with no drain before the first of them, as Node's CheckImmediate
// calls processImmediate again for the outstanding queue.
// Node's native immediates (Environment::SetImmediate): the runtime's own callbacks, which the
// check phase runs before the JavaScript immediates, with no async resource of their own.
const nativeImmediates = [];
function setNativeImmediate(fn) {
  nativeImmediates.push(fn);
  ops.op_immediate_ref(1);
}
core.runImmediates = () => {
  if (nativeImmediates.length > 0) {
    const natives = nativeImmediates.splice(0, nativeImmediates.length);
    for (const fn of natives) {
      ops.op_immediate_ref(-1);
      try { fn(); } catch (e) { fatal(e); }
    }
  }
  const batch = immediates.splice(0, immediates.length);
  let ranOne = false;
  for (let i = 0; i < batch.length; i++) {
    const im = batch[i];
    if (im._destroyed) continue;
    if (ranOne) processTicksAndRejections();
    ranOne = true;
    if (im._destroyed) continue;
    im._destroyed = true;
    if (im[kRefed]) ops.op_immediate_ref(-1);
    im[kRefed] = null;
    enterResource(im);
    try {
      const argv = im._argv;
      if (argv === undefined) im._onImmediate(); else Reflect.apply(im._onImmediate, im, argv);
    } catch (e) {
      // Still inside the immediate's scope, as Node: a domain it was made in takes the error.
      fatal(e);
      leaveResource(im);
      emitDestroy(im[asyncIdSymbol]);
      ranOne = false;
      continue;
    }
    leaveResource(im);
    emitDestroy(im[asyncIdSymbol]);
  }
  return ticksFirst();
};

// Async op completions: each pending op has a promise id; Swift settles it from the loop.
let nextPromiseId = 1;
const pendingOps = new Map();
function opAsync(op, ...args) {
  const id = nextPromiseId++;
  return new Promise((resolve, reject) => {
    pendingOps.set(id, { resolve, reject });
    Reflect.apply(op, undefined, [id].concat(args));
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
