// console and print. Console follows Node 18.20.4's lib/internal/console/constructor.js and
// cli_table.js (MIT, Node.js contributors): `new Console(stdout, stderr)` or
// `new Console({ stdout, stderr, ignoreErrors, colorMode, inspectOptions, groupIndentation })`
// writes to those streams; the global console is one whose streams are process.stdout/stderr,
// looked up when first written (so they can be replaced).
// Uses from earlier files: 00-core.js (core, hasOwn, traceOn); 01-inspect.js (customInspect, getStringWidth, inspect, formatWithOptions); 02-errors.js (nodeError, invalidArgType, outOfRange, invalidArgValue); 05-process.js (process).
const Console = (() => {
  const kCounts = Symbol('counts');
  // Node's trace events of console.time() and console.count() (node.console).
  const kTraceConsoleCategory = 'node,node.console';
  const kSecond = 1000;
  const kMinute = 60 * kSecond;
  const kHour = 60 * kMinute;
  const kMaxGroupIndentation = 1000;
  const kGroupIndent = Symbol('kGroupIndent');
  const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
  const kFormatForStderr = Symbol('kFormatForStderr');
  const kFormatForStdout = Symbol('kFormatForStdout');
  const kGetInspectOptions = Symbol('kGetInspectOptions');
  const kColorMode = Symbol('kColorMode');
  const kIsConsole = Symbol('kIsConsole');
  const kWriteToConsole = Symbol('kWriteToConsole');
  const kBindProperties = Symbol('kBindProperties');
  const kBindStreamsEager = Symbol('kBindStreamsEager');
  const kBindStreamsLazy = Symbol('kBindStreamsLazy');
  const kUseStdout = Symbol('kUseStdout');
  const kUseStderr = Symbol('kUseStderr');
  const optionsMap = new WeakMap();

  function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
    // Called without new: construct anyway (the global console's Console is callable).
    if (new.target === undefined) return Reflect.construct(Console, arguments);
    if (!options || typeof options.write === 'function') {
      options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
    }
    const { stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto', inspectOptions, groupIndentation } = options;
    if (!stdout || typeof stdout.write !== 'function') {
      throw nodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for stdout');
    }
    if (!stderr || typeof stderr.write !== 'function') {
      throw nodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for stderr');
    }
    if (typeof colorMode !== 'boolean' && colorMode !== 'auto') throw invalidArgValue('colorMode', colorMode);
    if (groupIndentation !== undefined) {
      if (typeof groupIndentation !== 'number') throw invalidArgType('groupIndentation', 'number', groupIndentation);
      if (!Number.isInteger(groupIndentation)) throw outOfRange('groupIndentation', 'an integer', groupIndentation);
      if (groupIndentation < 0 || groupIndentation > kMaxGroupIndentation) {
        throw outOfRange('groupIndentation', `>= 0 && <= ${kMaxGroupIndentation}`, groupIndentation);
      }
    }
    if (inspectOptions !== undefined) {
      if (inspectOptions === null || typeof inspectOptions !== 'object' || Array.isArray(inspectOptions)) {
        throw invalidArgType('options.inspectOptions', 'object', inspectOptions);
      }
      if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
        throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
          'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
      }
      optionsMap.set(this, inspectOptions);
    }
    // Methods are bound to the instance (taken from it, so subclasses can override them).
    for (const key of Object.keys(Console.prototype)) {
      this[key] = this[key].bind(this);
      Object.defineProperty(this[key], 'name', { value: key });
    }
    this[kBindStreamsEager](stdout, stderr);
    this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
  }

  const consolePropAttributes = { writable: true, enumerable: false, configurable: true };
  // The global console is an instance too, for `instanceof`.
  Object.defineProperty(Console, Symbol.hasInstance, { value(instance) { return instance != null && instance[kIsConsole] === true; } });

  const kColorInspectOptions = { colors: true };
  const kNoColorInspectOptions = {};
  // Node's shouldColorize: FORCE_COLOR wins, else a TTY with more than two colors.
  function shouldColorize(stream) {
    const force = process.env.FORCE_COLOR;
    if (force !== undefined) return force === '' || force === '1' || force === '2' || force === '3' || force === 'true';
    return !!(stream && stream.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
  }

  Object.defineProperties(Console.prototype, {
    [kBindStreamsEager]: {
      ...consolePropAttributes,
      value(stdout, stderr) {
        Object.defineProperties(this, {
          _stdout: { ...consolePropAttributes, value: stdout },
          _stderr: { ...consolePropAttributes, value: stderr },
        });
      },
    },
    [kBindStreamsLazy]: {
      ...consolePropAttributes,
      value(object) {
        let stdout;
        let stderr;
        Object.defineProperties(this, {
          _stdout: { enumerable: false, configurable: true, get() { return stdout || object.stdout; }, set(v) { stdout = v; } },
          _stderr: { enumerable: false, configurable: true, get() { return stderr || object.stderr; }, set(v) { stderr = v; } },
        });
      },
    },
    [kBindProperties]: {
      ...consolePropAttributes,
      value(ignoreErrors, colorMode, groupIndentation = 2) {
        Object.defineProperties(this, {
          _stdoutErrorHandler: { ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStdout) },
          _stderrErrorHandler: { ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStderr) },
          _ignoreErrors: { ...consolePropAttributes, value: Boolean(ignoreErrors) },
          _times: { ...consolePropAttributes, value: new Map() },
          [kCounts]: { ...consolePropAttributes, value: new Map() },
          [kColorMode]: { ...consolePropAttributes, value: colorMode },
          [kIsConsole]: { ...consolePropAttributes, value: true },
          [kGroupIndent]: { ...consolePropAttributes, value: '' },
          [kGroupIndentationWidth]: { ...consolePropAttributes, value: groupIndentation },
          [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'console' },
        });
      },
    },
    [kWriteToConsole]: {
      ...consolePropAttributes,
      value(streamSymbol, string) {
        const ignoreErrors = this._ignoreErrors;
        const groupIndent = this[kGroupIndent];
        const useStdout = streamSymbol === kUseStdout;
        const stream = useStdout ? this._stdout : this._stderr;
        const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;
        if (groupIndent.length !== 0) {
          if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
          string = groupIndent + string;
        }
        string += '\n';
        if (ignoreErrors === false) return stream.write(string);
        // Errors may come synchronously (files, TTYs) or later (pipes): both are swallowed.
        let added = false;
        try {
          if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
            stream.once('error', noop);
            added = true;
          }
          stream.write(string, errorHandler);
        } catch (e) {
          // A debugging utility must not hide a stack overflow.
          if (e instanceof RangeError && e.message === 'Maximum call stack size exceeded') throw e;
        } finally {
          if (added) stream.removeListener('error', noop);
        }
        return undefined;
      },
    },
    [kGetInspectOptions]: {
      ...consolePropAttributes,
      value(stream) {
        let color = this[kColorMode];
        if (color === 'auto') color = shouldColorize(stream);
        const options = optionsMap.get(this);
        if (options) {
          if (options.colors === undefined) options.colors = color;
          return options;
        }
        return color ? kColorInspectOptions : kNoColorInspectOptions;
      },
    },
    [kFormatForStdout]: {
      ...consolePropAttributes,
      value(args) { return Reflect.apply(formatWithOptions, undefined, [this[kGetInspectOptions](this._stdout)].concat(args)); },
    },
    [kFormatForStderr]: {
      ...consolePropAttributes,
      value(args) { return Reflect.apply(formatWithOptions, undefined, [this[kGetInspectOptions](this._stderr)].concat(args)); },
    },
  });

  // The callback for stream.write(): an error not yet emitted gets a no-op listener, so a
  // console write never becomes an uncaught exception.
  function createWriteErrorHandler(instance, streamSymbol) {
    return (err) => {
      const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
      if (err != null && !(stream._writableState && stream._writableState.errorEmitted)) {
        if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) stream.once('error', noop);
      }
    };
  }

  const consoleMethods = {
    log(...args) { this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args)); },
    warn(...args) { this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args)); },
    dir(object, options) {
      this[kWriteToConsole](kUseStdout, inspect(object, { customInspect: false, ...this[kGetInspectOptions](this._stdout), ...options }));
    },
    time(label = 'default') {
      label = `${label}`;
      if (this._times.has(label)) {
        process.emitWarning(`Label '${label}' already exists for console.time()`);
        return;
      }
      if (traceOn.console) traceOn.emit('b', kTraceConsoleCategory, `time::${label}`, 0);
      this._times.set(label, process.hrtime());
    },
    timeEnd(label = 'default') {
      label = `${label}`;
      const found = timeLogImpl(this, 'timeEnd', label);
      if (traceOn.console) traceOn.emit('e', kTraceConsoleCategory, `time::${label}`, 0);
      if (found) this._times.delete(label);
    },
    timeLog(label = 'default', ...data) {
      label = `${label}`;
      timeLogImpl(this, 'timeLog', label, data);
      if (traceOn.console) traceOn.emit('n', kTraceConsoleCategory, `time::${label}`, 0);
    },
    trace: function trace(...args) {
      const err = { name: 'Trace', message: this[kFormatForStderr](args) };
      Error.captureStackTrace(err, trace);
      this.error(err.stack);
    },
    assert(expression, ...args) {
      if (!expression) {
        args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
        Reflect.apply(this.warn, this, args);
      }
    },
    // Only a terminal can be cleared.
    clear() {
      if (this._stdout.isTTY && process.env.TERM !== 'dumb') this._stdout.write('\x1b[1;1H\x1b[0J');
    },
    count(label = 'default') {
      label = `${label}`;
      const counts = this[kCounts];
      let count = counts.get(label);
      count = count === undefined ? 1 : count + 1;
      counts.set(label, count);
      if (traceOn.console) traceOn.emit('C', kTraceConsoleCategory, `count::${label}`, 0, { data: count });
      this.log(`${label}: ${count}`);
    },
    countReset(label = 'default') {
      const counts = this[kCounts];
      if (!counts.has(label)) {
        process.emitWarning(`Count for '${label}' does not exist`);
        return;
      }
      if (traceOn.console) traceOn.emit('C', kTraceConsoleCategory, `count::${label}`, 0, { data: 0 });
      counts.delete(`${label}`);
    },
    group(...data) {
      if (data.length > 0) Reflect.apply(this.log, this, data);
      this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
    },
    groupEnd() {
      this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
    },
    table(tabularData, properties) {
      if (properties !== undefined && !Array.isArray(properties)) throw invalidArgType('properties', 'Array', properties);
      if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
      const final = (k, v) => this.log(cliTable(k, v));
      const _inspect = (v) => {
        const depth = v !== null && typeof v === 'object' && !isArrayLike(v) && Object.keys(v).length > 2 ? -1 : 0;
        return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...this[kGetInspectOptions](this._stdout) });
      };
      const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));
      const types = util.types;
      const mapIter = types.isMapIterator(tabularData);
      const setIter = types.isSetIterator(tabularData);
      // Iterators are read through a copy; Node peeks without consuming (V8's PreviewEntries).
      if (mapIter) tabularData = new Map([...tabularData].map((e) => (Array.isArray(e) ? e : [e, e])));
      if (mapIter || types.isMap(tabularData)) {
        const keys = [];
        const values = [];
        let length = 0;
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(_inspect(k));
          values.push(_inspect(v));
          length++;
        }
        return final([iterKey, keyKey, valuesKey], [getIndexArray(length), keys, values]);
      }
      if (setIter) tabularData = [...tabularData];
      if (setIter || types.isSet(tabularData)) {
        const values = [];
        let length = 0;
        for (const v of tabularData) {
          values.push(_inspect(v));
          length++;
        }
        return final([iterKey, valuesKey], [getIndexArray(length), values]);
      }
      const map = Object.create(null);
      let hasPrimitives = false;
      const valuesKeyArray = [];
      const indexKeyArray = Object.keys(tabularData);
      for (let i = 0; i < indexKeyArray.length; i++) {
        const item = tabularData[indexKeyArray[i]];
        const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
        if (properties === undefined && primitive) {
          hasPrimitives = true;
          valuesKeyArray[i] = _inspect(item);
        } else {
          const keys = properties || Object.keys(item);
          for (const key of keys) {
            map[key] ??= [];
            if ((primitive && properties) || !hasOwn(item, key)) map[key][i] = '';
            else map[key][i] = _inspect(item[key]);
          }
        }
      }
      const keys = Object.keys(map);
      const values = Object.values(map);
      if (hasPrimitives) {
        keys.push(valuesKey);
        values.push(valuesKeyArray);
      }
      keys.unshift(indexKey);
      values.unshift(indexKeyArray);
      return final(keys, values);
    },
  };

  function timeLogImpl(self, name, label, data) {
    const time = self._times.get(label);
    if (time === undefined) {
      process.emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const duration = process.hrtime(time);
    const ms = duration[0] * 1000 + duration[1] / 1e6;
    const formatted = formatTime(ms);
    if (data === undefined) self.log('%s: %s', label, formatted);
    else self.log('%s: %s', label, formatted, ...data);
    return true;
  }
  const pad = (value) => `${value}`.padStart(2, '0');
  function formatTime(ms) {
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (ms >= kSecond) {
      if (ms >= kMinute) {
        if (ms >= kHour) {
          hours = Math.floor(ms / kHour);
          ms %= kHour;
        }
        minutes = Math.floor(ms / kMinute);
        ms %= kMinute;
      }
      seconds = ms / kSecond;
    }
    if (hours !== 0 || minutes !== 0) {
      ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
      const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
      return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
    }
    if (seconds !== 0) return `${seconds.toFixed(3)}s`;
    return `${Number(ms.toFixed(3))}ms`;
  }

  const keyKey = 'Key';
  const valuesKey = 'Values';
  const indexKey = '(index)';
  const iterKey = '(iteration index)';
  const isArrayLike = (v) => Array.isArray(v) || ArrayBuffer.isView(v);
  function noop() {}

  // Columns as wide as the terminal shows them: escapes take no room, East Asian wide and
  // fullwidth characters two cells, combining marks none.
  const tableChars = {
    middleMiddle: '\u2500', rowMiddle: '\u253c', topRight: '\u2510', topLeft: '\u250c', leftMiddle: '\u251c',
    topMiddle: '\u252c', bottomRight: '\u2518', bottomLeft: '\u2514', bottomMiddle: '\u2534', rightMiddle: '\u2524',
    left: '\u2502 ', right: ' \u2502', middle: ' \u2502 ',
  };
  function renderRow(row, columnWidths) {
    let out = tableChars.left;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      const needed = (columnWidths[i] - getStringWidth(cell)) / 2;
      // Left-justified when the padding is odd.
      out += ' '.repeat(needed) + cell + ' '.repeat(Math.ceil(needed));
      if (i !== row.length - 1) out += tableChars.middle;
    }
    return out + tableChars.right;
  }
  function cliTable(head, columns) {
    const rows = [];
    const columnWidths = head.map((h) => getStringWidth(h));
    const longestColumn = Math.max(...columns.map((a) => a.length));
    for (let i = 0; i < head.length; i++) {
      const column = columns[i];
      for (let j = 0; j < longestColumn; j++) {
        if (rows[j] === undefined) rows[j] = [];
        const value = rows[j][i] = hasOwn(column, j) ? column[j] : '';
        columnWidths[i] = Math.max(columnWidths[i] || 0, getStringWidth(value));
      }
    }
    const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));
    let result = tableChars.topLeft + divider.join(tableChars.topMiddle) + tableChars.topRight + '\n' +
      renderRow(head, columnWidths) + '\n' + tableChars.leftMiddle + divider.join(tableChars.rowMiddle) + tableChars.rightMiddle + '\n';
    for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
    return result + tableChars.bottomLeft + divider.join(tableChars.bottomMiddle) + tableChars.bottomRight;
  }

  for (const method of Reflect.ownKeys(consoleMethods)) Console.prototype[method] = consoleMethods[method];
  Console.prototype.debug = Console.prototype.log;
  Console.prototype.info = Console.prototype.log;
  Console.prototype.dirxml = Console.prototype.log;
  Console.prototype.error = Console.prototype.warn;
  Console.prototype.groupCollapsed = Console.prototype.group;

  // What Node's internal/console/constructor exports (for --expose-internals).
  core.consoleInternals = { Console, kBindStreamsLazy, kBindProperties, formatTime };

  // The global console: a plain object with the methods bound to it, its streams process's.
  Console.makeGlobal = () => {
    const globalConsole = { __proto__: {} };
    for (const prop of Reflect.ownKeys(Console.prototype)) {
      if (prop === 'constructor') continue;
      const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
      if (typeof desc.value === 'function') {
        desc.value = desc.value.bind(globalConsole);
        Reflect.defineProperty(desc.value, 'name', { value: prop });
      }
      Reflect.defineProperty(globalConsole, prop, desc);
    }
    globalConsole[kBindStreamsLazy](process);
    globalConsole[kBindProperties](true, 'auto');
    globalConsole.Console = Console;
    return globalConsole;
  };
  return Console;
})();
const console = Console.makeGlobal();
delete Console.makeGlobal;
// process.emitWarning's printer (05-process.js) writes with this console's error, as Node's.
core.warningConsoleError = console.error;
const print = (...args) => { ops.op_write(1, args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ') + '\n'); };
