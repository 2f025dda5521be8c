// Builtin modules, for require() and import of 'fs', 'node:fs', ...
// Uses from earlier files: 00-core.js (core, builtins, define, check); 01-inspect.js (inspect, formatWithOptions, format); 02-errors.js (nodeError, invalidArgType, typeError); 03-loop.js (timers, unenroll, activateTimer, enrollTimer, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate, describe); 04-events.js (EventEmitter); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (fsPromises, fs); 09-url.js (urlModule).
const deprecationCodesWarned = new Set();
const util = {
  format, formatWithOptions, inspect,
  inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); define(ctor, 'super_', superCtor); },
  promisify(fn) {
    if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "original" argument must be of type function. Received${describe(fn)}`);
    if (fn[util.promisify.custom]) return fn[util.promisify.custom];
    return function (...args) { return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values.length > 1 ? values : values[0])))); };
  },
  // Warns once per function, and once per code across functions (Node's DEP codes).
  deprecate(fn, msg, code) {
    if (process.noDeprecation === true) return fn;
    if (code !== undefined && typeof code !== 'string') throw invalidArgType('code', 'string', code);
    let warned = false;
    function deprecated(...args) {
      if (!warned) {
        warned = true;
        if (code !== undefined) {
          if (!deprecationCodesWarned.has(code)) {
            process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
            deprecationCodesWarned.add(code);
          }
        } else {
          process.emitWarning(msg, 'DeprecationWarning', deprecated);
        }
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  },
  isDeepStrictEqual: (a, b) => deepEqual(a, b, true),
  types: {
    isPromise: (v) => v instanceof Promise, isDate: (v) => v instanceof Date, isRegExp: (v) => v instanceof RegExp,
    isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set, isNativeError: (v) => v instanceof Error,
    isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView), isUint8Array: (v) => v instanceof Uint8Array,
    isArrayBuffer: (v) => v instanceof ArrayBuffer, isAnyArrayBuffer: (v) => v instanceof ArrayBuffer,
    isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
    isGeneratorFunction: (v) => typeof v === 'function' && v.constructor && /GeneratorFunction$/.test(v.constructor.name),
    isWeakMap: (v) => v instanceof WeakMap, isWeakSet: (v) => v instanceof WeakSet, isDataView: (v) => v instanceof DataView,
    isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean,
  },
  isArray: Array.isArray,
  TextEncoder: undefined, TextDecoder: undefined,
};
util.promisify.custom = Symbol.for('nodejs.util.promisify.custom');
process.assert = util.deprecate(process.assert, 'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100');
// deepEqual(a, b, strict), Node's comparison algorithm, is defined in assert.js.

const os = {
  EOL: '\n', platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', endianness: () => 'LE',
  homedir: () => process.env.HOME || check(ops.op_os_info())[2],
  tmpdir: () => { let t = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp'; if (t.length > 1 && t.endsWith('/')) t = t.slice(0, -1); return t; },
  hostname: () => check(ops.op_os_info())[0],
  release: () => check(ops.op_os_info())[1],
  cpus: () => check(ops.op_os_cpus()).map(([model, speed]) => ({ model, speed, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
  availableParallelism: () => check(ops.op_os_cpus()).length,
  totalmem: () => ops.op_os_mem()[0], freemem: () => ops.op_os_mem()[1],
  uptime: () => ops.op_os_mem()[2],
  loadavg: () => [0, 0, 0],
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: 0, gid: 0, username: process.env.USER || '', homedir: os.homedir(), shell: process.env.SHELL || null }),
  constants: { signals: {}, errno: {} },
  devNull: '/dev/null',
};

// The timers module: the globals, plus the deprecated enroll/unenroll/active API old code uses.
function timersModule() {
  const clearInterval = function clearInterval(timer) { clearTimeout(timer); };
  const m = {
    setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval,
    _unrefActive: util.deprecate((item) => activateTimer(item, false), 'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
    active: util.deprecate((item) => activateTimer(item, true), 'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
    unenroll: util.deprecate(unenroll, 'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
    enroll: util.deprecate(enrollTimer, 'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
  };
  return m;
}
core.builtins = builtins;
function registerBuiltin(name, exports) { builtins.set(name, exports); }
// A builtin made when first required (one that compiles vendored Node code, 43-nodelib.js).
const lazyBuiltins = new Map();
function registerLazyBuiltin(name, make) { lazyBuiltins.set(name, make); }
registerBuiltin('path', path);
registerBuiltin('path/posix', path);
registerBuiltin('path/win32', path.win32);
registerBuiltin('events', EventEmitter);
registerBuiltin('util', util);
registerLazyBuiltin('sys', () => {
  process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
  return util;
});
registerBuiltin('os', os);
registerBuiltin('process', process);
registerBuiltin('url', urlModule);
registerBuiltin('timers', timersModule());
registerBuiltin('console', console);
registerBuiltin('fs', fs);
registerBuiltin('fs/promises', fsPromises);

// Node 20's builtin modules (module.builtinModules), and those it has only with `node:`. One fe
// lacks fails at the require that names it, never later with half an API.
const nodeBuiltinNames = new Set(('_http_agent _http_client _http_common _http_incoming _http_outgoing _http_server ' +
  '_stream_duplex _stream_passthrough _stream_readable _stream_transform _stream_wrap _stream_writable _tls_common ' +
  '_tls_wrap assert assert/strict async_hooks buffer child_process cluster console constants crypto dgram ' +
  'diagnostics_channel dns dns/promises domain events fs fs/promises http http2 https inspector inspector/promises ' +
  'module net os path path/posix path/win32 perf_hooks process punycode querystring readline readline/promises repl ' +
  'stream stream/consumers stream/promises stream/web string_decoder sys timers timers/promises tls trace_events tty ' +
  'url util util/types v8 vm wasi worker_threads zlib').split(' '));
const nodePrefixedBuiltinNames = new Set(['test', 'test/reporters', 'sea']);
// module.builtinModules: Node's list, as isBuiltin answers; an unsupported one fails at its require.
core.nodeBuiltinNames = [...nodeBuiltinNames].sort();
const isNodeBuiltin = (name, id) => nodeBuiltinNames.has(id) || (name !== id && nodePrefixedBuiltinNames.has(id));
function requireBuiltin(name) {
  const id = name.startsWith('node:') ? name.slice(5) : name;
  // `test` is node:test only with its prefix; bare, it is a package name.
  const prefixOnly = name === id && nodePrefixedBuiltinNames.has(id);
  if (!prefixOnly && lazyBuiltins.has(id)) { builtins.set(id, lazyBuiltins.get(id)()); lazyBuiltins.delete(id); }
  if (!prefixOnly && builtins.has(id)) return builtins.get(id);
  // --expose-internals: Node's internal modules (47-internals.js).
  if (core.isExposedInternal(id)) return core.requireInternal(id);
  if (isNodeBuiltin(name, id)) throw nodeError(Error, 'ERR_FE_UNSUPPORTED_BUILTIN', `fe does not support the Node builtin '${id}'`);
  throw nodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${name}`);
}
core.requireBuiltin = requireBuiltin;
core.isBuiltin = (name) => {
  const id = name.startsWith('node:') ? name.slice(5) : name;
  return isNodeBuiltin(name, id) || (!(name === id && nodePrefixedBuiltinNames.has(id)) && (builtins.has(id) || lazyBuiltins.has(id))) ||
    core.isExposedInternal(id);
};
// Replaced by 47-internals.js: without --expose-internals no internal module is a builtin.
core.isExposedInternal = () => false;
