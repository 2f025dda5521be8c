// readline, readline/promises: Node 20's Interface over any Readable (process.stdin above all).
// Without a terminal it splits decoded input into lines (\n, \r\n, or a lone \r, with a \r\n
// split across reads counted once); with one (output.isTTY, or terminal: true) it puts the input
// in raw mode, turns it into keypress events and edits the line itself: cursor moves, word and
// line deletes, history, tab completion, Ctrl+C/Ctrl+D. question(), prompt(), async iteration
// over lines, and the cursor helpers (clearLine, cursorTo, moveCursor...) as ANSI writes.
// Uses from earlier files: 00-core.js (hasOwn, define); 01-inspect.js (stripVTControlCharacters, inspect); 02-errors.js (nodeError, invalidArgType, validateFunction, outOfRange, invalidArgValue); 03-loop.js (nextTick, setTimeout, clearTimeout); 04-events.js (EventEmitter); 05-process.js (process); 08-fs.js (validateInteger, validateAbortSignal, abortError, O); 10-builtins.js (util, registerBuiltin, requireBuiltin).
(() => {
  const { StringDecoder } = requireBuiltin('string_decoder');
  const ESC = '\x1b';
  const CSI = `${ESC}[`;
  const kClearToLineBeginning = `${CSI}1K`, kClearToLineEnd = `${CSI}0K`, kClearLine = `${CSI}2K`, kClearScreenDown = `${CSI}0J`;
  const kHistorySize = 30;
  const kMinCrlfDelay = 100;
  const kEscapeCodeTimeout = 500; // GNU readline's keyseq-timeout
  const lineEnding = /\r?\n|\r(?!\n)/g;

  const abortError = (signal) => {
    const e = new Error('The operation was aborted');
    e.code = 'ABORT_ERR';
    e.name = 'AbortError';
    if (signal !== undefined) define(e, 'cause', signal.reason);
    return e;
  };
  const useAfterClose = () => nodeError(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  const invalidArgValue = (name, value, range = false) => {
    let shown = inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    return nodeError(range ? RangeError : TypeError, 'ERR_INVALID_ARG_VALUE', `The ${name.includes('.') ? 'property' : 'argument'} '${name}' is invalid. Received ${shown}`);
  };
  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) throw invalidArgType(name, 'AbortSignal', signal);
  }
  function validateInteger(v, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
    if (typeof v !== 'number') throw invalidArgType(name, 'number', v);
    if (!Number.isInteger(v)) throw outOfRange(name, 'an integer', v);
    if (v < min || v > max) throw outOfRange(name, `>= ${min} && <= ${max}`, v);
  }

  // ------------------------------------------------------------------------------------------
  // Display widths: East Asian wide and fullwidth characters take two columns, combining marks
  // and zero-width characters none.
  const isZeroWidth = (c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0xe0100 && c <= 0xe01ef);
  const isFullWidth = (c) => c >= 0x1100 && (c <= 0x115f || c === 0x2329 || c === 0x232a ||
    (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) || (c >= 0x3250 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0xa4c6) ||
    (c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) || (c >= 0xff01 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1b000 && c <= 0x1b001) || (c >= 0x1f200 && c <= 0x1f251) ||
    (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd));
  function getStringWidth(str, removeControlChars = true) {
    if (removeControlChars) str = stripVTControlCharacters(str);
    let width = 0;
    for (const ch of str.normalize('NFC')) {
      const c = ch.codePointAt(0);
      if (isFullWidth(c)) width += 2;
      else if (!isZeroWidth(c)) width++;
    }
    return width;
  }
  // UTF-16 units of the character before / at index i.
  const charLengthLeft = (str, i) => (i <= 0 ? 0 : (i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000 ? 2 : 1);
  const charLengthAt = (str, i) => (str.length <= i ? 1 : str.codePointAt(i) >= 0x10000 ? 2 : 1);

  // ------------------------------------------------------------------------------------------
  // Cursor helpers: ANSI writes; a missing stream or nothing to do calls back on the next tick.
  function nothingToWrite(callback) {
    if (typeof callback === 'function') nextTick(callback, null);
    return true;
  }

  function cursorTo(stream, x, y, callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (typeof y === 'function') {
      callback = y;
      y = undefined;
    }
    if (Number.isNaN(x)) throw invalidArgValue('x', x);
    if (Number.isNaN(y)) throw invalidArgValue('y', y);
    if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return nothingToWrite(callback);
    if (typeof x !== 'number') throw nodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
    return stream.write(typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`, callback);
  }

  function moveText(dx, dy) {
    let data = '';
    if (dx < 0) data += `${CSI}${-dx}D`;
    else if (dx > 0) data += `${CSI}${dx}C`;
    if (dy < 0) data += `${CSI}${-dy}A`;
    else if (dy > 0) data += `${CSI}${dy}B`;
    return data;
  }

  function moveCursor(stream, dx, dy, callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (stream == null || !(dx || dy)) return nothingToWrite(callback);
    return stream.write(moveText(dx, dy), callback);
  }

  const clearLineText = (dir) => (dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine);

  function clearLine(stream, dir, callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (stream === null || stream === undefined) return nothingToWrite(callback);
    return stream.write(clearLineText(dir), callback);
  }

  function clearScreenDown(stream, callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (stream === null || stream === undefined) return nothingToWrite(callback);
    return stream.write(kClearScreenDown, callback);
  }

  // ------------------------------------------------------------------------------------------
  // Keypress events. Terminal input is fed to a generator one character at a time, so an escape
  // sequence split across reads still parses; a lone ESC is finished by feeding '' after
  // escapeCodeTimeout. Names and modifiers follow Node's table.
  const escapeKeys = {
    OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4', '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
    '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5', '[15~': 'f5', '[17~': 'f6', '[18~': 'f7',
    '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
    '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
    OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
    '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
    '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end', '[200~': 'paste-start', '[201~': 'paste-end',
  };
  const shiftKeys = {
    '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear', '[2$': 'insert', '[3$': 'delete',
    '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home', '[8$': 'end', '[Z': 'tab',
  };
  const ctrlKeys = {
    Oa: 'up', Ob: 'down', Oc: 'right', Od: 'left', Oe: 'clear', '[2^': 'insert', '[3^': 'delete',
    '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home', '[8^': 'end',
  };
  const isDigit = (ch) => ch >= '0' && ch <= '9';

  function* keyParser(stream) {
    for (;;) {
      let ch = yield;
      let seq = ch;
      let escaped = false;
      const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };
      if (ch === ESC) {
        escaped = true;
        seq += ch = yield;
        if (ch === ESC) seq += ch = yield;
      }
      if (escaped && (ch === 'O' || ch === '[')) {
        // ESC O letter, ESC O modifier letter, ESC [ [num] [; modifier] (letter | ~ ^ $), ESC [ [ ...
        let code = ch;
        let modifier = 0;
        if (ch === 'O') {
          seq += ch = yield;
          if (isDigit(ch)) {
            modifier = Number(ch) - 1;
            seq += ch = yield;
          }
          code += ch;
        } else {
          seq += ch = yield;
          if (ch === '[') {
            code += ch;
            seq += ch = yield;
          }
          const start = seq.length - 1;
          // Up to three digits (bracketed paste is ESC [ 200 ~).
          for (let digits = 0; digits < 3 && isDigit(ch); digits++) seq += ch = yield;
          if (ch === ';') {
            seq += ch = yield;
            if (isDigit(ch)) seq += yield;
          }
          const cmd = seq.slice(start);
          let m;
          if ((m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd))) {
            if (m[4]) {
              code += m[4];
            } else {
              code += m[1] + m[3];
              modifier = (m[2] || 1) - 1;
            }
          } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd))) {
            code += m[4];
            modifier = (m[3] || 1) - 1;
          } else {
            code += cmd;
          }
        }
        key.ctrl = !!(modifier & 4);
        key.meta = !!(modifier & 10);
        key.shift = !!(modifier & 1);
        key.code = code;
        if (hasOwn(escapeKeys, code)) key.name = escapeKeys[code];
        else if (hasOwn(shiftKeys, code)) { key.name = shiftKeys[code]; key.shift = true; }
        else if (hasOwn(ctrlKeys, code)) { key.name = ctrlKeys[code]; key.ctrl = true; }
        else key.name = 'undefined';
      } else if (ch === '\r') {
        key.name = 'return';
      } else if (ch === '\n') {
        key.name = 'enter';
      } else if (ch === '\t') {
        key.name = 'tab';
      } else if (ch === '\b' || ch === '\x7f') {
        key.name = 'backspace';
        key.meta = escaped;
      } else if (ch === ESC) {
        key.name = 'escape';
        key.meta = escaped;
      } else if (ch === ' ') {
        key.name = 'space';
        key.meta = escaped;
      } else if (!escaped && ch <= '\x1a') {
        key.name = String.fromCharCode(ch.charCodeAt(0) + 96); // Ctrl+letter
        key.ctrl = true;
      } else if (/^[0-9A-Za-z]$/.test(ch)) {
        key.name = ch.toLowerCase();
        key.shift = /^[A-Z]$/.test(ch);
        key.meta = escaped;
      } else if (escaped) {
        key.name = ch.length ? undefined : 'escape'; // '' is the escape timeout
        key.meta = true;
      }
      key.sequence = seq;
      if (seq.length !== 0 && (key.name !== undefined || escaped)) stream.emit('keypress', escaped ? undefined : seq, key);
      else if (charLengthAt(seq, 0) === seq.length) stream.emit('keypress', seq, key);
      // Anything else is a broken escape sequence: nothing is emitted.
    }
  }

  const kKeypressDecoder = Symbol('keypress-decoder');
  const kKeyParser = Symbol('escape-decoder');
  const kSawKeyPress = Symbol('_sawKeyPress');

  function emitKeypressEvents(stream, iface = {}) {
    if (stream[kKeypressDecoder]) return;
    stream[kKeypressDecoder] = new StringDecoder('utf8');
    const restart = () => {
      stream[kKeyParser] = keyParser(stream);
      stream[kKeyParser].next();
    };
    restart();
    const escapeCodeTimeout = iface.escapeCodeTimeout === undefined ? kEscapeCodeTimeout : iface.escapeCodeTimeout;
    let timer;
    function onData(input) {
      if (stream.listenerCount('keypress') === 0) {
        // Nobody is listening: stop decoding until someone does.
        stream.removeListener('data', onData);
        stream.on('newListener', onNewListener);
        return;
      }
      const string = stream[kKeypressDecoder].write(input);
      if (!string) return;
      clearTimeout(timer);
      iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
      iface.isCompletionEnabled = false;
      let length = 0;
      for (const ch of string) {
        length += ch.length;
        if (length === string.length) iface.isCompletionEnabled = true;
        try {
          stream[kKeyParser].next(ch);
          if (length === string.length && ch === ESC) timer = setTimeout(() => stream[kKeyParser].next(''), escapeCodeTimeout);
        } catch (e) {
          restart(); // a keypress listener threw: start over with a fresh parser
          throw e;
        }
      }
    }
    function onNewListener(event) {
      if (event === 'keypress') {
        stream.on('data', onData);
        stream.removeListener('newListener', onNewListener);
      }
    }
    if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
    else stream.on('newListener', onNewListener);
  }

  // ------------------------------------------------------------------------------------------
  // The async iterator over lines (events.on semantics): lines queue up while nobody asks,
  // the input pauses past 1024 queued lines and resumes once they are taken; 'close' ends it.
  function lineIterator(rl) {
    const queue = [];
    const waiting = [];
    let error = null;
    let finished = false;
    let paused = false;
    const onLine = (line) => {
      if (waiting.length > 0) {
        waiting.shift().resolve({ value: line, done: false });
        return;
      }
      queue.push(line);
      if (queue.length > 1024 && !paused) {
        paused = true;
        rl.pause();
      }
    };
    const onError = (e) => {
      if (waiting.length > 0) waiting.shift().reject(e);
      else error = e;
      close();
    };
    function close() {
      rl.removeListener('line', onLine);
      rl.removeListener('error', onError);
      rl.removeListener('close', close);
      finished = true;
      const done = { value: undefined, done: true };
      while (waiting.length > 0) waiting.shift().resolve(done);
      return Promise.resolve(done);
    }
    rl.on('line', onLine);
    rl.on('error', onError);
    rl.on('close', close);
    return Object.setPrototypeOf({
      next() {
        if (queue.length > 0) {
          const value = queue.shift();
          if (paused && queue.length < 1) {
            paused = false;
            rl.resume();
          }
          return Promise.resolve({ value, done: false });
        }
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return close();
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() { return close(); },
      throw(err) {
        if (!(err instanceof Error)) throw invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
        onError(err);
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() { return this; },
    }, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  }

  // ------------------------------------------------------------------------------------------
  const kLineStream = Symbol('line object stream');
  const kSubstringSearch = Symbol('kSubstringSearch');
  const kQuestionCancel = Symbol('kQuestionCancel');
  const kOnSelfClose = Symbol('kOnSelfClose');
  const hidden = (obj, values) => { for (const k of Object.keys(values)) define(obj, k, values[k]); };

  class InterfaceBase extends EventEmitter {
    constructor(input, output, completer, terminal) {
      super();
      let history, historySize, removeHistoryDuplicates = false, crlfDelay, prompt = '> ', signal;
      let tabSize = 8, escapeCodeTimeout = kEscapeCodeTimeout;
      if (input && input.input) {
        // The options form.
        const options = input;
        ({ output, completer, terminal, signal, history, historySize, crlfDelay } = options);
        removeHistoryDuplicates = options.removeHistoryDuplicates;
        if (options.tabSize !== undefined) {
          validateInteger(options.tabSize, 'tabSize', 1, 4294967295);
          tabSize = options.tabSize;
        }
        if (options.prompt !== undefined) prompt = options.prompt;
        if (options.escapeCodeTimeout !== undefined) {
          if (!Number.isFinite(options.escapeCodeTimeout)) throw invalidArgValue('input.escapeCodeTimeout', options.escapeCodeTimeout);
          escapeCodeTimeout = options.escapeCodeTimeout;
        }
        if (signal) validateAbortSignal(signal, 'options.signal');
        input = options.input;
      }
      if (completer !== undefined && typeof completer !== 'function') throw invalidArgValue('completer', completer);
      if (history === undefined) history = [];
      else if (!Array.isArray(history)) throw invalidArgType('history', 'Array', history);
      if (historySize === undefined) historySize = kHistorySize;
      if (typeof historySize !== 'number') throw invalidArgType('historySize', 'number', historySize);
      if (!(historySize >= 0)) throw outOfRange('historySize', '>= 0', historySize);
      // Without an explicit `terminal`, a TTY output means a terminal.
      if (terminal === undefined && output != null) terminal = !!output.isTTY;

      this.isCompletionEnabled = true;
      this.escapeCodeTimeout = escapeCodeTimeout;
      this.tabSize = tabSize;
      this.line = '';
      this.output = output;
      this.input = input;
      this.history = history;
      this.historySize = historySize;
      this.removeHistoryDuplicates = !!removeHistoryDuplicates;
      this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
      // A callback completer (line, cb) is used through a promise like an async one.
      this.completer = typeof completer === 'function' && completer.length === 2
        ? (line) => new Promise((resolve, reject) => completer(line, (err, result) => (err ? reject(err) : resolve(result))))
        : completer;
      hidden(this, { _sawReturnAt: 0, _previousKey: null, _prompt: prompt, _questionCallback: null, _oldPrompt: undefined,
        _line_buffer: null, _decoder: undefined });
      this[kSawKeyPress] = false;
      this[kLineStream] = undefined;
      this[kSubstringSearch] = null;
      this.terminal = !!terminal;

      const onError = (err) => this.emit('error', err);
      input.on('error', onError);
      if (!this.terminal) {
        const onData = (data) => this._normalWrite(data);
        const onEnd = () => {
          if (typeof this._line_buffer === 'string' && this._line_buffer.length > 0) this.emit('line', this._line_buffer);
          this.close();
        };
        input.on('data', onData);
        input.on('end', onEnd);
        this.once('close', () => {
          input.removeListener('data', onData);
          input.removeListener('error', onError);
          input.removeListener('end', onEnd);
        });
        this._decoder = new StringDecoder('utf8');
      } else {
        const onKeypress = (s, key) => {
          this._ttyWrite(s, key);
          if (key && key.sequence) {
            // Half of a surrogate pair: redraw so the character shows whole.
            const c = key.sequence.codePointAt(0);
            if (c >= 0xd800 && c <= 0xdfff) this._refreshLine();
          }
        };
        const onTermEnd = () => {
          if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
          this.close();
        };
        const onResize = () => this._refreshLine();
        emitKeypressEvents(input, this);
        input.on('keypress', onKeypress);
        input.on('end', onTermEnd);
        this._setRawMode(true);
        this.terminal = true;
        this.cursor = 0;
        this.historyIndex = -1;
        if (output != null) output.on('resize', onResize);
        this.once('close', () => {
          input.removeListener('keypress', onKeypress);
          input.removeListener('error', onError);
          input.removeListener('end', onTermEnd);
          if (output != null) output.removeListener('resize', onResize);
        });
      }
      if (signal) {
        const onAborted = () => this.close();
        if (signal.aborted) {
          nextTick(onAborted);
        } else {
          signal.addEventListener('abort', onAborted, { once: true });
          this.once('close', () => signal.removeEventListener('abort', onAborted));
        }
      }
      input.resume();
    }

    get columns() {
      return this.output && this.output.columns ? this.output.columns : Infinity;
    }

    setPrompt(prompt) { this._prompt = prompt; }

    getPrompt() { return this._prompt; }

    _setRawMode(mode) {
      const wasRaw = this.input.isRaw;
      if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
      return wasRaw;
    }

    prompt(preserveCursor) {
      if (this.paused) this.resume();
      if (this.terminal && process.env.TERM !== 'dumb') {
        if (!preserveCursor) this.cursor = 0;
        this._refreshLine();
      } else {
        this._writeToOutput(this._prompt);
      }
    }

    _question(query, cb) {
      if (this.closed) throw useAfterClose();
      if (this._questionCallback) {
        this.prompt();
      } else {
        this._oldPrompt = this._prompt;
        this.setPrompt(query);
        this._questionCallback = cb;
        this.prompt();
      }
    }

    [kQuestionCancel]() {
      if (this._questionCallback) {
        this._questionCallback = null;
        this.setPrompt(this._oldPrompt);
        this.clearLine();
      }
    }

    _onLine(line) {
      if (this._questionCallback) {
        const cb = this._questionCallback;
        this._questionCallback = null;
        this.setPrompt(this._oldPrompt);
        cb(line);
      } else {
        this.emit('line', line);
      }
    }

    _writeToOutput(s) {
      if (typeof s !== 'string') throw invalidArgType('stringToWrite', 'string', s);
      if (this.output !== null && this.output !== undefined) this.output.write(s);
    }

    _addHistory() {
      if (this.line.length === 0) return '';
      if (this.historySize === 0) return this.line;
      if (this.line.trim().length === 0) return this.line;
      if (this.history.length === 0 || this.history[0] !== this.line) {
        if (this.removeHistoryDuplicates) {
          const i = this.history.indexOf(this.line);
          if (i !== -1) this.history.splice(i, 1);
        }
        this.history.unshift(this.line);
        if (this.history.length > this.historySize) this.history.pop();
      }
      this.historyIndex = -1;
      // A 'history' listener may drop the entry (a password, say): return what is there now.
      const line = this.history[0];
      this.emit('history', this.history);
      return line;
    }

    _refreshLine() {
      const line = this._prompt + this.line;
      const { cols: lineCols, rows: lineRows } = this._getDisplayPos(line);
      const cursorPos = this.getCursorPos();
      const prevRows = this.prevRows || 0;
      if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
      cursorTo(this.output, 0);
      clearScreenDown(this.output);
      this._writeToOutput(line);
      if (lineCols === 0) this._writeToOutput(' '); // makes the terminal start the next row
      cursorTo(this.output, cursorPos.cols);
      const diff = lineRows - cursorPos.rows;
      if (diff > 0) moveCursor(this.output, 0, -diff);
      this.prevRows = cursorPos.rows;
    }

    close() {
      if (this.closed) return;
      this.pause();
      if (this.terminal) this._setRawMode(false);
      this.closed = true;
      this.emit('close');
    }

    pause() {
      if (this.paused) return;
      this.input.pause();
      this.paused = true;
      this.emit('pause');
      return this;
    }

    resume() {
      if (!this.paused) return;
      this.input.resume();
      this.paused = false;
      this.emit('resume');
      return this;
    }

    write(d, key) {
      if (this.paused) this.resume();
      if (this.terminal) this._ttyWrite(d, key);
      else this._normalWrite(d);
    }

    _normalWrite(b) {
      if (b === undefined) return;
      let string = typeof b === 'string' ? b : this._decoder.write(b);
      // The \n of a \r\n split across two reads ends no second line.
      if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
        if (string.codePointAt(0) === 10) string = string.slice(1);
        this._sawReturnAt = 0;
      }
      lineEnding.lastIndex = 0;
      if (!lineEnding.test(string)) {
        if (string) this._line_buffer = this._line_buffer ? this._line_buffer + string : string;
        return;
      }
      if (this._line_buffer) {
        string = this._line_buffer + string;
        this._line_buffer = null;
      }
      this._sawReturnAt = string.endsWith('\r') ? Date.now() : 0;
      const lines = string.split(lineEnding);
      // The last piece is the start of the next line ('' when the input ended a line).
      this._line_buffer = lines.pop();
      for (const line of lines) this._onLine(line);
    }

    _insertString(c) {
      if (!this.isCompletionEnabled) {
        // Inside a multi-character read (a paste) but its last character: just echo.
        if (this.cursor < this.line.length) this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
        else this.line += c;
        this.cursor += c.length;
        this._writeToOutput(c);
        return;
      }
      if (this.cursor < this.line.length) {
        this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
        this.cursor += c.length;
        this._refreshLine();
      } else {
        const oldPos = this.getCursorPos();
        this.line += c;
        this.cursor += c.length;
        const newPos = this.getCursorPos();
        if (oldPos.rows < newPos.rows) this._refreshLine();
        else this._writeToOutput(c);
      }
    }

    async _tabComplete(lastKeypressWasTab) {
      this.pause();
      const string = this.line.slice(0, this.cursor);
      let value;
      try {
        value = await this.completer(string);
      } catch (err) {
        this._writeToOutput(`Tab completion error: ${inspect(err)}`);
        return;
      } finally {
        this.resume();
      }
      this._tabCompleter(lastKeypressWasTab, value);
    }

    _tabCompleter(lastKeypressWasTab, [completions, completeOn]) {
      if (!completions || completions.length === 0) return;
      // Apply the prefix all matches share.
      const prefix = commonPrefix(completions.filter((e) => e !== ''));
      if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
        this._insertString(prefix.slice(completeOn.length));
        return;
      } else if (!completeOn.startsWith(prefix)) {
        this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix + this.line.slice(this.cursor);
        this.cursor = this.cursor - completeOn.length + prefix.length;
        this._refreshLine();
        return;
      }
      if (!lastKeypressWasTab) return;
      // A second Tab lists the completions in columns.
      const widths = completions.map((e) => getStringWidth(e));
      const width = Math.max(...widths) + 2;
      let maxColumns = Math.floor(this.columns / width) || 1;
      if (maxColumns === Infinity) maxColumns = 1;
      let output = '\r\n';
      let lineIndex = 0;
      let whitespace = 0;
      for (let i = 0; i < completions.length; i++) {
        const completion = completions[i];
        if (completion === '' || lineIndex === maxColumns) {
          output += '\r\n';
          lineIndex = 0;
          whitespace = 0;
        } else {
          output += ' '.repeat(whitespace);
        }
        if (completion !== '') {
          output += completion;
          whitespace = width - widths[i];
          lineIndex++;
        } else {
          output += '\r\n';
        }
      }
      if (lineIndex !== 0) output += '\r\n\r\n';
      this._writeToOutput(output);
      this._refreshLine();
    }

    _wordLeft() {
      if (this.cursor > 0) {
        const reversed = Array.from(this.line.slice(0, this.cursor)).reverse().join('');
        const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
        this._moveCursor(-match[0].length);
      }
    }

    _wordRight() {
      if (this.cursor < this.line.length) {
        const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(this.line.slice(this.cursor));
        this._moveCursor(match[0].length);
      }
    }

    _deleteLeft() {
      if (this.cursor > 0 && this.line.length > 0) {
        const size = charLengthLeft(this.line, this.cursor);
        this.line = this.line.slice(0, this.cursor - size) + this.line.slice(this.cursor);
        this.cursor -= size;
        this._refreshLine();
      }
    }

    _deleteRight() {
      if (this.cursor < this.line.length) {
        const size = charLengthAt(this.line, this.cursor);
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + size);
        this._refreshLine();
      }
    }

    _deleteWordLeft() {
      if (this.cursor > 0) {
        let leading = this.line.slice(0, this.cursor);
        const reversed = Array.from(leading).reverse().join('');
        const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
        leading = leading.slice(0, leading.length - match[0].length);
        this.line = leading + this.line.slice(this.cursor);
        this.cursor = leading.length;
        this._refreshLine();
      }
    }

    _deleteWordRight() {
      if (this.cursor < this.line.length) {
        const trailing = this.line.slice(this.cursor);
        const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
        this.line = this.line.slice(0, this.cursor) + trailing.slice(match[0].length);
        this._refreshLine();
      }
    }

    _deleteLineLeft() {
      this.line = this.line.slice(this.cursor);
      this.cursor = 0;
      this._refreshLine();
    }

    _deleteLineRight() {
      this.line = this.line.slice(0, this.cursor);
      this._refreshLine();
    }

    clearLine() {
      this._moveCursor(+Infinity);
      this._writeToOutput('\r\n');
      this.line = '';
      this.cursor = 0;
      this.prevRows = 0;
    }

    _line() {
      const line = this._addHistory();
      this.clearLine();
      this._onLine(line);
    }

    // History moves skip entries equal to the line, and with text before the cursor (the
    // substring search) entries that do not start with it.
    _historyNext() {
      if (this.historyIndex >= 0) {
        const search = this[kSubstringSearch] || '';
        let index = this.historyIndex - 1;
        while (index >= 0 && (!this.history[index].startsWith(search) || this.line === this.history[index])) index--;
        this.line = index === -1 ? search : this.history[index];
        this.historyIndex = index;
        this.cursor = this.line.length;
        this._refreshLine();
      }
    }

    _historyPrev() {
      if (this.historyIndex < this.history.length && this.history.length) {
        const search = this[kSubstringSearch] || '';
        let index = this.historyIndex + 1;
        while (index < this.history.length && (!this.history[index].startsWith(search) || this.line === this.history[index])) index++;
        this.line = index === this.history.length ? search : this.history[index];
        this.historyIndex = index;
        this.cursor = this.line.length;
        this._refreshLine();
      }
    }

    // Where the end of `str` lands: columns from the left edge and rows down, with wrapping at
    // this.columns, tabs to tabSize and wide characters taking two columns.
    _getDisplayPos(str) {
      let offset = 0;
      const col = this.columns;
      let rows = 0;
      for (const ch of stripVTControlCharacters(str)) {
        if (ch === '\n') {
          rows += Math.ceil(offset / col) || 1;
          offset = 0;
          continue;
        }
        if (ch === '\t') {
          offset += this.tabSize - (offset % this.tabSize);
          continue;
        }
        const width = getStringWidth(ch, false);
        if (width === 0 || width === 1) {
          offset += width;
        } else {
          if ((offset + 1) % col === 0) offset++; // a wide character does not split across rows
          offset += 2;
        }
      }
      const cols = offset % col;
      rows += (offset - cols) / col;
      return { cols, rows };
    }

    getCursorPos() {
      return this._getDisplayPos(this._prompt + this.line.slice(0, this.cursor));
    }

    _getCursorPos() { return this.getCursorPos(); }

    _moveCursor(dx) {
      if (dx === 0) return;
      const oldPos = this.getCursorPos();
      this.cursor = Math.min(Math.max(this.cursor + dx, 0), this.line.length);
      const newPos = this.getCursorPos();
      if (oldPos.rows === newPos.rows) moveCursor(this.output, newPos.cols - oldPos.cols, 0);
      else this._refreshLine();
    }

    _ttyWrite(s, key) {
      const previousKey = this._previousKey;
      key = key || {};
      this._previousKey = key;
      // Up and down search the history for lines starting with the text before the cursor.
      if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
        if (this[kSubstringSearch] === null) this[kSubstringSearch] = this.line.slice(0, this.cursor);
      } else if (this[kSubstringSearch] !== null) {
        this[kSubstringSearch] = null;
        if (this.history.length === this.historyIndex) this.historyIndex = -1;
      }
      if (key.name === 'escape') return;
      if (key.ctrl && key.shift) {
        if (key.name === 'backspace') this._deleteLineLeft();
        else if (key.name === 'delete') this._deleteLineRight();
      } else if (key.ctrl) {
        switch (key.name) {
          case 'c':
            if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
            else this.close();
            break;
          case 'h': this._deleteLeft(); break;
          case 'd':
            if (this.cursor === 0 && this.line.length === 0) this.close();
            else if (this.cursor < this.line.length) this._deleteRight();
            break;
          case 'u': this._deleteLineLeft(); break;
          case 'k': this._deleteLineRight(); break;
          case 'a': this._moveCursor(-Infinity); break;
          case 'e': this._moveCursor(+Infinity); break;
          case 'b': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
          case 'f': this._moveCursor(+charLengthAt(this.line, this.cursor)); break;
          case 'l':
            cursorTo(this.output, 0, 0);
            clearScreenDown(this.output);
            this._refreshLine();
            break;
          case 'n': this._historyNext(); break;
          case 'p': this._historyPrev(); break;
          case 'z':
            // fe does not stop itself: Ctrl+Z only reaches 'SIGTSTP' listeners.
            if (this.listenerCount('SIGTSTP') > 0) this.emit('SIGTSTP');
            break;
          case 'w':
          case 'backspace':
            this._deleteWordLeft();
            break;
          case 'delete': this._deleteWordRight(); break;
          case 'left': this._wordLeft(); break;
          case 'right': this._wordRight(); break;
        }
      } else if (key.meta) {
        switch (key.name) {
          case 'b': this._wordLeft(); break;
          case 'f': this._wordRight(); break;
          case 'd':
          case 'delete':
            this._deleteWordRight();
            break;
          case 'backspace': this._deleteWordLeft(); break;
        }
      } else {
        if (this._sawReturnAt && key.name !== 'enter') this._sawReturnAt = 0;
        switch (key.name) {
          case 'return':
            this._sawReturnAt = Date.now();
            this._line();
            break;
          case 'enter':
            // The \n of a \r\n ends no second line.
            if (this._sawReturnAt === 0 || Date.now() - this._sawReturnAt > this.crlfDelay) this._line();
            this._sawReturnAt = 0;
            break;
          case 'backspace': this._deleteLeft(); break;
          case 'delete': this._deleteRight(); break;
          case 'left': this._moveCursor(-charLengthLeft(this.line, this.cursor)); break;
          case 'right': this._moveCursor(+charLengthAt(this.line, this.cursor)); break;
          case 'home': this._moveCursor(-Infinity); break;
          case 'end': this._moveCursor(+Infinity); break;
          case 'up': this._historyPrev(); break;
          case 'down': this._historyNext(); break;
          case 'tab':
            if (typeof this.completer === 'function' && this.isCompletionEnabled) {
              this._tabComplete(!!previousKey && previousKey.name === 'tab');
              break;
            }
          // falls through
          default:
            if (typeof s === 'string' && s) {
              // Pasted text: each line ending in it ends a line.
              let last = 0;
              lineEnding.lastIndex = 0;
              let m;
              while ((m = lineEnding.exec(s)) !== null) {
                const next = lineEnding.lastIndex;
                this._insertString(s.slice(last, m.index));
                last = next;
                this._line();
                lineEnding.lastIndex = next;
              }
              this._insertString(s.slice(last));
            }
        }
      }
    }

    [Symbol.asyncIterator]() {
      if (this[kLineStream] === undefined) this[kLineStream] = lineIterator(this);
      return this[kLineStream];
    }
  }

  function commonPrefix(strings) {
    if (strings.length === 0) return '';
    if (strings.length === 1) return strings[0];
    const sorted = strings.slice().sort();
    const min = sorted[0], max = sorted[sorted.length - 1];
    for (let i = 0; i < min.length; i++) if (min[i] !== max[i]) return min.slice(0, i);
    return min;
  }

  // readline.Interface: callable without `new`; question() takes a callback.
  function Interface(input, output, completer, terminal) {
    return Reflect.construct(InterfaceBase, [input, output, completer, terminal], new.target || Interface);
  }
  Object.setPrototypeOf(Interface.prototype, InterfaceBase.prototype);
  Object.setPrototypeOf(Interface, InterfaceBase);

  Interface.prototype.question = function question(query, options, cb) {
    cb = typeof options === 'function' ? options : cb;
    if (options !== null && typeof options === 'object') {
      const { signal } = options;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) return;
        const onAbort = () => this[kQuestionCancel]();
        signal.addEventListener('abort', onAbort, { once: true });
        const cleanup = () => signal.removeEventListener('abort', onAbort);
        const original = cb;
        cb = typeof cb === 'function' ? (answer) => { cleanup(); return original(answer); } : cleanup;
      }
    }
    if (typeof cb === 'function') this._question(query, cb);
  };
  Interface.prototype.question[util.promisify.custom] = function question(query, options) {
    if (options === null || typeof options !== 'object') options = {};
    const { signal } = options;
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (signal) {
        const onAbort = () => reject(abortError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  };

  function createInterface(input, output, completer, terminal) {
    return new Interface(input, output, completer, terminal);
  }

  // readline/promises: question() returns a promise; Readline batches cursor moves.
  class PromisesInterface extends InterfaceBase {
    question(query, options = {}) {
      return new Promise((resolve, reject) => {
        let cb = resolve;
        const signal = options && options.signal;
        if (signal) {
          validateAbortSignal(signal, 'options.signal');
          if (signal.aborted) {
            reject(abortError(signal));
            return;
          }
          const onAbort = () => {
            this[kQuestionCancel]();
            reject(abortError(signal));
          };
          signal.addEventListener('abort', onAbort, { once: true });
          cb = (answer) => {
            signal.removeEventListener('abort', onAbort);
            resolve(answer);
          };
        }
        this._question(query, cb);
      });
    }
  }
  Object.defineProperty(PromisesInterface, 'name', { value: 'Interface' });

  class Readline {
    #stream;
    #autoCommit = false;
    #todo = [];

    constructor(stream, options = undefined) {
      if (!stream || typeof stream.write !== 'function') throw invalidArgType('stream', 'Writable', stream);
      this.#stream = stream;
      if (options && options.autoCommit != null) {
        if (typeof options.autoCommit !== 'boolean') throw invalidArgType('options.autoCommit', 'boolean', options.autoCommit);
        this.#autoCommit = options.autoCommit;
      }
    }

    #queue(data) {
      if (this.#autoCommit) nextTick(() => this.#stream.write(data));
      else this.#todo.push(data);
      return this;
    }

    cursorTo(x, y = undefined) {
      validateInteger(x, 'x');
      if (y != null) validateInteger(y, 'y');
      return this.#queue(y == null ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
    }

    moveCursor(dx, dy) {
      if (dx || dy) {
        validateInteger(dx, 'dx');
        validateInteger(dy, 'dy');
        this.#queue(moveText(dx, dy));
      }
      return this;
    }

    clearLine(dir) {
      validateInteger(dir, 'dir', -1, 1);
      return this.#queue(clearLineText(dir));
    }

    clearScreenDown() {
      return this.#queue(kClearScreenDown);
    }

    commit() {
      return new Promise((resolve) => {
        this.#stream.write(this.#todo.join(''), resolve);
        this.#todo = [];
      });
    }

    rollback() {
      this.#todo = [];
      return this;
    }
  }

  const promises = {
    Interface: PromisesInterface,
    Readline,
    createInterface: (input, output, completer, terminal) => new PromisesInterface(input, output, completer, terminal),
  };

  registerBuiltin('readline', {
    Interface, clearLine, clearScreenDown, createInterface, cursorTo, emitKeypressEvents, moveCursor, promises,
  });
  registerBuiltin('readline/promises', promises);
})();
