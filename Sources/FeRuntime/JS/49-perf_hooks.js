// perf_hooks and the global performance: Node's own lib/perf_hooks.js and lib/internal/perf/
// (NodeLib/), over fe's stand-in for their native binding, internalBinding('performance'): the
// milestones, the loop's idle time (the event loop's own count, op_loop_metrics), observer
// counts and the histograms. Node's globalThis.performance is a replaceable lazy attribute: the
// files compile when it is first read.
// Uses from earlier files: 00-core.js (core, define); 01-inspect.js (format); 02-errors.js (nodeError); 03-loop.js (setInterval, setImmediate); 05-process.js (process, startTime); 10-builtins.js (util, registerLazyBuiltin, requireBuiltin); 27-http.js (http); 43-nodelib.js (nodeLib).
(() => {
  const { bindings, internals, errorCodes, codeClass } = nodeLib;
  Object.assign(errorCodes, {
    ERR_INVALID_THIS: codeClass(TypeError, 'ERR_INVALID_THIS', (type) => `Value of "this" must be of type ${type}`),
    ERR_PERFORMANCE_INVALID_TIMESTAMP: codeClass(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP',
      (value) => format('%d is not a valid timestamp', value)),
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS: codeClass(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', (message) => message),
  });

  // node_perf_common.h's entry types and milestones (hidden constants), and the public GC ones.
  const entryTypes = ['GC', 'HTTP', 'HTTP2', 'NET', 'DNS'];
  const milestoneNames = ['TIME_ORIGIN', 'TIME_ORIGIN_TIMESTAMP', 'ENVIRONMENT', 'NODE_START', 'V8_START',
    'LOOP_START', 'LOOP_EXIT', 'BOOTSTRAP_COMPLETE'];
  const constants = {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16, NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  };
  entryTypes.forEach((name, i) => define(constants, `NODE_PERFORMANCE_ENTRY_TYPE_${name}`, i));
  milestoneNames.forEach((name, i) => define(constants, `NODE_PERFORMANCE_MILESTONE_${name}`, i));
  const milestone = (name) => milestoneNames.indexOf(name);

  const INT64_MAX = 9223372036854775807n;
  // The native histogram (HdrHistogram in Node), keeping every value exactly: a value's count
  // by value. Percentiles follow hdr_value_at_percentile and hdr_iter_percentile.
  class Histogram {
    constructor(lowest = 1, highest = Number.MAX_SAFE_INTEGER) {
      this.highest = BigInt(highest);
      this.reset();
    }
    reset() {
      this.counts = new Map();
      this.total = 0;
      this.exceedCount = 0;
      this.minValue = INT64_MAX;
      this.maxValue = 0n;
      this.prev = 0;
    }
    record(value) {
      value = BigInt(value);
      if (value < 1n || value > this.highest) { this.exceedCount++; return; }
      this.counts.set(value, (this.counts.get(value) || 0) + 1);
      this.total++;
      if (value < this.minValue) this.minValue = value;
      if (value > this.maxValue) this.maxValue = value;
    }
    // The time since the previous call, in nanoseconds (the first call only starts the clock).
    recordDelta() {
      const now = ops.op_hrtime();
      if (this.prev > 0) {
        const delta = Math.round(now - this.prev);
        if (delta > 0) this.record(delta);
      }
      this.prev = now;
    }
    add(other) {
      for (const [value, n] of other.counts) for (let i = 0; i < n; i++) this.record(value);
      this.exceedCount += other.exceedCount;
    }
    sorted() { return [...this.counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); }
    count() { return this.total; }
    countBigInt() { return BigInt(this.total); }
    min() { return Number(this.minValue); }
    minBigInt() { return this.minValue; }
    max() { return Number(this.maxValue); }
    maxBigInt() { return this.maxValue; }
    exceeds() { return this.exceedCount; }
    exceedsBigInt() { return BigInt(this.exceedCount); }
    mean() {
      if (this.total === 0) return NaN;
      let sum = 0;
      for (const [value, n] of this.counts) sum += Number(value) * n;
      return sum / this.total;
    }
    stddev() {
      if (this.total === 0) return NaN;
      const mean = this.mean();
      let sum = 0;
      for (const [value, n] of this.counts) sum += (Number(value) - mean) ** 2 * n;
      return Math.sqrt(sum / this.total);
    }
    percentileBigInt(percentile) {
      const wanted = Math.max(1, Math.floor((Math.min(percentile, 100) / 100) * this.total + 0.5));
      let seen = 0;
      for (const [value, n] of this.sorted()) {
        seen += n;
        if (seen >= wanted) return value;
      }
      return 0n;
    }
    percentile(percentile) { return Number(this.percentileBigInt(percentile)); }
    // Percentile -> value at the steps HdrHistogram's percentile iterator reports (one tick per
    // half distance to 100), ending with 100.
    percentilesBigInt(map) {
      let to = 0, seen = 0;
      for (const [value, n] of this.sorted()) {
        seen += n;
        while (to <= (100 * seen) / this.total && seen < this.total) {
          map.set(to, value);
          to += 100 / 2 ** (Math.floor(Math.log2(100 / (100 - to))) + 1);
        }
      }
      map.set(100, this.maxValue);
    }
    percentiles(map) {
      const big = new Map();
      this.percentilesBigInt(big);
      for (const [key, value] of big) map.set(key, Number(value));
    }
  }
  // monitorEventLoopDelay's histogram: the delay between timer callbacks every `resolution` ms.
  class ELDHistogram extends Histogram {
    constructor(resolution) {
      super();
      this.resolution = resolution;
      this.timer = null;
    }
    start() {
      this.prev = 0;
      this.timer = setInterval(() => this.recordDelta(), this.resolution);
      this.timer.unref();
    }
    stop() {
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
    }
  }

  // observe.js's observerCallback(name, type, startTime, duration, details), given to setupObservers.
  let observerCallback = null;
  function gcEntries(records) {
    if (observerCallback === null) return;
    const entries = records.map((r) => ['gc', 'gc', (r.startNs - startTime) / 1e6, (r.endNs - r.startNs) / 1e6,
      { kind: r.kind, flags: r.flags }]);
    const immediate = setImmediate(() => { for (const entry of entries) observerCallback(...entry); });
    immediate.unref();
  }
  bindings.performance = () => {
    // Nanoseconds on the hrtime clock, -1 for one not reached. fe's bootstrap is in its
    // snapshot: the process is set up, with V8 and the environment, when launch setup ends.
    const milestones = new Array(milestoneNames.length).fill(-1);
    for (const name of ['ENVIRONMENT', 'NODE_START', 'V8_START', 'BOOTSTRAP_COMPLETE']) milestones[milestone(name)] = startTime;
    // The loop's start, read when asked: it starts after the main script has run.
    Object.defineProperty(milestones, milestone('LOOP_START'), { get: () => ops.op_loop_metrics()[0], enumerable: true });
    let timeOriginTimestamp;
    return {
      constants,
      milestones,
      observerCounts: new Uint32Array(entryTypes.length),
      getTimeOrigin: () => startTime / 1e6,
      getTimeOriginTimestamp() {
        timeOriginTimestamp ??= Date.now() - (ops.op_hrtime() - startTime) / 1e6;
        return timeOriginTimestamp;
      },
      loopIdleTime: () => ops.op_loop_metrics()[1] / 1e6,
      // 'gc' entries: one per collection, from V8's records (38-v8.js), delivered from an
      // unrefed immediate as Node's PerformanceGCCallback delivers them.
      installGarbageCollectionTracking() { core.gcTracking.add(gcEntries); },
      removeGarbageCollectionTracking() { core.gcTracking.delete(gcEntries); },
      // Native code calls the observer back for the entries it makes (gc, http2): fe makes
      // its entries in JS, the others where it makes them.
      setupObservers(callback) { observerCallback = callback; },
      Histogram,
      createELDHistogram: (resolution) => new ELDHistogram(resolution),
    };
  };

  // Node's hasObserver/startPerf/stopPerf (internal/perf/observe) for the entries fe's own
  // modules make ('net' connects, 'http' requests): nothing is loaded while nobody observes.
  core.perf = {
    hasObserver(type) {
      const binding = bindings.performance;
      const index = entryTypes.indexOf(String(type).toUpperCase());
      return typeof binding === 'object' && index >= 0 && binding.observerCounts[index] > 0;
    },
    startPerf: (target, key, context) => nodeLib.load('internal/perf/observe').startPerf(target, key, context),
    stopPerf: (target, key, context) => nodeLib.load('internal/perf/observe').stopPerf(target, key, context),
  };

  Object.assign(internals, {
    'internal/structured_clone': () => ({ structuredClone: globalThis.structuredClone }),
    'internal/worker/js_transferable': () => ({ ...core.jsTransferable }),
    'internal/assert': () => {
      const assert = (value, message) => {
        if (!value) throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', message || 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.');
      };
      assert.fail = (message) => assert(false, message);
      return assert;
    },
  });
  const utilStandIn = internals['internal/util'];
  internals['internal/util'] = () => Object.assign(utilStandIn(), {
    lazyDOMException: (message, name) => new DOMException(message, name),
  });
  const eventTarget = internals['internal/event_target'];
  internals['internal/event_target'] = () => Object.assign(eventTarget(), {
    EventTarget, Event, kTrustEvent: Symbol('kTrustEvent'),
  });

  registerLazyBuiltin('perf_hooks', () => nodeLib.load('perf_hooks'));
  // Node's defineReplaceableLazyAttribute(globalThis, 'perf_hooks', ['performance']).
  let performance, replaced = false;
  Object.defineProperty(globalThis, 'performance', {
    enumerable: true,
    configurable: true,
    get: function performanceGetter() {
      if (!replaced) performance ??= requireBuiltin('perf_hooks').performance;
      return performance;
    },
    set: function performanceSetter(value) { replaced = true; performance = value; },
  });
  Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, 'performance').get, 'name', { value: 'get performance' });
  Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, 'performance').set, 'name', { value: 'set performance' });
})();
