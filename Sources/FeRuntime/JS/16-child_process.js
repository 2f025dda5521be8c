// child_process: spawn, exec, execFile and their Sync forms, with Node's option handling,
// events and errors. Native side: ChildProcessOps.swift (posix_spawn; pipe readers and the
// exit wait on threads that post `core.onChildData` / `core.onChildExit` to the loop).
// Node's internal/child_process, for --expose-internals (47-internals.js).
// Uses from earlier files: 00-core.js (core, define, traceOn, UV_ERRORS, uvErrorOf, ERRNO); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, validateBoolean, invalidArgValue); 03-loop.js (nextTick, fatal, setTimeout, clearTimeout); 04-events.js (EventEmitter); 05-process.js (process); 08-fs.js (validateAbortSignal, toPath); 09-url.js (URL); 10-builtins.js (util, os, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (opAsyncNodeError, uncaughtIn, nodeStream).
const childProcessInternals = {};
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
  // Node's sanitizeKillSignal: a signal name or number (as its number), or undefined for none.
  function sanitizeKillSignal(killSignal) {
    if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
    if (killSignal != null) throw invalidArgType('options.killSignal', ['string', 'number'], killSignal);
    return undefined;
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

  // Strings reach exec as C strings: a NUL byte would cut them short, so Node refuses them.
  function validateArgumentNullCheck(arg, propName) {
    if (typeof arg === 'string' && arg.includes('\u0000')) throw invalidArgValue(propName, arg, 'must be a string without null bytes');
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw invalidArgType(name, 'boolean', value);
  }
  const isInt32 = (value) => value === (value | 0);

  // Node's: options are copied to objects without a prototype, so that properties added to
  // Object.prototype are never taken for options.
  const kEmptyObject = Object.freeze({ __proto__: null });
  // Node's normalizeSpawnArguments: file, args and options into what the native op takes.
  function normalizeSpawnArguments(file, args, options) {
    validateString(file, 'file');
    validateArgumentNullCheck(file, 'file');
    if (file.length === 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'file' cannot be empty. Received ''");
    if (Array.isArray(args)) args = args.slice();
    else if (args == null) args = [];
    else if (typeof args !== 'object') throw invalidArgType('args', 'object', args);
    else { options = args; args = []; }
    for (let i = 0; i < args.length; i++) validateArgumentNullCheck(args[i], `args[${i}]`);
    if (options === undefined) options = kEmptyObject;
    else if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'object', options);
    let cwd = options.cwd;
    if (cwd != null) cwd = toPath(cwd, 'options.cwd');
    if (options.detached != null) validateBoolean(options.detached, 'options.detached');
    if (options.uid != null && !isInt32(options.uid)) throw invalidArgType('options.uid', 'int32', options.uid);
    if (options.gid != null && !isInt32(options.gid)) throw invalidArgType('options.gid', 'int32', options.gid);
    if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
      throw invalidArgType('options.shell', ['boolean', 'string'], options.shell);
    }
    if (options.argv0 != null) {
      validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
    if (options.windowsVerbatimArguments != null) validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
    let windowsVerbatimArguments = options.windowsVerbatimArguments;
    if (options.shell) {
      validateArgumentNullCheck(options.shell, 'options.shell');
      const command = [file, ...args].join(' ');
      // The shell and its switches, by process.platform as Node picks them.
      if (process.platform === 'win32') {
        file = typeof options.shell === 'string' ? options.shell : (process.env.comspec || 'cmd.exe');
        if (/^(?:.*\\)?cmd(?:\.exe)?$/i.test(file)) {
          args = ['/d', '/s', '/c', `"${command}"`];
          windowsVerbatimArguments = true;
        } else {
          args = ['-c', command];
        }
      } else {
        file = typeof options.shell === 'string' ? options.shell : process.platform === 'android' ? '/system/bin/sh' : '/bin/sh';
        args = ['-c', command];
      }
    }
    if (typeof options.argv0 === 'string') args.unshift(options.argv0);
    else args.unshift(file);
    const env = options.env || process.env;
    const envPairs = [];
    // process.env.NODE_V8_COVERAGE always propagates (Node's copyProcessEnvToEnv), so coverage
    // is collected from programs that spawn with a white-listed environment.
    if (process.env.NODE_V8_COVERAGE && (!options.env || !Object.prototype.hasOwnProperty.call(options.env, 'NODE_V8_COVERAGE'))) {
      env.NODE_V8_COVERAGE = process.env.NODE_V8_COVERAGE;
    }
    // Inherited (prototype) keys are included, as Node's for-in does.
    for (const key in env) {
      const value = env[key];
      if (value !== undefined) {
        validateArgumentNullCheck(key, `options.env['${key}']`);
        validateArgumentNullCheck(value, `options.env['${key}']`);
        envPairs.push(`${key}=${value}`);
      }
    }
    return {
      __proto__: null, ...options, args, cwd, detached: !!options.detached, envPairs, file,
      windowsHide: !!options.windowsHide, windowsVerbatimArguments: !!windowsVerbatimArguments,
    };
  }

  // Node's getValidStdio: the stdio option as one description per fd ({ type: 'pipe' |
  // 'ignore' | 'inherit' | 'fd', ... }); at most one 'ipc', none for the Sync forms.
  function stdioStringToArray(stdio, channel) {
    const options = [];
    switch (stdio) {
      case 'ignore': case 'overlapped': case 'pipe': options.push(stdio, stdio, stdio); break;
      case 'inherit': options.push(0, 1, 2); break;
      default: throw invalidArgValue('stdio', stdio);
    }
    if (channel) options.push(channel);
    return options;
  }
  function getValidStdio(stdio, sync) {
    let ipc, ipcFd;
    if (typeof stdio === 'string') stdio = stdioStringToArray(stdio);
    else if (!Array.isArray(stdio)) throw invalidArgValue('stdio', stdio);
    while (stdio.length < 3) stdio.push(undefined);
    const acc = [];
    for (let i = 0; i < stdio.length; i++) {
      let s = stdio[i];
      if (s == null) s = i < 3 ? 'pipe' : 'ignore';
      if (s === 'ignore') {
        acc.push({ type: 'ignore' });
      } else if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && s < 0)) {
        acc.push({ type: s === 'overlapped' ? 'overlapped' : 'pipe', readable: i === 0, writable: i !== 0 });
      } else if (s === 'ipc') {
        if (sync) throw nodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
        if (ipc !== undefined) throw nodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
        ipc = true;
        ipcFd = i;
        acc.push({ type: 'pipe', ipc: true });
      } else if (s === 'inherit') {
        acc.push({ type: 'inherit', fd: i });
      } else if (typeof s === 'number' || typeof s.fd === 'number') {
        acc.push({ type: 'fd', fd: typeof s === 'number' ? s : s.fd });
      } else if (stdioHandle(s) !== null) {
        // Node's 'wrap': a stream's handle (a socket's, a pipe's) becomes the child's fd.
        const handle = stdioHandle(s);
        acc.push({ type: 'wrap', handle, fd: handle.fd, _stdio: s });
      } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
        if (!sync) throw nodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT', `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${inspect(s)}`);
      } else {
        throw invalidArgValue('stdio', s);
      }
    }
    return { stdio: acc, ipc, ipcFd };
  }
  // Node's getHandleWrapType over stdio, stdio.handle and stdio._handle: the handle of a stream
  // given as a child's stdio (a net socket's, or the parent's end of another child's stdin), when
  // it has a descriptor; null for anything else.
  const pipeHandles = new WeakMap(); // a child's stdin stream -> its handle
  function stdioHandle(s) {
    if (s === null || typeof s !== 'object') return null;
    for (const h of [s, s.handle, s._handle, pipeHandles.get(s)]) {
      if (h !== null && typeof h === 'object' && typeof h.readStop === 'function' && typeof h.fd === 'number' && h.fd >= 0) return h;
    }
    return null;
  }
  // What the spawn ops take per fd: 'pipe', 'ignore', 'ipc' or an fd (the child's copy of it,
  // for Node's 'wrap' too). Past fd 2, a 'pipe' is a duplex Unix socket, as in Node.
  function opStdio(described) {
    return described.map((d, i) => {
      switch (d.type) {
        case 'ignore': return 'ignore';
        case 'inherit': case 'fd': case 'wrap': return d.fd;
        default:
          if (d.ipc) return 'ipc';
          return 'pipe';
      }
    });
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
    // As Node's stdin socket: writable only.
    w.readable = false;
    // Its descriptor, for another child's stdio (Node's 'wrap'): nothing reads it here.
    pipeHandles.set(w, { get fd() { return fd; }, reading: false, readStop() { return 0; } });
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
      const described = getValidStdio(options.stdio || 'pipe', false).stdio;
      const stdio = opStdio(described);
      const ipcFd = stdio.indexOf('ipc');
      const serialization = options.serialization === undefined ? 'json' : options.serialization;
      if (serialization !== 'json' && serialization !== 'advanced') {
        throw invalidArgValue('options.serialization', serialization, "must be one of: undefined, 'json', 'advanced'");
      }
      // In Node's order: envPairs (checked when there is a channel), file, args.
      if (ipcFd !== -1 && options.envPairs !== undefined && !Array.isArray(options.envPairs)) {
        throw invalidArgType('options.envPairs', 'Array', options.envPairs);
      }
      validateString(options.file, 'options.file');
      if (options.args !== undefined && !Array.isArray(options.args)) throw invalidArgType('options.args', 'Array', options.args);
      // No envPairs: the child gets this process's environment.
      if (options.envPairs === undefined) options.envPairs = Object.keys(process.env).map((k) => `${k}=${process.env[k]}`);
      if (ipcFd !== -1) {
        options.envPairs = options.envPairs.filter((p) => !p.startsWith('NODE_CHANNEL_FD=') && !p.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
        options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
      }
      this.spawnfile = options.file;
      // Arguments are strings by the time they reach exec (Node's native spawn converts them).
      this.spawnargs = options.args === undefined ? [] : options.args.map(String);
      // An empty cwd is no change of directory (Node's process_wrap).
      const r = ops.op_child_spawn(options.file, this.spawnargs, options.envPairs, options.cwd == null || options.cwd === '' ? null : options.cwd,
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
        if (ipcFd !== -1) {
          // 'close' waits for the channel too, as in Node: for its end seen from the child's
          // side (a parent's own disconnect() does not count, in Node neither).
          this._closesNeeded++;
          setupChannel(this, ops.op_channel_open(fds[ipcFd], true), fds[ipcFd], serialization);
        }
        nextTick(() => this.emit('spawn'));
        // Node's: a stream whose handle the child has now is not read here any more, or this
        // process and the child would both read it.
        for (const d of described) {
          if (d.type !== 'wrap') continue;
          d.handle.reading = false;
          d.handle.readStop();
          const s = d._stdio;
          if (typeof s.pause === 'function' && s._readableState) {
            s.pause();
            s._readableState.flowing = false;
            s._readableState.reading = false;
          }
        }
      }
      for (let i = 0; i < 3; i++) {
        if (fds[i] === -1) continue;
        let stream;
        if (i === 0) {
          stream = fds[i] >= 0 ? pipeWriter(fds[i]) : new Writable({ write(c, e, cb) { cb(errnoException(-32, 'EPIPE', 'write')); } });
        } else {
          const index = i, child = this, native = fds[i] >= 0;
          stream = new Readable({
            read() {},
            // As Node's closed pipe: a destroyed stream no longer keeps the loop alive (what the
            // child still writes is dropped).
            destroy(err, cb) {
              if (native && child._handle !== null) ops.op_child_pipe_ref(child._handle, index, false);
              cb(err);
            },
          });
          stream.writable = false; // as Node's stdout/stderr socket: readable only
          // As a Node pipe: unref() lets the process exit while the child's output is still open
          // (esbuild's long-lived service child relies on it); a no-op once the child has exited.
          if (native) {
            stream.ref = () => { if (this._handle !== null) ops.op_child_pipe_ref(this._handle, index, true); return stream; };
            stream.unref = () => { if (this._handle !== null) ops.op_child_pipe_ref(this._handle, index, false); return stream; };
          }
          this._closesNeeded++;
          stream.on('close', () => maybeClose(this));
          if (fds[i] === -2) nextTick(() => stream.push(null));
        }
        this.stdio[i] = stream;
      }
      // Extra pipes: the parent's end of each socketpair as a net.Socket, readable and writable,
      // and 'close' waits for it, as in Node.
      for (let i = 3; i < stdio.length; i++) {
        if (stdio[i] !== 'pipe' || !(fds[i] >= 0)) continue;
        const socket = new (requireBuiltin('net').Socket)({ fd: fds[i], readable: true, writable: true });
        this._closesNeeded++;
        socket.on('close', () => maybeClose(this));
        this.stdio[i] = socket;
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
        const err = errnoException(code, codeName || uvErrorOf(code)[0], syscall);
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
  }
  // Node's: disposing of a child kills it, unless it was already.
  if (typeof Symbol.dispose === 'symbol') {
    ChildProcess.prototype[Symbol.dispose] = function () {
      if (!this.killed) this.kill();
    };
  }
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
    validateAbortSignal(options.signal, 'options.signal');
    const killSignal = sanitizeKillSignal(options.killSignal) ?? 'SIGTERM';
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
    else if (options != null && (typeof options !== 'object' || Array.isArray(options))) throw invalidArgType('options', 'object', options);
    if (options == null || typeof options !== 'object') options = kEmptyObject;
    if (callback != null && typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    if (options.argv0 != null) {
      validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    return { file, args, options, callback };
  }
  function normalizeExecArgs(command, options, callback) {
    validateString(command, 'command');
    if (typeof options === 'function') { callback = options; options = undefined; }
    options = { __proto__: null, ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }

  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = { __proto__: null, encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', cwd: null, env: null, shell: false, ...options };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    const killSignal = sanitizeKillSignal(options.killSignal);
    const child = spawn(file, args, {
      cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal, uid: options.uid,
      windowsHide: !!options.windowsHide, windowsVerbatimArguments: !!options.windowsVerbatimArguments, argv0: options.argv0,
    });
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
        ex.code = code < 0 ? uvErrorOf(code)[0] : code;
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
  // Node's: the options made ready here, the child run by the internal spawnSync (which
  // --expose-internals tests replace to see the options).
  function spawnSync(file, args, options) {
    options = { __proto__: null, maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;
    if (options.input) {
      const stdin = options.stdio[0] = { ...options.stdio[0] };
      stdin.input = options.input;
    }
    for (let i = 0; i < options.stdio.length; i++) {
      const input = options.stdio[i] && options.stdio[i].input;
      if (input != null) {
        const pipe = options.stdio[i] = { ...options.stdio[i] };
        if (ArrayBuffer.isView(input)) pipe.input = input;
        else if (typeof input === 'string') pipe.input = Buffer.from(input, options.encoding && options.encoding !== 'buffer' ? options.encoding : 'utf8');
        else throw invalidArgType(`options.stdio[${i}]`, ['Buffer', 'TypedArray', 'DataView', 'string'], input);
      }
    }
    return childProcessInternals.spawnSync(options);
  }
  function internalSpawnSync(options) {
    let input = options.stdio[0] && options.stdio[0].input;
    if (input != null) input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const killSignal = options.killSignal === undefined ? SIGNALS.SIGTERM : options.killSignal;
    if (traceOn.syncIO) core.printSyncTrace(internalSpawnSync);
    const [pid, status, signal, stdout, stderr, errCode, errno] = ops.op_child_spawn_sync(options.file, options.args.map(String),
      options.envPairs, options.cwd == null ? null : options.cwd, opStdio(options.stdio), input == null ? null : input,
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
  // Node's fork(): the module in a new `node` (process.execPath: fe as node, NodeMode.swift)
  // with an IPC channel.
  function fork(modulePath, args, options) {
    if (modulePath instanceof URL) modulePath = toPath(modulePath, 'modulePath');
    validateString(modulePath, 'modulePath');
    if (args == null) args = [];
    else if (typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
    else if (!Array.isArray(args)) throw invalidArgType('args', 'Array', args);
    if (options != null && (typeof options !== 'object' || Array.isArray(options))) throw invalidArgType('options', 'Object', options);
    options = { __proto__: null, ...options, shell: false };
    options.execPath = options.execPath || process.execPath;
    let execArgv = options.execArgv || process.execArgv;
    if (execArgv === process.execArgv && process._eval != null) {
      const index = execArgv.lastIndexOf(process._eval);
      if (index > 0) { execArgv = execArgv.slice(0); execArgv.splice(index - 1, 2); }
    }
    args = [...execArgv, modulePath, ...args];
    if (typeof options.stdio === 'string') options.stdio = stdioStringToArray(options.stdio, 'ipc');
    else if (!Array.isArray(options.stdio)) options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
    else if (!options.stdio.includes('ipc')) throw nodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
    return spawn(options.execPath, args, options);
  }

  // -------------------------------------------------------------------------------------------
  // The IPC channel (Node's setupChannel): `target` is a ChildProcess in the parent or `process`
  // in a forked child. Messages are JSON lines, or with serialization 'advanced' a 4-byte
  // big-endian length and V8's serialization (the v8 builtin). Messages whose `cmd` starts with
  // NODE_ are Node's own ('internalMessage', cluster's protocol). A handle (a server, a socket,
  // a UDP socket) travels as its fd (SCM_RIGHTS) with a { cmd: 'NODE_HANDLE' } message, one at a
  // time: the next waits for the receiver's NODE_HANDLE_ACK.
  const channels = new Map(); // channel id -> onData(bytes | null, fds)
  core.onChannelData = (id, bytes, fds) => {
    const onData = channels.get(id);
    if (!onData) {
      if (fds) for (const fd of fds) ops.op_fs_close(fd);
      return;
    }
    if (bytes === null) channels.delete(id);
    try { onData(bytes, fds); } catch (e) { fatal(e); }
  };
  const isInternal = (m) => m !== null && typeof m === 'object' && typeof m.cmd === 'string' && m.cmd.length > 4 && m.cmd.startsWith('NODE_');
  const MAX_HANDLE_RETRANSMISSIONS = 3;
  const nop = () => {};

  // Node's handleConversion: what is sent for each kind of handle, and what the receiver makes
  // of the handle it gets. `this` is the channel's target.
  const handleConversion = {
    'net.Native': {
      send(message, handle) { return handle; },
      got(message, handle, emit) { emit(handle); },
    },
    'net.Server': {
      send(message, server) { return server._handle; },
      got(message, handle, emit) {
        const server = new (requireBuiltin('net').Server)();
        server.listen(handle, () => emit(server));
      },
    },
    'net.Socket': {
      send(message, socket, options) {
        if (!socket._handle) return undefined;
        // A server's socket: the receiver keeps count of it for the server's getConnections()
        // and close().
        if (socket.server) {
          message.key = socket.server._connectionKey;
          const firstTime = !this.channel.sockets.send[message.key];
          const socketList = getSocketList('send', this, message.key);
          if (firstTime) socket.server._setupWorker(socketList);
          if (!options.keepOpen) socket.server._connections--;
        }
        const handle = socket._handle;
        // The socket lets go of the handle; it is closed once the receiver has it.
        if (!options.keepOpen) {
          handle.onread = nop;
          handle.readStop();
          socket._handle = null;
          socket.setTimeout(0);
        }
        return handle;
      },
      postSend(message, handle, options, callback, target) {
        // Kept until NODE_HANDLE_ACK (one at a time); closed at once when the send failed.
        if (handle && !options.keepOpen) {
          if (target) target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
          else handle.close();
        }
      },
      got(message, handle, emit) {
        const socket = new (requireBuiltin('net').Socket)({ handle, readable: true, writable: true });
        if (message.key) getSocketList('got', this, message.key).add({ socket });
        emit(socket);
      },
    },
    'dgram.Native': {
      send(message, handle) { return handle; },
      got(message, handle, emit) { emit(handle); },
    },
    'dgram.Socket': {
      send(message, socket) {
        message.dgramType = socket.type;
        return netInternals.udpHandleOf(socket);
      },
      got(message, handle, emit) {
        const socket = requireBuiltin('dgram').createSocket(message.dgramType);
        socket.bind(handle, () => emit(socket));
      },
    },
  };
  function handleType(handle) {
    const net = requireBuiltin('net'), dgram = requireBuiltin('dgram');
    if (handle instanceof net.Socket) return 'net.Socket';
    if (handle instanceof net.Server) return 'net.Server';
    if (handle instanceof netInternals.SocketHandle) return 'net.Native';
    if (handle instanceof dgram.Socket) return 'dgram.Socket';
    if (handle instanceof netInternals.UDPHandle) return 'dgram.Native';
    throw nodeError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
  }
  // The fd a native handle sends, or -1 when it has none (closed, or a UDP socket not bound).
  function handleFd(handle) {
    if (!handle || !handle.id) return -1;
    const fd = ops.op_net_fd(handle.id);
    return fd >= 0 ? fd : -1;
  }

  // Node's internal/socket_list: the sender's and the receiver's view of a server's sockets
  // that went to the other process.
  class SocketListSend extends EventEmitter {
    constructor(child, key) {
      super();
      this.key = key;
      this.child = child;
      child.once('exit', () => this.emit('exit', this));
    }
    _request(msg, cmd, swallowErrors, callback) {
      const self = this;
      if (!this.child.connected) return onclose();
      this.child._send(msg, undefined, swallowErrors);
      function onclose() {
        self.child.removeListener('internalMessage', onreply);
        callback(nodeError(Error, 'ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received'));
      }
      function onreply(reply) {
        if (!(reply.cmd === cmd && reply.key === self.key)) return;
        self.child.removeListener('disconnect', onclose);
        self.child.removeListener('internalMessage', onreply);
        callback(null, reply);
      }
      this.child.once('disconnect', onclose);
      this.child.on('internalMessage', onreply);
      return undefined;
    }
    close(callback) {
      this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
    }
    getConnections(callback) {
      this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false, (err, msg) => {
        if (err) return callback(err);
        return callback(null, msg.count);
      });
    }
  }
  class SocketListReceive extends EventEmitter {
    constructor(child, key) {
      super();
      this.connections = 0;
      this.key = key;
      this.child = child;
      function onempty(self) {
        if (!self.child.connected) return;
        self.child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: self.key }, undefined, true);
      }
      this.child.on('internalMessage', (msg) => {
        if (msg.key !== this.key) return;
        if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
          if (this.connections === 0) onempty(this);
          else this.once('empty', onempty);
        } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
          if (!this.child.connected) return;
          this.child._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
        }
      });
    }
    add(obj) {
      this.connections++;
      obj.socket.once('close', () => {
        this.connections--;
        if (this.connections === 0) this.emit('empty', this);
      });
    }
  }
  function getSocketList(type, worker, key) {
    const sockets = worker.channel.sockets[type];
    let socketList = sockets[key];
    if (!socketList) {
      const Construct = type === 'send' ? SocketListSend : SocketListReceive;
      socketList = sockets[key] = new Construct(worker, key);
    }
    return socketList;
  }

  // What `target.channel` is: the handle's ref/unref, with Node's counting of the listeners
  // and sends that keep a child's channel alive (an explicit ref()/unref() wins).
  class Control extends EventEmitter {
    constructor(id, fd, refed) {
      super();
      this._id = id;
      this.fd = fd;
      this._refs = 0;
      this._refExplicitlySet = false;
      this._refed = refed;
      this.sockets = { got: {}, send: {} };
    }
    _set(on) { if (this._id !== null && this._refed !== on) { this._refed = on; ops.op_channel_ref(this._id, on); } }
    refCounted() { if (++this._refs === 1 && !this._refExplicitlySet) this._set(true); }
    unrefCounted() { if (--this._refs === 0 && !this._refExplicitlySet) this._set(false); }
    ref() { this._refExplicitlySet = true; this._set(true); }
    unref() { this._refExplicitlySet = true; this._set(false); }
    get pendingHandle() { return null; }
  }

  function encodeMessage(message, serialization) {
    if (serialization === 'advanced') {
      const payload = requireBuiltin('v8').serialize(message);
      const frame = Buffer.allocUnsafe(4 + payload.length);
      frame.writeUInt32BE(payload.length, 0);
      payload.copy(frame, 4);
      return frame;
    }
    return Buffer.from(JSON.stringify(message) + '\n');
  }

  function setupChannel(target, id, fd, serialization) {
    const control = new Control(id, fd, target !== process);
    target.channel = control;
    Object.defineProperty(target, '_channel', { get() { return this.channel; }, set(v) { this.channel = v; }, configurable: true, enumerable: false });
    target._handleQueue = null;
    target._pendingMessage = null;
    target.connected = true;
    const queue = []; // [bytes, callback, fd to pass, handle] waiting for the write in flight
    let writing = false;
    let closeWhenWritten = false;
    let pending = Buffer.alloc(0); // bytes of an unfinished message
    let text = '';
    const decoder = new TextDecoder();
    const receivedHandles = []; // handles that came with the bytes, for the next NODE_HANDLE

    function deliver(message, handle) {
      if (!target.channel) {
        if (handle) handle.close();
        return;
      }
      const event = isInternal(message) ? 'internalMessage' : 'message';
      nextTick(() => target.emit(event, message, handle));
    }
    function dispatch(message) {
      if (isInternal(message) && message.cmd === 'NODE_HANDLE') deliver(message, receivedHandles.shift());
      else deliver(message, undefined);
    }
    function onData(bytes, fds) {
      if (fds) {
        for (const passed of fds) {
          const handle = netInternals.adoptFd(passed);
          if (handle) receivedHandles.push(handle);
        }
      }
      if (bytes === null) {
        for (const handle of receivedHandles.splice(0)) handle.close();
        if (finished) return; // the end of our own close
        // The other side is gone: nothing queued can reach it any more.
        target.connected = false;
        target._handleQueue = null;
        finish();
        if (target !== process) maybeClose(target);
        return;
      }
      if (serialization === 'advanced') {
        pending = pending.length ? Buffer.concat([pending, asBuffer(bytes)]) : Buffer.from(asBuffer(bytes));
        while (pending.length >= 4) {
          const size = pending.readUInt32BE(0);
          if (pending.length < 4 + size) break;
          const payload = pending.subarray(4, 4 + size);
          pending = pending.subarray(4 + size);
          dispatch(requireBuiltin('v8').deserialize(payload));
        }
        return;
      }
      text += decoder.decode(bytes, { stream: true });
      let nl;
      while ((nl = text.indexOf('\n')) !== -1) {
        const line = text.slice(0, nl);
        text = text.slice(nl + 1);
        if (line.length) dispatch(JSON.parse(line));
      }
    }
    channels.set(id, onData);

    // Node's handling of handle acknowledgements and of handles received.
    target.on('internalMessage', function (message, handle) {
      if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
        if (target._pendingMessage) {
          if (message.cmd === 'NODE_HANDLE_ACK') {
            closePendingHandle(target);
          } else if (target._pendingMessage.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
            closePendingHandle(target);
            process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
          }
        }
        if (!Array.isArray(target._handleQueue)) return;
        const handleQueue = target._handleQueue;
        target._handleQueue = null;
        if (target._pendingMessage) {
          const p = target._pendingMessage;
          target._send(p.message, p.handle, p.options, p.callback);
        }
        for (const args of handleQueue) target._send(args.message, args.handle, args.options, args.callback);
        // A disconnect asked for while handles were in flight.
        if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
        return;
      }
      if (message.cmd !== 'NODE_HANDLE') return;
      // No fd came with it (the ancillary data was lost): the sender tries again.
      if (!handle) { target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true); return; }
      target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
      const obj = handleConversion[message.type];
      obj.got.call(this, message, handle, (converted) => {
        deliver(message.msg, converted);
      });
    });

    function writeNext() {
      if (writing) return;
      const next = queue.shift();
      if (!next) {
        if (closeWhenWritten) finish();
        return;
      }
      const [bytes, callback, passFd] = next;
      // Out at once when the socket has room (a child may send and exit right after); the rest
      // is written on a thread. The fd goes with the first byte.
      const sent = ops.op_channel_try_write(id, bytes, passFd);
      if (sent < 0) {
        const code = UV_ERRORS[-sent] ? UV_ERRORS[-sent][0] : 'EPIPE';
        const ex = errnoException(sent, code, 'write');
        if (typeof callback === 'function') nextTick(callback, ex);
        else nextTick(() => target.emit('error', ex));
        writeNext();
        return;
      }
      if (sent === bytes.length) {
        if (typeof callback === 'function') nextTick(callback, null);
        writeNext();
        return;
      }
      writing = true;
      control.refCounted();
      opAsyncNodeError(ops.op_channel_write, id, bytes.subarray(sent), sent === 0 ? passFd : -1).then(uncaughtIn(() => {
        writing = false;
        control.unrefCounted();
        if (typeof callback === 'function') callback(null);
        writeNext();
      }), uncaughtIn((err) => {
        writing = false;
        control.unrefCounted();
        const ex = errnoException(err.errno || -32, err.code || 'EPIPE', 'write');
        if (typeof callback === 'function') callback(ex);
        else target.emit('error', ex);
        writeNext();
      }));
    }

    target.send = function send(message, handle, options, callback) {
      if (typeof handle === 'function') { callback = handle; handle = undefined; options = undefined; }
      else if (typeof options === 'function') { callback = options; options = undefined; }
      else if (options !== undefined && (options === null || typeof options !== 'object')) throw invalidArgType('options', 'Object', options);
      options = { swallowErrors: false, ...options };
      if (this.connected) return this._send(message, handle, options, callback);
      const ex = nodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      if (typeof callback === 'function') nextTick(callback, ex);
      else nextTick(() => this.emit('error', ex));
      return false;
    };
    target._send = function _send(message, handle, options, callback) {
      if (message === undefined) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
      if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' && typeof message !== 'boolean') {
        throw invalidArgType('message', ['string', 'object', 'number', 'boolean'], message);
      }
      if (typeof options === 'boolean') options = { swallowErrors: options };
      else if (options == null) options = { swallowErrors: false };
      let obj;
      let passFd = -1;
      if (handle) {
        message = { cmd: 'NODE_HANDLE', type: handleType(handle), msg: message };
        // One handle at a time: the rest waits for the ACK.
        if (this._handleQueue) {
          this._handleQueue.push({ callback, handle, options, message: message.msg });
          return this._handleQueue.length === 1;
        }
        obj = handleConversion[message.type];
        handle = obj.send.call(target, message, handle, options);
        passFd = handleFd(handle);
        // A handle sent twice, or one with nothing to send: the message goes alone.
        if (passFd < 0) { handle = undefined; message = message.msg; }
      } else if (this._handleQueue && !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
        // Behind a handle waiting for its ACK, so messages keep their order.
        this._handleQueue.push({ callback, handle: null, options, message });
        return this._handleQueue.length === 1;
      }
      let bytes;
      try {
        bytes = encodeMessage(message, serialization);
      } catch (err) {
        if (obj && obj.postSend) obj.postSend(message, handle, options, callback);
        throw err;
      }
      const swallow = options.swallowErrors;
      const done = (err) => {
        if (err && handle && obj && obj.postSend) obj.postSend(message, handle, options, callback);
        if (err && swallow) return;
        if (typeof callback === 'function') callback(err);
        else if (err) target.emit('error', err);
      };
      if (handle) {
        if (!this._handleQueue) this._handleQueue = [];
        if (obj && obj.postSend) obj.postSend(message, handle, options, callback, target);
      }
      queue.push([bytes, (err) => done(err), passFd]);
      writeNext();
      return queue.length < 64;
    };
    target.disconnect = function disconnect() {
      if (!this.connected) {
        this.emit('error', nodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
        return;
      }
      // No new messages; the queued ones are still written (and handles waiting for an ACK
      // are sent first).
      this.connected = false;
      if (!this._handleQueue) this._disconnect();
    };
    target._disconnect = function _disconnect() {
      if (finished || closeWhenWritten) return;
      if (this._pendingMessage) closePendingHandle(this);
      if (writing || queue.length) closeWhenWritten = true;
      else nextTick(finish);
    };
    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      target.connected = false;
      target.channel = null;
      if (target._pendingMessage) closePendingHandle(target);
      if (channels.has(id)) ops.op_channel_close(id);
      control._id = null;
      nextTick(() => target.emit('disconnect'));
    }
    return control;
  }
  function closePendingHandle(target) {
    target._pendingMessage.handle.close();
    target._pendingMessage = null;
  }

  // A child forked by a Node parent: the channel named by NODE_CHANNEL_FD (60-globals.js calls
  // this at launch). Unref'd, and ref'd while 'message' or 'disconnect' has listeners, so a
  // child that does not listen exits when its work is done.
  core.setupChannelFromEnv = () => {
    const fdText = process.env.NODE_CHANNEL_FD;
    if (!fdText) return;
    const serialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
    delete process.env.NODE_CHANNEL_FD;
    delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
    const fd = Number(fdText);
    if (Number.isInteger(fd) && fd >= 0) forkChild(fd, serialization);
  };
  // Node's child_process._forkChild(fd, serializationMode).
  function forkChild(fd, serialization) {
    const control = setupChannel(process, ops.op_channel_open(fd, false), fd, serialization);
    process.on('newListener', (name) => { if (name === 'message' || name === 'disconnect') control.refCounted(); });
    process.on('removeListener', (name) => { if (name === 'message' || name === 'disconnect') control.unrefCounted(); });
  }

  Object.assign(childProcessInternals, {
    ChildProcess, getValidStdio, spawnSync: internalSpawnSync, stdioStringToArray,
  });
  // internal/socket_list, for --expose-internals (47-internals.js).
  core.socketList = { SocketListSend, SocketListReceive };
  const exports = { _forkChild: forkChild, ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync };
  registerBuiltin('child_process', exports);
  return exports;
})();
