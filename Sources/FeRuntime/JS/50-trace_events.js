// Trace events: Node's tracing agent (src/tracing/agent.cc, node_trace_writer.cc, the
// trace_events binding) and require('trace_events') (Node's lib/trace_events.js, vendored). The
// enabled categories are the command line's (--trace-event-categories; --trace-events-enabled
// means v8,node,node.async_hooks) and every enabled Tracing's; an event is recorded when one
// category of its comma-separated group is enabled, as V8's TraceConfig decides, and metadata
// ('__metadata') always. Events are kept in memory and written as Chrome's JSON trace,
// {"traceEvents":[...]}, to --trace-event-file-pattern (${pid}, ${rotation} = 1) in the current
// directory once the process has emitted 'exit' (process.exit() too); a worker's go to its parent
// when it ends. The runtime's instrumented places check their traceOn flag (00-core.js). The `v8`
// category's events are V8's own tracing controller's, which fe's V8 has no platform hook for:
// none are written.
// Uses from earlier files: 00-core.js (core, builtins, traceOn, check); 02-errors.js (invalidArgType); 03-loop.js (asyncHooks); 05-process.js (process, startTime); 06-console.js (console); 07-path.js (path); 08-fs.js (then, fsSync, fs); 10-builtins.js (registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer); 27-http.js (http); 43-nodelib.js (nodeLib).
(() => {
  const { bindings, internals, errorCodes, codeClass } = nodeLib;
  Object.assign(errorCodes, {
    ERR_TRACE_EVENTS_CATEGORY_REQUIRED: codeClass(TypeError, 'ERR_TRACE_EVENTS_CATEGORY_REQUIRED', () => 'At least one category is required'),
    ERR_TRACE_EVENTS_UNAVAILABLE: codeClass(Error, 'ERR_TRACE_EVENTS_UNAVAILABLE', () => 'Trace events are unavailable'),
  });
  // The category group each traceOn flag stands for (Node's TRACING_CATEGORY_NODE1/2).
  const groups = {
    bootstrap: 'node,node.bootstrap', console: 'node,node.console', environment: 'node,node.environment',
    fsSync: 'node,node.fs,node.fs.sync', fsAsync: 'node,node.fs,node.fs.async',
    fsDirSync: 'node,node.fs_dir,node.fs_dir.sync', fsDirAsync: 'node,node.fs_dir,node.fs_dir.async',
    http: 'node,node.http', net: 'node,node.net,node.net.native', dns: 'node,node.dns,node.dns.native',
    promises: 'node,node.promises,node.promises.rejections', vm: 'node,node.vm,node.vm.script',
  };
  const kAsyncHooksGroup = 'node,node.async_hooks';
  const kEnvironment = groups.environment;
  const kBootstrap = groups.bootstrap;
  const clients = new Map(); // a client (the command line, a CategorySet, a session) -> its categories
  let enabled = new Set();
  const groupCache = new Map(); // category group -> whether it is enabled
  let started = false; // the agent records events (some client was enabled)
  let fileWriter = false; // Node's StartTracingAgent: the trace file is written at the end
  let filePattern = 'node_trace.${rotation}.log';
  let startCwd = '';
  // [phase, category group, name, id (hex) or undefined, args (JSON text), ts, dur], in order.
  const events = [];
  const metadata = [];
  // Events of workers that ended, as JSON texts (their thread ids in them).
  const fromWorkers = [];
  const nowUs = () => Math.floor(ops.op_hrtime() / 1000);

  function groupEnabled(group) {
    let on = groupCache.get(group);
    if (on === undefined) {
      on = false;
      if (started) {
        for (const category of group.split(',')) {
          if (enabled.has(category)) { on = true; break; }
        }
      }
      groupCache.set(group, on);
    }
    return on;
  }

  function record(phase, group, name, id, args, ts = nowUs(), dur = 0) {
    events.push([phase, group, name, id, args === undefined ? '{}' : JSON.stringify(args), ts, dur]);
  }
  // traceOn.emit: an event of the runtime's own instrumentation (ids are positive numbers).
  function emit(phase, group, name, id, args, ts, dur) {
    if (!started) return;
    record(phase, group, name, id === undefined ? undefined : id.toString(16), args, ts, dur);
  }
  function addMetadata(name, args, threadId) {
    metadata.push(['M', '__metadata', name, undefined, JSON.stringify(args), nowUs(), 0, threadId]);
  }
  // A scope's complete event ('X', Node's TRACE_EVENT0), from `ts` to now.
  function complete(group, name, ts) {
    if (groupEnabled(group)) record('X', group, name, undefined, undefined, ts, nowUs() - ts);
  }

  // Node's async_hooks trace events (lib/internal/trace_events_async_hooks.js; its C++ side
  // traces Node's native resources the same way, and every fe resource is a JS one).
  let asyncHooksTrace = null;
  function createAsyncHooksTrace() {
    const asyncHooks = requireBuiltin('async_hooks');
    const typeMemory = new Map();
    const hook = asyncHooks.createHook({
      init(asyncId, type, triggerAsyncId) {
        typeMemory.set(asyncId, type);
        emit('b', kAsyncHooksGroup, type, asyncId, { data: { triggerAsyncId, executionAsyncId: asyncHooks.executionAsyncId() } });
      },
      before(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type !== undefined) emit('b', kAsyncHooksGroup, `${type}_CALLBACK`, asyncId);
      },
      after(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type !== undefined) emit('e', kAsyncHooksGroup, `${type}_CALLBACK`, asyncId);
      },
      destroy(asyncId) {
        const type = typeMemory.get(asyncId);
        if (type === undefined) return;
        emit('e', kAsyncHooksGroup, type, asyncId);
        typeMemory.delete(asyncId);
      },
    });
    let on = false;
    return {
      enable() { if (!on) { on = true; hook.enable(); } },
      disable() { if (on) { on = false; hook.disable(); typeMemory.clear(); } },
    };
  }
  // Node's toggleTraceCategoryState (internal/process/per_thread.js), the environment's trace
  // state handler until setTraceCategoryStateUpdateHandler replaces it.
  function toggleTraceCategoryState(asyncHooksEnabled) {
    if (asyncHooksEnabled) {
      asyncHooksTrace ??= createAsyncHooksTrace();
      asyncHooksTrace.enable();
    } else if (asyncHooksTrace !== null) {
      asyncHooksTrace.disable();
    }
  }
  let stateUpdateHandler = toggleTraceCategoryState;

  // The enabled categories changed: the flags, and the environment's handler with whether
  // node.async_hooks is on (Node's TrackingTraceStateObserver).
  function update() {
    enabled = new Set();
    for (const categories of clients.values()) for (const category of categories) enabled.add(category);
    groupCache.clear();
    let fs = false;
    for (const key of Object.keys(groups)) {
      traceOn[key] = groupEnabled(groups[key]);
      if (key.startsWith('fs') && traceOn[key]) fs = true;
    }
    traceOn.fs = fs || traceOn.syncIO;
    if (typeof stateUpdateHandler === 'function') stateUpdateHandler(groupEnabled(kAsyncHooksGroup));
  }

  // The OS's id of the calling thread (Linux: /proc/thread-self is pid/task/tid), and those of
  // the process's threads with a given name prefix (V8's platform workers).
  function osThreadId() {
    const link = ops.op_fs_readlink('/proc/thread-self');
    const m = typeof link === 'string' ? /\/task\/(\d+)$/.exec(link) : null;
    return m ? Number(m[1]) : process.pid;
  }
  function threadsNamed(prefix) {
    const tasks = ops.op_fs_readdir('/proc/self/task');
    if (!Array.isArray(tasks)) return [];
    const found = [];
    for (const [task] of tasks) {
      const comm = ops.op_fs_read(`/proc/self/task/${task}/comm`);
      if (comm instanceof Uint8Array && Buffer.from(comm).toString('latin1').startsWith(prefix)) found.push(Number(task));
    }
    return found.sort((a, b) => a - b);
  }
  let tid = 0;
  function start(fromCommandLine) {
    if (started) return;
    started = true;
    traceOn.emit = emit;
    tid = osThreadId();
    startCwd = process.cwd();
    update();
    // NodeTraceStateObserver::OnTraceEnabled: what the process is, once.
    if (typeof process.title === 'string' && process.title !== '') addMetadata('process_name', { name: process.title });
    addMetadata('version', { node: process.versions.node });
    addMetadata('thread_name', { name: 'JavaScriptMainThread' });
    const release = { name: process.release.name };
    if (process.release.lts) release.lts = process.release.lts;
    addMetadata('node', { process: { versions: { ...process.versions }, arch: process.arch, platform: process.platform, release } });
    // The platform's worker threads (V8's, here) name themselves as they start, which they do
    // after tracing started from the command line (node_platform.cc).
    if (fromCommandLine) for (const id of threadsNamed('V8 DefaultWorke')) addMetadata('thread_name', { name: 'PlatformWorkerThread' }, id);
    // process.title = ... names the process again (node_process_methods.cc SetProcessTitle).
    const titleProperty = Object.getOwnPropertyDescriptor(process, 'title');
    if (titleProperty?.set) {
      Object.defineProperty(process, 'title', {
        ...titleProperty,
        set(value) {
          titleProperty.set.call(this, value);
          if (started) addMetadata('process_name', { name: process.title });
        },
      });
    }
    // The environment's scopes (env.cc) and the loop's milestones (node_perf.cc), around the
    // runtime's entry points from the loop; unchanged while tracing is off.
    const { onTimer, runImmediates, beforeExit, emitExit } = core;
    core.onTimer = (id) => {
      if (!traceOn.environment) return onTimer(id);
      const ts = nowUs();
      try { return onTimer(id); } finally { complete(kEnvironment, 'RunTimers', ts); }
    };
    core.runImmediates = () => {
      if (!traceOn.environment) return runImmediates();
      const ts = nowUs();
      complete(kEnvironment, 'RunAndClearNativeImmediates', ts);
      try { return runImmediates(); } finally { complete(kEnvironment, 'CheckImmediate', ts); }
    };
    core.beforeExit = () => {
      if (!traceOn.environment) return beforeExit();
      const ts = nowUs();
      try { return beforeExit(); } finally { complete(kEnvironment, 'BeforeExit', ts); }
    };
    core.emitExit = (code) => {
      loopEnded = true;
      if (traceOn.bootstrap) emit('I', kBootstrap, 'loopExit');
      return emitExit(code);
    };
    if (traceOn.environment) {
      environmentId = ++traceOn.lastId;
      emit('b', kEnvironment, 'Environment', environmentId, { args: { args: process.argv, exec_args: process.execArgv } });
    }
    if (traceOn.bootstrap) {
      for (const name of ['nodeStart', 'v8Start', 'environment', 'bootstrapComplete']) emit('I', kBootstrap, name, undefined, undefined, Math.floor(startTime / 1000));
    }
    core.afterExitEvent(finish);
  }
  let environmentId = 0;
  let loopEnded = false;

  // The end: the last events, then the file (the main thread) or the parent (a worker).
  function finish() {
    if (!started) return;
    if (loopEnded) {
      const loopStart = ops.op_loop_metrics()[0];
      if (traceOn.bootstrap && loopStart > 0) emit('I', kBootstrap, 'loopStart', undefined, undefined, Math.floor(loopStart / 1000));
      if (traceOn.environment) {
        // Node's FreeEnvironment and the at-exit callbacks.
        const ts = nowUs();
        complete(kEnvironment, 'RunAndClearNativeImmediates', ts);
        complete(kEnvironment, 'RunCleanup', ts);
        complete(kEnvironment, 'AtExit', nowUs());
        if (environmentId) emit('e', kEnvironment, 'Environment', environmentId);
      }
    }
    // Recording ends here: writing the file is no fs event.
    started = false;
    clients.clear();
    update();
    traceOn.emit = null;
    const isWorker = core.isWorker === true;
    if (!isWorker && !fileWriter) return;
    if (isWorker) {
      const { threadId } = requireBuiltin('worker_threads');
      const name = core.workerName ? `[worker ${threadId}] ${core.workerName}` : `[worker ${threadId}]`;
      metadata.splice(0, metadata.length);
      addMetadata('thread_name', { name });
    }
    const lines = [...metadata.map(text), ...events.map(text), ...fromWorkers];
    metadata.length = 0;
    events.length = 0;
    fromWorkers.length = 0;
    if (isWorker) {
      const port = core.workerInternals().binding.getEnvMessagePort();
      if (port !== undefined) port.postMessage({ type: core.workerInternals().io.messageTypes.TRACE_EVENTS, events: lines });
      return;
    }
    const { pid } = process;
    const name = filePattern.replace(/\$\{pid\}/g, `${pid}`).replace(/\$\{rotation\}/g, '1');
    let cwd = startCwd;
    try { cwd = process.cwd(); } catch { /* the start's */ }
    fs.writeFileSync(path.resolve(cwd, name), `{"traceEvents":[${lines.join(',')}]}`);
  }
  // An event as Node's JSON trace writer (V8's JSONTraceWriter) writes it.
  function text(e) {
    let s = `{"pid":${process.pid},"tid":${e[7] ?? tid},"ts":${e[5]},"tts":0,"ph":"${e[0]}",` +
      `"cat":${JSON.stringify(e[1])},"name":${JSON.stringify(e[2])},"dur":${e[6]},"tdur":0`;
    if (e[3] !== undefined) s += `,"id":"0x${e[3]}"`;
    return `${s},"args":${e[4]}}`;
  }
  // A worker's events (39-worker_threads.js), written with this thread's.
  core.addWorkerTraceEvents = (lines) => {
    if (started) fromWorkers.push(...lines);
  };

  // --trace-event-categories / --trace-events-enabled, from the launch (60-globals.js).
  const kCommandLine = Symbol('commandLine');
  core.startTracing = (o) => {
    const options = o.traceEvents;
    if (!options || options.categories === '') return;
    filePattern = options.filePattern;
    clients.set(kCommandLine, options.categories.split(',').filter((c) => c !== ''));
    fileWriter = true;
    start(true);
  };

  // The inspector's NodeTracing domain (src/inspector/tracing_agent.cc, per session): start adds
  // a client with the config's categories, stop removes it and hands the session what was
  // recorded meanwhile, with the metadata, as NodeTracing.dataCollected, then
  // NodeTracing.tracingComplete (46-inspector.js asks here first).
  const tracingSessions = new Map(); // session -> { from, notify }
  const kTracingCategories = ['node', 'node.async_hooks', 'node.bootstrap', 'node.console', 'node.dns.native',
    'node.environment', 'node.fs.async', 'node.fs.sync', 'node.fs_dir.async', 'node.fs_dir.sync', 'node.http',
    'node.net.native', 'node.perf', 'node.perf.timerify', 'node.perf.usertiming', 'node.promises.rejections',
    'node.threadpoolwork.async', 'node.threadpoolwork.sync', 'node.vm.script', 'v8'];
  const domainError = (message) => ({ error: { code: -32000, message } });
  function stopSessionTracing(session, notify) {
    const tracing = tracingSessions.get(session);
    if (tracing === undefined) return;
    tracingSessions.delete(session);
    clients.delete(session);
    update();
    const value = [...events.slice(tracing.from), ...metadata].map((e) => JSON.parse(text(e)));
    if (!fileWriter && tracingSessions.size === 0) events.length = 0;
    if (notify) notify({ method: 'NodeTracing.dataCollected', params: { value } });
  }
  core.nodeTracing = (session, method, params, notify) => {
    switch (method) {
      case 'NodeTracing.getCategories':
        return { result: { categories: kTracingCategories.slice() } };
      case 'NodeTracing.start': {
        if (core.isWorker) return domainError('Tracing properties can only be changed through main thread sessions');
        if (tracingSessions.has(session)) return domainError('Tracing is already started');
        const included = params?.traceConfig?.includedCategories;
        const categories = Array.isArray(included) ? included.map(String) : [];
        if (categories.length === 0) return domainError('At least one category should be enabled');
        tracingSessions.set(session, { from: events.length });
        clients.set(session, categories);
        if (started) update();
        else start(false);
        return { result: {} };
      }
      case 'NodeTracing.stop':
        stopSessionTracing(session, notify);
        notify({ method: 'NodeTracing.tracingComplete', params: {} });
        return { result: {} };
      default:
        return undefined;
    }
  };
  // A session that disconnects stops its tracing, as its agent goes.
  core.nodeTracingDisconnect = (session) => { stopSessionTracing(session, null); };

  // Node's NodeCategorySet (node_trace_events.cc).
  const kCategories = Symbol('categories');
  const kEnabled = Symbol('enabled');
  class CategorySet {
    constructor(categories) {
      if (!Array.isArray(categories)) throw invalidArgType('categories', 'Array', categories);
      this[kCategories] = categories.map((c) => `${c}`);
      this[kEnabled] = false;
    }
    enable() {
      if (this[kEnabled] || this[kCategories].length === 0) return;
      clients.set(this, this[kCategories]);
      this[kEnabled] = true;
      fileWriter = true;
      if (started) update();
      else start(false);
    }
    disable() {
      if (!this[kEnabled]) return;
      clients.delete(this);
      this[kEnabled] = false;
      update();
    }
  }

  // V8's trace builtins (builtins-trace.cc), as Node's binding hands them out.
  function trace(phase, category, name, id, data) {
    if (typeof category !== 'string') throw new TypeError('Trace event category must be a string.');
    if (!groupEnabled(category)) return false;
    if (typeof phase !== 'number') throw new TypeError('Trace event phase must be a number.');
    if (typeof name !== 'string') throw new TypeError('Trace event name must be a string.');
    let hexId;
    if (id !== undefined && id !== null) {
      if (typeof id !== 'number') throw new TypeError('Trace event id must be a number.');
      hexId = BigInt.asUintN(64, BigInt(id | 0)).toString(16);
    }
    if (name.length === 0) throw new TypeError('Trace event name must not be an empty string.');
    let args = '{}';
    if (data !== undefined) {
      const json = JSON.stringify(data);
      if (json !== undefined) args = `{"data":${json}}`;
    }
    events.push([String.fromCharCode((phase | 0) & 0xff), category, name, hexId, args, nowUs(), 0]);
    return true;
  }
  function isTraceCategoryEnabled(category) {
    if (typeof category !== 'string') throw new TypeError('Trace event category must be a string.');
    return groupEnabled(category);
  }
  bindings.trace_events = () => ({
    trace,
    isTraceCategoryEnabled,
    CategorySet,
    getEnabledCategories() {
      if (enabled.size === 0) return undefined;
      return [...enabled].sort().join(',');
    },
    setTraceCategoryStateUpdateHandler(handler) {
      if (typeof handler !== 'function') throw invalidArgType('handler', 'Function', handler);
      stateUpdateHandler = handler;
    },
  });
  bindings.config = () => ({ hasTracing: true });
  internals['internal/worker'] = () => core.workerInternals().worker;
  registerLazyBuiltin('trace_events', () => nodeLib.load('trace_events'));
})();
