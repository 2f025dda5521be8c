// fe's runtime, evaluated once when a snapshot is built, as the body of `function (ops)`.
// `ops` holds the native functions (Sources/FeRuntime/Ops); what this returns is `core`, the
// object Swift drives: launch, timers, op completions, rejections. Nothing here runs at launch
// except through `core`: the heap it builds is what every snapshot boots into.
'use strict';

const core = {
  syntheticExports: new Map(),
  main: undefined, // set by fe.main() in a tool's bundle at blob build time
  tool: undefined,
};
const builtins = new Map();
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const define = (obj, name, value) =>
  Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });

// ---------------------------------------------------------------------------------------------
// Errors with Node's shape: message "CODE: description, syscall 'path'", plus code/syscall/path.
function opError(info) {
  const [code, description, syscall, path, dest] = info;
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const e = new Error(message);
  e.errno = -(ERRNO[code] || 0);
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  if (dest !== undefined) e.dest = dest;
  return e;
}
const ERRNO = { EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EACCES: 13, EEXIST: 17, ENOTDIR: 20,
  EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOSPC: 28, EROFS: 30, EPIPE: 32, ENOTEMPTY: 39,
  ELOOP: 40, ECONNREFUSED: 111, ETIMEDOUT: 110, EADDRINUSE: 98 };
// Sync ops return [error-info] arrays on failure instead of throwing across the boundary,
// so the stack trace points at the caller in JS.
function check(result) {
  if (result !== null && typeof result === 'object' && result.__feError) throw opError(result.__feError);
  return result;
}
core.opError = opError;

// ---------------------------------------------------------------------------------------------
// inspect / format
const inspectDefaults = { depth: 2, colors: false, showHidden: false, breakLength: 80, compact: 3 };
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const STYLES = { number: 33, bigint: 33, boolean: 33, undefined: 90, null: 1, string: 32, symbol: 32,
  date: 35, regexp: 31, special: 36, name: 0 };
function stylize(s, kind, ctx) {
  const c = ctx.colors && STYLES[kind];
  return c ? `\x1b[${c}m${s}\x1b[${c === 1 ? 22 : 39}m` : s;
}
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function quote(s) {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') ? '`' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0').toUpperCase();
    else out += ch;
  }
  return q + out + q;
}
function formatKey(k, ctx) {
  if (typeof k === 'symbol') return `[${stylize(k.toString(), 'symbol', ctx)}]`;
  return IDENT.test(k) ? stylize(k, 'name', ctx) : stylize(quote(k), 'string', ctx);
}
function formatPrimitive(v, ctx) {
  switch (typeof v) {
    case 'string': return stylize(quote(v), 'string', ctx);
    case 'number': return stylize(Object.is(v, -0) ? '-0' : String(v), 'number', ctx);
    case 'bigint': return stylize(`${v}n`, 'bigint', ctx);
    case 'boolean': return stylize(String(v), 'boolean', ctx);
    case 'undefined': return stylize('undefined', 'undefined', ctx);
    case 'symbol': return stylize(v.toString(), 'symbol', ctx);
  }
  return stylize('null', 'null', ctx);
}
function constructorName(obj) {
  let o = obj;
  while (o !== null && o !== undefined) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    o = Object.getPrototypeOf(o);
  }
  return null;
}
function formatError(err, ctx) {
  let stack = typeof err.stack === 'string' && err.stack ? err.stack : Error.prototype.toString.call(err);
  const keys = Object.keys(err).filter((k) => !(k === 'stack' || k === 'message'));
  if (ctx.seen.length > 0 || keys.length === 0) {
    if (keys.length === 0) return stack;
  }
  const extra = keys.map((k) => `${formatKey(k, ctx)}: ${formatValue(err[k], ctx, ctx.depthNow + 1)}`);
  return `${stack} {\n${extra.map((l) => '  ' + l).join(',\n')}\n}`;
}
function groupLines(output, ctx, base, braces, indentation) {
  const start = output.length + braces[0].length + base.length + 10;
  const total = output.reduce((s, l) => s + l.length, 0) + output.length;
  const isBelowBreak = total + start <= ctx.breakLength;
  if (ctx.compact >= 1 && isBelowBreak && !output.some((l) => l.includes('\n'))) {
    const b = base ? `${base} ` : '';
    return `${braces[0]} ${b}${output.join(', ')} ${braces[1]}`;
  }
  const ind = '\n' + ' '.repeat(indentation);
  return `${base ? `${braces[0]} ${base}` : braces[0]}${ind}  ${output.join(`,${ind}  `)}${ind}${braces[1]}`;
}
function groupArray(output, ctx) {
  // Node prints long arrays of short items in aligned columns; approximate with rows of up to
  // 16 items when every entry is short.
  if (output.length > 6 && ctx.compact >= 1 && output.every((l) => l.length <= 6)) {
    const maxLen = Math.max(...output.map((l) => l.length)) + 2;
    const approxCharHeights = 2.5, averageBias = Math.sqrt(maxLen - output.join('').length / output.length);
    const biasedMax = Math.max(maxLen - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(approxCharHeights * biasedMax * output.length) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentation) / maxLen), ctx.compact * 4, 15);
    if (columns <= 1) return output;
    const widths = [];
    for (let i = 0; i < columns; i++) {
      let w = 0;
      for (let j = i; j < output.length; j += columns) w = Math.max(w, output[j].length);
      widths.push(w + 2);
    }
    const rows = [];
    for (let i = 0; i < output.length; i += columns) {
      const row = [];
      for (let j = i; j < Math.min(i + columns, output.length); j++) {
        const cell = output[j] + (j === output.length - 1 ? '' : ',');
        const pad = widths[j - i];
        row.push(j === Math.min(i + columns, output.length) - 1 ? cell : (/^[\d-]/.test(output[j]) ? cell.padStart(pad - 0) : cell.padEnd(pad)));
      }
      rows.push(row.join(''));
    }
    return rows.map((r) => r.replace(/,$/, '')).map((r, i, a) => (i < a.length - 1 ? r : r));
  }
  return output;
}
function formatValue(v, ctx, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return formatPrimitive(v, ctx);
  if (ctx.seen.includes(v)) {
    ctx.circular = ctx.circular || new Map();
    if (!ctx.circular.has(v)) ctx.circular.set(v, ctx.circular.size + 1);
    return stylize(`[Circular *${ctx.circular.get(v)}]`, 'special', ctx);
  }
  if (typeof v[customInspect] === 'function' && v[customInspect] !== inspect) {
    const r = v[customInspect](ctx.depth - depth, { ...ctx, stylize: (s) => s }, inspect);
    if (r !== v) return typeof r === 'string' ? r : formatValue(r, ctx, depth);
  }
  ctx.depthNow = depth;
  const name = constructorName(v);
  let base = '';
  let braces = ['{', '}'];
  let entries = null;
  let keys = Object.keys(v);
  const symbols = Object.getOwnPropertySymbols(v).filter((s) => Object.getOwnPropertyDescriptor(v, s).enumerable);
  let isArrayLike = false;
  if (Array.isArray(v)) {
    const prefix = name !== 'Array' ? `${name || '[Array: null prototype]'}(${v.length}) ` : '';
    braces = [`${prefix}[`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k) || Number(k) >= v.length);
    if (v.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}]`;
  } else if (typeof v === 'function') {
    const fname = v.name ? `: ${v.name}` : ' (anonymous)';
    const isClass = Function.prototype.toString.call(v).startsWith('class');
    base = stylize(isClass ? `[class ${v.name || '(anonymous)'}]` : `[${v.constructor && v.constructor.name === 'AsyncFunction' ? 'AsyncFunction' : 'Function'}${fname}]`, 'special', ctx);
    keys = keys.filter((k) => k !== 'prototype');
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof Error) {
    return formatError(v, ctx);
  } else if (v instanceof RegExp) {
    base = stylize(RegExp.prototype.toString.call(v), 'regexp', ctx);
    if (keys.length === 0) return base;
  } else if (v instanceof Date) {
    base = stylize(Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString(), 'date', ctx);
    if (keys.length === 0) return base;
  } else if (v instanceof Map) {
    braces = [`Map(${v.size}) {`, '}'];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    entries = () => [...v].map(([k, val]) => `${formatValue(k, ctx, depth + 1)} => ${formatValue(val, ctx, depth + 1)}`);
  } else if (v instanceof Set) {
    braces = [`Set(${v.size}) {`, '}'];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    entries = () => [...v].map((x) => formatValue(x, ctx, depth + 1));
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const tname = (typeof Buffer === 'function' && v instanceof Buffer) ? 'Buffer' : name;
    if (tname === 'Buffer') {
      const hex = [...v.subarray(0, 50)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      return `<Buffer${hex ? ' ' + hex : ''}${v.length > 50 ? ` ... ${v.length - 50} more bytes` : ''}>`;
    }
    braces = [`${tname}(${v.length}) [`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    if (v.length === 0 && keys.length === 0) return `${braces[0]}]`;
  } else if (v instanceof Promise) {
    braces = ['Promise {', '}'];
    entries = () => [ops.op_promise_state(v)].map(([s, r]) => (s === 0 ? stylize('<pending>', 'special', ctx) : s === 1 ? formatValue(r, ctx, depth + 1) : `${stylize('<rejected>', 'special', ctx)} ${formatValue(r, ctx, depth + 1)}`));
  } else if (v instanceof WeakMap || v instanceof WeakSet) {
    return `${name} { ${stylize('<items unknown>', 'special', ctx)} }`;
  } else if (typeof v === 'object' && (v instanceof Number || v instanceof String || v instanceof Boolean)) {
    const t = v instanceof Number ? 'Number' : v instanceof String ? 'String' : 'Boolean';
    base = `[${t}: ${formatPrimitive(v.valueOf(), ctx)}]`;
    if (t === 'String') keys = keys.filter((k) => !/^\d+$/.test(k));
    if (keys.length === 0) return base;
  } else if (name === null) {
    braces = ['[Object: null prototype] {', '}'];
  } else if (name !== 'Object') {
    const tag = v[Symbol.toStringTag];
    braces = [`${name}${tag && tag !== name ? ` [${tag}]` : ''} {`, '}'];
  } else if (v[Symbol.toStringTag]) {
    braces = [`Object [${v[Symbol.toStringTag]}] {`, '}'];
  }
  if (depth > ctx.depth) {
    if (isArrayLike) return stylize('[Array]', 'special', ctx);
    return stylize(`[${name || 'Object'}]`, 'special', ctx);
  }
  ctx.seen.push(v);
  let output = [];
  const prevIndent = ctx.indentation;
  try {
    if (isArrayLike) {
      const max = Math.min(v.length, 100);
      let holes = 0;
      for (let i = 0; i < max; i++) {
        if (!hasOwn(v, i) && Array.isArray(v)) { holes++; continue; }
        if (holes) { output.push(stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined', ctx)); holes = 0; }
        ctx.indentation = prevIndent + 2;
        output.push(formatValue(v[i], ctx, depth + 1));
      }
      if (holes) output.push(stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined', ctx));
      if (v.length > max) output.push(`... ${v.length - max} more item${v.length - max > 1 ? 's' : ''}`);
    }
    if (entries) { ctx.indentation = prevIndent + 2; output = output.concat(entries()); }
    for (const k of [...keys, ...symbols]) {
      ctx.indentation = prevIndent + 2;
      const d = Object.getOwnPropertyDescriptor(v, k);
      let str;
      if (d && d.get) str = stylize(d.set ? '[Getter/Setter]' : '[Getter]', 'special', ctx);
      else if (d && d.set) str = stylize('[Setter]', 'special', ctx);
      else str = formatValue(v[k], ctx, depth + 1);
      output.push(`${formatKey(k, ctx)}: ${str}`);
    }
  } finally {
    ctx.seen.pop();
    ctx.indentation = prevIndent;
  }
  if (ctx.circular && ctx.circular.has(v)) {
    const ref = stylize(`<ref *${ctx.circular.get(v)}>`, 'special', ctx);
    base = base ? `${ref} ${base}` : ref;
    if (!base.startsWith('<ref')) base = `${ref} ${base}`;
  }
  if (isArrayLike) output = groupArray(output, ctx);
  if (base && output.length === 0) return base;
  if (base && braces[0] === '{' && !isArrayLike) { /* functions, regexps... with props */ }
  let res = groupLines(output, ctx, base && braces[0] === '{' ? base : '', base && braces[0] !== '{' ? [`${base} ${braces[0]}`, braces[1]] : braces, ctx.indentation);
  return res;
}
function inspect(value, opts) {
  const ctx = { ...inspectDefaults, seen: [], indentation: 0 };
  if (typeof opts === 'object' && opts !== null) Object.assign(ctx, opts);
  if (ctx.depth === null) ctx.depth = Infinity;
  return formatValue(value, ctx, 0);
}
inspect.custom = customInspect;
inspect.defaultOptions = inspectDefaults;

function formatWithOptions(opts, ...args) {
  const first = args[0];
  let out = '';
  let a = 0;
  if (typeof first === 'string') {
    a = 1;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const c = first[i + 1];
      if (c === '%') { out += first.slice(last, i) + '%'; last = i + 2; i++; continue; }
      if (a >= args.length) continue;
      let rep;
      const arg = args[a];
      switch (c) {
        case 's':
          rep = typeof arg === 'string' ? arg : typeof arg === 'bigint' ? `${arg}n`
            : (typeof arg === 'object' && arg !== null) ? inspect(arg, { ...opts, depth: 0, colors: false, compact: 3 })
            : typeof arg === 'symbol' ? arg.toString() : Object.is(arg, -0) ? '-0' : String(arg);
          break;
        case 'd': case 'i':
          rep = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN'
            : String(c === 'i' ? Math.trunc(Number(arg)) : Number(arg));
          if (c === 'i' && typeof arg !== 'bigint') rep = String(parseInt(arg));
          break;
        case 'f': rep = typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg)); break;
        case 'j': try { rep = JSON.stringify(arg); } catch { rep = '[Circular]'; } break;
        case 'o': rep = inspect(arg, { ...opts, showHidden: true, showProxy: true, depth: 4 }); break;
        case 'O': rep = inspect(arg, opts); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      out += first.slice(last, i) + rep;
      last = i + 2;
      i++;
      a++;
    }
    out += first.slice(last);
  }
  for (; a < args.length; a++) {
    const v = args[a];
    if (out.length > 0 || a > 0) out += ' ';
    out += typeof v === 'string' ? v : inspect(v, opts);
  }
  return out;
}
const format = (...args) => formatWithOptions({}, ...args);

// ---------------------------------------------------------------------------------------------
// Event loop: nextTick queue, rejections, timers, immediates. Swift calls core.* for each
// macrotask; every entry point ends in processTicksAndRejections(), as Node's does.
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
    while (tickQueue.length > 0) {
      const t = tickQueue.shift();
      try { t.fn(...t.args); } catch (e) { fatal(e); }
      ops.op_run_microtasks();
    }
    ops.op_run_microtasks();
  } while (tickQueue.length > 0 || processRejections());
}
core.afterMacrotask = processTicksAndRejections;

function errorText(e, unhandledRejection) {
  if (e instanceof Error || (e && typeof e === 'object' && typeof e.stack === 'string')) {
    let text = typeof e.stack === 'string' ? e.stack : String(e);
    const keys = Object.keys(e);
    if (keys.length > 0) text = inspect(e);
    return text;
  }
  if (unhandledRejection) {
    return `Error [ERR_UNHANDLED_REJECTION]: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(e)}".`;
  }
  return `Uncaught ${inspect(e)}`;
}
core.errorText = errorText;
// An uncaught error: 'uncaughtException' listeners get it, otherwise print and exit(1).
function fatal(e, unhandledRejection = false) {
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
    else p.reject(Array.isArray(value) ? opError(value) : value);
  }
  processTicksAndRejections();
};

function typeError(code, message) {
  const e = new TypeError(message);
  e.code = code;
  return e;
}
function describe(v) {
  if (v == null) return ` ${v}`;
  if (typeof v === 'function') return ` function ${v.name}`;
  if (typeof v === 'object') return v.constructor && v.constructor.name ? ` an instance of ${v.constructor.name}` : ` ${inspect(v, { depth: -1 })}`;
  let s = inspect(v).slice(0, 28);
  return ` type ${typeof v} (${s})`;
}

// ---------------------------------------------------------------------------------------------
// EventEmitter (Node semantics for on/once/off/emit/prepend/listeners, 'error' without listener throws)
class EventEmitter {
  constructor() { this._events = Object.create(null); this._maxListeners = undefined; }
  _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
  on(name, fn) { return this.addListener(name, fn); }
  addListener(name, fn) {
    if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "listener" argument must be of type function. Received${describe(fn)}`);
    if (this._events && this._events.newListener) this.emit('newListener', name, fn.listener || fn);
    this._list(name).push(fn); return this;
  }
  prependListener(name, fn) { this._list(name).unshift(fn); return this; }
  once(name, fn) {
    const w = (...a) => { this.removeListener(name, w); return fn.apply(this, a); };
    w.listener = fn; return this.on(name, w);
  }
  prependOnceListener(name, fn) {
    const w = (...a) => { this.removeListener(name, w); return fn.apply(this, a); };
    w.listener = fn; return this.prependListener(name, w);
  }
  off(name, fn) { return this.removeListener(name, fn); }
  removeListener(name, fn) {
    const l = this._events && this._events[name];
    if (!l) return this;
    for (let i = l.length - 1; i >= 0; i--) {
      if (l[i] === fn || l[i].listener === fn) {
        l.splice(i, 1);
        if (l.length === 0) delete this._events[name];
        if (this._events.removeListener) this.emit('removeListener', name, fn);
        break;
      }
    }
    return this;
  }
  removeAllListeners(name) {
    if (!this._events) return this;
    if (name === undefined) this._events = Object.create(null); else delete this._events[name];
    return this;
  }
  emit(name, ...args) {
    const l = this._events && this._events[name];
    if (!l || l.length === 0) {
      if (name === 'error') {
        const er = args[0];
        if (er instanceof Error) throw er;
        const e = new Error(`Unhandled error. (${inspect(er)})`);
        e.code = 'ERR_UNHANDLED_ERROR'; e.context = er; throw e;
      }
      return false;
    }
    for (const fn of [...l]) fn.apply(this, args);
    return true;
  }
  listenerCount(name) { const l = this._events && this._events[name]; return l ? l.length : 0; }
  listeners(name) { const l = this._events && this._events[name]; return l ? l.map((f) => f.listener || f) : []; }
  rawListeners(name) { const l = this._events && this._events[name]; return l ? [...l] : []; }
  eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
  setMaxListeners(n) { this._maxListeners = n; return this; }
  getMaxListeners() { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; }
}
EventEmitter.defaultMaxListeners = 10;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.once = (emitter, name) => new Promise((resolve, reject) => {
  const onError = (e) => { emitter.removeListener(name, onResult); reject(e); };
  const onResult = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
  emitter.once(name, onResult);
  if (name !== 'error') emitter.once('error', onError);
});

// ---------------------------------------------------------------------------------------------
// process
const process = new EventEmitter();
process.title = 'fe';
process.version = 'v20.0.0'; // the Node API level fe follows; process.versions.fe has fe's own
process.versions = { node: '20.0.0', v8: ops.op_v8_version(), fe: '0.0.0' };
process.platform = 'linux';
process.arch = 'x64';
process.release = { name: 'fe' };
process.argv = [];
process.execArgv = [];
process.execPath = '';
process.env = {};
process.exitCode = undefined;
process.config = { variables: {} };
process.features = {};
process.pid = 0;
process.ppid = 0;
process.cwd = () => check(ops.op_cwd());
process.chdir = (dir) => { check(ops.op_chdir(String(dir))); };
process.umask = () => 0o22;
process.uptime = () => (ops.op_hrtime() - startTime) / 1e9;
process.hrtime = (prev) => {
  const t = ops.op_hrtime();
  let s = Math.floor(t / 1e9), ns = t % 1e9;
  if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s--; ns += 1e9; } }
  return [s, ns];
};
process.hrtime.bigint = () => BigInt(Math.round(ops.op_hrtime()));
process.memoryUsage = () => { const [rss, heapTotal, heapUsed, external] = ops.op_memory_usage(); return { rss, heapTotal, heapUsed, external, arrayBuffers: 0 }; };
process.memoryUsage.rss = () => ops.op_memory_usage()[0];
process.nextTick = nextTick;
process.emitWarning = (w, type) => { ops.op_write(2, `(fe:${process.pid}) ${typeof w === 'string' ? `${type || 'Warning'}: ${w}` : `${w.name}: ${w.message}`}\n`); };
process.abort = () => exitNow(134);
process.kill = (pid, sig) => { check(ops.op_kill(pid, sig === undefined ? 'SIGTERM' : sig)); return true; };
let exiting = false;
function exitNow(code) {
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    try { process.emit('exit', code); } catch (e) { ops.op_write(2, errorText(e) + '\n'); code = 7; }
  }
  ops.op_exit(code);
}
process.exit = (code) => {
  if (code !== undefined) process.exitCode = code;
  const c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  exitNow(c);
};
core.exitCode = () => (process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
core.beforeExit = () => {
  // 'beforeExit' may schedule more work; Swift runs the loop again if it does.
  process.emit('beforeExit', core.exitCode());
};
core.emitExit = (code) => {
  if (exiting) return code;
  exiting = true;
  process._exiting = true;
  process.emit('exit', code);
  return core.exitCode() || code;
};
function makeStream(fd) {
  const s = new EventEmitter();
  s.fd = fd;
  s.writable = true;
  s.write = (chunk, encoding, cb) => {
    if (typeof encoding === 'function') cb = encoding;
    ops.op_write(fd, typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? chunk : String(chunk));
    if (typeof cb === 'function') nextTick(cb);
    return true;
  };
  s.end = (chunk, encoding, cb) => { if (chunk != null && typeof chunk !== 'function') s.write(chunk, encoding); if (typeof chunk === 'function') nextTick(chunk); else if (typeof cb === 'function') nextTick(cb); return s; };
  s.cork = () => {};
  s.uncork = () => {};
  s.getColorDepth = () => (s.isTTY && !process.env.NO_COLOR ? 8 : 1);
  s.hasColors = () => s.getColorDepth() > 2;
  return s;
}
process.stdout = makeStream(1);
process.stderr = makeStream(2);
process.stdin = new EventEmitter();
process.stdin.fd = 0;
let startTime = 0;

// ---------------------------------------------------------------------------------------------
// console and print
const timersTable = new Map();
const counts = new Map();
let groupIndent = '';
function consoleWrite(fd, args) {
  const colors = fd === 1 ? process.stdout.isTTY && !process.env.NO_COLOR : process.stderr.isTTY && !process.env.NO_COLOR;
  let text = formatWithOptions({ colors: !!colors }, ...args);
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  ops.op_write(fd, text + '\n');
}
const console = {
  log: (...a) => consoleWrite(1, a),
  info: (...a) => consoleWrite(1, a),
  debug: (...a) => consoleWrite(1, a),
  warn: (...a) => consoleWrite(2, a),
  error: (...a) => consoleWrite(2, a),
  trace: (...a) => { const e = new Error(format(...a)); e.name = 'Trace'; consoleWrite(2, [e.stack]); },
  dir: (v, opts) => ops.op_write(1, groupIndent + inspect(v, { ...opts }) + '\n'),
  dirxml: (...a) => consoleWrite(1, a),
  assert: (cond, ...a) => { if (!cond) { a[0] = `Assertion failed${a.length === 0 ? '' : `: ${a[0]}`}`; if (a.length === 0) a.push('Assertion failed'); consoleWrite(2, a.length > 1 || typeof a[0] === 'string' ? a : ['Assertion failed']); } },
  time: (label = 'default') => { timersTable.set(String(label), ops.op_hrtime()); },
  timeEnd: (label = 'default') => { const t = timersTable.get(String(label)); if (t === undefined) return; timersTable.delete(String(label)); consoleWrite(1, [`${label}: ${formatDuration(ops.op_hrtime() - t)}`]); },
  timeLog: (label = 'default', ...data) => { const t = timersTable.get(String(label)); if (t === undefined) return; consoleWrite(1, [`${label}: ${formatDuration(ops.op_hrtime() - t)}`, ...data]); },
  count: (label = 'default') => { const n = (counts.get(String(label)) || 0) + 1; counts.set(String(label), n); consoleWrite(1, [`${label}: ${n}`]); },
  countReset: (label = 'default') => { counts.delete(String(label)); },
  group: (...a) => { if (a.length) consoleWrite(1, a); groupIndent += '  '; },
  groupCollapsed: (...a) => { if (a.length) consoleWrite(1, a); groupIndent += '  '; },
  groupEnd: () => { groupIndent = groupIndent.slice(2); },
  table: (data) => { consoleWrite(1, [renderTable(data)]); },
};
function formatDuration(ns) {
  const ms = ns / 1e6;
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
function renderTable(data) {
  if (data === null || typeof data !== 'object') return format(data);
  const rows = Object.keys(data);
  const cols = [];
  let hasValues = false;
  for (const r of rows) {
    const v = data[r];
    if (v !== null && typeof v === 'object') { for (const k of Object.keys(v)) if (!cols.includes(k)) cols.push(k); } else hasValues = true;
  }
  const header = ['(index)', ...cols, ...(hasValues ? ['Values'] : [])];
  const body = rows.map((r) => {
    const v = data[r];
    const cells = [r];
    for (const c of cols) cells.push(v !== null && typeof v === 'object' && hasOwn(v, c) ? inspect(v[c], { depth: 0, compact: 3 }) : '');
    if (hasValues) cells.push(v !== null && typeof v === 'object' ? '' : inspect(v));
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)) + 2);
  const center = (s, w) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left); };
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  return [line('┌', '┬', '┐'), '│' + header.map((h, i) => center(h, widths[i])).join('│') + '│', line('├', '┼', '┤'),
    ...body.map((b) => '│' + b.map((c, i) => center(c, widths[i])).join('│') + '│'), line('└', '┴', '┘')].join('\n');
}
const print = (...args) => { ops.op_write(1, args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ') + '\n'); };

// ---------------------------------------------------------------------------------------------
// path (POSIX)
const path = (() => {
  function assertPath(p, name = 'path') {
    if (typeof p !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string. Received${describe(p)}`);
  }
  function normalizeString(p, allowAboveRoot) {
    let res = '', lastSegmentLength = 0, lastSlash = -1, dots = 0, code;
    for (let i = 0; i <= p.length; ++i) {
      if (i < p.length) code = p.charCodeAt(i); else if (code === 47) break; else code = 47;
      if (code === 47) {
        if (lastSlash === i - 1 || dots === 1) { /* noop */ } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const idx = res.lastIndexOf('/');
              if (idx === -1) { res = ''; lastSegmentLength = 0; } else { res = res.slice(0, idx); lastSegmentLength = res.length - 1 - res.lastIndexOf('/'); }
              lastSlash = i; dots = 0; continue;
            } else if (res.length !== 0) { res = ''; lastSegmentLength = 0; lastSlash = i; dots = 0; continue; }
          }
          if (allowAboveRoot) { res += res.length > 0 ? '/..' : '..'; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += '/' + p.slice(lastSlash + 1, i); else res = p.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i; dots = 0;
      } else if (code === 46 && dots !== -1) { ++dots; } else { dots = -1; }
    }
    return res;
  }
  const posix = {
    sep: '/', delimiter: ':',
    resolve(...args) {
      let resolved = '', abs = false;
      for (let i = args.length - 1; i >= -1 && !abs; i--) {
        const p = i >= 0 ? args[i] : process.cwd();
        assertPath(p, `paths[${i}]`);
        if (p.length === 0) continue;
        resolved = `${p}/${resolved}`;
        abs = p.charCodeAt(0) === 47;
      }
      resolved = normalizeString(resolved, !abs);
      if (abs) return `/${resolved}`;
      return resolved.length > 0 ? resolved : '.';
    },
    normalize(p) {
      assertPath(p);
      if (p.length === 0) return '.';
      const abs = p.charCodeAt(0) === 47, trailing = p.charCodeAt(p.length - 1) === 47;
      let r = normalizeString(p, !abs);
      if (r.length === 0) { if (abs) return '/'; return trailing ? './' : '.'; }
      if (trailing) r += '/';
      return abs ? `/${r}` : r;
    },
    isAbsolute(p) { assertPath(p); return p.length > 0 && p.charCodeAt(0) === 47; },
    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      for (const a of args) { assertPath(a); if (a.length > 0) joined = joined === undefined ? a : `${joined}/${a}`; }
      return joined === undefined ? '.' : posix.normalize(joined);
    },
    relative(from, to) {
      assertPath(from, 'from'); assertPath(to, 'to');
      if (from === to) return '';
      from = posix.resolve(from); to = posix.resolve(to);
      if (from === to) return '';
      const fromStart = 1, fromEnd = from.length, fromLen = fromEnd - fromStart, toStart = 1, toLen = to.length - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1, i = 0;
      for (; i < length; i++) {
        const fc = from.charCodeAt(fromStart + i);
        if (fc !== to.charCodeAt(toStart + i)) break; else if (fc === 47) lastCommonSep = i;
      }
      if (i === length) {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === 47) return to.slice(toStart + i + 1);
          if (i === 0) return to.slice(toStart + i);
        } else if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === 47) lastCommonSep = i; else if (i === 0) lastCommonSep = 0;
        }
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === 47) out += out.length === 0 ? '..' : '/..';
      }
      return `${out}${to.slice(toStart + lastCommonSep)}`;
    },
    toNamespacedPath(p) { return p; },
    dirname(p) {
      assertPath(p);
      if (p.length === 0) return '.';
      const hasRoot = p.charCodeAt(0) === 47;
      let end = -1, matchedSlash = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { end = i; break; } } else matchedSlash = false;
      }
      if (end === -1) return hasRoot ? '/' : '.';
      if (hasRoot && end === 1) return '//';
      return p.slice(0, end);
    },
    basename(p, suffix) {
      if (suffix !== undefined) assertPath(suffix, 'ext');
      assertPath(p);
      let start = 0, end = -1, matchedSlash = true;
      if (suffix !== undefined && suffix.length > 0 && suffix.length <= p.length) {
        if (suffix === p) return '';
        let extIdx = suffix.length - 1, firstNonSlashEnd = -1;
        for (let i = p.length - 1; i >= 0; --i) {
          const code = p.charCodeAt(i);
          if (code === 47) { if (!matchedSlash) { start = i + 1; break; } } else {
            if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
            if (extIdx >= 0) {
              if (code === suffix.charCodeAt(extIdx)) { if (--extIdx === -1) end = i; } else { extIdx = -1; end = firstNonSlashEnd; }
            }
          }
        }
        if (start === end) end = firstNonSlashEnd; else if (end === -1) end = p.length;
        return p.slice(start, end);
      }
      for (let i = p.length - 1; i >= 0; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { start = i + 1; break; } } else if (end === -1) { matchedSlash = false; end = i + 1; }
      }
      if (end === -1) return '';
      return p.slice(start, end);
    },
    extname(p) {
      assertPath(p);
      let startDot = -1, startPart = 0, end = -1, matchedSlash = true, preDotState = 0;
      for (let i = p.length - 1; i >= 0; --i) {
        const code = p.charCodeAt(i);
        if (code === 47) { if (!matchedSlash) { startPart = i + 1; break; } continue; }
        if (end === -1) { matchedSlash = false; end = i + 1; }
        if (code === 46) { if (startDot === -1) startDot = i; else if (preDotState !== 1) preDotState = 1; } else if (startDot !== -1) preDotState = -1;
      }
      if (startDot === -1 || end === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) return '';
      return p.slice(startDot, end);
    },
    format(o) {
      if (o === null || typeof o !== 'object') throw typeError('ERR_INVALID_ARG_TYPE', `The "pathObject" argument must be of type object. Received${describe(o)}`);
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ''}${o.ext ? (o.ext[0] === '.' ? '' : '.') + o.ext : ''}`;
      if (!dir) return base;
      return dir === o.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    parse(p) {
      assertPath(p);
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      if (p.length === 0) return ret;
      const isAbs = p.charCodeAt(0) === 47;
      let start;
      if (isAbs) { ret.root = '/'; start = 1; } else start = 0;
      let startDot = -1, startPart = 0, end = -1, matchedSlash = true, i = p.length - 1, preDotState = 0;
      for (; i >= start; --i) {
        const code = p.charCodeAt(i);
        if (code === 47) { if (!matchedSlash) { startPart = i + 1; break; } continue; }
        if (end === -1) { matchedSlash = false; end = i + 1; }
        if (code === 46) { if (startDot === -1) startDot = i; else if (preDotState !== 1) preDotState = 1; } else if (startDot !== -1) preDotState = -1;
      }
      if (end !== -1) {
        const s = startPart === 0 && isAbs ? 1 : startPart;
        if (startDot === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
          ret.base = ret.name = p.slice(s, end);
        } else {
          ret.name = p.slice(s, startDot); ret.base = p.slice(s, end); ret.ext = p.slice(startDot, end);
        }
      }
      if (startPart > 0) ret.dir = p.slice(0, startPart - 1); else if (isAbs) ret.dir = '/';
      return ret;
    },
    matchesGlob: undefined,
  };
  delete posix.matchesGlob;
  posix.posix = posix;
  posix.win32 = posix; // fe runs on POSIX only; win32 callers get POSIX semantics
  return posix;
})();

// ---------------------------------------------------------------------------------------------
// fs (the synchronous core; promise and callback forms wrap it)
const textDecoder = { decode: (bytes) => ops.op_utf8_decode(bytes) };
function toPath(p, name = 'path') {
  if (typeof p === 'string') return p;
  if (p instanceof URL) return fileURLToPath(p);
  if (p instanceof Uint8Array) return ops.op_utf8_decode(p);
  throw typeError('ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string or an instance of Buffer or URL. Received${describe(p)}`);
}
function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object') return options.encoding || null;
  return null;
}
class Stats {
  constructor(a) {
    [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev, this.blksize, this.ino, this.size, this.blocks,
      this.atimeMs, this.mtimeMs, this.ctimeMs, this.birthtimeMs] = a;
    this.atime = new Date(this.atimeMs); this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs); this.birthtime = new Date(this.birthtimeMs);
  }
  isFile() { return (this.mode & 0o170000) === 0o100000; }
  isDirectory() { return (this.mode & 0o170000) === 0o040000; }
  isSymbolicLink() { return (this.mode & 0o170000) === 0o120000; }
  isFIFO() { return (this.mode & 0o170000) === 0o010000; }
  isSocket() { return (this.mode & 0o170000) === 0o140000; }
  isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
}
class Dirent {
  constructor(name, type, parentPath) { this.name = name; this._type = type; this.parentPath = parentPath; this.path = parentPath; }
  isFile() { return this._type === 1; }
  isDirectory() { return this._type === 2; }
  isSymbolicLink() { return this._type === 3; }
  isFIFO() { return this._type === 4; }
  isSocket() { return this._type === 5; }
  isCharacterDevice() { return this._type === 6; }
  isBlockDevice() { return this._type === 7; }
}
function decode(bytes, encoding) {
  if (!encoding || encoding === 'buffer') return typeof Buffer === 'function' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
  if (typeof Buffer === 'function') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(encoding);
  return ops.op_utf8_decode(bytes);
}
const fsSync = {
  readFileSync(p, options) {
    const enc = encodingOf(options);
    if (p === 0 || p === '/dev/stdin') return decode(check(ops.op_fs_read_fd(0)), enc);
    return decode(check(ops.op_fs_read(toPath(p))), enc);
  },
  writeFileSync(p, data, options) {
    const flag = (options && typeof options === 'object' && options.flag) || 'w';
    check(ops.op_fs_write(toPath(p), typeof data === 'string' || data instanceof Uint8Array ? data : String(data), flag, (options && options.mode) || 0o666));
  },
  appendFileSync(p, data, options) {
    check(ops.op_fs_write(toPath(p), typeof data === 'string' || data instanceof Uint8Array ? data : String(data), 'a', (options && options.mode) || 0o666));
  },
  existsSync(p) { try { return ops.op_fs_stat(toPath(p), true) !== null && !ops.op_fs_stat(toPath(p), true).__feError; } catch { return false; } },
  statSync(p, options) {
    const r = ops.op_fs_stat(toPath(p), true);
    if (r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
    return new Stats(check(r));
  },
  lstatSync(p, options) {
    const r = ops.op_fs_stat(toPath(p), false);
    if (r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
    return new Stats(check(r));
  },
  readdirSync(p, options) {
    const dir = toPath(p);
    const entries = check(ops.op_fs_readdir(dir));
    const withTypes = options && typeof options === 'object' && options.withFileTypes;
    if (options && typeof options === 'object' && options.recursive) {
      const out = [];
      const walk = (rel) => {
        const full = rel ? path.join(dir, rel) : dir;
        for (const [name, type] of check(ops.op_fs_readdir(full))) {
          const r = rel ? path.join(rel, name) : name;
          out.push(withTypes ? new Dirent(name, type, full) : r);
          if (type === 2) walk(r);
        }
      };
      walk('');
      return out;
    }
    return entries.map(([name, type]) => (withTypes ? new Dirent(name, type, dir) : name));
  },
  mkdirSync(p, options) {
    const recursive = typeof options === 'object' && options !== null && !!options.recursive;
    const mode = (typeof options === 'object' && options && options.mode) || (typeof options === 'number' ? options : 0o777);
    return check(ops.op_fs_mkdir(toPath(p), recursive, mode)) || undefined;
  },
  rmSync(p, options) { check(ops.op_fs_rm(toPath(p), !!(options && options.recursive), !!(options && options.force), false)); },
  rmdirSync(p, options) { check(ops.op_fs_rm(toPath(p), !!(options && options.recursive), false, true)); },
  unlinkSync(p) { check(ops.op_fs_unlink(toPath(p))); },
  renameSync(a, b) { check(ops.op_fs_rename(toPath(a, 'oldPath'), toPath(b, 'newPath'))); },
  copyFileSync(a, b, mode) { check(ops.op_fs_copy(toPath(a, 'src'), toPath(b, 'dest'), mode | 0)); },
  realpathSync(p) { return check(ops.op_fs_realpath(toPath(p))); },
  accessSync(p, mode) { check(ops.op_fs_access(toPath(p), mode === undefined ? 0 : mode)); },
};
fsSync.realpathSync.native = fsSync.realpathSync;

// ---------------------------------------------------------------------------------------------
// url (WHATWG URL for file: and http(s): URLs; fe provides it since V8 has none)
function fileURLToPath(u) {
  const url = typeof u === 'string' ? new URL(u) : u;
  if (!(url instanceof URL)) throw typeError('ERR_INVALID_ARG_TYPE', `The "path" argument must be of type string or an instance of URL. Received${describe(u)}`);
  if (url.protocol !== 'file:') throw typeError('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (url.hostname !== '') throw typeError('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  const p = url.pathname;
  if (/%2f/i.test(p)) throw typeError('ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(p);
}
function pathToFileURL(p) {
  let resolved = path.resolve(p);
  if (p.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const enc = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09').replace(/#/g, '%23').replace(/\?/g, '%3F');
  return new URL(`file://${encodeURI(enc).replace(/%25/g, '%25')}`);
}
const SPECIAL = { 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
class URLSearchParams {
  constructor(init) {
    this._list = [];
    this._url = null;
    if (init == null) return;
    if (typeof init === 'string') this._parse(init);
    else if (typeof init === 'object') {
      if (typeof init[Symbol.iterator] === 'function') for (const [k, v] of init) this._list.push([String(k), String(v)]);
      else for (const k of Object.keys(init)) this._list.push([k, String(init[k])]);
    }
  }
  _parse(s) {
    this._list = [];
    if (s.startsWith('?')) s = s.slice(1);
    for (const part of s.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const k = eq === -1 ? part : part.slice(0, eq), v = eq === -1 ? '' : part.slice(eq + 1);
      const dec = (x) => { try { return decodeURIComponent(x.replace(/\+/g, ' ')); } catch { return x; } };
      this._list.push([dec(k), dec(v)]);
    }
  }
  _update() { if (this._url) { const s = this.toString(); this._url._search = s ? `?${s}` : ''; } }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k) { this._list = this._list.filter(([x]) => x !== String(k)); this._update(); }
  get(k) { const e = this._list.find(([x]) => x === String(k)); return e ? e[1] : null; }
  getAll(k) { return this._list.filter(([x]) => x === String(k)).map(([, v]) => v); }
  has(k) { return this._list.some(([x]) => x === String(k)); }
  set(k, v) {
    k = String(k); v = String(v);
    const i = this._list.findIndex(([x]) => x === k);
    if (i === -1) this._list.push([k, v]); else { this._list[i][1] = v; this._list = this._list.filter(([x], j) => x !== k || j === i); }
    this._update();
  }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get size() { return this._list.length; }
  toString() {
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    return this._list.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  }
  [customInspect]() { return `URLSearchParams {${this._list.length ? ' ' + this._list.map(([k, v]) => `${quote(k)} => ${quote(v)}`).join(', ') + ' ' : ''}}`; }
}
class URL {
  constructor(input, base) {
    input = String(input).trim();
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(input);
    if (!m) {
      if (base === undefined) throw invalidURL(input);
      const b = base instanceof URL ? base : new URL(base);
      return this._resolve(input, b);
    }
    this._parseAbsolute(m[1].toLowerCase() + ':', m[2], input);
  }
  _parseAbsolute(protocol, rest, input) {
    this._protocol = protocol;
    this._username = ''; this._password = ''; this._hostname = ''; this._port = '';
    this._search = ''; this._hash = '';
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { this._hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); if (this._hash === '#') this._hash = ''; }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { this._search = rest.slice(qAt); rest = rest.slice(0, qAt); if (this._search === '?') this._search = ''; }
    const special = protocol in SPECIAL;
    if (special) rest = rest.replace(/\\/g, '/');
    if (rest.startsWith('//') || (special && protocol !== 'file:')) {
      rest = rest.replace(/^\/*/, '');
      const slash = rest.indexOf('/');
      let authority = slash === -1 ? rest : rest.slice(0, slash);
      rest = slash === -1 ? '' : rest.slice(slash);
      const at = authority.lastIndexOf('@');
      if (at !== -1) {
        const cred = authority.slice(0, at); authority = authority.slice(at + 1);
        const colon = cred.indexOf(':');
        this._username = colon === -1 ? cred : cred.slice(0, colon);
        this._password = colon === -1 ? '' : cred.slice(colon + 1);
      }
      const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
      if (!pm) throw invalidURL(input);
      this._hostname = pm[1].toLowerCase();
      if (special && protocol !== 'file:' && this._hostname === '') throw invalidURL(input);
      if (/[\s<>^|%]/.test(this._hostname) && !this._hostname.startsWith('[')) throw invalidURL(input);
      this._port = pm[2] || '';
      if (this._port !== '') {
        if (Number(this._port) > 65535) throw invalidURL(input);
        this._port = String(Number(this._port));
        if (SPECIAL[protocol] === Number(this._port)) this._port = '';
      }
      if (protocol === 'file:' && this._hostname === 'localhost') this._hostname = '';
      this._pathname = special ? normalizeURLPath(rest || '/') : rest;
      this._opaque = false;
    } else if (special) {
      this._pathname = normalizeURLPath(rest.startsWith('/') ? rest : '/' + rest);
      this._opaque = false;
    } else {
      this._pathname = rest;
      this._opaque = !rest.startsWith('/');
    }
    this._pathname = encodePathChars(this._pathname);
    this._search = encodeQuery(this._search);
  }
  _resolve(input, b) {
    this._protocol = b._protocol; this._username = b._username; this._password = b._password;
    this._hostname = b._hostname; this._port = b._port; this._opaque = false;
    let rest = input;
    if (b._protocol in SPECIAL) rest = rest.replace(/\\/g, '/');
    if (rest.startsWith('//')) { this._parseAbsolute(b._protocol, rest, input); return this; }
    this._hash = ''; this._search = '';
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { this._hash = rest.slice(hashAt); rest = rest.slice(0, hashAt); if (this._hash === '#') this._hash = ''; }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { this._search = rest.slice(qAt); rest = rest.slice(0, qAt); if (this._search === '?') this._search = ''; }
    if (rest === '') { this._pathname = b._pathname; if (qAt === -1) this._search = b._search; }
    else if (rest.startsWith('/')) this._pathname = normalizeURLPath(rest);
    else this._pathname = normalizeURLPath(b._pathname.slice(0, b._pathname.lastIndexOf('/') + 1) + rest);
    this._pathname = encodePathChars(this._pathname);
    this._search = encodeQuery(this._search);
    return this;
  }
  get protocol() { return this._protocol; }
  set protocol(v) { v = String(v).replace(/:.*$/, '').toLowerCase() + ':'; if (/^[a-z][a-z0-9+.-]*:$/.test(v)) this._protocol = v; }
  get username() { return this._username; }
  set username(v) { this._username = encodeURIComponent(String(v)); }
  get password() { return this._password; }
  set password(v) { this._password = encodeURIComponent(String(v)); }
  get hostname() { return this._hostname; }
  set hostname(v) { this._hostname = String(v).toLowerCase(); }
  get port() { return this._port; }
  set port(v) { v = String(v); this._port = v === '' || SPECIAL[this._protocol] === Number(v) ? '' : String(parseInt(v, 10)); }
  get host() { return this._port ? `${this._hostname}:${this._port}` : this._hostname; }
  set host(v) { const [h, p] = String(v).split(':'); this._hostname = h.toLowerCase(); if (p !== undefined) this.port = p; }
  get origin() { return this._protocol in SPECIAL && this._protocol !== 'file:' ? `${this._protocol}//${this.host}` : 'null'; }
  get pathname() { return this._pathname; }
  set pathname(v) { if (!this._opaque) this._pathname = encodePathChars(normalizeURLPath(String(v).startsWith('/') ? String(v) : '/' + v)); }
  get search() { return this._search; }
  set search(v) { v = String(v); this._search = v === '' || v === '?' ? '' : encodeQuery(v.startsWith('?') ? v : '?' + v); if (this._params) this._params._parse(this._search); }
  get searchParams() { if (!this._params) { this._params = new URLSearchParams(this._search); this._params._url = this; } return this._params; }
  get hash() { return this._hash; }
  set hash(v) { v = String(v); this._hash = v === '' || v === '#' ? '' : v.startsWith('#') ? v : '#' + v; }
  get href() {
    const auth = this._username || this._password ? `${this._username}${this._password ? ':' + this._password : ''}@` : '';
    const slashes = this._opaque ? '' : '//';
    const hostPart = this._opaque ? '' : `${auth}${this.host}`;
    if (!(this._protocol in SPECIAL) && !this._opaque && this._hostname === '' && !auth) {
      return `${this._protocol}${this._pathname.startsWith('//') ? '/.' : ''}${this._pathname}${this._search}${this._hash}`.replace(/^([a-z+.-]+:)(?!\/)/, '$1');
    }
    return `${this._protocol}${slashes}${hostPart}${this._pathname}${this._search}${this._hash}`;
  }
  set href(v) { const u = new URL(v); Object.assign(this, u); this._params = undefined; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(u, b) { try { new URL(u, b); return true; } catch { return false; } }
  [customInspect](depth, opts) {
    const o = { href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password,
      host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search,
      searchParams: this.searchParams, hash: this.hash };
    return `URL ${inspect(o, opts).replace(/^\{/, '{')}`;
  }
}
function invalidURL(input) { const e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; return e; }
function normalizeURLPath(p) {
  const segs = p.split('/');
  const out = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i], low = s.toLowerCase();
    const last = i === segs.length - 1;
    if (s === '..' || low === '.%2e' || low === '%2e.' || low === '%2e%2e') { if (out.length) out.pop(); if (last) out.push(''); }
    else if (s === '.' || low === '%2e') { if (last) out.push(''); }
    else out.push(s);
  }
  return '/' + out.join('/');
}
function encodePathChars(p) { return p.replace(/[\x00-\x20"#<>?`{}\x7f-\uffff]/g, (c) => (c === '#' || c === '?' ? c : encodeURIComponent(c))).replace(/%25(?![0-9a-fA-F]{2})/g, '%25'); }
function encodeQuery(q) { return q.replace(/[\x00-\x20"#<>'\x7f-\uffff]/g, (c) => (c === '#' ? c : c === "'" ? '%27' : encodeURIComponent(c))); }

// ---------------------------------------------------------------------------------------------
// Builtin modules, for require() and import of 'fs', 'node:fs', …
const util = {
  format, formatWithOptions, inspect,
  inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); define(ctor, 'super_', superCtor); },
  promisify(fn) {
    if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "original" argument must be of type function. Received${describe(fn)}`);
    if (fn[util.promisify.custom]) return fn[util.promisify.custom];
    return function (...args) { return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values.length > 1 ? values : values[0])))); };
  },
  deprecate(fn, msg, code) {
    let warned = false;
    return function (...args) { if (!warned) { warned = true; process.emitWarning(msg, 'DeprecationWarning'); } return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args); };
  },
  isDeepStrictEqual: (a, b) => deepEqual(a, b, true),
  types: {
    isPromise: (v) => v instanceof Promise, isDate: (v) => v instanceof Date, isRegExp: (v) => v instanceof RegExp,
    isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set, isNativeError: (v) => v instanceof Error,
    isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView), isUint8Array: (v) => v instanceof Uint8Array,
    isArrayBuffer: (v) => v instanceof ArrayBuffer, isAnyArrayBuffer: (v) => v instanceof ArrayBuffer,
    isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
    isGeneratorFunction: (v) => typeof v === 'function' && v.constructor && /GeneratorFunction$/.test(v.constructor.name),
    isWeakMap: (v) => v instanceof WeakMap, isWeakSet: (v) => v instanceof WeakSet, isDataView: (v) => v instanceof DataView,
    isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean,
  },
  isArray: Array.isArray,
  TextEncoder: undefined, TextDecoder: undefined,
};
util.promisify.custom = Symbol.for('nodejs.util.promisify.custom');
function deepEqual(a, b, strict, seen = new Map()) {
  if (strict ? Object.is(a, b) : a == b || (a !== a && b !== b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === b.lastIndex;
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (ArrayBuffer.isView(a)) { if (a.length !== b.length) return false; for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && (strict || a[i] != b[i])) return false; }
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) { if (!b.has(k) || !deepEqual(v, b.get(k), strict, seen)) return false; }
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    outer: for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v === 'object' && v !== null) { for (const w of b) if (deepEqual(v, w, strict, seen)) continue outer; }
      return false;
    }
  }
  if (a instanceof Number || a instanceof String || a instanceof Boolean) { if (!Object.is(a.valueOf(), b.valueOf())) return false; }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) { if (!hasOwn(b, k) || !deepEqual(a[k], b[k], strict, seen)) return false; }
  if (strict) {
    const sa = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
    const sb = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
    if (sa.length !== sb.length) return false;
    for (const s of sa) if (!deepEqual(a[s], b[s], strict, seen)) return false;
  }
  return true;
}

const os = {
  EOL: '\n', platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', endianness: () => 'LE',
  homedir: () => process.env.HOME || check(ops.op_os_info())[2],
  tmpdir: () => { let t = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp'; if (t.length > 1 && t.endsWith('/')) t = t.slice(0, -1); return t; },
  hostname: () => check(ops.op_os_info())[0],
  release: () => check(ops.op_os_info())[1],
  cpus: () => check(ops.op_os_cpus()).map(([model, speed]) => ({ model, speed, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
  availableParallelism: () => check(ops.op_os_cpus()).length,
  totalmem: () => ops.op_os_mem()[0], freemem: () => ops.op_os_mem()[1],
  uptime: () => ops.op_os_mem()[2],
  loadavg: () => [0, 0, 0],
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: 0, gid: 0, username: process.env.USER || '', homedir: os.homedir(), shell: process.env.SHELL || null }),
  constants: { signals: {}, errno: {} },
  devNull: '/dev/null',
};
os.constants.errno = Object.fromEntries(Object.entries(ERRNO));

core.builtins = builtins;
function registerBuiltin(name, exports) { builtins.set(name, exports); }
registerBuiltin('path', path);
registerBuiltin('path/posix', path);
registerBuiltin('events', EventEmitter);
registerBuiltin('util', util);
registerBuiltin('os', os);
registerBuiltin('process', process);
registerBuiltin('url', { URL, URLSearchParams, fileURLToPath, pathToFileURL });
registerBuiltin('timers', { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate });
registerBuiltin('console', console);
registerBuiltin('fs', fsSync);

function requireBuiltin(name) {
  const id = name.startsWith('node:') ? name.slice(5) : name;
  if (builtins.has(id)) return builtins.get(id);
  const e = new Error(`Cannot find module '${name}': fe does not provide the Node builtin '${id}'`);
  e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
  throw e;
}
core.requireBuiltin = requireBuiltin;
core.isBuiltin = (name) => builtins.has(name.startsWith('node:') ? name.slice(5) : name);

// ---------------------------------------------------------------------------------------------
// Globals
const globals = {
  console, print, process, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
  queueMicrotask: (fn) => { if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received${describe(fn)}`); Promise.resolve().then(() => { try { fn(); } catch (e) { fatal(e); } }); },
  URL, URLSearchParams, global: globalThis,
};
for (const [k, v] of Object.entries(globals)) define(globalThis, k, v);

// `fe`: the tool contract. A fe-native tool calls fe.main() once when its blob is built.
const fe = {
  main(fn) {
    if (typeof fn !== 'function') throw new TypeError('fe.main() takes a function: fe.main(async (args, ctx) => exitCode)');
    core.main = fn;
  },
};
define(globalThis, 'fe', fe);

// ---------------------------------------------------------------------------------------------
// Launch: Swift passes what the build machine must not leak: argv, env, cwd, tty facts.
core.setup = (info) => {
  process.argv = info.argv;
  process.execPath = info.execPath;
  process.env = info.env;
  process.pid = info.pid;
  process.ppid = info.ppid;
  process.stdout.isTTY = info.stdoutTTY || undefined;
  process.stderr.isTTY = info.stderrTTY || undefined;
  process.stdin.isTTY = info.stdinTTY || undefined;
  if (info.columns) { process.stdout.columns = info.columns; process.stderr.columns = info.columns; }
  startTime = ops.op_hrtime();
};
// Runs a fe-native tool's main(args, ctx); resolves to its exit code.
core.runMain = async (args, ctx) => {
  if (typeof core.main !== 'function') throw new Error('this tool did not register an entry point: call fe.main(async (args, ctx) => code) in its bundle');
  const code = await core.main(args, ctx);
  if (typeof code === 'number') return code | 0;
  return core.exitCode();
};
// Evaluates the default export (or module.exports) of fe.config.js: an object, or a (possibly
// async) function of { env, cwd }.
core.resolveConfig = async (exported, env, cwd) => {
  let value = exported;
  if (typeof value === 'function') value = await value({ env, cwd });
  else value = await value;
  return value;
};
core.commonjs = (fn, filename, dirname) => {
  const module = { exports: {}, filename, id: '.', loaded: false, children: [], paths: [] };
  const require = (id) => requireBuiltin(id);
  require.resolve = (id) => id;
  fn.call(module.exports, module.exports, require, module, filename, dirname);
  module.loaded = true;
  return module.exports;
};

// Helpers for the module loader (Swift drives the graph; these shape values for it).
core.runExportedMain = async (main, args) => {
  const code = await main(args);
  return typeof code === 'number' ? code | 0 : core.exitCode();
};
core.exitCodePromise = () => Promise.resolve().then(() => core.exitCode());
core.builtinExports = (name) => {
  const m = requireBuiltin(name);
  const values = { default: m };
  if (m !== null && (typeof m === 'object' || typeof m === 'function')) {
    for (const k of Object.keys(m)) if (k !== 'default') values[k] = m[k];
  }
  return values;
};
core.namespaceAfter = (evaluation, namespace) => Promise.resolve(evaluation).then(() => namespace);
core.importMetaResolve = (parentURL) => (specifier) => ops.op_module_resolve(String(specifier), parentURL);
core.moduleNotFound = (message, code) => { const e = new Error(message); e.code = code; return e; };

return core;
