// net: TCP and Unix-socket servers and clients. Node's lib/net.js semantics (event order,
// half-open, backpressure, timeouts, error shapes) over socket handles that live in Swift
// (Sources/FeRuntime/Sockets): ops start reads, writes, connects and listens, and the handles'
// events come back through core.onSocket(id, event, a, b). Also BlockList, SocketAddress, isIP.
// Uses from earlier files: 00-core.js (core, traceOn, opError, uvErrorOf, check); 01-inspect.js (customInspect, inspect); 02-errors.js (nodeError, receivedType, invalidArgType, validateFunction, validateBoolean, outOfRange, invalidArgValue, missingArgs); 03-loop.js (asyncIdSymbol, triggerAsyncIdSymbol, newAsyncId, defaultTriggerAsyncId, emitInit, nextTick, fatal, TIMEOUT_MAX, timers, Timeout, setTimeout, clearTimeout, setImmediate, opAsync); 04-events.js (EventEmitter); 05-process.js (process, activeHandleSources); 07-path.js (path); 08-fs.js (validateInt32, validateUint32, O, then, fs); 09-url.js (parseIPv4, parseIPv6); 10-builtins.js (registerBuiltin, requireBuiltin); 11-buffer.js (asFastBuffer, Buffer, compareBytes); 15-streams.js (nodeStream); 30-diagnostics_channel.js (diagnosticsChannel).
const socketHandles = new Map();
// The refed ones keep the loop alive: process._getActiveHandles lists their owners.
activeHandleSources.push(() => {
  const out = [];
  for (const handle of socketHandles.values()) if (handle.hasRef()) out.push([handle.owner || handle, handle.wrapType()]);
  return out;
});
// A worker's end closes its sockets, refed or not, as Node's environment cleanup closes every
// handle (39-worker_threads.js): their descriptors belong to the process.
core.closeSocketHandles = () => {
  const handles = Array.from(socketHandles.values());
  for (let i = 0; i < handles.length; i++) handles[i].close();
};
// The events Swift sends (SocketEvent in Sockets/PolledSocket.swift).
const SOCKET_EVENT = { connection: 1, data: 2, connect: 3, written: 4, message: 5 };
core.onSocket = (id, event, a, b) => {
  const handle = socketHandles.get(id);
  if (handle) {
    try { handle.onEvent(event, a, b); } catch (e) { fatal(e); }
  }
};

// A TCP, Unix or UDP socket's own or peer address into `out` (libuv's getsockname/getpeername
// shape): 0, or a negative errno (-9, EBADF, once closed).
function socketName(id, out, peer) {
  if (!id) return -9;
  const r = ops.op_net_name(id, peer);
  if (typeof r === 'number') return r;
  out.address = r[0];
  out.family = r[1];
  out.port = r[2];
  return 0;
}
// Node's errnoException: "read ECONNRESET".
function socketErrno(err, syscall, original) {
  err = -Math.abs(err);
  const [code] = uvErrorOf(err);
  const e = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}
// Node's exceptionWithHostPort: "connect ECONNREFUSED 127.0.0.1:80".
function socketErrorWithHostPort(err, syscall, address, port, additional) {
  err = -Math.abs(err);
  const [code] = uvErrorOf(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const e = new Error(`${syscall} ${code}${details}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  e.address = address;
  if (port) e.port = port;
  return e;
}
// Node's uvExceptionWithHostPort: "listen EADDRINUSE: address already in use :::8080".
function uvErrorWithHostPort(err, syscall, address, port) {
  err = -Math.abs(err);
  const [code, text] = uvErrorOf(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const e = new Error(`${syscall} ${code}: ${text}${details}`);
  e.code = code;
  e.errno = err;
  e.syscall = syscall;
  e.address = address;
  if (port) e.port = port;
  return e;
}

// Node's validatePort and ERR_SOCKET_BAD_PORT.
function validateSocketPort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') || (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw nodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536. Received ${receivedType(port)}.`);
  }
  return port | 0;
}

// internal/net.js: the address checks Node uses everywhere.
const ipv4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const ipv4Str = `(?:${ipv4Seg}\\.){3}${ipv4Seg}`;
const ipv4Reg = new RegExp(`^${ipv4Str}$`);
const ipv6Seg = '(?:[0-9a-fA-F]{1,4})';
const ipv6Reg = new RegExp('^(?:' +
  `(?:${ipv6Seg}:){7}(?:${ipv6Seg}|:)|` +
  `(?:${ipv6Seg}:){6}(?:${ipv4Str}|:${ipv6Seg}|:)|` +
  `(?:${ipv6Seg}:){5}(?::${ipv4Str}|(?::${ipv6Seg}){1,2}|:)|` +
  `(?:${ipv6Seg}:){4}(?:(?::${ipv6Seg}){0,1}:${ipv4Str}|(?::${ipv6Seg}){1,3}|:)|` +
  `(?:${ipv6Seg}:){3}(?:(?::${ipv6Seg}){0,2}:${ipv4Str}|(?::${ipv6Seg}){1,4}|:)|` +
  `(?:${ipv6Seg}:){2}(?:(?::${ipv6Seg}){0,3}:${ipv4Str}|(?::${ipv6Seg}){1,5}|:)|` +
  `(?:${ipv6Seg}:){1}(?:(?::${ipv6Seg}){0,4}:${ipv4Str}|(?::${ipv6Seg}){1,6}|:)|` +
  `(?::(?:(?::${ipv6Seg}){0,5}:${ipv4Str}|(?::${ipv6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');
const isIPv4 = (s) => ipv4Reg.test(`${s}`);
const isIPv6 = (s) => ipv6Reg.test(`${s}`);
const isIP = (s) => (isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0);

// What tls (36-tls.js) builds on: net's socket handle, which a TLS handle wraps.
const netInternals = {};
const netModule = (() => {
  const { Duplex } = nodeStream;
  const kTimeout = Symbol('timeout');
  // Node's internal/timers kTimeout: where a socket keeps its idle Timeout.
  netInternals.kTimeout = kTimeout;
  const kBytesRead = Symbol('kBytesRead');
  const kBytesWritten = Symbol('kBytesWritten');
  const kSetNoDelay = Symbol('kSetNoDelay');
  const kSetKeepAlive = Symbol('kSetKeepAlive');
  const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
  const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
  const normalizedArgs = Symbol('normalizedArgs');
  // Node's onread option: reads land in a buffer of the caller's, handed to its callback.
  const kBuffer = Symbol('kBuffer');
  const kBufferCb = Symbol('kBufferCb');
  const kBufferGen = Symbol('kBufferGen');
  const kBufferPending = Symbol('kBufferPending'); // bytes read but not yet given (paused)
  const kBufferPendingEnd = Symbol('kBufferPendingEnd'); // the end of the stream after them
  const kPerfHooksNetConnectContext = Symbol('kPerfHooksNetConnectContext');
  // Node's default is --enable-network-family-autoselection (read when first needed: the
  // module is made before the command line is known).
  let autoSelectFamilyDefaultValue;
  const autoSelectFamilyDefault = () => {
    if (autoSelectFamilyDefaultValue === undefined) {
      const args = [...String(process.env.NODE_OPTIONS || '').split(/\s+/), ...process.execArgv];
      autoSelectFamilyDefaultValue = args.includes('--enable-network-family-autoselection');
    }
    return autoSelectFamilyDefaultValue;
  };
  let warnSimultaneousAccepts = true;
  let autoSelectFamilyAttemptTimeoutDefault = 250;

  const netError = (Base, code, message) => nodeError(Base, code, message);
  const toBuffer = (bytes) => asFastBuffer(bytes);

  function validateNumber(value, name, min, max) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
      throw outOfRange(name, `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`, value);
    }
  }

  // Node's handle wraps as its bindings show them (src/handle_wrap.cc, stream_wrap.cc,
  // stream_base.cc): HandleWrap <- LibuvStreamWrap <- TCP, Pipe (here) and TTY (20-tty.js via
  // netInternals); UDP (34-dgram.js) is a HandleWrap. The accessors of a stream wrap check their
  // receiver as V8's signatures do ("Illegal invocation" for anything else), and are neither
  // enumerable nor configurable (StreamBase::AddMethods' ReadOnly|DontDelete|DontEnum).
  const handleWraps = new WeakSet();
  // Node's owner_symbol (internal/async_hooks): a handle's JavaScript owner.
  const ownerSymbol = Symbol('owner_symbol');
  netInternals.ownerSymbol = ownerSymbol;
  const kHandleBytesRead = Symbol('bytesRead');
  const kHandleBytesWritten = Symbol('bytesWritten');
  const kHandleFd = Symbol('fd');
  const illegalInvocation = () => new TypeError('Illegal invocation');
  const checkWrap = (self) => { if (!handleWraps.has(self)) throw illegalInvocation(); };
  // Node's stream_base.h StreamBaseStateFields: what the last read and write left for JS.
  const kReadBytesOrError = 0, kArrayBufferOffset = 1, kStateBytesWritten = 2, kLastWriteWasAsync = 3;
  const streamBaseState = new Int32Array(5);
  const UV_EOF = -4095;
  // Each is an async resource of its provider type (TCPWRAP, PIPEWRAP, ...): init when made,
  // destroy when closed, and asyncReset() gives it a new id (a pooled socket's next user).
  const kProvider = Symbol('provider');
  const kDestroyed = Symbol('destroyed');
  class HandleWrap {
    constructor(provider) {
      handleWraps.add(this);
      this[kProvider] = provider;
      this[kDestroyed] = false;
      this[asyncIdSymbol] = newAsyncId();
      this[triggerAsyncIdSymbol] = defaultTriggerAsyncId();
      emitInit(this[asyncIdSymbol], provider, this[triggerAsyncIdSymbol], this);
    }
    getAsyncId() { return this[asyncIdSymbol]; }
    getProviderType() { return core.asyncWrapBinding.Providers[this[kProvider]]; }
    asyncReset(resource = this) {
      if (this[asyncIdSymbol] !== -1 && !this[kDestroyed]) core.asyncWrapBinding.queueDestroyAsyncId(this[asyncIdSymbol]);
      this[kDestroyed] = false;
      this[asyncIdSymbol] = newAsyncId();
      this[triggerAsyncIdSymbol] = defaultTriggerAsyncId();
      emitInit(this[asyncIdSymbol], this[kProvider], this[triggerAsyncIdSymbol], resource);
    }
    // Node's HandleWrap::OnClose: the destroy hooks, once.
    destroyAsyncId() {
      if (this[kDestroyed]) return;
      this[kDestroyed] = true;
      core.asyncWrapBinding.queueDestroyAsyncId(this[asyncIdSymbol]);
    }
  }
  const kExternal = Symbol('kExternal');
  let externalIds = 0;
  class LibuvStreamWrap extends HandleWrap {
    constructor(provider) {
      super(provider);
      this[kHandleBytesRead] = 0;
      this[kHandleBytesWritten] = 0;
    }
    // StreamBase's writes: `req` (a WriteWrap) gets oncomplete(status, handle, error) when the
    // kernel took the bytes; streamBaseState says how many and whether that is still to come.
    writeBuffer(req, data) { return streamBaseWrite(this, req, data); }
    writev(req, chunks, allBuffers) {
      const parts = [];
      if (allBuffers) for (const chunk of chunks) parts.push(chunk);
      else for (let i = 0; i < chunks.length; i += 2) parts.push(typeof chunks[i] === 'string' ? Buffer.from(chunks[i], chunks[i + 1]) : chunks[i]);
      return streamBaseWrite(this, req, Buffer.concat(parts));
    }
    writeUtf8String(req, s) { return streamBaseWrite(this, req, Buffer.from(s, 'utf8')); }
    writeAsciiString(req, s) { return streamBaseWrite(this, req, Buffer.from(s, 'latin1')); }
    writeLatin1String(req, s) { return streamBaseWrite(this, req, Buffer.from(s, 'latin1')); }
    writeUcs2String(req, s) { return streamBaseWrite(this, req, Buffer.from(s, 'ucs2')); }
  }
  // StreamBase's mark (its prototype template's isStreamBase: true).
  LibuvStreamWrap.prototype.isStreamBase = true;
  function streamBaseWrite(handle, req, buffer) {
    streamBaseState[kStateBytesWritten] = buffer.length;
    streamBaseState[kLastWriteWasAsync] = 0;
    const err = handle.write(buffer, (status) => {
      if (req && typeof req.oncomplete === 'function') req.oncomplete(status, handle, undefined);
    });
    if (err === 0 && handle.lastWriteAsync) streamBaseState[kLastWriteWasAsync] = 1;
    return err;
  }
  Object.defineProperties(LibuvStreamWrap.prototype, {
    fd: { get() { checkWrap(this); return this[kHandleFd](); }, enumerable: false, configurable: false },
    bytesRead: { get() { checkWrap(this); return this[kHandleBytesRead]; }, enumerable: false, configurable: false },
    bytesWritten: {
      get() { checkWrap(this); return this[kHandleBytesWritten]; },
      // (Node's makeSyncWrite counts what it wrote past the handle.)
      set(v) { checkWrap(this); this[kHandleBytesWritten] = v; },
      enumerable: false, configurable: false,
    },
    // StreamBase's pointer for native consumers: here an opaque handle to the stream (an
    // External, one per handle).
    _externalStream: {
      get() {
        checkWrap(this);
        if (this[kExternal] === undefined) this[kExternal] = ops.op_external_new(++externalIds);
        return this[kExternal];
      },
      enumerable: false, configurable: false,
    },
  });
  // Requests: a connect's (TCPConnectWrap, PipeConnectWrap), a shutdown's and a write's. Node's
  // are native objects JS gives an oncomplete to; these are those objects.
  class ShutdownWrap {}
  class WriteWrap {}
  class TCPConnectWrap {}
  class PipeConnectWrap {}

  // A handle in Swift, by id: a stream socket (TCP or Unix) or a listening one. `kind` is 0 for
  // TCP and 1 for a Unix socket; the id comes with connect() or listen(). As Node's, they are
  // TCP or Pipe instances (the classes below), which internalBinding('tcp_wrap') and
  // ('pipe_wrap') give out.
  class SocketHandle extends LibuvStreamWrap {
    constructor(kind, server = false) {
      super(kind === 1 ? (server ? 'PIPESERVERWRAP' : 'PIPEWRAP') : (server ? 'TCPSERVERWRAP' : 'TCPWRAP'));
      this.kind = kind;
      this.id = 0;
      this.reading = false;
      this.refed = true;
      this.owner = null;
      this.writes = new Map();
      this.onconnection = null;
      this.onconnect = null;
    }
    attach(id) {
      this.id = id;
      socketHandles.set(id, this);
      if (!this.refed) ops.op_net_ref(id, false);
      // Set before the socket existed: libuv keeps these flags and applies them once it does.
      if (this.noDelay !== undefined) this.setNoDelay(this.noDelay);
      if (this.keepAlive !== undefined) this.setKeepAlive(...this.keepAlive);
    }
    readStart() { if (this.id) ops.op_net_read(this.id, true); return 0; }
    readStop() { if (this.id) ops.op_net_read(this.id, false); return 0; }
    ref() { this.refed = true; if (this.id) ops.op_net_ref(this.id, true); }
    unref() { this.refed = false; if (this.id) ops.op_net_ref(this.id, false); }
    hasRef() { return this.refed; }
    // Node's handle.fd: the socket's descriptor, -1 when there is none (not yet, or closed).
    [kHandleFd]() {
      const fd = this.id ? ops.op_net_fd(this.id) : -1;
      return fd < 0 ? -1 : fd;
    }
    // The name of Node's handle wrap (process.getActiveResourcesInfo).
    wrapType() { return this.kind === 1 ? 'PipeWrap' : this.onconnection ? 'TCPServerWrap' : 'TCPSocketWrap'; }
    // Closing is final at once; the callback comes in the loop's next turn, as libuv's close
    // callbacks do.
    close(cb, reset = false) {
      if (this.id) {
        socketHandles.delete(this.id);
        ops.op_net_close(this.id, reset);
        this.id = 0;
      }
      this.writes.clear();
      this.destroyAsyncId();
      if (typeof cb === 'function') setImmediate(cb);
    }
    getsockname(out) { return this.name(out, false); }
    getpeername(out) { return this.name(out, true); }
    name(out, peer) { return socketName(this.id, out, peer); }
    setNoDelay(on) {
      if (!this.id) { this.noDelay = on; return 0; }
      return this.kind === 0 ? ops.op_net_nodelay(this.id, on) : 0;
    }
    setKeepAlive(on, delaySeconds) {
      if (!this.id) { this.keepAlive = [on, delaySeconds]; return 0; }
      return this.kind === 0 ? ops.op_net_keepalive(this.id, on, delaySeconds) : 0;
    }
    // Node's TCPWrap/PipeWrap::Connect: 0 or -errno now; req.oncomplete(status, handle, req,
    // readable, writable) when the connection is made or fails.
    connect(req, address, port) {
      if (this.id) return -22; // EINVAL: a handle connects once
      const r = this.kind === 1 ? ops.op_net_connect(1, `${address}`, 0, null, 0) : ops.op_net_connect(0, `${address}`, port | 0, null, 0);
      if (typeof r !== 'number') return -Math.abs(r[0]);
      this.attach(r);
      this.onconnect = (status) => {
        this.onconnect = null;
        if (typeof req.oncomplete === 'function') req.oncomplete(status, this, req, status === 0, status === 0);
      };
      return 0;
    }
    connect6(req, address, port) { return this.connect(req, address, port); }
    onEvent(event, a, b) {
      switch (event) {
        case SOCKET_EVENT.connection:
          if (this.onconnection) {
            if (b) return this.onconnection(b, null);
            const client = newSocketHandle(this.kind);
            client.attach(a);
            this.onconnection(0, client);
          } else if (!b) ops.op_net_close(a, false);
          return;
        case SOCKET_EVENT.data:
          if (a) this[kHandleBytesRead] += a.length;
          else this.reading = false;
          if (this.onread) this.onread(a ? toBuffer(a) : null, b || 0);
          return;
        case SOCKET_EVENT.connect:
          if (this.onconnect) this.onconnect(b);
          return;
        case SOCKET_EVENT.written: {
          const cb = this.writes.get(a);
          this.writes.delete(a);
          if (cb) cb(b);
          return;
        }
      }
    }
    // 0 when the kernel took everything now; otherwise `cb(status)` follows. Returns -errno on failure.
    write(buffer, cb) {
      if (!this.id) return -9;
      const r = ops.op_net_write(this.id, buffer);
      if (r < 0) return r;
      this[kHandleBytesWritten] += buffer.length;
      if (r > 0) { this.writes.set(r, cb); this.lastWriteAsync = true; } else this.lastWriteAsync = false;
      return 0;
    }
    get writeQueueSize() { return this.writes.size; }
    // 0 or -errno; with a ShutdownWrap (Node's StreamBase::Shutdown), its oncomplete(status,
    // handle, undefined) follows once the write side is shut.
    shutdown(req) {
      const err = this.id ? ops.op_net_shutdown(this.id) : -107;
      if (err === 0 && req !== undefined && req !== null) {
        setImmediate(() => { if (typeof req.oncomplete === 'function') req.oncomplete(0, this, undefined); });
      }
      return err;
    }
  }
  // tcp_wrap's and pipe_wrap's constants (src/tcp_wrap.cc, pipe_wrap.cc).
  const TCPConstants = { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1 };
  const PipeConstants = { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 };
  function checkHandleType(type, max) {
    if (!Number.isInteger(type) || type < 0 || type > max) throw new TypeError(`Invalid handle type: ${type}`);
  }
  class TCP extends SocketHandle {
    #bound = null;
    constructor(type = TCPConstants.SOCKET) {
      checkHandleType(type, 1);
      super(0, type === TCPConstants.SERVER);
      this.type = type;
    }
    // tcp_wrap's bind/bind6: 0, with a socket bound to the address now (so the address is
    // taken), or -errno; listen() then listens on that socket, connect() connects from there.
    bind(address, port) { return this.#bind(address, port, false); }
    bind6(address, port, flags) { return this.#bind(address, port, (flags & TCPConstants.UV_TCP_IPV6ONLY) !== 0); }
    #bind(address, port, ipv6Only) {
      if (this.id || this.#bound !== null) return -22; // UV_EINVAL: bound once, before use
      const fd = ops.op_net_bind(`${address}`, port >>> 0, ipv6Only);
      if (fd < 0) return fd;
      this.#bound = { fd, address: `${address}`, port: port >>> 0 };
      return 0;
    }
    #releaseBound() {
      const bound = this.#bound;
      this.#bound = null;
      if (bound !== null) fs.closeSync(bound.fd);
      return bound;
    }
    listen(backlog) {
      if (this.#bound === null) return -22;
      const r = ops.op_net_listen_fd(this.#bound.fd, backlog | 0, false);
      if (typeof r === 'number') return r;
      this.#bound = null; // the listening handle owns the fd now
      this.attach(r[0]);
      return 0;
    }
    connect(req, address, port) {
      if (this.#bound === null) return super.connect(req, address, port);
      if (this.id) return -22;
      // From the bound address: fe's connect binds its own socket there.
      const { address: local, port: localPort } = this.#releaseBound();
      const r = ops.op_net_connect(0, `${address}`, port | 0, local, localPort);
      if (typeof r !== 'number') return -Math.abs(r[0]);
      this.attach(r);
      this.onconnect = (status) => {
        this.onconnect = null;
        if (typeof req.oncomplete === 'function') req.oncomplete(status, this, req, status === 0, status === 0);
      };
      return 0;
    }
    close(cb, reset = false) {
      this.#releaseBound();
      super.close(cb, reset);
    }
  }
  class Pipe extends SocketHandle {
    constructor(type = PipeConstants.SOCKET) {
      checkHandleType(type, 2);
      super(1, type === PipeConstants.SERVER);
      this.type = type;
    }
  }
  // Node's internalBinding('js_stream').JSStream (src/js_stream.cc): a stream handle whose I/O is
  // JavaScript's. Its readStart/readStop/writes/shutdown call the owner's onreadstart/onreadstop/
  // onwrite(req, buffers)/onshutdown(req) (a missing one answers 0, as MakeCallback's undefined);
  // the owner answers with readBuffer(chunk)/emitEOF(), which reach onread as StreamBase's do
  // (onread(arrayBuffer) with the count or UV_EOF in streamBaseState), and finishWrite/
  // finishShutdown(req, status), which call req.oncomplete(status, handle, undefined). A callback
  // that throws is an uncaught exception, and the call fails with EPROTO. net.Socket writes
  // through write(buffer, cb) (fe's stream handle interface), a WriteWrap of its own.
  const kWriteCallback = Symbol('kWriteCallback');
  class JSStream extends LibuvStreamWrap {
    constructor() {
      super('JSSTREAM');
      this.reading = false;
      this.pendingWrites = 0;
      this.lastWriteAsync = true;
      this.onread = null;
    }
    [kHandleFd]() { return -1; }
    callOwner(name, ...args) {
      try {
        const fn = this[name];
        if (typeof fn !== 'function') return 0;
        return Number(fn.apply(this, args)) | 0;
      } catch (e) {
        fatal(e);
        return -71; // UV_EPROTO
      }
    }
    readStart() { return this.callOwner('onreadstart'); }
    readStop() { return this.callOwner('onreadstop'); }
    // StreamBase's writes: JSStream has no try-write, so every write is asynchronous.
    writeReq(req, buffers) {
      let size = 0;
      for (const b of buffers) size += b.length;
      streamBaseState[kStateBytesWritten] = size;
      streamBaseState[kLastWriteWasAsync] = 1;
      this.lastWriteAsync = true;
      const err = this.callOwner('onwrite', req, buffers);
      if (err !== 0) return err;
      this.pendingWrites++;
      this[kHandleBytesWritten] += size;
      return 0;
    }
    write(buffer, cb) {
      const req = new WriteWrap();
      req[kWriteCallback] = cb;
      return this.writeReq(req, [buffer]);
    }
    writeBuffer(req, data) { return this.writeReq(req, [data]); }
    writev(req, chunks, allBuffers) {
      const parts = [];
      if (allBuffers) for (const chunk of chunks) parts.push(chunk);
      else for (let i = 0; i < chunks.length; i += 2) parts.push(typeof chunks[i] === 'string' ? Buffer.from(chunks[i], chunks[i + 1]) : chunks[i]);
      return this.writeReq(req, parts);
    }
    writeUtf8String(req, s) { return this.writeReq(req, [Buffer.from(s, 'utf8')]); }
    writeAsciiString(req, s) { return this.writeReq(req, [Buffer.from(s, 'latin1')]); }
    writeLatin1String(req, s) { return this.writeReq(req, [Buffer.from(s, 'latin1')]); }
    writeUcs2String(req, s) { return this.writeReq(req, [Buffer.from(s, 'ucs2')]); }
    get writeQueueSize() { return this.pendingWrites; }
    shutdown(req) {
      if (req === undefined || req === null) req = new ShutdownWrap();
      return this.callOwner('onshutdown', req);
    }
    isAlive() { return true; }
    finishWrite(req, status) {
      if (this.pendingWrites > 0) this.pendingWrites--;
      if (typeof req[kWriteCallback] === 'function') req[kWriteCallback](status);
      else if (typeof req.oncomplete === 'function') req.oncomplete(status, this, undefined);
    }
    finishShutdown(req, status) {
      if (typeof req.oncomplete === 'function') req.oncomplete(status, this, undefined);
    }
    // A copy of the chunk, as the native side's buffer is its own.
    readBuffer(chunk) {
      if (!ArrayBuffer.isView(chunk)) throw invalidArgType('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
      const copy = new Uint8Array(chunk.byteLength);
      copy.set(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this[kHandleBytesRead] += copy.length;
      streamBaseState[kReadBytesOrError] = copy.length;
      streamBaseState[kArrayBufferOffset] = 0;
      if (typeof this.onread === 'function') this.onread(copy.buffer);
    }
    emitEOF() {
      streamBaseState[kReadBytesOrError] = UV_EOF;
      streamBaseState[kArrayBufferOffset] = 0;
      if (typeof this.onread === 'function') this.onread(undefined);
    }
  }
  netInternals.jsStreamBinding = { JSStream };

  // Node's internalBinding('tty_wrap').TTY (src/tty_wrap.cc): a terminal descriptor as a stream
  // handle. new TTY(fd, ctx) fills ctx (errno, code, message, syscall) when fd is no terminal.
  // Reads run one at a time on the blocking pool and come to onread(bytes, 0) / (null, 0) at the
  // end / (null, -errno); writes are whole and synchronous (fe's stdio writes), so a write is never
  // left pending.
  const ttyErrno = (result) => (result && result.__feError ? opError(result.__feError).errno || -22 : 0);
  class TTY extends LibuvStreamWrap {
    constructor(fd, ctx) {
      if (!Number.isInteger(fd) || fd < 0 || fd > 0x7fffffff) throw invalidArgType('fd', 'int32', fd);
      super('TTYWRAP');
      this.ttyFd = fd;
      this.reading = false;
      this.refed = true;
      this.closed = false;
      this.onread = null;
      this.lastWriteAsync = false;
      if (!ops.op_tty_isatty(fd) && ctx !== null && typeof ctx === 'object') {
        Object.assign(ctx, { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' });
      }
    }
    [kHandleFd]() { return this.closed ? -1 : this.ttyFd; }
    // [columns, rows] into `size`: 0, or -errno.
    getWindowSize(size) {
      const r = ops.op_tty_size(this.ttyFd);
      if (!Array.isArray(r)) return ttyErrno(r) || -25;
      size[0] = r[0];
      size[1] = r[1];
      return 0;
    }
    setRawMode(flag) { return ttyErrno(ops.op_tty_set_raw(this.ttyFd, !!flag)); }
    readStart() {
      if (this.closed) return -9;
      if (this.reading) return 0;
      this.reading = true;
      const step = () => {
        if (!this.reading || this.closed) { this.readInFlight = false; return; }
        this.readInFlight = true;
        opAsync(ops.op_fs_read_at_async, this.ttyFd, 65536, -1).then((bytes) => {
          this.readInFlight = false;
          if (this.closed) return;
          if (bytes.length === 0) {
            this.reading = false;
            if (typeof this.onread === 'function') this.onread(null, 0);
            return;
          }
          this[kHandleBytesRead] += bytes.length;
          if (typeof this.onread === 'function') this.onread(toBuffer(bytes), 0);
          if (this.reading) step();
        }, (err) => {
          this.readInFlight = false;
          if (this.closed) return;
          this.reading = false;
          const e = err && err.__feError ? opError(err.__feError) : err;
          if (typeof this.onread === 'function') this.onread(null, e?.errno || -5);
        });
      };
      if (!this.readInFlight) step();
      return 0;
    }
    readStop() { this.reading = false; return 0; }
    write(buffer, cb) {
      if (this.closed) return -9;
      ops.op_write(this.ttyFd, buffer);
      this[kHandleBytesWritten] += buffer.length;
      this.lastWriteAsync = false;
      return 0;
    }
    get writeQueueSize() { return 0; }
    shutdown(req) {
      if (this.closed) return -107;
      if (req !== undefined && req !== null) {
        setImmediate(() => { if (typeof req.oncomplete === 'function') req.oncomplete(0, this, undefined); });
      }
      return 0;
    }
    ref() { this.refed = true; }
    unref() { this.refed = false; }
    hasRef() { return this.refed && !this.closed; }
    // As libuv's: a descriptor past stdio is the handle's own, closed with it.
    close(cb) {
      if (!this.closed) {
        this.closed = true;
        this.reading = false;
        if (this.ttyFd > 2) ops.op_fs_close(this.ttyFd);
        this.destroyAsyncId();
      }
      if (typeof cb === 'function') setImmediate(cb);
    }
  }
  netInternals.ttyWrapBinding = { TTY, isTTY: (fd) => ops.op_tty_isatty(fd) };
  function newSocketHandle(kind, server = false) {
    return kind === 1 ? new Pipe(server ? PipeConstants.SERVER : PipeConstants.SOCKET) : new TCP(server ? TCPConstants.SERVER : TCPConstants.SOCKET);
  }
  Object.assign(netInternals, {
    HandleWrap, LibuvStreamWrap, TCP, Pipe, newSocketHandle, handleWraps, checkWrap, kHandleFd,
    kHandleBytesRead, kHandleBytesWritten, streamBaseState, UV_EOF,
    tcpWrapBinding: { TCP, TCPConnectWrap, constants: TCPConstants },
    pipeWrapBinding: { Pipe, PipeConnectWrap, constants: PipeConstants },
    streamWrapBinding: {
      LibuvStreamWrap, ShutdownWrap, WriteWrap, streamBaseState,
      kReadBytesOrError, kArrayBufferOffset, kBytesWritten: kStateBytesWritten, kLastWriteWasAsync,
    },
  });

  // Node's createHandle for net.Socket({ fd }): a stream socket or a pipe the process has,
  // owned by the handle from then; anything else is ERR_INVALID_FD_TYPE with libuv's name for it.
  function createHandle(fd) {
    validateInt32(fd, 'fd', 0);
    const r = ops.op_net_adopt(fd, true);
    if (typeof r === 'number') {
      let type = 'UNKNOWN';
      if (r === -9) throw socketErrno(r, 'open');
      if (ops.op_tty_isatty(fd)) type = 'TTY';
      else {
        try { if (fs.fstatSync(fd).isFile()) type = 'FILE'; } catch {}
      }
      throw netError(TypeError, 'ERR_INVALID_FD_TYPE', `Unsupported fd type: ${type}`);
    }
    const handle = newSocketHandle(r[1]);
    handle.attach(r[0]);
    return handle;
  }

  netInternals.SocketHandle = SocketHandle;
  // A socket fd another process sent over an IPC channel (16-child_process.js): its handle, a
  // stream or listening SocketHandle or a UDP one (34-dgram.js); null when it is no socket.
  netInternals.adoptFd = (fd) => {
    const r = ops.op_net_adopt(fd);
    if (typeof r === 'number') { ops.op_fs_close(fd); return null; }
    const [id, kind] = r;
    if (kind >= 4) return netInternals.adoptUdp(id, kind === 5 ? 6 : 4);
    const handle = newSocketHandle(kind & 1, kind >= 2);
    handle.attach(id);
    return handle;
  };

  // ---------------------------------------------------------------------------------------------
  // Socket
  function Socket(options) {
    if (!(this instanceof Socket)) return new Socket(options);
    if (options === undefined) options = {};
    else if (typeof options === 'number') options = { fd: options };
    else if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
    if (options.objectMode) throw invalidArgValue('options.objectMode', options.objectMode, 'is not supported');
    if (options.readableObjectMode || options.writableObjectMode) {
      throw invalidArgValue(`options.${options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode'}`,
        options.readableObjectMode || options.writableObjectMode, 'is not supported');
    }
    this.connecting = false;
    this._hadError = false;
    this[asyncIdSymbol] = -1;
    this._handle = null;
    this._parent = null;
    this._host = null;
    this[kLastWriteQueueSize] = 0;
    this[kTimeout] = null;
    options = { ...options };
    // Node's defaults: no half-open unless asked, 'close' emitted by the socket itself, strings
    // handled here rather than decoded by the stream.
    options.allowHalfOpen = Boolean(options.allowHalfOpen);
    options.emitClose = false;
    options.autoDestroy = true;
    options.decodeStrings = false;
    Duplex.call(this, options);
    if (options.handle) {
      this._handle = options.handle;
      this._handle.owner = this;
    } else if (options.fd !== undefined) {
      this._handle = createHandle(options.fd);
    }
    this[kBuffer] = null;
    this[kBufferCb] = null;
    this[kBufferGen] = null;
    this[kBufferPending] = null;
    this[kBufferPendingEnd] = undefined;
    const onread = options.onread;
    if (onread !== null && typeof onread === 'object' &&
        (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function') && typeof onread.callback === 'function') {
      if (typeof onread.buffer === 'function') {
        this[kBuffer] = true;
        this[kBufferGen] = onread.buffer;
      } else {
        this[kBuffer] = onread.buffer;
      }
      this[kBufferCb] = onread.callback;
    }
    this[kSetNoDelay] = Boolean(options.noDelay);
    this[kSetKeepAlive] = Boolean(options.keepAlive);
    if (options.keepAliveInitialDelay !== undefined) {
      validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
      if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
    }
    this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
    this.on('end', onReadableStreamEnd);
    initSocketHandle(this);
    this._pendingData = null;
    this._pendingEncoding = '';
    if (this._handle && options.readable !== false) {
      if (options.pauseOnCreate) {
        this._handle.reading = false;
        this._handle.readStop();
        this.readableFlowing = false;
      } else if (!options.manualStart) {
        this.read(0);
      }
    }
    if (options.signal) addClientAbortSignalOption(this, options.signal);
    this.server = null;
    this._server = null;
    this[kBytesRead] = 0;
    this[kBytesWritten] = 0;
  }
  Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
  Object.setPrototypeOf(Socket, Duplex);

  // The destroy on abort comes from the stream's own `signal` option (Duplex); this only marks
  // the socket, a tick later, as Node 18 does.
  function addClientAbortSignalOption(self, signal) {
    if (!signal || typeof signal.aborted !== 'boolean') throw invalidArgType('options.signal', 'AbortSignal', signal);
    const onAbort = () => {
      signal.removeEventListener('abort', onAbort);
      self._aborted = true;
    };
    if (signal.aborted) nextTick(onAbort);
    else nextTick(() => signal.addEventListener('abort', onAbort));
  }

  function onReadableStreamEnd() {
    if (!this.allowHalfOpen) this.write = writeAfterFIN;
  }
  function writeAfterFIN(chunk, encoding, cb) {
    if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
    if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    const er = new Error('This socket has been ended by the other party');
    er.code = 'EPIPE';
    if (typeof cb === 'function') nextTick(cb, er);
    this.destroy(er);
    return false;
  }

  function initSocketHandle(self) {
    self._undestroy();
    self._sockname = null;
    if (self._handle) {
      self._handle.owner = self;
      self._handle[ownerSymbol] = self;
      // Node's getNewAsyncId: the handle's async id, or a new one for a handle that has none.
      self[asyncIdSymbol] = typeof self._handle.getAsyncId === 'function' ? self._handle.getAsyncId() : newAsyncId();
      self._handle.onread = (buffer, err) => {
        // fe's handles hand over (bytes, 0) or (null, 0 at the end / -errno). A handle from
        // elsewhere (a user's object, as Node's StreamBase does) calls onread(arrayBuffer) and
        // leaves the count, or UV_EOF or -errno, in streamBaseState.
        if (!(buffer instanceof Uint8Array) && buffer !== null) {
          const nread = streamBaseState[kReadBytesOrError];
          if (nread === 0) return;
          if (nread > 0) {
            buffer = Buffer.from(buffer, streamBaseState[kArrayBufferOffset], nread);
            err = 0;
          } else {
            buffer = null;
            err = nread === UV_EOF ? 0 : nread;
          }
        }
        onStreamRead(self, buffer, err);
      };
      if (self[kBuffer] && self[kBufferGen] !== null) {
        const userBuf = self[kBufferGen]();
        if (userBuf instanceof Uint8Array) self[kBuffer] = userBuf;
      }
    }
  }

  // Reads into the onread buffer: as libuv reads at most its length at a time, bigger reads
  // are handed over in pieces; what is left when the callback pauses (or answers false) waits
  // for the next read start.
  function deliverToUserBuffer(self, handle, data) {
    let offset = 0;
    while (offset < data.length && !self.destroyed) {
      const userBuf = self[kBuffer];
      if (!(userBuf instanceof Uint8Array) || userBuf.length === 0) break;
      const n = Math.min(userBuf.length, data.length - offset);
      userBuf.set(data.subarray(offset, offset + n));
      offset += n;
      const result = self[kBufferCb](n, userBuf) !== false;
      const bufGen = self[kBufferGen];
      if (bufGen !== null) {
        const next = bufGen();
        if (next instanceof Uint8Array) self[kBuffer] = next;
      }
      if (!result || !handle.reading) {
        if (offset < data.length) self[kBufferPending] = data.subarray(offset);
        if (handle.reading) {
          handle.reading = false;
          if (!self.destroyed) handle.readStop();
        }
        return;
      }
    }
  }

  // Data from the kernel: pushed into the readable side; when that is full, reading stops
  // until _read asks again (backpressure down to the kernel's receive window).
  function onStreamRead(self, buffer, err) {
    const handle = self._handle;
    if (!handle) return;
    if (buffer && self[kBuffer]) {
      self._unrefTimer();
      // Bytes a paused socket still gets (a TLS record's rest) queue after those waiting.
      const pending = self[kBufferPending];
      if (pending) { self[kBufferPending] = Buffer.concat([pending, buffer]); return; }
      deliverToUserBuffer(self, handle, buffer);
      return;
    }
    if (!buffer && self[kBufferPending]) { self[kBufferPendingEnd] = err || 0; return; }
    if (buffer) {
      self._unrefTimer();
      if (!self.push(buffer) && handle.reading) {
        handle.reading = false;
        if (!self.destroyed) handle.readStop();
      }
      return;
    }
    handle.reading = false;
    if (err) { self.destroy(socketErrno(err, 'read')); return; }
    if (!self._readableState.endEmitted) {
      self.push(null);
      self.read(0);
    }
  }

  function tryReadStart(socket) {
    const handle = socket._handle;
    handle.reading = true;
    const pending = socket[kBufferPending];
    if (pending) {
      socket[kBufferPending] = null;
      deliverToUserBuffer(socket, handle, pending);
      if (socket[kBufferPending] || !handle.reading) return;
      const end = socket[kBufferPendingEnd];
      if (end !== undefined) {
        socket[kBufferPendingEnd] = undefined;
        onStreamRead(socket, null, end);
        return;
      }
    }
    const err = socket._handle.readStart();
    if (err) socket.destroy(socketErrno(err, 'read'));
  }

  Socket.prototype._read = function (n) {
    if (this.connecting || !this._handle) this.once('connect', () => this._read(n));
    else if (!this._handle.reading) tryReadStart(this);
  };

  // With an onread buffer, pausing and resuming the socket stop and start its reads (no
  // stream buffer stands between).
  Socket.prototype.pause = function () {
    if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
      this._handle.reading = false;
      if (!this.destroyed) {
        const err = this._handle.readStop();
        if (err) this.destroy(socketErrno(err, 'read'));
      }
    }
    return Duplex.prototype.pause.call(this);
  };
  Socket.prototype.resume = function () {
    if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) tryReadStart(this);
    return Duplex.prototype.resume.call(this);
  };
  Socket.prototype.read = function (n) {
    if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) tryReadStart(this);
    return Duplex.prototype.read.call(this, n);
  };

  Socket.prototype._unrefTimer = function () {
    for (let s = this; s !== null; s = s._parent) if (s[kTimeout]) s[kTimeout].refresh();
  };

  Socket.prototype.setTimeout = function (msecs, callback) {
    if (this.destroyed) return this;
    this.timeout = msecs;
    validateNumber(msecs, 'msecs');
    if (msecs < 0 || !Number.isFinite(msecs)) throw outOfRange('msecs', 'a non-negative finite number', msecs);
    if (msecs > TIMEOUT_MAX) msecs = TIMEOUT_MAX;
    // A cleared timer stays (Node's setStreamTimeout): refreshing it does nothing.
    clearTimeout(this[kTimeout]);
    if (msecs === 0) {
      if (callback !== undefined) { validateFunction(callback, 'callback'); this.removeListener('timeout', callback); }
    } else {
      this[kTimeout] = setTimeout(() => this._onTimeout(), msecs).unref();
      if (callback !== undefined) { validateFunction(callback, 'callback'); this.once('timeout', callback); }
    }
    return this;
  };
  Socket.prototype._onTimeout = function () {
    const handle = this._handle;
    const last = this[kLastWriteQueueSize];
    if (last > 0 && handle) {
      // Writes still going out count as activity.
      const size = handle.writeQueueSize;
      if (last !== size) {
        this[kLastWriteQueueSize] = size;
        this._unrefTimer();
        return;
      }
    }
    this.emit('timeout');
  };

  Socket.prototype.setNoDelay = function (enable) {
    const value = enable === undefined ? true : !!enable;
    if (!this._handle) { this[kSetNoDelay] = value; return this; }
    if (this._handle.setNoDelay && value !== this[kSetNoDelay]) { this[kSetNoDelay] = value; this._handle.setNoDelay(value); }
    return this;
  };
  Socket.prototype.setKeepAlive = function (enable, initialDelayMsecs) {
    enable = Boolean(enable);
    const initialDelay = ~~(initialDelayMsecs / 1000);
    if (!this._handle) {
      this[kSetKeepAlive] = enable;
      this[kSetKeepAliveInitialDelay] = initialDelay;
      return this;
    }
    if (!this._handle.setKeepAlive) return this;
    if (enable !== this[kSetKeepAlive] || (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
      this[kSetKeepAlive] = enable;
      this[kSetKeepAliveInitialDelay] = initialDelay;
      this._handle.setKeepAlive(enable, initialDelay);
    }
    return this;
  };

  Socket.prototype.address = function () { return this._getsockname(); };
  Socket.prototype._getsockname = function () {
    if (!this._handle || !this._handle.id || this._handle.kind !== 0) return {};
    if (!this._sockname) {
      const out = {};
      if (this._handle.getsockname(out)) return {};
      this._sockname = out;
    }
    return this._sockname;
  };
  Socket.prototype._getpeername = function () {
    if (!this._handle || !this._handle.id || this._handle.kind !== 0) return this._peername || {};
    if (!this._peername) {
      const out = {};
      if (this._handle.getpeername(out)) return {};
      this._peername = out;
    }
    return this._peername;
  };
  const peerGetter = (key) => function () { return this._getpeername()[key]; };
  const sockGetter = (key) => function () { return this._getsockname()[key]; };
  Object.defineProperties(Socket.prototype, {
    _connecting: { get() { return this.connecting; }, configurable: true },
    pending: { get() { return !this._handle || this.connecting; }, configurable: true },
    readyState: {
      get() {
        if (this.connecting) return 'opening';
        if (this.readable && this.writable) return 'open';
        if (this.readable && !this.writable) return 'readOnly';
        if (!this.readable && this.writable) return 'writeOnly';
        return 'closed';
      },
      configurable: true,
    },
    bufferSize: { get() { return this._handle ? this.writableLength : undefined; }, configurable: true },
    remoteAddress: { get: peerGetter('address'), configurable: true },
    remoteFamily: { get: peerGetter('family'), configurable: true },
    remotePort: { get: peerGetter('port'), configurable: true },
    localAddress: { get: sockGetter('address'), configurable: true },
    localPort: { get: sockGetter('port'), configurable: true },
    localFamily: { get: sockGetter('family'), configurable: true },
    bytesRead: { get() { return this._handle ? this._handle.bytesRead : this[kBytesRead]; }, configurable: true },
    bytesWritten: {
      get() {
        let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
        const buffered = this.writableBuffer;
        if (!buffered) return undefined;
        for (const el of buffered) bytes += Buffer.isBuffer(el.chunk) ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
        const data = this._pendingData;
        if (Array.isArray(data)) {
          for (const el of data) bytes += Buffer.isBuffer(el.chunk) ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
        } else if (data) {
          bytes += typeof data === 'string' ? Buffer.byteLength(data, this._pendingEncoding) : data.length;
        }
        return bytes;
      },
      configurable: true,
    },
  });

  Socket.prototype._writeGeneric = function (writev, data, encoding, cb) {
    if (this.connecting) {
      this._pendingData = data;
      this._pendingEncoding = encoding;
      const onClose = () => cb(netError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'));
      this.once('connect', function connect() {
        this.off('close', onClose);
        this._writeGeneric(writev, data, encoding, cb);
      });
      this.once('close', onClose);
      return;
    }
    this._pendingData = null;
    this._pendingEncoding = '';
    if (!this._handle) {
      cb(netError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
      return;
    }
    this._unrefTimer();
    let buffer;
    if (writev) {
      buffer = Buffer.concat(data.map(({ chunk, encoding: enc }) => (typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk)));
    } else {
      // Node's handleWriteReq: 'buffer' goes to the handle's writeBuffer, which refuses a string.
      if (typeof data === 'string' && encoding === 'buffer') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Second argument must be a buffer');
      }
      buffer = typeof data === 'string' ? Buffer.from(data, encoding) : data;
    }
    const handle = this._handle;
    const err = handle.write(buffer, (status) => {
      // Node's onWriteComplete: a write that ends after the socket was destroyed still
      // completes (its callback runs, without an error).
      if (this.destroyed) { cb(); return; }
      if (status) { cb(socketErrno(status, 'write')); return; }
      this._unrefTimer();
      cb();
    });
    if (err) { cb(socketErrno(err, 'write')); return; }
    if (handle.lastWriteAsync) this[kLastWriteQueueSize] = handle.writeQueueSize;
    else cb();
  };
  Socket.prototype._writev = function (chunks, cb) { this._writeGeneric(true, chunks, '', cb); };
  Socket.prototype._write = function (data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); };

  Socket.prototype._final = function (cb) {
    if (this.pending) return this.once('connect', () => this._final(cb));
    if (!this._handle) return cb();
    const err = this._handle.shutdown();
    if (err === 0 || err === -107) { nextTick(cb); return; }
    cb(socketErrno(err, 'shutdown'));
  };

  Socket.prototype.end = function (data, encoding, callback) {
    Duplex.prototype.end.call(this, data, encoding, callback);
    return this;
  };

  Socket.prototype.destroySoon = function () {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', this.destroy);
  };

  Socket.prototype._destroy = function (exception, cb) {
    for (let s = this; s !== null; s = s._parent) clearTimeout(s[kTimeout]);
    this.connecting = false;
    if (this._handle) {
      const isException = !!exception;
      this[kBytesRead] = this._handle.bytesRead;
      this[kBytesWritten] = this._handle.bytesWritten;
      const reset = this.resetAndClosing;
      this.resetAndClosing = false;
      this._handle.onread = () => {};
      this._handle.close(() => this.emit('close', isException), reset);
      this._handle = null;
      this._sockname = null;
      cb(exception);
    } else {
      cb(exception);
      nextTick(() => this.emit('close', false));
    }
    if (this._server) {
      this._server._connections--;
      if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
    }
  };

  Socket.prototype.resetAndDestroy = function () {
    if (this._handle) {
      if (this._handle.kind !== 0) throw netError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
      if (this.connecting) this.once('connect', () => this._reset());
      else this._reset();
    } else {
      this.destroy(netError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    }
    return this;
  };
  Socket.prototype._reset = function () {
    this.resetAndClosing = true;
    return this.destroy();
  };

  Socket.prototype.ref = function () {
    if (!this._handle) { this.once('connect', this.ref); return this; }
    if (typeof this._handle.ref === 'function') this._handle.ref();
    return this;
  };
  Socket.prototype.unref = function () {
    if (!this._handle) { this.once('connect', this.unref); return this; }
    if (typeof this._handle.unref === 'function') this._handle.unref();
    return this;
  };

  // Node's: the socket goes on with the handle that connected (tls wraps it first).
  const kReinitializeHandle = Symbol('kReinitializeHandle');
  netInternals.kReinitializeHandle = kReinitializeHandle;
  Socket.prototype[kReinitializeHandle] = function reinitializeHandle(handle) {
    if (this._handle) this._handle.close();
    this._handle = handle;
    initSocketHandle(this);
  };

  function normalizeArgs(args) {
    let arr;
    if (args.length === 0) {
      arr = [{}, null];
      arr[normalizedArgs] = true;
      return arr;
    }
    const arg0 = args[0];
    let options = {};
    if (typeof arg0 === 'object' && arg0 !== null) options = arg0;
    else if (isPipeName(arg0)) options.path = arg0;
    else {
      options.port = arg0;
      if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
    }
    const cb = args[args.length - 1];
    arr = typeof cb !== 'function' ? [options, null] : [options, cb];
    arr[normalizedArgs] = true;
    return arr;
  }
  const toNumber = (x) => ((x = Number(x)) >= 0 ? x : false);
  const isPipeName = (s) => typeof s === 'string' && toNumber(s) === false;

  Socket.prototype.connect = function (...args) {
    const normalized = Array.isArray(args[0]) && args[0][normalizedArgs] ? args[0] : normalizeArgs(args);
    const options = normalized[0];
    const cb = normalized[1];
    if (options.port === undefined && options.path == null) throw missingArgs(['options', 'port', 'path']);
    if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
    if (this.destroyed) {
      this._handle = null;
      this._peername = null;
      this._sockname = null;
      this._undestroy();
    }
    const { path } = options;
    const pipe = !!path;
    if (!this._handle) {
      this._handle = newSocketHandle(pipe ? 1 : 0);
      initSocketHandle(this);
    }
    if (cb !== null) this.once('connect', cb);
    this._unrefTimer();
    this.connecting = true;
    if (pipe) {
      if (typeof path !== 'string') throw invalidArgType('options.path', 'string', path);
      internalConnect(this, path);
    } else {
      lookupAndConnect(this, options);
    }
    return this;
  };

  function lookupAndConnect(self, options) {
    const { localAddress, localPort } = options;
    const host = options.host || 'localhost';
    let { port } = options;
    if (localAddress && !isIP(localAddress)) throw netError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${localAddress}`);
    if (localPort) validateNumber(localPort, 'options.localPort');
    if (typeof port !== 'undefined') {
      if (typeof port !== 'number' && typeof port !== 'string') throw invalidArgType('options.port', ['number', 'string'], port);
      validateSocketPort(port);
    }
    port |= 0;
    let { autoSelectFamily, autoSelectFamilyAttemptTimeout } = options;
    if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
    else autoSelectFamily = autoSelectFamilyDefault();
    if (autoSelectFamilyAttemptTimeout != null) {
      validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
      if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
    } else {
      autoSelectFamilyAttemptTimeout = autoSelectFamilyAttemptTimeoutDefault;
    }
    const addressType = isIP(host);
    if (addressType) {
      nextTick(() => { if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort); });
      return;
    }
    if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
    const dns = requireBuiltin('dns');
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const dnsopts = { family, hints: options.hints || 0 };
    if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) dnsopts.hints = dns.ADDRCONFIG;
    self._host = host;
    const lookup = options.lookup || dns.lookup;
    // Happy eyeballs (autoSelectFamily): every address the lookup gives, the families
    // alternating, each tried for autoSelectFamilyAttemptTimeout before the next.
    if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
      dnsopts.all = true;
      lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localPort, autoSelectFamilyAttemptTimeout);
      return;
    }
    lookup(host, dnsopts, function emitLookup(err, ip, ipType) {
      self.emit('lookup', err, ip, ipType, host);
      if (!self.connecting) return;
      if (err) nextTick(() => self.destroy(err));
      else if (!isIP(ip)) nextTick(() => self.destroy(netError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${ip}`)));
      else if (ipType !== 4 && ipType !== 6) {
        const e = netError(RangeError, 'ERR_INVALID_ADDRESS_FAMILY', `Invalid address family: ${ipType} ${options.host}:${options.port}`);
        e.host = options.host;
        e.port = options.port;
        nextTick(() => self.destroy(e));
      } else {
        self._unrefTimer();
        internalConnect(self, ip, port, ipType, localAddress, localPort);
      }
    });
  }

  // Node's lookupAndConnectMultiple, internalConnectMultiple and afterConnectMultiple.
  function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port, localPort, timeout) {
    lookup(host, dnsopts, function emitLookup(err, addresses) {
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host);
        nextTick(() => self.destroy(err));
        return;
      }
      // Only IPv4 and IPv6 addresses; the first one's family goes first.
      const validIps = [[], []];
      let destinations;
      for (const address of addresses) {
        const { address: ip, family: addressType } = address;
        self.emit('lookup', err, ip, addressType, host);
        if (isIP(ip) && (addressType === 4 || addressType === 6)) {
          if (!destinations) destinations = addressType === 6 ? { 6: 0, 4: 1 } : { 4: 0, 6: 1 };
          validIps[destinations[addressType]].push(address);
        }
      }
      if (!validIps[0].length && !validIps[1].length) {
        const { address: firstIp, family: firstAddressType } = addresses[0];
        if (!isIP(firstIp)) {
          nextTick(() => self.destroy(netError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${firstIp}`)));
        } else if (firstAddressType !== 4 && firstAddressType !== 6) {
          const e = netError(RangeError, 'ERR_INVALID_ADDRESS_FAMILY', `Invalid address family: ${firstAddressType} ${options.host}:${options.port}`);
          e.host = options.host;
          e.port = options.port;
          nextTick(() => self.destroy(e));
        }
        return;
      }
      const toAttempt = [];
      for (let i = 0, l = Math.max(validIps[0].length, validIps[1].length); i < l; i++) {
        if (i in validIps[0]) toAttempt.push(validIps[0][i]);
        if (i in validIps[1]) toAttempt.push(validIps[1][i]);
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      const context = { socket: self, addresses: toAttempt, current: 0, port, localPort, timeout, timer: null, errors: [] };
      self._unrefTimer();
      internalConnectMultiple(context);
    });
  }

  function internalConnectMultiple(context, canceled) {
    clearTimeout(context.timer);
    const self = context.socket;
    if (canceled || context.current === context.addresses.length) {
      // eslint-disable-next-line no-restricted-syntax
      const err = new AggregateError(context.errors);
      err.code = context.errors[0]?.code;
      self.destroy(err);
      return;
    }
    if (!self.connecting || !self._handle) return; // destroyed meanwhile
    const current = context.current++;
    // The socket's own handle first (a wrapping one, TLS's, gets the one that connects).
    let handle = self._handle;
    if (current > 0 || !(handle instanceof SocketHandle)) {
      handle = newSocketHandle(0);
      handle.refed = self._handle.refed;
    }
    const { localPort, port } = context;
    const { address, family: addressType } = context.addresses[current];
    const localAddress = localPort ? (addressType === 4 ? '0.0.0.0' : '::') : undefined;
    self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
    const r = ops.op_net_connect(0, address, port, localAddress || null, localPort | 0);
    if (typeof r !== 'number') {
      const [errno, syscall] = r;
      context.errors.push(syscall === 'bind'
        ? socketErrorWithHostPort(errno, 'bind', localAddress, localPort)
        : socketErrorWithHostPort(errno, 'connect', address, port));
      internalConnectMultiple(context);
      return;
    }
    handle.attach(r);
    const req = { address, port, localAddress, localPort };
    handle.onconnect = (status) => afterConnectMultiple(context, current, status, handle, req);
    if (current < context.addresses.length - 1) {
      context.timer = setTimeout(() => {
        // This attempt took too long: dropped, and the next address tried.
        handle.onconnect = null;
        handle.close();
        internalConnectMultiple(context);
      }, context.timeout);
    }
  }

  function afterConnectMultiple(context, current, status, handle, req) {
    clearTimeout(context.timer);
    const self = context.socket;
    // A connection that completed after its attempt timed out, or after the socket was destroyed.
    if ((status === 0 && current !== context.current - 1) || self.destroyed) {
      handle.close();
      return;
    }
    if (status !== 0) {
      let details;
      if (req.localAddress && req.localPort) details = `${req.localAddress}:${req.localPort}`;
      const ex = socketErrorWithHostPort(status, 'connect', req.address, req.port, details);
      if (details) { ex.localAddress = req.localAddress; ex.localPort = req.localPort; }
      context.errors.push(ex);
      internalConnectMultiple(context, status === -125); // UV_ECANCELED
      return;
    }
    if (handle !== self._handle) self[kReinitializeHandle](handle);
    if (core.perf.hasObserver('net')) {
      core.perf.startPerf(self, kPerfHooksNetConnectContext, { type: 'net', name: 'connect', detail: { host: req.address, port: req.port } });
    }
    afterConnect(self, status, req.address, req.port, req.localAddress, req.localPort);
  }

  function internalConnect(self, address, port, addressType, localAddress, localPort) {
    if (!self.connecting || !self._handle) return;
    const handle = self._handle;
    let r;
    // Node's TCPWrap/PipeWrap::Connect and ConnectionWrap::AfterConnect trace the request
    // (node.net.native): a TCP one once it started, a pipe one always.
    let traceId = 0;
    if (addressType === 4 || addressType === 6) {
      if (localPort && !localAddress) localAddress = addressType === 4 ? '0.0.0.0' : '::';
      r = ops.op_net_connect(0, address, port, localAddress || null, localPort | 0);
      if (traceOn.net && typeof r === 'number') {
        traceId = ++traceOn.lastId;
        traceOn.emit('b', kTraceNetCategory, 'connect', traceId, { ip: address, port });
      }
    } else {
      if (traceOn.net) {
        traceId = ++traceOn.lastId;
        traceOn.emit('b', kTraceNetCategory, 'connect', traceId, { pipe_path: address });
      }
      r = ops.op_net_connect(1, address, 0, null, 0);
    }
    if (typeof r !== 'number') {
      const [errno, syscall] = r;
      if (traceId) traceOn.emit?.('e', kTraceNetCategory, 'connect', traceId, { status: -Math.abs(errno) });
      const ex = syscall === 'bind'
        ? socketErrorWithHostPort(errno, 'bind', localAddress, localPort)
        : socketErrorWithHostPort(errno, 'connect', address, port);
      self.destroy(ex);
      return;
    }
    handle.attach(r);
    // As Node's internalConnect: a TCP connect is a 'net' performance entry.
    if ((addressType === 4 || addressType === 6) && core.perf.hasObserver('net')) {
      core.perf.startPerf(self, kPerfHooksNetConnectContext, { type: 'net', name: 'connect', detail: { host: address, port } });
    }
    handle.onconnect = (status) => {
      if (traceId) traceOn.emit?.('e', kTraceNetCategory, 'connect', traceId, { status });
      afterConnect(self, status, address, port, localAddress, localPort);
    };
  }
  const kTraceNetCategory = 'node,node.net,node.net.native';

  function afterConnect(self, status, address, port, localAddress, localPort) {
    if (self.destroyed) return;
    self.connecting = false;
    self._sockname = null;
    if (status === 0) {
      self._unrefTimer();
      if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
      if (self[kSetKeepAlive] && self._handle.setKeepAlive) self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
      if (self[kPerfHooksNetConnectContext] && core.perf.hasObserver('net')) core.perf.stopPerf(self, kPerfHooksNetConnectContext);
      self.emit('connect');
      self.emit('ready');
      if (!self.isPaused()) self.read(0);
    } else {
      let details;
      if (localAddress && localPort) details = `${localAddress}:${localPort}`;
      const ex = socketErrorWithHostPort(status, 'connect', address, port, details);
      if (details) { ex.localAddress = localAddress; ex.localPort = localPort; }
      self.destroy(ex);
    }
  }

  function connect(...args) {
    const normalized = normalizeArgs(args);
    const options = normalized[0];
    const socket = new Socket(options);
    // Node's diagnostics channel of new client sockets.
    const clientChannel = diagnosticsChannel.channel('net.client.socket');
    if (clientChannel.hasSubscribers) clientChannel.publish({ socket });
    if (options.timeout) socket.setTimeout(options.timeout);
    return socket.connect(normalized);
  }

  // ---------------------------------------------------------------------------------------------
  // Server
  function Server(options, connectionListener) {
    if (!(this instanceof Server)) return new Server(options, connectionListener);
    EventEmitter.call(this);
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
      this.on('connection', connectionListener);
    } else if (options == null || typeof options === 'object') {
      options = { ...options };
      if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    } else {
      throw invalidArgType('options', 'Object', options);
    }
    if (typeof options.keepAliveInitialDelay !== 'undefined') {
      validateNumber(options.keepAliveInitialDelay, 'options.keepAliveInitialDelay');
      if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
    }
    this._connections = 0;
    this._handle = null;
    this._usingWorkers = false;
    this._workers = [];
    this._unref = false;
    this.allowHalfOpen = options.allowHalfOpen || false;
    this.pauseOnConnect = !!options.pauseOnConnect;
    this.noDelay = Boolean(options.noDelay);
    this.keepAlive = Boolean(options.keepAlive);
    this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  }
  Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Server, EventEmitter);

  // Creates the listening handle: a number (-errno) when that fails. `listenOnly` leaves the
  // accepting to the processes it is sent to (cluster's shared handle).
  function createServerHandle(address, port, addressType, flags, listenOnly = false, fd = -1) {
    if (fd >= 0) {
      // listen({ fd }): a stream socket the process already has.
      const r = ops.op_net_listen_fd(fd, 511, listenOnly);
      if (typeof r === 'number') return r;
      const handle = newSocketHandle(r[1] === 3 ? 1 : 0, true);
      handle.attach(r[0]);
      return handle;
    }
    const handle = newSocketHandle(addressType === -1 ? 1 : 0, true);
    const r = addressType === -1
      ? ops.op_net_listen(1, address, 0, 511, false, listenOnly)
      : ops.op_net_listen(0, address, port, handle.backlog || 511, !!(flags & 1), listenOnly);
    if (typeof r !== 'number') return -r[0];
    handle.attach(r);
    return handle;
  }
  // Node's net._createServerHandle, for cluster's shared handles: no address is the
  // unspecified IPv6 one, or IPv4's where the machine has no IPv6.
  function createSharedServerHandle(address, port, addressType, fd, flags) {
    if (typeof fd === 'number' && fd >= 0) return createServerHandle(null, null, null, flags, true, fd);
    if (!address && addressType !== -1) {
      const r = createServerHandle('::', port, 6, flags, true);
      if (typeof r !== 'number') return r;
      return createServerHandle('0.0.0.0', port, 4, flags, true);
    }
    return createServerHandle(address, port, addressType, flags, true);
  }

  // Node's setupListenHandle: a handle given (listen(handle), a cluster worker's) is used as it is.
  Server.prototype._listen2 = function (address, port, addressType, backlog, fd, flags) {
    if (this._handle) {
      this._setupListenHandle(address, port, addressType);
      return;
    }
    let rval = null;
    // listen({ fd }) takes the socket as it is. Without an address, try the unspecified IPv6
    // one first (dual stack), falling back to IPv4 where the machine has no IPv6.
    if (typeof fd === 'number' && fd >= 0) rval = createServerHandle(null, null, null, flags, false, fd);
    else if (!address) {
      rval = createServerHandle('::', port, 6, flags);
      if (typeof rval === 'number' && (rval === -97 || rval === -99 || rval === -22 || rval === -93)) {
        rval = null;
        address = '0.0.0.0';
        addressType = 4;
      } else {
        address = '::';
        addressType = 6;
      }
    }
    if (rval === null) rval = createServerHandle(address, port, addressType, flags);
    if (typeof rval === 'number') {
      const error = uvErrorWithHostPort(rval, 'listen', address, port);
      nextTick(() => this.emit('error', error));
      return;
    }
    this._handle = rval;
    this._setupListenHandle(address, port, addressType);
  };
  Server.prototype._setupListenHandle = function (address, port, addressType) {
    this._handle.owner = this;
    this._handle.onconnection = (err, clientHandle) => onconnection(this, err, clientHandle);
    this._connectionKey = `${addressType}:${address}:${port}`;
    if (this._unref) this.unref();
    nextTick(() => { if (this._handle) this.emit('listening'); });
  };

  // Node's listenInCluster: a cluster worker asks the primary for the server's handle (a
  // shared listening socket, or a round-robin stand-in that gets the primary's connections).
  function listenInCluster(server, address, port, addressType, backlog, fd, exclusive, flags) {
    const cluster = requireBuiltin('cluster');
    if (cluster.isPrimary || exclusive) {
      server._listen2(address, port, addressType, backlog, fd, flags);
      return;
    }
    const serverQuery = { address, port, addressType, fd, flags, backlog };
    cluster._getServer(server, serverQuery, (err, handle) => {
      // EADDRINUSE may show only as a different port: a failed bind then listen binds anew.
      if (err === 0 && port > 0 && handle.getsockname) {
        const out = {};
        err = handle.getsockname(out);
        if (err === 0 && port !== out.port) err = -98;
      }
      if (err) {
        server.emit('error', socketErrorWithHostPort(err, 'bind', address, port));
        return;
      }
      server._handle = handle;
      server._listen2(address, port, addressType, backlog, fd, flags);
    });
  }

  function lookupAndListen(self, port, address, backlog, exclusive, flags) {
    requireBuiltin('dns').lookup(address, (err, ip, addressType) => {
      if (err) self.emit('error', err);
      else listenInCluster(self, ip, port, ip ? addressType : 4, backlog, undefined, exclusive, flags);
    });
  }

  Server.prototype.listen = function (...args) {
    const normalized = normalizeArgs(args);
    let options = normalized[0];
    const cb = normalized[1];
    if (this._handle) throw netError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
    if (cb !== null) this.once('listening', cb);
    const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
    options = options._handle || options.handle || options;
    const flags = options.ipv6Only ? 1 : 0;
    if (options instanceof SocketHandle) {
      // A listening handle (one another process sent).
      this._handle = options;
      listenInCluster(this, null, -1, -1, backlogFromArgs);
      return this;
    }
    if (typeof options.fd === 'number' && options.fd >= 0) {
      listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
      return this;
    }
    if (options.signal) {
      const signal = options.signal;
      if (typeof signal.aborted !== 'boolean') throw invalidArgType('options.signal', 'AbortSignal', signal);
      const onAborted = () => this.close();
      if (signal.aborted) nextTick(onAborted);
      else {
        signal.addEventListener('abort', onAborted, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAborted));
      }
    }
    if (args.length === 0 || typeof args[0] === 'function' || (typeof options.port === 'undefined' && 'port' in options) ||
        options.port === null) {
      options.port = 0;
    }
    if (typeof options.port === 'number' || typeof options.port === 'string') {
      validateSocketPort(options.port, 'options.port');
      const backlog = options.backlog || backlogFromArgs;
      if (options.host) lookupAndListen(this, options.port | 0, options.host, backlog, options.exclusive, flags);
      else listenInCluster(this, null, options.port | 0, 4, backlog, undefined, options.exclusive, flags);
      return this;
    }
    if (options.path && isPipeName(options.path)) {
      this._pipeName = options.path;
      listenInCluster(this, options.path, -1, -1, options.backlog || backlogFromArgs, undefined, options.exclusive);
      // Failed: the error comes next tick. (A cluster worker's handle comes from the primary later.)
      if (!this._handle) return this;
      // readableAll/writableAll: libuv's uv_pipe_chmod, the socket file open to group and others.
      const mode = (options.readableAll === true ? 0o444 : 0) | (options.writableAll === true ? 0o222 : 0);
      if (mode !== 0) {
        try {
          const now = fs.statSync(options.path).mode & 0o7777;
          if ((now & mode) !== mode) fs.chmodSync(options.path, now | mode);
        } catch (e) {
          this._handle.close();
          this._handle = null;
          e.syscall = 'uv_pipe_chmod';
          throw e;
        }
      }
      return this;
    }
    if (!('port' in options || 'path' in options)) {
      throw invalidArgValue('options', options, 'must have the property "port" or "path"');
    }
    throw invalidArgValue('options', options);
  };

  function onconnection(self, err, clientHandle) {
    if (err) { self.emit('error', socketErrno(err, 'accept')); return; }
    if (self.maxConnections && self._connections >= self.maxConnections) {
      // Node's 'drop': who was refused, from both ends of the connection.
      const local = {}, remote = {};
      clientHandle.getsockname(local);
      clientHandle.getpeername(remote);
      self.emit('drop', {
        __proto__: null, localAddress: local.address, localPort: local.port, localFamily: local.family,
        remoteAddress: remote.address, remotePort: remote.port, remoteFamily: remote.family,
      });
      clientHandle.close();
      return;
    }
    const socket = new Socket({
      handle: clientHandle, allowHalfOpen: self.allowHalfOpen, pauseOnCreate: self.pauseOnConnect, readable: true, writable: true,
    });
    if (self.noDelay) { socket[kSetNoDelay] = true; clientHandle.setNoDelay(true); }
    if (self.keepAlive) {
      socket[kSetKeepAlive] = true;
      socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
      clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
    }
    self._connections++;
    socket.server = self;
    socket._server = self;
    self.emit('connection', socket);
    const serverChannel = diagnosticsChannel.channel('net.server.socket');
    if (serverChannel.hasSubscribers) serverChannel.publish({ socket });
  }

  Object.defineProperty(Server.prototype, 'listening', {
    get() { return !!(this._handle && this._connectionKey); }, configurable: true, enumerable: true,
  });
  Server.prototype.address = function () {
    if (this._handle && this._handle.kind === 0) {
      const out = {};
      const err = this._handle.getsockname(out);
      if (err) throw socketErrno(err, 'address');
      return out;
    }
    if (this._pipeName) return this._pipeName;
    return null;
  };
  // With sockets sent to other processes, those processes are asked for their counts.
  Server.prototype.getConnections = function (cb) {
    if (!this._usingWorkers) {
      nextTick(cb, null, this._connections);
      return this;
    }
    let left = this._workers.length;
    let total = this._connections;
    const oncount = (err, count) => {
      if (err) { left = -1; nextTick(cb, err); return; }
      total += count;
      if (--left === 0) nextTick(cb, null, total);
    };
    for (const worker of this._workers) worker.getConnections(oncount);
    return this;
  };
  // A socket of this server was sent to another process (16-child_process.js): `socketList`
  // answers for the sockets there.
  Server.prototype._setupWorker = function (socketList) {
    this._usingWorkers = true;
    this._workers.push(socketList);
    socketList.once('exit', (list) => {
      const index = this._workers.indexOf(list);
      if (index !== -1) this._workers.splice(index, 1);
    });
  };
  Server.prototype.close = function (cb) {
    if (typeof cb === 'function') {
      if (!this._handle) {
        this.once('close', () => cb(netError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle) {
      this._handle.close();
      this._handle = null;
    }
    if (this._usingWorkers) {
      let left = this._workers.length;
      const onWorkerClose = () => {
        if (--left !== 0) return;
        this._connections = 0;
        this._emitCloseIfDrained();
      };
      // Counted as a connection while the workers answer, so 'close' comes once.
      this._connections++;
      for (const worker of this._workers) worker.close(onWorkerClose);
    } else {
      this._emitCloseIfDrained();
    }
    return this;
  };
  Server.prototype[Symbol.asyncDispose] = async function () {
    if (!this._handle) return;
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  };
  Server.prototype._emitCloseIfDrained = function () {
    if (this._handle || this._connections) return;
    nextTick(() => this.emit('close'));
  };
  Server.prototype.ref = function () {
    this._unref = false;
    if (this._handle) this._handle.ref();
    return this;
  };
  Server.prototype.unref = function () {
    this._unref = true;
    if (this._handle) this._handle.unref();
    return this;
  };
  Server.prototype[EventEmitter.captureRejectionSymbol || Symbol.for('nodejs.rejection')] = function (err, event, sock) {
    if (event === 'connection') sock.destroy(err);
    else this.emit('error', err);
  };
  Object.defineProperty(Server.prototype, 'connections', {
    get() { return this._connections; }, set(v) { this._connections = v; }, configurable: true, enumerable: false,
  });

  function createServer(options, connectionListener) { return new Server(options, connectionListener); }

  // ---------------------------------------------------------------------------------------------
  // SocketAddress and BlockList: Node's lib/internal/socketaddress.js and blocklist.js over fe's
  // version of their native binding (internalBinding('block_list'), Node's node_sockaddr.cc):
  // addresses as bytes, parsed and printed as libuv does.
  const AF_INET = 2;
  const AF_INET6 = 10;
  const kMappedPrefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
  function parseIPv4(text) {
    if (!isIPv4(text)) return null;
    return text.split('.').map(Number);
  }
  function parseIPv6(text) {
    const zone = text.indexOf('%');
    if (zone !== -1) text = text.slice(0, zone);
    if (!isIPv6(text)) return null;
    // An IPv4 tail is the last two words.
    let tail = [];
    const lastColon = text.lastIndexOf(':');
    if (text.includes('.', lastColon)) {
      const v4 = parseIPv4(text.slice(lastColon + 1));
      tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
      text = text.slice(0, lastColon + 1);
      if (!text.endsWith('::')) text = text.slice(0, -1);
    }
    const words = (part) => (part === '' ? [] : part.split(':').map((w) => parseInt(w, 16)));
    const gap = text.indexOf('::');
    let groups;
    if (gap === -1) {
      groups = [...words(text), ...tail];
    } else {
      const head = words(text.slice(0, gap));
      const rest = [...words(text.slice(gap + 2)), ...tail];
      groups = [...head, ...new Array(8 - head.length - rest.length).fill(0), ...rest];
    }
    if (groups.length !== 8) return null;
    return groups.flatMap((w) => [w >> 8, w & 0xff]);
  }
  // libuv's inet_ntop6: the longest run of two or more zero words as '::', an IPv4 tail for
  // mapped and compatible addresses.
  function formatIPv6(bytes) {
    const words = [];
    for (let i = 0; i < 16; i += 2) words.push((bytes[i] << 8) | bytes[i + 1]);
    let best = { base: -1, len: 0 };
    let cur = { base: -1, len: 0 };
    for (let i = 0; i < 8; i++) {
      if (words[i] === 0) {
        if (cur.base === -1) cur = { base: i, len: 1 }; else cur.len++;
      } else if (cur.base !== -1) {
        if (best.base === -1 || cur.len > best.len) best = cur;
        cur = { base: -1, len: 0 };
      }
    }
    if (cur.base !== -1 && (best.base === -1 || cur.len > best.len)) best = cur;
    if (best.base !== -1 && best.len < 2) best = { base: -1, len: 0 };
    let out = '';
    for (let i = 0; i < 8; i++) {
      if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
        if (i === best.base) out += ':';
        continue;
      }
      if (i !== 0) out += ':';
      if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 7 && words[7] !== 0x0001) ||
          (best.len === 5 && words[5] === 0xffff))) {
        out += bytes.slice(12).join('.');
        break;
      }
      out += words[i].toString(16);
    }
    if (best.base !== -1 && best.base + best.len === 8) out += ':';
    return out;
  }
  // The binding's SocketAddress: an address libuv parses (uv_ip4_addr / uv_ip6_addr), or
  // ERR_INVALID_ADDRESS.
  class SocketAddressHandle {
    constructor(address, port, family, flowlabel) {
      const bytes = family === AF_INET ? parseIPv4(address) : family === AF_INET6 ? parseIPv6(address) : null;
      if (bytes === null) throw nodeError(Error, 'ERR_INVALID_ADDRESS', 'Invalid socket address');
      this.bytes = bytes;
      this.familyType = family;
      this.portNumber = port & 0xffff;
      this.flow = family === AF_INET6 ? flowlabel >>> 0 : 0;
    }
    detail(out) {
      out.address = this.familyType === AF_INET ? this.bytes.join('.') : formatIPv6(this.bytes);
      out.port = this.portNumber;
      out.family = this.familyType;
      out.flowlabel = this.flow;
      return out;
    }
    flowlabel() { return this.flow; }
  }
  const mappedV4 = (h) => (h.familyType === AF_INET6 && kMappedPrefix.every((b, i) => h.bytes[i] === b) ? h.bytes.slice(12) : null);
  const compareBytes = (a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  // Node's SocketAddress::compare: -1, 0, 1, or null (an IPv6 address not mapping an IPv4 one).
  function compareAddresses(a, b) {
    if (a.familyType === b.familyType) return compareBytes(a.bytes, b.bytes);
    const v4 = a.familyType === AF_INET ? mappedV4(b) : mappedV4(a);
    if (v4 === null) return null;
    return a.familyType === AF_INET ? compareBytes(a.bytes, v4) : compareBytes(v4, b.bytes);
  }
  const prefixMatch = (a, b, prefix) => {
    const whole = prefix >> 3;
    for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
    const bits = prefix & 7;
    if (bits === 0) return true;
    const mask = (0xff << (8 - bits)) & 0xff;
    return (a[whole] & mask) === (b[whole] & mask);
  };
  // Node's SocketAddress::is_in_network, an IPv4 address as its IPv4-mapped IPv6 one.
  function inNetwork(address, network, prefix) {
    if (address.familyType === network.familyType) return prefixMatch(address.bytes, network.bytes, prefix);
    if (address.familyType === AF_INET) return prefixMatch([...kMappedPrefix, ...address.bytes], network.bytes, prefix);
    const v4 = mappedV4(address);
    return v4 !== null && prefixMatch(v4, network.bytes, prefix);
  }
  const familyName = (h) => (h.familyType === AF_INET ? 'IPv4' : 'IPv6');
  const addressText = (h) => h.detail({}).address;
  // The binding's BlockList: rules, the newest first.
  class BlockListHandle {
    constructor() { this.list = []; }
    addAddress(address) {
      this.list.unshift({ apply: (a) => compareAddresses(address, a) === 0, text: `Address: ${familyName(address)} ${addressText(address)}` });
    }
    addRange(start, end) {
      if (compareAddresses(start, end) === 1) return false;
      this.list.unshift({
        apply: (a) => {
          const lo = compareAddresses(a, start);
          const hi = compareAddresses(a, end);
          return lo !== null && hi !== null && lo >= 0 && hi <= 0;
        },
        text: `Range: ${familyName(start)} ${addressText(start)}-${addressText(end)}`,
      });
      return true;
    }
    addSubnet(network, prefix) {
      this.list.unshift({ apply: (a) => inNetwork(a, network, prefix), text: `Subnet: ${familyName(network)} ${addressText(network)}/${prefix}` });
    }
    check(address) { return this.list.some((rule) => rule.apply(address)); }
    getRules() { return this.list.map((rule) => rule.text); }
  }
  netInternals.blockListBinding = { BlockList: BlockListHandle, SocketAddress: SocketAddressHandle, AF_INET, AF_INET6 };

  const kHandle = Symbol('kHandle');
  const kDetail = Symbol('kDetail');
  const validateString = (value, name) => { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); };
  const emptyDetail = () => ({ address: undefined, port: undefined, family: undefined, flowlabel: undefined });
  class SocketAddress {
    static isSocketAddress(value) { return value?.[kHandle] !== undefined; }
    constructor(options = {}) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
      let { family = 'ipv4' } = options;
      const { address = (family === 'ipv4' ? '127.0.0.1' : '::'), port = 0, flowlabel = 0 } = options;
      if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
      let type;
      if (family === 'ipv4') type = AF_INET;
      else if (family === 'ipv6') type = AF_INET6;
      else throw invalidArgValue('options.family', options.family);
      validateString(address, 'options.address');
      validateSocketPort(port, 'options.port');
      validateUint32(flowlabel, 'options.flowlabel', false);
      this[kHandle] = new SocketAddressHandle(address, port, type, flowlabel);
      this[kDetail] = this[kHandle].detail(emptyDetail());
      // Node's SocketAddress is a JSTransferable: postMessage() clones it.
      return core.jsTransferable.makeTransferable(this);
    }
    get address() { return this[kDetail].address; }
    get port() { return this[kDetail].port; }
    get family() { return this[kDetail].family === AF_INET ? 'ipv4' : 'ipv6'; }
    get flowlabel() { return this[kHandle].flowlabel(); }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      return `SocketAddress ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }
    toJSON() { return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel }; }
  }
  // Node's InternalSocketAddress: a SocketAddress over a binding handle.
  class InternalSocketAddress {
    constructor(handle) {
      this[kHandle] = handle;
      this[kDetail] = handle?.detail(emptyDetail());
      return core.jsTransferable.makeTransferable(this);
    }
  }
  InternalSocketAddress.prototype.constructor = SocketAddress;
  Object.setPrototypeOf(InternalSocketAddress.prototype, SocketAddress.prototype);
  netInternals.socketAddress = { SocketAddress, InternalSocketAddress, kHandle };
  // Node's [kClone] and [kDeserialize] of SocketAddress (under worker_threads' symbols, which
  // 47-internals.js hands here): the address goes as its parts and comes back as a new handle
  // of the receiving side, constructed as internal/socketaddress's InternalSocketAddress.
  netInternals.makeSocketAddressCloneable = ({ kClone, kDeserialize }) => {
    SocketAddress.prototype[kClone] = function () {
      const d = this[kHandle].detail(emptyDetail());
      return {
        data: { address: d.address, port: d.port, family: d.family, flowlabel: d.flowlabel },
        deserializeInfo: 'internal/socketaddress:InternalSocketAddress',
      };
    };
    SocketAddress.prototype[kDeserialize] = function ({ address, port, family, flowlabel }) {
      this[kHandle] = new SocketAddressHandle(address, port, family, flowlabel);
      this[kDetail] = this[kHandle].detail(emptyDetail());
    };
  };

  const toSocketAddress = (value, name, family) => {
    if (SocketAddress.isSocketAddress(value)) return value;
    validateString(value, name);
    validateString(family, 'family');
    return new SocketAddress({ address: value, family });
  };
  class BlockList {
    constructor() { this[kHandle] = new BlockListHandle(); }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      return `BlockList ${inspect({ rules: this.rules }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
    }
    addAddress(address, family = 'ipv4') {
      address = toSocketAddress(address, 'address', family);
      this[kHandle].addAddress(address[kHandle]);
    }
    addRange(start, end, family = 'ipv4') {
      start = toSocketAddress(start, 'start', family);
      end = toSocketAddress(end, 'end', family);
      if (this[kHandle].addRange(start[kHandle], end[kHandle]) === false) {
        throw invalidArgValue('start', start, 'must come before end');
      }
    }
    addSubnet(network, prefix, family = 'ipv4') {
      network = toSocketAddress(network, 'network', family);
      validateInt32(prefix, 'prefix', 0, network.family === 'ipv4' ? 32 : 128);
      this[kHandle].addSubnet(network[kHandle], prefix);
    }
    check(address, family = 'ipv4') {
      if (!SocketAddress.isSocketAddress(address)) {
        validateString(address, 'address');
        validateString(family, 'family');
        try {
          address = new SocketAddress({ address, family });
        } catch {
          // Not a valid address: not in the list.
          return false;
        }
      }
      return Boolean(this[kHandle].check(address[kHandle]));
    }
    get rules() { return this[kHandle].getRules(); }
  }
  // Node's InternalBlockList: a BlockList over a binding handle.
  class InternalBlockList {
    constructor(handle) { this[kHandle] = handle; }
  }
  InternalBlockList.prototype.constructor = BlockList;
  Object.setPrototypeOf(InternalBlockList.prototype, BlockList.prototype);
  netInternals.blockList = { BlockList, InternalBlockList };

  // Node's lib/internal/net.js: the marker of normalized connect/listen arguments and the
  // synchronous writer Node gives sockets over a blocking fd.
  netInternals.internalNet = {
    isIP, isIPv4, isIPv6, normalizedArgsSymbol: normalizedArgs,
    makeSyncWrite(fd) {
      return function (chunk, enc, cb) {
        if (enc !== 'buffer') chunk = Buffer.from(chunk, enc);
        this._handle.bytesWritten += chunk.length;
        try {
          fs.writeSync(fd, chunk, 0, chunk.length);
        } catch (e) {
          return cb(e);
        }
        cb();
      };
    },
  };

  const net = {
    Server, Socket, Stream: Socket, createServer, connect, createConnection: connect,
    isIP, isIPv4, isIPv6, BlockList, SocketAddress,
    getDefaultAutoSelectFamily: autoSelectFamilyDefault,
    setDefaultAutoSelectFamily(value) {
      if (typeof value !== 'boolean') throw invalidArgType('value', 'boolean', value);
      autoSelectFamilyDefaultValue = value;
    },
    getDefaultAutoSelectFamilyAttemptTimeout: () => autoSelectFamilyAttemptTimeoutDefault,
    setDefaultAutoSelectFamilyAttemptTimeout(value) {
      validateNumber(value, 'value', 1);
      autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
    },
    _normalizeArgs: normalizeArgs,
    _createServerHandle: createSharedServerHandle,
    // A Windows-only knob, deprecated (DEP0121): warns once, does nothing here.
    _setSimultaneousAccepts() {
      if (warnSimultaneousAccepts) {
        warnSimultaneousAccepts = false;
        process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.', 'DeprecationWarning', 'DEP0121');
      }
    },
  };
  return net;
})();
registerBuiltin('net', netModule);
