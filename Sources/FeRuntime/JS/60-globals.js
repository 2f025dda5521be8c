// Globals
// Uses from earlier files: 00-core.js (core, define, traceOn, check); 01-inspect.js (inspect); 02-errors.js (nodeError, typeError); 03-loop.js (withHiddenPromises, fatal, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate, describe); 05-process.js (process, envObject, startTime); 06-console.js (console, print); 07-path.js (path); 08-fs.js (then, fs); 09-url.js (fileURLToPath, pathToFileURL, URLSearchParams, URL); 10-builtins.js (os, requireBuiltin); 19-cjs.js (cjs); 27-http.js (http); 41-cluster.js (cluster); 43-nodelib.js (nodeLib).
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
  if (options) applyNodeOptions(options, info.execPath, info.snapshotBuilder, info.isWorker);
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
// Node 18.20.4's revertible security fixes (src/node_revert.h).
const kSecurityReverts = {
  'CVE-2023-46809': 'Marvin attack on PKCS#1 padding',
  'CVE-2024-27980': 'Unsafe Windows batch file execution',
};
function applyNodeOptions(o, execPath, snapshotBuilder, isWorker) {
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
  if (o.options?.['--experimental-vm-modules']) core.enableVmModules();
  // Node's node.cc: NODE_PRESERVE_SYMLINKS=1 turns --preserve-symlinks on (19-cjs.js).
  core.preserveSymlinksEnv = (process.env.NODE_PRESERVE_SYMLINKS || '')[0] === '1';
  // --security-revert=CVE: Node's node_revert.h announces it on stdout as the option is read,
  // and its process object says so (REVERT_CVE_..., read-only).
  for (const cve of o.options?.['--security-revert'] ?? []) {
    const message = kSecurityReverts[cve];
    if (message === undefined) continue;
    // Once per process, as the option is read: not again in each Worker.
    if (!snapshotBuilder && !isWorker) ops.op_write(1, `SECURITY WARNING: Reverting ${cve}: ${message}\n`);
    Object.defineProperty(process, `REVERT_${cve.replace(/-/g, '_')}`, { value: true, enumerable: true, configurable: true, writable: false });
  }
  applyJSOptions();
  // --trace-event-categories: the tracing agent starts before anything runs (49-perf_hooks.js).
  core.startTracing(o);
  if (o.trackHeapObjects) ops.op_v8_track_heap_objects();
  if (o.exposeGC && typeof globalThis.gc !== 'function' && !snapshotBuilder) {
    throw new Error('--expose-gc: V8 did not install gc() in this context');
  }
  // The IPC channel to a parent that forked this process (16-child_process.js).
  core.setupChannelFromEnv();
  // A cluster worker (NODE_UNIQUE_ID) is one from here on (41-cluster.js).
  core.setupCluster();
  core.startCoverage();
  core.startProfilers(o);
  // --experimental-policy: the manifest is in force before any module loads.
  setupPolicy();
  // --import runs ahead of a CommonJS entry or -e code (core.commonjs, core.nodeEval); fe's ES
  // module loader (Swift) evaluates an ES module entry as soon as it is compiled, so there it
  // cannot: refused rather than run in the wrong order.
  const imports = o.options?.['--import'];
  if (Array.isArray(imports) && imports.length > 0 && process.argv[1] !== undefined && entryIsModule(process.argv[1])) {
    throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'fe cannot load --import modules before an ES module entry (its module loader evaluates the entry first)');
  }
  if (!snapshotBuilder) core.startDebugSignalHandler();
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

// Whether an entry file is an ES module, as fe's ModuleLoader.swift tells (kind(of:)): .mjs and
// .cjs decide, then the nearest package.json "type", then whether it only compiles as a module.
function entryIsModule(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  const type = cjs.packageType(path.dirname(file));
  if (type !== null) return type === 'module';
  try {
    ops.op_compile_cjs(fs.readFileSync(file, 'utf8'), file);
    return false;
  } catch (e) {
    return ['Cannot use import statement outside a module', "Unexpected token 'export'", "Cannot use 'import.meta' outside a module",
      'await is only valid in async functions'].some((m) => String(e && e.message).includes(m));
  }
}
// Node's readPolicyFromDisk (lib/internal/process/pre_execution.js) and the checks of its
// node_options.cc: --experimental-policy's file (a path, or a URL relative to the current
// directory), verified against --policy-integrity when given, set up as the manifest every
// module load is checked against (internal/process/policy, which also closes process.binding).
function setupPolicy() {
  const kept = core.nodeFlags?.options ?? {};
  const given = (name) => Object.prototype.hasOwnProperty.call(kept, name);
  const experimentalPolicy = given('--experimental-policy') ? kept['--experimental-policy'] : '';
  const badOption = (message) => {
    process.stderr.write(`${process.argv0}: ${message}\n`);
    process.exit(9);
  };
  if (given('--policy-integrity')) {
    if (!experimentalPolicy) badOption('--policy-integrity requires --experimental-policy be enabled');
    if (kept['--policy-integrity'] === '') badOption('--policy-integrity cannot be empty');
  }
  if (!experimentalPolicy) return;
  // Once per process: a Worker's runtime sets its policy up again (from the same file) but does
  // not warn, and it is known to be one only once workerMain has run (39-worker_threads.js).
  process.nextTick(() => {
    if (!core.isWorker) process.emitWarning('Policies are experimental.', 'ExperimentalWarning');
  });
  let manifestURL;
  if (path.isAbsolute(experimentalPolicy)) {
    manifestURL = pathToFileURL(experimentalPolicy);
  } else {
    const cwdURL = pathToFileURL(process.cwd());
    cwdURL.pathname += '/';
    manifestURL = new URL(experimentalPolicy, cwdURL);
  }
  const src = fs.readFileSync(manifestURL, 'utf8');
  const integrity = kept['--policy-integrity'];
  if (integrity) {
    const SRI = nodeLib.load('internal/policy/sri');
    const { createHash, timingSafeEqual } = requireBuiltin('crypto');
    const realIntegrities = new Map();
    let foundMatch = false;
    for (const { algorithm, value: expected } of SRI.parse(integrity)) {
      const digest = createHash(algorithm).update(src).digest();
      if (digest.length === expected.length && timingSafeEqual(digest, expected)) {
        foundMatch = true;
        break;
      }
      realIntegrities.set(algorithm, digest.toString('base64'));
    }
    if (!foundMatch) throw new nodeLib.errorCodes.ERR_MANIFEST_ASSERT_INTEGRITY(manifestURL, realIntegrities);
  }
  const policy = nodeLib.load('internal/process/policy');
  policy.setup(src, manifestURL.href);
  core.policy = policy;
}

// Node's evalScript wrapper (lib/internal/process/execution.js), as the source a policy checks.
const kEvalWrapper = `
      globalThis.module = module;
      globalThis.exports = exports;
      globalThis.__dirname = __dirname;
      globalThis.require = require;
      return (main) => main();
    `;
// Node's bootstrap: process.sourceMapsEnabled and process.setSourceMapsEnabled (Node's
// internal/source_map/source_map_cache, vendored, loaded on the first call).
Object.defineProperty(process, 'sourceMapsEnabled', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return core.sourceMapsEnabled; },
});
process.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
  return core.sourceMapCache().setSourceMapsEnabled(val);
};
core.setSourceMapsEnabled = (val) => process.setSourceMapsEnabled(val);

// The effects of the options fe's parser keeps for JavaScript (NodeOptions.jsSpecs), as Node's
// bootstrap and pre-execution apply them.
function applyJSOptions() {
  const option = core.getOptionValue;
  // --disable-proto=delete|throw: Node's InitializeContextRuntime, for this context (vm contexts
  // and workers get the same when they are made).
  core.initializeContextRuntime(globalThis);
  // --no-experimental-fetch: Node's setupFetch leaves the fetch globals out.
  if (!option('--experimental-fetch')) {
    for (const name of ['fetch', 'FormData', 'Headers', 'Request', 'Response']) delete globalThis[name];
    if (typeof WebAssembly === 'object') {
      delete WebAssembly.compileStreaming;
      delete WebAssembly.instantiateStreaming;
    }
  }
  // --enable-source-maps: Node's initializeSourceMapsHandlers.
  if (option('--enable-source-maps')) core.setSourceMapsEnabled(true);
  // --trace-sync-io: Node turns it on as the event loop starts, after the main script's turn
  // (its ticks and promise jobs included), and off once the loop is over.
  if (option('--trace-sync-io')) {
    const afterMacrotask = core.afterMacrotask;
    core.afterMacrotask = function afterMainScript() {
      try {
        return afterMacrotask();
      } finally {
        core.afterMacrotask = afterMacrotask;
        traceOn.syncIO = true;
        traceOn.fs = true;
      }
    };
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
  const beforeRepl = mode.endsWith('+repl');
  if (mode === 'repl' || beforeRepl) {
    startRepl();
    if (mode === 'repl') return undefined;
    mode = mode.slice(0, -'+repl'.length);
  }
  if (mode === 'test') {
    // `node --test [files]`: Node's lib/internal/main/test_runner.js over the vendored runner,
    // which runs each file in a child of its own; process.argv holds the files.
    const { getOptionValue } = nodeLib.load('internal/options');
    let concurrency = Number(getOptionValue('--test-concurrency')) || true;
    let inspectPort;
    if (ops.op_inspector_url() !== undefined) {
      process.emitWarning('Using the inspector with --test forces running at a concurrency of 1. ' +
        'Use the inspectPort option to run with concurrency');
      concurrency = 1;
      inspectPort = process.debugPort;
    }
    let shard;
    const shardOption = getOptionValue('--test-shard');
    if (shardOption) {
      if (!/^\d+\/\d+$/.test(shardOption)) {
        process.exitCode = 1;
        throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The argument '--test-shard' must be in the form of <index>/<total>. Received '${shardOption}'`);
      }
      const [index, total] = shardOption.split('/').map((n) => Number.parseInt(n, 10));
      shard = { __proto__: null, index, total };
    }
    const { run } = nodeLib.load('internal/test_runner/runner');
    const { setupTestReporters } = nodeLib.load('internal/test_runner/utils');
    run({ concurrency, inspectPort, watch: false, setup: setupTestReporters, shard }).on('test:fail', (data) => {
      if (data.todo === undefined || data.todo === false) process.exitCode = 1;
    });
    return undefined;
  }
  if (mode === 'check') {
    // Node's check_syntax: stdin is a module under --input-type=module, a file by its extension
    // and package scope; a module is compiled as one (never linked or run).
    const isModule = name === '[stdin]' || name === '[eval]' ?
      core.nodeFlags?.inputType === 'module' :
      name.endsWith('.mjs') || (!name.endsWith('.cjs') && cjs.packageType(path.dirname(name)) === 'module');
    if (isModule) {
      const [id] = ops.op_vm_module_compile(code, name, 0, 0, 0, undefined, core.decorateErrorStack);
      ops.op_vm_module_release(id);
      return;
    }
    ops.op_compile_cjs(code.startsWith('#!') ? '//' + code.slice(2) : code, name, core.decorateErrorStack);
    return;
  }
  // --import: the code runs once those modules are loaded (Node's evalScript with loadESM; a
  // Worker's eval code does not wait for them).
  const imports = beforeRepl || name === '[worker eval]' ? undefined : userImports();
  if (imports !== undefined) {
    Reflect.apply(promiseThen, imports, [() => {
      try {
        core.nodeEval(code, name, mode);
      } catch (e) {
        fatal(e, true);
      }
    }, (e) => fatal(e, true)]);
    return undefined;
  }
  // Node's tryGetCwd (process/execution.js): getcwd(3) fails when the current directory was
  // removed; Node falls back to the executable's directory.
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    cwd = path.dirname(process.execPath);
  }
  // Node's eval_string.js: the builtin modules are globals (os, fs, ...) for -e code, defined
  // before evalScript runs. `crypto` there is the crypto module, as in Node 18 (no Web Crypto
  // global) and Node 20 (the module shadows it in -e/-p code).
  const addEvalBuiltins = () => {
    const webcryptoGlobal = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    if (webcryptoGlobal && webcryptoGlobal.configurable) delete globalThis.crypto;
    nodeLib.load('internal/modules/helpers').addBuiltinLibsToObject(globalThis, '<eval>');
  };
  if (name === '[eval]' && !beforeRepl) addEvalBuiltins();
  // -e code before a REPL leaves the REPL's `module` (and the rest) as they were.
  const saved = { module: globalThis.module, exports: globalThis.exports, require: globalThis.require };
  const module = new cjs.Module(name, null);
  module.filename = path.join(cwd, name);
  module.paths = cjs.Module._nodeModulePaths(cwd);
  // Under a policy, Node's evalScript compiles its wrapper as the module `${name}-wrapper` (whose
  // integrity and dependencies the policy decides) and hands the code its require.
  let redirects;
  const manifest = core.policy?.manifest;
  if (manifest) {
    const wrapperURL = pathToFileURL(`${name}-wrapper`);
    redirects = manifest.getDependencyMapper(wrapperURL);
    manifest.assertIntegrity(wrapperURL, kEvalWrapper);
  }
  const require = cjs.makeRequire(module, redirects);
  Object.assign(globalThis, { module, exports: module.exports, __dirname: '.', require, __filename: name });
  if (name === '[eval]') {
    process._eval = code;
    if (beforeRepl) addEvalBuiltins();
  }
  let result;
  if (core.nodeFlags?.inspectBrk && !core.isWorker && !core.pausedOnStart) {
    // --inspect-brk: the debugger stops at the script's first statement (Node's evalScript runs
    // it with kVmBreakFirstLineSymbol): the script itself is what the pause-on-start call runs.
    core.pausedOnStart = true;
    const vm = requireBuiltin('vm');
    new vm.Script(code, { filename: name, importModuleDynamically: core.vmModules.kUseMainLoader });
    result = ops.op_inspector_call_and_pause_on_start(ops.op_vm_run, undefined, undefined, code, name, 0, 0, false, 0,
      undefined, false, undefined, core.decorateErrorStack);
  } else {
    result = requireBuiltin('vm').runInThisContext(code, { filename: name, importModuleDynamically: core.vmModules.kUseMainLoader });
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
// process._fatalException), routed by the host through core.mainThrew.
core.commonjs = (fn, filename) => {
  // --import: the entry runs once those modules are loaded; a failure is an uncaught exception
  // from a promise, as Node's loadESM reports it.
  const imports = userImports();
  if (imports !== undefined) {
    Reflect.apply(promiseThen, imports, [() => {
      try {
        runCommonjsMain(fn, filename);
      } catch (e) {
        fatal(e);
      }
    }, (e) => fatal(e, true)]);
    return {};
  }
  return runCommonjsMain(fn, filename);
};
// --import (Node 18.19's): ES modules loaded, all at once, before the main entry runs (Node's
// loadESM), each resolved from the current directory. Undefined when there are none (or once
// they were started), else a promise that they loaded.
function userImports() {
  const list = core.nodeFlags?.options?.['--import'];
  if (!Array.isArray(list) || list.length === 0 || core.userImportsStarted) return undefined;
  core.userImportsStarted = true;
  // Relative to the current directory as a URL (Node's getCWDURL); a bare one from a file there.
  const cwdURL = `${pathToFileURL(process.cwd()).href}/`;
  const resolve = (specifier) => (/^(\.{0,2}\/|file:)/i.test(specifier)
    ? ops.op_module_resolve(new URL(specifier, cwdURL).href, cwdURL)
    : ops.op_module_resolve(specifier, new URL('[import]', cwdURL).href));
  return Promise.all(list.map((specifier) => Reflect.apply(promiseThen, Promise.resolve(), [
    () => import(resolve(specifier)),
  ])));
}
function runCommonjsMain(fn, filename) {
  // A Module.runMain replaced before the entry runs (by --require code) runs it, as Node's
  // run_main_module calls Module.runMain.
  if (cjs.Module.runMain !== cjs.ownRunMain && process.argv[1] !== undefined && path.resolve(process.argv[1]) === filename) {
    cjs.Module.runMain(process.argv[1]);
    return process.mainModule?.exports ?? {};
  }
  // Not caught here: the host catches a throw where V8 still knows the line it came from, and
  // hands it to core.mainThrew.
  return cjs.runCompiledMain(fn, filename);
}
// The main module threw (Node's TriggerUncaughtException for it), with where it was thrown:
// handled by a listener or capture callback, the program goes on with its exports; otherwise
// fatal() reports it and ends the process. Undefined: a runtime that may not exit
// (fe.config.js) leaves it to its host.
core.mainThrew = (e, arrow) => {
  if (core.uncaughtToHost) return undefined;
  fatal(e, false, arrow);
  return process.mainModule?.exports ?? {};
};
// ES module resolution of a bare specifier (or a "#" import): node_modules with the "import"
// conditions and those of --conditions/-C (Node's getDefaultConditions). As in Node's
// packageResolve, a subpath of a package without "exports" names its file exactly: no
// extension or index file is tried for it (only for the package's main), and the error says
// what require() would have found (decorateErrorWithCommonJSHints).
core.resolveBare = (request, parentPath) => {
  const conditions = core.noAddons ? ['import', 'node', 'default'] : ['import', 'node', 'node-addons', 'default'];
  const user = core.nodeFlags?.options?.['--conditions'];
  if (Array.isArray(user)) for (let i = 0; i < user.length; i++) if (!conditions.includes(user[i])) conditions.push(user[i]);
  const filename = cjs.Module._resolveFilename(request,
    { filename: parentPath, paths: cjs.Module._nodeModulePaths(path.dirname(parentPath)) }, false, { conditions });
  const parts = /^((?:@[^/\\%]+\/)?[^/\\%#.][^/\\%]*)\/(.+)$/.exec(request);
  if (parts === null) return filename;
  const name = parts[1];
  const at = filename.lastIndexOf(`/node_modules/${name}/`);
  if (at < 0) return filename;
  const packageDir = filename.slice(0, at + `/node_modules/${name}`.length);
  const pkg = cjs.readPackage(packageDir);
  if (pkg !== null && pkg.exports !== undefined) return filename;
  const exact = path.join(packageDir, parts[2]);
  let stats;
  try { stats = fs.statSync(exact); } catch { /* missing */ }
  if (stats !== undefined && stats.isFile()) return filename;
  const hint = `\nDid you mean to import ${filename.slice(filename.indexOf(name.split('/')[0]))}?`;
  const e = stats !== undefined && stats.isDirectory()
    ? new Error(`Directory import '${exact}' is not supported resolving ES modules imported from ${parentPath}${hint}`)
    : new Error(`Cannot find module '${exact}' imported from ${parentPath}${hint}`);
  e.code = stats !== undefined && stats.isDirectory() ? 'ERR_UNSUPPORTED_DIR_IMPORT' : 'ERR_MODULE_NOT_FOUND';
  throw e;
};
core.packageType = (filename) => cjs.packageType(path.dirname(filename));
// ES module imports under --experimental-policy (Node's esm/resolve.js defaultResolve and
// esm/load.js getSource), for the module loader (ModuleLoader.swift) to ask: null without a
// policy. resolve(specifier, parentPath): undefined for the usual resolution, else what the
// manifest redirects it to ('node:<id>', or a file path); a dependency it does not list gets
// the manifest's onerror reaction. allow(key, parentPath, specifier): the preflight of the
// resolved module ('node:<id>' or a path). assertIntegrity(path, source): the source loaded.
core.importPolicy = () => {
  const manifest = core.policy?.manifest;
  if (!manifest) return null;
  const conditions = () => {
    const list = core.noAddons ? ['node', 'import'] : ['node', 'import', 'node-addons'];
    const user = core.nodeFlags?.options?.['--conditions'];
    return new Set(Array.isArray(user) ? list.concat(user) : list);
  };
  const missing = (parentURL, specifier, set) => nodeError(Error, 'ERR_MANIFEST_DEPENDENCY_MISSING',
    `Manifest resource ${parentURL} does not list ${specifier} as a dependency specifier for conditions: ${Array.from(set).join(', ')}`);
  return {
    resolve(specifier, parentPath) {
      const parentURL = pathToFileURL(parentPath).href;
      const { resolve, reaction } = manifest.getDependencyMapper(parentURL);
      const set = conditions();
      const destination = resolve(specifier, set);
      if (destination === true) return undefined;
      if (destination) return destination.protocol === 'file:' ? fileURLToPath(destination) : destination.href;
      reaction(missing(parentURL, specifier, set));
      return undefined;
    },
    allow(key, parentPath, specifier) {
      const url = key.startsWith('node:') ? key : pathToFileURL(key).href;
      manifest.mightAllow(url, () => missing(pathToFileURL(parentPath).href, specifier, conditions()));
    },
    assertIntegrity(file, source) {
      manifest.assertIntegrity(pathToFileURL(file).href, source);
    },
  };
};

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
