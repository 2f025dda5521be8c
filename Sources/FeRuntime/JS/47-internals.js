// --expose-internals: require('internal/...') and require('node:internal/...') reach Node's
// internal modules, as Node's own tests use them. What fe answers with is real: a vendored copy of
// Node's file (NodeLib/, the same instance fe's builtins made of it use), or a module of fe's own
// implementation under Node's export names (below). An internal module Node 18 has and fe does
// not provide fails at its require with ERR_FE_UNSUPPORTED_BUILTIN; a name Node does not have is
// not a builtin (Cannot find module, as Node says). Without the flag nothing here is reachable.
// Uses from earlier files: 00-core.js (core, builtins, opError, UV_ERRORS, uvErrorOf, privateSymbols); 01-inspect.js (customInspect, inspect, format); 02-errors.js (nodeError, receivedType, invalidArgType, validateFunction, validateBoolean, invalidArgValue); 03-loop.js (TIMEOUT_MAX, timers, timerNow, Timeout, setTimeout); 04-events.js (eventTargetHooks); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (validateUint32, isArrayBufferView, toUnixTimestamp, assertEncoding, validateOffsetLengthRead, validateOffsetLengthWrite, Stats, BigIntStats, Dirent, O, openFlags, then, validateRmdirOptions, fs, watchers); 09-url.js (URLSearchParams, URL, isURLObject); 10-builtins.js (util, os, registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer); 16-child_process.js (childProcessInternals); 17-crypto.js (nodeCrypto); 19-cjs.js (cjs); 27-http.js (http); 32-net.js (netInternals); 33-dns.js (dnsModule); 35-http_client.js (httpClient); 41-cluster.js (cluster); 43-nodelib.js (nodeLib).
(() => {
  // Node 18.20.4's lib/internal/ ids (internal/bootstrap/realm is never exposed, as in Node).
  const nodeInternalIds = new Set((
    'abort_controller assert assert/assertion_error assert/calltracker async_hooks blob blocklist ' +
    'bootstrap/browser bootstrap/node bootstrap/switches/does_not_own_process_state ' +
    'bootstrap/switches/does_own_process_state bootstrap/switches/is_main_thread ' +
    'bootstrap/switches/is_not_main_thread buffer child_process child_process/serialization cli_table ' +
    'cluster/child cluster/primary cluster/round_robin_handle cluster/shared_handle cluster/utils cluster/worker ' +
    'console/constructor console/global constants crypto/aes crypto/certificate crypto/cfrg crypto/cipher ' +
    'crypto/diffiehellman crypto/ec crypto/hash crypto/hashnames crypto/hkdf crypto/keygen crypto/keys crypto/mac ' +
    'crypto/pbkdf2 crypto/random crypto/rsa crypto/scrypt crypto/sig crypto/util crypto/webcrypto crypto/webidl ' +
    'crypto/x509 debugger/inspect debugger/inspect_client debugger/inspect_repl dgram dns/callback_resolver ' +
    'dns/promises dns/utils dtrace encoding error_serdes errors event_target file fixed_queue freelist ' +
    'freeze_intrinsics fs/cp/cp fs/cp/cp-sync fs/dir fs/promises fs/read_file_context fs/recursive_watch fs/rimraf ' +
    'fs/streams fs/sync_write_stream fs/utils fs/watchers heap_utils histogram http http2/compat http2/core ' +
    'http2/util idna inspector_async_hook js_stream_socket legacy/processbinding linkedlist main/check_syntax ' +
    'main/environment main/eval_stdin main/eval_string main/inspect main/mksnapshot main/print_help ' +
    'main/prof_process main/repl main/run_main_module main/single_executable_application main/test_runner ' +
    'main/watch_mode main/worker_thread mime modules/cjs/loader modules/esm/assert ' +
    'modules/esm/create_dynamic_module modules/esm/fetch_module modules/esm/formats modules/esm/get_format ' +
    'modules/esm/handle_process_exit modules/esm/hooks modules/esm/initialize_import_meta modules/esm/load ' +
    'modules/esm/loader modules/esm/module_job modules/esm/module_map modules/esm/package_config ' +
    'modules/esm/resolve modules/esm/shared_constants modules/esm/translators modules/esm/utils modules/esm/worker ' +
    'modules/helpers modules/package_json_reader modules/run_main net options per_context/domexception ' +
    'per_context/messageport per_context/primordials perf/event_loop_delay perf/event_loop_utilization ' +
    'perf/nodetiming perf/observe perf/performance perf/performance_entry perf/resource_timing perf/timerify ' +
    'perf/usertiming perf/utils policy/manifest policy/sri priority_queue process/esm_loader process/execution ' +
    'process/per_thread process/policy process/pre_execution process/promises process/report process/signal ' +
    'process/task_queues process/warning process/worker_thread_only promise_hooks querystring readline/callbacks ' +
    'readline/emitKeypressEvents readline/interface readline/promises readline/utils repl repl/await repl/history ' +
    'repl/utils socket_list socketaddress source_map/prepare_stack_trace source_map/source_map ' +
    'source_map/source_map_cache stream_base_commons streams/add-abort-signal streams/buffer_list streams/compose ' +
    'streams/destroy streams/duplex streams/duplexify streams/end-of-stream streams/from streams/lazy_transform ' +
    'streams/legacy streams/operators streams/passthrough streams/pipeline streams/readable streams/state ' +
    'streams/transform streams/utils streams/writable structured_clone test/binding test/transfer ' +
    'test_runner/coverage test_runner/harness test_runner/mock/mock test_runner/mock/mock_timers ' +
    'test_runner/reporter/dot test_runner/reporter/junit test_runner/reporter/spec test_runner/reporter/tap ' +
    'test_runner/reporter/v8-serializer test_runner/runner test_runner/test test_runner/tests_stream ' +
    'test_runner/utils timers tls/secure-context tls/secure-pair trace_events_async_hooks tty url util util/colors ' +
    'util/comparisons util/debuglog util/inspect util/inspector util/iterable_weak_map util/parse_args/parse_args ' +
    'util/parse_args/utils util/types v8/startup_snapshot v8_prof_polyfill v8_prof_processor validators vm ' +
    'vm/module wasm_web_api watch_mode/files_watcher watchdog webidl webstreams/adapters webstreams/compression ' +
    'webstreams/encoding webstreams/queuingstrategies webstreams/readablestream webstreams/transfer ' +
    'webstreams/transformstream webstreams/util webstreams/writablestream worker worker/io worker/js_transferable ' +
    'deps/cjs-module-lexer/lexer deps/cjs-module-lexer/dist/lexer deps/acorn/acorn/dist/acorn ' +
    'deps/acorn/acorn-walk/dist/walk deps/minimatch/index deps/undici/undici'
  ).trim().split(/ +/).map((id) => `internal/${id}`));

  core.isExposedInternal = (id) => core.nodeFlags?.exposeInternals === true && nodeInternalIds.has(id);

  const cache = new Map();
  core.requireInternal = (id) => {
    if (cache.has(id)) return cache.get(id);
    let value;
    if (Object.prototype.hasOwnProperty.call(exposed, id)) value = exposed[id]();
    else if (ops.op_nodelib_source(id) !== undefined) value = nodeLib.load(id);
    else throw nodeError(Error, 'ERR_FE_UNSUPPORTED_BUILTIN', `fe does not provide Node's internal module '${id}'`);
    cache.set(id, value);
    return value;
  };

  // Node's internal bindings as fe has them, for internal/test/binding.
  const nodeBindingNames = new Set(('async_wrap blob block_list buffer builtins cares_wrap config constants contextify ' +
    'credentials crypto encoding_binding errors fs fs_dir fs_event_wrap heap_utils http2 http_parser icu inspector ' +
    'js_stream js_udp_wrap messaging module_wrap mksnapshot options os performance pipe_wrap process_methods ' +
    'process_wrap report serdes signal_wrap spawn_sync stream_pipe stream_wrap string_decoder symbols task_queue ' +
    'tcp_wrap timers tls_wrap trace_events tty_wrap types udp_wrap url util uv v8 wasi wasm_web_api watchdog worker ' +
    'zlib').split(' '));
  // The bindings whose every member is fe's real implementation (the others fe's vendored files
  // reach, fs, is shaped for http2 only and stays internal).
  const userBindings = new Set(['block_list', 'buffer', 'cares_wrap', 'constants', 'contextify', 'credentials', 'http2',
    'http_parser', 'js_stream', 'async_wrap', 'os', 'performance', 'pipe_wrap', 'stream_wrap', 'tcp_wrap', 'timers',
    'trace_events', 'tty_wrap', 'udp_wrap', 'url', 'util', 'uv']);
  function internalBinding(name) {
    if (userBindings.has(name)) return nodeLib.internalBinding(name);
    if (name === 'worker') return core.workerInternals().binding;
    if (name === 'inspector') return inspectorBinding();
    if (nodeBindingNames.has(name)) {
      throw nodeError(Error, 'ERR_FE_UNSUPPORTED_BUILTIN', `fe does not provide Node's internal binding '${name}'`);
    }
    throw new Error(`No such binding: ${name}`);
  }

  // Node's inspector binding (src/inspector_js_api.cc), the members fe's inspector has: whether
  // the server listens, open(port, host) as inspector.open without its checks, url(),
  // waitForDebugger() (false when no server listens), callAndPauseOnStart and the async tasks.
  let inspectorBindingObject;
  function inspectorBinding() {
    inspectorBindingObject ??= {
      isEnabled: () => ops.op_inspector_url() !== undefined,
      open: (port, host) => { ops.op_inspector_open(port === (port >>> 0) ? port : -1, typeof host === 'string' ? host : ''); },
      url: () => ops.op_inspector_url(),
      waitForDebugger: () => ops.op_inspector_wait(),
      callAndPauseOnStart: (fn, thisArg, ...args) => ops.op_inspector_call_and_pause_on_start(fn, thisArg, ...args),
      // The async tasks of async stack traces, and what turns their reporting on and off.
      registerAsyncHook: (enable, disable) => core.registerInspectorAsyncHook(enable, disable),
      asyncTaskScheduled: (name, id, recurring) => ops.op_inspector_async_task(0, id, `${name}`, Boolean(recurring)),
      asyncTaskStarted: (id) => ops.op_inspector_async_task(1, id),
      asyncTaskFinished: (id) => ops.op_inspector_async_task(2, id),
      asyncTaskCanceled: (id) => ops.op_inspector_async_task(3, id),
    };
    return inspectorBindingObject;
  }

  // process.binding() (DEP0111), Node's lib/internal/bootstrap/realm.js: the legacy loader of the
  // allowlisted bindings. 'util' is the legacy wrapper of util.types' checks; the others are the
  // internal binding, where fe has it (else the require fails naming it).
  const processBindingAllowlist = new Set(('async_wrap buffer cares_wrap config constants contextify crypto fs ' +
    'fs_event_wrap http_parser icu inspector js_stream natives os pipe_wrap process_wrap signal_wrap spawn_sync ' +
    'stream_wrap tcp_wrap tls_wrap tty_wrap udp_wrap url util uv v8 zlib').split(' '));
  const runtimeDeprecatedBindings = new Set(['async_wrap', 'crypto', 'http_parser', 'signal_wrap', 'url', 'v8']);
  const legacyTypeChecks = ['isArrayBuffer', 'isArrayBufferView', 'isAsyncFunction', 'isDataView', 'isDate',
    'isExternal', 'isMap', 'isMapIterator', 'isNativeError', 'isPromise', 'isRegExp', 'isSet', 'isSetIterator',
    'isTypedArray', 'isUint8Array', 'isAnyArrayBuffer'];
  let bindingDeprecationShown = false;
  process.binding = function binding(module) {
    // Node wraps it with util.deprecate under --pending-deprecation (pre_execution.js).
    if (core.nodeFlags?.pendingDeprecation && !bindingDeprecationShown) {
      bindingDeprecationShown = true;
      process.emitWarning('process.binding() is deprecated. Please use public APIs instead.', 'DeprecationWarning', 'DEP0111');
    }
    module = String(module);
    if (processBindingAllowlist.has(module)) {
      if (runtimeDeprecatedBindings.has(module)) {
        runtimeDeprecatedBindings.delete(module);
        process.emitWarning(`Access to process.binding('${module}') is deprecated.`, 'DeprecationWarning', 'DEP0111');
      }
      if (module === 'util') {
        const { types } = requireBuiltin('util');
        return Object.fromEntries(Object.entries(types).filter(([key]) => legacyTypeChecks.includes(key)));
      }
      return internalBinding(module);
    }
    // eslint-disable-next-line no-restricted-syntax
    throw new Error(`No such module: ${module}`);
  };
  const { bindings } = nodeLib;
  // Node's trace event phases (src/node_constants.cc), as char codes.
  const tracePhases = { BEGIN: 'B', END: 'E', COMPLETE: 'X', INSTANT: 'I', ASYNC_BEGIN: 'S', ASYNC_STEP_INTO: 'T',
    ASYNC_STEP_PAST: 'p', ASYNC_END: 'F', NESTABLE_ASYNC_BEGIN: 'b', NESTABLE_ASYNC_END: 'e',
    NESTABLE_ASYNC_INSTANT: 'n', FLOW_BEGIN: 's', FLOW_STEP: 't', FLOW_END: 'f', METADATA: 'M', COUNTER: 'C',
    SAMPLE: 'P', CREATE_OBJECT: 'N', SNAPSHOT_OBJECT: 'O', DELETE_OBJECT: 'D', MEMORY_DUMP: 'v', MARK: 'R',
    CLOCK_SYNC: 'c', ENTER_CONTEXT: '(', LEAVE_CONTEXT: ')', LINK_IDS: '=' };
  const nullProto = (o) => Object.assign(Object.create(null), o);
  bindings.constants = () => {
    const os = requireBuiltin('os').constants;
    return nullProto({
      os: nullProto({ UV_UDP_REUSEADDR: os.UV_UDP_REUSEADDR, dlopen: os.dlopen, errno: os.errno, priority: os.priority, signals: os.signals }),
      fs: requireBuiltin('fs').constants,
      crypto: requireBuiltin('crypto').constants,
      zlib: core.zlibConstants,
      trace: nullProto(Object.fromEntries(Object.entries(tracePhases).map(([k, c]) => [`TRACE_EVENT_PHASE_${k}`, c.charCodeAt(0)]))),
    });
  };
  // libuv's error names, from the one table fe's errors use (00-core.js); http2's vendored files
  // read UV_EOF from it.
  bindings.uv = () => {
    const uv = {};
    for (const [n, [code]] of Object.entries(UV_ERRORS)) {
      Object.defineProperty(uv, `UV_${code}`, { value: -Number(n), enumerable: true, writable: false, configurable: false });
    }
    // Node's src/uv.cc: warns once under --pending-deprecation (DEP0119).
    let errnameWarned = false;
    uv.errname = function errname(err) {
      if (core.nodeFlags?.pendingDeprecation && !errnameWarned) {
        errnameWarned = true;
        process.emitWarning('Directly calling process.binding(\'uv\').errname(<val>) is being deprecated. ' +
          'Please make sure to use util.getSystemErrorName() instead.', 'DeprecationWarning', 'DEP0119');
      }
      return uvErrorOf(err)[0];
    };
    uv.getErrorMap = () => new Map(Object.entries(UV_ERRORS).map(([n, entry]) => [-Number(n), [...entry]]));
    return uv;
  };
  bindings.block_list = () => netInternals.blockListBinding;
  bindings.os = () => core.osBinding;
  // Node's internal/v8/startup_snapshot: its namespace is v8.startupSnapshot.
  nodeLib.internals['internal/v8/startup_snapshot'] = () => ({ namespace: requireBuiltin('v8').startupSnapshot });
  // Node's stream handles (32-net.js): fe's own socket handles are these classes.
  bindings.tcp_wrap = () => netInternals.tcpWrapBinding;
  bindings.pipe_wrap = () => netInternals.pipeWrapBinding;
  bindings.stream_wrap = () => netInternals.streamWrapBinding;
  bindings.js_stream = () => netInternals.jsStreamBinding;
  bindings.udp_wrap = () => netInternals.udpWrapBinding;
  bindings.tty_wrap = () => netInternals.ttyWrapBinding;
  bindings.async_wrap = () => core.asyncWrapBinding;
  // Node's lib/_stream_wrap.js: JSStreamSocket under its old name (DEP0125).
  registerLazyBuiltin('_stream_wrap', () => {
    const JSStreamSocket = nodeLib.load('internal/js_stream_socket', true);
    process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
    return JSStreamSocket;
  });
  // SocketAddress clones through MessagePorts; the receiving side makes it from here.
  netInternals.makeSocketAddressCloneable(core.jsTransferable);
  nodeLib.internals['internal/socketaddress'] = () => netInternals.socketAddress;
  // The HTTP parser http's client uses (35-http_client.js); its pool reads HTTPParser from here.
  bindings.http_parser = () => httpClient.httpParserBinding;
  // What the dns module calls through (33-dns.js).
  bindings.cares_wrap = () => dnsModule.cares;
  bindings.timers = () => ({ getLibuvNow: timerNow });
  bindings.url = () => ({ canParse: (input, base) => URL.canParse(input, base) });
  // Node's safeGetenv: the variable, unless the process runs with raised privileges.
  bindings.credentials = () => ({
    safeGetenv: (name) => (process.getuid?.() !== process.geteuid?.() || process.getgid?.() !== process.getegid?.()
      ? undefined : process.env[name]),
  });

  // What Node's internal/errors has beyond the stand-in fe's vendored files use: E() registers
  // a code into the same table (Node's messages: a function, or a util.format string whose
  // placeholders must match the arguments), SystemError and the helpers tests call.
  function errorsForTests() {
    const { errorCodes, codeClass } = nodeLib;
    const messages = new Map();
    // Node's internal/assert: the message followed by ERR_INTERNAL_ASSERTION's own text.
    const assertArgs = (ok, key, given, wanted) => {
      nodeLib.load('internal/assert')(ok,
        `Code: ${key}; The provided arguments length (${given}) does not match the required ones (${wanted}).`);
    };
    function getMessage(key, args, self) {
      if (!messages.has(key)) return errorCodes[key] ? errorCodes[key].format.apply(self, args) : key;
      const msg = messages.get(key);
      if (typeof msg === 'function') {
        assertArgs(msg.length <= args.length, key, args.length, msg.length);
        return Reflect.apply(msg, self, args);
      }
      const expected = (msg.match(/%[dfijoOs]/g) || []).length;
      assertArgs(expected === args.length, key, args.length, expected);
      return args.length === 0 ? msg : format(msg, ...args);
    }
    class SystemError extends Error {
      constructor(key, context) {
        super();
        let message = `${getMessage(key, [], this)}: ${context.syscall} returned ${context.code} (${context.message})`;
        if (context.path !== undefined) message += ` ${context.path}`;
        if (context.dest !== undefined) message += ` => ${context.dest}`;
        Object.defineProperty(this, 'message', { value: message, writable: true, configurable: true });
        // The stack's first line names the code, as Node prints it.
        Object.defineProperty(this, 'name', { value: `SystemError [${key}]`, writable: true, configurable: true });
        Error.captureStackTrace(this, new.target);
        this.stack; // eslint-disable-line no-unused-expressions
        this.code = key;
        const bufferOf = (value) => (value ? Buffer.from(value.toString()) : undefined);
        Object.defineProperties(this, {
          [kIsNodeError]: { value: true, enumerable: false, writable: false, configurable: true },
          name: { value: 'SystemError', enumerable: false, writable: true, configurable: true },
          info: { value: context, enumerable: true, configurable: true, writable: false },
          errno: { get: () => context.errno, set: (v) => { context.errno = v; }, enumerable: true, configurable: true },
          syscall: { get: () => context.syscall, set: (v) => { context.syscall = v; }, enumerable: true, configurable: true },
        });
        if (context.path !== undefined) {
          Object.defineProperty(this, 'path', {
            get: () => (context.path != null ? context.path.toString() : context.path),
            set: (v) => { context.path = bufferOf(v); }, enumerable: true, configurable: true,
          });
        }
        if (context.dest !== undefined) {
          Object.defineProperty(this, 'dest', {
            get: () => (context.dest != null ? context.dest.toString() : context.dest),
            set: (v) => { context.dest = bufferOf(v); }, enumerable: true, configurable: true,
          });
        }
      }
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
      [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
        return inspect(this, { ...ctx, getters: true, customInspect: false });
      }
    }
    const { kIsNodeError } = nodeLib.load('internal/errors');
    function E(sym, val, def, ...otherClasses) {
      messages.set(sym, val);
      const fmt = function (...args) { return getMessage(sym, args, this); };
      const made = def === SystemError
        ? class NodeError extends SystemError { constructor(ctx) { super(sym, ctx); } }
        : codeClass(def, sym, fmt);
      for (const clazz of otherClasses) made[clazz.name] = codeClass(clazz, sym, fmt);
      errorCodes[sym] = made;
    }
    const formatList = (array, type = 'and') => (array.length < 3 ? array.join(` ${type} `)
      : `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`);
    // Every other code Node 18.20.4 declares: its own declarations (NodeLib/node.internal.errors.js,
    // evaluated apart, for its `codes` only), where fe's table has no class of its own.
    const nodeErrors = nodeDeclaredErrors();
    // Their stack's first line names the code, as Node's prepareStackTrace writes it for its errors.
    const withCodedStack = (NodeClass, key) => {
      const made = function NodeError(...args) {
        const error = Reflect.construct(NodeClass, args, new.target ?? NodeClass);
        if (typeof error.code === 'string') {
          // From the caller on (Node's prepareStackTrace hides its __node_internal_ frames).
          Error.captureStackTrace(error, made);
          Object.defineProperty(error, 'name', { value: `${error.name} [${error.code}]`, configurable: true, writable: true });
          error.stack; // eslint-disable-line no-unused-expressions
          delete error.name;
        }
        return error;
      };
      for (const variant of Object.keys(NodeClass)) {
        made[variant] = typeof NodeClass[variant] === 'function' ? withCodedStack(NodeClass[variant], key) : NodeClass[variant];
      }
      return made;
    };
    for (const key of Object.keys(nodeErrors.codes)) {
      if (!Object.prototype.hasOwnProperty.call(errorCodes, key)) errorCodes[key] = withCodedStack(nodeErrors.codes[key], key);
    }
    const ownGetMessage = getMessage;
    getMessage = function getMessage(key, args, self) { // eslint-disable-line no-func-assign
      if (messages.has(key) || errorCodes[key]?.format) return ownGetMessage(key, args, self);
      return nodeErrors.getMessage(key, args, self);
    };
    return {
      E, SystemError, getMessage, formatList, determineSpecificType: receivedType,
      dnsException: (code, syscall, hostname) => dnsModule.nodeDnsException(code, syscall, hostname),
    };
  }

  // Node's lib/internal/errors.js run on its own: a module instance whose classes build their
  // messages from its own table. Its top level reads internalBinding('util').privateSymbols for
  // setArrowMessage only, which is not taken from this instance.
  function nodeDeclaredErrors() {
    const source = ops.op_nodelib_source('internal/errors');
    const module = { exports: {}, id: 'internal/errors' };
    const binding = (name) => (name === 'util'
      ? { ...nodeLib.internalBinding('util'), privateSymbols: { arrow_message_private_symbol: Symbol('arrow_message_private_symbol') } }
      : internalBinding(name));
    const fn = ops.op_vm_compile_function(undefined, source, 'node:internal/errors', 0, 0,
      ['exports', 'require', 'module', 'process', 'internalBinding', 'primordials'], []);
    fn(module.exports, (id) => nodeLib.load(id), module, process, binding, nodeLib.getPrimordials());
    return module.exports;
  }

  // What Node's internal/util has beyond the stand-in fe's vendored files use: Node's own small
  // helpers (lib/internal/util.js), over fe's runtime where they reach it.
  function utilForTests() {
    const { validateUint32 } = nodeLib.load('internal/validators');
    const signals = requireBuiltin('os').constants.signals;
    function createClassWrapper(type) {
      function fn(...args) { return Reflect.construct(type, args, new.target || type); }
      Object.defineProperties(fn, { name: { value: type.name }, length: { value: type.length } });
      Object.setPrototypeOf(fn, type);
      fn.prototype = type.prototype;
      return fn;
    }
    function convertToValidSignal(signal) {
      if (typeof signal === 'number' && Object.values(signals).includes(signal)) return signal;
      if (typeof signal === 'string') {
        const number = signals[signal.toUpperCase()];
        if (number) return number;
      }
      throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
    }
    const { getConstructorOf } = nodeLib.load('internal/util');
    function filterDuplicateStrings(items, low) {
      const map = new Map();
      for (const item of items) {
        const key = item.toLowerCase();
        map.set(key, low ? key : item);
      }
      return Array.from(map.values()).sort();
    }
    function cachedResult(fn) {
      let result;
      return () => {
        if (result === undefined) result = fn();
        return result.slice();
      };
    }
    function join(output, separator) {
      let str = '';
      if (output.length !== 0) {
        const lastIndex = output.length - 1;
        for (let i = 0; i < lastIndex; i++) str += output[i] + separator;
        str += output[lastIndex];
      }
      return str;
    }
    function spliceOne(list, index) {
      for (; index + 1 < list.length; index++) list[index] = list[index + 1];
      list.pop();
    }
    // A blocking wait of the whole thread, as Node's uv_sleep.
    function sleep(msec) {
      validateUint32(msec, 'msec');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, msec);
    }
    const kEnumerableProperty = Object.freeze(Object.assign(Object.create(null), { enumerable: true }));
    return {
      kEnumerableProperty, cachedResult, convertToValidSignal, createClassWrapper, filterDuplicateStrings, getConstructorOf, join, sleep,
      spliceOne,
      getSystemErrorName: util.getSystemErrorName, getSystemErrorMap: util.getSystemErrorMap,
    };
  }

  // Node's internal/fs/utils Dirent helpers: a Dirent from a name and its type, or, where the
  // type is unknown (UV_DIRENT_UNKNOWN, 0), from an lstat of the entry; with a callback, the
  // lstat is the asynchronous one.
  const kDirentStats = Symbol('stats');
  class DirentFromStats extends Dirent {
    constructor(name, stats, parentPath, filepath) {
      super(name, null, parentPath);
      this.path = filepath;
      this[kDirentStats] = stats;
    }
  }
  for (const name of Reflect.ownKeys(Dirent.prototype)) {
    if (name === 'constructor') continue;
    DirentFromStats.prototype[name] = function () { return this[kDirentStats][name](); };
  }
  const direntJoin = (dir, name) => {
    const isBytes = (v) => v instanceof Uint8Array;
    if ((typeof dir === 'string' || isBytes(dir)) && name === undefined) return dir;
    if (typeof dir === 'string' && isBytes(name)) return Buffer.concat([Buffer.from(path.join(dir, path.sep)), name]);
    if (typeof dir === 'string' && typeof name === 'string') return path.join(dir, name);
    if (isBytes(dir) && isBytes(name)) return Buffer.concat([dir, Buffer.from(path.sep), name]);
    throw invalidArgType('path', ['string', 'Buffer'], dir);
  };
  const direntOf = (name, type, parentPath, filepath) => {
    const dirent = new Dirent(name, type, parentPath);
    dirent.path = filepath;
    return dirent;
  };
  function getDirents(dir, { 0: names, 1: types }, callback) {
    if (typeof callback !== 'function') {
      for (let i = 0; i < names.length; i++) names[i] = getDirent(dir, names[i], types[i]);
      return names;
    }
    let toFinish = 0;
    let called = false;
    const cb = (...args) => { if (!called) { called = true; callback(...args); } };
    for (let i = 0; i < names.length; i++) {
      if (types[i] === 0) {
        const name = names[i];
        toFinish++;
        let filepath;
        try {
          filepath = direntJoin(dir, name);
        } catch (err) {
          cb(err);
          return;
        }
        fs.lstat(filepath, (err, stats) => {
          if (err) { cb(err); return; }
          names[i] = new DirentFromStats(name, stats, dir, filepath);
          if (--toFinish === 0) cb(null, names);
        });
      } else {
        names[i] = direntOf(names[i], types[i], dir, dir);
      }
    }
    if (toFinish === 0) cb(null, names);
  }
  function getDirent(dir, name, type, callback) {
    if (typeof callback === 'function') {
      if (type !== 0) { callback(null, direntOf(name, type, dir, dir)); return; }
      let filepath;
      try {
        filepath = direntJoin(dir, name);
      } catch (err) {
        callback(err);
        return;
      }
      fs.lstat(filepath, (err, stats) => {
        if (err) { callback(err); return; }
        callback(null, new DirentFromStats(name, stats, dir, filepath));
      });
      return;
    }
    if (type === 0) {
      const filepath = direntJoin(dir, name);
      return new DirentFromStats(name, fs.lstatSync(filepath), dir, callback === true ? filepath : dir);
    }
    return callback === true ? direntOf(name, type, dir, direntJoin(dir, name)) : direntOf(name, type, dir, dir);
  }
  const rmOptionDefaults = { retryDelay: 100, maxRetries: 0, recursive: false, force: false };
  const exposed = {
    'internal/test/binding': () => {
      process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');
      return { internalBinding, primordials: nodeLib.getPrimordials() };
    },
    // The stand-ins fe's vendored files use (43-nodelib.js) that are fe's real implementation.
    'internal/child_process': () => childProcessInternals,
    'internal/console/constructor': () => ({ ...core.consoleInternals }),
    'internal/worker': () => core.workerInternals().worker,
    'internal/socket_list': () => core.socketList,
    'internal/assert': () => nodeLib.load('internal/assert'),
    'internal/worker/io': () => core.workerInternals().io,
    'internal/blocklist': () => netInternals.blockList,
    'internal/socketaddress': () => netInternals.socketAddress,
    'internal/net': () => netInternals.internalNet,
    'internal/dgram': () => netInternals.internalDgram,
    'internal/js_stream_socket': () => nodeLib.load('internal/js_stream_socket', true),
    'internal/async_hooks': () => core.internalAsyncHooks(netInternals.ownerSymbol),
    'internal/http': () => http.internalHttp,
    // The streams' highWaterMark defaults (stream.getDefaultHighWaterMark and its setter).
    'internal/streams/state': () => {
      const stream = requireBuiltin('stream');
      return {
        getDefaultHighWaterMark: stream.getDefaultHighWaterMark,
        setDefaultHighWaterMark: stream.setDefaultHighWaterMark,
        getHighWaterMark(state, options, duplexKey, isDuplex) {
          const hwm = options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[duplexKey] : null;
          if (hwm != null) {
            if (!Number.isInteger(hwm) || hwm < 0) throw invalidArgValue(isDuplex ? `options.${duplexKey}` : 'options.highWaterMark', hwm);
            return Math.floor(hwm);
          }
          return stream.getDefaultHighWaterMark(state.objectMode);
        },
      };
    },
    // The symbol sockets and http2 sessions keep their idle Timeout under, and TIMEOUT_MAX.
    'internal/timers': () => ({
      ...nodeLib.load('internal/timers'),
      // Node's: a Timeout that does not keep the process alive, from the start.
      setUnrefTimeout(callback, after) {
        validateFunction(callback, 'callback');
        return setTimeout(callback, after).unref();
      },
    }),
    'internal/errors': () => Object.assign(nodeLib.load('internal/errors'), errorsForTests()),
    'internal/util': () => Object.assign(nodeLib.load('internal/util'), utilForTests()),
    'internal/util/inspect': () => nodeLib.load('internal/util/inspect'),
    'internal/util/types': () => nodeLib.load('internal/util/types'),
    'internal/options': () => nodeLib.load('internal/options'),
    'internal/crypto/x509': () => ({ X509Certificate: nodeCrypto.X509Certificate, isX509Certificate: nodeCrypto.isX509Certificate }),
    // The symbols web streams' transfer methods are under (fe's MessagePort does not transfer them).
    'internal/worker/js_transferable': () => nodeLib.load('internal/worker/js_transferable'),
    'internal/streams/add-abort-signal': () => nodeLib.load('internal/streams/add-abort-signal'),
    'internal/url': () => ({ ...nodeLib.load('internal/url'), URLSearchParams, isURL: isURLObject }),
    // fs's own helpers (08-fs.js) under Node's names; on POSIX a symlink destination is kept as is.
    'internal/fs/utils': () => ({
      assertEncoding, BigIntStats, Dirent, Stats, toUnixTimestamp, validateOffsetLengthRead, validateOffsetLengthWrite,
      stringToFlags: (flags) => (typeof flags === 'number' ? flags : openFlags(flags)),
      preprocessSymlinkDestination: (path) => path,
      validateRmdirOptions: (options, defaults = { retryDelay: 100, maxRetries: 0, recursive: false }) =>
        validateRmdirOptions(options, defaults),
      // Node's checks before rm: the options, then an lstat of the path (ENOENT is no failure
      // with force; a directory is one without recursive). The sync form returns the options,
      // or false when expectDir and the path is no directory; the other calls cb(err, options).
      getDirents, getDirent,
      validateRmOptionsSync(path, options, expectDir) {
        options = validateRmdirOptions(options, rmOptionDefaults);
        validateBoolean(options.force, 'options.force');
        if (!options.force || expectDir || !options.recursive) {
          const isDirectory = fs.lstatSync(path, { throwIfNoEntry: !options.force })?.isDirectory();
          if (expectDir && !isDirectory) return false;
          if (isDirectory && !options.recursive) throw opError(['EISDIR', 'is a directory', 'rm', path]);
        }
        return options;
      },
      validateRmOptions(path, options, expectDir, cb) {
        options = validateRmdirOptions(options, rmOptionDefaults);
        validateBoolean(options.force, 'options.force');
        fs.lstat(path, (err, stats) => {
          if (err) return cb(options.force && err.code === 'ENOENT' ? null : err, options);
          if (expectDir && !stats.isDirectory()) return cb(false);
          if (stats.isDirectory() && !options.recursive) return cb(opError(['EISDIR', 'is a directory', 'rm', path]));
          return cb(null, options);
        });
      },
    }),
    'internal/event_target': () => ({
      Event: globalThis.Event, EventTarget: globalThis.EventTarget, CustomEvent: globalThis.CustomEvent,
      NodeEventTarget: eventTargetHooks.NodeEventTarget, defineEventHandler: eventTargetHooks.defineEventHandler,
      kResistStopPropagation: eventTargetHooks.kResistStopPropagation, kWeakHandler: eventTargetHooks.kWeakHandler,
      kEvents: eventTargetHooks.kEvents,
    }),
  };
})();
