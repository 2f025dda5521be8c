// process
// As Node's: an EventEmitter through a prototype of its own, whose constructor is named process.
// Uses from earlier files: 00-core.js (core, builtins, traceOn, uvErrorOf, ERRNO, check); 01-inspect.js (format); 02-errors.js (nodeError, invalidArgType, outOfRange, invalidArgValue); 03-loop.js (asyncIdSymbol, nextTick, errorText, fatal, uncaughtCapture, kRefed, timers, firingTimer, Timeout, immediates, Immediate); 04-events.js (EventEmitter).
const process = (() => {
  const ProcessConstructor = { process: function () {} }.process; // eslint-disable-line object-shorthand
  Object.setPrototypeOf(ProcessConstructor.prototype, EventEmitter.prototype);
  const object = Object.create(ProcessConstructor.prototype);
  EventEmitter.call(object);
  return object;
})();
// As Node's: Object.prototype.toString.call(process) is '[object process]'.
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', writable: true, enumerable: false, configurable: false });
// process.title as Node's: setting it changes what `ps` shows (ProcessTitle in ProcessInfoOps.swift),
// on the main thread only, whose process it is.
{
  let title = 'fe';
  Object.defineProperty(process, 'title', {
    enumerable: true, configurable: true,
    get: () => title,
    set(value) {
      title = `${value}`;
      if (!core.isWorker) ops.op_process_title_set(title);
    },
  });
}
// The Node release fe follows (its test suite is the measure); process.versions.fe has fe's own.
// Only components fe really has are listed: V8 is Debian's libnode's.
process.version = 'v18.20.4';
process.versions = { node: '18.20.4', v8: ops.op_v8_version(), modules: '108', napi: '9', fe: '0.0.0' };
process.platform = 'linux';
process.arch = 'x64';
process.release = {
  name: 'node', lts: 'Hydrogen',
  sourceUrl: 'https://nodejs.org/download/release/v18.20.4/node-v18.20.4.tar.gz',
  headersUrl: 'https://nodejs.org/download/release/v18.20.4/node-v18.20.4-headers.tar.gz',
};
process.argv = [];
process.execArgv = [];
process.execPath = '';
process.env = {};
// process.env as Node's (node_env_var.cc): every value a string (others are converted, with
// DEP0104 under --pending-deprecation when not a string, number or boolean), symbols never keys,
// and only writable, enumerable, configurable data properties may be defined.
function envObject(source) {
  const vars = {};
  for (const k of Object.keys(source)) vars[k] = `${source[k]}`;
  const defineError = (what) => nodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', `'process.env' ${what}`);
  const dataOnly = 'only accepts a configurable, writable, and enumerable data descriptor';
  let warned = false;
  const store = (k, value) => {
    if (typeof k === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    const text = `${value}`;
    if (!warned && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' &&
      core.nodeFlags && core.nodeFlags.pendingDeprecation) {
      warned = true;
      process.emitWarning('Assigning any value other than a string, number, or boolean to a process.env property is ' +
        'deprecated. Please make sure to convert the value to a string before setting process.env with it.', 'DeprecationWarning', 'DEP0104');
    }
    vars[k] = text;
    if (k === 'TZ' && !core.isWorker) ops.op_timezone_set(text); // the process's own environment (Node's RealEnvStore)
    return true;
  };
  return new Proxy(vars, {
    get: (t, k, r) => (typeof k === 'symbol' ? undefined : Reflect.get(t, k, r)),
    set: (t, k, v) => store(k, v),
    has: (t, k) => typeof k !== 'symbol' && k in t,
    deleteProperty: (t, k) => {
      if (typeof k !== 'symbol') delete t[k];
      if (k === 'TZ' && !core.isWorker) ops.op_timezone_set(undefined);
      return true;
    },
    defineProperty(t, k, d) {
      if ('value' in d) {
        if (!('writable' in d) || !('enumerable' in d) || !('configurable' in d) || !d.writable || !d.enumerable || !d.configurable) {
          throw defineError(dataOnly);
        }
        return store(k, d.value);
      }
      if ('get' in d || 'set' in d) throw defineError('does not accept an accessor(getter/setter) descriptor');
      throw defineError(dataOnly);
    },
  });
}
process.exitCode = undefined;
// Node 18.20.4's build configuration as Debian's libnode reports it (its embedded config.gypi),
// which fe's V8, ICU, OpenSSL and zlib come from. fe's own values: no single
// executable applications, none of Debian's build defines and libraries, and an executable
// (not a shared library): fe owns its process as Node's executable does (SIGPIPE and SIGXFSZ
// ignored, FeMain.swift).
process.config = {
  target_defaults: {
    "cflags": [],
    "default_configuration": "Release",
    "defines": [],
    "include_dirs": [],
    "libraries": [],
  },
  variables: {
    "arch_triplet": "x86_64-linux-gnu", "asan": 0, "coverage": false, "dcheck_always_on": 0,
    "debug_nghttp2": false, "debug_node": false, "enable_lto": false, "enable_pgo_generate": false,
    "enable_pgo_use": false, "error_on_warn": false, "force_dynamic_crt": 1, "host_arch": "x64",
    "icu_gyp_path": "tools/icu/icu-system.gyp", "icu_small": false, "icu_ver_major": "72", "is_debug": 0,
    "libdir": "lib", "llvm_version": "0.0", "napi_build_version": "9", "node_builtin_shareable_builtins": [],
    "node_byteorder": "little", "node_debug_lib": false, "node_enable_d8": false, "node_enable_v8_vtunejit": false,
    "node_fipsinstall": false, "node_install_corepack": false, "node_install_npm": false,
    "node_module_version": 108, "node_no_browser_globals": false, "node_prefix": "/usr",
    "node_relative_path": "lib/x86_64-linux-gnu/nodejs:share/nodejs", "node_release_urlbase": "",
    "node_section_ordering_info": "", "node_shared": false, "node_shared_brotli": true, "node_shared_cares": true,
    "node_shared_http_parser": false, "node_shared_libuv": true, "node_shared_nghttp2": true,
    "node_shared_nghttp3": false, "node_shared_ngtcp2": false, "node_shared_openssl": true,
    "node_shared_zlib": true, "node_tag": "", "node_target_type": "executable", "node_use_bundled_v8": true,
    "node_use_dtrace": false, "node_use_etw": false, "node_use_node_code_cache": false,
    "node_use_node_snapshot": false, "node_use_openssl": true, "node_use_v8_platform": true,
    "node_with_ltcg": false, "node_without_node_options": false, "openssl_is_fips": false, "openssl_quic": false,
    "ossfuzz": false, "shlib_suffix": "so.108", "single_executable_application": false, "target_arch": "x64",
    "v8_enable_31bit_smis_on_64bit_arch": 0, "v8_enable_gdbjit": 0, "v8_enable_hugepage": 0,
    "v8_enable_i18n_support": 1, "v8_enable_inspector": 1, "v8_enable_javascript_promise_hooks": 1,
    "v8_enable_lite_mode": 0, "v8_enable_object_print": 1, "v8_enable_pointer_compression": 0,
    "v8_enable_shared_ro_heap": 1, "v8_enable_short_builtin_calls": 1, "v8_enable_webassembly": 1,
    "v8_no_strict_aliasing": 1, "v8_optimized_debug": 1, "v8_promise_internal_field_count": 1, "v8_random_seed": 0,
    "v8_trace_maps": 0, "v8_use_siphash": 1, "want_separate_host_toolset": 0,
  },
};
// As Node 18 reports them, for what fe has: V8's inspector (46-inspector.js), tls without OCSP stapling.
// Node's process.allowedNodeEnvironmentFlags (buildAllowedFlags in internal/process/per_thread):
// a frozen Set of what NODE_OPTIONS may hold, as fe's option parser has it; has() takes a flag
// with or without its dashes, with underscores for dashes, and ignores a value after `=`.
Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  get() {
    const allowed = core.nodeFlags?.allowedEnvironmentFlags ?? [];
    const bare = allowed.map((flag) => flag.replace(/^--?/, ''));
    const kInternal = Symbol('internal properties');
    class NodeEnvironmentFlagsSet extends Set {
      constructor(array) {
        super();
        this[kInternal] = { array };
      }
      add() { return this; }
      delete() { return false; }
      clear() {}
      has(key) {
        if (typeof key !== 'string') return false;
        key = key.replace(/_/g, '-');
        if (/^--?/.test(key)) return this[kInternal].array.includes(key.replace(/=.*$/, ''));
        return bare.includes(key);
      }
      entries() {
        this[kInternal].set ??= new Set(this[kInternal].array);
        return this[kInternal].set.entries();
      }
      forEach(callback, thisArg = undefined) {
        this[kInternal].array.forEach((v) => Reflect.apply(callback, thisArg, [v, v, this]));
      }
      get size() { return this[kInternal].array.length; }
      values() {
        this[kInternal].set ??= new Set(this[kInternal].array);
        return this[kInternal].set.values();
      }
    }
    const values = NodeEnvironmentFlagsSet.prototype.values;
    Object.defineProperty(NodeEnvironmentFlagsSet.prototype, Symbol.iterator, { value: values });
    Object.defineProperty(NodeEnvironmentFlagsSet.prototype, 'keys', { value: values });
    Object.freeze(NodeEnvironmentFlagsSet.prototype.constructor);
    Object.freeze(NodeEnvironmentFlagsSet.prototype);
    process.allowedNodeEnvironmentFlags = Object.freeze(new NodeEnvironmentFlagsSet(allowed));
    return process.allowedNodeEnvironmentFlags;
  },
  // Set by the program: that value, from then on.
  set(value) {
    Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { value, configurable: true, enumerable: true, writable: true });
  },
  enumerable: true,
  configurable: true,
});
process.features = { inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: false, tls: true, cached_builtins: true };
process.pid = 0;
process.ppid = 0;
process.cwd = () => check(ops.op_cwd());
process.chdir = function chdir(directory) {
  if (typeof directory !== 'string') throw invalidArgType('directory', 'string', directory);
  const r = ops.op_chdir(directory);
  if (r !== null && typeof r === 'object' && r.__feError) {
    // Node names the directory it left as the path and the one asked for as the dest.
    const [code, description] = r.__feError;
    throw core.opError([code, description, 'chdir', process.cwd(), directory]);
  }
};
// Node's: a mask is a number or an octal string (parseFileMode); none only reads it.
process.umask = function umask(mask) {
  if (mask === undefined) return ops.op_umask(null);
  if (typeof mask === 'string') {
    if (!/^[0-7]+$/.test(mask)) throw invalidArgValue('mask', mask, 'must be a 32-bit unsigned integer or an octal string');
    mask = parseInt(mask, 8);
  }
  if (typeof mask !== 'number') throw invalidArgType('mask', 'number', mask);
  if (!Number.isInteger(mask) || mask < 0 || mask > 0xFFFFFFFF) throw outOfRange('mask', 'an integer', mask);
  return ops.op_umask(mask);
};
// libuv's uv_get_constrained_memory (Node 18's libuv reads cgroup v1's limit): the bytes the
// process may use, or undefined when nothing says.
process.constrainedMemory = function constrainedMemory() {
  let text;
  try { text = requireBuiltin('fs').readFileSync('/sys/fs/cgroup/memory/memory.limit_in_bytes', 'latin1'); } catch { return undefined; }
  const limit = Number(text.trim());
  return Number.isFinite(limit) && limit > 0 ? limit : undefined;
};
process.uptime = () => (ops.op_hrtime() - startTime) / 1e9;
process.hrtime = function hrtime(prev) {
  if (prev !== undefined) {
    if (!Array.isArray(prev)) throw invalidArgType('time', 'Array', prev);
    if (prev.length !== 2) throw outOfRange('time', 2, prev.length);
  }
  const t = ops.op_hrtime();
  let s = Math.floor(t / 1e9), ns = t % 1e9;
  if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s--; ns += 1e9; } }
  return [s, ns];
};
process.hrtime.bigint = () => BigInt(Math.round(ops.op_hrtime()));
process.memoryUsage = () => { const [rss, heapTotal, heapUsed, external] = ops.op_memory_usage(); return { rss, heapTotal, heapUsed, external, arrayBuffers: 0 }; };
process.memoryUsage.rss = () => ops.op_memory_usage()[0];
process.nextTick = nextTick;
// Node's: SIGABRT at once, no 'exit' event.
process.abort = () => ops.op_abort();
// Node's process.kill over process._kill (-errno or 0; tests replace it to see the calls).
process._kill = (pid, sig) => {
  // As Node's binding: a signal to this process that no JavaScript listener takes will most
  // likely end it, so what runs at exit (profiles, coverage) runs first.
  if (sig > 0 && (pid === 0 || pid === -1 || pid === process.pid || pid === -process.pid)) {
    const signals = requireBuiltin('os').constants.signals;
    const name = Object.keys(signals).find((n) => signals[n] === sig);
    if (name === undefined || process.listenerCount(name) === 0) runExitHooks();
  }
  const r = ops.op_kill(pid, sig);
  return r !== null && typeof r === 'object' && r.__feError ? -(ERRNO[r.__feError[0]] || 1) : 0;
};
process.kill = function kill(pid, sig) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw invalidArgType('pid', 'number', pid);
  let err;
  if (sig === (sig | 0)) {
    err = process._kill(pid, sig);
  } else {
    sig = sig || 'SIGTERM';
    // os.constants.signals (filled by 16-child_process.js) by then.
    const signo = requireBuiltin('os').constants.signals[sig];
    if (!signo) throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
    err = process._kill(pid, signo);
  }
  if (err) {
    const [code] = uvErrorOf(err);
    const e = new Error(`kill ${code}`);
    e.errno = err;
    e.code = code;
    e.syscall = 'kill';
    throw e;
  }
  return true;
};
// Signal events: while 'SIGINT' (...) has listeners, the signal is caught and emitted here.
const signalNames = new Set(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGCONT', 'SIGTSTP', 'SIGALRM', 'SIGCHLD']);
// A kept signal is watched whatever its listeners (SIGUSR1 starts the inspector, 46-inspector.js).
const keptSignals = new Set();
core.keepSignal = (name) => {
  keptSignals.add(name);
  ops.op_signal_watch(name, true);
};
process.on('newListener', (name) => {
  if (signalNames.has(name) && process.listenerCount(name) === 0 && !keptSignals.has(name)) ops.op_signal_watch(name, true);
});
process.on('removeListener', (name) => {
  if (signalNames.has(name) && process.listenerCount(name) === 0 && !keptSignals.has(name)) ops.op_signal_watch(name, false);
});
core.onSignal = (name) => { process.emit(name, name); };
let exiting = false;
// What the runtime does after 'exit', however the process ends (--cpu-prof writes its profile).
const exitHooks = [];
core.afterExitEvent = (fn) => { exitHooks.push(fn); };
function runExitHooks() {
  // Indexed, not iterated: user code may have replaced %Array.prototype%[@@iterator].
  const hooks = exitHooks.splice(0);
  for (let i = 0; i < hooks.length; i++) {
    const fn = hooks[i];
    try { fn(); } catch (e) { ops.op_write(2, errorText(e) + '\n'); }
  }
}
// `afterExitEvent`: what an uncaught exception prints, after the 'exit' listeners (as Node).
function exitNow(code, fromExit = false, afterExitEvent = undefined) {
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    // An 'exit' listener may still change process.exitCode for process.exit(), as in Node.
    try {
      process.emit('exit', code);
      if (fromExit) code = core.exitCode();
    } catch (e) {
      // A worker's is an uncaught exception for its parent's 'error' event; it still ends with
      // its code (39-worker_threads.js).
      if (core.isWorker) fatal(e);
      ops.op_write(2, errorText(e) + '\n');
      code = 7;
    }
    if (afterExitEvent) afterExitEvent();
    runExitHooks();
  } else if (afterExitEvent) {
    afterExitEvent();
  }
  // Node's process.exit ends in process.reallyExit, which programs (and tests) may replace.
  process.reallyExit(code);
}
// Node's PrintStackTrace (node_errors.cc): the frames of the current stack above `above`, as
// V8's StackFrame objects show them (at most 10, Node's stack_trace_limit), on stderr.
function printStackTrace(header, above) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const holder = {};
  let sites;
  if (above === null) {
    ops.op_write(2, header);
    return;
  }
  try {
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = 10;
    Error.captureStackTrace(holder, above);
    sites = holder.stack;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  let out = header;
  for (let i = 0; Array.isArray(sites) && i < sites.length; i++) {
    const site = sites[i];
    const name = site.getFunctionName() || '';
    const script = site.getFileName() ?? site.getScriptNameOrSourceURL?.() ?? '';
    const where = `${site.getLineNumber()}:${site.getColumnNumber()}`;
    if (site.isEval()) {
      out += script === '' ? `    at [eval]:${where}\n` : `    at [eval] (${script}:${where})\n`;
      break;
    }
    out += name === '' ? `    at ${script}:${where}\n` : `    at ${name} (${script}:${where})\n`;
  }
  ops.op_write(2, out);
}
// "(node:pid) " or, in a worker, "(node:pid, thread:id) ": how Node's C++ warnings start.
function nativeWarningPrefix() {
  return core.isWorker ? `(node:${process.pid}, thread:${requireBuiltin('worker_threads').threadId}) ` : `(node:${process.pid}) `;
}
// --trace-sync-io: Node's Environment::PrintSyncTrace, for a synchronous API called once the
// event loop runs (core.syncIOTraced, set after the main script's turn, 60-globals.js).
core.printSyncTrace = (above) => {
  printStackTrace(`${nativeWarningPrefix()}WARNING: Detected use of sync API\n`, above);
};
process.reallyExit = function reallyExit(code) {
  // --trace-exit: Node's Environment::Exit tells where the environment was exited from.
  if (core.getOptionValue?.('--trace-exit')) {
    printStackTrace(`${nativeWarningPrefix()}WARNING: Exited the environment with code ${Number(code) | 0}\n`,
      core.exitFromUncaught ? null : reallyExit);
  }
  // As Node's: a debugger still attached sees the context go, and the exit waits for it.
  ops.op_inspector_at_exit();
  ops.op_exit(Number(code) | 0);
  // In a worker op_exit terminates the isolate: V8 throws that at its next stack check, which a
  // call makes, so the caller's next line never runs (as Node's process.exit).
  (function terminationPoint() {})();
};
process.exit = (code) => {
  if (code !== undefined) process.exitCode = code;
  const c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  exitNow(c, true);
};
core.exitCode = () => (process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
// Booted from a user snapshot (38-v8.js core.snapshotRestored), a new process: the build ended
// as a process does ('exit' emitted), and what Node does once per process happens again.
core.resetProcessState = () => {
  exiting = false;
  process._exiting = false;
  process.exitCode = undefined;
  // Node's resetForSerialization: the warning file is opened anew by this process.
  warningHelpShown = false;
  warningFile = warningFd = undefined;
};
core.beforeExit = () => {
  // 'beforeExit' may schedule more work; Swift runs the loop again if it does. Its ticks and
  // microtasks run now, as after any callback Node makes (node:test reports its summary so).
  // A throwing listener is an uncaught exception, as anywhere else.
  try {
    process.emit('beforeExit', core.exitCode());
  } catch (e) {
    fatal(e);
  }
  core.afterMacrotask();
};
core.emitExit = (code) => {
  if (exiting) return code;
  // The loop is over: Node's --trace-sync-io stops tracing before 'exit'.
  traceOn.syncIO = false;
  // The program's end: process.exitCode as it is now (the code Swift passes was read earlier).
  if (code === 0) code = core.exitCode();
  exiting = true;
  process._exiting = true;
  const before = process.exitCode;
  try {
    process.emit('exit', code);
  } catch (e) {
    // An exception in an 'exit' listener is an uncaught exception: the 'uncaughtException'
    // listeners take it, or it is printed and the code is process.exitCode or 1.
    if (uncaughtCapture.fn === null && process.listenerCount('uncaughtException') === 0) {
      ops.op_write(2, errorText(e) + '\n');
      return core.exitCode() || 1;
    }
    fatal(e);
  } finally {
    runExitHooks();
  }
  // A listener that sets process.exitCode decides the code, 0 included.
  if (process.exitCode !== before) return core.exitCode();
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
// Warnings, credentials, resource usage, exception capture: Node 18's process API.

// process.emitWarning(warning[, type[, code]][, ctor]) or (warning, { type, code, detail, ctor }):
// a 'warning' event on the next tick; the default listener prints it as Node does.
function createWarning(message, type, code, ctor, detail) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const warning = new Error(message);
  Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  Error.captureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw invalidArgType('type', 'string', type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw invalidArgType('code', 'string', code);
  }
  if (typeof warning === 'string') warning = createWarning(warning, type, code, ctor, detail);
  else if (!(warning instanceof Error)) throw invalidArgType('warning', ['Error', 'string'], warning);
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown on the next tick, after the warnings emitted before it, as Node does.
    if (process.throwDeprecation) {
      nextTick(() => { throw warning; });
      return;
    }
  }
  nextTick(() => process.emit('warning', warning));
};
let warningHelpShown = false;
function printWarning(warning) {
  if (!(warning instanceof Error)) return;
  // --no-warnings and NODE_NO_WARNINGS=1 silence the printing, not the event.
  if (process.env.NODE_NO_WARNINGS === '1' || process.noProcessWarnings) return; // --no-warnings (60-globals.js)
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(${process.release.name}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += warning.stack;
  else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !warningHelpShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
    warningHelpShown = true;
  }
  // NODE_REDIRECT_WARNINGS (Node's --redirect-warnings): appended to that file instead.
  if (warningFile === undefined) warningFile = core.redirectWarnings || process.env.NODE_REDIRECT_WARNINGS || '';
  if (warningFile) {
    writeWarningToFile(msg);
    return;
  }
  writeWarningOut(msg);
}
// Node's internal/process/warning.js: warnings are written with the global console's error()
// (a worker's reach its process.stderr, which its parent reads), or appended to the file.
let warningFile;
let warningFd;
// Through the original global console's error (a worker's goes to its parent).
function writeWarningOut(msg) {
  core.warningConsoleError(msg);
}
function writeWarningToFile(msg) {
  const fs = requireBuiltin('fs');
  if (warningFd === undefined) {
    try {
      warningFd = fs.openSync(warningFile, 'a');
    } catch {
      writeWarningOut(msg);
      return;
    }
    process.on('exit', () => {
      try { fs.closeSync(warningFd); } catch { /* continue regardless */ }
    });
  }
  fs.appendFile(warningFd, `${msg}\n`, (err) => {
    if (err) writeWarningOut(msg);
  });
}
process.on('warning', printWarning);

// Credentials. Names are looked up as Node does (getpwnam/getgrnam).
function credentialId(id, name, lookup, what) {
  if (typeof id === 'number') {
    if (!Number.isInteger(id)) throw outOfRange(name, 'an integer', id);
    if (id < 0 || id > 2 ** 32 - 1) throw outOfRange(name, `>= 0 && <= ${2 ** 32 - 1}`, id);
    return id;
  }
  if (typeof id !== 'string') throw invalidArgType(name, ['number', 'string'], id);
  const n = lookup(id);
  if (n < 0) throw nodeError(Error, 'ERR_UNKNOWN_CREDENTIAL', `${what} identifier does not exist: ${id}`);
  return n;
}
process.getuid = function getuid() { return ops.op_process_ids()[0]; };
process.geteuid = function geteuid() { return ops.op_process_ids()[1]; };
process.getgid = function getgid() { return ops.op_process_ids()[2]; };
process.getegid = function getegid() { return ops.op_process_ids()[3]; };
process.getgroups = function getgroups() {
  const ids = ops.op_process_ids();
  const groups = ids.slice(4);
  // Node adds the effective gid when getgroups(2) leaves it out.
  if (!groups.includes(ids[3])) groups.push(ids[3]);
  return groups;
};
for (const [name, arg, lookup, what] of [['setuid', 'id', ops.op_process_uid_of, 'User'], ['seteuid', 'id', ops.op_process_uid_of, 'User'],
  ['setgid', 'id', ops.op_process_gid_of, 'Group'], ['setegid', 'id', ops.op_process_gid_of, 'Group']]) {
  process[name] = { [name](id) { checkCredentials(ops.op_process_set_id(name, credentialId(id, arg, lookup, what)), name); } }[name];
}
process.setgroups = function setgroups(groups) {
  if (!Array.isArray(groups)) throw invalidArgType('groups', 'Array', groups);
  const ids = groups.map((g, i) => credentialId(g, `groups[${i}]`, ops.op_process_gid_of, 'Group'));
  checkCredentials(ops.op_process_set_groups(ids), 'setgroups');
};
// A failed credentials call is Node's ErrnoException (node_credentials.cc): "EPERM, Operation not
// permitted", the positive errno, the code and the syscall.
function checkCredentials(result, syscall) {
  if (result === null || typeof result !== 'object' || !result.__feError) return result;
  const [code, description] = result.__feError;
  const e = new Error(`${code}, ${description.charAt(0).toUpperCase()}${description.slice(1)}`);
  e.errno = ERRNO[code] || 0;
  e.code = code;
  e.syscall = syscall;
  throw e;
}

// Resource usage (getrusage), in Node's units: CPU times in microseconds, maxRSS in kilobytes.
const resourceFields = ['userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize', 'unsharedDataSize',
  'unsharedStackSize', 'minorPageFault', 'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite', 'ipcSent',
  'ipcReceived', 'signalsCount', 'voluntaryContextSwitches', 'involuntaryContextSwitches'];
process.resourceUsage = function resourceUsage() {
  const v = ops.op_resource_usage();
  const out = {};
  resourceFields.forEach((k, i) => { out[k] = v[i]; });
  return out;
};
process.cpuUsage = function cpuUsage(prevValue) {
  const v = ops.op_resource_usage();
  if (prevValue) {
    if (typeof prevValue !== 'object') throw invalidArgType('prevValue', 'object', prevValue);
    for (const k of ['user', 'system']) {
      const x = prevValue[k];
      if (typeof x !== 'number') throw invalidArgType(`prevValue.${k}`, 'number', x);
      if (x < 0 || !Number.isFinite(x)) throw nodeError(RangeError, 'ERR_INVALID_ARG_VALUE', `The property 'prevValue.${k}' is invalid. Received ${x}`);
    }
    return { user: v[0] - prevValue.user, system: v[1] - prevValue.system };
  }
  return { user: v[0], system: v[1] };
};

// setUncaughtExceptionCaptureCallback: one function that gets uncaught exceptions instead of
// 'uncaughtException' listeners (03-loop.js's fatal() calls it).
process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    uncaughtCapture.fn = null;
    return;
  }
  if (typeof fn !== 'function') throw invalidArgType('fn', ['Function', 'null'], fn);
  if (uncaughtCapture.fn !== null) {
    throw nodeError(Error, 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
      '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
  }
  uncaughtCapture.fn = fn;
};
// Node's handler of uncaught exceptions: true when a capture callback or an 'uncaughtException'
// listener took the error (otherwise the process ends, as for any uncaught exception).
process._fatalException = function _fatalException(er, fromPromise) {
  const handled = uncaughtCapture.fn !== null || process.listenerCount('uncaughtException') > 0;
  fatal(er, !!fromPromise);
  return handled;
};
process.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
  return uncaughtCapture.fn !== null;
};

// What keeps the loop alive. The modules owning handles (net, dgram) add a source listing their
// refed ones as [owner, type name] (the names of Node's handle wraps: 'TCPSocketWrap', ...);
// pending fs callbacks are requests (Node's FSReqCallback), as are the requests in Node.
const activeHandleSources = [];
const activeRequests = new Set();
const activeHandles = () => activeHandleSources.flatMap((source) => source());
process._getActiveHandles = function _getActiveHandles() { return activeHandles().map(([owner]) => owner); };
process._getActiveRequests = function _getActiveRequests() { return [...activeRequests]; };
process.getActiveResourcesInfo = function getActiveResourcesInfo() {
  const out = [...activeRequests].map((req) => req.constructor.name);
  for (const [, type] of activeHandles()) out.push(type);
  for (const t of timers.values()) if (t[kRefed]) out.push('Timeout');
  const firing = firingTimer.current;
  if (firing !== null && firing[kRefed] && !firing._destroyed && timers.get(firing[asyncIdSymbol]) !== firing) out.push('Timeout');
  for (const im of immediates) if (!im._destroyed && im[kRefed]) out.push('Immediate');
  return out;
};

// Node's process._rawDebug: util.format's text and a newline, written to fd 2 at once (no
// stream, no ticks).
process._rawDebug = function _rawDebug(...args) {
  ops.op_write(2, `${format(...args)}\n`);
};

// Deprecated (DEP0100): 10-builtins.js wraps it with util.deprecate.
process.assert = function assert(value, message) {
  if (!value) throw nodeError(Error, 'ERR_ASSERTION', message || 'assertion error');
};
