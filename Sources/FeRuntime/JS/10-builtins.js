// Builtin modules, for require() and import of 'fs', 'node:fs', ...
// Uses from earlier files: 00-core.js (core, builtins, define, ERRNO, check); 01-inspect.js (inspect, formatWithOptions, format); 02-errors.js (nodeError, invalidArgType, validateFunction); 03-loop.js (timers, unenroll, activateTimer, enrollTimer, setTimeout, setInterval, clearTimeout, setImmediate, clearImmediate); 04-events.js (EventEmitter); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (validateInt32, systemError, fsPromises, fs); 09-url.js (urlModule).
const deprecationCodesWarned = new Set();
// Node's internal/util customPromisifyArgs: the names promisify gives a callback's values.
const kCustomPromisifyArgs = Symbol('customPromisifyArgs');
const util = {
  format, formatWithOptions, inspect,
  inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); define(ctor, 'super_', superCtor); },
  // Node's promisify: the function's custom one, else a wrapper resolving with the callback's
  // first value (an object of several when the function names them, as fs.read does).
  promisify(original) {
    validateFunction(original, 'original');
    const custom = util.promisify.custom;
    if (original[custom]) {
      const fn = original[custom];
      validateFunction(fn, 'util.promisify.custom');
      return Object.defineProperty(fn, custom, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    const argumentNames = original[kCustomPromisifyArgs];
    function fn(...args) {
      return new Promise((resolve, reject) => {
        args.push((err, ...values) => {
          if (err) return reject(err);
          if (argumentNames !== undefined && values.length > 1) {
            const obj = {};
            for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
            resolve(obj);
          } else {
            resolve(values[0]);
          }
        });
        Reflect.apply(original, this, args);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, custom, { value: fn, enumerable: false, writable: false, configurable: true });
    const descriptors = Object.getOwnPropertyDescriptors(original);
    for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
    return Object.defineProperties(fn, descriptors);
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

// os: Node's lib/os.js over fe's ops (OsOps.swift) in place of its native binding.
const os = (() => {
  // A failed op as Node's ERR_SYSTEM_ERROR (libuv's negative errno, its uv_* syscall).
  const checked = (result) => {
    if (result === null || typeof result !== 'object' || !result.__feError) return result;
    const [code, message, syscall] = result.__feError;
    throw systemError('ERR_SYSTEM_ERROR', 'A system error occurred', { errno: -ERRNO[code], code, message, syscall });
  };
  let uname;
  const unameField = (i) => (uname ??= checked(ops.op_os_uname()))[i];
  // Node's getCIDR: the netmask's leading one bits, or null for a netmask that is not a prefix.
  function getCIDR(address, netmask, family) {
    const ipv6 = family === 'IPv6';
    let ones = 0, hasZeros = false;
    for (const part of netmask.split(ipv6 ? ':' : '.')) {
      if (part === '') continue;
      if (hasZeros) {
        if (part !== '0') return null;
        continue;
      }
      const bits = parseInt(part, ipv6 ? 16 : 10);
      let n = bits - ((bits >>> 1) & 0x55555555);
      n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
      const binaryOnes = (((n + (n >>> 4)) & 0xF0F0F0F) * 0x1010101) >>> 24;
      ones += binaryOnes;
      if (binaryOnes !== (ipv6 ? 16 : 8)) {
        if ((bits & 1) !== 0) return null;
        hasZeros = true;
      }
    }
    return `${address}/${ones}`;
  }
  // Node's internalBinding('os') for the calls that can fail: a failure returns undefined and
  // fills the ctx object given last (errno, code, message, syscall); os's functions call through
  // it (Node's getCheckedFunction), and throw ERR_SYSTEM_ERROR from that ctx.
  const toCtx = (result, ctx) => {
    if (result === null || typeof result !== 'object' || !result.__feError) return result;
    const [code, message, syscall] = result.__feError;
    if (ctx !== null && typeof ctx === 'object') Object.assign(ctx, { errno: -ERRNO[code], code, message, syscall });
    return undefined;
  };
  const binding = {
    getHomeDirectory(ctx) { return process.env.HOME || toCtx(ops.op_os_info(), ctx)?.[2]; },
    getHostname(ctx) { return toCtx(ops.op_os_info(), ctx)?.[0]; },
    getUptime() { return ops.op_os_mem()[2]; },
    getInterfaceAddresses(ctx) { return toCtx(ops.op_os_interfaces(), ctx)?.flat(); },
    getOSInformation(ctx) { return toCtx(ops.op_os_uname(), ctx)?.slice(0, 4); },
    getTotalMem() { return ops.op_os_mem()[0]; },
    getFreeMem() { return ops.op_os_mem()[1]; },
    getLoadAvg(array) { array.set(ops.op_os_loadavg()); },
    getCPUs() { return check(ops.op_os_cpus()).flat(); },
    getAvailableParallelism() { return check(ops.op_os_cpus()).length; },
    isBigEndian: false,
  };
  core.osBinding = binding;
  const callChecked = (name, ...args) => {
    const ctx = {};
    const ret = binding[name](...args, ctx);
    if (ret === undefined) throw systemError('ERR_SYSTEM_ERROR', 'A system error occurred', ctx);
    return ret;
  };
  const m = {
    platform: () => process.platform, type: () => unameField(0), arch: () => process.arch, endianness: () => 'LE',
    release: () => unameField(2), version: () => unameField(1), machine: () => unameField(3),
    homedir: () => callChecked('getHomeDirectory'),
    tmpdir: () => { let t = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp'; if (t.length > 1 && t.endsWith('/')) t = t.slice(0, -1); return t; },
    hostname: () => callChecked('getHostname'),
    cpus: () => check(ops.op_os_cpus()).map(([model, speed, user, nice, sys, idle, irq]) => ({ model, speed, times: { user, nice, sys, idle, irq } })),
    availableParallelism: () => check(ops.op_os_cpus()).length,
    totalmem: () => ops.op_os_mem()[0], freemem: () => ops.op_os_mem()[1],
    uptime: () => ops.op_os_mem()[2],
    loadavg: () => ops.op_os_loadavg(),
    networkInterfaces() {
      const result = {};
      const flat = callChecked('getInterfaceAddresses');
      for (let i = 0; i < flat.length; i += 7) {
        const [name, address, netmask, family, mac, internal, scopeid] = flat.slice(i, i + 7);
        const entry = { address, netmask, family, mac, internal, cidr: getCIDR(address, netmask, family) };
        if (scopeid !== -1) entry.scopeid = scopeid;
        (result[name] ??= []).push(entry);
      }
      return result;
    },
    setPriority(pid, priority) {
      if (priority === undefined) { priority = pid; pid = 0; }
      validateInt32(pid, 'pid');
      validateInt32(priority, 'priority', -20, 19);
      checked(ops.op_os_priority(pid, priority));
    },
    getPriority(pid) {
      if (pid === undefined) pid = 0;
      else validateInt32(pid, 'pid');
      return checked(ops.op_os_priority(pid));
    },
    userInfo(options) {
      if (typeof options !== 'object') options = null;
      const encoding = options?.encoding;
      const [uid, gid, username, homedir, shell] = checked(ops.op_os_user_info());
      const encode = (s) => (s === null ? null : encoding === 'buffer' ? Buffer.from(s) : s);
      return { uid, gid, username: encode(username), homedir: encode(homedir), shell: encode(shell) };
    },
  };
  // `${os.hostname}` is os.hostname(): the value-returning functions convert to their value.
  for (const name of ['arch', 'platform', 'type', 'release', 'version', 'machine', 'endianness', 'homedir', 'tmpdir',
    'hostname', 'totalmem', 'freemem', 'uptime', 'availableParallelism']) {
    m[name][Symbol.toPrimitive] = () => m[name]();
  }
  Object.defineProperties(m, {
    constants: { configurable: false, enumerable: true, value: { __proto__: null, signals: { __proto__: null }, errno: { __proto__: null } } },
    EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
    devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
  });
  return m;
})();

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
