// vm: Script, createContext/isContext, runInThisContext/runInContext/runInNewContext and
// compileFunction, as Node 20 documents them. A contextified object (the "sandbox") is paired
// with a second V8 context in the same isolate whose global reads and writes through to it
// (VmOps.swift, fe_context_* in the shim); the pairing is a WeakMap here, so both die together.
// import() in code vm compiled goes to the importModuleDynamically option it was compiled with
// (Node's host-defined option ids), and with --experimental-vm-modules Node's own vm.Module
// classes (NodeLib internal/vm/module.js) run over internalBinding('module_wrap') below.
// Then util.types (and 'util/types') answered by V8 itself, which also recognises values made in
// another context, where instanceof cannot.
// Uses from earlier files: 00-core.js (core, define, traceOn, privateSymbols); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, validateBoolean, outOfRange); 03-loop.js (setInterval); 05-process.js (process); 08-fs.js (validateInt32, validateObject, isArrayBufferView, then); 09-url.js (URL); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 19-cjs.js (cjs).
(() => {
  const contexts = new WeakMap(); // sandbox -> the global of its context
  const kTimedOut = {};
  const kInterrupted = {};

  const validateString = (v, name) => { if (typeof v !== 'string') throw invalidArgType(name, 'string', v); };
  const validateObject = (v, name, allowArray = false) => {
    if (v === null || typeof v !== 'object' || (!allowArray && Array.isArray(v))) throw invalidArgType(name, 'Object', v);
  };
  function validateInt32(v, name) {
    if (typeof v !== 'number') throw invalidArgType(name, 'number', v);
    if (!Number.isInteger(v)) throw outOfRange(name, 'an integer', v);
    if (v < -2147483648 || v > 2147483647) throw outOfRange(name, '>= -2147483648 && <= 2147483647', v);
  }
  function validateTimeout(v) {
    if (v === undefined) return 0;
    if (typeof v !== 'number') throw invalidArgType('options.timeout', 'number', v);
    if (!Number.isInteger(v)) throw outOfRange('options.timeout', 'an integer', v);
    if (v < 1 || v > 4294967295) throw outOfRange('options.timeout', '>= 1 && <= 4294967295', v);
    return v;
  }
  const isBytes = (v) => ArrayBuffer.isView(v);

  // Host ids: every script, function and module vm compiles carries one, and V8 hands it back
  // with each import() that code makes (VmModules.swift, core.vmDynamicImport). As in Node, code
  // compiled without importModuleDynamically cannot import(); one given the callback without
  // --experimental-vm-modules is told the flag is missing.
  const kHostNoCallback = 1;
  const kHostMissingFlag = 2;
  let nextHostId = 3;
  const kHostId = Symbol('kHostId');
  // id -> Node's registry { importModuleDynamically, initializeImportMeta, callbackReferrer }.
  // Kept for the process: code vm compiled can outlive the object that compiled it.
  const hostRegistries = new Map();
  const vmModulesEnabled = () => core.nodeFlags?.options?.['--experimental-vm-modules'] === true;
  // What Node's own scripts compile with (the REPL's): import() through the main loader.
  const kUseMainLoader = Symbol('kUseMainLoader');
  function hostIdFor(importModuleDynamically) {
    if (importModuleDynamically === undefined) return kHostNoCallback;
    if (importModuleDynamically === kUseMainLoader) return 0;
    if (typeof importModuleDynamically !== 'function') {
      throw invalidArgType('options.importModuleDynamically', 'function', importModuleDynamically);
    }
    return vmModulesEnabled() ? nextHostId++ : kHostMissingFlag;
  }
  // Node's registerModule (internal/modules/esm/utils).
  function registerModule(referrer, registry) {
    const id = referrer[kHostId];
    if (id === undefined || id < 3) return;
    registry.callbackReferrer ??= referrer;
    hostRegistries.set(id, registry);
  }
  // Node's registerImportModuleDynamically (internal/vm): a Script's or function's callback.
  function registerImportModuleDynamically(referrer, hostId, importModuleDynamically) {
    if (hostId < 3) return;
    define(referrer, kHostId, hostId);
    const { importModuleDynamicallyWrap } = nodeLib.load('internal/vm/module');
    registerModule(referrer, { __proto__: null, importModuleDynamically: importModuleDynamicallyWrap(importModuleDynamically) });
  }
  // Node's importModuleDynamicallyCallback: always a promise (the host returns it to V8).
  core.vmDynamicImport = (hostId, specifier, attributes) => (async () => {
    const registry = hostRegistries.get(hostId);
    if (registry?.importModuleDynamically !== undefined) {
      return registry.importModuleDynamically(specifier, registry.callbackReferrer, attributes);
    }
    if (hostId === kHostMissingFlag) {
      throw nodeError(TypeError, 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG',
        'A dynamic import callback was invoked without --experimental-vm-modules');
    }
    throw nodeError(TypeError, 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.');
  })();

  // Node's ModuleWrap (src/module_wrap.cc) over VmModuleOps: a V8 module held by resource id.
  // Statuses are V8's Module::Status numbers.
  const kModuleStatus = { kUninstantiated: 0, kInstantiating: 1, kInstantiated: 2, kEvaluating: 3, kEvaluated: 4, kErrored: 5 };
  const moduleWraps = new Map(); // resource id -> WeakRef(ModuleWrap), for import.meta
  const releaseModule = new FinalizationRegistry((id) => {
    moduleWraps.delete(id);
    ops.op_vm_module_release(id);
  });
  class ModuleWrap {
    #id;
    #global;
    // new ModuleWrap(url, context, source, lineOffset, columnOffset, cachedData) or
    // new ModuleWrap(url, context, exportNames, evaluationSteps).
    constructor(url, context, source, ...rest) {
      this.#global = context === undefined ? undefined : globalOf(context);
      if (typeof source === 'string') {
        const [lineOffset, columnOffset, cachedData] = rest;
        const hostId = nextHostId++;
        define(this, kHostId, hostId);
        const [id, rejected] = ops.op_vm_module_compile(source, url, lineOffset, columnOffset, hostId, cachedData);
        if (rejected) {
          ops.op_vm_module_release(id);
          throw nodeError(Error, 'ERR_VM_MODULE_CACHED_DATA_REJECTED', 'cachedData buffer was rejected');
        }
        this.#id = id;
      } else {
        // The evaluation steps run with the wrap as `this` (its setExport), as in Node.
        const [steps] = rest;
        this.#id = ops.op_vm_module_synthetic(url, source, () => Reflect.apply(steps, this, []));
      }
      this.url = url;
      moduleWraps.set(this.#id, new WeakRef(this));
      releaseModule.register(this, this.#id);
    }

    // One promise per static import, each settling to the ModuleWrap the resolver chose; the
    // choice is recorded as it settles, for V8's resolve at instantiation.
    link(resolver) {
      const assertions = ops.op_vm_module_request_assertions(this.#id);
      return ops.op_vm_module_requests(this.#id).map((specifier, i) => {
        const promise = resolver(specifier, assertions[i]);
        if (!(promise instanceof Promise)) {
          throw nodeError(Error, 'ERR_VM_MODULE_LINK_FAILURE', 'linking error, expected resolver to return a promise');
        }
        return promise.then((wrap) => {
          if (wrap instanceof ModuleWrap) ops.op_vm_module_link(this.#id, [specifier], [wrap.#id]);
          return wrap;
        });
      });
    }

    instantiate() { ops.op_vm_module_instantiate(this.#id, this.#global); }

    evaluate(timeout, breakOnSigint) {
      const result = ops.op_vm_module_evaluate(this.#id, this.#global, timeout, kTimedOut, breakOnSigint, kInterrupted);
      if (result === kTimedOut) {
        throw nodeError(Error, 'ERR_SCRIPT_EXECUTION_TIMEOUT', `Script execution timed out after ${timeout}ms`);
      }
      if (result === kInterrupted) {
        throw nodeError(Error, 'ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`');
      }
      return result;
    }

    getStatus() { return ops.op_vm_module_state(this.#id)[0]; }
    getError() { return ops.op_vm_module_state(this.#id)[2]; }
    getNamespace() {
      const [status, namespace] = ops.op_vm_module_state(this.#id);
      if (status < kModuleStatus.kInstantiated) {
        throw nodeError(Error, 'ERR_MODULE_NOT_INSTANTIATED', 'cannot get namespace, module has not been instantiated');
      }
      return namespace;
    }
    getStaticDependencySpecifiers() { return ops.op_vm_module_requests(this.#id); }
    setExport(name, value) { ops.op_vm_module_set_export(this.#id, `${name}`, value); }
    createCachedData() {
      const bytes = ops.op_vm_module_code_cache(this.#id);
      return bytes === undefined ? Buffer.alloc(0) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }
  // A vm module's import.meta: its initializeImportMeta option fills it (Node's
  // initializeImportMetaObject).
  core.vmImportMeta = (id, meta) => {
    const wrap = moduleWraps.get(id)?.deref();
    const registry = wrap && hostRegistries.get(wrap[kHostId]);
    if (registry?.initializeImportMeta !== undefined) registry.initializeImportMeta(meta, registry.callbackReferrer);
  };
  core.vmModules = {
    kUseMainLoader,
    binding: { ModuleWrap, ...kModuleStatus },
    registerModule,
    isContext: (object) => contexts.has(object),
  };

  function globalOf(contextifiedObject) {
    if (!isContext(contextifiedObject)) throw invalidArgType('contextifiedObject', 'vm.Context', contextifiedObject);
    return contexts.get(contextifiedObject);
  }

  // An array can be contextified too, as in Node.
  function isContext(object) {
    validateObject(object, 'object', true);
    return contexts.has(object);
  }

  let vmContextCount = 0;
  function createContext(contextObject = {}, options = {}) {
    if (isContext(contextObject)) return contextObject;
    validateObject(options, 'options');
    const { name, origin, codeGeneration, microtaskMode } = options;
    if (name !== undefined) validateString(name, 'options.name');
    if (origin !== undefined) validateString(origin, 'options.origin');
    let strings = true;
    let wasm = true;
    if (codeGeneration !== undefined) {
      validateObject(codeGeneration, 'options.codeGeneration');
      ({ strings = true, wasm = true } = codeGeneration);
      validateBoolean(strings, 'options.codeGeneration.strings');
      validateBoolean(wasm, 'options.codeGeneration.wasm');
    }
    if (microtaskMode !== undefined && microtaskMode !== 'afterEvaluate') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.microtaskMode' must be one of: 'afterEvaluate', undefined. Received ${inspect(microtaskMode)}`);
    }
    const global = ops.op_vm_context_new(contextObject);
    if (!strings || !wasm) ops.op_vm_context_code_generation(global, strings, wasm);
    contexts.set(contextObject, global);
    initializeContextRuntime(global);
    // Named for the inspector as Node names them.
    ops.op_inspector_context_created(global, name === undefined ? `VM Context ${++vmContextCount}` : name, origin === undefined ? '' : origin);
    return contextObject;
  }

  // The source map URL V8's scanner takes from a script (Scanner::TryToParseMagicComment): the
  // last `//# sourceMappingURL=<url>` (or `//@`) comment, whitespace after the sign, a URL
  // without quotes and nothing but whitespace after it on its line.
  const kMagicComment = /\/\/[#@][ \t\v\f\u00a0\ufeff]+sourceMappingURL=[ \t\v\f\u00a0\ufeff]*([^\s'"]*)[ \t\v\f\u00a0\ufeff]*$/gm;
  function sourceMappingURL(code) {
    if (!code.includes('sourceMappingURL=')) return undefined;
    let url;
    kMagicComment.lastIndex = 0;
    for (const match of code.matchAll(kMagicComment)) url = match[1];
    return url === '' ? undefined : url;
  }

  // Node's InitializeContextRuntime (api/environment.cc), for each new context: no
  // Intl.v8BreakIterator (nodejs/node#14909), and --disable-proto's Object.prototype.__proto__:
  // removed, or an accessor throwing ERR_PROTO_ACCESS (an Error of that context).
  const kContextRuntime = `(function (mode) {
    'use strict';
    if (typeof Intl === 'object' && Intl !== null) delete Intl.v8BreakIterator;
    if (mode === 'delete') {
      delete Object.prototype.__proto__;
    } else if (mode === 'throw') {
      const thrower = function () {
        const error = new Error('Accessing Object.prototype.__proto__ has been disallowed with --disable-proto=throw');
        error.code = 'ERR_PROTO_ACCESS';
        throw error;
      };
      Object.defineProperty(Object.prototype, '__proto__', { get: thrower, set: thrower, enumerable: false, configurable: true });
    }
  })`;
  function initializeContextRuntime(global) {
    const mode = core.getOptionValue?.('--disable-proto') || '';
    const context = global === globalThis ? undefined : global;
    if (context === undefined && mode === '') {
      if (typeof Intl === 'object' && Intl !== null) delete Intl.v8BreakIterator;
      return;
    }
    const setup = ops.op_vm_run(context, kContextRuntime, 'node:internal/bootstrap/context', 0, 0, false, 0, undefined,
      false, undefined, undefined);
    setup(mode);
  }
  core.initializeContextRuntime = initializeContextRuntime;

  function runOptions(options) {
    if (options === undefined) return { timeout: 0, breakOnSigint: false, displayErrors: true };
    validateObject(options, 'options');
    const { displayErrors = true, breakOnSigint = false } = options;
    validateBoolean(displayErrors, 'options.displayErrors');
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    return { timeout: validateTimeout(options.timeout), breakOnSigint, displayErrors };
  }

  const kSource = Symbol('kSource');
  class Script {
    constructor(code, options = {}) {
      code = `${code}`;
      if (typeof options === 'string') options = { filename: options };
      else validateObject(options, 'options');
      const { filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData,
        produceCachedData = false, importModuleDynamically } = options;
      validateString(filename, 'options.filename');
      validateInt32(lineOffset, 'options.lineOffset');
      validateInt32(columnOffset, 'options.columnOffset');
      if (cachedData !== undefined && !isBytes(cachedData)) {
        throw invalidArgType('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
      }
      validateBoolean(produceCachedData, 'options.produceCachedData');
      const hostId = hostIdFor(importModuleDynamically);
      // Node's ContextifyScript::New, traced as it traces it (node.vm.script).
      const traceId = traceOn.vm ? ++traceOn.lastId : 0;
      if (traceId) traceOn.emit('b', kTraceVmCategory, 'ContextifyScript::New', traceId, { filename });
      // A module wrapper its package image's snapshot holds compiled already (19-cjs.js).
      const compiled = lineOffset === 0 && columnOffset === 0 ? core.precompiledWrapper(code, filename) : undefined;
      // Compiled now so a syntax error throws here; each run compiles again (V8 caches it).
      try {
        if (compiled === undefined) {
          ops.op_vm_run(undefined, code, filename, lineOffset, columnOffset, true, 0, undefined, false, undefined,
            decorateErrorStack);
        }
      } finally {
        if (traceId) traceOn.emit?.('e', kTraceVmCategory, 'ContextifyScript::New', traceId);
      }
      define(this, kSource, { code, filename, lineOffset, columnOffset, compiled, traceId, hostId });
      registerImportModuleDynamically(this, hostId, importModuleDynamically);
      // fe does not feed V8 a code cache it was given: it is ignored, never trusted.
      if (cachedData !== undefined) this.cachedDataRejected = false;
      if (produceCachedData) {
        try {
          // For precompiled code, the data given is as good as any made now, and costs nothing.
          this.cachedData = compiled !== undefined && cachedData !== undefined ? cachedData : this.createCachedData();
          this.cachedDataProduced = true;
        } catch {
          this.cachedDataProduced = false;
        }
      }
      // Node's ContextifyScript: the URL of V8's source map magic comment (undefined without one).
      this.sourceMapURL = sourceMappingURL(code);
    }

    runInThisContext(options) {
      return run(this, undefined, runOptions(options));
    }

    runInContext(contextifiedObject, options) {
      const global = globalOf(contextifiedObject);
      return run(this, global, runOptions(options));
    }

    runInNewContext(contextObject, options) {
      const context = createContext(contextObject, contextOptions(options));
      return this.runInContext(context, options);
    }

    createCachedData() {
      const { code, filename } = this[kSource];
      const bytes = ops.op_vm_code_cache(code, filename);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }

  // Node's DecorateErrorStack: an error a script threw starts its stack with where that was
  // (the source line and carets), once; only native errors get it.
  const decoratedErrors = new WeakSet();
  function decorateErrorStack(error, arrow) {
    if (!util.types.isNativeError(error) || decoratedErrors.has(error)) return;
    const { stack } = error;
    if (typeof stack !== 'string') return;
    error.stack = `${arrow}\n${stack}`;
    decoratedErrors.add(error);
    // Where Node keeps the arrow (its util binding's privateSymbols).
    try {
      error[core.privateSymbols().arrow_message_private_symbol] = arrow;
    } catch {}
  }
  core.decorateErrorStack = decorateErrorStack;

  function run(script, global, options) {
    if (!traceOn.vm) return runScript(script, global, options);
    // Node's ContextifyScript::RunInThisContext / RunInContext (node.vm.script).
    const source = script[kSource];
    source.traceId ||= ++traceOn.lastId;
    const name = global === undefined ? 'RunInThisContext' : 'RunInContext';
    traceOn.emit('b', kTraceVmCategory, name, source.traceId);
    try {
      return runScript(script, global, options);
    } finally {
      traceOn.emit?.('e', kTraceVmCategory, name, source.traceId);
    }
  }
  const kTraceVmCategory = 'node,node.vm,node.vm.script';
  function runScript(script, global, { timeout, breakOnSigint, displayErrors }) {
    const { code, filename, lineOffset, columnOffset, compiled, hostId } = script[kSource];
    // A module wrapper's script only evaluates to the wrapper function: nothing runs, no timeout.
    if (compiled !== undefined && global === undefined) return compiled;
    const result = ops.op_vm_run(global, code, filename, lineOffset, columnOffset, false, timeout, kTimedOut,
      breakOnSigint, kInterrupted, displayErrors ? decorateErrorStack : undefined, hostId);
    if (timeout && result === kTimedOut) {
      throw nodeError(Error, 'ERR_SCRIPT_EXECUTION_TIMEOUT', `Script execution timed out after ${timeout}ms`);
    }
    if (breakOnSigint && result === kInterrupted) {
      throw nodeError(Error, 'ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`');
    }
    return result;
  }

  function contextOptions(options) {
    if (options === undefined || options === null || typeof options !== 'object') return {};
    // Node's getContextOptions: checked under the names the caller used.
    const out = {};
    if (options.contextName !== undefined) out.name = options.contextName;
    if (options.contextOrigin !== undefined) out.origin = options.contextOrigin;
    if (out.name !== undefined) validateString(out.name, 'options.contextName');
    if (out.origin !== undefined) validateString(out.origin, 'options.contextOrigin');
    if (options.contextCodeGeneration !== undefined) {
      validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
      const { strings, wasm } = options.contextCodeGeneration;
      if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
      if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
      out.codeGeneration = { strings, wasm };
    }
    if (options.microtaskMode !== undefined) {
      validateString(options.microtaskMode, 'options.microtaskMode');
      out.microtaskMode = options.microtaskMode;
    }
    return out;
  }

  const scriptOptions = (options) => (typeof options === 'string' ? { filename: options } : options);

  function runInThisContext(code, options) {
    return new Script(code, scriptOptions(options)).runInThisContext(scriptOptions(options));
  }

  function runInContext(code, contextifiedObject, options) {
    globalOf(contextifiedObject);
    return new Script(code, scriptOptions(options)).runInContext(contextifiedObject, scriptOptions(options));
  }

  function runInNewContext(code, contextObject, options) {
    options = scriptOptions(options);
    const context = createContext(contextObject, contextOptions(options));
    return new Script(code, options).runInContext(context, options);
  }

  function compileFunction(code, params = [], options = {}) {
    validateString(code, 'code');
    if (!Array.isArray(params)) throw invalidArgType('params', 'Array', params);
    params.forEach((p, i) => validateString(p, `params[${i}]`));
    validateObject(options, 'options');
    const { filename = '', lineOffset = 0, columnOffset = 0, cachedData, produceCachedData = false,
      parsingContext, contextExtensions = [], importModuleDynamically } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isBytes(cachedData)) {
      throw invalidArgType('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    let global;
    if (parsingContext !== undefined) {
      if (parsingContext === null || typeof parsingContext !== 'object' || !contexts.has(parsingContext)) {
        throw invalidArgType('options.parsingContext', 'Context', parsingContext);
      }
      global = contexts.get(parsingContext);
    }
    if (!Array.isArray(contextExtensions)) throw invalidArgType('options.contextExtensions', 'Array', contextExtensions);
    contextExtensions.forEach((e, i) => validateObject(e, `options.contextExtensions[${i}]`));
    const hostId = hostIdFor(importModuleDynamically);
    const fn = ops.op_vm_compile_function(global, code, filename, lineOffset, columnOffset, params, contextExtensions,
      hostId);
    registerImportModuleDynamically(fn, hostId, importModuleDynamically);
    // As Script's: a code cache given is never fed to V8 (not trusted); one asked for is V8's
    // cache of the function's source.
    if (cachedData !== undefined) fn.cachedDataRejected = false;
    if (produceCachedData) {
      try {
        const bytes = ops.op_vm_code_cache(`(function (${params.join(', ')}) {\n${code}\n})`, filename);
        fn.cachedData = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        fn.cachedDataProduced = true;
      } catch {
        fn.cachedDataProduced = false;
      }
    }
    return fn;
  }

  // V8 measures at its next GC (now, for 'eager') and settles the promise from its own tasks,
  // which fe's loop runs once a turn: a timer keeps the loop turning until then.
  function measureMemory(options = {}) {
    nodeLib.load('internal/util').emitExperimentalWarning('vm.measureMemory');
    validateObject(options, 'options');
    const { mode = 'summary', execution = 'default' } = options;
    if (mode !== 'summary' && mode !== 'detailed') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.mode' must be one of: 'summary', 'detailed'. Received ${inspect(mode)}`);
    }
    if (execution !== 'default' && execution !== 'eager') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.execution' must be one of: 'default', 'eager'. Received ${inspect(execution)}`);
    }
    const promise = ops.op_vm_measure_memory(mode === 'detailed', execution === 'eager');
    const turning = setInterval(() => {}, 10);
    const done = () => clearInterval(turning);
    promise.then(done, done);
    return promise;
  }

  const vmExports = {
    Script,
    createContext,
    createScript: (code, options) => new Script(code, options),
    runInContext,
    runInNewContext,
    runInThisContext,
    isContext,
    compileFunction,
    measureMemory,
    constants: { __proto__: null },
  };
  registerBuiltin('vm', vmExports);
  // --experimental-vm-modules (60-globals.js): Node's vm.Module, SourceTextModule and
  // SyntheticModule, loaded on first use.
  core.enableVmModules = () => {
    for (const name of ['Module', 'SourceTextModule', 'SyntheticModule']) {
      Object.defineProperty(vmExports, name, {
        configurable: true, enumerable: true,
        get() {
          const value = nodeLib.load('internal/vm/module')[name];
          Object.defineProperty(vmExports, name, { value, writable: true, configurable: true, enumerable: true });
          return value;
        },
        set(value) { Object.defineProperty(vmExports, name, { value, writable: true, configurable: true, enumerable: true }); },
      });
    }
  };

  // util.types from V8's own checks (fe_kind in fe_v8.h, in order).
  const kinds = ['isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject', 'isNumberObject',
    'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
    'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet',
    'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject', 'isArrayBufferView',
    'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array',
    'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array'];
  const types = util.types;
  kinds.forEach((name, kind) => {
    const fn = { [name]: (value) => ops.op_value_is(value, kind) }[name];
    types[name] = fn;
  });
  types.isAnyArrayBuffer = (v) => types.isArrayBuffer(v) || types.isSharedArrayBuffer(v);
  types.isBoxedPrimitive = (v) => types.isNumberObject(v) || types.isStringObject(v) || types.isBooleanObject(v) ||
    types.isBigIntObject(v) || types.isSymbolObject(v);
  types.isKeyObject = (v) => {
    const { KeyObject } = requireBuiltin('crypto');
    return typeof KeyObject === 'function' && v instanceof KeyObject;
  };
  types.isCryptoKey = (v) => typeof globalThis.CryptoKey === 'function' && v instanceof globalThis.CryptoKey;
  registerBuiltin('util/types', types);
})();
