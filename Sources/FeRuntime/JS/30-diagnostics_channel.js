// diagnostics_channel: named channels that publish to subscribers, as Node 18.20's (channel,
// subscribe/unsubscribe, hasSubscribers, bindStore/runStores, tracingChannel). A subscriber that
// throws does not stop the others: its error is rethrown on the next tick, as Node does.
// Uses from earlier files: 02-errors.js (invalidArgType, validateFunction); 05-process.js (process); 10-builtins.js (registerBuiltin).
const diagnosticsChannel = (() => {
  class Channel {
    constructor(name) {
      this._subscribers = [];
      this._stores = new Map();
      this.name = name;
    }
    static [Symbol.hasInstance](instance) {
      return instance !== null && typeof instance === 'object' && Array.isArray(instance._subscribers) && instance._stores instanceof Map;
    }
    get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
    subscribe(subscription) {
      validateFunction(subscription, 'subscription');
      this._subscribers = [...this._subscribers, subscription];
    }
    unsubscribe(subscription) {
      const index = this._subscribers.indexOf(subscription);
      if (index === -1) return false;
      this._subscribers = [...this._subscribers.slice(0, index), ...this._subscribers.slice(index + 1)];
      return true;
    }
    bindStore(store, transform) { this._stores.set(store, transform); }
    unbindStore(store) { return this._stores.delete(store); }
    publish(data) {
      for (const onMessage of this._subscribers) {
        try {
          onMessage(data, this.name);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
    }
    runStores(data, fn, thisArg, ...args) {
      let run = () => {
        this.publish(data);
        return Reflect.apply(fn, thisArg, args);
      };
      for (const [store, transform] of this._stores) {
        const next = run;
        run = () => {
          let value = data;
          if (transform !== undefined) {
            try { value = transform(data); } catch (err) { process.nextTick(() => { throw err; }); return next(); }
          }
          return store.run(value, next);
        };
      }
      return run();
    }
  }

  const channels = new Map();
  function channel(name) {
    if (typeof name !== 'string' && typeof name !== 'symbol') throw invalidArgType('channel', ['string', 'symbol'], name);
    let c = channels.get(name);
    if (c === undefined) channels.set(name, c = new Channel(name));
    return c;
  }
  const subscribe = (name, subscription) => channel(name).subscribe(subscription);
  const unsubscribe = (name, subscription) => channel(name).unsubscribe(subscription);
  function hasSubscribers(name) {
    const c = channels.get(name);
    return c !== undefined && c.hasSubscribers;
  }

  const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];
  class TracingChannel {
    constructor(nameOrChannels) {
      for (const event of traceEvents) {
        let c;
        if (typeof nameOrChannels === 'string') c = channel(`tracing:${nameOrChannels}:${event}`);
        else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
          c = nameOrChannels[event];
          if (!(c instanceof Channel)) throw invalidArgType(`nameOrChannels.${event}`, 'Channel', c);
        } else throw invalidArgType('nameOrChannels', ['string', 'object', 'Channel'], nameOrChannels);
        Object.defineProperty(this, event, { value: c, enumerable: true });
      }
    }
    subscribe(handlers) { for (const event of traceEvents) if (handlers[event]) this[event].subscribe(handlers[event]); }
    unsubscribe(handlers) {
      let done = true;
      for (const event of traceEvents) if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
      return done;
    }
    // Runs `body` with the start channel's stores bound; an error thrown is published on `error`,
    // and `end` is published either way.
    _traced(context, body) {
      const { start, end, error } = this;
      return start.runStores(context, () => {
        try {
          return body();
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
    traceSync(fn, context = {}, thisArg, ...args) {
      return this._traced(context, () => {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      });
    }
    tracePromise(fn, context = {}, thisArg, ...args) {
      const { asyncStart, asyncEnd, error } = this;
      const reject = (err) => {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return Promise.reject(err);
      };
      const resolve = (result) => {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      };
      return this._traced(context, () => {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      });
    }
    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      const { asyncStart, asyncEnd, error } = this;
      const callback = args.at(position);
      validateFunction(callback, 'callback');
      function wrappedCallback(err, res) {
        if (err) {
          context.error = err;
          error.publish(context);
        } else {
          context.result = res;
        }
        asyncStart.runStores(context, () => {
          try {
            return Reflect.apply(callback, this, arguments);
          } finally {
            asyncEnd.publish(context);
          }
        });
      }
      args.splice(position, 1, wrappedCallback);
      return this._traced(context, () => Reflect.apply(fn, thisArg, args));
    }
  }
  const tracingChannel = (nameOrChannels) => new TracingChannel(nameOrChannels);

  return { channel, hasSubscribers, subscribe, unsubscribe, tracingChannel, Channel };
})();
registerBuiltin('diagnostics_channel', diagnosticsChannel);
