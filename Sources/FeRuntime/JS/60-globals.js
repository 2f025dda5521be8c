// Globals
// Uses from earlier files: 00-core.js (core, define); 02-errors.js (typeError); 03-loop.js (fatal, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate, describe); 05-process.js (process, startTime); 06-console.js (console, print); 07-path.js (path); 09-url.js (URLSearchParams, URL); 10-builtins.js (requireBuiltin); 19-cjs.js (cjs); 27-http.js (http).
const globals = {
  console, print, process, setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate,
  queueMicrotask: (fn) => { if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. Received${describe(fn)}`); Promise.resolve().then(() => { try { fn(); } catch (e) { fatal(e); } }); },
  URL, URLSearchParams, global: globalThis,
};
for (const [k, v] of Object.entries(globals)) define(globalThis, k, v);

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
  process.env = info.env;
  process.pid = info.pid;
  process.ppid = info.ppid;
  process.stdout.isTTY = info.stdoutTTY || undefined;
  process.stderr.isTTY = info.stderrTTY || undefined;
  process.stdin.isTTY = info.stdinTTY || undefined;
  if (info.columns) { process.stdout.columns = info.columns; process.stderr.columns = info.columns; }
  startTime = ops.op_hrtime();
};
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
core.commonjs = (fn, filename) => cjs.runCompiledMain(fn, filename);
// ES module resolution of a bare specifier: node_modules with the "import" conditions.
core.resolveBare = (request, parentPath) => cjs.Module._resolveFilename(request,
  { filename: parentPath, paths: cjs.Module._nodeModulePaths(path.dirname(parentPath)) }, false,
  { conditions: ['import', 'node', 'default'] });
core.packageType = (filename) => cjs.packageType(path.dirname(filename));

// Helpers for the module loader (Swift drives the graph; these shape values for it).
core.runExportedMain = async (main, args) => {
  const code = await main(args);
  return typeof code === 'number' ? code | 0 : core.exitCode();
};
core.exitCodePromise = () => Promise.resolve().then(() => core.exitCode());
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
