// EventEmitter (Node semantics for on/once/off/emit/prepend/listeners, 'error' without listener throws)
// A function, as Node's: old code calls it as one (`EventEmitter.call(this)` with util.inherits),
// and its prototype methods are enumerable, as Node's are (assigned from the class below).
// Uses from earlier files: 01-inspect.js (inspect); 02-errors.js (typeError); 03-loop.js (describe).
function EventEmitter(opts) { EventEmitter.init.call(this, opts); }
EventEmitter.init = function init() {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
};
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
class EventEmitterMethods {
  _list(name) { if (!this._events) this._events = Object.create(null); return this._events[name] || (this._events[name] = []); }
  on(name, fn) { return this.addListener(name, fn); }
  addListener(name, fn) {
    if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "listener" argument must be of type function. Received${describe(fn)}`);
    if (this._events && this._events.newListener) this.emit('newListener', name, fn.listener || fn);
    this._list(name).push(fn); return this;
  }
  prependListener(name, fn) { this._list(name).unshift(fn); return this; }
  once(name, fn) {
    const w = (...a) => { this.removeListener(name, w); return fn.apply(this, a); };
    w.listener = fn; return this.on(name, w);
  }
  prependOnceListener(name, fn) {
    const w = (...a) => { this.removeListener(name, w); return fn.apply(this, a); };
    w.listener = fn; return this.prependListener(name, w);
  }
  off(name, fn) { return this.removeListener(name, fn); }
  removeListener(name, fn) {
    const l = this._events && this._events[name];
    if (!l) return this;
    for (let i = l.length - 1; i >= 0; i--) {
      if (l[i] === fn || l[i].listener === fn) {
        l.splice(i, 1);
        if (l.length === 0) delete this._events[name];
        if (this._events.removeListener) this.emit('removeListener', name, fn);
        break;
      }
    }
    return this;
  }
  removeAllListeners(name) {
    if (!this._events) return this;
    if (name === undefined) this._events = Object.create(null); else delete this._events[name];
    return this;
  }
  emit(name, ...args) {
    const l = this._events && this._events[name];
    if (!l || l.length === 0) {
      if (name === 'error') {
        const er = args[0];
        if (er instanceof Error) throw er;
        const e = new Error(`Unhandled error. (${inspect(er)})`);
        e.code = 'ERR_UNHANDLED_ERROR'; e.context = er; throw e;
      }
      return false;
    }
    for (const fn of [...l]) fn.apply(this, args);
    return true;
  }
  listenerCount(name) { const l = this._events && this._events[name]; return l ? l.length : 0; }
  listeners(name) { const l = this._events && this._events[name]; return l ? l.map((f) => f.listener || f) : []; }
  rawListeners(name) { const l = this._events && this._events[name]; return l ? [...l] : []; }
  eventNames() { return this._events ? Reflect.ownKeys(this._events) : []; }
  setMaxListeners(n) { this._maxListeners = n; return this; }
  getMaxListeners() { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; }
}
for (const key of Object.getOwnPropertyNames(EventEmitterMethods.prototype)) {
  if (key !== 'constructor') EventEmitter.prototype[key] = EventEmitterMethods.prototype[key];
}
EventEmitter.defaultMaxListeners = 10;
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.once = (emitter, name) => new Promise((resolve, reject) => {
  const onError = (e) => { emitter.removeListener(name, onResult); reject(e); };
  const onResult = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
  emitter.once(name, onResult);
  if (name !== 'error') emitter.once('error', onError);
});
