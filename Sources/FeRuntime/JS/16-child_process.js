// child_process: spawn, exec, execFile and their Sync forms, with Node's option handling,
// events and errors. Native side: ChildProcessOps.swift (posix_spawn; pipe readers and the
// exit wait on threads that post `core.onChildData` / `core.onChildExit` to the loop).
// Uses from earlier files: 00-core.js (core, define, ERRNO); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, invalidArgValue); 03-loop.js (nextTick, fatal, setTimeout, clearTimeout); 04-events.js (EventEmitter); 05-process.js (process); 08-fs.js (toPath); 10-builtins.js (util, os, registerBuiltin); 11-buffer.js (Buffer); 15-streams.js (opAsyncNodeError, uncaughtIn, nodeStream).
const childProcess = (() => {
  const { Readable, Writable } = nodeStream;
  const SIGNALS = {
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
    SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
    SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24,
    SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };
  if (Object.keys(os.constants.signals).length === 0) Object.assign(os.constants.signals, SIGNALS);
  const MAX_BUFFER = 1024 * 1024;
  const children = new Map(); // native handle id -> ChildProcess
  const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.length);

  // libuv-style errors: "spawn ls ENOENT", errno negative, code, syscall.
  function errnoException(errno, code, syscall) {
    const e = new Error(`${syscall} ${code}`);
    e.errno = errno;
    e.code = code;
    e.syscall = syscall;
    return e;
  }
  function convertToValidSignal(signal) {
    if (typeof signal === 'number') {
      if (Object.values(SIGNALS).includes(signal)) return signal;
    } else if (typeof signal === 'string') {
      const n = SIGNALS[signal.toUpperCase()];
      if (n) return n;
    }
    throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
  }
  function validateTimeout(timeout) {
    if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "timeout" is out of range. It must be an unsigned integer. Received ${inspect(timeout)}`);
    }
  }
  function validateMaxBuffer(maxBuffer) {
    if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.maxBuffer" is out of range. It must be a positive number. Received ${inspect(maxBuffer)}`);
    }
  }

  // Node's normalizeSpawnArguments: file, args and options into what the native op takes.
  function normalizeSpawnArguments(file, args, options) {
    validateString(file, 'file');
    if (file.length === 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'file' cannot be empty. Received ''");
    if (Array.isArray(args)) args = args.slice();
    else if (args == null) args = [];
    else if (typeof args !== 'object') throw invalidArgType('args', 'object', args);
    else { options = args; args = []; }
    if (options === undefined) options = {};
    else if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
    let cwd = options.cwd;
    if (cwd != null) cwd = toPath(cwd, 'options.cwd');
    if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
      throw invalidArgType('options.shell', ['boolean', 'string'], options.shell);
    }
    if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
    if (options.shell) {
      const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
      file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
      args = ['-c', command];
    }
    if (typeof options.argv0 === 'string') args.unshift(options.argv0);
    else args.unshift(file);
    const env = options.env || process.env;
    const envPairs = [];
    for (const key of Object.keys(env)) {
      const value = env[key];
      if (value !== undefined) envPairs.push(`${key}=${value}`);
    }
    return { ...options, args, cwd, detached: !!options.detached, envPairs, file };
  }

  // stdio option -> one entry per fd 0-2: 'pipe', 'inherit', 'ignore' or an fd number.
  function normalizeStdio(stdio) {
    if (typeof stdio === 'string') {
      if (stdio === 'overlapped') stdio = 'pipe';
      if (stdio !== 'pipe' && stdio !== 'inherit' && stdio !== 'ignore') throw invalidArgValue('stdio', stdio);
      return [stdio, stdio, stdio];
    }
    if (stdio == null) return ['pipe', 'pipe', 'pipe'];
    if (!Array.isArray(stdio)) throw invalidArgValue('stdio', stdio);
    const out = [];
    for (let i = 0; i < Math.max(3, stdio.length); i++) {
      let s = stdio[i];
      if (s == null) s = i < 3 ? 'pipe' : 'ignore';
      if (s === 'overlapped') s = 'pipe';
      if (s === 'ipc') throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', "fe does not support an 'ipc' channel to child processes");
      if (typeof s === 'object' && typeof s.fd === 'number') s = s.fd;
      else if (typeof s === 'object' && s._handle && typeof s._handle.fd === 'number') s = s._handle.fd;
      if (typeof s !== 'number' && s !== 'pipe' && s !== 'inherit' && s !== 'ignore') throw invalidArgValue('stdio', s);
      if (i < 3) out.push(s);
    }
    return out;
  }

  // The parent's end of a child's stdin: writes run on a thread each, close waits for them.
  function pipeWriter(fd) {
    let writing = false, closeWhenDone = false;
    const close = () => {
      if (fd < 0) return;
      if (writing) { closeWhenDone = true; return; }
      ops.op_fs_close(fd);
      fd = -1;
    };
    const w = new Writable({
      write(chunk, encoding, cb) {
        if (fd < 0) { cb(errnoException(-32, 'EPIPE', 'write')); return; }
        writing = true;
        opAsyncNodeError(ops.op_pipe_write_async, fd, chunk).then(uncaughtIn(() => {
          writing = false;
          if (closeWhenDone) close();
          cb();
        }), uncaughtIn((err) => {
          writing = false;
          if (closeWhenDone) close();
          cb(err && err.code ? errnoException(err.errno, err.code, 'write') : err);
        }));
      },
      final(cb) { close(); cb(); },
      destroy(err, cb) { close(); cb(err); },
    });
    return w;
  }

  class ChildProcess extends EventEmitter {
    constructor() {
      super();
      this._closesNeeded = 1;
      this._closesGot = 0;
      this.connected = false;
      this.signalCode = null;
      this.exitCode = null;
      this.killed = false;
      this.spawnfile = null;
      this._handle = null;
      this.pid = undefined;
      this.stdin = null;
      this.stdout = null;
      this.stderr = null;
      this.stdio = [null, null, null];
    }

    spawn(options) {
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
      const stdio = normalizeStdio(options.stdio);
      if (options.envPairs === undefined) options.envPairs = Object.keys(process.env).map((k) => `${k}=${process.env[k]}`);
      validateString(options.file, 'options.file');
      this.spawnfile = options.file;
      this.spawnargs = options.args === undefined ? [] : options.args;
      const r = ops.op_child_spawn(options.file, this.spawnargs, options.envPairs, options.cwd == null ? null : options.cwd,
        stdio, !!options.detached);
      let fds;
      if (r[0] < 0) {
        const [errno, code] = r;
        if (!['EACCES', 'EAGAIN', 'EMFILE', 'ENFILE', 'ENOENT'].includes(code)) throw errnoException(errno, code, 'spawn');
        nextTick(() => this._onExit(errno, null, code));
        fds = stdio.map((s) => (s === 'pipe' ? -2 : -1)); // streams that end at once
      } else {
        this._handle = r[0];
        this.pid = r[1];
        children.set(r[0], this);
        fds = r.slice(2);
        this._pendingNative = 1 + (fds[1] >= 0 ? 1 : 0) + (fds[2] >= 0 ? 1 : 0);
        nextTick(() => this.emit('spawn'));
      }
      for (let i = 0; i < 3; i++) {
        if (fds[i] === -1) continue;
        let stream;
        if (i === 0) {
          stream = fds[i] >= 0 ? pipeWriter(fds[i]) : new Writable({ write(c, e, cb) { cb(errnoException(-32, 'EPIPE', 'write')); } });
        } else {
          stream = new Readable({ read() {} });
          this._closesNeeded++;
          stream.on('close', () => maybeClose(this));
          if (fds[i] === -2) nextTick(() => stream.push(null));
        }
        this.stdio[i] = stream;
      }
      this.stdin = this.stdio[0];
      this.stdout = this.stdio[1];
      this.stderr = this.stdio[2];
      return r[0] < 0 ? r[0] : 0;
    }

    _onData(fd, bytes) {
      const stream = this.stdio[fd];
      if (!stream || stream.destroyed) return;
      stream.push(bytes === null ? null : asBuffer(bytes));
    }

    _onExit(code, signal, codeName) {
      if (signal) this.signalCode = signal;
      else this.exitCode = code;
      if (this.stdin) this.stdin.destroy();
      this._handle = null;
      if (code < 0) {
        const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
        const err = errnoException(code, codeName || ERRNO_NAMES[-code] || `E${-code}`, syscall);
        if (this.spawnfile) err.path = this.spawnfile;
        err.spawnargs = this.spawnargs.slice(1);
        this.emit('error', err);
      } else {
        this.emit('exit', this.exitCode, this.signalCode);
      }
      // Streams nobody consumed are drained, so they end and 'close' can follow.
      nextTick(() => {
        for (const s of [this.stdout, this.stderr]) if (s && s.readable && s.readableFlowing === null) s.resume();
      });
      maybeClose(this);
    }

    kill(sig) {
      const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
      if (this._handle !== null) {
        const r = ops.op_kill(this.pid, signal);
        if (!(r && r.__feError)) {
          this.killed = true;
          return true;
        }
        const code = r.__feError[0];
        if (code === 'ESRCH') return false;
        if (code === 'EINVAL' || code === 'ENOSYS') throw errnoException(-(ERRNO[code] || 0), code, 'kill');
        this.emit('error', errnoException(-(ERRNO[code] || 0), code, 'kill'));
      }
      return false;
    }

    ref() { if (this._handle !== null) ops.op_child_ref(this._handle, true); }
    unref() { if (this._handle !== null) ops.op_child_ref(this._handle, false); }
    disconnect() {}
  }
  const ERRNO_NAMES = { 1: 'EPERM', 2: 'ENOENT', 3: 'ESRCH', 7: 'E2BIG', 8: 'ENOEXEC', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES',
    20: 'ENOTDIR', 23: 'ENFILE', 24: 'EMFILE', 38: 'ENOSYS', 110: 'ETIMEDOUT', 105: 'ENOBUFS' };
  function maybeClose(child) {
    child._closesGot++;
    if (child._closesGot === child._closesNeeded) child.emit('close', child.exitCode, child.signalCode);
  }

  // A child stays in the table until it has exited and each of its pipes has ended: the
  // threads that report them race, and output may arrive after the exit.
  function release(id, child) {
    if (child._pendingNative === 0) children.delete(id);
  }
  core.onChildData = (id, fd, bytes) => {
    const child = children.get(id);
    if (!child) return;
    if (bytes === null) { child._pendingNative--; release(id, child); }
    try { child._onData(fd, bytes); } catch (e) { fatal(e); }
  };
  core.onChildExit = (id, code, signal) => {
    const child = children.get(id);
    if (!child) return;
    child._pendingNative--;
    release(id, child);
    try { child._onExit(code, signal); } catch (e) { fatal(e); }
  };

  function abortErrorFor(signal) {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (signal && signal.reason !== undefined) define(e, 'cause', signal.reason);
    return e;
  }

  function spawn(file, args, options) {
    options = normalizeSpawnArguments(file, args, options);
    validateTimeout(options.timeout);
    const killSignal = options.killSignal === undefined ? 'SIGTERM' : options.killSignal;
    if (options.killSignal !== undefined) convertToValidSignal(options.killSignal);
    const child = new ChildProcess();
    child.spawn(options);
    if (options.timeout > 0) {
      let timer = setTimeout(() => {
        if (timer) {
          try { child.kill(killSignal); } catch (err) { child.emit('error', err); }
          timer = null;
        }
      }, options.timeout);
      child.once('exit', () => { if (timer) { clearTimeout(timer); timer = null; } });
    }
    const signal = options.signal;
    if (signal) {
      const onAbort = () => {
        if (child.kill(killSignal)) child.emit('error', abortErrorFor(signal));
      };
      if (signal.aborted) nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return child;
  }

  // exec/execFile's argument shuffles.
  function normalizeExecFileArgs(file, args, options, callback) {
    if (Array.isArray(args)) args = args.slice();
    else if (args != null && typeof args === 'object') { callback = options; options = args; args = null; }
    else if (typeof args === 'function') { callback = args; options = null; args = null; }
    if (args == null) args = [];
    if (typeof options === 'function') callback = options;
    else if (options != null && typeof options !== 'object') throw invalidArgType('options', 'object', options);
    if (options == null || typeof options !== 'object') options = {};
    if (callback != null && typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
    return { file, args, options, callback };
  }
  function normalizeExecArgs(command, options, callback) {
    validateString(command, 'command');
    if (typeof options === 'function') { callback = options; options = undefined; }
    options = { ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }

  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = { encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', cwd: null, env: null, shell: false, ...options };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    const killSignal = options.killSignal;
    convertToValidSignal(killSignal);
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, shell: options.shell, signal: options.signal, argv0: options.argv0 });
    const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
    const stdoutChunks = [], stderrChunks = [];
    let stdoutLen = 0, stderrLen = 0, killed = false, exited = false, timeoutId = null, ex = null;
    let cmd = file;
    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timeoutId) { clearTimeout(timeoutId); timeoutId = null; }
      if (!callback) return;
      const join = (chunks, stream) => (encoding || (stream && stream.readableEncoding) ? chunks.join('') : Buffer.concat(chunks));
      const stdout = join(stdoutChunks, child.stdout);
      const stderr = join(stderrChunks, child.stderr);
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args.length) cmd += ` ${args.join(' ')}`;
      if (!ex) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code < 0 ? ERRNO_NAMES[-code] || code : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }
    function errorhandler(e) {
      ex = e;
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      exithandler();
    }
    function kill() {
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      killed = true;
      try { child.kill(killSignal); } catch (e) { ex = e; exithandler(); }
    }
    if (options.timeout > 0) {
      timeoutId = setTimeout(() => { kill(); timeoutId = null; }, options.timeout);
    }
    const collect = (stream, chunks, which) => {
      if (!stream) return;
      if (encoding) stream.setEncoding(encoding);
      stream.on('data', (chunk) => {
        if (chunk == null) return;
        const enc = stream.readableEncoding;
        const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
        const total = (which === 'stdout' ? (stdoutLen += length) : (stderrLen += length));
        if (total > options.maxBuffer) {
          const truncatedLen = options.maxBuffer - (total - length);
          chunks.push(chunk.slice(0, truncatedLen));
          ex = nodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${which} maxBuffer length exceeded`);
          kill();
        } else {
          chunks.push(chunk);
        }
      });
    };
    collect(child.stdout, stdoutChunks, 'stdout');
    collect(child.stderr, stderrChunks, 'stderr');
    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }
  function exec(command, options, callback) {
    const opts = normalizeExecArgs(command, options, callback);
    return execFile(opts.file, opts.options, opts.callback);
  }
  const customPromiseExec = (orig) => (...args) => {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) { err.stdout = stdout; err.stderr = stderr; reject(err); }
      else resolve({ stdout, stderr });
    });
    return promise;
  };
  Object.defineProperty(exec, util.promisify.custom, { enumerable: false, value: customPromiseExec(exec) });
  Object.defineProperty(execFile, util.promisify.custom, { enumerable: false, value: customPromiseExec(execFile) });

  // -------------------------------------------------------------------------------------------
  // Sync forms: the op runs the child to its end on this thread.
  function spawnSync(file, args, options) {
    options = { maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    const killSignal = convertToValidSignal(options.killSignal === undefined ? 'SIGTERM' : options.killSignal);
    const stdio = normalizeStdio(options.stdio);
    let input = options.input;
    if (Array.isArray(options.stdio) && options.stdio[0] && options.stdio[0].input != null) input = options.stdio[0].input;
    if (input != null) {
      if (typeof input === 'string') input = Buffer.from(input, options.encoding && options.encoding !== 'buffer' ? options.encoding : 'utf8');
      else if (ArrayBuffer.isView(input)) input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      else throw invalidArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    const [pid, status, signal, stdout, stderr, errCode, errno] = ops.op_child_spawn_sync(options.file, options.args,
      options.envPairs, options.cwd == null ? null : options.cwd, stdio, input == null ? null : input,
      options.timeout > 0 ? options.timeout : 0, options.maxBuffer == null ? Infinity : options.maxBuffer, killSignal);
    const result = {};
    if (errCode !== null) {
      const err = errnoException(errno, errCode, `spawnSync ${options.file}`);
      err.path = options.file;
      err.spawnargs = options.args.slice(1);
      result.error = err;
    }
    const spawned = pid !== 0;
    result.status = status;
    result.signal = signal;
    let output = spawned ? [null, stdout === null ? null : asBuffer(stdout), stderr === null ? null : asBuffer(stderr)] : null;
    if (output && options.encoding && options.encoding !== 'buffer') {
      output = output.map((o) => (o === null ? null : o.toString(options.encoding)));
    }
    result.output = output;
    result.pid = pid;
    result.stdout = output && output[1];
    result.stderr = output && output[2];
    return result;
  }
  function checkExecSyncError(ret, args, cmd) {
    let err;
    if (ret.error) {
      err = ret.error;
      Object.assign(err, ret);
    } else if (ret.status !== 0) {
      let msg = 'Command failed: ';
      msg += cmd || args.join(' ');
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      err = new Error(msg);
      Object.assign(err, ret);
    }
    return err;
  }
  function execFileSync(file, args, options) {
    ({ file, args, options } = normalizeExecFileArgs(file, args, options));
    const inheritStderr = !options.stdio;
    const ret = spawnSync(file, args, options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const err = checkExecSyncError(ret, [options.argv0 || file, ...args], undefined);
    if (err) throw err;
    return ret.stdout;
  }
  function execSync(command, options) {
    const opts = normalizeExecArgs(command, options, null);
    const inheritStderr = !opts.options.stdio;
    const ret = spawnSync(opts.file, opts.options);
    if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
    const err = checkExecSyncError(ret, undefined, command);
    if (err) throw err;
    return ret.stdout;
  }
  function fork() {
    throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'child_process.fork() needs Node; fe runs no Node child processes');
  }

  const exports = { ChildProcess, spawn, spawnSync, exec, execSync, execFile, execFileSync, fork, _forkChild: undefined };
  delete exports._forkChild;
  registerBuiltin('child_process', exports);
  return exports;
})();
