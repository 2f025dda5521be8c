// process
// Uses from earlier files: 00-core.js (core, check); 03-loop.js (nextTick, errorText); 04-events.js (EventEmitter).
const process = new EventEmitter();
// As Node's: Object.prototype.toString.call(process) is '[object process]'.
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', writable: true, enumerable: false, configurable: false });
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
