// cluster: Node's primary/worker model over child_process.fork() and its IPC channel, with
// Node's internal protocol (messages { cmd: 'NODE_CLUSTER', act, seq, ack }). A worker is
// the same program forked with NODE_UNIQUE_ID set; the module becomes the worker's side at
// launch (60-globals.js calls core.setupCluster), since whether this process is a worker is
// only known then.
// A worker's server (net's listen, dgram's bind, and http's through net) asks the primary for its handle
// (queryServer): with round-robin scheduling the primary accepts and hands each connection to
// a worker over the channel ('newconn'); otherwise (and for UDP) the workers share the
// primary's listening socket, sent to them as a handle.
// Uses from earlier files: 00-core.js (core); 01-inspect.js (inspect); 03-loop.js (nextTick, TIMEOUT_MAX, setInterval, clearTimeout); 04-events.js (EventEmitter); 05-process.js (process); 07-path.js (path); 08-fs.js (then); 10-builtins.js (util, registerBuiltin, requireBuiltin); 16-child_process.js (childProcess); 27-http.js (http); 32-net.js (validateSocketPort).
const cluster = (() => {
  const SCHED_NONE = 1, SCHED_RR = 2;
  const cluster = new EventEmitter();

  // Node's internal/cluster/utils: sendHelper and internal().
  const callbacks = new Map();
  let seq = 0;
  function sendHelper(proc, message, handle, cb) {
    if (!proc.connected) return false;
    message = { cmd: 'NODE_CLUSTER', ...message, seq };
    if (typeof cb === 'function') callbacks.set(seq, cb);
    seq += 1;
    return proc.send(message, handle);
  }
  function internal(worker, cb) {
    return function onInternalMessage(message, handle) {
      if (message.cmd !== 'NODE_CLUSTER') return;
      let fn = cb;
      if (message.ack !== undefined) {
        const callback = callbacks.get(message.ack);
        if (callback !== undefined) {
          fn = callback;
          callbacks.delete(message.ack);
        }
      }
      fn.call(worker, message, handle);
    };
  }

  // Node's internal/cluster/worker: what both sides share. A function, as Node's: callable
  // without `new`.
  function Worker(options) {
    if (!(this instanceof Worker)) return new Worker(options);
    EventEmitter.call(this);
    if (options === null || typeof options !== 'object') options = {};
    this.exitedAfterDisconnect = undefined;
    this.state = options.state || 'none';
    this.id = options.id | 0;
    if (options.process) {
      this.process = options.process;
      this.process.on('error', (code, signal) => this.emit('error', code, signal));
      this.process.on('message', (message, handle) => this.emit('message', message, handle));
    }
  }
  Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Worker, EventEmitter);
  Worker.prototype.kill = function (...args) { return this.destroy(...args); };
  Worker.prototype.send = function (...args) { return this.process.send(...args); };
  Worker.prototype.isDead = function () { return this.process.exitCode != null || this.process.signalCode != null; };
  Worker.prototype.isConnected = function () { return this.process.connected; };

  // Node's internal/cluster/round_robin_handle: the primary listens and accepts; each
  // connection goes to the next free worker, which answers whether it took it.
  class RoundRobinHandle {
    constructor(key, address, { port, fd, flags, backlog }) {
      this.key = key;
      this.all = new Map();
      this.free = new Map();
      this.handles = [];
      this.handle = null;
      this.server = requireBuiltin('net').createServer(() => { throw new Error('unreachable'); });
      if (fd >= 0) this.server.listen({ fd, backlog });
      else if (port >= 0) this.server.listen({ port, host: address, ipv6Only: Boolean(flags & 1), backlog });
      else this.server.listen({ path: address, backlog });
      this.server.once('listening', () => {
        this.handle = this.server._handle;
        this.handle.onconnection = (err, handle) => this.distribute(err, handle);
        this.server._handle = null;
        this.server = null;
      });
    }
    add(worker, send) {
      this.all.set(worker.id, worker);
      const done = () => {
        if (this.handle.kind === 0) {
          const out = {};
          this.handle.getsockname(out);
          send(null, { sockname: out }, null);
        } else {
          send(null, null, null); // a Unix socket
        }
        this.handoff(worker); // connections may be waiting
      };
      if (this.server === null) { done(); return; }
      this.server.once('listening', done);
      this.server.once('error', (err) => send(err.errno, null));
    }
    remove(worker) {
      const existed = this.all.delete(worker.id);
      if (!existed) return false;
      this.free.delete(worker.id);
      if (this.all.size !== 0) return false;
      for (const handle of this.handles.splice(0)) handle.close();
      if (this.handle) this.handle.close();
      this.handle = null;
      return true;
    }
    distribute(err, handle) {
      if (err) return; // a failed accept
      this.handles.push(handle);
      const first = this.free.entries().next();
      if (!first.done) {
        const [workerId, worker] = first.value;
        this.free.delete(workerId);
        this.handoff(worker);
      }
    }
    handoff(worker) {
      if (!this.all.has(worker.id)) return; // the worker is closing the server
      const handle = this.handles.shift();
      if (handle === undefined) {
        this.free.set(worker.id, worker);
        return;
      }
      const message = { act: 'newconn', key: this.key };
      sendHelper(worker.process, message, handle, (reply) => {
        if (reply.accepted) handle.close();
        else this.distribute(0, handle); // the worker is shutting down: another one gets it
        this.handoff(worker);
      });
    }
  }

  // Node's internal/cluster/shared_handle: one bound socket the workers all listen on.
  class SharedHandle {
    constructor(key, address, { port, addressType, fd, flags }) {
      this.key = key;
      this.workers = new Map();
      this.handle = null;
      this.errno = 0;
      const rval = addressType === 'udp4' || addressType === 'udp6'
        ? requireBuiltin('dgram')._createSocketHandle(address, port, addressType, fd, flags)
        : requireBuiltin('net')._createServerHandle(address, port, addressType, fd, flags);
      if (typeof rval === 'number') this.errno = rval;
      else this.handle = rval;
    }
    add(worker, send) {
      this.workers.set(worker.id, worker);
      send(this.errno, null, this.handle);
    }
    remove(worker) {
      if (!this.workers.has(worker.id)) return false;
      this.workers.delete(worker.id);
      if (this.workers.size !== 0) return false;
      if (this.handle) this.handle.close();
      this.handle = null;
      return true;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The primary (Node's internal/cluster/primary).
  const primary = (() => {
    let ids = 0;
    let initialized = false;
    const intercom = new EventEmitter();
    const workers = {};
    const settings = {};
    const handles = new Map(); // the servers workers listen on, by key
    let schedulingPolicy;

    function setupPrimary(options) {
      const next = {
        args: process.argv.slice(2),
        exec: process.argv[1],
        execArgv: process.execArgv,
        silent: false,
        ...cluster.settings,
        ...options,
      };
      for (const k of Object.keys(cluster.settings)) delete cluster.settings[k];
      Object.assign(cluster.settings, next);
      if (initialized === true) { nextTick(() => cluster.emit('setup', next)); return; }
      initialized = true;
      schedulingPolicy = cluster.schedulingPolicy; // frozen from now on
      nextTick(() => cluster.emit('setup', next));
    }

    // Node's internal/util/inspector: a primary using the inspector gives each worker a port of
    // its own, by default the next ones after process.debugPort, wrapping to 1024.
    const inspectArg = /--inspect(?:-brk|-port)?|--debug-port/;
    const isUsingInspector = (execArgv) => execArgv.some((arg) => inspectArg.test(arg)) ||
      inspectArg.test(process.env.NODE_OPTIONS);
    let debugPortOffset = 1;
    function getInspectPort(inspectPort) {
      if (typeof inspectPort === 'function') {
        inspectPort = inspectPort();
      } else if (inspectPort == null) {
        inspectPort = process.debugPort + debugPortOffset;
        if (inspectPort > 65535) inspectPort = inspectPort - 65535 + 1024 - 1;
        debugPortOffset++;
      }
      validateSocketPort(inspectPort);
      return inspectPort;
    }

    function createWorkerProcess(id, env) {
      const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
      const s = cluster.settings;
      const execArgv = [...s.execArgv];
      if (s.inspectPort === null) validateSocketPort(null, 'Port', true);
      if (isUsingInspector(s.execArgv)) execArgv.push(`--inspect-port=${getInspectPort(s.inspectPort)}`);
      return childProcess.fork(s.exec, s.args, {
        cwd: s.cwd, env: workerEnv, serialization: s.serialization, silent: s.silent,
        windowsHide: s.windowsHide, execArgv, stdio: s.stdio, gid: s.gid, uid: s.uid,
      });
    }

    function removeWorker(worker) {
      delete cluster.workers[worker.id];
      if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
    }
    function removeHandlesForWorker(worker) {
      for (const [key, handle] of handles) if (handle.remove(worker)) handles.delete(key);
    }

    function fork(env) {
      cluster.setupPrimary();
      const id = ++ids;
      const workerProcess = createWorkerProcess(id, env);
      const worker = new Worker({ id, process: workerProcess });
      worker.on('message', function (message, handle) { cluster.emit('message', this, message, handle); });
      worker.process.once('exit', (exitCode, signalCode) => {
        // A worker that exits before its channel ends is removed once both happened.
        if (!worker.isConnected()) {
          removeHandlesForWorker(worker);
          removeWorker(worker);
        }
        worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
        worker.state = 'dead';
        worker.emit('exit', exitCode, signalCode);
        cluster.emit('exit', worker, exitCode, signalCode);
      });
      worker.process.once('disconnect', () => {
        removeHandlesForWorker(worker);
        worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
        if (worker.isDead()) removeWorker(worker);
        worker.state = 'disconnected';
        worker.emit('disconnect');
        cluster.emit('disconnect', worker);
      });
      worker.process.on('internalMessage', internal(worker, onmessage));
      nextTick(() => cluster.emit('fork', worker));
      cluster.workers[worker.id] = worker;
      return worker;
    }

    function onmessage(message, handle) {
      const worker = this;
      if (message.act === 'online') {
        worker.state = 'online';
        worker.emit('online');
        cluster.emit('online', worker);
      } else if (message.act === 'exitedAfterDisconnect') {
        worker.exitedAfterDisconnect = true;
        sendHelper(worker.process, { ack: message.seq });
      } else if (message.act === 'listening') {
        const info = { addressType: message.addressType, address: message.address, port: message.port, fd: message.fd };
        worker.state = 'listening';
        worker.emit('listening', info);
        cluster.emit('listening', worker, info);
      } else if (message.act === 'queryServer') {
        queryServer(worker, message);
      } else if (message.act === 'close') {
        // A worker's server closed (its handle may be gone already).
        const handle = handles.get(message.key);
        if (handle && handle.remove(worker)) handles.delete(message.key);
      }
    }

    function queryServer(worker, message) {
      if (worker.exitedAfterDisconnect) return;
      const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
      let handle = handles.get(key);
      if (handle === undefined) {
        let address = message.address;
        // The shortest path for a Unix socket (paths are limited to ~100 bytes).
        if (message.port < 0 && typeof address === 'string') {
          address = path.relative(process.cwd(), address);
          if (message.address.length < address.length) address = message.address;
        }
        // UDP has no connections to balance.
        if (schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' || message.addressType === 'udp6') {
          handle = new SharedHandle(key, address, message);
        } else {
          handle = new RoundRobinHandle(key, address, message);
        }
        handles.set(key, handle);
      }
      if (!handle.data) handle.data = message.data;
      handle.add(worker, (errno, reply, sent) => {
        const { data } = handles.get(key);
        if (errno) handles.delete(key); // other workers may try again
        sendHelper(worker.process, { errno, key, ack: message.seq, data, ...reply }, sent);
      });
    }

    function disconnect(cb) {
      const ids = Object.keys(cluster.workers);
      if (ids.length === 0) nextTick(() => intercom.emit('disconnect'));
      for (const id of ids) {
        const worker = cluster.workers[id];
        if (worker.isConnected()) worker.disconnect();
      }
      if (typeof cb === 'function') intercom.once('disconnect', cb);
    }

    Worker.prototype.disconnect = function () {
      this.exitedAfterDisconnect = true;
      sendHelper(this.process, { act: 'disconnect' });
      removeHandlesForWorker(this);
      removeWorker(this);
      return this;
    };
    // Node 18's: the signal at once (the worker's channel ends with it, not after a disconnect).
    Worker.prototype.destroy = function (signo) {
      this.process.kill(signo || 'SIGTERM');
    };

    return { setupPrimary, fork, disconnect, workers, settings };
  })();

  // Node's defaults, before the launch decides which side this is.
  Object.assign(cluster, {
    isWorker: false, isMaster: true, isPrimary: true, Worker, workers: primary.workers, settings: primary.settings,
    SCHED_NONE, SCHED_RR, schedulingPolicy: SCHED_RR,
    setupPrimary: primary.setupPrimary, setupMaster: primary.setupPrimary, fork: primary.fork, disconnect: primary.disconnect,
  });

  // ---------------------------------------------------------------------------------------
  // A worker (Node's internal/cluster/child): set up at launch when NODE_UNIQUE_ID is set.
  function setupWorker() {
    for (const k of ['workers', 'settings', 'SCHED_NONE', 'SCHED_RR', 'schedulingPolicy', 'setupPrimary', 'setupMaster', 'fork', 'disconnect']) {
      delete cluster[k];
    }
    Object.assign(cluster, { isWorker: true, isMaster: false, isPrimary: false, worker: null, _getServer: getServer });
    const handles = new Map(); // this worker's servers' handles, by the primary's key
    const indexes = new Map();
    const send = (message, cb) => sendHelper(process, message, null, cb);

    // Node's cluster._getServer: `obj` is a net.Server or a dgram.Socket.
    function getServer(obj, options, cb) {
      let address = options.address;
      if (options.port < 0 && typeof address === 'string') address = path.resolve(address);
      const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
      let indexSet = indexes.get(indexesKey);
      if (indexSet === undefined) {
        indexSet = { nextIndex: 0, set: new Set() };
        indexes.set(indexesKey, indexSet);
      }
      const index = indexSet.nextIndex++;
      indexSet.set.add(index);
      const message = { act: 'queryServer', index, data: null, ...options };
      message.address = address;
      if (obj._getServerData) message.data = obj._getServerData();
      send(message, (reply, handle) => {
        if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
        if (handle) shared(reply, { handle, indexesKey, index }, cb);
        else rr(reply, { indexesKey, index }, cb);
      });
      obj.once('listening', () => {
        // A short-lived server may be closed already.
        if (!indexes.has(indexesKey)) return;
        cluster.worker.state = 'listening';
        const addr = obj.address();
        message.act = 'listening';
        message.port = (addr && addr.port) || options.port;
        send(message);
      });
    }
    function removeIndexesKey(indexesKey, index) {
      const indexSet = indexes.get(indexesKey);
      if (!indexSet) return;
      indexSet.set.delete(index);
      if (indexSet.set.size === 0) indexes.delete(indexesKey);
    }
    // The primary's listening socket itself; closing it tells the primary.
    function shared(message, { handle, indexesKey, index }, cb) {
      const key = message.key;
      const close = handle.close;
      handle.close = function (...args) {
        send({ act: 'close', key });
        handles.delete(key);
        removeIndexesKey(indexesKey, index);
        return close.apply(handle, args);
      };
      handles.set(key, handle);
      cb(message.errno, handle);
    }
    // Round-robin: a stand-in handle; connections come from the primary ('newconn'). It keeps
    // the process alive as a listening server does, with a timer.
    function rr(message, { indexesKey, index }, cb) {
      if (message.errno) { cb(message.errno, null); return; }
      let key = message.key;
      let fakeHandle = null;
      const ref = () => { if (!fakeHandle) fakeHandle = setInterval(() => {}, TIMEOUT_MAX); };
      const unref = () => { if (fakeHandle) { clearTimeout(fakeHandle); fakeHandle = null; } };
      const close = (cb) => {
        // Connections may still come until the primary hears of it: onconnection sends them back.
        if (key === undefined) return;
        unref();
        send({ act: 'close', key });
        handles.delete(key);
        removeIndexesKey(indexesKey, index);
        key = undefined;
        if (typeof cb === 'function') nextTick(cb);
      };
      const handle = { close, listen: () => 0, ref, unref, hasRef: () => fakeHandle !== null, kind: message.sockname ? 0 : 1 };
      handle.ref();
      if (message.sockname) {
        handle.getsockname = (out) => {
          if (key) Object.assign(out, message.sockname);
          return 0;
        };
      }
      handles.set(key, handle);
      cb(0, handle);
    }
    function onconnection(message, handle) {
      const server = handles.get(message.key);
      let accepted = server !== undefined;
      if (accepted && server.owner) {
        const self = server.owner;
        if (self.maxConnections != null && self._connections >= self.maxConnections) accepted = false;
      }
      send({ ack: message.seq, accepted });
      if (accepted) server.onconnection(0, handle);
      else handle.close();
    }

    // Servers close first; the primary hears of a disconnect the worker asked for.
    function disconnectWorker(primaryInitiated) {
      this.exitedAfterDisconnect = true;
      let waitingCount = 1;
      function checkWaitingCount() {
        if (--waitingCount !== 0) return;
        if (primaryInitiated) process.disconnect();
        else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      }
      for (const handle of handles.values()) {
        waitingCount++;
        if (handle.owner) handle.owner.close(checkWaitingCount);
        else handle.close(checkWaitingCount);
      }
      handles.clear();
      checkWaitingCount();
    }
    Worker.prototype.disconnect = function () {
      if (this.state !== 'disconnecting' && this.state !== 'destroying') {
        this.state = 'disconnecting';
        disconnectWorker.call(this);
      }
      return this;
    };
    Worker.prototype.destroy = function () {
      if (this.state === 'destroying') return;
      this.exitedAfterDisconnect = true;
      if (!this.isConnected()) {
        process.exit(0);
      } else {
        this.state = 'destroying';
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
        process.once('disconnect', () => process.exit(0));
      }
    };
    const worker = new Worker({ id: +process.env.NODE_UNIQUE_ID | 0, process, state: 'online' });
    cluster.worker = worker;
    process.once('disconnect', () => {
      worker.emit('disconnect');
      // The primary went away (or cut the channel) without asking: the worker ends at once.
      if (!worker.exitedAfterDisconnect) process.exit(0);
    });
    process.on('internalMessage', internal(worker, function (message, handle) {
      if (message.act === 'newconn') onconnection(message, handle);
      else if (message.act === 'disconnect') disconnectWorker.call(worker, true);
    }));
    send({ act: 'online' });
  }

  core.setupCluster = () => {
    // Read at launch, as Node reads it when the module loads.
    const policy = { none: SCHED_NONE, rr: SCHED_RR }[process.env.NODE_CLUSTER_SCHED_POLICY];
    if (policy !== undefined) cluster.schedulingPolicy = policy;
    if (!('NODE_UNIQUE_ID' in process.env)) return;
    if (typeof process.send === 'function') setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  };

  registerBuiltin('cluster', cluster);
  return cluster;
})();
