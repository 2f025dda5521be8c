// async_hooks: createHook, AsyncResource, AsyncLocalStorage, executionAsyncId/Resource. The
// async context itself (ids, the execution stack, the hooks' calls, promise hooks) lives in
// 03-loop.js, where the loop enters and leaves resources; this is the module's API over it.
// Uses from earlier files: 00-core.js (core, check); 02-errors.js (nodeError, invalidArgType); 03-loop.js (asyncIdSymbol, triggerAsyncIdSymbol, asyncHooks, newAsyncId, defaultTriggerAsyncId, emitInit, emitBefore, emitAfter, emitDestroy, updatePromiseHooks, setNativeImmediate); 04-events.js (EventEmitter, setLazyEventEmitterAsyncResource); 08-fs.js (then); 10-builtins.js (registerBuiltin).
(() => {
  const asyncCallbackError = (name) => nodeError(TypeError, 'ERR_ASYNC_CALLBACK', `${name} must be a function`);
  const kinds = ['init', 'before', 'after', 'destroy', 'promiseResolve'];

  class AsyncHook {
    constructor({ init, before, after, destroy, promiseResolve } = {}) {
      const given = { init, before, after, destroy, promiseResolve };
      for (const k of kinds) {
        if (given[k] !== undefined && typeof given[k] !== 'function') throw asyncCallbackError(`hook.${k}`);
      }
      for (const k of kinds) this[k] = given[k];
    }
    // The list is replaced, not changed in place: a hook enabled or disabled while hooks run
    // takes effect from the next event, as in Node.
    enable() {
      if (asyncHooks.list.includes(this)) return this;
      asyncHooks.list = [...asyncHooks.list, this];
      for (const k of kinds) if (this[k]) asyncHooks[k]++;
      updateHookFields();
      updatePromiseHooks();
      return this;
    }
    disable() {
      const i = asyncHooks.list.indexOf(this);
      if (i === -1) return this;
      asyncHooks.list = asyncHooks.list.filter((h) => h !== this);
      for (const k of kinds) if (this[k]) asyncHooks[k]--;
      updateHookFields();
      updatePromiseHooks();
      return this;
    }
  }
  const createHook = (fns) => new AsyncHook(fns);
  // Node's async_hook_fields, kept as hooks are enabled and disabled: how many enabled hooks have
  // each callback and their total (kCheck is on, as by default; the stack depth is not kept).
  const hookFields = new Uint32Array(9);
  hookFields[6] = 1;
  function updateHookFields() {
    let total = 0;
    for (let i = 0; i < kinds.length; i++) total += (hookFields[i] = asyncHooks[kinds[i]]);
    hookFields[5] = total;
  }

  const executionAsyncId = () => asyncHooks.asyncId;
  const triggerAsyncId = () => asyncHooks.triggerId;
  const executionAsyncResource = () => asyncHooks.resource;

  // Userland resources not destroyed by hand are destroyed when collected, if anyone listens.
  let destroyRegistry = null;
  const kDestroyed = Symbol('destroyed');

  class AsyncResource {
    constructor(type, opts = {}) {
      if (typeof type !== 'string') throw invalidArgType('type', 'string', type);
      let trigger = opts;
      let requireManualDestroy = false;
      if (typeof opts !== 'number') {
        trigger = opts.triggerAsyncId === undefined ? defaultTriggerAsyncId() : opts.triggerAsyncId;
        requireManualDestroy = !!opts.requireManualDestroy;
      }
      if (!Number.isSafeInteger(trigger) || trigger < -1) {
        throw nodeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid triggerAsyncId value: ${trigger}`);
      }
      const id = newAsyncId();
      this[asyncIdSymbol] = id;
      this[triggerAsyncIdSymbol] = trigger;
      if (asyncHooks.init > 0) {
        if (type.length === 0) throw nodeError(TypeError, 'ERR_ASYNC_TYPE', `Invalid name for async "type": ${type}`);
        emitInit(id, type, trigger, this);
      }
      if (!requireManualDestroy && asyncHooks.destroy > 0) {
        const destroyed = { destroyed: false };
        this[kDestroyed] = destroyed;
        if (destroyRegistry === null) {
          destroyRegistry = new FinalizationRegistry(({ id: asyncId, destroyed: d }) => { if (!d.destroyed) emitDestroy(asyncId); });
        }
        destroyRegistry.register(this, { id, destroyed });
      }
    }
    runInAsyncScope(fn, thisArg, ...args) {
      const id = this[asyncIdSymbol];
      emitBefore(id, this[triggerAsyncIdSymbol], this);
      try {
        return Reflect.apply(fn, thisArg, args);
      } finally {
        if (asyncHooks.stack.length > 0) emitAfter(id);
      }
    }
    emitDestroy() {
      if (this[kDestroyed] !== undefined) this[kDestroyed].destroyed = true;
      emitDestroy(this[asyncIdSymbol]);
      return this;
    }
    asyncId() { return this[asyncIdSymbol]; }
    triggerAsyncId() { return this[triggerAsyncIdSymbol]; }
    bind(fn, thisArg) {
      if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
      let bound;
      if (thisArg === undefined) {
        const resource = this;
        bound = function (...args) { return resource.runInAsyncScope(fn, this, ...args); };
      } else {
        bound = this.runInAsyncScope.bind(this, fn, thisArg);
      }
      Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
      bound.asyncResource = this;
      return bound;
    }
    static bind(fn, type, thisArg) {
      type = type || fn.name;
      return new AsyncResource(type || 'bound-anonymous-fn').bind(fn, thisArg);
    }
  }

  // AsyncLocalStorage keeps its store on the running resource, under its own symbol; an init
  // hook copies it to every resource created meanwhile, so continuations see it.
  const storageList = [];
  const storageHook = createHook({
    init(asyncId, type, triggerAsyncId, resource) {
      const current = asyncHooks.resource;
      for (let i = 0; i < storageList.length; ++i) storageList[i]._propagate(resource, current);
    },
  });

  class AsyncLocalStorage {
    constructor() {
      this.kResourceStore = Symbol('kResourceStore');
      this.enabled = false;
    }
    static bind(fn) { return AsyncResource.bind(fn); }
    static snapshot() { return AsyncLocalStorage.bind((cb, ...args) => cb(...args)); }
    disable() {
      if (this.enabled) {
        this.enabled = false;
        storageList.splice(storageList.indexOf(this), 1);
        if (storageList.length === 0) storageHook.disable();
      }
    }
    _enable() {
      if (!this.enabled) {
        this.enabled = true;
        storageList.push(this);
        storageHook.enable();
      }
    }
    _propagate(resource, triggerResource) {
      const store = triggerResource[this.kResourceStore];
      if (this.enabled) resource[this.kResourceStore] = store;
    }
    enterWith(store) {
      this._enable();
      asyncHooks.resource[this.kResourceStore] = store;
    }
    run(store, callback, ...args) {
      if (Object.is(store, this.getStore())) return Reflect.apply(callback, null, args);
      this._enable();
      const resource = asyncHooks.resource;
      const oldStore = resource[this.kResourceStore];
      resource[this.kResourceStore] = store;
      try {
        return Reflect.apply(callback, null, args);
      } finally {
        resource[this.kResourceStore] = oldStore;
      }
    }
    exit(callback, ...args) {
      if (!this.enabled) return Reflect.apply(callback, null, args);
      this.disable();
      try {
        return Reflect.apply(callback, null, args);
      } finally {
        this._enable();
      }
    }
    getStore() {
      if (this.enabled) return asyncHooks.resource[this.kResourceStore];
      return undefined;
    }
  }

  // Node's provider names (asyncWrapProviders), numbered as Node 18's async_wrap lists them.
  const providerNames = ['NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
    'FIXEDSIZEBLOBCOPY', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP',
    'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE',
    'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP',
    'PROCESSWRAP', 'PROMISE', 'QUERYWRAP', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER', 'STREAMPIPE',
    'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER',
    'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB'];
  const asyncWrapProviders = Object.freeze({ __proto__: null, ...Object.fromEntries(providerNames.map((n, i) => [n, i])) });

  // events.EventEmitterAsyncResource: an EventEmitter whose listeners run in its own async scope.
  let EventEmitterAsyncResource;
  setLazyEventEmitterAsyncResource(() => {
    if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
    const invalidThis = (type) => nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
    const kEventEmitter = Symbol('kEventEmitter');
    const kAsyncResource = Symbol('kAsyncResource');
    class EventEmitterReferencingAsyncResource extends AsyncResource {
      constructor(ee, type, options) {
        super(type, options);
        this[kEventEmitter] = ee;
      }
      get eventEmitter() {
        if (this[kEventEmitter] === undefined) throw invalidThis('EventEmitterReferencingAsyncResource');
        return this[kEventEmitter];
      }
    }
    EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
      constructor(options = undefined) {
        let name;
        if (typeof options === 'string') {
          name = options;
          options = undefined;
        } else {
          if (new.target === EventEmitterAsyncResource && typeof options?.name !== 'string') {
            throw invalidArgType('options.name', 'string', options?.name);
          }
          name = options?.name || new.target.name;
        }
        super(options);
        this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
      }
      emit(event, ...args) {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        const { asyncResource } = this;
        return asyncResource.runInAsyncScope(super.emit, this, event, ...args);
      }
      emitDestroy() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        this.asyncResource.emitDestroy();
      }
      get asyncId() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this.asyncResource.asyncId();
      }
      get triggerAsyncId() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this.asyncResource.triggerAsyncId();
      }
      get asyncResource() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this[kAsyncResource];
      }
    };
    return EventEmitterAsyncResource;
  });

  // Node's internalBinding('async_wrap'), the part fe's async context has: queueDestroyAsyncId
  // (the destroy hooks called for an id from the check phase, as Node's native destroy queue
  // does), registerDestroyHook (destroy once the resource is collected, unless `destroyed.destroyed`
  // by then) and the provider names.
  let destroyQueue = [];
  let collectedRegistry = null;
  core.asyncWrapBinding = {
    queueDestroyAsyncId(asyncId) {
      if (destroyQueue.length === 0) {
        setNativeImmediate(() => {
          const ids = destroyQueue;
          destroyQueue = [];
          for (const id of ids) emitDestroy(id);
        });
      }
      destroyQueue.push(asyncId);
    },
    registerDestroyHook(resource, asyncId, destroyed) {
      collectedRegistry ??= new FinalizationRegistry(({ id, state }) => { if (!state?.destroyed) emitDestroy(id); });
      collectedRegistry.register(resource, { id: asyncId, state: destroyed });
    },
    Providers: asyncWrapProviders,
    async_hook_fields: hookFields,
    // Node's internal/promise_hooks sets V8's promise hooks through here (03-loop.js).
    setPromiseHooks: (init, before, after, settled) => core.setPromiseHooks(init, before, after, settled),
    constants: {
      kInit: 0, kBefore: 1, kAfter: 2, kDestroy: 3, kPromiseResolve: 4, kTotals: 5, kCheck: 6,
      kStackLength: 7, kUsesExecutionAsyncResource: 8,
    },
  };
  // Node's internal/async_hooks, over the same context (for --expose-internals).
  core.internalAsyncHooks = (ownerSymbol) => ({
    symbols: { async_id_symbol: asyncIdSymbol, trigger_async_id_symbol: triggerAsyncIdSymbol, owner_symbol: ownerSymbol },
    executionAsyncId,
    triggerAsyncId,
    executionAsyncResource,
    newAsyncId,
    getDefaultTriggerAsyncId: defaultTriggerAsyncId,
    defaultTriggerAsyncIdScope(triggerId, block, ...args) {
      if (triggerId === undefined) return block(...args);
      const saved = asyncHooks.defaultTriggerId;
      asyncHooks.defaultTriggerId = triggerId;
      try { return block(...args); } finally { asyncHooks.defaultTriggerId = saved; }
    },
    emitInit, emitBefore, emitAfter, emitDestroy,
    enabledHooksExist: () => asyncHooks.list.length > 0,
    initHooksExist: () => asyncHooks.init > 0,
    destroyHooksExist: () => asyncHooks.destroy > 0,
    afterHooksExist: () => asyncHooks.after > 0,
  });

  registerBuiltin('async_hooks', {
    AsyncLocalStorage,
    createHook,
    executionAsyncId,
    triggerAsyncId,
    executionAsyncResource,
    asyncWrapProviders,
    AsyncResource,
  });
})();
