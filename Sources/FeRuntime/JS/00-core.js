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

// ---------------------------------------------------------------------------------------------
// Errors with Node's shape: message "CODE: description, syscall 'path'", plus code/syscall/path.
function opError(info) {
  const [code, description, syscall, path, dest] = info;
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
const ERRNO = { EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EACCES: 13, EEXIST: 17, ENOTDIR: 20,
  EISDIR: 21, EINVAL: 22, EMFILE: 24, ENOSPC: 28, EROFS: 30, EPIPE: 32, ENOTEMPTY: 39,
  ELOOP: 40, ECONNREFUSED: 111, ETIMEDOUT: 110, EADDRINUSE: 98 };
// Sync ops return [error-info] arrays on failure instead of throwing across the boundary,
// so the stack trace points at the caller in JS.
function check(result) {
  if (result !== null && typeof result === 'object' && result.__feError) throw opError(result.__feError);
  return result;
}
core.opError = opError;
