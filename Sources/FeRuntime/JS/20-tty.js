// tty: isatty, and ReadStream/WriteStream for terminal descriptors with Node's colour-depth
// rules (FORCE_COLOR, NO_COLOR, TERM, COLORTERM, CI, ...), window size and raw mode.
// process.stdin/stdout/stderr stay the stdio streams of streams.js; this adds what a terminal
// has to them (rows, getWindowSize, setRawMode, Node's getColorDepth).
// Uses from earlier files: 00-core.js (opError, check); 02-errors.js (nodeError, invalidArgType, outOfRange); 03-loop.js (opAsync); 05-process.js (process); 06-console.js (console); 10-builtins.js (registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream).
(() => {
  const { Readable, Writable } = nodeStream;
  const isatty = (fd) => Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && ops.op_tty_isatty(fd);

  const COLORS_2 = 1, COLORS_16 = 4, COLORS_256 = 8, COLORS_16m = 24;
  const termColors = {
    eterm: COLORS_16, cons25: COLORS_16, console: COLORS_16, cygwin: COLORS_16, dtterm: COLORS_16, gnome: COLORS_16,
    hurd: COLORS_16, jfbterm: COLORS_16, konsole: COLORS_16, kterm: COLORS_16, mlterm: COLORS_16, mosh: COLORS_16m,
    putty: COLORS_16, st: COLORS_16, 'rxvt-unicode-24bit': COLORS_16m, terminator: COLORS_16m,
  };
  const ciNames = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];
  const colorTerms = [/ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/, /^vt220/];
  let warnedColors = false;

  function warnOnDeactivatedColors(env) {
    if (warnedColors) return;
    let name = '';
    if (env.NODE_DISABLE_COLORS !== undefined) name = 'NODE_DISABLE_COLORS';
    if (env.NO_COLOR !== undefined) name = name ? `${name}' and 'NO_COLOR` : 'NO_COLOR';
    if (name) {
      warnedColors = true;
      process.emitWarning(`The '${name}' env is ignored due to the 'FORCE_COLOR' env being set.`, 'Warning');
    }
  }

  // Node's getColorDepth: 1, 4, 8 or 24 bits, from the environment alone.
  function getColorDepth(env = process.env) {
    if (env.FORCE_COLOR !== undefined) {
      switch (env.FORCE_COLOR) {
        case '': case '1': case 'true': warnOnDeactivatedColors(env); return COLORS_16;
        case '2': warnOnDeactivatedColors(env); return COLORS_256;
        case '3': warnOnDeactivatedColors(env); return COLORS_16m;
        default: return COLORS_2;
      }
    }
    if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return COLORS_2;
    if (env.TMUX) return COLORS_256;
    if (env.CI) {
      if (ciNames.some((name) => name in env)) return COLORS_256;
      if (env.CI_NAME === 'codeship') return COLORS_256;
      return COLORS_2;
    }
    if ('TEAMCITY_VERSION' in env) return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
    switch (env.TERM_PROGRAM) {
      case 'iTerm.app':
        if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
        return COLORS_16m;
      case 'HyperTerm':
      case 'MacTerm':
        return COLORS_16m;
      case 'Apple_Terminal':
        return COLORS_256;
    }
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
    if (env.TERM) {
      if (/^xterm-256/.test(env.TERM)) return COLORS_256;
      const term = env.TERM.toLowerCase();
      if (termColors[term]) return termColors[term];
      if (colorTerms.some((re) => re.test(term))) return COLORS_16;
    }
    if (env.COLORTERM) return COLORS_16;
    return COLORS_2;
  }

  function hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    } else if (typeof count !== 'number') {
      throw invalidArgType('count', 'number', count);
    } else if (!Number.isInteger(count)) {
      throw outOfRange('count', 'an integer', count);
    } else if (count < 2) {
      throw outOfRange('count', '>= 2 && <= 9007199254740991', count);
    }
    return count <= 2 ** getColorDepth(env);
  }

  function windowSize(fd) {
    const size = ops.op_tty_size(fd);
    return Array.isArray(size) ? size : undefined;
  }

  // What a terminal's write side has, for tty.WriteStream and for process.stdout/stderr.
  const terminalMethods = {
    getColorDepth(env) { return getColorDepth(env); },
    hasColors(count, env) { return hasColors(count, env); },
    getWindowSize() {
      const size = windowSize(this.fd);
      return size || [this.columns || 80, this.rows || 24];
    },
    clearLine(dir, cb) { return requireBuiltin('readline').clearLine(this, dir, cb); },
    clearScreenDown(cb) { return requireBuiltin('readline').clearScreenDown(this, cb); },
    cursorTo(x, y, cb) { return requireBuiltin('readline').cursorTo(this, x, y, cb); },
    moveCursor(dx, dy, cb) { return requireBuiltin('readline').moveCursor(this, dx, dy, cb); },
    _refreshSize() {
      const size = windowSize(this.fd);
      if (!size) return;
      const [columns, rows] = size;
      if (this.columns !== columns || this.rows !== rows) {
        this.columns = columns;
        this.rows = rows;
        this.emit('resize');
      }
    },
  };

  // Node's SystemError for a descriptor that is not a terminal.
  function ttyInitFailed() {
    const e = new Error('TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
    Object.defineProperty(e, 'name', { value: 'SystemError [ERR_TTY_INIT_FAILED]', configurable: true, writable: true });
    e.stack; // eslint-disable-line no-unused-expressions -- formats the stack with the code in it
    Object.defineProperty(e, 'name', { value: 'SystemError', configurable: true, writable: true });
    e.code = 'ERR_TTY_INIT_FAILED';
    e.info = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' };
    e.errno = -22;
    e.syscall = 'uv_tty_init';
    return e;
  }

  // Node's check before the terminal is opened.
  function validateTTYFd(fd) {
    if (fd >> 0 !== fd || fd < 0) throw nodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }

  function WriteStream(fd) {
    if (!(this instanceof WriteStream)) return new WriteStream(fd);
    validateTTYFd(fd);
    if (!isatty(fd)) throw ttyInitFailed();
    Writable.call(this, {
      decodeStrings: false,
      write(chunk, encoding, cb) {
        ops.op_write(fd, typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk);
        cb();
      },
    });
    this.fd = fd;
    this._type = 'tty';
    this.isTTY = true;
    const size = windowSize(fd);
    if (size) [this.columns, this.rows] = size;
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);
  Object.assign(WriteStream.prototype, terminalMethods);
  WriteStream.prototype.isTTY = true;

  function setRawMode(flag) {
    flag = !!flag;
    const result = ops.op_tty_set_raw(this.fd, flag);
    if (result && result.__feError) {
      const e = opError(result.__feError);
      e.message = `setRawMode ${e.message}`;
      this.emit('error', e);
      return this;
    }
    this.isRaw = flag;
    return this;
  }

  function ReadStream(fd, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
    validateTTYFd(fd);
    if (!isatty(fd)) throw ttyInitFailed();
    Readable.call(this, {
      highWaterMark: 0,
      ...options,
      read(n) {
        opAsync(ops.op_fs_read_at_async, fd, 65536, -1).then((bytes) => {
          this.push(bytes.length === 0 ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
        }, (err) => this.destroy(err && err.__feError ? opError(err.__feError) : err));
      },
    });
    this.fd = fd;
    this.isRaw = false;
    this.isTTY = true;
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);
  ReadStream.prototype.setRawMode = setRawMode;
  ReadStream.prototype.isTTY = true;

  // process.stdin/stdout/stderr: the terminal parts, which only do something on a terminal.
  for (const stream of [process.stdout, process.stderr]) {
    Object.assign(stream, terminalMethods);
    stream.getColorDepth = function (env) { return this.isTTY ? getColorDepth(env) : COLORS_2; };
    stream.hasColors = function (count, env) { return this.isTTY ? hasColors(count, env) : (hasColors(count, env), false); };
    Object.defineProperty(stream, 'rows', {
      configurable: true,
      enumerable: true,
      get() {
        if (this._rows !== undefined || !this.isTTY) return this._rows;
        const size = windowSize(this.fd);
        return size ? size[1] : undefined;
      },
      set(v) { this._rows = v; },
    });
  }
  process.stdin.isRaw = false;
  process.stdin.setRawMode = function (flag) {
    if (!this.isTTY) return this;
    return setRawMode.call(this, flag);
  };

  registerBuiltin('tty', { isatty, ReadStream, WriteStream });
})();
