// Node's own JavaScript (NodeLib/, vendored from Node 18.20.4's lib/) and the builtins made of it
// (node:test). A vendored file runs as Node runs it: a function of (exports, require, module,
// process, internalBinding, primordials), compiled when first required. Its `require` reaches the
// public builtins, other vendored files, and fe's stand-ins below for the Node internals they use.
// Uses from earlier files: 00-core.js (core, builtins, privateSymbols); 01-inspect.js (customInspect, stripVTControlCharacters, getStringWidth, inspect, formatWithOptions, format); 02-errors.js (nodeError, receivedType, invalidArgType, outOfRange, invalidArgValue, missingArgs); 03-loop.js (fatal, TIMEOUT_MAX, timers); 04-events.js (eventTargetHooks); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (then, fs); 09-url.js (fileURLToPath, pathToFileURL, URL); 10-builtins.js (kCustomPromisifyArgs, util, registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream); 17-crypto.js (nodeCrypto); 19-cjs.js (cjs); 27-http.js (http); 32-net.js (netInternals).
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

  // `vendoredOnly`: Node's own file even where fe's vendored files get a stand-in.
  function load(id, vendoredOnly = false) {
    const key = vendoredOnly && internals[id] ? `vendored:${id}` : id;
    if (cache.has(key)) return cache.get(key).exports;
    const standIn = vendoredOnly ? undefined : internals[id];
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
    cache.set(key, module);
    const fn = ops.op_vm_compile_function(undefined, source, `node:${id}`, 0, 0,
      ['exports', 'require', 'module', 'process', 'internalBinding', 'primordials'], []);
    try {
      fn(module.exports, load, module, process, internalBinding, getPrimordials());
    } catch (e) {
      cache.delete(key);
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

  // internalBinding('util').getOwnNonIndexProperties: own keys that are not array indices,
  // filtered as V8's PropertyFilter (2: enumerable only, 16: no symbols).
  function getOwnNonIndexProperties(obj, filter) {
    const isIndex = (key) => typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
    return Reflect.ownKeys(obj).filter((key) => !isIndex(key) &&
      !((filter & 16) && typeof key === 'symbol') &&
      !((filter & 2) && !Object.prototype.propertyIsEnumerable.call(obj, key)));
  }

  // SIGINT while a script runs (vm's breakOnSigint) ends that script: the watchdog turns the
  // signal into a termination of this isolate instead of a 'SIGINT' event.
  const startSigintWatchdog = () => ops.op_sigint_watchdog(true);
  const stopSigintWatchdog = () => ops.op_sigint_watchdog(false);

  // Node's lib/internal/util/inspector.js: a command to this isolate's own inspector, or
  // onError() when there is none.
  let inspectorSession;
  function sendInspectorCommand(cb, onError) {
    if (!process.features.inspector) return onError();
    const inspector = requireBuiltin('inspector');
    if (inspectorSession === undefined) inspectorSession = new inspector.Session();
    inspectorSession.connect();
    try {
      return cb(inspectorSession);
    } finally {
      inspectorSession.disconnect();
    }
  }

  const BuiltinModule = {
    exists: (id) => core.isBuiltin(id),
    canBeRequiredByUsers: (id) => core.isBuiltin(id),
    canBeRequiredWithoutScheme: (id) => core.nodeBuiltinNames.includes(id),
    getSchemeOnlyModuleNames: () => ['test'],
  };

  // Node's lib/internal/modules/helpers.js.
  function makeRequireFunction(mod) {
    const Module = requireBuiltin('module');
    const require = function require(path) { return mod.require(path); };
    function resolve(request, options) { return Module._resolveFilename(request, mod, false, options); }
    resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  // Builtins as lazy, reassignable, non-enumerable properties of the REPL's global.
  function addBuiltinLibsToObject(object, dummyModuleName) {
    const Module = requireBuiltin('module');
    const dummyModule = new Module(dummyModuleName);
    for (const name of Module.builtinModules) {
      if (name.startsWith('_') || name.includes('/') || Object.prototype.hasOwnProperty.call(object, name)) continue;
      const setReal = (val) => {
        delete object[name];
        object[name] = val;
      };
      Object.defineProperty(object, name, {
        __proto__: null,
        get: () => {
          const lib = dummyModule.require(name);
          try {
            Object.defineProperty(object, name, { __proto__: null, get: () => lib, set: setReal, configurable: true, enumerable: false });
          } catch {
            // No longer configurable: keep the getter.
          }
          return lib;
        },
        set: setReal,
        configurable: true,
        enumerable: false,
      });
    }
  }

  // Node's ContextifyScript is what vm.Script wraps; fe's vm.Script is the script itself. The
  // REPL's import() goes to the main loader, as Node's REPL has its own callback do.
  function makeContextifyScript(code, filename, lineOffset, columnOffset) {
    const { Script } = requireBuiltin('vm');
    return new Script(code, { filename, lineOffset, columnOffset, importModuleDynamically: core.vmModules.kUseMainLoader });
  }

  // fe's stand-ins for the Node internals the vendored files require: what they use, backed by
  // fe's runtime (Node's messages for the error codes they construct).
  const kIsNodeError = Symbol('kIsNodeError');
  const kNodeTimeout = netInternals.kTimeout; // the one net's sockets use
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
  // Node's prepareStackTrace consults this map when an error's stack is first formatted. V8
  // formats a stack on its first read, so fe applies the override then and there.
  const overrideStackTrace = {
    // An override is applied as it is set: none is ever pending.
    has() { return false; },
    get() { return undefined; },
    delete() { return false; },
    set(error, format) {
      // V8 asks the Error of the realm the error was made in (a vm context's, say).
      let proto = Object.getPrototypeOf(error);
      while (proto && !Object.prototype.hasOwnProperty.call(proto.constructor ?? {}, 'captureStackTrace')) {
        proto = Object.getPrototypeOf(proto);
      }
      const RealmError = proto?.constructor ?? Error;
      const saved = RealmError.prepareStackTrace;
      // The override may call Error.prepareStackTrace itself: it sees the user's again.
      RealmError.prepareStackTrace = (err, frames) => {
        RealmError.prepareStackTrace = saved;
        return format(err, frames);
      };
      try { error.stack; } finally { RealmError.prepareStackTrace = saved; } // eslint-disable-line no-unused-expressions
      return this;
    },
  };
  // Node's prepare-stack-trace callback (internalBinding('errors').setPrepareStackTraceCallback):
  // fe's V8 has no embedder callback, so a callback other than Node's default one (V8's own
  // formatting, which fe keeps) is reached through Error.prepareStackTrace, which V8 consults:
  // an accessor on this realm's Error that answers the user's function where one was set (as
  // Node's callback would call it), else the callback.
  let prepareCallback = null;
  let userPrepareStackTrace;
  function formatStackTrace(error, trace) {
    if (core.sourceMapsEnabled && Array.isArray(trace)) {
      for (let i = 0; i < trace.length; i++) {
        const file = trace[i]?.getFileName?.();
        if (typeof file === 'string' && file.startsWith('file://')) core.cacheModuleSourceMap(file);
      }
      // Where the error was made, for the source line printed above it if it is uncaught.
      const top = trace[0];
      if (top !== undefined && error !== null && typeof error === 'object') {
        const file = top.getFileName() ?? top.getEvalOrigin();
        if (typeof file === 'string') errorSites.set(error, [file, top.getLineNumber(), top.getColumnNumber()]);
      }
    }
    return prepareCallback(globalThis, error, trace);
  }
  function defaultPrepareStackTrace() {} // Node's internal/errors prepareStackTrace: V8's formatting
  function setPrepareStackTraceCallback(fn) {
    if (typeof fn !== 'function') throw invalidArgType('callback', 'Function', fn);
    if (fn === defaultPrepareStackTrace) {
      if (prepareCallback === null) return;
      prepareCallback = null;
      const value = userPrepareStackTrace;
      userPrepareStackTrace = undefined;
      delete Error.prepareStackTrace;
      if (value !== undefined) Error.prepareStackTrace = value;
      return;
    }
    if (prepareCallback === null) {
      const desc = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
      userPrepareStackTrace = desc === undefined ? undefined : desc.get ? Reflect.apply(desc.get, Error, []) : desc.value;
      Object.defineProperty(Error, 'prepareStackTrace', {
        __proto__: null,
        configurable: true,
        enumerable: false,
        get() { return typeof userPrepareStackTrace === 'function' ? userPrepareStackTrace : formatStackTrace; },
        set(value) { userPrepareStackTrace = value === formatStackTrace ? undefined : value; },
      });
    }
    prepareCallback = fn;
  }
  // Node's maybeOverridePrepareStackTrace: the Error.prepareStackTrace of the error's realm, or
  // of the main one, if it was set.
  const kNoOverride = Symbol('kNoOverride');
  function maybeOverridePrepareStackTrace(realm, error, trace) {
    const ownPrepare = (RealmError) => {
      if (RealmError === Error) return prepareCallback !== null ? userPrepareStackTrace : Error.prepareStackTrace;
      return RealmError?.prepareStackTrace;
    };
    const fn = ownPrepare(realm.Error);
    if (typeof fn === 'function') return Reflect.apply(fn, realm.Error, [error, trace]);
    const main = ownPrepare(Error);
    if (typeof main === 'function') return Reflect.apply(main, Error, [error, trace]);
    return kNoOverride;
  }
  // Node's setGetSourceMapErrorSource: the original source line of a source-mapped throw.
  core.getSourceMapErrorSource = null;
  const errorSites = new WeakMap();
  // Node's GetErrorSource with source maps on: for an uncaught error, the line of the original
  // source it was thrown from ("file:line", the line, a caret, a blank line), or ''.
  core.sourceMapErrorSource = (error) => {
    if (!core.sourceMapsEnabled || typeof core.getSourceMapErrorSource !== 'function') return '';
    if (error === null || typeof error !== 'object') return '';
    try {
      error.stack; // eslint-disable-line no-unused-expressions -- formatted now, if not yet
      const site = errorSites.get(error);
      if (site === undefined) return '';
      const text = core.getSourceMapErrorSource(site[0], site[1], site[2] - 1);
      return typeof text === 'string' ? text : '';
    } catch {
      return '';
    }
  };
  const fromError = (make) => function (...args) { return make(...args).message; };
  // Node's error classes by code, for internal/errors' `codes`; builtins made of vendored files
  // add the codes they use (JS/45-http2.js).
  const errorCodes = {
    ERR_INVALID_ARG_TYPE: codeClass(TypeError, 'ERR_INVALID_ARG_TYPE', fromError(invalidArgType)),
    ERR_INVALID_ARG_VALUE: Object.assign(codeClass(TypeError, 'ERR_INVALID_ARG_VALUE', fromError(invalidArgValue)), {
      RangeError: codeClass(RangeError, 'ERR_INVALID_ARG_VALUE', fromError(invalidArgValue)),
    }),
    ERR_OUT_OF_RANGE: codeClass(RangeError, 'ERR_OUT_OF_RANGE', fromError(outOfRange)),
    ERR_MISSING_ARGS: codeClass(TypeError, 'ERR_MISSING_ARGS', fromError(missingArgs)),
    ERR_INVALID_RETURN_VALUE: codeClass(TypeError, 'ERR_INVALID_RETURN_VALUE', (input, name, value) => {
      const type = value?.constructor?.name ? `instance of ${value.constructor.name}` : `type ${typeof value}`;
      return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
    }),
    ERR_ILLEGAL_CONSTRUCTOR: codeClass(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', () => 'Illegal constructor'),
    ERR_VM_MODULE_ALREADY_LINKED: codeClass(Error, 'ERR_VM_MODULE_ALREADY_LINKED', () => 'Module has already been linked'),
    ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA: codeClass(Error, 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
      () => 'Cached data cannot be created for a module which has been evaluated'),
    ERR_VM_MODULE_DIFFERENT_CONTEXT: codeClass(Error, 'ERR_VM_MODULE_DIFFERENT_CONTEXT',
      () => 'Linked modules must use the same context'),
    ERR_VM_MODULE_LINK_FAILURE: codeClass(Error, 'ERR_VM_MODULE_LINK_FAILURE', function (message, cause) {
      this.cause = cause;
      return message;
    }),
    ERR_VM_MODULE_NOT_MODULE: codeClass(Error, 'ERR_VM_MODULE_NOT_MODULE', () => 'Provided module is not an instance of Module'),
    ERR_VM_MODULE_STATUS: codeClass(Error, 'ERR_VM_MODULE_STATUS', (status) => `Module status ${status}`),
    ERR_INVALID_STATE: Object.assign(codeClass(Error, 'ERR_INVALID_STATE', (what) => `Invalid state: ${what}`), {
      TypeError: codeClass(TypeError, 'ERR_INVALID_STATE', (what) => `Invalid state: ${what}`),
      RangeError: codeClass(RangeError, 'ERR_INVALID_STATE', (what) => `Invalid state: ${what}`),
    }),
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE: codeClass(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
      (actual, expected) => `Invalid key object type ${actual}, expected ${expected}.`),
    ERR_CRYPTO_INCOMPATIBLE_KEY: codeClass(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', (name, what) => `Incompatible ${name}: ${what}`),
    ERR_CRYPTO_ECDH_INVALID_FORMAT: codeClass(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', (format) => `Invalid ECDH format: ${format}`),
    ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY: codeClass(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', () => 'Public key is not valid for specified curve'),
    ERR_CRYPTO_ENGINE_UNKNOWN: codeClass(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', (id) => `Engine "${id}" was not found`),
    ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED: codeClass(Error, 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED',
      () => 'Custom engines not supported by this OpenSSL'),
    ERR_INVALID_THIS: codeClass(TypeError, 'ERR_INVALID_THIS', (type) => `Value of "this" must be of type ${type}`),
    ERR_MISSING_OPTION: codeClass(TypeError, 'ERR_MISSING_OPTION', (option) => `${option} is required`),
    ERR_OPERATION_FAILED: Object.assign(codeClass(Error, 'ERR_OPERATION_FAILED', (what) => `Operation failed: ${what}`), {
      TypeError: codeClass(TypeError, 'ERR_OPERATION_FAILED', (what) => `Operation failed: ${what}`),
    }),
    ERR_STREAM_PREMATURE_CLOSE: codeClass(Error, 'ERR_STREAM_PREMATURE_CLOSE', () => 'Premature close'),
    ERR_STREAM_WRAP: codeClass(Error, 'ERR_STREAM_WRAP', () => 'Stream has StringDecoder set or is in objectMode'),
    ERR_UNKNOWN_SIGNAL: codeClass(TypeError, 'ERR_UNKNOWN_SIGNAL', (signal) => `Unknown signal: ${signal}`),
    ERR_SOCKET_BAD_PORT: codeClass(RangeError, 'ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) =>
      `${name} should be ${allowZero ? '>= 0' : '> 0'} and < 65536. Received ${receivedType(port)}.`),
    ERR_CANNOT_WATCH_SIGINT: codeClass(Error, 'ERR_CANNOT_WATCH_SIGINT', () => 'Cannot watch for SIGINT signals'),
    ERR_INSPECTOR_NOT_AVAILABLE: codeClass(Error, 'ERR_INSPECTOR_NOT_AVAILABLE', () => 'Inspector is not available'),
    ERR_DEBUGGER_ERROR: codeClass(Error, 'ERR_DEBUGGER_ERROR', (message) => message),
    ERR_DEBUGGER_STARTUP_ERROR: codeClass(Error, 'ERR_DEBUGGER_STARTUP_ERROR', (message) => message),
    ERR_INVALID_CURSOR_POS: codeClass(TypeError, 'ERR_INVALID_CURSOR_POS',
      () => 'Cannot set cursor row without setting its column'),
    ERR_INVALID_REPL_EVAL_CONFIG: codeClass(TypeError, 'ERR_INVALID_REPL_EVAL_CONFIG',
      () => 'Cannot specify both "breakEvalOnSigint" and "eval" for REPL'),
    ERR_INVALID_REPL_INPUT: codeClass(TypeError, 'ERR_INVALID_REPL_INPUT', (message) => message),
    ERR_SCRIPT_EXECUTION_INTERRUPTED: codeClass(Error, 'ERR_SCRIPT_EXECUTION_INTERRUPTED',
      () => 'Script execution was interrupted by `SIGINT`'),
    ERR_USE_AFTER_CLOSE: codeClass(Error, 'ERR_USE_AFTER_CLOSE', (name) => `${name} was closed`),
    // Policies (internal/policy/*, internal/process/policy).
    ERR_ACCESS_DENIED: codeClass(Error, 'ERR_ACCESS_DENIED', (what) => `Access to this API has been restricted. Permission: ${what}`),
    ERR_MANIFEST_ASSERT_INTEGRITY: codeClass(Error, 'ERR_MANIFEST_ASSERT_INTEGRITY', (moduleURL, realIntegrities) => {
      let msg = `The content of "${moduleURL}" does not match the expected integrity.`;
      if (realIntegrities.size) {
        msg += ` Integrities found are: ${Array.from(realIntegrities.entries(), ({ 0: alg, 1: dgs }) => `${alg}-${dgs}`).join(' ')}`;
      } else {
        msg += ' The resource was not found in the policy.';
      }
      return msg;
    }),
    ERR_MANIFEST_DEPENDENCY_MISSING: codeClass(Error, 'ERR_MANIFEST_DEPENDENCY_MISSING', (resource, specifier, conditions) =>
      `Manifest resource ${resource} does not list ${specifier} as a dependency specifier for conditions: ${conditions}`),
    ERR_MANIFEST_INTEGRITY_MISMATCH: codeClass(SyntaxError, 'ERR_MANIFEST_INTEGRITY_MISMATCH', (resource) =>
      `Manifest resource ${resource} has multiple entries but integrity lists do not match`),
    ERR_MANIFEST_INVALID_RESOURCE_FIELD: codeClass(TypeError, 'ERR_MANIFEST_INVALID_RESOURCE_FIELD', (resource, field) =>
      `Manifest resource ${resource} has invalid property value for ${field}`),
    ERR_MANIFEST_INVALID_SPECIFIER: codeClass(TypeError, 'ERR_MANIFEST_INVALID_SPECIFIER', (resource, mapping) =>
      `Manifest resource ${resource} has invalid dependency mapping ${mapping}`),
    ERR_MANIFEST_TDZ: codeClass(Error, 'ERR_MANIFEST_TDZ', () => 'Manifest initialization has not yet run'),
    ERR_MANIFEST_UNKNOWN_ONERROR: codeClass(SyntaxError, 'ERR_MANIFEST_UNKNOWN_ONERROR', (behavior) =>
      `Manifest specified unknown error behavior "${behavior}".`),
    ERR_SRI_PARSE: codeClass(SyntaxError, 'ERR_SRI_PARSE', (str, ch, position) =>
      `Subresource Integrity string ${JSON.stringify(str)} had an unexpected ${JSON.stringify(ch)} at position ${Number(position)}`),
    ERR_UNKNOWN_BUILTIN_MODULE: codeClass(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', (id) => `No such built-in module: ${id}`),
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
  const experimentalWarnings = new Set();
  // Node's internal/util getInternalGlobal: the global of a context of its own.
  let internalGlobal;
  function getInternalGlobal() {
    if (internalGlobal == null) {
      internalGlobal = requireBuiltin('vm').runInNewContext('this', undefined, { contextName: 'internal' });
    }
    return internalGlobal;
  }
  function SideEffectFreeRegExpPrototypeExec(regex, string) {
    const { RegExp: RegExpFromAnotherRealm } = getInternalGlobal();
    return Reflect.apply(RegExpFromAnotherRealm.prototype.exec, regex, [string]);
  }
  const crossRealmRegexes = new WeakMap();
  function getCrossRealmRegex(regex) {
    const cached = crossRealmRegexes.get(regex);
    if (cached) return cached;
    const p = getPrimordials();
    let flagString = '';
    if (p.RegExpPrototypeGetHasIndices(regex)) flagString += 'd';
    if (p.RegExpPrototypeGetGlobal(regex)) flagString += 'g';
    if (p.RegExpPrototypeGetIgnoreCase(regex)) flagString += 'i';
    if (p.RegExpPrototypeGetMultiline(regex)) flagString += 'm';
    if (p.RegExpPrototypeGetDotAll(regex)) flagString += 's';
    if (p.RegExpPrototypeGetUnicode(regex)) flagString += 'u';
    if (p.RegExpPrototypeGetSticky(regex)) flagString += 'y';
    const { RegExp: RegExpFromAnotherRealm } = getInternalGlobal();
    const crossRealmRegex = new RegExpFromAnotherRealm(p.RegExpPrototypeGetSource(regex), flagString);
    crossRealmRegexes.set(regex, crossRealmRegex);
    return crossRealmRegex;
  }
  // Node's normalizeEncoding: the canonical name of an encoding Buffer knows, else undefined.
  const kEncodings = { 'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
    'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'base64': 'base64', 'base64url': 'base64url',
    'hex': 'hex', 'ascii': 'ascii', '': 'utf8' };
  function normalizeEncoding(enc) {
    if (enc == null) return 'utf8';
    if (typeof enc !== 'string') return undefined;
    const name = enc.toLowerCase();
    return Object.prototype.hasOwnProperty.call(kEncodings, name) ? kEncodings[name] : undefined;
  }
  // Node's WeakReference (src/node_util.cc): weak unless incRef() made it strong, until as many
  // decRef() calls.
  class WeakReference {
    #weak;
    #strong = null;
    #refs = 0;
    constructor(object) { this.#weak = new WeakRef(object); }
    get() { return this.#weak.deref(); }
    incRef() {
      if (this.#refs++ === 0) this.#strong = this.#weak.deref();
      return this.#refs;
    }
    decRef() {
      if (this.#refs > 0 && --this.#refs === 0) this.#strong = null;
      return this.#refs;
    }
  }
  // Native bindings builtins made of vendored files provide: name -> value, or a function making it.
  const bindings = {
    util: () => ({
      getCallerLocation, getOwnNonIndexProperties, WeakReference,
      // What V8 knows and JavaScript cannot ask without running user code (Shim/src/introspection.cc).
      getProxyDetails: (value, full = true) => ops.op_proxy_details(value, full),
      getConstructorName(value) {
        if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError('The "object" argument must be of type object');
        return ops.op_constructor_name(value);
      },
      getExternalValue: (value) => {
        const address = ops.op_external_value(value);
        return address === undefined ? undefined : BigInt(address);
      },
      privateSymbols: core.privateSymbols(),
      arrayBufferViewHasBuffer: (view) => ops.op_view_has_buffer(view),
      // Node's previewEntries(value[, isIterator]): with a second argument, [entries, isKeyValue].
      previewEntries(value, isIterator) { return ops.op_preview_entries(value, arguments.length > 1); },
      // [state, result] of a promise (0 pending, 1 fulfilled, 2 rejected), as V8 reports it.
      getPromiseDetails: (promise) => (util.types.isPromise(promise) ? ops.op_promise_state(promise) : undefined),
      constants: { ALL_PROPERTIES: 0, ONLY_ENUMERABLE: 2, SKIP_SYMBOLS: 16, kPending: 0, kFulfilled: 1, kRejected: 2 },
    }),
    messaging: () => ({ DOMException }),
    buffer: () => ({
      // Node's copyArrayBuffer(destination, destinationOffset, source, sourceOffset, bytesToCopy).
      copyArrayBuffer(dest, destOffset, src, srcOffset, length) {
        new Uint8Array(dest, destOffset, length).set(new Uint8Array(src, srcOffset, length));
      },
      // A new ArrayBuffer with the bytes of `buffer`, which is left detached (undefined when it
      // cannot be: a WebAssembly memory's, say).
      detachArrayBuffer(buffer) {
        try { return structuredClone(buffer, { transfer: [buffer] }); } catch { return undefined; }
      },
      // Node's fill(buffer, value, start, end, encoding) (src/node_buffer.cc): a negative index
      // is ERR_OUT_OF_RANGE, a range past the bytes -2; a buffer or string value repeats over
      // it, anything else is a byte; -1 when a string value gave no bytes.
      fill(buf, value, start, end, encoding) {
        if (!(buf instanceof Uint8Array)) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a buffer');
        const index = (v) => {
          if (v === undefined) return 0;
          const n = Math.trunc(Number(v)) || 0;
          if (n < 0) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
          return n;
        };
        start = index(start);
        end = index(end);
        if (end < start || end > buf.byteLength) return -2;
        let bytes;
        if (value instanceof Uint8Array) bytes = value;
        else if (typeof value === 'string') {
          bytes = Buffer.from(value, Buffer.isEncoding(encoding) ? encoding : 'utf8');
          if (bytes.length === 0 && end > start) return -1;
        } else {
          buf.fill(Number(value) & 255, start, end); // eslint-disable-line no-bitwise
          return undefined;
        }
        if (bytes.length === 0) return undefined;
        for (let at = start; at < end; at += bytes.length) buf.set(bytes.subarray(0, Math.min(bytes.length, end - at)), at);
        return undefined;
      },
    }),
    contextify: () => ({
      startSigintWatchdog, stopSigintWatchdog, watchdogHasPendingSigint: () => ops.op_sigint_pending(),
      isContext: core.vmModules.isContext,
    }),
    // vm.SourceTextModule and vm.SyntheticModule's native side (23-vm.js).
    module_wrap: () => core.vmModules.binding,
    crypto: () => nodeCrypto.webCryptoBinding(),
    errors: () => ({
      exitCodes: { kNoFailure: 0, kGenericUserError: 1 },
      // An uncaught exception now: 'uncaughtException' listeners, or the process ends.
      triggerUncaughtException: (err, fromPromise) => fatal(err, fromPromise),
      setPrepareStackTraceCallback,
      // Whether the C++ side maps the source line it prints: the runtime asks
      // core.sourceMapsEnabled (60-globals.js) itself.
      setSourceMapsEnabled(value) { core.sourceMapsEnabled = value === true; },
      setGetSourceMapErrorSource(fn) { core.getSourceMapErrorSource = fn; },
    }),
    async_wrap: () => ({ setPromiseHooks: core.setPromiseHooks }),
    // The builtin ids (node's debugger tells builtin scripts from the user's with them).
    builtins: () => ({ builtinIds: requireBuiltin('module').builtinModules.slice() }),
    natives: () => {
      const natives = { __proto__: null };
      for (const id of requireBuiltin('module').builtinModules) natives[id] = ops.op_nodelib_source(id) ?? '';
      return natives;
    },
  };
  const internals = {
    'internal/errors': () => ({
      kIsNodeError,
      hideStackFrames: (fn) => fn,
      inspectWithNoCustomRetry: (value, options) => {
        try { return inspect(value, options); } catch { return inspect(value, { ...options, customInspect: false }); }
      },
      // Error.stackTraceLimit can be changed (it is not frozen or an accessor without a setter).
      isErrorStackTraceLimitWritable() {
        const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
        return desc === undefined ? Object.isExtensible(Error) : (desc.writable === true || desc.set !== undefined);
      },
      overrideStackTrace,
      kNoOverride,
      maybeOverridePrepareStackTrace,
      prepareStackTrace: defaultPrepareStackTrace,
      AbortError: class AbortError extends Error {
        constructor(message = 'The operation was aborted', options = undefined) {
          if (options !== undefined && typeof options !== 'object') throw invalidArgType('options', 'Object', options);
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
      customPromisifyArgs: kCustomPromisifyArgs,
      get promisify() { return requireBuiltin('util').promisify; },
      kEmptyObject: Object.freeze({ __proto__: null }),
      // The nearest constructor with a name along the prototype chain.
      getConstructorOf(obj) {
        while (obj) {
          const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
          if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '') {
            return descriptor.value;
          }
          obj = Object.getPrototypeOf(obj);
        }
        return null;
      },
      // A native error of any realm, or an instance of this realm's Error (Node's isError).
      isError: (e) => util.types.isNativeError(e) || e instanceof Error,
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
        // Once per feature, as Node warns.
        if (experimentalWarnings.has(feature)) return;
        experimentalWarnings.add(feature);
        process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
      },
      promisify: util.promisify,
      deprecate: util.deprecate,
      // Node's: run in a realm of their own (a vm context), so user changes to this realm's
      // RegExp.prototype cannot interfere.
      SideEffectFreeRegExpPrototypeExec,
      SideEffectFreeRegExpPrototypeSymbolReplace: (regex, string, replacement) =>
        getCrossRealmRegex(regex)[Symbol.replace](string, replacement),
      SideEffectFreeRegExpPrototypeSymbolSplit: (regex, string, limit = undefined) =>
        getCrossRealmRegex(regex)[Symbol.split](string, limit),
      // Node prepends the source line and caret V8 reported for a SyntaxError; fe's errors carry
      // that in their message already, so there is nothing to add.
      decorateErrorStack() {},
      normalizeEncoding,
      kEnumerableProperty: Object.freeze({ __proto__: null, enumerable: true }),
      // A detached ArrayBuffer has no bytes, and no view can be made of it.
      isArrayBufferDetached(value) {
        if (value.byteLength !== 0) return false;
        try { new Uint8Array(value); return false; } catch { return true; } // eslint-disable-line no-new
      },
      // Node's cachedResult: fn's result, computed once, then a copy of it each time.
      cachedResult(fn) {
        let result;
        return () => {
          if (result === undefined) result = fn();
          return Array.prototype.slice.call(result);
        };
      },
      // Node's filterDuplicateStrings: names unique regardless of case (lowercased if `low`), sorted.
      filterDuplicateStrings(items, low) {
        const map = new Map();
        for (const item of items) {
          const key = item.toLowerCase();
          if (low) map.set(key, key);
          else map.set(key, item);
        }
        return Array.from(map.values()).sort();
      },
      lazyDOMException: (message, name) => new DOMException(message, name),
      // obj[key] = value, never through a setter on the prototype chain.
      setOwnProperty(obj, key, value) {
        return Object.defineProperty(obj, key, { __proto__: null, configurable: true, enumerable: true, value, writable: true });
      },
      // Node's getLazy: initializer's value, computed on the first call.
      getLazy(initializer) {
        let value;
        let initialized = false;
        return function () {
          if (initialized === false) {
            value = initializer();
            initialized = true;
          }
          return value;
        };
      },
      setupCoverageHooks() { throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'fe has no V8 coverage collection (--experimental-test-coverage)'); },
    }),
    'internal/util/types': () => requireBuiltin('util').types,
    'internal/util/inspect': () => ({ inspect, format, formatWithOptions, getStringWidth, stripVTControlCharacters }),
    'internal/util/inspector': () => ({
      getInspectPort: () => 0, isUsingInspector: () => false, isInspectorMessage: () => false, sendInspectorCommand,
    }),
    'internal/util/debuglog': () => ({ debuglog: util.debuglog }),
    'internal/bootstrap/realm': () => ({ BuiltinModule }),
    'internal/modules/cjs/loader': () => ({ Module: requireBuiltin('module') }),
    'internal/modules/helpers': () => ({
      makeRequireFunction, addBuiltinLibsToObject,
      normalizeReferrerURL(referrer) {
        if (typeof referrer === 'string' && path.isAbsolute(referrer)) return pathToFileURL(referrer).href;
        return new URL(referrer).href;
      },
    }),
    'internal/modules/esm/utils': () => ({ registerModule: core.vmModules.registerModule }),
    'internal/modules/esm/formats': () => ({
      extensionFormatMap: { '__proto__': null, '.cjs': 'commonjs', '.js': 'module', '.json': 'json', '.mjs': 'module' },
      legacyExtensionFormatMap: {
        '__proto__': null, '.cjs': 'commonjs', '.js': 'commonjs', '.json': 'commonjs', '.mjs': 'module', '.node': 'commonjs',
      },
    }),
    'internal/vm': () => ({ makeContextifyScript }),
    'internal/tty': () => ({ getColorDepth: () => process.stderr.getColorDepth() }),
    'internal/timers': () => ({ TIMEOUT_MAX, kTimeout: kNodeTimeout }),
    'internal/abort_controller': () => ({ AbortController: globalThis.AbortController, AbortSignal: globalThis.AbortSignal }),
    // The listener options of fe's EventTarget (12-web.js): runs even after
    // stopImmediatePropagation; held weakly.
    'internal/event_target': () => ({ kResistStopPropagation: eventTargetHooks.kResistStopPropagation, kWeakHandler: eventTargetHooks.kWeakHandler }),
    'internal/url': () => ({ pathToFileURL, fileURLToPath, URL }),
    'internal/options': () => ({ getOptionValue }),
    'internal/streams/readable': () => requireBuiltin('stream').Readable,
    'internal/streams/writable': () => nodeStream.Writable,
    'internal/streams/duplex': () => nodeStream.Duplex,
    'internal/streams/destroy': () => ({ destroyer: nodeStream.destroyer }),
    'internal/streams/from': () => nodeStream.from,
    'internal/streams/pipeline': () => ({ pipeline: nodeStream.pipeline }),
    'internal/streams/add-abort-signal': () => ({
      addAbortSignal: nodeStream.addAbortSignal, addAbortSignalNoValidate: nodeStream.addAbortSignalNoValidate,
    }),
    'internal/blob': () => ({ isBlob: (value) => value instanceof Blob }),
    'internal/streams/transform': () => requireBuiltin('stream').Transform,
    // Node's module: eos (the callback form), with the promise form as `finished`.
    'internal/streams/end-of-stream': () => {
      const { finished } = requireBuiltin('stream');
      return Object.assign((...args) => finished(...args), { finished: requireBuiltin('stream/promises').finished });
    },
    'internal/console/global': () => console,
    'internal/encoding': () => ({ TextEncoder, TextDecoder }),
    'internal/worker/io': () => ({ MessageChannel: globalThis.MessageChannel }),
    'internal/process/task_queues': () => ({ queueMicrotask: globalThis.queueMicrotask }),
    // What Web Crypto's vendored files (internal/crypto/*) use of the crypto internals fe has
    // written itself (JS/17-crypto.js).
    'internal/crypto/keys': () => nodeCrypto.webKeysModule(),
    'internal/crypto/keygen': () => ({ generateKey: nodeCrypto.generateKey, generateKeyPair: nodeCrypto.generateKeyPair }),
    'internal/crypto/hash': () => nodeCrypto.webHashModule(),
    'internal/crypto/random': () => ({
      getRandomValues: nodeCrypto.getRandomValues, randomUUID: nodeCrypto.randomUUID, randomBytes: nodeCrypto.randomBytes,
      randomFill: nodeCrypto.randomFill, randomFillSync: nodeCrypto.randomFillSync, randomInt: nodeCrypto.randomInt,
    }),
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
    '--pending-deprecation': false, '--experimental-repl-await': true,
  };
  // Node's defaults for the options in NodeOptions.jsSpecs when not given.
  const kJSOptionDefaults = {
    '--tls-min-v1.0': false, '--tls-min-v1.1': false, '--tls-min-v1.2': false, '--tls-min-v1.3': false,
    '--tls-max-v1.2': false, '--tls-max-v1.3': false, '--tls-cipher-list': undefined, '--tls-keylog': '',
    '--use-bundled-ca': false, '--use-openssl-ca': false, '--experimental-fetch': true, '--disable-proto': '',
    '--preserve-symlinks': false, '--preserve-symlinks-main': false, '--enable-source-maps': false,
    '--trace-sync-io': false, '--trace-exit': false, '--trace-uncaught': false, '--experimental-policy': '',
    '--policy-integrity': '', '--max-http-header-size': 16 * 1024, '--conditions': [], '--import': [],
    '--test-udp-no-try-send': false, '--security-revert': [], '--experimental-vm-modules': false,
    '--insecure-http-parser': false, '--extra-info-on-fatal-exception': true, '--experimental-global-customevent': false,
    '--test-concurrency': 0, '--test-shard': '',
  };
  function getOptionValue(name) {
    // The options whose effect is JS's, as fe's parser kept them (NodeOptions.jsSpecs).
    const kept = core.nodeFlags?.options;
    if (kept && Object.prototype.hasOwnProperty.call(kept, name)) return kept[name];
    if (name in kJSOptionDefaults) return kJSOptionDefaults[name];
    const args = (process.env.NODE_OPTIONS || '').split(/\s+/).filter(Boolean).concat(process.execArgv || []);
    // What fe parsed itself (options spelled with underscores, NODE_PENDING_DEPRECATION).
    if (name === '--pending-deprecation') return core.nodeFlags?.pendingDeprecation === true;
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

  core.getOptionValue = getOptionValue;
  // Source maps (Node's internal/source_map/*, vendored), loaded when first needed.
  core.sourceMapsEnabled = false;
  core.sourceMapCache = () => load('internal/source_map/source_map_cache');
  core.sourceMapClass = () => load('internal/source_map/source_map').SourceMap;
  // ES modules are read and compiled by the host: the source map of one is looked for when a
  // stack trace or a coverage report first meets it (Node's translators do it as it loads).
  const modulesSeen = new Set();
  core.cacheModuleSourceMap = (url) => {
    if (modulesSeen.has(url)) return;
    modulesSeen.add(url);
    let content;
    try {
      content = requireBuiltin('fs').readFileSync(fileURLToPath(url), 'utf8');
    } catch {
      return;
    }
    try {
      core.sourceMapCache().maybeCacheSourceMap(url, content);
    } catch {
      // As Node's: a source map that cannot be read is none.
    }
  };

  // Whether a vendored module was loaded already (nothing of it can be in use otherwise).
  const loaded = (id) => cache.has(id);
  return { load, loaded, internals, bindings, internalBinding, getPrimordials, errorCodes, codeClass };
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

// readline, readline/promises and repl: Node 18.20's own (its Interface is what the REPL and
// old tools build on, down to its underscore methods).
registerLazyBuiltin('readline', () => nodeLib.load('readline'));
registerLazyBuiltin('readline/promises', () => nodeLib.load('readline/promises'));
registerLazyBuiltin('repl', () => nodeLib.load('repl'));
core.startRepl = () => nodeLib.load('internal/repl');
core.debuggerClient = () => nodeLib.load('internal/debugger/inspect');
