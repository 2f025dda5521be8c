// domain (deprecated in Node, still used): errors thrown in callbacks scheduled inside a domain,
// and 'error' events of emitters bound to one, go to the domain's 'error' listeners. Built as
// Node 18 builds it: an async hook carries the active domain to every resource created in it
// and enters it around their callbacks; the uncaught-exception capture callback routes errors;
// EventEmitter's init and emit learn about domains once this module is loaded.
// Uses from earlier files: 02-errors.js (nodeError); 03-loop.js (timers); 04-events.js (EventEmitter); 05-process.js (process); 10-builtins.js (registerLazyBuiltin, requireBuiltin).
(() => {
  let domainModule = null;
  // Loaded on first require, as Node does: loading it changes EventEmitter and process.
  function loadDomain() {
    if (domainModule !== null) return domainModule;
    // When domains are in use they own the capture callback.
    if (process.hasUncaughtExceptionCaptureCallback()) {
      throw nodeError(Error, 'ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
        'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module');
    }
    const exports = {};
    domainModule = exports;
    let activeDomain = null;
    Object.defineProperty(process, 'domain', {
      configurable: true, enumerable: true,
      get() { return activeDomain; },
      set(arg) { activeDomain = arg; },
    });

    const pairing = new Map(); // async id -> the domain it was created in
    const asyncHook = createDomainHook(pairing);

    const domainRequireStack = new Error('require(`domain`) at this point').stack;
    const setCapture = process.setUncaughtExceptionCaptureCallback;
    process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback() {
      const err = nodeError(Error, 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
        'The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()');
      err.stack += `\n${'-'.repeat(40)}\n${domainRequireStack}`;
      throw err;
    };

    // Entered domains, innermost last.
    let stack = [];
    exports._stack = stack;

    // Errors go to the domains only while one on the stack listens for 'error'.
    function updateExceptionCapture() {
      setCapture(null);
      if (!stack.every((d) => d.listenerCount('error') === 0)) {
        setCapture((er) => process.domain._errorHandler(er));
      }
    }
    function domainUncaughtExceptionClear() {
      stack.length = 0;
      exports.active = process.domain = null;
      updateExceptionCapture();
    }
    process.on('newListener', (name, listener) => {
      if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear) {
        // The first 'uncaughtException' listener always clears the domain stack.
        process.removeListener(name, domainUncaughtExceptionClear);
        process.prependListener(name, domainUncaughtExceptionClear);
      }
    });
    process.on('removeListener', (name, listener) => {
      if (name === 'uncaughtException' && listener !== domainUncaughtExceptionClear) {
        const listeners = process.listeners('uncaughtException');
        if (listeners.length === 1 && listeners[0] === domainUncaughtExceptionClear) process.removeListener(name, domainUncaughtExceptionClear);
      }
    });

    const defineDomain = (obj, value) => Object.defineProperty(obj, 'domain', { configurable: true, enumerable: false, value, writable: true });

    class Domain extends EventEmitter {
      constructor() {
        super();
        this.members = [];
        asyncHook.enable();
        this.on('removeListener', updateExceptionCapture);
        this.on('newListener', updateExceptionCapture);
      }
    }
    exports.Domain = Domain;
    exports.create = exports.createDomain = function createDomain() { return new Domain(); };
    exports.active = null;
    Domain.prototype.members = undefined;

    // Called through the capture callback when an error was thrown while this domain was active.
    Domain.prototype._errorHandler = function _errorHandler(er) {
      let caught = false;
      if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
        defineDomain(er, this);
        er.domainThrown = true;
      }
      // The handler must not run inside the domain it handles for.
      while (exports.active === this) this.exit();
      if (stack.length === 0) {
        // The top-level domain: without a listener, 'uncaughtException' listeners get a chance.
        if (this.listenerCount('error') > 0) {
          setCapture(null);
          try {
            caught = this.emit('error', er);
          } finally {
            updateExceptionCapture();
          }
        }
      } else {
        try {
          caught = this.emit('error', er);
        } catch (er2) {
          // The handler threw: an outer domain may catch that, else it is uncaught.
          updateExceptionCapture();
          if (stack.length) {
            exports.active = process.domain = stack[stack.length - 1];
            caught = process.domain._errorHandler(er2);
          } else {
            throw er2;
          }
        }
      }
      // An uncaught exception ends the current tick: no domain stays entered.
      domainUncaughtExceptionClear();
      return caught;
    };
    Domain.prototype.enter = function enter() {
      exports.active = process.domain = this;
      stack.push(this);
      updateExceptionCapture();
    };
    Domain.prototype.exit = function exit() {
      const index = stack.lastIndexOf(this);
      if (index === -1) return;
      stack.splice(index);
      exports.active = stack.length === 0 ? undefined : stack[stack.length - 1];
      process.domain = exports.active;
      updateExceptionCapture();
    };
    // Works for timers as well as emitters.
    Domain.prototype.add = function add(ee) {
      if (ee.domain === this) return;
      if (ee.domain) ee.domain.remove(ee);
      // No circular Domain -> Domain links.
      if (this.domain && ee instanceof Domain) {
        for (let d = this.domain; d; d = d.domain) if (ee === d) return;
      }
      defineDomain(ee, this);
      this.members.push(ee);
    };
    Domain.prototype.remove = function remove(ee) {
      ee.domain = null;
      const index = this.members.indexOf(ee);
      if (index !== -1) this.members.splice(index, 1);
    };
    Domain.prototype.run = function run(fn, ...args) {
      this.enter();
      const ret = Reflect.apply(fn, this, args);
      this.exit();
      return ret;
    };
    Domain.prototype.intercept = function intercept(cb) {
      const self = this;
      return function runIntercepted(...args) {
        if (args[0] && args[0] instanceof Error) {
          const er = args[0];
          er.domainBound = cb;
          er.domainThrown = false;
          defineDomain(er, self);
          self.emit('error', er);
          return undefined;
        }
        self.enter();
        const ret = Reflect.apply(cb, this, args.slice(1));
        self.exit();
        return ret;
      };
    };
    Domain.prototype.bind = function bind(cb) {
      const self = this;
      function runBound(...args) {
        self.enter();
        const ret = Reflect.apply(cb, this, args);
        self.exit();
        return ret;
      }
      defineDomain(runBound, this);
      return runBound;
    };

    // EventEmitters created inside a domain belong to it; their unhandled 'error' goes to it.
    EventEmitter.usingDomains = true;
    const eventInit = EventEmitter.init;
    EventEmitter.init = function init(opts) {
      defineDomain(this, null);
      if (exports.active && !(this instanceof exports.Domain)) this.domain = exports.active;
      return eventInit.call(this, opts);
    };
    const eventEmit = EventEmitter.prototype.emit;
    EventEmitter.prototype.emit = function emit(...args) {
      const domain = this.domain;
      const type = args[0];
      const shouldEmitError = type === 'error' && this.listenerCount(type) > 0;
      if (shouldEmitError || domain === null || domain === undefined || this === process) return Reflect.apply(eventEmit, this, args);
      if (type === 'error') {
        const er = args.length > 1 && args[1] ? args[1] : nodeError(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error.');
        if (typeof er === 'object') {
          er.domainEmitter = this;
          defineDomain(er, domain);
          er.domainThrown = false;
        }
        // The handler runs outside the domain (and its duplicates on the stack).
        const origStack = stack.slice();
        const origActive = process.domain;
        let idx = stack.length - 1;
        while (idx > -1 && process.domain === stack[idx]) --idx;
        if (idx < 0) stack.length = 0; else stack.splice(idx + 1);
        exports.active = process.domain = stack.length > 0 ? stack[stack.length - 1] : null;
        updateExceptionCapture();
        domain.emit('error', er);
        exports._stack = stack = origStack;
        exports.active = process.domain = origActive;
        updateExceptionCapture();
        return false;
      }
      domain.enter();
      const ret = Reflect.apply(eventEmit, this, args);
      domain.exit();
      return ret;
    };
    return exports;
  }

  // Carries process.domain to resources made inside it, and enters it around their callbacks.
  function createDomainHook(pairing) {
    return requireBuiltin('async_hooks').createHook({
      init(asyncId, type, triggerAsyncId, resource) {
        if (process.domain !== null && process.domain !== undefined) {
          pairing.set(asyncId, process.domain);
          Object.defineProperty(resource, 'domain', { configurable: true, enumerable: false, value: process.domain, writable: true });
        }
      },
      before(asyncId) {
        const current = pairing.get(asyncId);
        if (current !== undefined) current.enter();
      },
      after(asyncId) {
        const current = pairing.get(asyncId);
        if (current !== undefined) current.exit();
      },
      destroy(asyncId) { pairing.delete(asyncId); },
    });
  }

  // A lazy builtin: the module object appears on first require.
  registerLazyBuiltin('domain', loadDomain);
})();
