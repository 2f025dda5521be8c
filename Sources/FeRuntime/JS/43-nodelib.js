// Node's own JavaScript (NodeLib/, vendored from Node 18.20.4's lib/) and the builtins made of it
// (node:test). A vendored file runs as Node runs it: a function of (exports, require, module,
// process, internalBinding, primordials), compiled when first required. Its `require` reaches the
// public builtins, other vendored files, and fe's stand-ins below for the Node internals they use.
// Uses from earlier files: 00-core.js (builtins); 01-inspect.js (customInspect, inspect, formatWithOptions, format); 02-errors.js (nodeError, receivedType, invalidArgType, outOfRange, invalidArgValue); 03-loop.js (TIMEOUT_MAX, timers); 05-process.js (process); 06-console.js (console); 09-url.js (fileURLToPath, pathToFileURL, URL); 10-builtins.js (util, os, registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer).
const nodeLib = (() => {
  const cache = new Map();
  let primordialsObject;

  function getPrimordials() {
    if (primordialsObject === undefined) {
      primordialsObject = {};
      const fn = ops.op_vm_compile_function(undefined, ops.op_nodelib_source('internal/per_context/primordials'),
        'node:internal/per_context/primordials', 0, 0, ['primordials'], []);
      fn(primordialsObject);
      Object.freeze(primordialsObject);
    }
    return primordialsObject;
  }

  function load(id) {
    if (cache.has(id)) return cache.get(id).exports;
    const standIn = internals[id];
    if (standIn) {
      const module = { exports: standIn() };
      cache.set(id, module);
      return module.exports;
    }
    const source = ops.op_nodelib_source(id);
    if (source === undefined) {
      if (id.startsWith('internal/')) throw nodeError(Error, 'ERR_FE_UNSUPPORTED', `fe does not provide Node's ${id}`);
      return requireBuiltin(id);
    }
    const module = { exports: {}, id };
    cache.set(id, module);
    const fn = ops.op_vm_compile_function(undefined, source, `node:${id}`, 0, 0,
      ['exports', 'require', 'module', 'process', 'internalBinding', 'primordials'], []);
    try {
      fn(module.exports, load, module, process, internalBinding, getPrimordials());
    } catch (e) {
      cache.delete(id);
      throw e;
    }
    return module.exports;
  }

  // The few native bindings the vendored files reach, as far as fe can answer them.
  function internalBinding(name) {
    if (Object.prototype.hasOwnProperty.call(bindings, name)) {
      if (typeof bindings[name] === 'function') bindings[name] = bindings[name]();
      return bindings[name];
    }
    if (name === 'util') return { getCallerLocation };
    if (name === 'constants') return { os: requireBuiltin('os').constants };
    if (name === 'errors') return { exitCodes: { kNoFailure: 0, kGenericUserError: 1 } };
    throw nodeError(Error, 'ERR_FE_UNSUPPORTED', `fe has no internal binding '${name}'`);
  }

  // [line, column, file] of the code that called the function calling this one (Node's
  // node_util.cc GetCallerLocation), from V8's structured stack.
  function getCallerLocation() {
    const saved = Error.prepareStackTrace;
    const holder = {};
    try {
      Error.prepareStackTrace = (_, callSites) => callSites;
      Error.captureStackTrace(holder, getCallerLocation);
      const frame = holder.stack[1];
      if (!frame) return undefined;
      return [frame.getLineNumber(), frame.getColumnNumber(), frame.getFileName()];
    } finally {
      Error.prepareStackTrace = saved;
    }
  }

  // fe's stand-ins for the Node internals the vendored files require: what they use, backed by
  // fe's runtime (Node's messages for the error codes they construct).
  const kIsNodeError = Symbol('kIsNodeError');
  const kNodeTimeout = Symbol('timeout');
  function codeClass(Base, code, format) {
    return class NodeError extends Base {
      static format = format;
      constructor(...args) {
        super();
        const message = format.apply(this, args);
        Object.defineProperty(this, 'message', { value: message, configurable: true, writable: true });
        Object.defineProperty(this, 'name', { value: `${Base.name} [${code}]`, configurable: true, writable: true });
        this.stack; // eslint-disable-line no-unused-expressions -- the stack keeps the code in its first line
        delete this.name;
        this.code = code;
        this[kIsNodeError] = true;
      }
      get ['constructor']() { return Base; }
      toString() { return `${this.name} [${code}]: ${this.message}`; }
    };
  }
  const fromError = (make) => function (...args) { return make(...args).message; };
  // Node's error classes by code, for internal/errors' `codes`; builtins made of vendored files
  // add the codes they use (JS/45-http2.js).
  const errorCodes = {
    ERR_INVALID_ARG_TYPE: codeClass(TypeError, 'ERR_INVALID_ARG_TYPE', fromError(invalidArgType)),
    ERR_INVALID_ARG_VALUE: codeClass(TypeError, 'ERR_INVALID_ARG_VALUE', fromError(invalidArgValue)),
    ERR_OUT_OF_RANGE: codeClass(RangeError, 'ERR_OUT_OF_RANGE', fromError(outOfRange)),
    ERR_INVALID_STATE: codeClass(Error, 'ERR_INVALID_STATE', (what) => `Invalid state: ${what}`),
    ERR_UNKNOWN_SIGNAL: codeClass(TypeError, 'ERR_UNKNOWN_SIGNAL', (signal) => `Unknown signal: ${signal}`),
    ERR_SOCKET_BAD_PORT: codeClass(RangeError, 'ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) =>
      `${name} should be ${allowZero ? '>= 0' : '> 0'} and < 65536. Received ${receivedType(port)}.`),
    ERR_TEST_FAILURE: codeClass(Error, 'ERR_TEST_FAILURE', function (error, failureType) {
      let msg = error?.message ?? error;
      if (typeof msg !== 'string') msg = inspect(msg);
      this.failureType = failureType;
      this.cause = error;
      return msg;
    }),
  };
  // Node's aggregateTwoErrors: the outer error, carrying the inner one when both exist.
  function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      if (Array.isArray(outer.errors)) { outer.errors.push(inner); return outer; }
      const err = new AggregateError([outer, inner], outer.message);
      err.code = outer.code;
      return err;
    }
    return inner || outer;
  }
  // Native bindings builtins made of vendored files provide: name -> value, or a function making it.
  const bindings = {};
  const internals = {
    'internal/errors': () => ({
      kIsNodeError,
      hideStackFrames: (fn) => fn,
      inspectWithNoCustomRetry: (value, options) => {
        try { return inspect(value, options); } catch { return inspect(value, { ...options, customInspect: false }); }
      },
      AbortError: class AbortError extends Error {
        constructor(message = 'The operation was aborted', options = undefined) {
          super(message, options);
          this.code = 'ABORT_ERR';
          this.name = 'AbortError';
        }
      },
      getMessage: (code, args, self) => (errorCodes[code] ? errorCodes[code].format.apply(self, args) : code),
      captureLargerStackTrace: (err) => err,
      aggregateTwoErrors,
      codes: errorCodes,
    }),
    'internal/util': () => ({
      assertCrypto() {},
      customInspectSymbol: Symbol.for('nodejs.util.inspect.custom'),
      get promisify() { return requireBuiltin('util').promisify; },
      kEmptyObject: Object.freeze({ __proto__: null }),
      isError: (e) => e instanceof Error || Object.prototype.toString.call(e) === '[object Error]',
      createDeferredPromise() {
        let resolve, reject;
        const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
        return { promise, resolve, reject };
      },
      once(fn) {
        let called = false;
        return function (...args) { if (called) return; called = true; return Reflect.apply(fn, this, args); };
      },
      emitExperimentalWarning(feature) {
        process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
      },
      normalizeEncoding: (enc) => (Buffer.isEncoding(enc ?? 'utf8') ? String(enc ?? 'utf8').toLowerCase().replace('-', '') : undefined),
      setupCoverageHooks() { throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'fe has no V8 coverage collection (--experimental-test-coverage)'); },
    }),
    'internal/util/types': () => requireBuiltin('util').types,
    'internal/util/inspect': () => ({ inspect, format, formatWithOptions }),
    'internal/util/inspector': () => ({
      getInspectPort: () => 0, isUsingInspector: () => false, isInspectorMessage: () => false,
    }),
    'internal/tty': () => ({ getColorDepth: () => process.stderr.getColorDepth() }),
    'internal/timers': () => ({ TIMEOUT_MAX, kTimeout: kNodeTimeout }),
    'internal/abort_controller': () => ({ AbortController: globalThis.AbortController, AbortSignal: globalThis.AbortSignal }),
    'internal/event_target': () => ({ kResistStopPropagation: Symbol('kResistStopPropagation') }),
    'internal/url': () => ({ pathToFileURL, fileURLToPath, URL }),
    'internal/options': () => ({ getOptionValue }),
    'internal/streams/readable': () => requireBuiltin('stream').Readable,
    'internal/streams/transform': () => requireBuiltin('stream').Transform,
    'internal/streams/end-of-stream': () => {
      const { finished } = requireBuiltin('stream');
      return Object.assign((...args) => finished(...args), { finished });
    },
    'internal/console/global': () => console,
    // stream, with compose for the one use the test runner makes of it: a reporter (an async
    // generator function, or a Transform such as the spec reporter) over the tests' event stream.
    stream: () => {
      const stream = requireBuiltin('stream');
      if (typeof stream.compose === 'function') return stream;
      const compose = (source, reporter) => (typeof reporter === 'function'
        ? stream.Readable.from(reporter(source)) : source.pipe(reporter));
      // Still the Stream constructor (compat.js's classes extend it), with compose beside it.
      function Stream(options) { return Reflect.construct(stream, [options], new.target || Stream); }
      Object.setPrototypeOf(Stream, stream);
      Stream.prototype = stream.prototype;
      return Object.assign(Stream, { compose });
    },
  };

  // Node's option values (getOptionValue) for the options these files read, from the command line
  // fe was started with (process.execArgv) and NODE_OPTIONS.
  const kOptionDefaults = {
    '--test': false, '--test-only': false, '--watch': false, '--experimental-test-coverage': false,
    '--test-name-pattern': [], '--test-reporter': [], '--test-reporter-destination': [],
  };
  function getOptionValue(name) {
    const args = [...(process.env.NODE_OPTIONS || '').split(/\s+/).filter(Boolean), ...(process.execArgv || [])];
    const dflt = kOptionDefaults[name];
    if (Array.isArray(dflt)) {
      const out = [];
      for (let i = 0; i < args.length; i++) {
        if (args[i] === name && i + 1 < args.length) out.push(args[++i]);
        else if (args[i].startsWith(`${name}=`)) out.push(args[i].slice(name.length + 1));
      }
      return out;
    }
    if (typeof dflt === 'boolean') return args.includes(name) || (dflt && !args.includes(`--no-${name.slice(2)}`));
    return undefined;
  }

  return { load, internals, bindings, errorCodes, codeClass };
})();

// node:test (Node 18.20's test runner, its reporters and mocks), only with the node: prefix.
registerLazyBuiltin('test', () => nodeLib.load('test'));
registerLazyBuiltin('test/reporters', () => {
  const load = (id) => nodeLib.load(`internal/test_runner/reporter/${id}`);
  return {
    get dot() { return load('dot'); }, get junit() { return load('junit'); },
    get spec() { return load('spec'); }, get tap() { return load('tap'); },
  };
});
