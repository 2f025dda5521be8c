// EventEmitter: Node 18.20.4's lib/events.js (MIT, Node.js contributors), ported to fe's runtime:
// primordials become plain calls, Node's internal errors and validators are fe's (02-errors.js),
// and EventTargets (12-web.js) are reached through eventTargetHooks. Keeping Node's code keeps its
// observable details: `_events` holds a function or an array, once-wrappers, the leak warning,
// captureRejections, errorMonitor, the 'error' stack enhancement, once()/on() with AbortSignals.
// Uses from earlier files: 00-core.js (check); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, validateFunction, validateBoolean, outOfRange); 03-loop.js (nextTick, kEnhanceStackBeforeInspector).

// Filled by 12-web.js when it defines EventTarget: { isEventTarget(v), listeners(target, type),
// kResistStopPropagation }, and Node's internal/event_target extras that --expose-internals
// shows (47-internals.js): { NodeEventTarget, defineEventHandler }.
const eventTargetHooks = {
  isEventTarget: null, listeners: null, kResistStopPropagation: null, NodeEventTarget: null, defineEventHandler: null,
};
const EventEmitter = (() => {
  const kRejection = Symbol.for('nodejs.rejection');
  const kEmptyObject = Object.freeze(Object.create(null));
  let spliceOne;
  let kResistStopPropagation;
  const ERR_OUT_OF_RANGE = function (name, range, value) { return outOfRange(name, range, value); };
  const ERR_INVALID_ARG_TYPE = function (name, expected, value) { return invalidArgType(name, expected, value); };
  const ERR_INVALID_THIS = function (type) { return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`); };
  const ERR_UNHANDLED_ERROR = function (err = undefined) {
    return nodeError(Error, 'ERR_UNHANDLED_ERROR', err === undefined ? 'Unhandled error.' : `Unhandled error. (${err})`);
  };
  const genericNodeError = (message, props) => Object.assign(new Error(message), props);
  const validateString = (value, name) => { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); };
  const validateAbortSignal = (signal, name) => {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType(name, 'AbortSignal', signal);
    }
  };
  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      if (options !== undefined && typeof options !== 'object') throw invalidArgType('options', 'Object', options);
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }
  // Where two stack traces share a run of frames (Node's util/inspect helper).
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = Math.min(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  const kCapture = Symbol('kCapture');
  const kErrorMonitor = Symbol('events.errorMonitor');
  const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
  const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
  // Set by 31-async_hooks.js, which has AsyncResource.
  let lazyEventEmitterAsyncResource = () => undefined;

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }
  EventEmitter.addAbortListener = addAbortListener;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.getEventListeners = getEventListeners;
  EventEmitter.getMaxListeners = getMaxListeners;
  // Backwards-compat with node 0.10.x
  EventEmitter.EventEmitter = EventEmitter;

  EventEmitter.usingDomains = false;

  EventEmitter.captureRejectionSymbol = kRejection;
  Object.defineProperty(EventEmitter, 'captureRejections', {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');

      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
  });

  Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
    enumerable: true,
    get: () => lazyEventEmitterAsyncResource(),
    set: undefined,
    configurable: true,
  });

  EventEmitter.errorMonitor = kErrorMonitor;

  // The default for captureRejections is false
  Object.defineProperty(EventEmitter.prototype, kCapture, {
    value: false,
    writable: true,
    enumerable: false,
  });

  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;

  // By default EventEmitters will print a warning if more than 10 listeners are
  // added to it. This is a useful default which helps finding memory leaks.
  let defaultMaxListeners = 10;
  let isEventTarget;

  function checkListener(listener) {
    validateFunction(listener, 'listener');
  }

  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get: function() {
      return defaultMaxListeners;
    },
    set: function(arg) {
      if (typeof arg !== 'number' || arg < 0 || Number.isNaN(arg)) {
        throw new ERR_OUT_OF_RANGE('defaultMaxListeners',
                                   'a non-negative number',
                                   arg);
      }
      defaultMaxListeners = arg;
    },
  });

  Object.defineProperties(EventEmitter, {
    kMaxEventTargetListeners: {
        value: kMaxEventTargetListeners,
      enumerable: false,
      configurable: false,
      writable: false,
    },
    kMaxEventTargetListenersWarned: {
        value: kMaxEventTargetListenersWarned,
      enumerable: false,
      configurable: false,
      writable: false,
    },
  });

  EventEmitter.setMaxListeners =
    function(n = defaultMaxListeners, ...eventTargets) {
      if (typeof n !== 'number' || n < 0 || Number.isNaN(n))
        throw new ERR_OUT_OF_RANGE('n', 'a non-negative number', n);
      if (eventTargets.length === 0) {
        defaultMaxListeners = n;
      } else {
        if (isEventTarget === undefined)
          isEventTarget = eventTargetHooks.isEventTarget || (() => false);

        for (let i = 0; i < eventTargets.length; i++) {
          const target = eventTargets[i];
          if (isEventTarget(target)) {
            target[kMaxEventTargetListeners] = n;
            target[kMaxEventTargetListenersWarned] = false;
          } else if (typeof target.setMaxListeners === 'function') {
            target.setMaxListeners(n);
          } else {
            throw new ERR_INVALID_ARG_TYPE(
              'eventTargets',
              ['EventEmitter', 'EventTarget'],
              target);
          }
        }
      }
    };

  // If you're updating this function definition, please also update any
  // re-definitions, such as the one in the Domain module (lib/domain.js).
  EventEmitter.init = function(opts) {

    if (this._events === undefined ||
        this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }

    this._maxListeners = this._maxListeners || undefined;


    if (opts?.captureRejections) {
      validateBoolean(opts.captureRejections, 'options.captureRejections');
      this[kCapture] = Boolean(opts.captureRejections);
    } else {
      // Assigning the kCapture property directly saves an expensive
      // prototype lookup in a very sensitive hot path.
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  };

  function addCatch(that, promise, type, args) {
    if (!that[kCapture]) {
      return;
    }

    // Handle Promises/A+ spec, then could be a getter
    // that throws on second use.
    try {
      const then = promise.then;

      if (typeof then === 'function') {
        then.call(promise, undefined, function(err) {
          // The callback is called with nextTick to avoid a follow-up
          // rejection from this promise.
          process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
        });
      }
    } catch (err) {
      that.emit('error', err);
    }
  }

  function emitUnhandledRejectionOrErr(ee, err, type, args) {
    if (typeof ee[kRejection] === 'function') {
      ee[kRejection](err, type, ...args);
    } else {
      // We have to disable the capture rejections mechanism, otherwise
      // we might end up in an infinite loop.
      const prev = ee[kCapture];

      // If the error handler throws, it is not catchable and it
      // will end up in 'uncaughtException'. We restore the previous
      // value of kCapture in case the uncaughtException is present
      // and the exception is handled.
      try {
        ee[kCapture] = false;
        ee.emit('error', err);
      } finally {
        ee[kCapture] = prev;
      }
    }
  }

  EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
    if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
      throw new ERR_OUT_OF_RANGE('n', 'a non-negative number', n);
    }
    this._maxListeners = n;
    return this;
  };

  function _getMaxListeners(that) {
    if (that._maxListeners === undefined)
      return EventEmitter.defaultMaxListeners;
    return that._maxListeners;
  }

  EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
    return _getMaxListeners(this);
  };

  function enhanceStackTrace(err, own) {
    let ctorInfo = '';
    try {
      const { name } = this.constructor;
      if (name !== 'EventEmitter')
        ctorInfo = ` on ${name} instance`;
    } catch {
      // Continue regardless of error.
    }
    const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;

    const errStack = err.stack.split('\n').slice(1);
    const ownStack = own.stack.split('\n').slice(1);

    const { len, offset } = identicalSequenceRange(ownStack, errStack);
    if (len > 0) {
      ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
    }

    return err.stack + sep + ownStack.join('\n');
  }

  EventEmitter.prototype.emit = function emit(type, ...args) {
    let doError = (type === 'error');

    const events = this._events;
    if (events !== undefined) {
      if (doError && events[kErrorMonitor] !== undefined)
        this.emit(kErrorMonitor, ...args);
      doError = (doError && events.error === undefined);
    } else if (!doError)
      return false;

    // If there is no 'error' event listener then throw.
    if (doError) {
      let er;
      if (args.length > 0)
        er = args[0];
      if (er instanceof Error) {
        try {
          const capture = {};
          Error.captureStackTrace(capture, EventEmitter.prototype.emit);
          Object.defineProperty(er, kEnhanceStackBeforeInspector, {
                    value: enhanceStackTrace.bind(this, er, capture),
            configurable: true,
          });
        } catch {
          // Continue regardless of error.
        }

        // Note: The comments on the `throw` lines are intentional, they show
        // up in Node's output if this results in an unhandled exception.
        throw er; // Unhandled 'error' event
      }

      let stringifiedEr;
      try {
        stringifiedEr = inspect(er);
      } catch {
        stringifiedEr = er;
      }

      // At least give some kind of context to the user
      const err = new ERR_UNHANDLED_ERROR(stringifiedEr);
      err.context = er;
      throw err; // Unhandled 'error' event
    }

    const handler = events[type];

    if (handler === undefined)
      return false;

    if (typeof handler === 'function') {
      const result = handler.apply(this, args);

      // We check if result is undefined first because that
      // is the most common case so we do not pay any perf
      // penalty
      if (result !== undefined && result !== null) {
        addCatch(this, result, type, args);
      }
    } else {
      const len = handler.length;
      const listeners = arrayClone(handler);
      for (let i = 0; i < len; ++i) {
        const result = listeners[i].apply(this, args);

        // We check if result is undefined first because that
        // is the most common case so we do not pay any perf
        // penalty.
        // This code is duplicated because extracting it away
        // would make it non-inlineable.
        if (result !== undefined && result !== null) {
          addCatch(this, result, type, args);
        }
      }
    }

    return true;
  };

  function _addListener(target, type, listener, prepend) {
    let m;
    let events;
    let existing;

    checkListener(listener);

    events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else {
      // To avoid recursion in the case that type === "newListener"! Before
      // adding it to the listeners, first emit "newListener".
      if (events.newListener !== undefined) {
        target.emit('newListener', type,
                    listener.listener ?? listener);

        // Re-assign `events` because a newListener handler could have caused the
        // this._events to be assigned to a new object
        events = target._events;
      }
      existing = events[type];
    }

    if (existing === undefined) {
      // Optimize the case of one listener. Don't need the extra array object.
      events[type] = listener;
      ++target._eventsCount;
    } else {
      if (typeof existing === 'function') {
        // Adding the second element, need to change to array.
        existing = events[type] =
          prepend ? [listener, existing] : [existing, listener];
        // If we've already got an array, just append.
      } else if (prepend) {
        existing.unshift(listener);
      } else {
        existing.push(listener);
      }

      // Check for listener leak
      m = _getMaxListeners(target);
      if (m > 0 && existing.length > m && !existing.warned) {
        existing.warned = true;
        // No error code for this since it is a Warning
        const w = genericNodeError(
          `Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners ` +
          `added to ${inspect(target, { depth: -1 })}. Use emitter.setMaxListeners() to increase limit`,
          { name: 'MaxListenersExceededWarning', emitter: target, type: type, count: existing.length });
        process.emitWarning(w);
      }
    }

    return target;
  }

  EventEmitter.prototype.addListener = function addListener(type, listener) {
    return _addListener(this, type, listener, false);
  };

  EventEmitter.prototype.on = EventEmitter.prototype.addListener;

  EventEmitter.prototype.prependListener =
      function prependListener(type, listener) {
        return _addListener(this, type, listener, true);
      };

  function onceWrapper() {
    if (!this.fired) {
      this.target.removeListener(this.type, this.wrapFn);
      this.fired = true;
      if (arguments.length === 0)
        return this.listener.call(this.target);
      return this.listener.apply(this.target, arguments);
    }
  }

  function _onceWrap(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }

  EventEmitter.prototype.once = function once(type, listener) {
    checkListener(listener);

    this.on(type, _onceWrap(this, type, listener));
    return this;
  };

  EventEmitter.prototype.prependOnceListener =
      function prependOnceListener(type, listener) {
        checkListener(listener);

        this.prependListener(type, _onceWrap(this, type, listener));
        return this;
      };

  EventEmitter.prototype.removeListener =
      function removeListener(type, listener) {
        checkListener(listener);

        const events = this._events;
        if (events === undefined)
          return this;

        const list = events[type];
        if (list === undefined)
          return this;

        if (list === listener || list.listener === listener) {
          if (--this._eventsCount === 0)
            this._events = Object.create(null);
          else {
            delete events[type];
            if (events.removeListener)
              this.emit('removeListener', type, list.listener || listener);
          }
        } else if (typeof list !== 'function') {
          let position = -1;

          for (let i = list.length - 1; i >= 0; i--) {
            if (list[i] === listener || list[i].listener === listener) {
              position = i;
              break;
            }
          }

          if (position < 0)
            return this;

          if (position === 0)
            list.shift();
          else {
            if (spliceOne === undefined)
              spliceOne = (list, index) => { for (; index + 1 < list.length; index++) list[index] = list[index + 1]; list.pop(); };
            spliceOne(list, position);
          }

          if (list.length === 1)
            events[type] = list[0];

          if (events.removeListener !== undefined)
            this.emit('removeListener', type, listener);
        }

        return this;
      };

  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

  EventEmitter.prototype.removeAllListeners =
      function removeAllListeners(type) {
        const events = this._events;
        if (events === undefined)
          return this;

        // Not listening for removeListener, no need to emit
        if (events.removeListener === undefined) {
          if (arguments.length === 0) {
            this._events = Object.create(null);
            this._eventsCount = 0;
          } else if (events[type] !== undefined) {
            if (--this._eventsCount === 0)
              this._events = Object.create(null);
            else
              delete events[type];
          }
          return this;
        }

        // Emit removeListener for all listeners on all events
        if (arguments.length === 0) {
          for (const key of Reflect.ownKeys(events)) {
            if (key === 'removeListener') continue;
            this.removeAllListeners(key);
          }
          this.removeAllListeners('removeListener');
          this._events = Object.create(null);
          this._eventsCount = 0;
          return this;
        }

        const listeners = events[type];

        if (typeof listeners === 'function') {
          this.removeListener(type, listeners);
        } else if (listeners !== undefined) {
          // LIFO order
          for (let i = listeners.length - 1; i >= 0; i--) {
            this.removeListener(type, listeners[i]);
          }
        }

        return this;
      };

  function _listeners(target, type, unwrap) {
    const events = target._events;

    if (events === undefined)
      return [];

    const evlistener = events[type];
    if (evlistener === undefined)
      return [];

    if (typeof evlistener === 'function')
      return unwrap ? [evlistener.listener || evlistener] : [evlistener];

    return unwrap ?
      unwrapListeners(evlistener) : arrayClone(evlistener);
  }

  EventEmitter.prototype.listeners = function listeners(type) {
    return _listeners(this, type, true);
  };

  EventEmitter.prototype.rawListeners = function rawListeners(type) {
    return _listeners(this, type, false);
  };

  EventEmitter.listenerCount = function(emitter, type) {
    if (typeof emitter.listenerCount === 'function') {
      return emitter.listenerCount(type);
    }
    return listenerCount.call(emitter, type);
  };

  EventEmitter.prototype.listenerCount = listenerCount;

  function listenerCount(type, listener) {
    const events = this._events;

    if (events !== undefined) {
      const evlistener = events[type];

      if (typeof evlistener === 'function') {
        if (listener != null) {
          return listener === evlistener || listener === evlistener.listener ? 1 : 0;
        }

        return 1;
      } else if (evlistener !== undefined) {
        if (listener != null) {
          let matching = 0;

          for (let i = 0, l = evlistener.length; i < l; i++) {
            if (evlistener[i] === listener || evlistener[i].listener === listener) {
              matching++;
            }
          }

          return matching;
        }

        return evlistener.length;
      }
    }

    return 0;
  }

  EventEmitter.prototype.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  function arrayClone(arr) {
    // At least since V8 8.3, this implementation is faster than the previous
    // which always used a simple for-loop
    switch (arr.length) {
      case 2: return [arr[0], arr[1]];
      case 3: return [arr[0], arr[1], arr[2]];
      case 4: return [arr[0], arr[1], arr[2], arr[3]];
      case 5: return [arr[0], arr[1], arr[2], arr[3], arr[4]];
      case 6: return [arr[0], arr[1], arr[2], arr[3], arr[4], arr[5]];
    }
    return arr.slice();
  }

  function unwrapListeners(arr) {
    const ret = arrayClone(arr);
    for (let i = 0; i < ret.length; ++i) {
      const orig = ret[i].listener;
      if (typeof orig === 'function')
        ret[i] = orig;
    }
    return ret;
  }

  function getEventListeners(emitterOrTarget, type) {
    // First check if EventEmitter
    if (typeof emitterOrTarget.listeners === 'function') {
      return emitterOrTarget.listeners(type);
    }
    // EventTargets (12-web.js) list theirs through eventTargetHooks.
    if (eventTargetHooks.isEventTarget && eventTargetHooks.isEventTarget(emitterOrTarget)) {
      return eventTargetHooks.listeners(emitterOrTarget, type);
    }
    throw new ERR_INVALID_ARG_TYPE('emitter',
                                   ['EventEmitter', 'EventTarget'],
                                   emitterOrTarget);
  }

  function getMaxListeners(emitterOrTarget) {
    if (typeof emitterOrTarget?.getMaxListeners === 'function') {
      return _getMaxListeners(emitterOrTarget);
    } else if (emitterOrTarget?.[kMaxEventTargetListeners]) {
      return emitterOrTarget[kMaxEventTargetListeners];
    }

    throw new ERR_INVALID_ARG_TYPE('emitter',
                                   ['EventEmitter', 'EventTarget'],
                                   emitterOrTarget);
  }

  async function once(emitter, name, options = kEmptyObject) {
    const signal = options?.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted)
      throw new AbortError(undefined, { cause: signal?.reason });
    return new Promise((resolve, reject) => {
      const errorListener = (err) => {
        emitter.removeListener(name, resolver);
        if (signal != null) {
          eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
        }
        reject(err);
      };
      const resolver = (...args) => {
        if (typeof emitter.removeListener === 'function') {
          emitter.removeListener('error', errorListener);
        }
        if (signal != null) {
          eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
        }
        resolve(args);
      };

      kResistStopPropagation ??= eventTargetHooks.kResistStopPropagation || Symbol('kResistStopPropagation');
      const opts = { once: true, [kResistStopPropagation]: true };
      eventTargetAgnosticAddListener(emitter, name, resolver, opts);
      if (name !== 'error' && typeof emitter.once === 'function') {
        // EventTarget does not have `error` event semantics like Node
        // EventEmitters, we listen to `error` events only on EventEmitters.
        emitter.once('error', errorListener);
      }
      function abortListener() {
        eventTargetAgnosticRemoveListener(emitter, name, resolver);
        eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
        reject(new AbortError(undefined, { cause: signal?.reason }));
      }
      if (signal != null) {
        eventTargetAgnosticAddListener(
          signal, 'abort', abortListener, { once: true, [kResistStopPropagation]: true });
      }
    });
  }

  const AsyncIteratorPrototype = Object.getPrototypeOf(
    Object.getPrototypeOf(async function* () {}).prototype);

  function createIterResult(value, done) {
    return { value, done };
  }

  function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
    if (typeof emitter.removeListener === 'function') {
      emitter.removeListener(name, listener);
    } else if (typeof emitter.removeEventListener === 'function') {
      emitter.removeEventListener(name, listener, flags);
    } else {
      throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
    }
  }

  function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
    if (typeof emitter.on === 'function') {
      if (flags?.once) {
        emitter.once(name, listener);
      } else {
        emitter.on(name, listener);
      }
    } else if (typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, listener, flags);
    } else {
      throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
    }
  }

  function on(emitter, event, options = kEmptyObject) {
    const signal = options?.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted)
      throw new AbortError(undefined, { cause: signal?.reason });

    const unconsumedEvents = [];
    const unconsumedPromises = [];
    let error = null;
    let finished = false;

    const iterator = Object.setPrototypeOf({
      next() {
        // First, we consume all unread events
        const value = unconsumedEvents.shift();
        if (value) {
          return Promise.resolve(createIterResult(value, false));
        }

        // Then we error, if an error happened
        // This happens one time if at all, because after 'error'
        // we stop listening
        if (error) {
          const p = Promise.reject(error);
          // Only the first element errors
          error = null;
          return p;
        }

        // If the iterator is finished, resolve to done
        if (finished) {
          return Promise.resolve(createIterResult(undefined, true));
        }

        // Wait until an event happens
        return new Promise(function(resolve, reject) {
          unconsumedPromises.push({ resolve, reject });
        });
      },

      return() {
        eventTargetAgnosticRemoveListener(emitter, event, eventHandler);
        eventTargetAgnosticRemoveListener(emitter, 'error', errorHandler);

        if (signal) {
          eventTargetAgnosticRemoveListener(
            signal,
            'abort',
            abortListener,
            { once: true });
        }

        finished = true;

        for (const promise of unconsumedPromises) {
          promise.resolve(createIterResult(undefined, true));
        }

        return Promise.resolve(createIterResult(undefined, true));
      },

      throw(err) {
        if (!err || !(err instanceof Error)) {
          throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator',
                                         'Error', err);
        }
        error = err;
        eventTargetAgnosticRemoveListener(emitter, event, eventHandler);
        eventTargetAgnosticRemoveListener(emitter, 'error', errorHandler);
      },

      [Symbol.asyncIterator]() {
        return this;
      },
    }, AsyncIteratorPrototype);

    eventTargetAgnosticAddListener(emitter, event, eventHandler);
    if (event !== 'error' && typeof emitter.on === 'function') {
      emitter.on('error', errorHandler);
    }

    if (signal) {
      kResistStopPropagation ??= eventTargetHooks.kResistStopPropagation || Symbol('kResistStopPropagation');
      eventTargetAgnosticAddListener(
        signal,
        'abort',
        abortListener,
        { once: true, [kResistStopPropagation]: true });
    }

    function abortListener() {
      errorHandler(new AbortError(undefined, { cause: signal?.reason }));
    }

    function eventHandler(...args) {
      const promise = unconsumedPromises.shift();
      if (promise) {
        promise.resolve(createIterResult(args, false));
      } else {
        unconsumedEvents.push(args);
      }
    }

    function errorHandler(err) {
      finished = true;

      const toError = unconsumedPromises.shift();

      if (toError) {
        toError.reject(err);
      } else {
        // The next time we call next()
        error = err;
      }

      iterator.return();
    }
    return iterator;
  }

  function addAbortListener(signal, listener) {
    if (signal === undefined) {
      throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
    }
    validateAbortSignal(signal, 'signal');
    validateFunction(listener, 'listener');

    let removeEventListener;
    if (signal.aborted) {
      Promise.resolve().then(() => listener());
    } else {
      kResistStopPropagation ??= eventTargetHooks.kResistStopPropagation || Symbol('kResistStopPropagation');
      // Resists stopImmediatePropagation, as Node 18's addAbortListener does; the returned
      // disposable removes the listener.
      signal.addEventListener('abort', listener, { once: true, [kResistStopPropagation]: true });
      removeEventListener = () => {
        signal.removeEventListener('abort', listener);
      };
    }
    return {
        [Symbol.dispose]() {
        removeEventListener?.();
      },
    };
  }

  EventEmitter.kCapture = kCapture;
  EventEmitter.setLazyAsyncResource = (fn) => { lazyEventEmitterAsyncResource = fn; };
  return EventEmitter;
})();
// fe-internal hooks are not part of the module's surface.
const kEventsCapture = EventEmitter.kCapture;
const setLazyEventEmitterAsyncResource = EventEmitter.setLazyAsyncResource;
delete EventEmitter.kCapture;
delete EventEmitter.setLazyAsyncResource;
