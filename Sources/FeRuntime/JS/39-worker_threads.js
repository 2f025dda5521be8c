// worker_threads: Worker (a thread with its own isolate, runtime and loop: Workers/WorkerThread.swift),
// MessageChannel/MessagePort (process-wide native queues: Workers/MessagePorts.swift),
// BroadcastChannel, and structuredClone over V8's serializer (Workers/SerializerOps.swift).
// Uses from earlier files: 00-core.js (core, define); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, invalidArgValue, missingArgs); 03-loop.js (fatal); 04-events.js (EventEmitter); 05-process.js (process); 07-path.js (path); 09-url.js (fileURLToPath, URL); 10-builtins.js (registerBuiltin); 19-cjs.js (cjs).
const workerThreads = (() => {
  const { DOMException, Event, EventTarget } = globalThis;
  const dataCloneError = (message) => new DOMException(message, 'DataCloneError');

  // Swift delivers every port and worker event here (Messaging.Kind). Registered before the
  // first port or worker of each runtime: a handler from a snapshot's build would be gone.
  const kMessage = 0, kClose = 1, kWorkerOnline = 2, kWorkerExit = 3;
  // Ports and broadcast channels share PortRegistry's ids; a worker's id is its threadId, a
  // different series (worker 1 and channel 1 can coexist), so the kind picks the table first.
  function onEvent(kind, id, a, b) {
    if (kind === kMessage || kind === kClose) {
      const channel = broadcasts.get(id);
      if (channel !== undefined) {
        if (kind === kMessage) channel[kDeliver](a);
        return;
      }
      const port = livePorts.get(id);
      if (port === undefined) return;
      if (kind === kMessage) deliverMessage(port, a, b);
      else closed(port);
    } else {
      const worker = workers.get(id);
      if (worker === undefined) return;
      if (kind === kWorkerOnline) worker.emit('online');
      else if (kind === kWorkerExit) worker[kOnExit](a, b);
    }
  }
  const useMessaging = () => ops.op_messaging_init(onEvent);

  // ---------------------------------------------------------------------------------------------
  // MessagePort: made natively with an internal field, so V8's serializer hands a port inside a
  // message to writeHostObject. Its events are its own (EventTarget's live in private fields a
  // host object cannot have); the prototype chain still makes it an EventTarget.
  const portState = new WeakMap();
  const livePorts = new Map(); // id -> port, while this runtime holds it
  const untransferable = new WeakSet();

  function stateOf(port) {
    const s = portState.get(port);
    if (s === undefined) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type MessagePort');
    return s;
  }
  function makePort(id) {
    useMessaging();
    const port = ops.op_host_object();
    Object.setPrototypeOf(port, MessagePort.prototype);
    portState.set(port, { id, closed: false, listeners: new Map(), handlers: { message: null, messageerror: null, close: null } });
    livePorts.set(id, port);
    return port;
  }
  // The port leaves this runtime (transferred): its object is dead here.
  function detachPort(port) {
    const s = portState.get(port);
    s.closed = true;
    livePorts.delete(s.id);
    return s.id;
  }
  function closed(port) {
    const s = portState.get(port);
    livePorts.delete(s.id);
    s.closed = true;
    dispatch(port, new Event('close'));
  }

  function addListener(port, type, fn, once, nodeStyle) {
    const s = stateOf(port);
    if (fn == null) return;
    let list = s.listeners.get(type);
    if (list === undefined) s.listeners.set(type, list = []);
    if (!nodeStyle && list.some((l) => l.fn === fn && !l.nodeStyle)) return;
    list.push({ fn, once, nodeStyle });
    // As Node: a 'message' listener starts the port (and so refs it).
    if (type === 'message' && !s.closed) ops.op_port_set(s.id, true, undefined);
  }
  function removeListener(port, type, fn, nodeStyle) {
    const s = stateOf(port);
    const list = s.listeners.get(type);
    if (list === undefined) return;
    const i = list.findIndex((l) => (l.fn === fn || l.fn.listener === fn) && l.nodeStyle === nodeStyle);
    if (i >= 0) list.splice(i, 1);
    if (type === 'message' && list.length === 0 && !s.closed) ops.op_port_set(s.id, false, undefined);
  }
  function dispatch(port, event) {
    const s = portState.get(port);
    for (const k of ['target', 'currentTarget', 'srcElement']) Object.defineProperty(event, k, { value: port, configurable: true });
    const list = s.listeners.get(event.type);
    if (list === undefined) return;
    for (const l of list.slice()) {
      if (!list.includes(l)) continue;
      if (l.once) list.splice(list.indexOf(l), 1);
      try {
        if (l.nodeStyle) Reflect.apply(l.fn, port, [event instanceof MessageEvent ? event.data : event]);
        else if (typeof l.fn === 'function') Reflect.apply(l.fn, port, [event]);
        else l.fn.handleEvent(event);
      } catch (e) {
        fatal(e);
      }
    }
  }
  function deliverMessage(port, handle, portIds) {
    let value, ports;
    try {
      ({ value, ports } = readMessage(handle, portIds));
    } catch (err) {
      dispatch(port, new MessageEvent('messageerror', { data: err }));
      return;
    }
    dispatch(port, new MessageEvent('message', { data: value, ports }));
  }

  // Node's MessagePort is a native function no JS may call, with or without `new`: ports
  // come from MessageChannel. Its methods are this class's.
  function MessagePort() { throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called'); }
  class MessagePortMethods {
    postMessage(message, transfer) {
      const s = stateOf(this);
      if (arguments.length === 0) throw missingArgs('message');
      const list = transferListOf(transfer, 'transfer');
      const { ser, ports } = serializeMessage(message, list, this);
      const ids = ports.map(detachPort);
      if (!s.closed) ops.op_port_post(s.id, ser, ids);
    }
    start() {
      const s = stateOf(this);
      if (!s.closed) ops.op_port_set(s.id, true, undefined);
    }
    close() {
      const s = stateOf(this);
      if (!s.closed) ops.op_port_close(s.id);
    }
    ref() {
      const s = stateOf(this);
      if (!s.closed) ops.op_port_set(s.id, undefined, true);
      return this;
    }
    unref() {
      const s = stateOf(this);
      if (!s.closed) ops.op_port_set(s.id, undefined, false);
      return this;
    }
    addEventListener(type, listener, options) {
      const once = !!(options && typeof options === 'object' && options.once);
      addListener(this, `${type}`, listener, once, false);
    }
    removeEventListener(type, listener) { removeListener(this, `${type}`, listener, false); }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw invalidArgType('event', 'Event', event);
      dispatch(this, event);
      return !event.defaultPrevented;
    }
    // Node's NodeEventTarget methods: listeners get a message's data, not the event.
    on(type, listener) { addListener(this, `${type}`, listener, false, true); return this; }
    addListener(type, listener) { return this.on(type, listener); }
    once(type, listener) { addListener(this, `${type}`, listener, true, true); return this; }
    off(type, listener) { removeListener(this, `${type}`, listener, true); return this; }
    removeListener(type, listener) { return this.off(type, listener); }
    removeAllListeners(type) {
      const s = stateOf(this);
      for (const t of type === undefined ? [...s.listeners.keys()] : [`${type}`]) {
        for (const l of (s.listeners.get(t) || []).slice()) removeListener(this, t, l.fn, l.nodeStyle);
      }
      return this;
    }
    emit(type, arg) {
      const s = stateOf(this);
      const list = s.listeners.get(`${type}`);
      if (list === undefined || list.length === 0) return false;
      dispatch(this, type === 'message' || type === 'messageerror' ? new MessageEvent(`${type}`, { data: arg }) : new Event(`${type}`));
      return true;
    }
    listenerCount(type) { return (stateOf(this).listeners.get(`${type}`) || []).length; }
    eventNames() { return [...stateOf(this).listeners].filter(([, l]) => l.length > 0).map(([t]) => t); }
    hasRef() {
      const s = stateOf(this);
      return !s.closed && ops.op_port_entangled(s.id);
    }
  }
  MessagePort.prototype = MessagePortMethods.prototype;
  Object.defineProperty(MessagePort.prototype, 'constructor', { value: MessagePort, writable: true, configurable: true, enumerable: false });
  for (const type of ['message', 'messageerror', 'close']) {
    Object.defineProperty(MessagePort.prototype, `on${type}`, {
      configurable: true,
      enumerable: true,
      get() { return stateOf(this).handlers[type]; },
      set(fn) {
        const s = stateOf(this);
        if (s.handlers[type] !== null) removeListener(this, type, s.handlers[type], false);
        s.handlers[type] = typeof fn === 'function' ? fn : null;
        if (s.handlers[type] !== null) addListener(this, type, s.handlers[type], false, false);
      },
    });
  }
  Object.setPrototypeOf(MessagePort.prototype, EventTarget.prototype);
  Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });

  class MessageEvent extends Event {
    #data; #origin; #lastEventId; #source; #ports;
    constructor(type, init = undefined) {
      if (arguments.length === 0) throw missingArgs('type');
      super(type, init);
      const o = init == null ? {} : init;
      this.#data = o.data === undefined ? null : o.data;
      this.#origin = o.origin === undefined ? '' : `${o.origin}`;
      this.#lastEventId = o.lastEventId === undefined ? '' : `${o.lastEventId}`;
      this.#source = o.source === undefined ? null : o.source;
      this.#ports = Object.freeze(o.ports === undefined ? [] : [...o.ports]);
    }
    get data() { return this.#data; }
    get origin() { return this.#origin; }
    get lastEventId() { return this.#lastEventId; }
    get source() { return this.#source; }
    get ports() { return this.#ports; }
  }

  // A function, as Node's: calling it without `new` is its own error.
  function MessageChannel() {
    if (new.target === undefined) {
      throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', "Class constructor MessageChannel cannot be invoked without 'new'");
    }
    useMessaging();
    const [a, b] = ops.op_port_channel();
    this.port1 = makePort(a);
    this.port2 = makePort(b);
  }

  // ---------------------------------------------------------------------------------------------
  // Structured clone for messages: V8's serializer; transferred ArrayBuffers move, ports travel
  // by id, SharedArrayBuffers and WebAssembly modules share their memory.
  function transferListOf(transfer, name) {
    if (transfer === undefined || transfer === null) return [];
    if (typeof transfer !== 'object') throw invalidArgType(name, 'Array', transfer);
    if (!Array.isArray(transfer) && typeof transfer[Symbol.iterator] !== 'function') {
      // postMessage(value, { transfer })
      return transferListOf(transfer.transfer, 'options.transfer');
    }
    return [...transfer];
  }
  // Node's JS transferables (internal/worker/js_transferable): host objects whose [kTransfer]()
  // gives the data to send and the constructor ('module:Name') that [kDeserialize]s it on the
  // other side; [kTransferList]() names what must travel with them (web streams' ports).
  const kTransfer = Symbol('messaging_transfer_symbol'), kTransferList = Symbol('messaging_transfer_list_symbol');
  const kDeserialize = Symbol('messaging_deserialize_symbol'), kClone = Symbol('messaging_clone_symbol');
  const jsTransferables = new WeakSet();
  const kJSObjectTag = 0xffffffff; // in place of a port's index: a JS transferable follows
  function makeTransferable(obj) {
    if (jsTransferables.has(obj)) return obj;
    const inst = ops.op_host_object();
    const properties = Object.getOwnPropertyDescriptors(obj);
    for (const key of Reflect.ownKeys(properties)) Object.setPrototypeOf(properties[key], null);
    Object.defineProperties(inst, properties);
    Object.setPrototypeOf(inst, Object.getPrototypeOf(obj));
    jsTransferables.add(inst);
    return inst;
  }
  // Node's JSTransferable: a base class whose instances are such host objects.
  function JSTransferable() {
    if (new.target === undefined) throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', "Class constructor JSTransferable cannot be invoked without 'new'");
    const inst = ops.op_host_object();
    Object.setPrototypeOf(inst, new.target.prototype);
    jsTransferables.add(inst);
    return inst;
  }
  core.jsTransferable = { kTransfer, kTransferList, kDeserialize, kClone, makeTransferable, JSTransferable };

  function serializeMessage(value, list, source) {
    const ports = [], buffers = [], transferables = [];
    list = [...list];
    for (let n = 0; n < list.length; n++) {
      const item = list[n];
      if (jsTransferables.has(item) && typeof item[kTransfer] === 'function') {
        if (transferables.includes(item)) throw dataCloneError('Transfer list contains duplicate');
        transferables.push(item);
        if (typeof item[kTransferList] === 'function') list.push(...item[kTransferList]());
      } else if (portState.has(item)) {
        if (item === source) throw dataCloneError('Transfer list contains source port');
        if (ports.includes(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
        if (portState.get(item).closed) throw dataCloneError('MessagePort in transfer list is already detached');
        ports.push(item);
      } else if (item instanceof ArrayBuffer) {
        if (untransferable.has(item)) continue; // Node 18: marked buffers are copied, not moved
        if (buffers.includes(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
        buffers.push(item);
      } else if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
        throw invalidArgType('transferList', 'Array', list);
      } else {
        throw dataCloneError('Found invalid value in transferList.');
      }
    }
    const ser = ops.op_ser_new({
      writeHostObject(s, object) {
        // A JS transferable moves ([kTransfer]) when listed, or else is copied ([kClone]).
        const moves = transferables.includes(object);
        if (moves || (jsTransferables.has(object) && typeof object[kClone] === 'function')) {
          const { data, deserializeInfo } = moves ? object[kTransfer]() : object[kClone]();
          ops.op_ser_uint32(s, kJSObjectTag);
          ops.op_ser_value(s, deserializeInfo);
          ops.op_ser_value(s, data);
          return;
        }
        const i = ports.indexOf(object);
        if (i < 0) {
          throw nodeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
            'Object that needs transfer was found in message but not listed in transferList');
        }
        ops.op_ser_uint32(s, i);
      },
      dataCloneError,
    }, true);
    ops.op_ser_header(ser);
    let transferId = 0;
    buffers.forEach((ab) => {
      const r = ops.op_ser_transfer(ser, transferId, ab);
      if (r === 5) return; // an addon's memory: copied, not moved (as Node)
      if (r === 2) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      if (r === 3) throw dataCloneError('An ArrayBuffer is not detachable and could not be cloned.');
      transferId++;
    });
    ops.op_ser_value(ser, value);
    return { ser, ports };
  }
  function readMessage(handle, portIds) {
    const ports = portIds.map((id) => {
      ops.op_port_attach(id);
      return makePort(id);
    });
    const readHostObject = (d) => {
      const i = ops.op_des_uint32(d);
      if (i !== kJSObjectTag) return ports[i];
      const deserializeInfo = ops.op_des_value(d);
      const data = ops.op_des_value(d);
      const object = core.deserializedObject(deserializeInfo);
      object[kDeserialize](data);
      return object;
    };
    const des = ops.op_message_read(handle, { readHostObject });
    if (des === undefined) throw new Error('the message was already read');
    ops.op_des_header(des);
    return { value: ops.op_des_value(des), ports };
  }

  function structuredClone(value, options = undefined) {
    if (arguments.length === 0) throw missingArgs('value');
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "options" argument must be of type object.');
    }
    useMessaging();
    const list = options == null || options.transfer === undefined ? [] : transferListOf(options.transfer, 'options.transfer');
    const { ser, ports } = serializeMessage(value, list, null);
    const ids = ports.map((p) => {
      const id = detachPort(p);
      ops.op_port_set(id, false, undefined);
      return id;
    });
    return readMessage(ops.op_message_keep(ser), ids).value;
  }

  function receiveMessageOnPort(port) {
    const s = portState.get(port);
    if (s === undefined) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
    if (s.closed) return undefined;
    const r = ops.op_port_receive(s.id);
    if (r === undefined) return undefined;
    return { message: readMessage(r[0], r[1]).value };
  }

  function markAsUntransferable(object) {
    if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
    untransferable.add(object);
  }

  // ---------------------------------------------------------------------------------------------
  // BroadcastChannel: every other channel of the same name in the process, in any thread, gets
  // a copy of each message (PortRegistry's groups).
  const broadcasts = new Map(); // id -> BroadcastChannel, until closed
  const kDeliver = Symbol('kDeliver');
  class BroadcastChannel extends EventTarget {
    #name; #id = 0; #handlers = { message: null, messageerror: null };
    constructor(name) {
      if (arguments.length === 0) throw missingArgs('name');
      super();
      this.#name = `${name}`;
      useMessaging();
      this.#id = ops.op_broadcast_join(this.#name);
      broadcasts.set(this.#id, this);
    }
    get name() { return this.#name; }
    postMessage(message) {
      if (arguments.length === 0) throw missingArgs('message');
      if (this.#id === 0) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
      const { ser } = serializeMessage(message, [], null);
      ops.op_broadcast_post(this.#id, this.#name, ser);
    }
    close() {
      if (this.#id === 0) return;
      broadcasts.delete(this.#id);
      ops.op_broadcast_leave(this.#id, this.#name);
      this.#id = 0;
    }
    ref() { if (this.#id !== 0) ops.op_port_set(this.#id, undefined, true); return this; }
    unref() { if (this.#id !== 0) ops.op_port_set(this.#id, undefined, false); return this; }
    get onmessage() { return this.#handlers.message; }
    set onmessage(fn) { this.#setHandler('message', fn); }
    get onmessageerror() { return this.#handlers.messageerror; }
    set onmessageerror(fn) { this.#setHandler('messageerror', fn); }
    #setHandler(type, fn) {
      if (this.#handlers[type] !== null) this.removeEventListener(type, this.#handlers[type]);
      this.#handlers[type] = typeof fn === 'function' ? fn : null;
      if (this.#handlers[type] !== null) this.addEventListener(type, this.#handlers[type]);
    }
    [kDeliver](handle) {
      let data;
      try {
        data = readMessage(handle, []).value;
      } catch (err) {
        this.dispatchEvent(new MessageEvent('messageerror', { data: err }));
        return;
      }
      this.dispatchEvent(new MessageEvent('message', { data }));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Worker
  const workers = new Map(); // threadId -> Worker, while it runs
  const kOnExit = Symbol('kOnExit');
  const kState = Symbol('kState');
  const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
  const environmentData = new Map();
  let isMainThread = true;
  let threadId = 0;
  let parentPort = null;
  let workerData = null;
  let resourceLimits = {};
  const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

  function serializeOne(value, transferList) {
    const list = transferListOf(transferList, 'options.transferList');
    const { ser, ports } = serializeMessage(value, list, null);
    return { ser, ids: ports.map(detachPort) };
  }

  class Worker extends EventEmitter {
    constructor(filename, options = {}) {
      super();
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
      if (options.execArgv && !Array.isArray(options.execArgv)) throw invalidArgType('options.execArgv', 'Array', options.execArgv);
      if (options.argv && !Array.isArray(options.argv)) throw invalidArgType('options.argv', 'Array', options.argv);
      const argv = options.argv ? options.argv.map(String) : [];
      let isEval = false;
      if (options.eval) {
        if (typeof filename !== 'string') {
          throw invalidArgValue('options.eval', options.eval, 'must be false when \'filename\' is not a string');
        }
        isEval = true;
      } else if (filename instanceof URL) {
        if (filename.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
        filename = fileURLToPath(filename);
      } else if (typeof filename !== 'string') {
        throw invalidArgType('filename', ['string', 'URL'], filename);
      } else if (path.isAbsolute(filename) || /^\.\.?[\\/]/.test(filename)) {
        filename = path.resolve(filename);
      } else {
        let hint = '';
        if (filename.startsWith('file://')) hint = ' Wrap file:// URLs with `new URL`.';
        else if (filename.startsWith('data:text/javascript')) hint = ' Wrap data: URLs with `new URL`.';
        throw nodeError(TypeError, 'ERR_WORKER_PATH', 'The worker script or module filename must be an absolute path or a ' +
          `relative path starting with './' or '../'.${hint} Received "${filename}"`);
      }
      let env;
      if (typeof options.env === 'object' && options.env !== null) {
        env = {};
        for (const [k, v] of Object.entries(options.env)) env[k] = `${v}`;
      } else if (options.env == null || options.env === SHARE_ENV) {
        // SHARE_ENV: fe's process.env is the runtime's own object, so the worker starts from a copy.
        env = { ...process.env };
      } else {
        throw invalidArgType('options.env', ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
      }
      let name = '';
      if (options.name) {
        if (typeof options.name !== 'string') throw invalidArgType('options.name', 'string', options.name);
        name = options.name.trim();
      }
      const limits = [0, 0, 0, 4];
      const given = {};
      if (options.resourceLimits != null) {
        if (typeof options.resourceLimits !== 'object') throw invalidArgType('options.resourceLimits', 'Object', options.resourceLimits);
        limitNames.forEach((k, i) => {
          const v = options.resourceLimits[k];
          if (typeof v === 'number' && v > 0) { limits[i] = v; given[k] = v; }
        });
      }
      useMessaging();
      const data = serializeOne(options.workerData, options.transferList);
      const envData = serializeOne(environmentData, undefined);
      const [mine, theirs] = ops.op_port_channel();
      const port = makePort(mine);
      port.on('message', (message) => this.emit('message', message));
      port.on('messageerror', (error) => this.emit('messageerror', error));
      port.unref();
      this[kState] = { port, exited: false, exitWaiters: [], limits: given };
      this.threadId = ops.op_worker_start({
        filename, isEval, argv, execArgv: options.execArgv ? options.execArgv.map(String) : [...process.execArgv], env, name,
        port: theirs, dataPorts: data.ids, limits, execPath: process.execPath,
      }, data.ser, envData.ser);
      workers.set(this.threadId, this);
      this.stdin = null;
      this.stdout = null;
      this.stderr = null;
    }
    postMessage(...args) {
      const { port, exited } = this[kState];
      if (exited) return;
      port.postMessage(...args);
    }
    terminate(callback) {
      const state = this[kState];
      if (typeof callback === 'function') {
        process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
          'DeprecationWarning', 'DEP0132');
        this.once('exit', (code) => callback(null, code));
      }
      if (state.exited) return Promise.resolve();
      const done = new Promise((resolve) => state.exitWaiters.push(resolve));
      ops.op_worker_terminate(this.threadId);
      return done;
    }
    ref() { if (!this[kState].exited) ops.op_worker_ref(this.threadId, true); }
    unref() { if (!this[kState].exited) ops.op_worker_ref(this.threadId, false); }
    get resourceLimits() {
      if (this[kState].exited) return {};
      const out = {};
      limitNames.forEach((k, i) => { out[k] = this[kState].limits[k] !== undefined ? this[kState].limits[k] : i === 3 ? 4 : 0; });
      return out;
    }
    [kOnExit](code, error) {
      const state = this[kState];
      // The messages the worker sent before it ended come before 'exit'.
      const id = portState.get(state.port).id;
      for (let r = ops.op_port_receive(id); r !== undefined; r = ops.op_port_receive(id)) deliverMessage(state.port, r[0], r[1]);
      detachPort(state.port);
      ops.op_port_close(id);
      state.exited = true;
      workers.delete(this.threadId);
      this.threadId = -1;
      if (error === -1) {
        this.emit('error', nodeError(Error, 'ERR_WORKER_OUT_OF_MEMORY',
          'Worker terminated due to reaching memory limit: JS heap out of memory'));
      } else if (typeof error === 'number') {
        let e;
        try { e = errorFromWorker(readMessage(error, []).value); } catch (err) { e = err; }
        this.emit('error', e);
      }
      this.emit('exit', code);
      for (const resolve of state.exitWaiters.splice(0)) resolve(code);
    }
  }

  // A worker's uncaught error travels to its parent as data: Node keeps the error's class (by
  // name), message, stack and own properties.
  const errorClasses = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  function errorForParent(e) {
    if (!(e instanceof Error)) return e;
    const props = {};
    for (const k of Object.keys(e)) {
      try { props[k] = structuredClone(e[k]); } catch { /* not cloneable: left out */ }
    }
    let ctor = 'Error';
    for (let p = Object.getPrototypeOf(e); p !== null; p = Object.getPrototypeOf(p)) {
      const c = p.constructor && p.constructor.name;
      if (Object.prototype.hasOwnProperty.call(errorClasses, c)) { ctor = c; break; }
    }
    return { __feWorkerError: true, ctor, message: String(e.message), stack: String(e.stack), props };
  }
  function errorFromWorker(v) {
    if (v === null || typeof v !== 'object' || v.__feWorkerError !== true) return v;
    const e = Object.create(errorClasses[v.ctor].prototype);
    Object.defineProperty(e, 'message', { value: v.message, writable: true, configurable: true });
    Object.defineProperty(e, 'stack', { value: v.stack, writable: true, configurable: true });
    Object.assign(e, v.props);
    return e;
  }
  core.workerError = (e) => {
    const hooks = { dataCloneError };
    let ser = ops.op_ser_new(hooks, true);
    ops.op_ser_header(ser);
    try {
      ops.op_ser_value(ser, errorForParent(e));
    } catch {
      ser = ops.op_ser_new(hooks, true);
      ops.op_ser_header(ser);
      ops.op_ser_value(ser, inspect(e));
    }
    return ser;
  };

  // The first JavaScript a worker's runtime runs (WorkerThread.swift), before its program.
  core.workerMain = (info) => {
    isMainThread = false;
    core.isWorker = true;
    threadId = info.threadId;
    parentPort = makePort(info.port);
    workerData = info.workerData === undefined ? undefined : readMessage(info.workerData, info.dataPorts).value;
    if (info.environmentData !== undefined) {
      for (const [k, v] of readMessage(info.environmentData, []).value) environmentData.set(k, v);
    }
    resourceLimits = {};
    limitNames.forEach((k, i) => { resourceLimits[k] = info.resourceLimits[i]; });
    Object.assign(exportsObject, { isMainThread, threadId, parentPort, workerData, resourceLimits });
    process.execArgv = info.execArgv;
    // An uncaught error ends the worker and goes to the parent's 'error' event, unless the
    // worker listens for 'uncaughtException' itself (03-loop.js fatal).
    Object.defineProperty(core, 'uncaughtToHost', {
      configurable: true, get: () => process.listenerCount('uncaughtException') === 0,
    });
    process.chdir = () => {
      throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'process.chdir() is not supported in workers');
    };
    // A worker reads the process's umask but cannot set it.
    const umask = process.umask;
    process.umask = function (mask) {
      if (mask !== undefined) throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Setting process.umask() is not supported in workers');
      return umask();
    };
    if (info.isEval) {
      const m = new cjs.Module('[worker eval]', null);
      m.filename = path.join(process.cwd(), '[worker eval]');
      m.paths = cjs.Module._nodeModulePaths(process.cwd());
      m._compile(info.filename, '[worker eval]');
    }
  };

  function setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  }
  const getEnvironmentData = (key) => environmentData.get(key);

  const exportsObject = {
    isMainThread, threadId, parentPort, workerData, resourceLimits, SHARE_ENV,
    Worker, MessageChannel, MessagePort, BroadcastChannel,
    receiveMessageOnPort, markAsUntransferable, getEnvironmentData, setEnvironmentData,
  };
  registerBuiltin('worker_threads', exportsObject);
  for (const [name, value] of Object.entries({ MessageChannel, MessagePort, MessageEvent, BroadcastChannel, structuredClone })) {
    define(globalThis, name, value);
  }
  return exportsObject;
})();
