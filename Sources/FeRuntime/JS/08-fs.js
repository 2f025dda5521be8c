// fs: each operation is one native op with a sync form (ops.op_fs_x) and an async form
// (ops.op_fs_x_async, run on the worker pool). The sync, promise and callback APIs below are
// generated from one table so they cannot drift apart; each entry validates its arguments
// first, as Node does, so a bad argument throws (sync, callback) or rejects (promise) with
// Node's error before any op runs.
// Uses from earlier files: 00-core.js (core, define, traceOn, opError, UV_ERRORS, ERRNO, check); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, validateFunction, validateBoolean, outOfRange, invalidArgValue, typeError); 03-loop.js (asyncIdSymbol, initAsyncResource, emitDestroy, enterResource, leaveResource, withHiddenPromises, nextTick, fatal, setTimeout, setInterval, setImmediate, opAsync, describe); 04-events.js (EventEmitter); 05-process.js (process, activeRequests); 07-path.js (path).

// ---------------------------------------------------------------------------------------------
// Argument validation, with Node's codes and messages (lib/internal/validators.js, fs/utils.js).
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}
function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}
function validateUint32(value, name, positive = false) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
}
function validateObject(v, name, nullable = false) {
  if ((!nullable && v === null) || Array.isArray(v) || (typeof v !== 'object' && v !== undefined) || (v === undefined && !nullable)) throw invalidArgType(name, 'Object', v);
}
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) throw invalidArgType(name, 'AbortSignal', signal);
}
const isArrayBufferView = (v) => ArrayBuffer.isView(v);
function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) throw invalidArgType(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}
const isURLInstance = (v) => v != null && typeof v === 'object' && v.href !== undefined && v.origin !== undefined;
// A path argument as the string the ops take: strings, Buffers/Uint8Arrays (UTF-8) and file:
// URLs; null bytes are refused (they would silently cut the path short in C).
function getValidatedPath(p, name = 'path') {
  if (isURLInstance(p)) p = fileURLToPath(p);
  if (typeof p === 'string') {
    if (p.includes('\u0000')) throw invalidArgValue(name, p, 'must be a string or Uint8Array without null bytes');
    return p;
  }
  if (p instanceof Uint8Array) {
    if (p.includes(0)) throw invalidArgValue(name, p, 'must be a string or Uint8Array without null bytes');
    return ops.op_utf8_decode(p);
  }
  throw invalidArgType(name, ['string', 'Buffer', 'URL'], p);
}
const toPath = getValidatedPath;
function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}
// A mode: an integer or an octal string ('755').
function parseFileMode(value, name, def) {
  if (value === undefined || value === null) value = def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) throw invalidArgValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}
// Seconds since the epoch from a Date, a number or a numeric string (Node's toUnixTimestamp).
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw invalidArgType(name, ['Date', 'Time in seconds'], time);
}
const toSeconds = toUnixTimestamp;
function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'encoding' is invalid encoding. Received ${inspect(encoding)}`);
  }
}
// An options argument: a string is the encoding; defaults fill what is missing.
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') options = { ...defaults, encoding: options };
  else if (typeof options !== 'object') throw invalidArgType('options', ['string', 'Object'], options);
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}
function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object') return options.encoding || null;
  return null;
}
function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) define(e, 'cause', signal.reason);
  return e;
}
function checkAborted(signal) { if (signal && signal.aborted) throw abortError(signal); }
// Node 18 still coerces objects with their own toString (DEP0162).
let warnedStringCoercion = false;
function dataFromStringish(data, name) {
  if (typeof data === 'string') return data;
  if (data !== null && typeof data === 'object' && typeof data.toString === 'function' && Object.prototype.hasOwnProperty.call(data, 'toString')) {
    if (!warnedStringCoercion) {
      warnedStringCoercion = true;
      process.emitWarning('Implicit coercion of objects with own toString property is deprecated.', 'DeprecationWarning', 'DEP0162');
    }
    return String(data);
  }
  throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}
function validateEncodingFor(data, encoding) {
  const enc = typeof encoding === 'string' ? encoding.toLowerCase() : encoding;
  if (enc === 'hex' && data.length % 2 !== 0) throw invalidArgValue('encoding', encoding, `is invalid for data of length ${data.length}`);
}
function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw outOfRange('offset', '>= 0', offset);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  if (offset + length > bufferLength) throw outOfRange('length', `<= ${bufferLength - offset}`, length);
}
function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw outOfRange('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw outOfRange('length', `<= ${byteLength - offset}`, length);
  if (length < 0) throw outOfRange('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}
// A read/write position: -1 or null reads at the current offset; bigints are accepted.
function validatePosition(position, name) {
  if (typeof position === 'number') validateInteger(position, name, -1);
  else if (typeof position === 'bigint') {
    if (!(position >= -1n && position <= 2n ** 63n - 1n)) throw outOfRange(name, `>= -1 && <= ${2n ** 63n - 1n}`, position);
  } else throw invalidArgType(name, ['integer', 'bigint'], position);
}
const positionArg = (p) => (p === null || p === undefined || p === -1 || p === -1n ? -1 : Number(p));
const bytesView = (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

// ---------------------------------------------------------------------------------------------
// Stats, BigIntStats, StatFs, Dirent.
const S_IFMT = 0o170000, S_IFREG = 0o100000, S_IFDIR = 0o040000, S_IFLNK = 0o120000, S_IFIFO = 0o010000,
  S_IFSOCK = 0o140000, S_IFCHR = 0o020000, S_IFBLK = 0o060000;
function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid; this.rdev = rdev;
  this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
}
StatsBase.prototype.isDirectory = function () { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function () { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function () { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function () { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function () { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function () { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function () { return this._checkModeProperty(S_IFSOCK); };
const dateFromMs = (ms) => new Date(Math.round(Number(ms)));
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs; this.mtimeMs = mtimeMs; this.ctimeMs = ctimeMs; this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs); this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs); this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Stats.prototype._checkModeProperty = function (property) { return (this.mode & S_IFMT) === property; };
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / 1000000n; this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n; this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs; this.mtimeNs = mtimeNs; this.ctimeNs = ctimeNs; this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs); this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs); this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
BigIntStats.prototype._checkModeProperty = function (property) { return (this.mode & BigInt(S_IFMT)) === BigInt(property); };
// `a` is the Float64Array an op returns (FsOps.fillStat: fields, times in ms, then each time's
// seconds and nanoseconds).
function statsFrom(a, bigint) {
  if (!bigint) return new Stats(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
  const ns = (k) => BigInt(a[14 + 2 * k]) * 1000000000n + BigInt(a[15 + 2 * k]);
  const b = (i) => BigInt(a[i]);
  return new BigIntStats(b(0), b(1), b(2), b(3), b(4), b(5), b(6), b(7), b(8), b(9), ns(0), ns(1), ns(2), ns(3));
}
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type; this.bsize = bsize; this.blocks = blocks; this.bfree = bfree; this.bavail = bavail;
    this.files = files; this.ffree = ffree;
  }
}
const kType = Symbol('type');
class Dirent {
  constructor(name, type, parentPath) { this.name = name; this.parentPath = parentPath; this.path = parentPath; this[kType] = type; }
  isFile() { return this[kType] === 1; }
  isDirectory() { return this[kType] === 2; }
  isSymbolicLink() { return this[kType] === 3; }
  isFIFO() { return this[kType] === 4; }
  isSocket() { return this[kType] === 5; }
  isCharacterDevice() { return this[kType] === 6; }
  isBlockDevice() { return this[kType] === 7; }
}

// ---------------------------------------------------------------------------------------------
// Flags and modes.
const O = { O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400, O_TRUNC: 0o1000,
  O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000, O_SYNC: 0o4010000, O_DSYNC: 0o10000 };
function openFlags(flags) {
  if (typeof flags === 'number') { validateInt32(flags, 'flags'); return flags; }
  switch (flags === undefined || flags === null ? 'r' : flags) {
    case 'r': return O.O_RDONLY;
    case 'rs': case 'sr': return O.O_RDONLY | O.O_SYNC;
    case 'r+': return O.O_RDWR;
    case 'rs+': case 'sr+': return O.O_RDWR | O.O_SYNC;
    case 'w': return O.O_TRUNC | O.O_CREAT | O.O_WRONLY;
    case 'wx': case 'xw': return O.O_TRUNC | O.O_CREAT | O.O_WRONLY | O.O_EXCL;
    case 'w+': return O.O_TRUNC | O.O_CREAT | O.O_RDWR;
    case 'wx+': case 'xw+': return O.O_TRUNC | O.O_CREAT | O.O_RDWR | O.O_EXCL;
    case 'a': return O.O_APPEND | O.O_CREAT | O.O_WRONLY;
    case 'ax': case 'xa': return O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_EXCL;
    case 'as': case 'sa': return O.O_APPEND | O.O_CREAT | O.O_WRONLY | O.O_SYNC;
    case 'a+': return O.O_APPEND | O.O_CREAT | O.O_RDWR;
    case 'ax+': case 'xa+': return O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL;
    case 'as+': case 'sa+': return O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_SYNC;
  }
  throw invalidArgValue('flags', flags);
}
// access() and copyFile() modes: F_OK/R_OK/W_OK/X_OK, COPYFILE_* bits; both range 0..7.
function getValidMode(mode, def) {
  if (mode === undefined || mode === null) return def;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}
const kMaxUserId = 2 ** 32 - 1;
const validateId = (id, name) => validateInteger(id, name, -1, kMaxUserId);
// Node refuses to read a file over 2 GiB into one buffer (kIoMaxLength).
const kIoMaxLength = 2 ** 31 - 1;
const fileTooLarge = (size) => nodeError(RangeError, 'ERR_FS_FILE_TOO_LARGE', `File size (${size}) is greater than 2 GiB`);
function readFileResult(bytes, encoding) {
  if (bytes.length > kIoMaxLength) throw fileTooLarge(bytes.length);
  return decodeBytes(bytes, encoding);
}
function decodeBytes(bytes, encoding) {
  if (!encoding || encoding === 'buffer') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (encoding === 'utf8' || encoding === 'utf-8') return ops.op_utf8_decode(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(encoding);
}
// A name the ops return (a string) in the encoding the caller asked for.
const encodeName = (s, encoding) => (encoding === 'buffer' ? Buffer.from(s) : encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(s).toString(encoding) : s);
function dataBytes(data, encoding) {
  if (isArrayBufferView(data)) return bytesView(data);
  return Buffer.from(dataFromStringish(data, 'data'), encoding || 'utf8');
}
const isFd = (v) => v === (v >>> 0); // Node's isUint32: other numbers are (invalid) paths
// `then` works on plain values (sync runs) and promises (async runs) alike.
function then(v, f) { return v instanceof Promise ? v.then(f) : f(v); }
// Writes all of `bytes` at the fd's offset (or from `position`), however many writes it takes.
function writeAll(run, fd, bytes, position = -1) {
  const loop = (off) => (off >= bytes.length ? undefined
    : then(run('op_fs_write_at', fd, bytes.subarray(off), position < 0 ? -1 : position + off), (n) => loop(off + n)));
  return loop(0);
}
const rmDefaults = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
function validateRmdirOptions(options, defaults) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}
let warnedRecursiveRmdir = false;
let warnedNonPortableTemplate = false;
// Operations whose native failure Node reports without a path (it names the fd's syscall only).
const writeFlagOps = { w: 'w', a: 'a', wx: 'wx', xw: 'wx', ax: 'ax', xa: 'ax' };

// Node's realpath walk: each prefix lstat'ed, links read (and followed from the start), until the
// path has no links left; a part known to be no link ends the walk when the last stat was of a
// pipe or socket (Node's binding.statValues).
function* realpathWalk(run, p) {
  p = path.resolve(p);
  const seenLinks = new Map(), knownHard = new Set();
  let lastMode = 0, current = '/', base = '/', previous, pos = 1;
  while (pos < p.length) {
    const next = p.indexOf('/', pos);
    previous = current;
    if (next === -1) {
      current += p.slice(pos);
      base = previous + p.slice(pos);
      pos = p.length;
    } else {
      current += p.slice(pos, next + 1);
      base = previous + p.slice(pos, next);
      pos = next + 1;
    }
    if (knownHard.has(base)) {
      if ((lastMode & S_IFMT) === S_IFIFO || (lastMode & S_IFMT) === S_IFSOCK) break;
      continue;
    }
    const st = yield run('op_fs_stat', base, false);
    lastMode = st[1];
    if ((st[1] & S_IFMT) !== S_IFLNK) {
      knownHard.add(base);
      continue;
    }
    const id = `${st[0]}:${st[7]}`;
    let linkTarget = seenLinks.has(id) ? seenLinks.get(id) : null;
    if (linkTarget === null) {
      lastMode = (yield run('op_fs_stat', base, true))[1];
      linkTarget = yield run('op_fs_readlink', base);
    }
    seenLinks.set(id, linkTarget);
    p = path.resolve(path.resolve(previous, linkTarget), p.slice(pos));
    current = base = '/';
    pos = 1;
  }
  return p;
}

// Each entry: (run, ...args) => result, where run(opName, ...opArgs) is the sync or async op
// runner. Results of async runs are promises, so entries that post-process use `then`.
const fsTable = {
  readFile(run, p, options) {
    options = getOptions(options, { flag: 'r' });
    const enc = options.encoding;
    if (p instanceof FileHandle) return then(run('op_fs_read_all', p.fd), (b) => readFileResult(b, enc));
    if (isFd(p)) return then(run('op_fs_read_all', getValidatedFd(p)), (b) => readFileResult(b, enc));
    const file = getValidatedPath(p);
    const flags = openFlags(options.flag || 'r');
    checkAborted(options.signal);
    if (flags === O.O_RDONLY) return then(run('op_fs_read', file), (b) => { checkAborted(options.signal); return readFileResult(b, enc); });
    return then(run('op_fs_open', file, flags, 0o666), (fd) => then(run('op_fs_read_all', fd),
      (b) => then(run('op_fs_close', fd), () => readFileResult(b, enc))));
  },
  writeFile(run, p, data, options) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
    const bytes = dataBytes(data, options.encoding);
    if (p instanceof FileHandle) return writeAll(run, p.fd, bytes);
    if (isFd(p)) return writeAll(run, getValidatedFd(p), bytes);
    const file = getValidatedPath(p);
    const flag = options.flag || 'w';
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    checkAborted(options.signal);
    if (typeof flag === 'string' && writeFlagOps[flag]) return run('op_fs_write', file, bytes, writeFlagOps[flag], mode);
    return then(run('op_fs_open', file, openFlags(flag), mode), (fd) => then(writeAll(run, fd, bytes), () => run('op_fs_close', fd)));
  },
  appendFile(run, p, data, options) {
    options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
    if (!options.flag || isFd(p) || p instanceof FileHandle) options.flag = 'a';
    return fsTable.writeFile(run, p, data, options);
  },
  stat(run, p, options = { bigint: false }) {
    return then(run('op_fs_stat', getValidatedPath(p), true), (a) => statsFrom(a, options && options.bigint));
  },
  lstat(run, p, options = { bigint: false }) {
    return then(run('op_fs_stat', getValidatedPath(p), false), (a) => statsFrom(a, options && options.bigint));
  },
  fstat(run, fd, options = { bigint: false }) {
    return then(run('op_fs_fstat', getValidatedFd(fd)), (a) => statsFrom(a, options && options.bigint));
  },
  statfs(run, p, options = { bigint: false }) {
    const big = options && options.bigint;
    return then(run('op_fs_statfs', getValidatedPath(p)), (a) => new StatFs(...Array.from(a, (v) => (big ? BigInt(v) : v))));
  },
  readdir(run, p, options) {
    options = getOptions(options);
    const dir = getValidatedPath(p);
    const withTypes = !!options.withFileTypes;
    const enc = options.encoding;
    if (options.recursive) {
      // Breadth-first like Node: a directory's entries, then each subdirectory's.
      const out = [];
      const walk = (rel) => then(run('op_fs_readdir', rel ? path.join(dir, rel) : dir), (entries) => {
        const subdirs = [];
        for (const [n, type] of entries) {
          const r = rel ? path.join(rel, n) : n;
          out.push(withTypes ? new Dirent(encodeName(n, enc), type, rel ? path.join(dir, rel) : dir) : encodeName(r, enc));
          if (type === 2) subdirs.push(r);
        }
        return subdirs.reduce((acc, s) => then(acc, () => walk(s)), undefined);
      });
      return then(walk(''), () => out);
    }
    return then(run('op_fs_readdir', dir), (entries) => entries.map(([n, type]) => (withTypes ? new Dirent(encodeName(n, enc), type, dir) : encodeName(n, enc))));
  },
  mkdir(run, p, options) {
    let mode = 0o777, recursive = false;
    if (typeof options === 'number' || typeof options === 'string') mode = parseFileMode(options, 'mode');
    else if (options) {
      if (options.recursive !== undefined) recursive = options.recursive;
      if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
    }
    validateBoolean(recursive, 'options.recursive');
    return then(run('op_fs_mkdir', getValidatedPath(p), recursive, mode), (r) => (r === null ? undefined : r));
  },
  rm(run, p, options) {
    const file = getValidatedPath(p);
    options = validateRmdirOptions(options, rmDefaults);
    validateBoolean(options.force, 'options.force');
    // Node's validateRmOptions(Sync): an lstat first (the async forms always, the sync form
    // unless both force and recursive), whose failure is the call's (ENOENT too, unless force).
    const sync = run === runSync;
    if (!sync || !options.force || !options.recursive) {
      let looked;
      try {
        looked = run('op_fs_stat', file, false);
      } catch (e) {
        if (!(options.force && e?.code === 'ENOENT')) throw e;
      }
      if (looked !== undefined) {
        const go = () => run('op_fs_rm', file, options.recursive, options.force, false);
        return sync ? go() : looked.then(go, (e) => {
          if (options.force && e?.code === 'ENOENT') return go();
          throw e;
        });
      }
    }
    return run('op_fs_rm', file, options.recursive, options.force, false);
  },
  rmdir(run, p, options) {
    const file = getValidatedPath(p);
    options = validateRmdirOptions(options, { retryDelay: 100, maxRetries: 0, recursive: false });
    if (options.recursive) {
      if (!warnedRecursiveRmdir) {
        warnedRecursiveRmdir = true;
        process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
      }
      return run('op_fs_rm', file, true, false, true);
    }
    return run('op_fs_rm', file, false, false, true);
  },
  unlink(run, p) { return run('op_fs_unlink', getValidatedPath(p)); },
  rename(run, a, b) { return run('op_fs_rename', getValidatedPath(a, 'oldPath'), getValidatedPath(b, 'newPath')); },
  copyFile(run, a, b, mode) {
    const src = getValidatedPath(a, 'src'), dest = getValidatedPath(b, 'dest');
    return run('op_fs_copy', src, dest, getValidMode(mode, 0));
  },
  // realpath(3), which agrees with Node's walk of the path (lib/fs.js realpathSync) wherever it
  // succeeds; where it finds no file, Node's walk itself, which stops at a pipe or socket a link
  // led to (/dev/stdin on a pipe is /proc/<pid>/fd/pipe:[<inode>]).
  realpath(run, p, options) {
    options = getOptions(options);
    const file = getValidatedPath(p);
    return then(flow((function* realpathFlow() {
      try {
        return yield run('op_fs_realpath', file, false);
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
      }
      return yield* realpathWalk(run, file);
    })()), (r) => encodeName(r, options.encoding));
  },
  access(run, p, mode) {
    const file = getValidatedPath(p);
    return run('op_fs_access', file, getValidMode(mode, 0));
  },
  // Node 18's stringToSymlinkType: a type that is not a string is no type; a string must be one
  // of the three (they matter on Windows only).
  symlink(run, target, p, type) {
    target = getValidatedPath(target, 'target');
    p = getValidatedPath(p);
    if (typeof type === 'string' && type !== 'dir' && type !== 'file' && type !== 'junction') {
      throw nodeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE', `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
    }
    return run('op_fs_symlink', target, p);
  },
  link(run, existingPath, newPath) {
    return run('op_fs_link', getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
  },
  readlink(run, p, options) {
    options = getOptions(options);
    return then(run('op_fs_readlink', getValidatedPath(p, 'oldPath')), (r) => encodeName(r, options.encoding));
  },
  chmod(run, p, mode) {
    const file = getValidatedPath(p);
    return run('op_fs_chmod', file, parseFileMode(mode, 'mode'));
  },
  fchmod(run, fd, mode) { return run('op_fs_fchmod', getValidatedFd(fd), parseFileMode(mode, 'mode')); },
  chown(run, p, uid, gid) {
    const file = getValidatedPath(p);
    validateId(uid, 'uid'); validateId(gid, 'gid');
    return run('op_fs_chown', file, uid, gid, true);
  },
  lchown(run, p, uid, gid) {
    const file = getValidatedPath(p);
    validateId(uid, 'uid'); validateId(gid, 'gid');
    return run('op_fs_chown', file, uid, gid, false);
  },
  fchown(run, fd, uid, gid) {
    fd = getValidatedFd(fd);
    validateId(uid, 'uid'); validateId(gid, 'gid');
    return run('op_fs_fchown', fd, uid, gid);
  },
  utimes(run, p, atime, mtime) {
    const file = getValidatedPath(p);
    return run('op_fs_utimes', file, toUnixTimestamp(atime), toUnixTimestamp(mtime), true);
  },
  lutimes(run, p, atime, mtime) {
    const file = getValidatedPath(p);
    return run('op_fs_utimes', file, toUnixTimestamp(atime), toUnixTimestamp(mtime), false);
  },
  futimes(run, fd, atime, mtime) {
    fd = getValidatedFd(fd);
    return run('op_fs_futimes', fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
  },
  mkdtemp(run, prefix, options) {
    options = getOptions(options);
    prefix = getValidatedPath(prefix, 'prefix');
    if (!warnedNonPortableTemplate && prefix.endsWith('X')) {
      warnedNonPortableTemplate = true;
      process.emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
    }
    return then(run('op_fs_mkdtemp', prefix), (r) => encodeName(r, options.encoding));
  },
  truncate(run, p, len = 0) {
    if (isFd(p)) {
      process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
      return fsTable.ftruncate(run, p, len);
    }
    const file = getValidatedPath(p);
    validateInteger(len, 'len');
    len = Math.max(0, len);
    return then(run('op_fs_open', file, O.O_RDWR, 0o666), (fd) => {
      const closeAfter = (r) => then(run('op_fs_close', fd), () => r);
      const t = run('op_fs_ftruncate', fd, len);
      return t instanceof Promise ? t.then(closeAfter, (e) => run('op_fs_close', fd).then(() => { throw e; }, () => { throw e; })) : closeAfter(t);
    });
  },
  ftruncate(run, fd, len = 0) {
    fd = getValidatedFd(fd);
    validateInteger(len, 'len');
    return run('op_fs_ftruncate', fd, Math.max(0, len));
  },
  open(run, p, flags, mode) {
    const file = getValidatedPath(p);
    return run('op_fs_open', file, openFlags(flags), parseFileMode(mode, 'mode', 0o666));
  },
  close(run, fd) { return run('op_fs_close', getValidatedFd(fd)); },
  fsync(run, fd) { return run('op_fs_fsync', getValidatedFd(fd)); },
  fdatasync(run, fd) { return run('op_fs_fdatasync', getValidatedFd(fd)); },
};

// Runs a generator that yields op results: a sync run hands back plain values (and throws in
// place), an async run promises, which are awaited. So one algorithm (cp) serves cpSync,
// fs.cp and fs.promises.cp.
function flow(gen) {
  const step = (r) => {
    while (!r.done) {
      if (r.value instanceof Promise) return r.value.then((v) => step(gen.next(v)), (e) => step(gen.throw(e)));
      r = gen.next(r.value);
    }
    return r.value;
  };
  return step(gen.next());
}
// Node's SystemError: "<prefix>: <syscall> returned <code> (<message>) <path> => <dest>", with
// the context's fields on the error (errno: the context's, else the code's).
function systemError(code, prefix, ctx) {
  let message = `${prefix}: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
  if (ctx.path !== undefined) message += ` ${ctx.path}`;
  if (ctx.dest !== undefined) message += ` => ${ctx.dest}`;
  const e = new Error(message);
  Object.defineProperty(e, 'name', { value: 'SystemError', configurable: true, writable: true });
  Object.defineProperty(e, 'toString', { value() { return `${this.name} [${code}]: ${this.message}`; }, configurable: true, writable: true });
  e.code = code;
  const errno = ctx.errno ?? ERRNO[ctx.code];
  define(e, 'info', { ...ctx, errno });
  define(e, 'errno', errno);
  define(e, 'syscall', ctx.syscall);
  if (ctx.path !== undefined) define(e, 'path', ctx.path);
  if (ctx.dest !== undefined) define(e, 'dest', ctx.dest);
  return e;
}
const cpError = {
  ERR_FS_CP_EINVAL: 'Invalid src or dest', ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_EEXIST: 'Target already exists', ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite non-directory with directory', ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type', ERR_FS_EISDIR: 'Path is a directory',
};
const cpFail = (code, message, p, errCode = 'EINVAL') => systemError(code, cpError[code], { message, path: p, syscall: 'cp', code: errCode });
function validateCpOptions(options) {
  const defaults = { dereference: false, errorOnExist: false, filter: undefined, force: true, preserveTimestamps: false, recursive: false, verbatimSymlinks: false };
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  for (const k of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) validateBoolean(options[k], `options.${k}`);
  options.mode = getValidMode(options.mode, 0);
  if (options.dereference && options.verbatimSymlinks) {
    throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "dereference" cannot be used in combination with option "verbatimSymlinks"');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}
// Node's cp (lib/internal/fs/cp): checks that src and dest differ and neither contains the
// other, then copies files, directories (recursive) and symlinks, honouring filter, force,
// errorOnExist, dereference, verbatimSymlinks and preserveTimestamps.
function* cpFlow(run, sync, src, dest, opts) {
  const statOf = function* (p, follow) { return statsFrom(yield run('op_fs_stat', p, follow), false); };
  const identical = (a, b) => b.ino && b.dev && b.ino === a.ino && b.dev === a.dev;
  const parts = (p) => path.resolve(p).split('/').filter(Boolean);
  const isSubdir = (a, b) => { const d = parts(b); return parts(a).every((cur, i) => d[i] === cur); };
  function* checkPaths(s, d) {
    if (opts.filter) {
      const keep = opts.filter(s, d);
      if (sync && keep instanceof Promise) throw nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected boolean to be returned from the "filter" function but got instance of Promise.');
      if (!(yield keep)) return { skipped: true };
    }
    const srcStat = yield* statOf(s, opts.dereference);
    let destStat = null;
    try { destStat = yield* statOf(d, opts.dereference); } catch (e) { if (e.code !== 'ENOENT') throw e; }
    if (destStat) {
      if (identical(srcStat, destStat)) throw cpFail('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', d);
      if (srcStat.isDirectory() && !destStat.isDirectory()) throw cpFail('ERR_FS_CP_DIR_TO_NON_DIR', `cannot overwrite directory ${s} with non-directory ${d}`, d, 'EISDIR');
      if (!srcStat.isDirectory() && destStat.isDirectory()) throw cpFail('ERR_FS_CP_NON_DIR_TO_DIR', `cannot overwrite non-directory ${s} with directory ${d}`, d, 'ENOTDIR');
    }
    if (srcStat.isDirectory() && isSubdir(s, d)) throw cpFail('ERR_FS_CP_EINVAL', `cannot copy ${s} to a subdirectory of self ${d}`, d);
    return { srcStat, destStat, skipped: false };
  }
  function* checkParentPaths(s, srcStat, d) {
    const srcParent = path.resolve(path.dirname(s)), destParent = path.resolve(path.dirname(d));
    if (destParent === srcParent || destParent === '/') return;
    let destStat;
    try { destStat = yield* statOf(destParent, true); } catch (e) { if (e.code === 'ENOENT') return; throw e; }
    if (identical(srcStat, destStat)) throw cpFail('ERR_FS_CP_EINVAL', `cannot copy ${s} to a subdirectory of self ${d}`, d);
    yield* checkParentPaths(s, srcStat, destParent);
  }
  function* copyOne(destStat, s, d) {
    const srcStat = yield* statOf(s, opts.dereference);
    if (srcStat.isDirectory()) {
      if (!opts.recursive) throw cpFail('ERR_FS_EISDIR', `${s} is a directory (not copied)`, s, 'EISDIR');
      if (!destStat) yield run('op_fs_mkdir', d, false, 0o777);
      for (const [name] of yield run('op_fs_readdir', s)) {
        const si = path.join(s, name), di = path.join(d, name);
        const r = yield* checkPaths(si, di);
        if (!r.skipped) yield* copyOne(r.destStat, si, di);
      }
      if (!destStat) yield run('op_fs_chmod', d, srcStat.mode & 0o7777);
    } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
      if (destStat) {
        if (opts.force) yield run('op_fs_unlink', d);
        else if (opts.errorOnExist) throw cpFail('ERR_FS_CP_EEXIST', `${d} already exists`, d, 'EEXIST');
        else return;
      }
      yield run('op_fs_copy', s, d, opts.mode);
      const mode = srcStat.mode & 0o7777;
      if (opts.preserveTimestamps) {
        // A read-only copy must be made writable before its times can be set.
        if ((mode & 0o200) === 0) yield run('op_fs_chmod', d, mode | 0o200);
        const fresh = yield* statOf(s, true); // reading the file changed its atime
        yield run('op_fs_utimes', d, fresh.atimeMs / 1000, fresh.mtimeMs / 1000, true);
      }
      yield run('op_fs_chmod', d, mode);
    } else if (srcStat.isSymbolicLink()) {
      let target = yield run('op_fs_readlink', s);
      if (!opts.verbatimSymlinks && !path.isAbsolute(target)) target = path.resolve(path.dirname(s), target);
      if (!destStat) { yield run('op_fs_symlink', target, d); return; }
      let destTarget;
      try { destTarget = yield run('op_fs_readlink', d); } catch (e) {
        if (e.code === 'EINVAL' || e.code === 'UNKNOWN') { yield run('op_fs_symlink', target, d); return; }
        throw e;
      }
      if (!path.isAbsolute(destTarget)) destTarget = path.resolve(path.dirname(d), destTarget);
      if (isSubdir(target, destTarget)) throw cpFail('ERR_FS_CP_EINVAL', `cannot copy ${target} to a subdirectory of self ${destTarget}`, d);
      const targetStat = yield* statOf(s, true);
      if (targetStat.isDirectory() && isSubdir(destTarget, target)) {
        throw cpFail('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', `cannot overwrite ${destTarget} with ${target}`, d);
      }
      yield run('op_fs_unlink', d);
      yield run('op_fs_symlink', target, d);
    } else if (srcStat.isSocket()) {
      throw cpFail('ERR_FS_CP_SOCKET', `cannot copy a socket file: ${d}`, d);
    } else if (srcStat.isFIFO()) {
      throw cpFail('ERR_FS_CP_FIFO_PIPE', `cannot copy a FIFO pipe: ${d}`, d);
    } else {
      throw cpFail('ERR_FS_CP_UNKNOWN', `cannot copy an unknown file type: ${d}`, d);
    }
  }
  const r = yield* checkPaths(src, dest);
  if (r.skipped) return;
  yield* checkParentPaths(src, r.srcStat, dest);
  const parent = path.dirname(dest);
  try { yield run('op_fs_access', parent, 0); } catch { yield run('op_fs_mkdir', parent, true, 0o777); }
  yield* copyOne(r.destStat, src, dest);
}
fsTable.cp = (run, src, dest, options) => {
  const sync = run === runSync;
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  const opts = validateCpOptions(options);
  return flow(cpFlow(run, sync, src, dest, opts));
};

// Reflect.apply, not spread calls: the program may have replaced %Array.prototype%[@@iterator].
const runSync = (op, ...args) => (traceOn.fs ? check(tracedSync(op, args)) : check(Reflect.apply(ops[op], ops, args)));
const runAsync = (op, ...args) => (traceOn.fs ? tracedAsync(op, args) : Reflect.apply(opAsync, undefined, [ops[op + '_async']].concat(args)));

// Trace events (node.fs.sync, node.fs.async, node.fs_dir.*): an op as the libuv requests Node
// makes for the same call, named as node_file.cc and node_dir.cc name them: fs.sync.<name>
// begin/end pairs ('B'/'E') around a sync call, nestable async ones ('b'/'e') around an async
// request. An op doing several (readFile's open, fstat, read, close) reports each, in order.
function fsTraceNames(op, args, sync) {
  switch (op) {
    case 'op_fs_read': return ['open', 'fstat', 'read', 'close'];
    case 'op_fs_write': return ['open', 'write', 'close'];
    case 'op_fs_read_all': return ['fstat', 'read'];
    case 'op_fs_read_at': return ['read'];
    case 'op_fs_write_at': return ['write'];
    case 'op_fs_stat': return [args[1] ? 'stat' : 'lstat'];
    case 'op_fs_readdir': return [sync ? 'readdir' : 'scandir'];
    case 'op_fs_copy': return ['copyfile'];
    case 'op_fs_realpath': return args[1] ? ['realpath'] : [];
    case 'op_fs_chown': return [args[3] ? 'chown' : 'lchown'];
    case 'op_fs_utimes': return [(args[3] ? 'utime' : 'lutime') + (sync ? 's' : '')];
    case 'op_fs_futimes': return [sync ? 'futimes' : 'futime'];
    // Node 18's rm is JavaScript (rimraf) over the calls it traces one by one: only rmdir is one.
    case 'op_fs_rm': return args[3] && !args[1] ? ['rmdir'] : [];
    case 'op_fs_opendir': return ['opendir'];
    case 'op_fs_open': case 'op_fs_close': case 'op_fs_fstat': case 'op_fs_mkdir': case 'op_fs_unlink':
    case 'op_fs_rename': case 'op_fs_access': case 'op_fs_symlink': case 'op_fs_readlink': case 'op_fs_chmod':
    case 'op_fs_link': case 'op_fs_fchmod': case 'op_fs_fchown': case 'op_fs_fdatasync': case 'op_fs_fsync':
    case 'op_fs_ftruncate': case 'op_fs_mkdtemp': case 'op_fs_statfs':
      return [op.slice(6)];
    default: return [];
  }
}
// The sync op's raw result (an error info object on failure, as ops[op] returns it).
function tracedSync(op, args) {
  if (traceOn.syncIO) core.printSyncTrace(tracedSync);
  const dir = op === 'op_fs_opendir';
  const names = (dir ? traceOn.fsDirSync : traceOn.fsSync) ? fsTraceNames(op, args, true) : [];
  if (names.length === 0) return ops[op](...args);
  const group = dir ? 'node,node.fs_dir,node.fs_dir.sync' : 'node,node.fs,node.fs.sync';
  const prefix = dir ? 'fs_dir.sync.' : 'fs.sync.';
  traceOn.emit('B', group, prefix + names[0]);
  try {
    return ops[op](...args);
  } finally {
    traceOn.emit?.('E', group, prefix + names[0]);
    for (let i = 1; i < names.length; i++) {
      traceOn.emit?.('B', group, prefix + names[i]);
      traceOn.emit?.('E', group, prefix + names[i]);
    }
  }
}
function tracedAsync(op, args) {
  const dir = op === 'op_fs_opendir';
  const names = (dir ? traceOn.fsDirAsync : traceOn.fsAsync) ? fsTraceNames(op, args, false) : [];
  const pending = opAsync(ops[op + '_async'], ...args);
  if (names.length === 0) return pending;
  const group = dir ? 'node,node.fs_dir,node.fs_dir.async' : 'node,node.fs,node.fs.async';
  const id = ++traceOn.lastId;
  traceOn.emit('b', group, names[0], id, typeof args[0] === 'string' ? { path: args[0] } : undefined);
  const end = (result) => {
    traceOn.emit?.('e', group, names[0], id, { result });
    for (let i = 1; i < names.length; i++) {
      const next = ++traceOn.lastId;
      traceOn.emit?.('b', group, names[i], next);
      traceOn.emit?.('e', group, names[i], next, { result });
    }
  };
  return pending.then((value) => { end(0); return value; }, (e) => { end(typeof e?.errno === 'number' ? e.errno : -1); throw e; });
}
// A user callback runs as a loop callback does in Node: what it throws is an uncaught exception.
const callUser = (cb, ...args) => { try { Reflect.apply(cb, undefined, args); } catch (e) { fatal(e); } };

// The callback of a request, run in the request's async context (then destroyed).
function callRequest(req, cb, ...args) {
  enterResource(req);
  try { Reflect.apply(cb, undefined, args); } catch (e) { fatal(e); }
  leaveResource(req);
  emitDestroy(req[asyncIdSymbol]);
}
// A callback operation in flight (process._getActiveRequests), as Node's request object.
class FSReqCallback {
  constructor(oncomplete) { this.oncomplete = oncomplete; }
}
const fsSync = {};
const fsPromises = {};
const fsCallbacks = {};
for (const [name, impl] of Object.entries(fsTable)) {
  fsSync[name + 'Sync'] = { [name + 'Sync']: (...args) => Reflect.apply(impl, undefined, [runSync].concat(args)) }[name + 'Sync'];
  // As Node's: the operation is a request (FSREQPROMISE) destroyed once it settles; its own
  // promises are the runtime's, the one returned is the program's.
  fsPromises[name] = { [name]: (...args) => {
    let inner;
    try { inner = withHiddenPromises(() => Promise.resolve(Reflect.apply(impl, undefined, [runAsync].concat(args)))); } catch (e) { return Promise.reject(e); }
    const req = {};
    initAsyncResource(req, 'FSREQPROMISE');
    return new Promise((resolve, reject) => {
      withHiddenPromises(() => inner.then((v) => { resolve(v); emitDestroy(req[asyncIdSymbol]); },
        (e) => { reject(e); emitDestroy(req[asyncIdSymbol]); }));
    });
  } }[name];
  // Bad arguments throw synchronously, as in Node; failures of the operation reach `cb`.
  fsCallbacks[name] = { [name]: (...args) => {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    validateFunction(cb, 'cb');
    const req = new FSReqCallback(cb);
    // The operation's own promises are the runtime's: no hook sees them. The request is the
    // async resource (FSREQCALLBACK, as Node's) the callback runs in.
    const pending = withHiddenPromises(() => Promise.resolve(Reflect.apply(impl, undefined, [runAsync].concat(args))));
    initAsyncResource(req, 'FSREQCALLBACK');
    activeRequests.add(req);
    withHiddenPromises(() => pending.then((v) => { activeRequests.delete(req); callRequest(req, cb, null, v); },
      (e) => { activeRequests.delete(req); callRequest(req, cb, e); }));
  } }[name];
}
// Node's callback readFile hands an abort before the start to the callback, synchronously.
const callbackReadFile = fsCallbacks.readFile;
fsCallbacks.readFile = function readFile(p, options, cb) {
  const callback = cb || options;
  validateFunction(callback, 'cb');
  const signal = getOptions(options, { flag: 'r' }).signal;
  if (!isFd(p) && signal?.aborted) {
    callback(abortError(signal));
    return;
  }
  Reflect.apply(callbackReadFile, this, arguments);
};
// Node's callback writeFile: open, then write chunk by chunk, looking at the signal before each
// write (an abort after the start still ends it), and close a file it opened, also on failure.
fsCallbacks.writeFile = function writeFile(p, data, options, cb) {
  cb ||= options;
  validateFunction(cb, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = dataBytes(data, options.encoding);
  const { signal } = options;
  const done = (...args) => Reflect.apply(callUser, undefined, [cb].concat(args));
  const closeWith = (fd, err) => runAsync('op_fs_close', fd).then(() => done(err ?? null), (e) => done(aggregateErrors(e, err)));
  const writeFrom = (fd, userFd, offset) => {
    if (signal?.aborted) {
      if (userFd) done(abortError(signal));
      else closeWith(fd, abortError(signal));
      return;
    }
    runAsync('op_fs_write_at', fd, bytes.subarray(offset), -1).then((n) => {
      if (offset + n < bytes.length) writeFrom(fd, userFd, offset + n);
      else if (userFd) done(null);
      else closeWith(fd, undefined);
    }, (err) => (userFd ? done(err) : closeWith(fd, err)));
  };
  if (p instanceof FileHandle) { writeFrom(p.fd, true, 0); return; }
  if (isFd(p)) { writeFrom(getValidatedFd(p), true, 0); return; }
  const file = getValidatedPath(p);
  const flags = openFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (signal?.aborted) { done(abortError(signal)); return; }
  runAsync('op_fs_open', file, flags, mode).then((fd) => writeFrom(fd, false, 0), (err) => done(err));
};
// Node's aggregateTwoErrors: the outer error, carrying the inner one when both exist.
function aggregateErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}
// fs.close's callback is optional.
fsCallbacks.close = function close(fd, cb = () => {}) {
  validateFunction(cb, 'cb');
  fd = getValidatedFd(fd);
  runAsync('op_fs_close', fd).then(() => callUser(cb, null), (e) => callUser(cb, e));
};
// Node's extra sync-only behaviour: throwIfNoEntry, fd 0 as stdin.
function statSyncWith(p, options, follow) {
  const file = getValidatedPath(p);
  const r = traceOn.fs ? tracedSync('op_fs_stat', [file, follow]) : ops.op_fs_stat(file, follow);
  if (r && r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
  return statsFrom(check(r), options && options.bigint);
}
fsSync.statSync = function statSync(p, options = { bigint: false, throwIfNoEntry: true }) { return statSyncWith(p, options, true); };
fsSync.lstatSync = function lstatSync(p, options = { bigint: false, throwIfNoEntry: true }) { return statSyncWith(p, options, false); };
fsSync.existsSync = function existsSync(p) {
  try { p = getValidatedPath(p); } catch { return false; }
  if (traceOn.syncIO) core.printSyncTrace(existsSync);
  const r = ops.op_fs_stat(p, true);
  return !(r && r.__feError);
};
fsCallbacks.exists = function exists(p, cb) {
  validateFunction(cb, 'cb');
  try { fsCallbacks.access(p, 0, (err) => cb(!err)); } catch { cb(false); }
};
Object.defineProperty(fsCallbacks.exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(p) { return new Promise((resolve) => fsCallbacks.exists(p, resolve)); }, configurable: true,
});
// realpath.native: realpath(3) itself, whose failure names realpath rather than lstat.
fsSync.realpathSync.native = function realpathSync(p, options) {
  options = getOptions(options);
  return encodeName(runSync('op_fs_realpath', getValidatedPath(p), true), options.encoding);
};
fsCallbacks.realpath.native = function realpath(p, options, cb) {
  if (typeof options === 'function') { cb = options; options = undefined; }
  validateFunction(cb, 'cb');
  options = getOptions(options);
  runAsync('op_fs_realpath', getValidatedPath(p), true).then((r) => callUser(cb, null, encodeName(r, options.encoding)), (e) => callUser(cb, e));
};

// read/write families: Node's argument shapes (positional, options object, or both).
function readArgs(buffer, offsetOrOptions, length, position, nargs) {
  let offset = offsetOrOptions;
  if (nargs <= 3 || (offsetOrOptions !== null && typeof offsetOrOptions === 'object')) {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', true);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset === undefined || offset === null) offset = 0; else validateInteger(offset, 'offset', 0);
  length |= 0;
  return { offset, length, position };
}
function checkReadTarget(buffer, offset, length, position) {
  if (buffer.byteLength === 0) throw invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position === null || position === undefined) position = -1;
  validatePosition(position, 'position');
  return position;
}
// Reads into `buffer` at `offset`: the op returns fresh bytes, copied into place here.
function readInto(run, fd, buffer, offset, length, position) {
  return then(run('op_fs_read_at', fd, length, positionArg(position)), (bytes) => {
    bytesView(buffer).set(bytes, offset);
    return bytes.length;
  });
}
fsSync.readSync = function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  const a = readArgs(buffer, offsetOrOptions, length, position, arguments.length);
  if (a.length === 0) return 0;
  const pos = checkReadTarget(buffer, a.offset, a.length, a.position);
  return readInto(runSync, fd, buffer, a.offset, a.length, pos);
};
fsCallbacks.read = function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions, params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', true);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  if (offset === undefined || offset === null) offset = 0; else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) { nextTick(() => callback(null, 0, buffer)); return; }
  const pos = checkReadTarget(buffer, offset, length, position);
  readInto(runAsync, fd, buffer, offset, length, pos).then((n) => callUser(callback, null, n, buffer), (e) => callUser(callback, e, 0, buffer));
};
Object.defineProperty(fsCallbacks.read, Symbol.for('nodejs.util.promisify.custom'), {
  value: (...args) => new Promise((resolve, reject) => fsCallbacks.read(...args, (err, bytesRead, buffer) => (err ? reject(err) : resolve({ bytesRead, buffer })))),
  configurable: true,
});
// The bytes a write sends, from Node's argument shapes; `position` -1 writes at the offset.
// Node's argument handling of fs.writeSync ('sync'), fs.write ('callback') and filehandle.write
// ('promise') (lib/fs.js, lib/internal/fs/promises.js): a buffer with offset, length and position
// or an options object with them; or a string (the callback form also coerces an object with its
// own toString, deprecated) with a position and an encoding. A position that is not a number (or
// bigint) writes at the file's offset.
function writeArgs(buffer, offsetOrOptions, length, position, kind) {
  let offset = offsetOrOptions;
  if (isArrayBufferView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset == null || (kind === 'callback' && typeof offset === 'function')) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const pos = typeof position === 'number' || (kind === 'sync' && typeof position === 'bigint') ? positionArg(position) : -1;
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length), position: pos };
  }
  let str;
  if (kind === 'callback') str = dataFromStringish(buffer, 'buffer');
  else if (typeof buffer !== 'string') throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  else str = buffer;
  validateEncodingFor(str, length);
  // An encoding Node's binding does not know writes UTF-8 (ParseEncoding's default).
  const encoding = typeof length === 'string' && Buffer.isEncoding(length) ? length : 'utf8';
  const pos = typeof offset === 'number' || typeof offset === 'bigint' ? positionArg(offset) : -1;
  return { bytes: bytesView(Buffer.from(str, encoding)), position: pos };
}
fsSync.writeSync = function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const w = writeArgs(buffer, offsetOrOptions, length, position, 'sync');
  return check(ops.op_fs_write_at(fd, w.bytes, w.position));
};
fsCallbacks.write = function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let w;
  if (isArrayBufferView(buffer)) {
    callback = callback || position || length || offsetOrOptions;
    validateFunction(callback, 'cb');
    w = writeArgs(buffer, offsetOrOptions, length, position, 'callback');
  } else {
    dataFromStringish(buffer, 'buffer');
    // (fd, string[, position[, encoding]], callback)
    if (typeof position !== 'function') {
      if (typeof offsetOrOptions === 'function') { position = offsetOrOptions; offsetOrOptions = null; } else position = length;
      length = 'utf8';
    }
    callback = position;
    validateFunction(callback, 'cb');
    w = writeArgs(buffer, offsetOrOptions, length, undefined, 'callback');
  }
  runAsync('op_fs_write_at', fd, w.bytes, w.position).then((n) => callUser(callback, null, n, buffer), (e) => callUser(callback, e, 0, buffer));
};
Object.defineProperty(fsCallbacks.write, Symbol.for('nodejs.util.promisify.custom'), {
  value: (...args) => new Promise((resolve, reject) => fsCallbacks.write(...args, (err, bytesWritten, buffer) => (err ? reject(err) : resolve({ bytesWritten, buffer })))),
  configurable: true,
});
function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) if (!isArrayBufferView(b)) throw invalidArgType(name, 'ArrayBufferView[]', buffers);
  return buffers;
}
// readv/writev as a sequence of reads/writes, one per buffer, stopping at a short read.
function readvWith(run, fd, buffers, position) {
  let total = 0;
  const pos = typeof position === 'number' ? position : -1;
  const loop = (i) => {
    if (i >= buffers.length) return total;
    const b = buffers[i];
    if (b.byteLength === 0) return loop(i + 1);
    return then(readInto(run, fd, b, 0, b.byteLength, pos < 0 ? -1 : pos + total), (n) => {
      total += n;
      return n < b.byteLength ? total : loop(i + 1);
    });
  };
  return loop(0);
}
function writevWith(run, fd, buffers, position) {
  const bytes = Buffer.concat(buffers.map((b) => bytesView(b)));
  const pos = typeof position === 'number' ? position : -1;
  return then(writeAll(run, fd, bytesView(bytes), pos), () => bytes.length);
}
fsSync.readvSync = function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return readvWith(runSync, fd, buffers, position);
};
fsCallbacks.readv = function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') { callback = position; position = null; }
  validateFunction(callback, 'cb');
  readvWith(runAsync, fd, buffers, position).then((n) => callUser(callback, null, n, buffers), (e) => callUser(callback, e));
};
Object.defineProperty(fsCallbacks.readv, Symbol.for('nodejs.util.promisify.custom'), {
  value: (...args) => new Promise((resolve, reject) => fsCallbacks.readv(...args, (err, bytesRead, buffers) => (err ? reject(err) : resolve({ bytesRead, buffers })))),
  configurable: true,
});
fsSync.writevSync = function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return writevWith(runSync, fd, buffers, position);
};
fsCallbacks.writev = function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') { callback = position; position = null; }
  validateFunction(callback, 'cb');
  if (buffers.length === 0) { nextTick(() => callback(null, 0, buffers)); return; }
  writevWith(runAsync, fd, buffers, position).then((n) => callUser(callback, null, n, buffers), (e) => callUser(callback, e));
};
Object.defineProperty(fsCallbacks.writev, Symbol.for('nodejs.util.promisify.custom'), {
  value: (...args) => new Promise((resolve, reject) => fsCallbacks.writev(...args, (err, bytesWritten, buffers) => (err ? reject(err) : resolve({ bytesWritten, buffers })))),
  configurable: true,
});
const readFileSyncBase = fsSync.readFileSync;
fsSync.readFileSync = function readFileSync(p, options) {
  if (p === 0 || p === '/dev/stdin') return decodeBytes(check(ops.op_fs_read_fd(0)), getOptions(options).encoding);
  return readFileSyncBase(p, options);
};

// ---------------------------------------------------------------------------------------------
// Dir (fs.opendir): the directory's entries, listed when it is opened, handed out one by one.
const kDirPath = Symbol('kDirPath'), kDirEntries = Symbol('kDirEntries'), kDirEncoding = Symbol('kDirEncoding'),
  kDirClosed = Symbol('kDirClosed'), kDirPending = Symbol('kDirPending'), kDirNext = Symbol('kDirNext'), kDirCheckSync = Symbol('kDirCheckSync');
function dirError(code, message) { return nodeError(Error, code, message); }
class Dir {
  constructor(dirPath, entries, encoding) {
    this[kDirPath] = dirPath;
    this[kDirEntries] = entries;
    this[kDirEncoding] = encoding;
    this[kDirClosed] = false;
    this[kDirPending] = 0;
  }
  get path() { return this[kDirPath]; }
  [kDirNext]() {
    const e = this[kDirEntries].shift();
    if (!e) return null;
    const name = encodeName(e[0], this[kDirEncoding]);
    const d = new Dirent(name, e[1], this[kDirPath]);
    d.path = path.join(this[kDirPath], e[0]);
    return d;
  }
  [kDirCheckSync]() {
    if (this[kDirClosed]) throw dirError('ERR_DIR_CLOSED', 'Directory handle was closed');
    if (this[kDirPending] > 0) throw dirError('ERR_DIR_CONCURRENT_OPERATION', 'Cannot do synchronous work on directory handle with concurrent asynchronous operations');
  }
  readSync() { this[kDirCheckSync](); return this[kDirNext](); }
  read(callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    const p = new Promise((resolve, reject) => {
      if (this[kDirClosed]) { reject(dirError('ERR_DIR_CLOSED', 'Directory handle was closed')); return; }
      this[kDirPending]++;
      nextTick(() => { this[kDirPending]--; resolve(this[kDirNext]()); });
    });
    if (callback === undefined) return p;
    p.then((d) => callUser(callback, null, d), (e) => callUser(callback, e));
  }
  closeSync() { this[kDirCheckSync](); this[kDirClosed] = true; this[kDirEntries] = []; }
  close(callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    const p = new Promise((resolve, reject) => {
      if (this[kDirClosed]) { reject(dirError('ERR_DIR_CLOSED', 'Directory handle was closed')); return; }
      this[kDirClosed] = true;
      // Reads already queued finish first, as Node queues operations on a handle.
      nextTick(() => { this[kDirEntries] = []; resolve(); });
    });
    if (callback === undefined) return p;
    p.then(() => callUser(callback, null), (e) => callUser(callback, e));
  }
  async* entries() {
    try {
      for (;;) {
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      if (!this[kDirClosed]) await this.close();
    }
  }
  [Symbol.asyncIterator]() { return this.entries(); }
}
function opendirWith(run, p, options) {
  options = getOptions(options, { encoding: 'utf8' });
  const dir = getValidatedPath(p);
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  return then(run('op_fs_opendir', dir), (entries) => new Dir(dir, entries, options.encoding));
}
fsSync.opendirSync = function opendirSync(p, options) { return opendirWith(runSync, p, options); };
fsPromises.opendir = async function opendir(p, options) { return opendirWith(runAsync, p, options); };
fsCallbacks.opendir = function opendir(p, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  opendirWith(runAsync, p, options).then((d) => callUser(callback, null, d), (e) => callUser(callback, e));
};

// ---------------------------------------------------------------------------------------------
// FileHandle: fs.promises.open's result. Once closed its fd reads -1 and every method rejects
// with EBADF naming the method's syscall, as Node's does.
const kFd = Symbol('kFd'), kClosePromise = Symbol('kClosePromise'), kLocked = Symbol('kLocked');
// Node's FileHandle lifetime (lib/internal/fs/promises.js): each operation holds a reference while
// it runs, as do a stream and a web stream made over the handle; close() emits 'close' at once and
// closes the fd when the last reference goes. A handle collected unclosed has its fd closed, with
// Node's warnings (a Warning, and DEP0137 once).
const kRefs = Symbol('kRefs'), kRef = Symbol('kRef'), kUnref = Symbol('kUnref');
const kCloseResolve = Symbol('kCloseResolve'), kCloseReject = Symbol('kCloseReject');
let fileHandleGcWarned = false;
const fileHandleRegistry = new FinalizationRegistry((fd) => {
  ops.op_fs_close(fd);
  setImmediate(() => {
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    if (!fileHandleGcWarned) {
      fileHandleGcWarned = true;
      process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. Please close FileHandle ' +
        'objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file ' +
        'descriptor is closed during garbage collection.', 'DeprecationWarning', 'DEP0137');
    }
  }).unref();
});
function handleClosedError(syscall) {
  const e = new Error('file closed');
  e.code = 'EBADF';
  e.syscall = syscall;
  return e;
}
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    // A JS transferable, as Node's: postMessage(handle, [handle]) moves it (39-worker_threads.js,
    // which also makes the one without an fd that a transfer's [kDeserialize] fills).
    const self = core.jsTransferable === undefined ? this : core.jsTransferable.makeTransferable(this);
    self[kFd] = fd === undefined ? -1 : fd;
    self[kClosePromise] = null;
    self[kLocked] = false;
    self[kRefs] = 1;
    self[kCloseResolve] = undefined;
    self[kCloseReject] = undefined;
    if (fd !== undefined) fileHandleRegistry.register(self, fd, self);
    return self;
  }
  get fd() { return this[kFd]; }
  // The handle's fd for an operation, or the closed-handle error.
  _use(syscall) {
    if (this[kFd] === -1) throw handleClosedError(syscall);
    return this[kFd];
  }
  async appendFile(data, options) {
    this._use('write');
    return fsPromises.appendFile(this, data, options);
  }
  async chmod(mode) { return runAsync('op_fs_fchmod', this._use('fchmod'), parseFileMode(mode, 'mode')); }
  async chown(uid, gid) {
    const fd = this._use('fchown');
    validateId(uid, 'uid'); validateId(gid, 'gid');
    return runAsync('op_fs_fchown', fd, uid, gid);
  }
  async datasync() { return runAsync('op_fs_fdatasync', this._use('fdatasync')); }
  async sync() { return runAsync('op_fs_fsync', this._use('fsync')); }
  async read(bufferOrParams, offset, length, position) {
    const fd = this._use('read');
    let buffer = bufferOrParams;
    if (!isArrayBufferView(buffer)) {
      ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset, position = null } = bufferOrParams ?? {});
      validateBuffer(buffer);
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset === undefined || offset === null) offset = 0; else validateInteger(offset, 'offset', 0);
    length |= 0;
    if (length === 0) return { bytesRead: 0, buffer };
    const pos = checkReadTarget(buffer, offset, length, position);
    const bytesRead = await readInto(runAsync, fd, buffer, offset, length, pos);
    return { bytesRead, buffer };
  }
  async readv(buffers, position) {
    const fd = this._use('read');
    validateBufferArray(buffers);
    return { bytesRead: await readvWith(runAsync, fd, buffers, position), buffers };
  }
  async readFile(options) {
    const fd = this._use('read');
    return readFileHandle(fd, getOptions(options, { flag: 'r' }));
  }
  readLines(options) {
    const { createInterface } = requireBuiltin('readline');
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
  // A web ReadableStream of the file's bytes from the current position (Node 18's: ArrayBuffer
  // chunks, or with { type: 'bytes' } a byte stream that BYOB readers can read into), closing
  // nothing: the handle stays the caller's to close, and is locked to the stream meanwhile.
  // Closing the handle cancels the stream (after any read in flight).
  readableWebStream(options = undefined) {
    if (this[kFd] === -1) throw nodeError(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is closed');
    if (this[kClosePromise]) throw nodeError(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is closing');
    if (this[kLocked]) throw nodeError(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is locked');
    this[kLocked] = true;
    options = options ?? {};
    if (options.type !== undefined && typeof options.type !== 'string') throw invalidArgType('options.type', 'string', options.type);
    const { ReadableStream, readableStreamCancel } = core.webStreams();
    const handle = this;
    let done = false;
    const ondone = () => {
      if (done) return;
      done = true;
      handle[kUnref]();
    };
    let readable;
    if (options.type !== 'bytes') {
      readable = new ReadableStream({
        async pull(controller) {
          const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafeSlow(65536), 0, 65536);
          if (bytesRead === 0) {
            ondone();
            controller.close();
          } else controller.enqueue(buffer.buffer.slice(0, bytesRead));
        },
        cancel() { ondone(); },
      });
    } else {
      readable = new ReadableStream({
        type: 'bytes',
        autoAllocateChunkSize: 16384,
        async pull(controller) {
          const view = controller.byobRequest.view;
          const { bytesRead } = await handle.read(view, view.byteOffset, view.byteLength);
          if (bytesRead === 0) {
            ondone();
            controller.close();
          }
          controller.byobRequest.respond(bytesRead);
        },
        cancel() { ondone(); },
      });
    }
    this[kRef]();
    this.once('close', () => { readableStreamCancel(readable); });
    return readable;
  }
  async stat(options) { return statsFrom(await runAsync('op_fs_fstat', this._use('fstat')), options && options.bigint); }
  async truncate(len = 0) {
    const fd = this._use('ftruncate');
    validateInteger(len, 'len');
    return runAsync('op_fs_ftruncate', fd, Math.max(0, len));
  }
  async utimes(atime, mtime) {
    const fd = this._use('futime');
    return runAsync('op_fs_futimes', fd, toUnixTimestamp(atime), toUnixTimestamp(mtime));
  }
  async write(buffer, offsetOrOptions, length, position) {
    const fd = this._use('write');
    if (buffer?.byteLength === 0) return { bytesWritten: 0, buffer };
    const w = writeArgs(buffer, offsetOrOptions, length, position, 'promise');
    const bytesWritten = await runAsync('op_fs_write_at', fd, w.bytes, w.position);
    return { bytesWritten, buffer };
  }
  async writev(buffers, position) {
    const fd = this._use('write');
    validateBufferArray(buffers);
    if (buffers.length === 0) return { bytesWritten: 0, buffers };
    return { bytesWritten: await writevWith(runAsync, fd, buffers, position), buffers };
  }
  async writeFile(data, options) {
    this._use('write');
    return fsPromises.writeFile(this, data, options);
  }
  async [Symbol.asyncDispose]() { return this.close(); }
  createReadStream(options) { return fs.createReadStream(undefined, { ...getOptions(options), fd: this }); }
  createWriteStream(options) { return fs.createWriteStream(undefined, { ...getOptions(options), fd: this }); }
  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      fileHandleRegistry.unregister(this);
      this[kClosePromise] = runAsync('op_fs_close', fd).finally(() => { this[kClosePromise] = null; });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = null;
        this[kCloseResolve] = undefined;
        this[kCloseReject] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  }
  [kRef]() { this[kRefs]++; }
  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      fileHandleRegistry.unregister(this);
      runAsync('op_fs_close', fd).then(this[kCloseResolve], this[kCloseReject]);
    }
  }
}
// Each operation holds a reference to the handle while it runs (Node's fsCall).
for (const name of ['appendFile', 'chmod', 'chown', 'datasync', 'sync', 'read', 'readv', 'readFile', 'stat', 'truncate',
  'utimes', 'write', 'writev', 'writeFile']) {
  const method = FileHandle.prototype[name];
  Object.defineProperty(FileHandle.prototype, name, {
    value: { async [name](...args) {
      if (this[kFd] === -1) return Reflect.apply(method, this, args);
      this[kRef]();
      try {
        return await Reflect.apply(method, this, args);
      } finally {
        this[kUnref]();
      }
    } }[name],
    writable: true, enumerable: false, configurable: true,
  });
}
const promisesOpen = fsPromises.open;
fsPromises.open = async function open(p, flags, mode) { return new FileHandle(await promisesOpen(p, flags, mode)); };
// Node's promise readFile and writeFile (lib/internal/fs/promises.js). A FileHandle, and a path
// given with a signal (the file is opened first), is read after an fstat in reads of up to 512
// KiB, and written in writes of up to 512 KiB, looking at the signal before each; writeFile also
// takes (async) iterables and streams of chunks. A path without a signal is read or written in
// one op (nothing could tell the difference).
const kReadFileBufferLength = 512 * 1024, kReadFileUnknownBufferLength = 64 * 1024, kWriteFileMaxChunkSize = 512 * 1024;
async function readFileHandle(fd, options) {
  const signal = options?.signal, encoding = options?.encoding;
  checkAborted(signal);
  const st = await runAsync('op_fs_fstat', fd);
  checkAborted(signal);
  const size = (st[1] & S_IFMT) === S_IFREG ? st[8] : 0;
  if (size > kIoMaxLength) throw fileTooLarge(size);
  const chunked = size > kReadFileBufferLength;
  const chunks = [];
  let total = 0;
  for (;;) {
    checkAborted(signal);
    const want = size === 0 ? kReadFileUnknownBufferLength : Math.min(size - total, kReadFileBufferLength);
    const bytes = await runAsync('op_fs_read_at', fd, want, -1);
    total += bytes.length;
    if (bytes.length > 0) chunks.push(bytes);
    if (bytes.length === 0 || total === size || (bytes.length !== want && !chunked)) break;
  }
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return decodeBytes(all, encoding);
}
const isCustomIterable = (d) => d != null && typeof d !== 'string' && !isArrayBufferView(d) &&
  (typeof d[Symbol.iterator] === 'function' || typeof d[Symbol.asyncIterator] === 'function');
async function writeFileHandle(fd, data, signal, encoding) {
  const writeChunks = async (view) => {
    let remaining = view.byteLength;
    while (remaining > 0) {
      checkAborted(signal);
      const n = await runAsync('op_fs_write_at', fd, view.subarray(view.byteLength - remaining,
        view.byteLength - remaining + Math.min(kWriteFileMaxChunkSize, remaining)), -1);
      remaining -= n;
    }
  };
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const chunk of data) {
      checkAborted(signal);
      await writeChunks(bytesView(isArrayBufferView(chunk) ? chunk : Buffer.from(chunk, encoding || 'utf8')));
      checkAborted(signal);
    }
    return;
  }
  await writeChunks(bytesView(data));
}
// Node's handleFdClose: the file is closed whatever happened; both failures are reported.
async function withFileOpen(file, flags, mode, fn) {
  const fd = await runAsync('op_fs_open', file, flags, mode);
  let result;
  try {
    result = await fn(fd);
  } catch (err) {
    try { await runAsync('op_fs_close', fd); } catch (closeErr) { throw aggregateErrors(closeErr, err); }
    throw err;
  }
  await runAsync('op_fs_close', fd);
  return result;
}
const promisesReadFile = fsPromises.readFile;
fsPromises.readFile = async function readFile(p, options) {
  const opts = getOptions(options, { flag: 'r' });
  if (p instanceof FileHandle) return readFileHandle(p.fd, opts);
  if (opts.signal === undefined || isFd(p)) return promisesReadFile(p, options);
  const file = getValidatedPath(p);
  const flags = openFlags(opts.flag || 'r');
  checkAborted(opts.signal);
  return withFileOpen(file, flags, 0o666, (fd) => readFileHandle(fd, opts));
};
const promisesWriteFile = fsPromises.writeFile;
fsPromises.writeFile = async function writeFile(p, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (!isArrayBufferView(data) && !isCustomIterable(data)) {
    if (typeof data !== 'string') throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  validateAbortSignal(options.signal, 'options.signal');
  if (p instanceof FileHandle) return writeFileHandle(p.fd, data, options.signal, options.encoding);
  if (options.signal === undefined && !isCustomIterable(data)) return promisesWriteFile(p, data, options);
  const file = isFd(p) ? null : getValidatedPath(p);
  const flags = openFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  checkAborted(options.signal);
  if (file === null) return writeFileHandle(getValidatedFd(p), data, options.signal, options.encoding);
  return withFileOpen(file, flags, mode, (fd) => writeFileHandle(fd, data, options.signal, options.encoding));
};
fsPromises.appendFile = async function appendFile(p, data, options) {
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!options.flag || p instanceof FileHandle) options.flag = 'a';
  return fsPromises.writeFile(p, data, options);
};
for (const k of Object.keys(fsPromises)) {
  if (['fstat', 'close', 'ftruncate', 'fsync', 'fdatasync', 'fchmod', 'fchown', 'futimes'].includes(k)) delete fsPromises[k];
}

const fs = {
  ...fsCallbacks,
  ...fsSync,
  promises: fsPromises,
  constants: { __proto__: null, ...O, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
    S_IFMT, S_IFREG, S_IFDIR, S_IFLNK },
  Stats, Dirent, Dir,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  _toUnixTimestamp: toUnixTimestamp,
};
fsPromises.constants = fs.constants;

// fs.watch (inotify, see WatchOps.swift) and fs.watchFile (stat polling, as Node does).
// Node's FSEvent handle, the object under an FSWatcher's `_handle`: start() answers 0 or a
// negative errno, and events reach onchange(status, eventType, filename).
const watchers = new Map();
class FSEvent {
  constructor() { this.onchange = null; this.initialized = false; this._id = null; this._refed = true; this._encoding = 'utf8'; }
  start(path, persistent, recursive, encoding) {
    if (this.initialized) return 0;
    const r = ops.op_fs_watch_start(path, !!recursive);
    if (r !== null && typeof r === 'object' && r.__feError) return -(ERRNO[r.__feError[0]] || 0);
    this._id = r;
    this._encoding = encoding;
    this.initialized = true;
    watchers.set(r, this);
    if (persistent === false) this.unref();
    return 0;
  }
  close() {
    if (!this.initialized || this._id === null) return;
    const id = this._id;
    this._id = null;
    watchers.delete(id);
    ops.op_fs_watch_stop(id);
    if (!this._refed) ops.op_fs_watch_ref(id, true); // the native side releases once on stop
  }
  ref() { if (!this._refed && this._id !== null) { this._refed = true; ops.op_fs_watch_ref(this._id, true); } }
  unref() { if (this._refed && this._id !== null) { this._refed = false; ops.op_fs_watch_ref(this._id, false); } }
  hasRef() { return this._refed && this._id !== null; }
}
core.onWatchEvent = (id, type, name) => {
  const h = watchers.get(id);
  if (h && typeof h.onchange === 'function') h.onchange(0, type, name == null ? name : encodeName(name, h._encoding));
};
// Node's uvException for a watch: `CODE: description, watch 'path'`.
function watchError(status, filename) {
  const [code, description] = UV_ERRORS[-status] || ['UNKNOWN', 'unknown error'];
  const e = opError([code, code === 'ENOSPC' ? 'System limit for number of file watchers reached' : description, 'watch', filename]);
  e.errno = status;
  e.filename = filename;
  return e;
}
class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new FSEvent();
    this._handle.onchange = (status, eventType, filename) => {
      if (status < 0) {
        if (this._handle !== null) {
          // Not this.close(): no 'close' event.
          this._handle.close();
          this._handle = null;
        }
        this.emit('error', watchError(status, filename));
      } else {
        this.emit('change', eventType, filename);
      }
    };
  }
  _start(filename, persistent, recursive, encoding) {
    if (this._handle === null || this._handle.initialized) return;
    filename = getValidatedPath(filename, 'filename');
    const err = this._handle.start(filename, persistent, recursive, encoding);
    if (err) throw watchError(err, filename);
  }
  start() {}
  close() {
    if (this._handle === null || !this._handle.initialized) return;
    this._handle.close();
    this._handle = null;
    nextTick(() => this.emit('close'));
  }
  ref() { if (this._handle) this._handle.ref(); return this; }
  unref() { if (this._handle) this._handle.unref(); return this; }
}
fs.watch = function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = { ...getOptions(options) };
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  const w = new FSWatcher();
  w._start(filename, options.persistent, options.recursive, options.encoding);
  if (listener) w.addListener('change', listener);
  if (options.signal) {
    if (options.signal.aborted) nextTick(() => w.close());
    else {
      const onAbort = () => w.close();
      options.signal.addEventListener('abort', onAbort);
      w.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }
  return w;
};
// fs.promises.watch: an async iterator of { eventType, filename } (Node's, over the same handle).
fsPromises.watch = async function* watch(filename, options = {}) {
  const path = getValidatedPath(filename);
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  if (encoding && !Buffer.isEncoding(encoding)) throw invalidArgValue(encoding, 'encoding', 'is invalid encoding');
  if (signal?.aborted) throw abortError(signal);
  const handle = new FSEvent();
  const queue = [];
  let failure = null, wake = null;
  const notify = () => { if (wake) { const w = wake; wake = null; w(); } };
  const oncancel = () => { handle.close(); notify(); };
  try {
    signal?.addEventListener('abort', oncancel, { once: true });
    handle.onchange = (status, eventType, name) => {
      if (status < 0) {
        failure = watchError(status, name);
        handle.close();
      } else queue.push({ eventType, filename: name });
      notify();
    };
    const err = handle.start(path, persistent, recursive, encoding);
    if (err) throw watchError(err, path);
    while (!signal?.aborted) {
      if (queue.length === 0 && failure === null) await new Promise((resolve) => { wake = resolve; });
      if (queue.length > 0) yield queue.shift();
      else if (failure !== null) throw failure;
    }
    throw abortError(signal);
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
};
// fs.watchFile: Node's StatWatcher, polling stat(). A change is any difference libuv's poller
// sees (times, size, mode, owner, inode, device); a missing file reads as all-zero stats, and
// an error is reported once (Node calls the listener with zeroed stats when it starts missing).
const statWatchers = new Map();
class StatWatcher extends EventEmitter {
  constructor(path, interval, persistent, bigint) {
    super();
    this._path = path;
    this._bigint = bigint;
    this._prev = this._stat();
    this._missing = this._prev === null;
    if (this._prev === null) this._prev = statsFrom(new Array(22).fill(0), this._bigint);
    this._timer = setInterval(() => this._poll(), interval);
    if (!persistent) this._timer.unref();
    // As Node: a file missing from the start is reported once, zeroed on both sides.
    if (this._missing) setTimeout(() => { if (statWatchers.get(path) === this) this.emit('change', this._prev, this._prev); }, interval).unref();
  }
  _stat() {
    const r = ops.op_fs_stat(this._path, true);
    return r && r.__feError ? null : statsFrom(r, this._bigint);
  }
  _poll() {
    let curr = this._stat();
    const missing = curr === null;
    if (missing) {
      if (this._missing) return;
      curr = statsFrom(new Array(22).fill(0), this._bigint);
    } else {
      const p = this._prev;
      if (!this._missing && curr.mtimeMs === p.mtimeMs && curr.ctimeMs === p.ctimeMs && curr.size === p.size &&
        curr.ino === p.ino && curr.dev === p.dev && curr.mode === p.mode && curr.uid === p.uid && curr.gid === p.gid) return;
    }
    this._missing = missing;
    const prev = this._prev;
    this._prev = curr;
    this.emit('change', curr, prev);
  }
  stop() {
    // Stopping a stopped watcher does nothing (one 'stop' event).
    if (this._stopped) return;
    this._stopped = true;
    clearInterval(this._timer);
    if (statWatchers.get(this._path) === this) statWatchers.delete(this._path);
    nextTick(() => this.emit('stop'));
  }
  ref() { this._timer.ref(); return this; }
  unref() { this._timer.unref(); return this; }
}
fs.watchFile = (filename, options, listener) => {
  if (typeof options === 'function') { listener = options; options = {}; }
  options = options || {};
  if (typeof listener !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "listener" argument must be of type function. Received${describe(listener)}`);
  const p = toPath(filename, 'filename');
  let watcher = statWatchers.get(p);
  if (!watcher) {
    watcher = new StatWatcher(p, options.interval || 5007, options.persistent !== false, !!options.bigint);
    statWatchers.set(p, watcher);
  }
  watcher.on('change', listener);
  return watcher;
};
fs.unwatchFile = (filename, listener) => {
  const p = toPath(filename, 'filename');
  const watcher = statWatchers.get(p);
  if (!watcher) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) watcher.stop();
};
fs.StatWatcher = StatWatcher;
fs.FSWatcher = FSWatcher;
