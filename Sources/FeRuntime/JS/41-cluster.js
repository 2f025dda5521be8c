// cluster: Node's primary/worker model over child_process.fork() and its IPC channel, with
// Node's internal protocol (messages { cmd: 'NODE_CLUSTER', act, seq, ack }). A worker is
// the same program forked with NODE_UNIQUE_ID set; the module becomes the worker's side at
// launch (60-globals.js calls core.setupCluster), since whether this process is a worker is
// only known then.
// Shared server sockets are not provided: in Node a worker's listen() asks the primary for
// the server handle (queryServer) and gets it over the channel with SCM_RIGHTS, which needs
// net's handles; fe sends no handles (child.send(msg, handle) refuses them).
// Uses from earlier files: 00-core.js (core); 03-loop.js (nextTick); 04-events.js (EventEmitter); 05-process.js (process); 08-fs.js (then); 10-builtins.js (registerBuiltin); 16-child_process.js (childProcess).
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

  // Node's internal/cluster/worker: what both sides share.
  class Worker extends EventEmitter {
    constructor(options) {
      super();
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
    kill(...args) { return this.destroy(...args); }
    send(...args) { return this.process.send(...args); }
    isDead() { return this.process.exitCode != null || this.process.signalCode != null; }
    isConnected() { return this.process.connected; }
  }

  // ---------------------------------------------------------------------------------------
  // The primary (Node's internal/cluster/primary).
  const primary = (() => {
    let ids = 0;
    let initialized = false;
    const intercom = new EventEmitter();
    const workers = {};
    const settings = {};

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
      const policy = process.env.NODE_CLUSTER_SCHED_POLICY;
      if (policy === 'rr') cluster.schedulingPolicy = SCHED_RR;
      else if (policy === 'none') cluster.schedulingPolicy = SCHED_NONE;
      nextTick(() => cluster.emit('setup', next));
    }

    function createWorkerProcess(id, env) {
      const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
      const s = cluster.settings;
      return childProcess.fork(s.exec, s.args, {
        cwd: s.cwd, env: workerEnv, serialization: s.serialization, silent: s.silent,
        windowsHide: s.windowsHide, execArgv: [...s.execArgv], stdio: s.stdio, gid: s.gid, uid: s.uid,
      });
    }

    function removeWorker(worker) {
      delete cluster.workers[worker.id];
      if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
    }

    function fork(env) {
      cluster.setupPrimary();
      const id = ++ids;
      const workerProcess = createWorkerProcess(id, env);
      const worker = new Worker({ id, process: workerProcess });
      worker.on('message', function (message, handle) { cluster.emit('message', this, message, handle); });
      worker.process.once('exit', (exitCode, signalCode) => {
        // A worker that exits before its channel ends is removed once both happened.
        if (!worker.isConnected()) removeWorker(worker);
        worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
        worker.state = 'dead';
        worker.emit('exit', exitCode, signalCode);
        cluster.emit('exit', worker, exitCode, signalCode);
      });
      worker.process.once('disconnect', () => {
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
        // Shared server sockets need handle passing (see the top of this file).
        sendHelper(worker.process, { ack: message.seq, errno: 'ENOTSUP', key: null, data: null });
      }
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
      return this;
    };
    Worker.prototype.destroy = function (signo) {
      const proc = this.process;
      const signal = signo || 'SIGTERM';
      if (this.isConnected()) {
        this.once('disconnect', () => proc.kill(signal));
        this.disconnect();
        return;
      }
      proc.kill(signal);
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
    Object.assign(cluster, { isWorker: true, isMaster: false, isPrimary: false, worker: null });
    const send = (message, cb) => sendHelper(process, message, null, cb);
    function disconnectWorker(primaryInitiated) {
      this.exitedAfterDisconnect = true;
      if (primaryInitiated) process.disconnect();
      else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
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
    process.on('internalMessage', internal(worker, function (message) {
      if (message.act === 'disconnect') disconnectWorker.call(worker, true);
    }));
    send({ act: 'online' });
  }

  core.setupCluster = () => {
    if (!('NODE_UNIQUE_ID' in process.env)) return;
    if (typeof process.send === 'function') setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  };

  registerBuiltin('cluster', cluster);
  return cluster;
})();
