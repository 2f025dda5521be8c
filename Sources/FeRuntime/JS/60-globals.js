// Globals
// Uses from earlier files: 00-core.js (core, define, check); 01-inspect.js (inspect); 02-errors.js (typeError); 03-loop.js (withHiddenPromises, fatal, fatalHandlerThrew, uncaughtCapture, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate, describe); 05-process.js (process, envObject, startTime); 06-console.js (console, print); 07-path.js (path); 08-fs.js (then, fs); 09-url.js (URLSearchParams, URL); 10-builtins.js (os, requireBuiltin); 19-cjs.js (cjs); 27-http.js (http); 41-cluster.js (cluster); 43-nodelib.js (nodeLib).
const globals = {
  console, print, process, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
  queueMicrotask: (fn) => { if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received${describe(fn)}`); Promise.resolve().then(() => { try { fn(); } catch (e) { fatal(e); } }); },
  URL, URLSearchParams, global: globalThis,
};
for (const [k, v] of Object.entries(globals)) define(globalThis, k, v);
// Node's bootstrap: the WindowOrWorkerGlobalScope operations (defineOperation, and atob/btoa as
// its lazy properties) and `global` (a plain assignment) are enumerable globals.
for (const name of ['global', 'queueMicrotask', 'clearImmediate', 'clearInterval', 'clearTimeout', 'setImmediate',
  'setInterval', 'setTimeout', 'atob', 'btoa', 'structuredClone', 'fetch']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (d !== undefined && 'value' in d) Object.defineProperty(globalThis, name, { ...d, enumerable: true });
}
if (!Object.prototype.hasOwnProperty.call(globalThis, Symbol.toStringTag)) {
  Object.defineProperty(globalThis, Symbol.toStringTag, { value: 'global', writable: false, enumerable: false, configurable: true });
}
// Node's bootstrap/node.js: global.process is an accessor (a deprecation path for ES modules);
// assigning it replaces what it returns.
{
  let currentProcess = process;
  Object.defineProperty(globalThis, 'process', {
    __proto__: null,
    get() { return currentProcess; },
    set(value) { currentProcess = value; },
    enumerable: false,
    configurable: true,
  });
}

// `fe`: the tool contract. A fe-native tool calls fe.main() once when its blob is built.
const fe = {
  main(fn) {
    if (typeof fn !== 'function') throw new TypeError('fe.main() takes a function: fe.main(async (args, ctx) => exitCode)');
    core.main = fn;
  },
  serve: (options, handler) => http.serve(options, handler),
};
define(globalThis, 'fe', fe);

// ---------------------------------------------------------------------------------------------
// Launch: Swift passes what the build machine must not leak: argv, env, cwd, tty facts.
core.setup = (info) => {
  process.argv = info.argv;
  process.execPath = info.execPath;
  process.env = envObject(info.env);
  process.pid = info.pid;
  process.ppid = info.ppid;
  process.stdout.isTTY = info.stdoutTTY || undefined;
  process.stderr.isTTY = info.stderrTTY || undefined;
  process.stdin.isTTY = info.stdinTTY || undefined;
  if (info.columns) { process.stdout.columns = info.columns; process.stderr.columns = info.columns; }
  startTime = ops.op_hrtime();
  // A launch from the CLI (an absolute execPath; build-time warm-ups and the config sandbox
  // pass the bare name "fe") gets Node's options: the command line's in node mode, else
  // NODE_OPTIONS' (NodeOptions.swift).
  const options = path.isAbsolute(info.execPath) ? ops.op_node_options() : null;
  if (options) applyNodeOptions(options, info.execPath, info.snapshotBuilder);
};

// process.execPath of a CLI launch is the `node` link to fe (NodeExecPath in NodeCLI.swift),
// made on first read so a tool that never reads it does not pay for it. In node mode fe was
// started through that link already.
function lazyExecPath(execPath) {
  if (path.basename(execPath) === 'node') return;
  Object.defineProperty(process, 'execPath', {
    configurable: true, enumerable: true,
    get() {
      const value = ops.op_node_exec_path();
      Object.defineProperty(process, 'execPath', { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value) { Object.defineProperty(process, 'execPath', { value, writable: true, configurable: true, enumerable: true }); },
  });
}

// Node's options, as the process object and the runtime see them (Node sets the same
// properties from its command line: process.noDeprecation, process.throwDeprecation, ...).
function applyNodeOptions(o, execPath, snapshotBuilder) {
  lazyExecPath(execPath);
  process.execArgv = o.execArgv;
  process.argv0 = o.argv0;
  if (!o.warnings) process.noProcessWarnings = true;
  if (!o.deprecation) process.noDeprecation = true;
  if (o.throwDeprecation) process.throwDeprecation = true;
  if (o.traceDeprecation) process.traceDeprecation = true;
  if (o.traceWarnings) process.traceProcessWarnings = true;
  if (o.title !== null) process.title = o.title;
  core.redirectWarnings = o.redirectWarnings;
  if (!o.globalWebcrypto) for (const name of ['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto']) delete globalThis[name];
  if (o.stackTraceLimit !== null) Error.stackTraceLimit = o.stackTraceLimit;
  // Node's node.cc: NODE_PENDING_DEPRECATION=1 turns --pending-deprecation on.
  if (!o.pendingDeprecation && (process.env.NODE_PENDING_DEPRECATION || '')[0] === '1') {
    o.pendingDeprecation = true;
  }
  core.nodeFlags = o;
  // --trace-event-categories: the tracing agent starts before anything runs (49-perf_hooks.js).
  core.startTracing(o);
  if (o.exposeGC && typeof globalThis.gc !== 'function' && !snapshotBuilder) {
    throw new Error('--expose-gc: V8 did not install gc() in this context');
  }
  // The IPC channel to a parent that forked this process (16-child_process.js).
  core.setupChannelFromEnv();
  // A cluster worker (NODE_UNIQUE_ID) is one from here on (41-cluster.js).
  core.setupCluster();
  core.startCoverage();
  core.startProfilers(o);
  // -r/--require: preloaded before the main module, resolved from the current directory.
  if (o.requires.length) {
    const parent = new cjs.Module('internal/preload', null);
    // Node's Module._preloadModules: a removed current directory leaves no search paths.
    try {
      parent.paths = cjs.Module._nodeModulePaths(process.cwd());
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    for (const request of o.requires) {
      const filename = cjs.Module._resolveFilename(request, parent, false);
      cjs.Module._load(filename, parent, false);
    }
  }
}

// `node -e code`, `node -p code`, a script on stdin, `node -c file`: Node's evalScript. The code
// runs as a classic script in the global scope, with the eval module's require, module,
// exports and __dirname as globals and __filename = '[eval]'.
core.nodeEval = (code, name, mode) => {
  if (mode === 'inspect') {
    // Node's lib/internal/main/inspect.js.
    process.nextTick(() => core.debuggerClient().start());
    return undefined;
  }
  if (mode === 'repl' || mode.endsWith('+repl')) {
    startRepl();
    if (mode === 'repl') return undefined;
    mode = mode.slice(0, -'+repl'.length);
  }
  if (mode === 'check') {
    ops.op_compile_cjs(code.startsWith('#!') ? '//' + code.slice(2) : code, name);
    return;
  }
  // Node's tryGetCwd (process/execution.js): getcwd(3) fails when the current directory was
  // removed; Node falls back to the executable's directory.
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    cwd = path.dirname(process.execPath);
  }
  // -e code before a REPL leaves the REPL's `module` (and the rest) as they were.
  const saved = { module: globalThis.module, exports: globalThis.exports, require: globalThis.require };
  const module = new cjs.Module(name, null);
  module.filename = path.join(cwd, name);
  module.paths = cjs.Module._nodeModulePaths(cwd);
  const require = cjs.makeRequire(module);
  Object.assign(globalThis, { module, exports: module.exports, __dirname: '.', require, __filename: name });
  if (name === '[eval]') {
    process._eval = code;
    // Node's eval_string.js: the builtin modules are globals (os, fs, ...) for -e code. `crypto`
    // there is the crypto module, as in Node 18 (no Web Crypto global) and Node 20 (the module
    // shadows it in -e/-p code): not the Web Crypto global.
    const webcryptoGlobal = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    if (webcryptoGlobal && webcryptoGlobal.configurable) delete globalThis.crypto;
    nodeLib.load('internal/modules/helpers').addBuiltinLibsToObject(globalThis, '<eval>');
  }
  let result;
  if (core.nodeFlags?.inspectBrk && !core.isWorker && !core.pausedOnStart) {
    // --inspect-brk: the debugger stops at the script's first statement (Node's evalScript runs
    // it with kVmBreakFirstLineSymbol): the script itself is what the pause-on-start call runs.
    core.pausedOnStart = true;
    const vm = requireBuiltin('vm');
    new vm.Script(code, { filename: name });
    result = ops.op_inspector_call_and_pause_on_start(ops.op_vm_run, undefined, undefined, code, name, 0, 0, false, 0,
      undefined, false, undefined, core.decorateErrorStack);
  } else {
    result = requireBuiltin('vm').runInThisContext(code, { filename: name });
  }
  if (mode === 'print') console.log(result);
  for (const key of Object.keys(saved)) if (saved[key] !== undefined) globalThis[key] = saved[key];
  return result;
};
// Node's lib/internal/main/repl.js: the standalone REPL, ended by its 'exit'.
function startRepl() {
  console.log(`Welcome to Node.js ${process.version}.\nType ".help" for more information.`);
  core.startRepl().createInternalRepl(process.env, (err, repl) => {
    if (err) throw err;
    repl.on('exit', () => {
      if (repl._flushing) {
        repl.pause();
        return repl.once('flushHistory', () => process.exit());
      }
      process.exit();
    });
  });
}
// Runs a fe-native tool's main(args, ctx); resolves to its exit code.
core.runMain = async (args, ctx) => {
  if (typeof core.main !== 'function') throw new Error('this tool did not register an entry point: call fe.main(async (args, ctx) => code) in its bundle');
  const code = await core.main(args, ctx);
  if (typeof code === 'number') return code | 0;
  return core.exitCode();
};
// Evaluates the default export (or module.exports) of fe.config.js: an object, or a (possibly
// async) function of { env, cwd }.
core.resolveConfig = async (exported, env, cwd) => {
  let value = exported;
  if (typeof value === 'function') value = await value({ env, cwd });
  else value = await value;
  return value;
};
// Config caching (Swift's ReadLog records paths and ops): which environment variables the config
// reads, through process.env or its `env` argument, and whether it reads the clock or randomness,
// whose values differ between runs. Called once, in the config sandbox only, before the config runs.
core.observeConfig = () => {
  const seen = { env: new Set(), allEnv: false, volatile: null };
  const note = (k) => { if (typeof k === 'string') seen.env.add(k); };
  const watch = (env) => new Proxy(env, {
    get(t, k, r) { note(k); return Reflect.get(t, k, r); },
    has(t, k) { note(k); return Reflect.has(t, k); },
    getOwnPropertyDescriptor(t, k) { note(k); return Reflect.getOwnPropertyDescriptor(t, k); },
    ownKeys(t) { seen.allEnv = true; return Reflect.ownKeys(t); },
  });
  process.env = watch(process.env);
  const resolve = core.resolveConfig;
  core.resolveConfig = (exported, env, cwd) => resolve(exported, watch(env), cwd);
  const volatile = (what) => { if (seen.volatile === null) seen.volatile = what; };
  const { now } = Date, { random } = Math;
  Date.now = () => { volatile('Date.now()'); return now(); };
  Math.random = () => { volatile('Math.random()'); return random(); };
  globalThis.Date = new Proxy(Date, {
    construct(t, args, target) { if (args.length === 0) volatile('new Date()'); return Reflect.construct(t, args, target); },
    apply(t, self, args) { volatile('Date()'); return Reflect.apply(t, self, args); },
  });
  return () => ({ env: [...seen.env], allEnv: seen.allEnv, volatile: seen.volatile });
};
// Runs an already compiled CommonJS wrapper as a main module (tool bundles at blob build time,
// fe.config.js): a real Module, so require() resolves relative to `filename`.
// A throw at the main module's top level is an uncaught exception like any other (Node's
// process._fatalException): with a listener or a capture callback it is handled there and the
// event loop runs on; without, it reaches the host, which prints it and exits 1.
core.commonjs = (fn, filename) => {
  try {
    // A Module.runMain replaced before the entry runs (by --require code) runs it, as Node's
    // run_main_module calls Module.runMain.
    if (cjs.Module.runMain !== cjs.ownRunMain && process.argv[1] !== undefined && path.resolve(process.argv[1]) === filename) {
      cjs.Module.runMain(process.argv[1]);
      return process.mainModule?.exports ?? {};
    }
    return cjs.runCompiledMain(fn, filename);
  } catch (e) {
    if (core.uncaughtToHost) throw e;
    // process._fatalException monkey-patched away: fatal() ends the process as Node does. A
    // worker's error goes through fatal() to its parent (39-worker_threads.js).
    if (!core.isWorker && typeof process._fatalException !== 'function') fatal(e);
    if (!core.isWorker && uncaughtCapture.fn === null && process.listenerCount('uncaughtException') === 0) {
      try {
        process.emit('uncaughtExceptionMonitor', e, 'uncaughtException');
      } catch (thrown) {
        fatalHandlerThrew(thrown);
      }
      // As Node: the 'exit' listeners see exit code 1 in process.exitCode too.
      process.exitCode = 1;
      throw e;
    }
    fatal(e);
    return process.mainModule?.exports ?? {};
  }
};
// ES module resolution of a bare specifier: node_modules with the "import" conditions.
core.resolveBare = (request, parentPath) => cjs.Module._resolveFilename(request,
  { filename: parentPath, paths: cjs.Module._nodeModulePaths(path.dirname(parentPath)) }, false,
  { conditions: core.noAddons ? ['import', 'node', 'default'] : ['import', 'node', 'node-addons', 'default'] });
core.packageType = (filename) => cjs.packageType(path.dirname(filename));

// Helpers for the module loader (Swift drives the graph; these shape values for it).
core.runExportedMain = async (main, args) => {
  const code = await main(args);
  return typeof code === 'number' ? code | 0 : core.exitCode();
};
// Through the original then: user code may have replaced %Promise.prototype%.then.
const promiseThen = Promise.prototype.then;
core.exitCodePromise = () => withHiddenPromises(() => Reflect.apply(promiseThen, Promise.resolve(), [() => core.exitCode()]));
core.builtinExports = (name) => {
  const m = requireBuiltin(name);
  const values = { default: m };
  if (m !== null && (typeof m === 'object' || typeof m === 'function')) {
    for (const k of Object.keys(m)) if (k !== 'default') values[k] = m[k];
  }
  return values;
};
core.namespaceAfter = (evaluation, namespace) => Promise.resolve(evaluation).then(() => namespace);
core.importMetaResolve = (parentURL) => (specifier) => ops.op_module_resolve(String(specifier), parentURL);
core.moduleNotFound = (message, code) => { const e = new Error(message); e.code = code; return e; };

return core;
