// The rest of Node 18's util: what needs later files (Buffer, AbortSignal, the socket errors,
// util.types from V8) and the deprecated helpers old code still calls. Node's lib/util.js and
// internal/util/debuglog.js are the reference.
// Uses from earlier files: 00-core.js (UV_ERRORS, uvErrorOf); 01-inspect.js (stripVTControlCharacters, inspect, formatWithOptions, format); 02-errors.js (nodeError, invalidArgType, validateFunction, outOfRange); 03-loop.js (nextTick); 05-process.js (process); 06-console.js (console); 08-fs.js (fs); 10-builtins.js (util); 11-buffer.js (Buffer); 32-net.js (socketErrno, socketErrorWithHostPort); 43-nodelib.js (nodeLib).
(() => {
  const types = util.types;

  // util.inherits as Node has it: arguments checked, super_ writable and not enumerable.
  util.inherits = function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'Function', ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'Function', superCtor);
    if (superCtor.prototype === undefined) throw invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
    Object.defineProperty(ctor, 'super_', { __proto__: null, value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  };

  // A promise-returning function made callback-style; the callback runs on nextTick, so a throw
  // in it is an uncaught exception, not a rejection.
  util.callbackify = function callbackify(original) {
    validateFunction(original, 'original');
    function callbackified(...args) {
      const maybeCb = args.pop();
      validateFunction(maybeCb, 'last argument');
      const cb = maybeCb.bind(this);
      Reflect.apply(original, this, args).then(
        (ret) => process.nextTick(cb, null, ret),
        (rej) => process.nextTick(() => {
          if (!rej) {
            const reason = rej;
            rej = nodeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
            rej.reason = reason;
          }
          cb(rej);
        }));
    }
    const descriptors = Object.getOwnPropertyDescriptors(original);
    if (typeof descriptors.length.value === 'number') descriptors.length.value++;
    if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
    for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
    Object.defineProperties(callbackified, descriptors);
    return callbackified;
  };

  util.getSystemErrorName = function getSystemErrorName(err) {
    if (typeof err !== 'number') throw invalidArgType('err', 'number', err);
    if (err >= 0 || !Number.isSafeInteger(err)) throw outOfRange('err', 'a negative integer', err);
    return uvErrorOf(err)[0];
  };
  util.getSystemErrorMap = () => new Map(Object.entries(UV_ERRORS).map(([n, entry]) => [-Number(n), entry]));
  // Node's errnoException: the code from getSystemErrorName, which guards against bad arguments.
  util._errnoException = function errnoException(err, syscall, original) {
    util.getSystemErrorName(err);
    return socketErrno(err, syscall, original);
  };
  util._exceptionWithHostPort = socketErrorWithHostPort;

  // NODE_DEBUG=net,http2,fs* enables debuglog(section) output on stderr, as in Node.
  let debugEnabled;
  const debugImpls = Object.create(null);
  const noop = () => {};
  function testEnabled(set) {
    if (debugEnabled === undefined) {
      const env = process.env.NODE_DEBUG;
      if (env) {
        const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*').replaceAll(',', '$|^');
        const re = new RegExp(`^${pattern}$`, 'i');
        debugEnabled = (s) => re.test(s);
      } else {
        debugEnabled = () => false;
      }
    }
    return debugEnabled(set);
  }
  function shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
    return stream && stream.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  }
  function debuglogImpl(enabled, set) {
    if (debugImpls[set] === undefined) {
      if (enabled) {
        const pid = process.pid;
        if (set === 'HTTP' || set === 'HTTP2') {
          process.emitWarning(`Setting the NODE_DEBUG environment variable to '${set.toLowerCase()}' can expose ` +
            'sensitive data (such as passwords, tokens and authentication headers) in the resulting log.');
        }
        debugImpls[set] = function debug(...args) {
          const colors = shouldColorize(process.stderr);
          const msg = formatWithOptions({ colors }, ...args);
          process.stderr.write(format('%s %s: %s\n', set, inspect(pid, { colors }), msg));
        };
      } else {
        debugImpls[set] = noop;
      }
    }
    return debugImpls[set];
  }
  util.debuglog = util.debug = function debuglog(set, cb) {
    let enabled;
    const init = () => { set = set.toUpperCase(); enabled = testEnabled(set); };
    let debug = (...args) => {
      init();
      debug = debuglogImpl(enabled, set);
      if (typeof cb === 'function') cb(debug);
      return debug(...args);
    };
    let test = () => { init(); test = () => enabled; return enabled; };
    const logger = (...args) => debug(...args);
    Object.defineProperty(logger, 'enabled', { __proto__: null, get() { return test(); }, configurable: true, enumerable: true });
    return logger;
  };

  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n) => String(n).padStart(2, '0');
  util.log = function log(...args) {
    const d = new Date();
    const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
    console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${t}`, format(...args));
  };
  util._extend = function _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  };

  util.stripVTControlCharacters = function (str) {
    if (typeof str !== 'string') throw invalidArgType('str', 'string', str);
    return stripVTControlCharacters(str);
  };
  Object.defineProperty(util.stripVTControlCharacters, 'name', { value: 'stripVTControlCharacters' });
  util.toUSVString = (val) => `${val}`.toWellFormed();

  // Resolves when the signal aborts; `resource` is what the caller's work belongs to.
  util.aborted = async function aborted(signal, resource) {
    if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw invalidArgType('signal', 'AbortSignal', signal);
    }
    if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
      throw invalidArgType('resource', 'Object', resource);
    }
    if (signal.aborted) return undefined;
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  };

  // The deprecated type checks (DEP0044..DEP0058, documentation-only in Node 18).
  Object.assign(util, {
    isBoolean: (arg) => typeof arg === 'boolean',
    isBuffer: (arg) => Buffer.isBuffer(arg),
    isNull: (arg) => arg === null,
    isNullOrUndefined: (arg) => arg === null || arg === undefined,
    isNumber: (arg) => typeof arg === 'number',
    isString: (arg) => typeof arg === 'string',
    isSymbol: (arg) => typeof arg === 'symbol',
    isUndefined: (arg) => arg === undefined,
    isRegExp: types.isRegExp,
    isObject: (arg) => arg !== null && typeof arg === 'object',
    isDate: types.isDate,
    isError: (e) => types.isNativeError(e) || e instanceof Error,
    isFunction: (arg) => typeof arg === 'function',
    isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
  });

  // Node's lib/util.js defines these lazily, from its own internal/util/parse_args and
  // internal/mime (NodeLib/): compiled when first read.
  Object.assign(nodeLib.errorCodes, {
    ERR_INVALID_MIME_SYNTAX: nodeLib.codeClass(TypeError, 'ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) =>
      `The MIME syntax for a ${production} in "${str}" is invalid${invalidIndex !== -1 ? ` at ${invalidIndex}` : ''}`),
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE: nodeLib.codeClass(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', (message) => message),
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: nodeLib.codeClass(TypeError, 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
      (arg) => `Unexpected argument '${arg}'. This command does not take positional arguments`),
    ERR_PARSE_ARGS_UNKNOWN_OPTION: nodeLib.codeClass(TypeError, 'ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
      const suggestDashDash = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
      return `Unknown option '${option}'${suggestDashDash}`;
    }),
  });
  for (const [id, keys] of [['internal/util/parse_args/parse_args', ['parseArgs']], ['internal/mime', ['MIMEType', 'MIMEParams']]]) {
    for (const key of keys) {
      const set = { [`set ${key}`](value) { Object.defineProperty(util, key, { writable: true, value }); } }[`set ${key}`];
      const get = { [`get ${key}`]() { const value = nodeLib.load(id)[key]; set(value); return value; } }[`get ${key}`];
      Object.defineProperty(util, key, { configurable: true, enumerable: true, get, set });
    }
  }
})();
