// inspector (and inspector/promises): Node 18.20.4's lib/inspector.js over V8's own inspector
// (Shim/src/inspector.cc, Inspector/InspectorOps.swift). A Session's messages come back
// synchronously, inside post(), as Node's do; open() starts the WebSocket server --inspect starts
// (Inspector/InspectorServer.swift). The global console reaches the inspector's console domain
// while it is active: each of its methods calls V8's console method too (Node's consoleCall).
// Uses from earlier files: 00-core.js (core, ERRNO); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, validateFunction); 03-loop.js (nextTick); 04-events.js (EventEmitter); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (fs); 10-builtins.js (util, registerLazyBuiltin, requireBuiltin); 19-cjs.js (cjs); 43-nodelib.js (nodeLib).
const inspectorCore = (() => {
  // V8's console: the runtime's context still has it here (60-globals.js replaces it).
  const consoleFromVM = globalThis.console;
  for (const key of Object.keys(consoleFromVM)) {
    if (Object.prototype.hasOwnProperty.call(console, key)) {
      console[key] = ops.op_inspector_console_call.bind(null, consoleFromVM[key], console[key]);
      Reflect.defineProperty(console[key], 'name', { value: key });
    } else {
      // profile, profileEnd, timeStamp, context: only the inspector has them.
      console[key] = consoleFromVM[key];
    }
  }
  // process.debugPort: the inspector's port (the bound one while a server listens); a port set
  // here is where the next inspector.open() without one listens. process._debugEnd() closes it.
  Object.defineProperty(process, 'debugPort', {
    configurable: true, enumerable: true,
    get() { return ops.op_inspector_port(); },
    set(port) {
      const n = Number(port);
      if (!Number.isInteger(n) || (n !== 0 && (n < 1024 || n > 65535))) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "port" is out of range. It must be 0 or in range 1024 to 65535. Received ${port}`);
      }
      ops.op_inspector_set_port(n);
    },
  });
  process._debugEnd = function _debugEnd() { ops.op_inspector_close(); };
  // process._debugProcess(pid): SIGUSR1 to the process, whose inspector it starts (Node's
  // DebugProcess: a failed kill(2) is an ErrnoException, "ESRCH, No such process").
  process._debugProcess = function _debugProcess(pid) {
    if (arguments.length < 1) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'Invalid number of arguments.');
    if (typeof pid !== 'number') throw invalidArgType('pid', 'number', pid);
    const r = ops.op_kill(pid, 'SIGUSR1');
    if (r !== null && typeof r === 'object' && r.__feError) {
      const [code, text] = r.__feError;
      const e = new Error(`${code}, ${text.charAt(0).toUpperCase()}${text.slice(1)}`);
      e.errno = ERRNO[code];
      e.code = code;
      e.syscall = 'kill';
      throw e;
    }
  };
  // SIGUSR1 starts the main thread's inspector server, as Node's debug signal handler does
  // (on process.debugPort), unless a 'SIGUSR1' listener takes the signal.
  core.startDebugSignalHandler = () => {
    if (!core.isWorker) core.keepSignal('SIGUSR1');
  };
  // Node's inspector_async_hook: while a debugger asks for async stack traces (V8 calls this as
  // its async call stack depth turns on or off), every async resource's callbacks are reported
  // to it as tasks; promises V8 follows itself.
  let inspectorHook;
  // internalBinding('inspector').registerAsyncHook replaces what turns them on and off; one
  // that comes while a debugger already asks for them turns them on at once (as Node's).
  let asyncHookToggles = null;
  let asyncStacksWanted = false;
  core.registerInspectorAsyncHook = (enable, disable) => {
    asyncHookToggles = { enable, disable };
    if (asyncStacksWanted) enable();
  };
  core.inspectorAsyncHook = (on) => {
    asyncStacksWanted = on;
    if (asyncHookToggles !== null) {
      (on ? asyncHookToggles.enable : asyncHookToggles.disable)();
      return;
    }
    if (inspectorHook === undefined) {
      const promiseIds = new Set();
      inspectorHook = requireBuiltin('async_hooks').createHook({
        init(asyncId, type) {
          if (type === 'PROMISE') promiseIds.add(asyncId);
          else ops.op_inspector_async_task(0, asyncId, type);
        },
        before(asyncId) { if (!promiseIds.has(asyncId)) ops.op_inspector_async_task(1, asyncId); },
        after(asyncId) { if (!promiseIds.has(asyncId)) ops.op_inspector_async_task(2, asyncId); },
        destroy(asyncId) { if (!promiseIds.delete(asyncId)) ops.op_inspector_async_task(3, asyncId); },
      });
    }
    if (on) inspectorHook.enable();
    else inspectorHook.disable();
  };
  // Node's installConsoleExtensions: `require` in the debugger's console (with the command-line
  // API), resolving from the current directory.
  core.inspectorConsoleExtensions = (api) => {
    if (api.require) return;
    const consoleModule = new cjs.Module('<inspector console>', null);
    let cwd;
    try { cwd = process.cwd(); } catch { cwd = path.dirname(process.execPath); }
    consoleModule.paths = cjs.Module._nodeModulePaths(cwd).concat(cjs.Module.globalPaths || []);
    api.require = cjs.makeRequire(consoleModule);
  };
  const emitSignal = core.onSignal;
  core.onSignal = (name) => {
    if (name !== 'SIGUSR1' || core.isWorker || process.listenerCount('SIGUSR1') !== 0) {
      emitSignal(name);
      return;
    }
    if (ops.op_inspector_url() !== undefined) return;
    try {
      ops.op_inspector_open(-1, '');
    } catch (e) {
      ops.op_write(2, `${e.message}\n`);
    }
  };
  return { consoleFromVM };
})();

function loadInspector() {
  const { consoleFromVM } = inspectorCore;
  const kConnection = Symbol('connectionProperty');
  const kCallbacks = Symbol('messageCallbacks');
  const kNextId = Symbol('nextId');
  const kOnMessage = Symbol('onMessage');
  const err = (code, message) => nodeError(Error, code, message);

  class Session extends EventEmitter {
    constructor() {
      super();
      this[kConnection] = null;
      this[kNextId] = 1;
      this[kCallbacks] = new Map();
    }

    connect() {
      if (this[kConnection]) throw err('ERR_INSPECTOR_ALREADY_CONNECTED', 'The inspector session is already connected');
      this[kConnection] = ops.op_inspector_connect((message) => this[kOnMessage](message));
    }

    connectToMainThread() {
      if (requireBuiltin('worker_threads').isMainThread) throw err('ERR_INSPECTOR_NOT_WORKER', 'Current thread is not a worker');
      // A worker's isolate cannot reach the main thread's inspector in fe: its sessions are per isolate.
      throw err('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available: fe cannot connect a worker to the main thread\'s inspector');
    }

    [kOnMessage](message) {
      const parsed = JSON.parse(message);
      try {
        if (parsed.id) {
          const callback = this[kCallbacks].get(parsed.id);
          this[kCallbacks].delete(parsed.id);
          if (callback) {
            if (parsed.error) {
              const e = err('ERR_INSPECTOR_COMMAND', `Inspector error ${parsed.error.code}: ${parsed.error.message}`);
              return callback(e);
            }
            callback(null, parsed.result);
          }
        } else {
          this.emit(parsed.method, parsed);
          this.emit('inspectorNotification', parsed);
        }
      } catch (error) {
        process.emitWarning(error);
      }
    }

    post(method, params, callback) {
      if (typeof method !== 'string') throw invalidArgType('method', 'string', method);
      if (!callback && typeof params === 'function') {
        callback = params;
        params = null;
      }
      if (params && (typeof params !== 'object' || Array.isArray(params))) throw invalidArgType('params', 'Object', params);
      if (callback) validateFunction(callback, 'callback');
      if (!this[kConnection]) throw err('ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected');
      const id = this[kNextId]++;
      const message = { id, method };
      if (params) message.params = params;
      if (callback) this[kCallbacks].set(id, callback);
      // Node's own NodeTracing domain is the tracing agent's (49-perf_hooks.js).
      if (method.startsWith('NodeTracing.')) {
        const answer = core.nodeTracing(this, method, params, (notification) => this[kOnMessage](JSON.stringify(notification)));
        if (answer !== undefined) {
          this[kOnMessage](JSON.stringify({ id, ...answer }));
          return;
        }
      }
      ops.op_inspector_dispatch(this[kConnection], JSON.stringify(message));
    }

    disconnect() {
      if (!this[kConnection]) return;
      core.nodeTracingDisconnect(this);
      ops.op_inspector_disconnect(this[kConnection]);
      this[kConnection] = null;
      for (const callback of this[kCallbacks].values()) nextTick(callback, err('ERR_INSPECTOR_CLOSED', 'Session was closed'));
      this[kCallbacks].clear();
      this[kNextId] = 1;
    }
  }

  function open(port, host, wait) {
    if (ops.op_inspector_url() !== undefined) {
      throw err('ERR_INSPECTOR_ALREADY_ACTIVATED', 'Inspector is already activated. Close it with inspector.close() before activating it again.');
    }
    // As Node: no type checks (a compatibility promise), but a number must fit a port.
    if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 0xffffffff && port > 65535) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "port" is out of range. It must be >= 0 && <= 65535. Received ${port}`);
    }
    // Like Node's binding: a port that is not a number and a host that is not a string mean the defaults.
    ops.op_inspector_open(typeof port === 'number' ? port : -1, typeof host === 'string' ? host : '');
    if (wait) waitForDebugger();
  }

  function waitForDebugger() {
    if (!ops.op_inspector_wait()) throw err('ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active');
  }

  return {
    open,
    close: () => { ops.op_inspector_close(); },
    url: () => ops.op_inspector_url(),
    waitForDebugger,
    console: consoleFromVM,
    Session,
  };
}
registerLazyBuiltin('inspector', loadInspector);
registerLazyBuiltin('inspector/promises', () => {
  const inspector = requireBuiltin('inspector');
  class Session extends inspector.Session {}
  Session.prototype.post = util.promisify(inspector.Session.prototype.post);
  return { ...inspector, Session };
});

// --cpu-prof / --heap-prof: Node's start-up profilers (src/inspector_profiler.cc) over an
// in-process session, started before the main module and written once 'exit' has been emitted,
// as DiagnosticFilename names them (`CPU.20240101.120000.<pid>.<thread>.001.cpuprofile`) in the
// given directory, else the current one at start.
core.startProfilers = (o) => {
  const kinds = [
    o.cpuProf && { options: o.cpuProf, prefix: 'CPU', ext: 'cpuprofile', start: [['Profiler.enable'],
      ['Profiler.setSamplingInterval', { interval: o.cpuProf.interval }], ['Profiler.start']], stop: 'Profiler.stop' },
    o.heapProf && { options: o.heapProf, prefix: 'Heap', ext: 'heapprofile', start: [['HeapProfiler.enable'],
      ['HeapProfiler.startSampling', { samplingInterval: o.heapProf.interval }]], stop: 'HeapProfiler.stopSampling' },
  ].filter(Boolean);
  if (kinds.length === 0) return;
  const { Session } = requireBuiltin('inspector');
  const session = new Session();
  session.connect();
  const cwd = process.cwd();
  for (const kind of kinds) {
    for (const [method, params] of kind.start) session.post(method, params);
  }
  core.afterExitEvent(() => {
    for (const kind of kinds) {
      let profile;
      session.post(kind.stop, (error, result) => {
        if (error) throw error;
        profile = result.profile;
      });
      const dir = kind.options.dir ?? cwd;
      fs.mkdirSync(dir, { recursive: true });
      const name = kind.options.name ?? diagnosticFilename(kind.prefix, kind.ext);
      fs.writeFileSync(path.resolve(cwd, dir, name), JSON.stringify(profile));
    }
    session.disconnect();
  });
};

// NODE_V8_COVERAGE: Node's start-up coverage (src/inspector_profiler.cc V8CoverageConnection,
// lib/internal/util.js setupCoverageHooks) over an in-process session: precise coverage with call
// counts and block detail from start-up; v8.takeCoverage() and the process's end write
// `coverage-<pid>-<ms since epoch>-<threadId>.json` (Profiler.takePreciseCoverage's result:
// `{ result, timestamp }`) into the directory, resolved against the current one and put back into
// process.env; v8.stopCoverage() stops it (at the end V8 has no coverage to take, so no file).
// Like Node's C++, writing runs no JavaScript a program could have replaced (no Session, no fs
// functions, no prototype methods beyond the string's own): the raw `result` of V8's answer is
// written through the ops (test-worker-terminate-source-map).
let v8Coverage = null;
core.startCoverage = () => {
  const dir = process.env.NODE_V8_COVERAGE;
  if (!dir || v8Coverage !== null) return;
  let cwd;
  try { cwd = process.cwd(); } catch { cwd = '/'; }
  const directory = path.resolve(cwd, dir);
  process.env.NODE_V8_COVERAGE = directory;
  const state = { connection: null, nextId: 1, wanted: 0, answer: undefined, directory, ending: false,
    threadId: core.isWorker ? requireBuiltin('worker_threads').threadId : 0 };
  state.connection = ops.op_inspector_connect((message) => {
    if (state.wanted !== 0 && message.startsWith(`{"id":${state.wanted},`)) state.answer = message;
  });
  v8Coverage = state;
  coverageDispatch('Profiler.enable');
  coverageDispatch('Profiler.startPreciseCoverage', '{"callCount":true,"detailed":true}');
  core.afterExitEvent(() => {
    if (state.ending) return;
    state.ending = true;
    core.takeCoverage();
  });
};
function coverageDispatch(method, params) {
  const id = v8Coverage.nextId++;
  ops.op_inspector_dispatch(v8Coverage.connection,
    `{"id":${id},"method":"${method}"${params === undefined ? '' : `,"params":${params}`}}`);
  return id;
}
core.takeCoverage = () => {
  const state = v8Coverage;
  if (state === null) return;
  const id = state.nextId;
  state.wanted = id;
  state.answer = undefined;
  coverageDispatch('Profiler.takePreciseCoverage');
  const answer = state.answer;
  state.wanted = 0;
  state.answer = undefined;
  // `{"id":N,"result":{...}}`, or `{"id":N,"error":{...}}` once coverage was stopped.
  const prefix = `{"id":${id},"result":`;
  if (answer === undefined || !answer.startsWith(prefix)) return;
  let profile = answer.slice(prefix.length, answer.length - 1);
  // Node's V8CoverageConnection adds the source maps of the loaded modules ("source-map-cache",
  // Node's sourceMapCacheToObject), when there are any.
  if (profile.includes('"url":"file://')) {
    // The ES modules among the scripts: their source maps (core.cacheModuleSourceMap).
    let scripts;
    try { scripts = JSON.parse(profile).result; } catch { scripts = undefined; }
    for (let i = 0; Array.isArray(scripts) && i < scripts.length; i++) {
      const url = scripts[i]?.url;
      if (typeof url === 'string' && url.startsWith('file://')) core.cacheModuleSourceMap(url);
    }
  }
  if (nodeLib.loaded('internal/source_map/source_map_cache') && profile.endsWith('}')) {
    let cache;
    try { cache = core.sourceMapCache().sourceMapCacheToObject(); } catch { cache = undefined; }
    if (cache !== undefined) profile = `${profile.slice(0, -1)},"source-map-cache":${JSON.stringify(cache)}}`;
  }
  const made = ops.op_fs_mkdir(state.directory, true, 0o777);
  if (made !== null && typeof made === 'object' && made.__feError) {
    ops.op_write(2, `${made.__feError[0]}: Failed to create coverage profile directory ${state.directory}\n`);
    return;
  }
  const target = `${state.directory}/coverage-${process.pid}-${Date.now()}-${state.threadId}.json`;
  const written = ops.op_fs_write(target, ops.op_utf8_encode(profile), 'w', 0o666);
  if (written !== null && typeof written === 'object' && written.__feError) {
    ops.op_write(2, `${written.__feError[0]}: Failed to write file ${target}\n`);
  }
};
core.stopCoverage = () => {
  if (v8Coverage === null) return;
  coverageDispatch('Profiler.stopPreciseCoverage');
};

// Node's DiagnosticFilename: prefix.YYYYMMDD.HHMMSS.pid.threadId.seq.ext, in local time.
let diagnosticSeq = 0;
function diagnosticFilename(prefix, ext) {
  const now = new Date();
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const threadId = core.isWorker ? requireBuiltin('worker_threads').threadId : 0;
  return `${prefix}.${date}.${time}.${process.pid}.${threadId}.${pad(++diagnosticSeq, 3)}.${ext}`;
}
