// process
// Uses from earlier files: 00-core.js (core, check); 02-errors.js (nodeError, invalidArgType, outOfRange); 03-loop.js (nextTick, errorText, fatal, uncaughtCapture, kRefed, timers, Timeout, immediates, Immediate); 04-events.js (EventEmitter).
const process = new EventEmitter();
// As Node's: Object.prototype.toString.call(process) is '[object process]'.
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', writable: true, enumerable: false, configurable: false });
process.title = 'fe';
// The Node release fe follows (its test suite is the measure); process.versions.fe has fe's own.
// Only components fe really has are listed: V8 is Debian's libnode's.
process.version = 'v18.20.4';
process.versions = { node: '18.20.4', v8: ops.op_v8_version(), modules: '108', fe: '0.0.0' };
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
// Node's: SIGABRT at once, no 'exit' event.
process.abort = () => ops.op_abort();
process.kill = (pid, sig) => { check(ops.op_kill(pid, sig === undefined ? 'SIGTERM' : sig)); return true; };
// Signal events: while 'SIGINT' (...) has listeners, the signal is caught and emitted here.
const signalNames = new Set(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGCONT', 'SIGTSTP', 'SIGALRM', 'SIGCHLD']);
process.on('newListener', (name) => { if (signalNames.has(name) && process.listenerCount(name) === 0) ops.op_signal_watch(name, true); });
process.on('removeListener', (name) => { if (signalNames.has(name) && process.listenerCount(name) === 0) ops.op_signal_watch(name, false); });
core.onSignal = (name) => { process.emit(name, name); };
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
  // 'beforeExit' may schedule more work; Swift runs the loop again if it does. Its ticks and
  // microtasks run now, as after any callback Node makes (node:test reports its summary so).
  process.emit('beforeExit', core.exitCode());
  core.afterMacrotask();
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
    if (process.throwDeprecation) throw warning;
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
  ops.op_write(2, msg + '\n');
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
  process[name] = { [name](id) { check(ops.op_process_set_id(name, credentialId(id, arg, lookup, what))); } }[name];
}
process.setgroups = function setgroups(groups) {
  if (!Array.isArray(groups)) throw invalidArgType('groups', 'Array', groups);
  const ids = groups.map((g, i) => credentialId(g, `groups[${i}]`, ops.op_process_gid_of, 'Group'));
  check(ops.op_process_set_groups(ids));
};

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
process.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
  return uncaughtCapture.fn !== null;
};

// What keeps the loop alive, as far as JS knows it: refed timers and immediates.
process.getActiveResourcesInfo = function getActiveResourcesInfo() {
  const out = [];
  for (const t of timers.values()) if (t[kRefed]) out.push('Timeout');
  for (const im of immediates) if (!im._destroyed && im[kRefed]) out.push('Immediate');
  return out;
};

process.assert = function assert(value, message) {
  if (!value) {
    throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', message ? `${message}\nThis is caused by either a bug in Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n` :
      'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
  }
};
