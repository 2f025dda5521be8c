// worker_threads: Worker (a thread with its own isolate, runtime and loop: Workers/WorkerThread.swift),
// MessageChannel/MessagePort (process-wide native queues: Workers/MessagePorts.swift),
// BroadcastChannel, and structuredClone over V8's serializer (Workers/SerializerOps.swift).
// Uses from earlier files: 00-core.js (core, define, check); 01-inspect.js (customInspect, inspect); 02-errors.js (nodeError, invalidArgType, invalidArgValue, missingArgs); 03-loop.js (asyncIdSymbol, triggerAsyncIdSymbol, newAsyncId, defaultTriggerAsyncId, emitInit, emitDestroy, clearAsyncStack, errorText, fatal, uncaughtCapture, kRefed); 04-events.js (EventEmitter); 05-process.js (process, exiting); 07-path.js (path); 08-fs.js (flow, kFd, kRefs, fileHandleRegistry, FileHandle, fs); 09-url.js (fileURLToPath, URL); 10-builtins.js (registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream); 19-cjs.js (cjs).
const workerThreads = (() => {
  const { CustomEvent, DOMException, Event, EventTarget } = globalThis;
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
        if (kind === kMessage) deliverBroadcasts(channel, a);
        return;
      }
      const port = livePorts.get(id);
      if (port === undefined) return;
      if (kind === kMessage) deliverMessage(port, a, b);
      else closed(port);
    } else {
      const worker = workers.get(id);
      if (worker === undefined) return;
      // A throwing listener is this thread's uncaught exception.
      try {
        if (kind === kWorkerOnline) worker.emit('online');
        else if (kind === kWorkerExit) worker[kOnExit](a, b);
      } catch (e) {
        fatal(e);
      }
    }
  }
  const useMessaging = () => ops.op_messaging_init(onEvent);

  // ---------------------------------------------------------------------------------------------
  // MessagePort: made natively with an internal field, so V8's serializer hands a port inside a
  // message to writeHostObject. Its events are its own (EventTarget's live in private fields a
  // host object cannot have); the prototype chain still makes it an EventTarget.
  const portState = new WeakMap();
  const livePorts = new Map(); // id -> port, while this runtime holds it
  const peers = new Map(); // id -> the other end's id, for the channels made here
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
    portState.set(port, {
      id, closed: false, listeners: new Map(), handlers: { message: null, messageerror: null, close: null }, waitingStreams: 0, refed: false,
    });
    livePorts.set(id, port);
    // As Node's (setupPortReferencing): a new port is unref'd until a 'message' listener or ref().
    ops.op_port_set(id, undefined, false);
    // An async resource, as Node's handle (its ids are no properties inspect would show).
    const asyncId = newAsyncId();
    const trigger = defaultTriggerAsyncId();
    Object.defineProperty(port, asyncIdSymbol, { value: asyncId, writable: true, configurable: true });
    Object.defineProperty(port, triggerAsyncIdSymbol, { value: trigger, writable: true, configurable: true });
    emitInit(asyncId, 'MESSAGEPORT', trigger, port);
    return port;
  }
  // The port leaves this runtime (transferred): its object is dead here.
  function detachPort(port) {
    const s = portState.get(port);
    s.closed = true;
    livePorts.delete(s.id);
    emitDestroy(port[asyncIdSymbol]);
    return s.id;
  }
  function closed(port) {
    const s = portState.get(port);
    livePorts.delete(s.id);
    peers.delete(s.id);
    s.closed = true;
    emitDestroy(port[asyncIdSymbol]);
    dispatch(port, new Event('close'));
  }

  function addListener(port, type, fn, once, nodeStyle) {
    const s = stateOf(port);
    if (fn == null) return;
    let list = s.listeners.get(type);
    if (list === undefined) s.listeners.set(type, list = []);
    if (!nodeStyle && list.some((l) => l.fn === fn && !l.nodeStyle)) return;
    list.push({ fn, once, nodeStyle });
    // As Node (setupPortReferencing): the first 'message' listener refs and starts the port.
    if (type === 'message' && list.length === 1 && !s.closed) {
      s.refed = true;
      ops.op_port_set(s.id, true, true);
    }
  }
  // ... and the last one leaving stops and unrefs it.
  function removeAt(s, type, list, i) {
    list.splice(i, 1);
    if (type === 'message' && list.length === 0 && !s.closed) {
      s.refed = false;
      ops.op_port_set(s.id, false, false);
    }
  }
  function removeListener(port, type, fn, nodeStyle) {
    const s = stateOf(port);
    const list = s.listeners.get(type);
    if (list === undefined) return;
    const i = list.findIndex((l) => (l.fn === fn || l.fn.listener === fn) && l.nodeStyle === nodeStyle);
    if (i >= 0) removeAt(s, type, list, i);
  }
  // Node's hybrid dispatch: Node-style listeners (on/once) get `nodeValue` (a message's data, an
  // emit()'s argument), EventTarget listeners the event.
  function dispatch(port, event, ...value) {
    const nodeValue = value.length > 0 ? value[0] : event;
    const s = portState.get(port);
    for (const k of ['target', 'currentTarget', 'srcElement']) Object.defineProperty(event, k, { value: port, configurable: true });
    const list = s.listeners.get(event.type);
    if (list === undefined) return;
    for (const l of list.slice()) {
      if (!list.includes(l)) continue;
      if (l.once) removeAt(s, event.type, list, list.indexOf(l));
      try {
        if (l.nodeStyle) Reflect.apply(l.fn, port, [nodeValue]);
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
      dispatch(port, new MessageEvent('messageerror', { data: err }), err);
      return;
    }
    dispatch(port, new MessageEvent('message', { data: value, ports }), value);
  }

  // Node's MessagePort is a native function no JS may call, with or without `new`: ports
  // come from MessageChannel. Its methods are this class's.
  function MessagePort() { throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called'); }
  class MessagePortMethods {
    postMessage(message, transfer) {
      const s = stateOf(this);
      if (arguments.length === 0) throw missingArgs('message');
      const list = postTransferList(transfer);
      const { ser, ports } = serializeMessage(message, list, this);
      const ids = ports.map(detachPort);
      if (s.closed) return;
      ops.op_port_post(s.id, ser, ids);
      // As Node: the port's own peer sent through it ends the channel; the message is lost.
      const peer = peers.get(s.id);
      if (peer !== undefined && ids.includes(peer)) {
        process.emitWarning('The target port was posted to itself, and the communication channel was lost');
        ops.op_port_close(peer);
      }
    }
    start() {
      const s = stateOf(this);
      if (!s.closed) ops.op_port_set(s.id, true, undefined);
    }
    close(cb) {
      const s = stateOf(this);
      if (typeof cb === 'function') this.once('close', cb);
      if (!s.closed) {
        s.closing = true;
        ops.op_port_close(s.id);
      }
    }
    ref() {
      const s = stateOf(this);
      if (!s.closed) {
        s.refed = true;
        ops.op_port_set(s.id, undefined, true);
      }
      return this;
    }
    unref() {
      const s = stateOf(this);
      if (!s.closed) {
        s.refed = false;
        ops.op_port_set(s.id, undefined, false);
      }
      return this;
    }
    hasRef() {
      const s = stateOf(this);
      return !s.closed && s.refed;
    }
  }
  // What Node's MessagePort inherits from NodeEventTarget and EventTarget, over the port's own
  // listener lists.
  class PortEventTarget {
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
      type = `${type}`;
      const event = type === 'message' || type === 'messageerror' ? new MessageEvent(type, { data: arg }) : new CustomEvent(type, { detail: arg });
      dispatch(this, event, arg);
      return true;
    }
    listenerCount(type) { return (stateOf(this).listeners.get(`${type}`) || []).length; }
    eventNames() { return [...stateOf(this).listeners].filter(([, l]) => l.length > 0).map(([t]) => t); }
  }
  MessagePort.prototype = MessagePortMethods.prototype;
  Object.defineProperty(MessagePort.prototype, 'constructor', { value: MessagePort, writable: true, configurable: true, enumerable: false });
  for (const type of ['message', 'messageerror']) {
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
  Object.setPrototypeOf(MessagePort.prototype, PortEventTarget.prototype);
  Object.setPrototypeOf(PortEventTarget.prototype, EventTarget.prototype);
  // As Node's: what a port is, shown without reaching into it; a closed port is no longer active.
  Object.defineProperty(MessagePort.prototype, customInspect, {
    enumerable: false,
    writable: false,
    value: function inspect() {
      const s = portState.get(this);
      if (s === undefined) return this;
      return Object.assign(Object.create(MessagePort.prototype), s.closed ? { active: false } : { active: true, refed: s.refed }, this);
    },
  });

  const validateMessagePort = (port, name) => {
    if (!portState.has(port)) throw invalidArgType(name, 'MessagePort', port);
  };
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
      this.#ports = o.ports === undefined ? [] : [...o.ports];
      if (this.#source !== null) validateMessagePort(this.#source, 'init.source');
      this.#ports.forEach((port, i) => validateMessagePort(port, `init.ports[${i}]`));
      Object.freeze(this.#ports);
    }
    static #check(event) {
      if (event === null || typeof event !== 'object' || !(#data in event)) {
        throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type MessageEvent');
      }
      return event;
    }
    get data() { return MessageEvent.#check(this).#data; }
    get origin() { return MessageEvent.#check(this).#origin; }
    get lastEventId() { return MessageEvent.#check(this).#lastEventId; }
    get source() { return MessageEvent.#check(this).#source; }
    get ports() { return MessageEvent.#check(this).#ports; }
  }
  for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
    Object.defineProperty(MessageEvent.prototype, name, { enumerable: true });
  }

  // A function, as Node's: calling it without `new` is its own error.
  function MessageChannel() {
    if (new.target === undefined) {
      throw nodeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', "Class constructor MessageChannel cannot be invoked without 'new'");
    }
    useMessaging();
    const [a, b] = ops.op_port_channel();
    peers.set(a, b);
    peers.set(b, a);
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
  // fs.promises' FileHandle (08-fs.js), as Node's: its fd moves with it, the sender's handle is
  // left closed (fd -1); one with an operation or a close in flight stays.
  Object.defineProperties(FileHandle.prototype, Object.getOwnPropertyDescriptors({
    [kTransfer]() {
      if (this[kClosePromise] || this[kRefs] > 1) throw dataCloneError('Cannot transfer FileHandle while in use');
      const fd = this[kFd];
      this[kFd] = -1;
      this[kRefs] = 0;
      fileHandleRegistry.unregister(this);
      return { data: { fd }, deserializeInfo: 'internal/fs/promises:FileHandle' };
    },
    [kDeserialize]({ fd }) {
      this[kFd] = fd;
      this[kRefs] = 1;
      fileHandleRegistry.register(this, fd, this);
    },
  }));
  for (const key of [kTransfer, kDeserialize]) Object.defineProperty(FileHandle.prototype, key, { enumerable: false });

  // postMessage(value, transferList | { transfer }): as Node's MessagePort::PostMessage reads
  // it (ReadIterable): an array, or anything with a working iterator, else options.transfer.
  function readIterable(object) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) return undefined;
    if (Array.isArray(object)) return [...object];
    const method = object[Symbol.iterator];
    if (typeof method !== 'function') return undefined;
    const iterator = Reflect.apply(method, object, []);
    if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) return undefined;
    const next = iterator.next;
    if (typeof next !== 'function') return undefined;
    const out = [];
    for (;;) {
      const r = Reflect.apply(next, iterator, []);
      if (r === null || typeof r !== 'object') break;
      if (r.done) break;
      out.push(r.value);
    }
    return out;
  }
  function postTransferList(transfer) {
    if (transfer === undefined || transfer === null) return [];
    if (typeof transfer !== 'object' && typeof transfer !== 'function') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
    }
    const list = readIterable(transfer);
    if (list !== undefined) return list;
    const option = transfer.transfer;
    if (option === undefined) return [];
    const fromOption = readIterable(option);
    if (fromOption === undefined) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable');
    }
    return fromOption;
  }
  function serializeMessage(value, transferList, source) {
    const ports = [], buffers = [], transferables = [];
    // Indexed, not iterated: a program may have replaced Array.prototype[Symbol.iterator]. A JS
    // transferable's [kTransferList]() adds what must travel with it (web streams' ports).
    const list = [];
    for (let i = 0; i < transferList.length; i++) list.push(transferList[i]);
    for (let n = 0; n < list.length; n++) {
      const item = list[n];
      if (jsTransferables.has(item) && typeof item[kTransfer] === 'function') {
        if (transferables.includes(item)) throw dataCloneError('Transfer list contains duplicate');
        transferables.push(item);
        if (typeof item[kTransferList] === 'function') {
          const more = item[kTransferList]();
          for (let i = 0; i < more.length; i++) list.push(more[i]);
        }
      } else if (portState.has(item)) {
        // markAsUntransferable(): the port stays; the message must not hold it.
        if (untransferable.has(item)) continue;
        if (item === source) throw dataCloneError('Transfer list contains source port');
        if (ports.includes(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
        // Closed, closing, or left by its peer: it can no longer carry anything.
        const s = portState.get(item);
        if (s.closed || s.closing || !ops.op_port_entangled(s.id)) throw dataCloneError('MessagePort in transfer list is already detached');
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
    const channelId = broadcastIdOf(port);
    if (channelId !== undefined) {
      const r = channelId === 0 ? undefined : ops.op_port_receive(channelId);
      return r === undefined ? undefined : { message: readMessage(r[0], r[1]).value };
    }
    const s = portState.get(port);
    if (s === undefined) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
    if (s.closed) return undefined;
    const r = ops.op_port_receive(s.id);
    if (r === undefined) return undefined;
    return { message: readMessage(r[0], r[1]).value };
  }

  // Node's checks, in its order; moving a live port into another vm context needs messages
  // deserialized in that context, which fe's serializer cannot do.
  function moveMessagePortToContext(port, contextifiedSandbox) {
    const s = portState.get(port);
    if (s === undefined) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
    if (s.closed || s.closing) throw nodeError(Error, 'ERR_CLOSED_MESSAGE_PORT', 'Cannot send data on closed MessagePort');
    if (contextifiedSandbox === null || typeof contextifiedSandbox !== 'object' || !requireBuiltin('vm').isContext(contextifiedSandbox)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Invalid context argument');
    }
    throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'fe cannot move a MessagePort to another vm context');
  }

  function markAsUntransferable(object) {
    if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
    untransferable.add(object);
  }

  // ---------------------------------------------------------------------------------------------
  // BroadcastChannel: every other channel of the same name in the process, in any thread, gets
  // a copy of each message (PortRegistry's groups).
  const broadcasts = new Map(); // id -> BroadcastChannel, until closed (in the order they were made)
  // As Node's loop wakes them: each channel takes every message queued for it at once, the
  // channels in the order they were made (`first` got `handle`, the head of its queue).
  function deliverBroadcasts(first, handle) {
    for (const [id, channel] of broadcasts) {
      if (channel === first) channel[kDeliver](handle);
      for (let r = ops.op_port_receive(id); r !== undefined && broadcasts.has(id); r = ops.op_port_receive(id)) {
        channel[kDeliver](r[0]);
      }
    }
  }
  const kDeliver = Symbol('kDeliver');
  let broadcastIdOf;
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
    static #check(channel) {
      if (channel === null || typeof channel !== 'object' || !(#name in channel)) {
        throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type BroadcastChannel');
      }
      return channel;
    }
    // receiveMessageOnPort() takes a channel too.
    static {
      broadcastIdOf = (channel) => (channel !== null && typeof channel === 'object' && #id in channel ? channel.#id : undefined);
    }
    get name() { return BroadcastChannel.#check(this).#name; }
    [customInspect](depth, options) {
      BroadcastChannel.#check(this);
      if (depth < 0) return 'BroadcastChannel';
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `BroadcastChannel ${inspect({ name: this.#name, active: this.#id !== 0 }, opts)}`;
    }
    postMessage(message) {
      BroadcastChannel.#check(this);
      if (arguments.length === 0) throw missingArgs('message');
      if (this.#id === 0) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
      const { ser } = serializeMessage(message, [], null);
      ops.op_broadcast_post(this.#id, this.#name, ser);
    }
    close() {
      if (BroadcastChannel.#check(this).#id === 0) return;
      broadcasts.delete(this.#id);
      ops.op_broadcast_leave(this.#id, this.#name);
      this.#id = 0;
    }
    ref() { if (BroadcastChannel.#check(this).#id !== 0) ops.op_port_set(this.#id, undefined, true); return this; }
    unref() { if (BroadcastChannel.#check(this).#id !== 0) ops.op_port_set(this.#id, undefined, false); return this; }
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
  const kOnMessage = Symbol('kOnMessage');
  const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
  const environmentData = new Map();
  let isMainThread = true;
  let threadId = 0;
  let parentPort = null;
  let workerData = null;
  let resourceLimits = {};
  const limitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];

  // Besides the public port (parentPort), a Worker and its thread share an internal port, as in
  // Node (lib/internal/worker/io.js): the script to load, stdio chunks with their flow control,
  // and the worker's uncaught error travel on it.
  const messageTypes = {
    UP_AND_RUNNING: 'upAndRunning',
    COULD_NOT_SERIALIZE_ERROR: 'couldNotSerializeError',
    ERROR_MESSAGE: 'errorMessage',
    STDIO_PAYLOAD: 'stdioPayload',
    STDIO_WANTS_MORE_DATA: 'stdioWantsMoreData',
    LOAD_SCRIPT: 'loadScript',
    // fe's own: worker.getHeapSnapshot() asks the thread, which answers when its loop is free.
    HEAP_SNAPSHOT: 'feHeapSnapshot',
    HEAP_SNAPSHOT_DATA: 'feHeapSnapshotData',
    // fe's own: the trace events of a worker that ended, for its parent's trace file.
    TRACE_EVENTS: 'feTraceEvents',
  };
  const kPort = Symbol('kPort');
  const kName = Symbol('kName');
  const kIncrementsPortRef = Symbol('kIncrementsPortRef');
  const kStartedReading = Symbol('kStartedReading');
  const kWritableCallbacks = Symbol('kWritableCallbacks');
  const kStdioWantsMoreDataCallback = Symbol('kStdioWantsMoreDataCallback');
  // Node's port[kWaitingStreams]: while a stream waits for the other side, the port is ref'd.
  const waitMore = (port) => { if (portState.get(port).waitingStreams++ === 0) port.ref(); };
  const waitLess = (port, n) => { if ((portState.get(port).waitingStreams -= n) === 0) port.unref(); };

  class ReadableWorkerStdio extends nodeStream.Readable {
    constructor(port, name) {
      super();
      this[kPort] = port;
      this[kName] = name;
      this[kIncrementsPortRef] = true;
      this[kStartedReading] = false;
      this.on('end', () => {
        if (this[kStartedReading] && this[kIncrementsPortRef]) waitLess(this[kPort], 1);
      });
    }
    _read() {
      if (!this[kStartedReading] && this[kIncrementsPortRef]) {
        this[kStartedReading] = true;
        waitMore(this[kPort]);
      }
      this[kPort].postMessage({ type: messageTypes.STDIO_WANTS_MORE_DATA, stream: this[kName] });
    }
  }

  class WritableWorkerStdio extends nodeStream.Writable {
    constructor(port, name) {
      super({ decodeStrings: false });
      this[kPort] = port;
      this[kName] = name;
      this[kWritableCallbacks] = [];
    }
    _writev(chunks, cb) {
      // A chunk travels as a copy of its own bytes, moved: a view would carry its whole buffer.
      const transfer = [];
      const copies = chunks.map(({ chunk, encoding }) => {
        if (typeof chunk === 'string') return { chunk, encoding };
        const copy = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
        transfer.push(copy.buffer);
        return { chunk: copy, encoding };
      });
      this[kPort].postMessage({ type: messageTypes.STDIO_PAYLOAD, stream: this[kName], chunks: copies }, transfer);
      this[kWritableCallbacks].push(cb);
      waitMore(this[kPort]);
    }
    _final(cb) {
      this[kPort].postMessage({ type: messageTypes.STDIO_PAYLOAD, stream: this[kName], chunks: [{ chunk: null, encoding: '' }] });
      cb();
    }
    [kStdioWantsMoreDataCallback]() {
      const cbs = this[kWritableCallbacks];
      this[kWritableCallbacks] = [];
      cbs.forEach((cb) => cb());
      waitLess(this[kPort], cbs.length);
    }
  }

  function pipeWithoutWarning(source, dest) {
    const sourceMaxListeners = source._maxListeners;
    const destMaxListeners = dest._maxListeners;
    source.setMaxListeners(Infinity);
    dest.setMaxListeners(Infinity);
    source.pipe(dest);
    source._maxListeners = sourceMaxListeners;
    dest._maxListeners = destMaxListeners;
  }

  function serializeOne(value, transferList) {
    const list = transferListOf(transferList, 'options.transferList');
    const { ser, ports } = serializeMessage(value, list, null);
    return { ser, ids: ports.map(detachPort) };
  }

  // Node's main thread counts its chdir() calls in shared memory, so that a worker's cached
  // process.cwd() knows when to ask again.
  let cwdCounter;
  function countChdir() {
    // SharedArrayBuffers and Atomics can be switched off (--no-harmony-sharedarraybuffer).
    if (cwdCounter !== undefined || globalThis.SharedArrayBuffer === undefined || globalThis.Atomics === undefined) return;
    cwdCounter = new Uint32Array(new SharedArrayBuffer(4));
    const originalChdir = process.chdir;
    process.chdir = function chdir(directory) {
      Atomics.add(cwdCounter, 0, 1);
      originalChdir(directory);
    };
  }

  class Worker extends EventEmitter {
    constructor(filename, options = {}) {
      super();
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
      if (options.execArgv && !Array.isArray(options.execArgv)) throw invalidArgType('options.execArgv', 'Array', options.execArgv);
      if (options.argv && !Array.isArray(options.argv)) throw invalidArgType('options.argv', 'Array', options.argv);
      const argv = options.argv ? options.argv.map(String) : [];
      let doEval = false;
      let moduleURL;
      if (options.eval) {
        if (typeof filename !== 'string') {
          throw invalidArgValue('options.eval', options.eval, 'must be false when \'filename\' is not a string');
        }
        doEval = 'classic';
      } else if (filename instanceof URL && filename.protocol === 'data:') {
        doEval = 'module';
        moduleURL = `${filename}`;
        filename = `import ${JSON.stringify(moduleURL)}`;
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
        // As Node's parseResourceLimits: the old generation gets at least 2 MB.
        limitNames.forEach((k, i) => {
          let v = options.resourceLimits[k];
          if (typeof v !== 'number') return;
          if (k === 'maxOldGenerationSizeMb') v = Math.max(v, 2);
          if (v > 0) { limits[i] = v; given[k] = v; }
        });
      }
      useMessaging();
      if (isMainThread) countChdir();
      // Node's native handle of the thread: a 'WORKER' async resource, before the worker's ports.
      const handle = new WorkerHandle();
      const data = serializeOne(options.workerData, options.transferList);
      const envData = serializeOne(environmentData, undefined);
      const [mine, theirs] = ops.op_port_channel();
      const port = makePort(mine);
      port.on('message', (message) => this.emit('message', message));
      port.on('messageerror', (error) => this.emit('messageerror', error));
      port.unref();
      const [internalMine, internalTheirs] = ops.op_port_channel();
      const internal = makePort(internalMine);
      internal.on('message', (message) => this[kOnMessage](message));
      internal.unref();
      let stdin = null;
      if (options.stdin) stdin = new WritableWorkerStdio(internal, 'stdin');
      const stdout = new ReadableWorkerStdio(internal, 'stdout');
      if (!options.stdout) {
        stdout[kIncrementsPortRef] = false;
        pipeWithoutWarning(stdout, process.stdout);
      }
      const stderr = new ReadableWorkerStdio(internal, 'stderr');
      if (!options.stderr) {
        stderr[kIncrementsPortRef] = false;
        pipeWithoutWarning(stderr, process.stderr);
      }
      this[kState] = { port, internal, handle, stdio: { stdin, stdout, stderr }, exited: false, exitWaiters: [], limits: given, snapshots: [] };
      // Read by the worker before its program runs (workerMain).
      internal.postMessage({
        type: messageTypes.LOAD_SCRIPT,
        doEval,
        moduleURL,
        hasStdin: !!options.stdin,
        trackUnmanagedFds: !!(options.trackUnmanagedFds ?? true),
        cwdCounter: cwdCounter || sharedCwdCounter,
        // A worker never opens its process's IPC channel, but its environment keeps the names.
        channelEnv: ['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE'].filter((k) => env[k] !== undefined).map((k) => [k, env[k]]),
      });
      // The internal port's other end travels last among the ports given with workerData.
      this.threadId = ops.op_worker_start({
        filename, isEval: doEval !== false, argv, execArgv: options.execArgv ? options.execArgv.map(String) : [...process.execArgv],
        env, name, port: theirs, dataPorts: [...data.ids, internalTheirs], limits, execPath: process.execPath,
      }, data.ser, envData.ser);
      workers.set(this.threadId, this);
      process.nextTick(() => process.emit('worker', this));
    }
    get stdin() { return this[kState].stdio.stdin; }
    get stdout() { return this[kState].stdio.stdout; }
    get stderr() { return this[kState].stdio.stderr; }
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
        if (state.exited) return Promise.resolve();
        this.once('exit', (code) => callback(null, code));
      }
      if (state.exited) return Promise.resolve();
      this.ref();
      const done = new Promise((resolve) => state.exitWaiters.push(resolve));
      ops.op_worker_terminate(this.threadId);
      return done;
    }
    ref() {
      const state = this[kState];
      if (state.exited) return;
      state.handle[kRefed] = true;
      ops.op_worker_ref(this.threadId, true);
      state.port.ref();
    }
    unref() {
      const state = this[kState];
      if (state.exited) return;
      state.handle[kRefed] = false;
      ops.op_worker_ref(this.threadId, false);
      state.port.unref();
    }
    get resourceLimits() {
      if (this[kState].exited) return {};
      const out = {};
      limitNames.forEach((k, i) => { out[k] = this[kState].limits[k] !== undefined ? this[kState].limits[k] : i === 3 ? 4 : 0; });
      return out;
    }
    getHeapSnapshot() {
      const state = this[kState];
      if (state.exited) return Promise.reject(nodeError(Error, 'ERR_WORKER_NOT_RUNNING', 'Worker instance not running'));
      return new Promise((resolve, reject) => {
        state.snapshots.push({ resolve, reject });
        state.internal.postMessage({ type: messageTypes.HEAP_SNAPSHOT });
      });
    }
    [kOnMessage](message) {
      const { stdio } = this[kState];
      switch (message.type) {
        case messageTypes.HEAP_SNAPSHOT_DATA: {
          const { data } = message;
          const request = this[kState].snapshots.shift();
          if (request === undefined) return;
          // The whole snapshot is there: the first read() returns it.
          request.resolve(new nodeStream.Readable({
            read() {
              this.push(Buffer.from(data.buffer, data.byteOffset, data.length));
              this.push(null);
            },
          }));
          return;
        }
        case messageTypes.COULD_NOT_SERIALIZE_ERROR:
          this.emit('error', nodeError(Error, 'ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed'));
          return;
        case messageTypes.ERROR_MESSAGE:
          this.emit('error', nodeLib.load('internal/error_serdes').deserializeError(message.error));
          return;
        case messageTypes.STDIO_PAYLOAD:
          for (const { chunk, encoding } of message.chunks) stdio[message.stream].push(chunk, encoding);
          return;
        case messageTypes.STDIO_WANTS_MORE_DATA:
          stdio[message.stream][kStdioWantsMoreDataCallback]();
          return;
        case messageTypes.TRACE_EVENTS:
          core.addWorkerTraceEvents(message.events);
          return;
        default:
          requireBuiltin('assert').fail(`Unknown worker message type ${message.type}`);
      }
    }
    [kOnExit](code, error) {
      const state = this[kState];
      // The messages the worker sent before it ended come before 'exit'.
      for (const port of [state.port, state.internal]) {
        const id = portState.get(port).id;
        for (let r = ops.op_port_receive(id); r !== undefined; r = ops.op_port_receive(id)) deliverMessage(port, r[0], r[1]);
        detachPort(port);
        ops.op_port_close(id);
      }
      state.exited = true;
      for (const { reject } of state.snapshots.splice(0)) {
        reject(nodeError(Error, 'ERR_WORKER_NOT_RUNNING', 'Worker instance not running'));
      }
      workers.delete(this.threadId);
      this.threadId = -1;
      this.removeAllListeners('message');
      this.removeAllListeners('messageerrors');
      const { stdout, stderr } = state.stdio;
      if (!stdout.readableEnded) stdout.push(null);
      if (!stderr.readableEnded) stderr.push(null);
      if (error === -1) {
        this.emit('error', nodeError(Error, 'ERR_WORKER_OUT_OF_MEMORY',
          'Worker terminated due to reaching memory limit: JS heap out of memory'));
      } else if (typeof error === 'number') {
        let e;
        try { e = errorFromWorker(readMessage(error, []).value); } catch (err) { e = err; }
        this.emit('error', e);
      }
      try {
        this.emit('exit', code);
      } finally {
        // The native handle is gone once 'exit' was emitted.
        state.handle[kRefed] = undefined;
        emitDestroy(state.handle[asyncIdSymbol]);
      }
      for (const resolve of state.exitWaiters.splice(0)) resolve(code);
      this.removeAllListeners();
    }
  }
  const kRefed = Symbol('kRefed');
  class WorkerHandle {
    constructor() {
      this[kRefed] = true;
      const asyncId = newAsyncId();
      const trigger = defaultTriggerAsyncId();
      Object.defineProperty(this, asyncIdSymbol, { value: asyncId, writable: true, configurable: true });
      Object.defineProperty(this, triggerAsyncIdSymbol, { value: trigger, writable: true, configurable: true });
      emitInit(asyncId, 'WORKER', trigger, this);
    }
    // As a HandleWrap's: whether it keeps the loop alive; undefined once it is closed.
    hasRef() { return this[kRefed]; }
  }

  // A worker's uncaught error travels to its parent as Node's lib/internal/error_serdes.js
  // serializes it: the error's class (by name) and its properties, or a copy, or its inspection.
  function errorFromWorker(v) {
    return v instanceof Uint8Array ? nodeLib.load('internal/error_serdes').deserializeError(v) : v;
  }
  // An error that escaped to Swift (WorkerThread.serializeThrown): the same form, in a message.
  core.workerError = (e) => {
    const ser = ops.op_ser_new({ dataCloneError }, true);
    ops.op_ser_header(ser);
    ops.op_ser_value(ser, nodeLib.load('internal/error_serdes').serializeError(e));
    return ser;
  };

  // Node's process._fatalException in a worker (lib/internal/main/worker_thread.js): an error
  // no 'uncaughtException' listener takes ends the worker after its 'exit' event, and goes to
  // the parent's 'error' event.
  let internalPort = null;
  function onGlobalUncaughtException(er, fromPromise) {
    const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
    process.emit('uncaughtExceptionMonitor', er, type);
    if (uncaughtCapture.fn !== null) {
      uncaughtCapture.fn(er);
    } else if (!process.emit('uncaughtException', er, type)) {
      try {
        if (!process._exiting) {
          exiting = true;
          process._exiting = true;
          process.exitCode = 1;
          process.emit('exit', 1);
        }
      } catch {
        // Nothing to be done about it at this point.
      }
      return false;
    }
    clearAsyncStack();
    return true;
  }
  function workerOnGlobalUncaughtException(error, fromPromise) {
    let handled = false;
    let handlerThrew = false;
    try {
      handled = onGlobalUncaughtException(error, fromPromise);
    } catch (e) {
      error = e;
      handlerThrew = true;
    }
    if (handled) return true;
    if (!process._exiting) {
      try {
        exiting = true;
        process._exiting = true;
        process.exitCode = 1;
        if (!handlerThrew) process.emit('exit', process.exitCode);
      } catch {
        // Continue regardless of error.
      }
    }
    let serialized;
    try {
      serialized = nodeLib.load('internal/error_serdes').serializeError(error);
    } catch {
      // Continue regardless of error.
    }
    if (serialized) internalPort.postMessage({ type: messageTypes.ERROR_MESSAGE, error: serialized });
    else internalPort.postMessage({ type: messageTypes.COULD_NOT_SERIALIZE_ERROR });
    clearAsyncStack();
    process.exit();
    return false;
  }
  // 03-loop.js's fatal() in a worker: through process._fatalException, which a program may
  // replace; when it is no function the worker ends with code 6, as in Node.
  core.workerFatal = (e, fromPromise) => {
    const handler = process._fatalException;
    if (typeof handler !== 'function') {
      ops.op_write(2, errorText(e) + '\n');
      process.reallyExit(6);
      return;
    }
    Reflect.apply(handler, process, [e, fromPromise]);
  };

  function onInternalMessage(message) {
    if (message.type === messageTypes.STDIO_PAYLOAD) {
      for (const { chunk, encoding } of message.chunks) process[message.stream].push(chunk, encoding);
    } else if (message.type === messageTypes.STDIO_WANTS_MORE_DATA) {
      process[message.stream][kStdioWantsMoreDataCallback]();
    } else if (message.type === messageTypes.HEAP_SNAPSHOT) {
      const data = ops.op_v8_heap_snapshot();
      internalPort.postMessage({ type: messageTypes.HEAP_SNAPSHOT_DATA, data });
    } else {
      requireBuiltin('assert').fail(`Unknown worker message type ${message.type}`);
    }
  }

  // A worker's process: stdio over the internal port, no process-wide state (Node's
  // bootstrap/switches/is_not_main_thread.js and does_not_own_process_state.js).
  let sharedCwdCounter;
  function unavailable(name) {
    function unavailableInWorker() {
      throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', `${name} is not supported in workers`);
    }
    unavailableInWorker.disabled = true;
    return unavailableInWorker;
  }
  function setUpWorkerProcess(load) {
    let stdio;
    const lazyStdio = () => {
      if (stdio === undefined) {
        stdio = {
          stdin: new ReadableWorkerStdio(internalPort, 'stdin'),
          stdout: new WritableWorkerStdio(internalPort, 'stdout'),
          stderr: new WritableWorkerStdio(internalPort, 'stderr'),
        };
        // Readable#pipe leaves process.stdout and process.stderr open (fe marks them so).
        stdio.stdout._isStdio = true;
        stdio.stderr._isStdio = true;
      }
      return stdio;
    };
    for (const name of ['stdout', 'stdin', 'stderr']) {
      Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => lazyStdio()[name] });
    }
    if (!load.hasStdin) process.stdin.push(null);

    for (const name of ['abort', 'chdir']) process[name] = unavailable(`process.${name}()`);
    // POSIX credentials are the process's.
    for (const name of ['initgroups', 'setgroups', 'setegid', 'seteuid', 'setgid', 'setuid']) {
      process[name] = unavailable(`process.${name}()`);
    }
    // A worker reads the process's umask but cannot set it.
    const umask = process.umask;
    process.umask = function wrappedUmask(mask) {
      if (mask !== undefined) throw nodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Setting process.umask() is not supported in workers');
      return umask();
    };
    // The title and the debug port belong to the process: a worker cannot set them.
    for (const name of ['title', 'debugPort']) {
      const value = process[name];
      Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => value, set() {} });
    }
    for (const name of ['_debugProcess', '_debugEnd', '_debugPause', '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier']) {
      delete process[name];
    }
    for (const [k, v] of load.channelEnv) process.env[k] = v;
    if (process.env.NODE_CHANNEL_FD) {
      for (const name of ['channel', 'connected']) {
        Object.defineProperty(process, name, { configurable: true, enumerable: false, get: unavailable(`process.${name}`) });
      }
      process.send = unavailable('process.send()');
      process.disconnect = unavailable('process.disconnect()');
    }
    // process.cwd() asks again only after the main thread's chdir() (its shared counter).
    const cwdCounterOfParent = load.cwdCounter;
    if (cwdCounterOfParent instanceof Uint32Array && globalThis.Atomics !== undefined) {
      let cachedCwd = '';
      let lastCounter = -1;
      const originalCwd = process.cwd;
      process.cwd = function cwd() {
        const currentCounter = Atomics.load(cwdCounterOfParent, 0);
        if (currentCounter === lastCounter) return cachedCwd;
        lastCounter = currentCounter;
        cachedCwd = originalCwd();
        return cachedCwd;
      };
      sharedCwdCounter = cwdCounterOfParent;
    }
    process._fatalException = workerOnGlobalUncaughtException;
    if (load.trackUnmanagedFds) trackUnmanagedFds();
    // Its sockets close with it (Node's environment cleanup), however it ends.
    const emitExit = core.emitExit;
    core.emitExit = (code) => {
      try { return emitExit(code); } finally { core.closeSocketHandles(); }
    };
    const reallyExit = process.reallyExit;
    process.reallyExit = function (code) {
      core.closeSocketHandles();
      return Reflect.apply(reallyExit, this, [code]);
    };
  }

  // trackUnmanagedFds (Node's default): the descriptors the worker opened with fs.open() or
  // fs.openSync() and did not close are closed when it ends; opening one twice, or closing one
  // it did not open, is a warning.
  function trackUnmanagedFds() {
    const fs = requireBuiltin('fs');
    const tracked = new Set();
    const opened = (fd) => {
      if (tracked.has(fd)) process.emitWarning(`File descriptor ${fd} opened in unmanaged mode twice`);
      else tracked.add(fd);
    };
    const closed = (fd) => {
      if (!tracked.delete(fd)) process.emitWarning(`File descriptor ${fd} closed but not opened in unmanaged mode`);
    };
    const { open, openSync, close, closeSync } = fs;
    fs.openSync = function openSync_(...args) {
      const fd = Reflect.apply(openSync, this, args);
      opened(fd);
      return fd;
    };
    Object.defineProperty(fs.openSync, 'name', { value: 'openSync' });
    fs.open = function open_(...args) {
      const cb = args[args.length - 1];
      if (typeof cb === 'function') args[args.length - 1] = (err, fd) => { if (!err) opened(fd); cb(err, fd); };
      return Reflect.apply(open, this, args);
    };
    Object.defineProperty(fs.open, 'name', { value: 'open' });
    fs.closeSync = function closeSync_(fd, ...rest) {
      const r = Reflect.apply(closeSync, this, [fd, ...rest]);
      closed(fd);
      return r;
    };
    Object.defineProperty(fs.closeSync, 'name', { value: 'closeSync' });
    fs.close = function close_(fd, ...rest) {
      const r = Reflect.apply(close, this, [fd, ...rest]);
      closed(fd);
      return r;
    };
    Object.defineProperty(fs.close, 'name', { value: 'close' });
    const closeAll = () => {
      for (const fd of tracked) {
        try { closeSync(fd); } catch { /* already gone */ }
      }
      tracked.clear();
    };
    const emitExit = core.emitExit;
    core.emitExit = (code) => {
      try { return emitExit(code); } finally { closeAll(); }
    };
    const reallyExit = process.reallyExit;
    process.reallyExit = function (code) {
      closeAll();
      return Reflect.apply(reallyExit, this, [code]);
    };
  }

  // The worker's own execArgv, where it differs from the process's options (which every
  // runtime of the process applied already, 60-globals.js): warning flags, and -r/--require
  // modules, preloaded before the worker's program as Node's loadPreloadModules does.
  function applyWorkerExecArgv(execArgv) {
    const requires = [];
    for (let i = 0; i < execArgv.length; i++) {
      const arg = execArgv[i];
      const eq = arg.indexOf('=');
      const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
      if (name === '-r' || name === '--require') {
        const value = name === arg ? execArgv[++i] : arg.slice(eq + 1);
        if (value !== undefined) requires.push(value);
      } else if (arg === '--no-addons' || arg === '--addons') {
        // The "node-addons" condition and process.dlopen (19-cjs.js).
        core.noAddons = arg === '--no-addons';
      } else if (arg === '--trace-warnings') {
        process.traceProcessWarnings = true;
      } else if (arg === '--no-warnings') {
        process.noProcessWarnings = true;
      } else if (arg === '--no-deprecation') {
        process.noDeprecation = true;
      } else if (arg === '--trace-deprecation') {
        process.traceDeprecation = true;
      } else if (arg === '--throw-deprecation') {
        process.throwDeprecation = true;
      }
    }
    const loaded = new Set(core.nodeFlags?.requires || []);
    const preload = requires.filter((request) => !loaded.has(request));
    if (preload.length === 0) return;
    const parent = new cjs.Module('internal/preload', null);
    parent.paths = cjs.Module._nodeModulePaths(process.cwd());
    for (const request of preload) {
      cjs.Module._load(cjs.Module._resolveFilename(request, parent, false), parent, false);
    }
  }

  // The first JavaScript a worker's runtime runs (WorkerThread.swift), before its program.
  core.workerMain = (info) => {
    isMainThread = false;
    core.isWorker = true;
    threadId = info.threadId;
    core.workerName = info.name;
    parentPort = makePort(info.port);
    const internalId = info.dataPorts[info.dataPorts.length - 1];
    const dataPorts = info.dataPorts.slice(0, -1);
    internalPort = makePort(internalId);
    const load = receiveMessageOnPort(internalPort).message;
    internalPort.on('message', onInternalMessage);
    internalPort.unref();
    workerData = info.workerData === undefined ? undefined : readMessage(info.workerData, dataPorts).value;
    if (info.environmentData !== undefined) {
      for (const [k, v] of readMessage(info.environmentData, []).value) environmentData.set(k, v);
    }
    resourceLimits = {};
    limitNames.forEach((k, i) => { resourceLimits[k] = info.resourceLimits[i]; });
    Object.assign(exportsObject, { isMainThread, threadId, parentPort, workerData, resourceLimits });
    // As Node's option parser: `--` ends the options (and is none itself).
    const end = info.execArgv.indexOf('--');
    process.execArgv = end < 0 ? info.execArgv : info.execArgv.slice(0, end);
    setUpWorkerProcess(load);
    // Node's HandleEnvOptions over the worker's environment: NODE_PRESERVE_SYMLINKS (19-cjs.js).
    if ((process.env.NODE_PRESERVE_SYMLINKS || '')[0] === '1') core.preserveSymlinksEnv = true;
    try {
      applyWorkerExecArgv(process.execArgv);
    } catch (e) {
      fatal(e);
    }
    // A worker's NODE_V8_COVERAGE (its process.env) starts its own coverage (46-inspector.js).
    core.startCoverage();
    if (load.doEval === 'classic') {
      // Node's evalScript: a classic script in the global scope, the eval module's require,
      // module, exports and __dirname as globals (60-globals.js).
      Object.defineProperty(process, '_eval', { configurable: true, enumerable: true, value: info.filename });
      process.argv.splice(1, 0, '[worker eval]');
      try {
        core.nodeEval(info.filename, '[worker eval]', 'eval');
      } catch (e) {
        fatal(e);
      }
    } else if (load.doEval === 'module') {
      // fe's module loader reads files only: a data: URL module cannot be loaded.
      fatal(nodeError(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
        'Only URLs with a scheme in: file are supported by the default ESM loader. Received protocol \'data:\''));
    } else {
      // As Node's Module.runMain: a script that does not resolve is the worker's uncaught error.
      try {
        cjs.Module._resolveFilename(info.filename, null, true);
      } catch (e) {
        fatal(e);
      }
    }
  };

  function setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  }
  const getEnvironmentData = (key) => environmentData.get(key);
  function assignEnvironmentData(data) {
    if (data === undefined) return;
    data.forEach((value, key) => { environmentData.set(key, value); });
  }

  // What --expose-internals shows of Node's internal/worker and internal/worker/io (47-internals.js).
  core.workerInternals = () => ({
    worker: {
      ownsProcessState: isMainThread, isMainThread, SHARE_ENV, resourceLimits, threadId,
      setEnvironmentData, getEnvironmentData, assignEnvironmentData, Worker,
    },
    io: {
      messageTypes, kPort, kIncrementsPortRef, kStdioWantsMoreDataCallback,
      MessagePort, MessageChannel, MessageEvent, BroadcastChannel, receiveMessageOnPort, moveMessagePortToContext,
      ReadableWorkerStdio, WritableWorkerStdio,
    },
    // internalBinding('worker'): the thread's side of its internal port.
    binding: { isMainThread, ownsProcessState: isMainThread, threadId, getEnvMessagePort: () => internalPort ?? undefined },
  });

  const exportsObject = {
    isMainThread, threadId, parentPort, workerData, resourceLimits, SHARE_ENV,
    Worker, MessageChannel, MessagePort, BroadcastChannel,
    receiveMessageOnPort, markAsUntransferable, moveMessagePortToContext, getEnvironmentData, setEnvironmentData,
  };
  registerBuiltin('worker_threads', exportsObject);
  for (const [name, value] of Object.entries({ MessageChannel, MessagePort, MessageEvent, BroadcastChannel, structuredClone })) {
    define(globalThis, name, value);
  }
  return exportsObject;
})();
