// fe's runtime, evaluated once when a snapshot is built, as the body of `function (ops)`.
// `ops` holds the native functions (Sources/FeRuntime/Ops); what this returns is `core`, the
// object Swift drives: launch, timers, op completions, rejections. Nothing here runs at launch
// except through `core`: the heap it builds is what every snapshot boots into.
// Uses from earlier files: none.
'use strict';

const core = {
  main: undefined, // set by fe.main() in a tool's bundle at blob build time
  tool: undefined,
};
const builtins = new Map();
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const define = (obj, name, value) =>
  Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });

// Node 18.18+'s polyfill (pre_execution.js setupSymbolDisposePolyfill): V8 10.2 has neither
// symbol, and Node's own code (events.addAbortListener, timers, the test runner's primordials)
// keys disposers by these registered ones; without them node:test's stopTest found no disposer.
for (const [name, key] of [['dispose', 'nodejs.dispose'], ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol.for(key), writable: false, enumerable: false, configurable: false });
  }
}

// Trace events (Node's trace_events; the agent is at the end of 49-perf_hooks.js): a flag per
// category group the runtime emits events in, true while an enabled category covers it, and
// emit(phase, categoryGroup, name, id, args) once the agent runs. An instrumented place checks
// its flag and does nothing more while tracing is off.
const traceOn = {
  bootstrap: false, console: false, environment: false, fsSync: false, fsAsync: false, fsDirSync: false,
  fsDirAsync: false, http: false, net: false, dns: false, promises: false, vm: false,
  fs: false, // any of the fs ones
  syncIO: false, // --trace-sync-io, once the event loop runs (60-globals.js)
  emit: null,
  lastId: 0, // the ids of the runtime's async events (Node's are its requests' addresses)
};

// ---------------------------------------------------------------------------------------------
// Errors with Node's shape: message "CODE: description, syscall 'path'", plus code/syscall/path.
function opError(info) {
  let [code, description, syscall, path, dest] = info;
  // An errno the native side has no name for comes as `E<n>`: libuv's name and wording.
  const unnamed = /^E(\d+)$/.exec(code);
  if (unnamed !== null && UV_ERRORS[unnamed[1]]) [code, description] = UV_ERRORS[unnamed[1]];
  if (code === 'EISDIR' && syscall === 'rm') {
    // Node reports rm of a directory without `recursive` as its own SystemError.
    const e = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
    Object.assign(e, { code: 'ERR_FS_EISDIR', errno: 21, syscall: 'rm', path });
    return e;
  }
  let message = `${code}: ${description}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const e = new Error(message);
  e.errno = -(ERRNO[code] || 0);
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  if (dest !== undefined) e.dest = dest;
  return e;
}
// libuv's error names and descriptions (1.44.2, the libuv Node 18 runs on), by negated errno:
// the one table behind err.code/err.errno, util.getSystemErrorName and the socket errors.
const UV_ERRORS = {
  1: ['EPERM', 'operation not permitted'], 2: ['ENOENT', 'no such file or directory'],
  3: ['ESRCH', 'no such process'], 4: ['EINTR', 'interrupted system call'], 5: ['EIO', 'i/o error'],
  6: ['ENXIO', 'no such device or address'], 7: ['E2BIG', 'argument list too long'],
  9: ['EBADF', 'bad file descriptor'], 11: ['EAGAIN', 'resource temporarily unavailable'],
  12: ['ENOMEM', 'not enough memory'], 13: ['EACCES', 'permission denied'],
  14: ['EFAULT', 'bad address in system call argument'], 16: ['EBUSY', 'resource busy or locked'],
  17: ['EEXIST', 'file already exists'], 18: ['EXDEV', 'cross-device link not permitted'],
  19: ['ENODEV', 'no such device'], 20: ['ENOTDIR', 'not a directory'],
  21: ['EISDIR', 'illegal operation on a directory'], 22: ['EINVAL', 'invalid argument'],
  23: ['ENFILE', 'file table overflow'], 24: ['EMFILE', 'too many open files'],
  25: ['ENOTTY', 'inappropriate ioctl for device'], 26: ['ETXTBSY', 'text file is busy'],
  27: ['EFBIG', 'file too large'], 28: ['ENOSPC', 'no space left on device'], 29: ['ESPIPE', 'invalid seek'],
  30: ['EROFS', 'read-only file system'], 31: ['EMLINK', 'too many links'], 32: ['EPIPE', 'broken pipe'],
  34: ['ERANGE', 'result too large'], 36: ['ENAMETOOLONG', 'name too long'],
  38: ['ENOSYS', 'function not implemented'], 39: ['ENOTEMPTY', 'directory not empty'],
  40: ['ELOOP', 'too many symbolic links encountered'], 64: ['ENONET', 'machine is not on the network'],
  71: ['EPROTO', 'protocol error'], 75: ['EOVERFLOW', 'value too large for defined data type'],
  84: ['EILSEQ', 'illegal byte sequence'], 88: ['ENOTSOCK', 'socket operation on non-socket'],
  89: ['EDESTADDRREQ', 'destination address required'], 90: ['EMSGSIZE', 'message too long'],
  91: ['EPROTOTYPE', 'protocol wrong type for socket'], 92: ['ENOPROTOOPT', 'protocol not available'],
  93: ['EPROTONOSUPPORT', 'protocol not supported'], 94: ['ESOCKTNOSUPPORT', 'socket type not supported'],
  95: ['ENOTSUP', 'operation not supported on socket'], 97: ['EAFNOSUPPORT', 'address family not supported'],
  98: ['EADDRINUSE', 'address already in use'], 99: ['EADDRNOTAVAIL', 'address not available'],
  100: ['ENETDOWN', 'network is down'], 101: ['ENETUNREACH', 'network is unreachable'],
  103: ['ECONNABORTED', 'software caused connection abort'], 104: ['ECONNRESET', 'connection reset by peer'],
  105: ['ENOBUFS', 'no buffer space available'], 106: ['EISCONN', 'socket is already connected'],
  107: ['ENOTCONN', 'socket is not connected'], 108: ['ESHUTDOWN', 'cannot send after transport endpoint shutdown'],
  110: ['ETIMEDOUT', 'connection timed out'], 111: ['ECONNREFUSED', 'connection refused'],
  112: ['EHOSTDOWN', 'host is down'], 113: ['EHOSTUNREACH', 'host is unreachable'],
  114: ['EALREADY', 'connection already in progress'], 121: ['EREMOTEIO', 'remote I/O error'],
  125: ['ECANCELED', 'operation canceled'], 3000: ['EAI_ADDRFAMILY', 'address family not supported'],
  3001: ['EAI_AGAIN', 'temporary failure'], 3002: ['EAI_BADFLAGS', 'bad ai_flags value'],
  3003: ['EAI_CANCELED', 'request canceled'], 3004: ['EAI_FAIL', 'permanent failure'],
  3005: ['EAI_FAMILY', 'ai_family not supported'], 3006: ['EAI_MEMORY', 'out of memory'],
  3007: ['EAI_NODATA', 'no address'], 3008: ['EAI_NONAME', 'unknown node or service'],
  3009: ['EAI_OVERFLOW', 'argument buffer overflow'], 3010: ['EAI_SERVICE', 'service not available for socket type'],
  3011: ['EAI_SOCKTYPE', 'socket type not supported'], 3013: ['EAI_BADHINTS', 'invalid value for hints'],
  3014: ['EAI_PROTOCOL', 'resolved protocol is unknown'], 4028: ['EFTYPE', 'inappropriate file type or format'],
  4080: ['ECHARSET', 'invalid Unicode character'], 4094: ['UNKNOWN', 'unknown error'], 4095: ['EOF', 'end of file'],

};
const uvErrorOf = (err) => UV_ERRORS[-err] || UV_ERRORS[err] || [`Unknown system error ${err}`, `Unknown system error ${err}`];
// Code -> positive errno (EOF -> 4095 and the other libuv-only codes included).
const ERRNO = Object.fromEntries(Object.entries(UV_ERRORS).map(([n, [code]]) => [code, Number(n)]));
// Sync ops return [error-info] arrays on failure instead of throwing across the boundary,
// so the stack trace points at the caller in JS.
function check(result) {
  if (result !== null && typeof result === 'object' && result.__feError) throw opError(result.__feError);
  return result;
}
core.opError = opError;
// Node's private symbols (src/env_properties.h): keys V8 hides from every reflection, made on
// first use and shared by everything that reads or writes them (internalBinding('util')).
let privateSymbols;
core.privateSymbols = () => {
  if (privateSymbols) return privateSymbols;
  const names = {
    arrow_message_private_symbol: 'node:arrowMessage', contextify_context_private_symbol: 'node:contextify:context',
    decorated_private_symbol: 'node:decorated', napi_type_tag: 'node:napi:type_tag', napi_wrapper: 'node:napi:wrapper',
    untransferable_object_private_symbol: 'node:untransferableObject',
  };
  privateSymbols = { __proto__: null };
  for (const key of Object.keys(names)) privateSymbols[key] = ops.op_private_symbol(names[key]);
  return Object.freeze(privateSymbols);
};
