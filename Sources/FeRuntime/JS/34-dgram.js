// dgram: UDP sockets with Node's lib/dgram.js semantics (implicit bind on send or connect, the
// queue of sends made while binding, connected sockets, multicast and buffer sizes) over
// DatagramSocket handles in Swift (Sockets/DgramOps.swift); messages come through core.onSocket.
// Uses from earlier files: 00-core.js (core, uvErrorOf); 02-errors.js (nodeError, invalidArgType, missingArgs); 03-loop.js (nextTick, setImmediate); 04-events.js (EventEmitter); 05-process.js (process); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (asFastBuffer, Buffer); 30-diagnostics_channel.js (diagnosticsChannel); 32-net.js (socketHandles, SOCKET_EVENT, socketName, socketErrno, socketErrorWithHostPort, validateSocketPort, netInternals).
const dgramModule = (() => {
  const BIND_UNBOUND = 0, BIND_BINDING = 1, BIND_BOUND = 2;
  const CONNECT_DISCONNECTED = 0, CONNECT_CONNECTING = 1, CONNECT_CONNECTED = 2;
  const kState = Symbol('state symbol');
  const dgramError = (code, message, Base = Error) => nodeError(Base, code, message);
  const ERR_SOCKET_DGRAM_NOT_RUNNING = () => dgramError('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  const ERR_SOCKET_DGRAM_IS_CONNECTED = () => dgramError('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  const ERR_SOCKET_DGRAM_NOT_CONNECTED = () => dgramError('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  const bufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

  function validateNumber(value, name) { if (typeof value !== 'number') throw invalidArgType(name, 'number', value); }
  function validateString(value, name) { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); }

  // A UDP handle in Swift; it gets its fd (and id) when bound, as libuv's does. It is Node's
  // internalBinding('udp_wrap').UDP (a HandleWrap, 32-net.js).
  const { HandleWrap, checkWrap } = netInternals;
  const dnsLookup = (...args) => requireBuiltin('dns').lookup(...args);
  // --test-udp-no-try-send: every send waits in the handle's queue for the loop, none is tried
  // at once (Node's UDPWrap::Send without uv_udp_try_send). Read when first sending: options are
  // known at run time only.
  const noTrySend = () => core.nodeFlags?.options?.['--test-udp-no-try-send'] === true;
  class UDPHandle extends HandleWrap {
    constructor(family = 4, lookup = dnsLookup) {
      super('UDPWRAP');
      this.family = family;
      this.lookupFn = lookup;
      this.id = 0;
      this.refed = true;
      this.sends = new Map(); // request id in Swift -> { size, done(status) }
      this.queued = []; // sends that wait for the loop (--test-udp-no-try-send)
      this.onmessage = null;
    }
    // Node's UDPWrap::Send: (req, list, count, port, address, hasCallback) or, connected,
    // (req, list, count, hasCallback). The size + 1 when the datagram went out now; 0 when it
    // is queued and req.oncomplete(status, size) follows (if hasCallback); or -errno.
    send(req, list, count, ...rest) {
      let port = 0, ip = null, hasCallback;
      if (rest.length >= 3) [port, ip, hasCallback] = rest;
      else [hasCallback] = rest;
      if (!this.id) return -9;
      const data = count === 1 ? list[0] : Buffer.concat(Array.prototype.slice.call(list, 0, count));
      const size = data.length;
      const done = (status) => { if (hasCallback && typeof req.oncomplete === 'function') req.oncomplete(status, status ? 0 : size); };
      if (noTrySend()) {
        this.queued.push({ data, ip: port ? ip : null, port: port || 0, size, done });
        if (this.queued.length === 1) setImmediate(() => this.flushQueued());
        return 0;
      }
      const r = ops.op_udp_send(this.id, data, port ? ip : null, port || 0);
      if (r === 0) return size + 1;
      if (r < 0) return r;
      this.sends.set(r, { size, done });
      return 0;
    }
    flushQueued() {
      const queued = this.queued.splice(0);
      for (const { data, ip, port, size, done } of queued) {
        if (!this.id) { done(-125); continue; } // UV_ECANCELED: closed meanwhile
        const r = ops.op_udp_send(this.id, data, ip, port);
        if (r > 0) this.sends.set(r, { size, done });
        else done(r);
      }
    }
    // What libuv's uv_udp_get_send_queue_size/count say: bytes and sends not yet handed over.
    getSendQueueSize() {
      let size = 0;
      for (const { size: n } of this.queued) size += n;
      for (const { size: n } of this.sends.values()) size += n;
      return size;
    }
    getSendQueueCount() { return this.queued.length + this.sends.size; }
    lookup(address, cb) {
      return this.lookupFn(address || (this.family === 4 ? '127.0.0.1' : '::1'), this.family, cb);
    }
    bind(ip, port, reuseAddr, ipv6Only) {
      const r = ops.op_udp_bind(ip, port, reuseAddr, ipv6Only);
      if (r < 0) return r;
      this.id = r;
      socketHandles.set(r, this);
      if (!this.refed) ops.op_net_ref(r, false);
      return 0;
    }
    recvStart() { if (this.id) ops.op_udp_recv(this.id, true); }
    recvStop() { if (this.id) ops.op_udp_recv(this.id, false); }
    ref() { this.refed = true; if (this.id) ops.op_net_ref(this.id, true); }
    unref() { this.refed = false; if (this.id) ops.op_net_ref(this.id, false); }
    hasRef() { return this.refed; }
    wrapType() { return 'UDPWrap'; }
    close(cb) {
      if (this.id) { socketHandles.delete(this.id); ops.op_net_close(this.id, false); this.id = 0; }
      this.sends.clear();
      this.destroyAsyncId();
      if (typeof cb === 'function') setImmediate(cb);
    }
    name(out, peer) { return socketName(this.id, out, peer); }
    option(which, value) { return this.id ? ops.op_udp_option(this.id, which, value) : -9; }
    onEvent(event, a, b) {
      if (event === SOCKET_EVENT.message) {
        if (!this.onmessage) return;
        // Node's onmessage(nread, handle, buffer, rinfo): a negative nread is the error.
        if (a === null) this.onmessage(b, this, null, null);
        else this.onmessage(a.length, this, asFastBuffer(a), { address: b[0], family: b[1], port: b[2], size: a.length });
      } else if (event === SOCKET_EVENT.written) {
        const send = this.sends.get(a);
        this.sends.delete(a);
        if (send) send.done(b);
      }
    }
  }

  // Node's UDPWrap::GetFD: the socket's descriptor, -EBADF while unbound or once closed.
  Object.defineProperty(UDPHandle.prototype, 'fd', {
    get() {
      checkWrap(this);
      const fd = this.id ? ops.op_net_fd(this.id) : -9;
      return fd < 0 ? -9 : fd;
    },
    enumerable: false, configurable: false,
  });
  // udp_wrap's SendWrap: a send's request (doSend gives it oncomplete).
  class SendWrap {}
  netInternals.udpWrapBinding = { UDP: UDPHandle, SendWrap, constants: { UV_UDP_IPV6ONLY: 1, UV_UDP_REUSEADDR: 4 } };

  function Socket(type, listener) {
    EventEmitter.call(this);
    let lookup, recvBufferSize, sendBufferSize, options;
    if (type !== null && typeof type === 'object') {
      options = type;
      type = options.type;
      lookup = options.lookup;
      if (options.recvBufferSize) recvBufferSize = options.recvBufferSize;
      if (options.sendBufferSize) sendBufferSize = options.sendBufferSize;
    }
    if (lookup !== undefined && typeof lookup !== 'function') throw invalidArgType('lookup', 'Function', lookup);
    if (type !== 'udp4' && type !== 'udp6') {
      throw dgramError('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
    }
    const handle = new UDPHandle(type === 'udp4' ? 4 : 6, lookup || ((...args) => requireBuiltin('dns').lookup(...args)));
    handle.owner = this;
    this.type = type;
    if (typeof listener === 'function') this.on('message', listener);
    this[kState] = {
      handle, receiving: false, bindState: BIND_UNBOUND, connectState: CONNECT_DISCONNECTED, queue: undefined,
      reuseAddr: options && options.reuseAddr, ipv6Only: options && options.ipv6Only, recvBufferSize, sendBufferSize,
    };
    if (options && options.signal !== undefined) {
      const signal = options.signal;
      if (!signal || typeof signal.aborted !== 'boolean') throw invalidArgType('options.signal', 'AbortSignal', signal);
      const onAborted = () => { if (this[kState].handle) this.close(); };
      if (signal.aborted) onAborted();
      else {
        signal.addEventListener('abort', onAborted, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAborted));
      }
    }
    // Node's diagnostics channel of new UDP sockets.
    const udpChannel = diagnosticsChannel.channel('udp.socket');
    if (udpChannel.hasSubscribers) udpChannel.publish({ socket: this });
  }
  Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Socket, EventEmitter);

  function createSocket(type, listener) { return new Socket(type, listener); }

  function healthCheck(socket) { if (!socket[kState].handle) throw ERR_SOCKET_DGRAM_NOT_RUNNING(); }

  function startListening(socket) {
    const state = socket[kState];
    state.handle.onmessage = (nread, handle, buf, rinfo) => {
      if (nread < 0) socket.emit('error', socketErrno(nread, 'recvmsg'));
      else socket.emit('message', buf, rinfo);
    };
    state.handle.recvStart();
    state.receiving = true;
    state.bindState = BIND_BOUND;
    if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
    if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
    socket.emit('listening');
  }

  Socket.prototype.bind = function (port_, address_ /* , callback */) {
    let port = port_;
    healthCheck(this);
    const state = this[kState];
    if (state.bindState !== BIND_UNBOUND) throw dgramError('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
    state.bindState = BIND_BINDING;
    const cb = arguments.length && arguments[arguments.length - 1];
    if (typeof cb === 'function') {
      const removeListeners = () => {
        this.removeListener('error', removeListeners);
        this.removeListener('listening', onListening);
      };
      const onListening = () => { removeListeners(); cb.call(this); };
      this.on('error', removeListeners);
      this.on('listening', onListening);
    }
    if (port instanceof UDPHandle) {
      // A bound handle (one another process sent, or a cluster primary's).
      replaceHandle(this, port);
      startListening(this);
      return this;
    }
    if (port !== null && typeof port === 'object' && Number.isInteger(port.fd) && port.fd > 0) {
      throw dgramError('ERR_FE_UNSUPPORTED', 'fe cannot bind a dgram socket to an existing file descriptor');
    }
    let address, exclusive;
    if (port !== null && typeof port === 'object') {
      address = port.address || '';
      exclusive = !!port.exclusive;
      port = port.port;
    } else {
      address = typeof address_ === 'function' ? '' : address_;
      exclusive = false;
    }
    if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
    state.handle.lookup(address, (err, ip) => {
      if (!state.handle) return;
      if (err) {
        state.bindState = BIND_UNBOUND;
        this.emit('error', err);
        return;
      }
      if (requireBuiltin('cluster').isWorker && !exclusive) {
        // A cluster worker binds the primary's handle (Node's bindServerHandle).
        const flags = (state.reuseAddr ? 4 : 0) | (state.ipv6Only ? 1 : 0);
        const query = { address: ip, port, addressType: this.type, fd: -1, flags };
        requireBuiltin('cluster')._getServer(this, query, (err, handle) => {
          if (err) {
            state.bindState = BIND_UNBOUND;
            this.emit('error', socketErrorWithHostPort(err, 'bind', ip, port));
            return;
          }
          if (!state.handle) { handle.close(); return; }
          replaceHandle(this, handle);
          startListening(this);
        });
        return;
      }
      const r = state.handle.bind(ip, port || 0, !!state.reuseAddr, !!state.ipv6Only);
      if (r) {
        state.bindState = BIND_UNBOUND;
        this.emit('error', socketErrorWithHostPort(r, 'bind', ip, port));
        return;
      }
      startListening(this);
    });
    return this;
  };

  function replaceHandle(self, handle) {
    const state = self[kState];
    handle.lookupFn = state.handle.lookupFn;
    handle.owner = self;
    state.handle.close();
    state.handle = handle;
  }

  // Handles that travel between processes (16-child_process.js, cluster).
  netInternals.UDPHandle = UDPHandle;
  netInternals.udpHandleOf = (socket) => socket[kState].handle;
  netInternals.adoptUdp = (id, family) => {
    const handle = new UDPHandle(family, (...args) => requireBuiltin('dns').lookup(...args));
    handle.id = id;
    socketHandles.set(id, handle);
    return handle;
  };
  // Node's dgram._createSocketHandle (a cluster primary's shared UDP handle): bound when given
  // a port or an address, or -errno.
  function createSocketHandle(address, port, addressType, fd, flags) {
    const handle = new UDPHandle(addressType === 'udp6' ? 6 : 4, (...args) => requireBuiltin('dns').lookup(...args));
    if (port || address) {
      const err = handle.bind(address, port || 0, !!(flags & 4), !!(flags & 1));
      if (err) { handle.close(); return err; }
    }
    return handle;
  }

  function enqueue(self, fn) {
    const state = self[kState];
    if (state.queue === undefined) {
      state.queue = [];
      self.once(EventEmitter.errorMonitor, onListenError);
      self.once('listening', onListenSuccess);
    }
    state.queue.push(fn);
  }
  function onListenSuccess() {
    this.removeListener(EventEmitter.errorMonitor, onListenError);
    const state = this[kState];
    const queue = state.queue;
    state.queue = undefined;
    for (const fn of queue) fn();
  }
  function onListenError() {
    this.removeListener('listening', onListenSuccess);
    this[kState].queue = undefined;
  }

  Socket.prototype.connect = function (port, address, callback) {
    port = validateSocketPort(port, 'Port', false);
    if (typeof address === 'function') { callback = address; address = ''; } else if (address === undefined) address = '';
    validateString(address, 'address');
    const state = this[kState];
    if (state.connectState !== CONNECT_DISCONNECTED) throw ERR_SOCKET_DGRAM_IS_CONNECTED();
    state.connectState = CONNECT_CONNECTING;
    if (state.bindState === BIND_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
    if (state.bindState !== BIND_BOUND) {
      enqueue(this, () => connectNow(this, port, address, callback));
      return;
    }
    connectNow(this, port, address, callback);
  };
  function connectNow(self, port, address, callback) {
    const state = self[kState];
    if (callback) self.once('connect', callback);
    state.handle.lookup(address, (ex, ip) => {
      if (!state.handle) return;
      if (!ex) {
        const err = ops.op_udp_connect(state.handle.id, ip, port);
        if (err) ex = socketErrorWithHostPort(err, 'connect', address, port);
      }
      if (ex) {
        state.connectState = CONNECT_DISCONNECTED;
        nextTick(() => {
          if (callback) { self.removeListener('connect', callback); callback(ex); } else self.emit('error', ex);
        });
        return;
      }
      state.connectState = CONNECT_CONNECTED;
      nextTick(() => self.emit('connect'));
    });
  }

  Socket.prototype.disconnect = function () {
    const state = this[kState];
    if (state.connectState !== CONNECT_CONNECTED) throw ERR_SOCKET_DGRAM_NOT_CONNECTED();
    const err = ops.op_udp_connect(state.handle.id, null, 0);
    if (err) throw socketErrno(err, 'connect');
    state.connectState = CONNECT_DISCONNECTED;
  };

  function sliceBuffer(buffer, offset, length) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    else if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', bufferTypes, buffer);
    offset = offset >>> 0;
    length = length >>> 0;
    if (offset > buffer.byteLength) throw dgramError('ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds', RangeError);
    if (offset + length > buffer.byteLength) throw dgramError('ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds', RangeError);
    return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
  }
  function fixBufferList(list) {
    const out = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const buf = list[i];
      if (typeof buf === 'string') out[i] = Buffer.from(buf);
      else if (!ArrayBuffer.isView(buf)) return null;
      else out[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return out;
  }

  Socket.prototype.send = function (buffer, offset, length, port, address, callback) {
    let list;
    const state = this[kState];
    const connected = state.connectState === CONNECT_CONNECTED;
    if (!connected) {
      if (address || (port && typeof port !== 'function')) buffer = sliceBuffer(buffer, offset, length);
      else { callback = port; port = offset; address = length; }
    } else {
      if (typeof length === 'number') {
        buffer = sliceBuffer(buffer, offset, length);
        if (typeof port === 'function') { callback = port; port = null; } else callback = address;
      } else {
        callback = offset;
      }
      if (port || address) throw ERR_SOCKET_DGRAM_IS_CONNECTED();
    }
    if (!Array.isArray(buffer)) {
      if (typeof buffer === 'string') list = [Buffer.from(buffer)];
      else if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', bufferTypes, buffer);
      else list = [buffer];
    } else if (!(list = fixBufferList(buffer))) {
      throw invalidArgType('buffer list arguments', bufferTypes, buffer);
    }
    if (!connected) port = validateSocketPort(port, 'Port', false);
    if (typeof callback !== 'function') callback = undefined;
    if (typeof address === 'function') { callback = address; address = undefined; } else if (address != null) validateString(address, 'address');
    healthCheck(this);
    if (state.bindState === BIND_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
    if (list.length === 0) list.push(Buffer.alloc(0));
    if (state.bindState !== BIND_BOUND) {
      enqueue(this, () => this.send(list, port, address, callback));
      return;
    }
    const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
    if (!connected) state.handle.lookup(address, afterDns);
    else afterDns(null, null);
  };

  function doSend(ex, self, ip, list, address, port, callback) {
    const state = self[kState];
    if (ex) {
      if (typeof callback === 'function') nextTick(callback, ex);
      else nextTick(() => self.emit('error', ex));
      return;
    }
    if (!state.handle) return;
    // Node's doSend: a SendWrap whose oncomplete(status, sent) calls back.
    const req = { list, address, port, callback };
    if (callback) {
      req.oncomplete = (status, sent) => {
        callback(status ? socketErrorWithHostPort(status, 'send', address, port) : null, status ? undefined : sent);
      };
    }
    const err = port
      ? state.handle.send(req, list, list.length, port, ip, !!callback)
      : state.handle.send(req, list, list.length, !!callback);
    if (err >= 1) {
      // Sent now: the size + 1, to tell it from a queued send.
      if (callback) nextTick(callback, null, err - 1);
      return;
    }
    if (err && callback) nextTick(callback, socketErrorWithHostPort(err, 'send', address, port));
  }

  Socket.prototype.sendto = function (buffer, offset, length, port, address, callback) {
    validateNumber(offset, 'offset');
    validateNumber(length, 'length');
    validateNumber(port, 'port');
    validateString(address, 'address');
    this.send(buffer, offset, length, port, address, callback);
  };

  Socket.prototype.close = function (callback) {
    const state = this[kState];
    if (typeof callback === 'function') this.on('close', callback);
    if (state.queue !== undefined) {
      state.queue.push(() => this.close());
      return this;
    }
    healthCheck(this);
    if (state.receiving) { state.handle.recvStop(); state.receiving = false; }
    state.handle.close();
    state.handle = null;
    nextTick(() => this.emit('close'));
    return this;
  };

  Socket.prototype.address = function () {
    healthCheck(this);
    const out = {};
    const err = this[kState].handle.name(out, false);
    if (err) throw socketErrno(err, 'getsockname');
    return out;
  };
  Socket.prototype.remoteAddress = function () {
    healthCheck(this);
    const state = this[kState];
    if (state.connectState !== CONNECT_CONNECTED) throw ERR_SOCKET_DGRAM_NOT_CONNECTED();
    const out = {};
    const err = state.handle.name(out, true);
    if (err) throw socketErrno(err, 'getpeername');
    return out;
  };

  function setOption(self, which, value, syscall) {
    const err = self[kState].handle ? self[kState].handle.option(which, value) : -9;
    if (err < 0) throw socketErrno(err, syscall);
  }
  Socket.prototype.setBroadcast = function (arg) { setOption(this, 1, arg ? 1 : 0, 'setBroadcast'); };
  Socket.prototype.setTTL = function (ttl) {
    validateNumber(ttl, 'ttl');
    if (ttl < 1 || ttl > 255) throw socketErrno(-22, 'setTTL');
    setOption(this, 2, ttl, 'setTTL');
    return ttl;
  };
  Socket.prototype.setMulticastTTL = function (ttl) {
    validateNumber(ttl, 'ttl');
    if (ttl < 0 || ttl > 255) throw socketErrno(-22, 'setMulticastTTL');
    setOption(this, 3, ttl, 'setMulticastTTL');
    return ttl;
  };
  Socket.prototype.setMulticastLoopback = function (arg) {
    setOption(this, 4, arg ? 1 : 0, 'setMulticastLoopback');
    return arg;
  };
  Socket.prototype.setMulticastInterface = function (interfaceAddress) {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const handle = this[kState].handle;
    let address = interfaceAddress;
    // "::%eth0" names an interface by its scope; an IPv4 socket takes an interface address.
    const err = handle.id ? ops.op_udp_multicast_interface(handle.id, address) : -9;
    if (err) throw socketErrno(err, 'setMulticastInterface');
  };
  function membership(self, join, group, iface, source, syscall) {
    const handle = self[kState].handle;
    // libuv parses the addresses first: one that is no IP address is EINVAL.
    if (!requireBuiltin('net').isIP(group) || (source && !requireBuiltin('net').isIP(source))) throw socketErrno(-22, syscall);
    const err = handle.id ? ops.op_udp_membership(handle.id, join, group, iface || null, source || null) : -9;
    if (err) throw socketErrno(err, syscall);
  }
  Socket.prototype.addMembership = function (multicastAddress, interfaceAddress) {
    healthCheck(this);
    if (!multicastAddress) throw missingArgs('multicastAddress');
    membership(this, true, multicastAddress, interfaceAddress, null, 'addMembership');
  };
  Socket.prototype.dropMembership = function (multicastAddress, interfaceAddress) {
    healthCheck(this);
    if (!multicastAddress) throw missingArgs('multicastAddress');
    membership(this, false, multicastAddress, interfaceAddress, null, 'dropMembership');
  };
  Socket.prototype.addSourceSpecificMembership = function (sourceAddress, groupAddress, interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    membership(this, true, groupAddress, interfaceAddress, sourceAddress, 'addSourceSpecificMembership');
  };
  Socket.prototype.dropSourceSpecificMembership = function (sourceAddress, groupAddress, interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    membership(this, false, groupAddress, interfaceAddress, sourceAddress, 'dropSourceSpecificMembership');
  };

  // The legacy state accessors and helpers (DEP0112), as Node keeps them.
  for (const [name, key] of [['_handle', 'handle'], ['_receiving', 'receiving'], ['_bindState', 'bindState'],
    ['_queue', 'queue'], ['_reuseAddr', 'reuseAddr']]) {
    const msg = `Socket.prototype.${name} is deprecated`;
    Object.defineProperty(Socket.prototype, name, {
      get: util.deprecate(function () { return this[kState][key]; }, msg, 'DEP0112'),
      set: util.deprecate(function (val) { this[kState][key] = val; }, msg, 'DEP0112'),
      configurable: true,
    });
  }
  Socket.prototype._healthCheck = util.deprecate(function () { healthCheck(this); },
    'Socket.prototype._healthCheck() is deprecated', 'DEP0112');
  Socket.prototype._stopReceiving = util.deprecate(function () {
    const state = this[kState];
    if (!state.receiving) return;
    state.handle.recvStop();
    state.receiving = false;
  }, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

  Socket.prototype.ref = function () { const h = this[kState].handle; if (h) h.ref(); return this; };
  Socket.prototype.unref = function () { const h = this[kState].handle; if (h) h.unref(); return this; };

  // Node's ERR_SOCKET_BUFFER_SIZE is a SystemError carrying what libuv said.
  function bufferSize(self, size, recv) {
    if (size >>> 0 !== size) throw dgramError('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
    const handle = self[kState].handle;
    const which = recv ? 5 : 6;
    let r = handle ? handle.option(which, size === 0 ? null : size) : -9;
    if (r >= 0 && size !== 0) r = handle.option(which, null);
    if (r < 0) {
      const [code, text] = uvErrorOf(r);
      const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
      const e = new Error(`Could not get or set buffer size: ${syscall} returned ${code} (${text})`);
      e.name = 'SystemError';
      e.code = 'ERR_SOCKET_BUFFER_SIZE';
      e.info = { errno: r, code, message: text, syscall };
      e.errno = r;
      e.syscall = syscall;
      throw e;
    }
    return r;
  }
  Socket.prototype.setRecvBufferSize = function (size) { bufferSize(this, size, true); };
  Socket.prototype.setSendBufferSize = function (size) { bufferSize(this, size, false); };
  Socket.prototype.getRecvBufferSize = function () { return bufferSize(this, 0, true); };
  Socket.prototype.getSendBufferSize = function () { return bufferSize(this, 0, false); };
  Socket.prototype.getSendQueueSize = function () { const h = this[kState].handle; return h ? h.getSendQueueSize() : 0; };
  Socket.prototype.getSendQueueCount = function () { const h = this[kState].handle; return h ? h.getSendQueueCount() : 0; };

  // Node's lib/internal/dgram.js: the state symbol, a new handle for a type, and the shared one.
  netInternals.internalDgram = {
    kStateSymbol: kState,
    newHandle(type, lookup) {
      if (lookup === undefined) lookup = dnsLookup;
      else if (typeof lookup !== 'function') throw invalidArgType('lookup', 'Function', lookup);
      if (type !== 'udp4' && type !== 'udp6') {
        throw dgramError('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
      }
      return new UDPHandle(type === 'udp4' ? 4 : 6, lookup);
    },
    _createSocketHandle: createSocketHandle,
  };
  return { Socket, createSocket, _createSocketHandle: createSocketHandle };
})();
registerBuiltin('dgram', dgramModule);
