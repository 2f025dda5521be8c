// fs: each operation is one native op with a sync form (ops.op_fs_x) and an async form
// (ops.op_fs_x_async, run on the worker pool). The sync, promise and callback APIs below are
// generated from one table so they cannot drift apart.
// Uses from earlier files: 00-core.js (core, define, opError, check); 01-inspect.js (inspect); 02-errors.js (typeError); 03-loop.js (nextTick, setTimeout, setInterval, opAsync, describe); 04-events.js (EventEmitter); 05-process.js (process); 07-path.js (path).
function toPath(p, name = 'path') {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) throw typeError('ERR_INVALID_ARG_VALUE', `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${inspect(p)}`);
    return p;
  }
  if (p instanceof URL) return fileURLToPath(p);
  if (p instanceof Uint8Array) return ops.op_utf8_decode(p);
  throw typeError('ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string or an instance of Buffer or URL. Received${describe(p)}`);
}
function encodingOf(options) {
  if (typeof options === 'string') return options;
  if (options && typeof options === 'object') return options.encoding || null;
  return null;
}
class Stats {
  // `a` is the Float64Array an op returns (see FsOps.statArray for the order).
  constructor(a) {
    this.dev = a[0]; this.mode = a[1]; this.nlink = a[2]; this.uid = a[3]; this.gid = a[4]; this.rdev = a[5];
    this.blksize = a[6]; this.ino = a[7]; this.size = a[8]; this.blocks = a[9];
    this.atimeMs = a[10]; this.mtimeMs = a[11]; this.ctimeMs = a[12]; this.birthtimeMs = a[13];
    this.atime = new Date(this.atimeMs); this.mtime = new Date(this.mtimeMs);
    this.ctime = new Date(this.ctimeMs); this.birthtime = new Date(this.birthtimeMs);
  }
  isFile() { return (this.mode & 0o170000) === 0o100000; }
  isDirectory() { return (this.mode & 0o170000) === 0o040000; }
  isSymbolicLink() { return (this.mode & 0o170000) === 0o120000; }
  isFIFO() { return (this.mode & 0o170000) === 0o010000; }
  isSocket() { return (this.mode & 0o170000) === 0o140000; }
  isCharacterDevice() { return (this.mode & 0o170000) === 0o020000; }
  isBlockDevice() { return (this.mode & 0o170000) === 0o060000; }
}
class Dirent {
  constructor(name, type, parentPath) { this.name = name; this._type = type; this.parentPath = parentPath; this.path = parentPath; }
  isFile() { return this._type === 1; }
  isDirectory() { return this._type === 2; }
  isSymbolicLink() { return this._type === 3; }
  isFIFO() { return this._type === 4; }
  isSocket() { return this._type === 5; }
  isCharacterDevice() { return this._type === 6; }
  isBlockDevice() { return this._type === 7; }
}
function decodeBytes(bytes, encoding) {
  if (!encoding || encoding === 'buffer') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (encoding === 'utf8' || encoding === 'utf-8') return ops.op_utf8_decode(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(encoding);
}
function dataBytes(data, options) {
  if (typeof data === 'string') {
    const enc = encodingOf(options);
    return enc && enc !== 'utf8' && enc !== 'utf-8' ? Buffer.from(data, enc) : data;
  }
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw typeError('ERR_INVALID_ARG_TYPE', `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received${describe(data)}`);
}
const O = { O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0o100, O_EXCL: 0o200, O_NOCTTY: 0o400, O_TRUNC: 0o1000,
  O_APPEND: 0o2000, O_DIRECTORY: 0o200000, O_NOFOLLOW: 0o400000, O_SYNC: 0o4010000, O_DSYNC: 0o10000 };
function openFlags(flags) {
  if (typeof flags === 'number') return flags;
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
    case 'a+': return O.O_APPEND | O.O_CREAT | O.O_RDWR;
    case 'ax+': case 'xa+': return O.O_APPEND | O.O_CREAT | O.O_RDWR | O.O_EXCL;
  }
  throw typeError('ERR_INVALID_ARG_VALUE', `The argument 'flags' is invalid. Received ${inspect(flags)}`);
}
const modeOf = (m, d) => (m === undefined || m === null ? d : typeof m === 'string' ? parseInt(m, 8) : m);

// Each entry: (run, ...args) => result, where run(opName, ...opArgs) is the sync or async op
// runner. Results of async runs are promises, so entries that post-process use `then`.
const fsTable = {
  readFile(run, p, options) {
    const enc = encodingOf(options);
    if (p instanceof FileHandle) return then(run('op_fs_read_at', p.fd, 2 ** 31 - 1, -1), (b) => decodeBytes(b, enc));
    if (typeof p === 'number') return then(run('op_fs_read_at', p, 2 ** 31 - 1, -1), (b) => decodeBytes(b, enc));
    return then(run('op_fs_read', toPath(p)), (b) => decodeBytes(b, enc));
  },
  writeFile(run, p, data, options) {
    const flag = (options && typeof options === 'object' && options.flag) || 'w';
    const mode = modeOf(options && typeof options === 'object' ? options.mode : undefined, 0o666);
    if (p instanceof FileHandle || typeof p === 'number') return then(run('op_fs_write_at', p.fd ?? p, dataBytes(data, options), -1), () => undefined);
    return run('op_fs_write', toPath(p), dataBytes(data, options), flag, mode);
  },
  appendFile(run, p, data, options) {
    const mode = modeOf(options && typeof options === 'object' ? options.mode : undefined, 0o666);
    if (p instanceof FileHandle || typeof p === 'number') return then(run('op_fs_write_at', p.fd ?? p, dataBytes(data, options), -1), () => undefined);
    return run('op_fs_write', toPath(p), dataBytes(data, options), 'a', mode);
  },
  stat(run, p, options) {
    return then(run('op_fs_stat', toPath(p), true), (a) => new Stats(a));
  },
  lstat(run, p, options) { return then(run('op_fs_stat', toPath(p), false), (a) => new Stats(a)); },
  fstat(run, fd) { return then(run('op_fs_fstat', fd), (a) => new Stats(a)); },
  readdir(run, p, options) {
    const dir = toPath(p);
    const withTypes = options && typeof options === 'object' && options.withFileTypes;
    const enc = encodingOf(options);
    const name = (n) => (enc === 'buffer' ? Buffer.from(n) : n);
    if (options && typeof options === 'object' && options.recursive) {
      // Breadth-first like Node: a directory's entries, then each subdirectory's.
      const out = [];
      const walk = (rel) => then(run('op_fs_readdir', rel ? path.join(dir, rel) : dir), (entries) => {
        const subdirs = [];
        for (const [n, type] of entries) {
          const r = rel ? path.join(rel, n) : n;
          out.push(withTypes ? new Dirent(n, type, rel ? path.join(dir, rel) : dir) : name(r));
          if (type === 2) subdirs.push(r);
        }
        return subdirs.reduce((acc, s) => then(acc, () => walk(s)), undefined);
      });
      return then(walk(''), () => out);
    }
    return then(run('op_fs_readdir', dir), (entries) => entries.map(([n, type]) => (withTypes ? new Dirent(n, type, dir) : name(n))));
  },
  mkdir(run, p, options) {
    const recursive = typeof options === 'object' && options !== null && !!options.recursive;
    const mode = modeOf(typeof options === 'object' && options ? options.mode : options, 0o777);
    return then(run('op_fs_mkdir', toPath(p), recursive, mode), (r) => (r === null ? undefined : r));
  },
  rm(run, p, options) { return run('op_fs_rm', toPath(p), !!(options && options.recursive), !!(options && options.force), false); },
  rmdir(run, p, options) { return run('op_fs_rm', toPath(p), !!(options && options.recursive), false, true); },
  unlink(run, p) { return run('op_fs_unlink', toPath(p)); },
  rename(run, a, b) { return run('op_fs_rename', toPath(a, 'oldPath'), toPath(b, 'newPath')); },
  copyFile(run, a, b, mode) { return run('op_fs_copy', toPath(a, 'src'), toPath(b, 'dest'), mode | 0); },
  realpath(run, p) { return run('op_fs_realpath', toPath(p)); },
  access(run, p, mode) { return run('op_fs_access', toPath(p), mode === undefined ? 0 : mode); },
  symlink(run, target, p) { return run('op_fs_symlink', toPath(target, 'target'), toPath(p)); },
  readlink(run, p) { return run('op_fs_readlink', toPath(p)); },
  chmod(run, p, mode) { return run('op_fs_chmod', toPath(p), modeOf(mode, 0)); },
  utimes(run, p, atime, mtime) { return run('op_fs_utimes', toPath(p), toSeconds(atime), toSeconds(mtime)); },
  mkdtemp(run, prefix) { return run('op_fs_mkdtemp', String(prefix)); },
  truncate(run, p, len = 0) {
    return then(run('op_fs_open', toPath(p), O.O_WRONLY, 0), (fd) => then(run('op_fs_ftruncate', fd, len), () => run('op_fs_close', fd)));
  },
  open(run, p, flags, mode) { return run('op_fs_open', toPath(p), openFlags(flags), modeOf(mode, 0o666)); },
  close(run, fd) { return run('op_fs_close', fd); },
  ftruncate(run, fd, len = 0) { return run('op_fs_ftruncate', fd, len); },
  fsync(run, fd) { return run('op_fs_fsync', fd); },
  cp(run, src, dest, options) {
    const recursive = !!(options && options.recursive);
    const from = toPath(src, 'src'), to = toPath(dest, 'dest');
    const copy = (a, b) => then(run('op_fs_stat', a, true), (st) => {
      const s = new Stats(st);
      if (!s.isDirectory()) return run('op_fs_copy', a, b, options && options.errorOnExist && options.force === false ? 1 : 0);
      if (!recursive) {
        const e = new Error(`Recursive option is required to copy a directory: ${a}`);
        e.code = 'ERR_FS_EISDIR';
        throw e;
      }
      return then(run('op_fs_mkdir', b, true, 0o777), () => then(run('op_fs_readdir', a), (entries) =>
        entries.reduce((acc, [n]) => then(acc, () => copy(path.join(a, n), path.join(b, n))), undefined)));
    });
    return copy(from, to);
  },
};
function toSeconds(t) {
  if (t instanceof Date) return t.getTime() / 1000;
  if (typeof t === 'string') return Number(t);
  return t;
}
// `then` works on plain values (sync runs) and promises (async runs) alike.
function then(v, f) { return v instanceof Promise ? v.then(f) : f(v); }
const runSync = (op, ...args) => check(ops[op](...args));
const runAsync = (op, ...args) => opAsync(ops[op + '_async'], ...args);

const fsSync = {};
const fsPromises = {};
const fsCallbacks = {};
for (const [name, impl] of Object.entries(fsTable)) {
  fsSync[name + 'Sync'] = (...args) => impl(runSync, ...args);
  fsPromises[name] = (...args) => {
    try { return Promise.resolve(impl(runAsync, ...args)); } catch (e) { return Promise.reject(e); }
  };
  fsCallbacks[name] = (...args) => {
    const cb = args.pop();
    if (typeof cb !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', `The "cb" argument must be of type function. Received${describe(cb)}`);
    fsPromises[name](...args).then((v) => cb(null, v), (e) => cb(e));
  };
}
// Node's extra sync-only behaviour: throwIfNoEntry, fd 0 as stdin.
fsSync.statSync = (p, options) => {
  const r = ops.op_fs_stat(toPath(p), true);
  if (r && r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
  return new Stats(check(r));
};
fsSync.lstatSync = (p, options) => {
  const r = ops.op_fs_stat(toPath(p), false);
  if (r && r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
  return new Stats(check(r));
};
const readFileSyncBase = fsSync.readFileSync;
fsSync.readFileSync = (p, options) => {
  if (p === 0 || p === '/dev/stdin') return decodeBytes(check(ops.op_fs_read_fd(0)), encodingOf(options));
  return readFileSyncBase(p, options);
};
fsSync.existsSync = (p) => {
  try { const r = ops.op_fs_stat(toPath(p), true); return !(r && r.__feError); } catch { return false; }
};
fsCallbacks.exists = (p, cb) => { fsPromises.access(p).then(() => cb(true), () => cb(false)); };
fsSync.readSync = (fd, buffer, offsetOrOptions, length, position) => {
  let offset = offsetOrOptions;
  if (typeof offsetOrOptions === 'object' && offsetOrOptions !== null) ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  offset = offset || 0;
  if (length === undefined) length = buffer.byteLength - offset;
  const bytes = check(ops.op_fs_read_at(fd, length, position === null || position === undefined ? -1 : Number(position)));
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(bytes, offset);
  return bytes.length;
};
fsSync.writeSync = (fd, data, offsetOrPosition, lengthOrEncoding, position) => {
  let bytes;
  if (typeof data === 'string') {
    bytes = dataBytes(data, typeof lengthOrEncoding === 'string' ? lengthOrEncoding : undefined);
    position = offsetOrPosition;
  } else {
    const offset = offsetOrPosition || 0;
    const length = lengthOrEncoding === undefined ? data.byteLength - offset : lengthOrEncoding;
    bytes = new Uint8Array(data.buffer, data.byteOffset + offset, length);
  }
  return check(ops.op_fs_write_at(fd, bytes, position === null || position === undefined ? -1 : Number(position)));
};
fsSync.realpathSync.native = fsSync.realpathSync;
fsCallbacks.realpath.native = fsCallbacks.realpath;

// FileHandle: fs.promises.open's result.
class FileHandle extends EventEmitter {
  constructor(fd) { super(); this.fd = fd; this._closed = false; }
  async read(buffer, offset = 0, length, position = null) {
    if (buffer === undefined || (typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
      const o = buffer || {};
      buffer = o.buffer || Buffer.alloc(16384);
      offset = o.offset || 0; length = o.length; position = o.position ?? null;
    }
    if (length === undefined) length = buffer.byteLength - offset;
    const bytes = await runAsync('op_fs_read_at', this.fd, length, position === null ? -1 : Number(position));
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(bytes, offset);
    return { bytesRead: bytes.length, buffer };
  }
  async write(data, offsetOrPosition, lengthOrEncoding, position) {
    let bytes;
    if (typeof data === 'string') { bytes = dataBytes(data, lengthOrEncoding); position = offsetOrPosition; }
    else {
      const offset = offsetOrPosition || 0;
      const length = lengthOrEncoding === undefined ? data.byteLength - offset : lengthOrEncoding;
      bytes = new Uint8Array(data.buffer, data.byteOffset + offset, length);
    }
    const n = await runAsync('op_fs_write_at', this.fd, bytes, position === null || position === undefined ? -1 : Number(position));
    return { bytesWritten: n, buffer: data };
  }
  readFile(options) { return fsPromises.readFile(this, options); }
  writeFile(data, options) { return fsPromises.writeFile(this, data, options); }
  appendFile(data, options) { return fsPromises.appendFile(this, data, options); }
  stat() { return runAsync('op_fs_fstat', this.fd).then((a) => new Stats(a)); }
  truncate(len = 0) { return runAsync('op_fs_ftruncate', this.fd, len); }
  sync() { return runAsync('op_fs_fsync', this.fd); }
  datasync() { return runAsync('op_fs_fsync', this.fd); }
  async close() {
    if (this._closed) return;
    this._closed = true;
    await runAsync('op_fs_close', this.fd);
    this.emit('close');
  }
  [Symbol.asyncDispose]() { return this.close(); }
}
const promisesOpen = fsPromises.open;
fsPromises.open = async (p, flags, mode) => new FileHandle(await promisesOpen(p, flags, mode));
fsPromises.constants = fsCallbacks.constants;
for (const k of ['fstat', 'close', 'ftruncate', 'fsync']) delete fsPromises[k];

const fs = {
  ...fsCallbacks,
  ...fsSync,
  promises: fsPromises,
  constants: { ...O, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
    S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK: 0o120000 },
  Stats, Dirent,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
};
fs.read = (fd, buffer, offset, length, position, cb) => {
  if (typeof offset === 'function') { cb = offset; offset = 0; length = buffer.byteLength; position = null; }
  runAsync('op_fs_read_at', fd, length, position === null || position === undefined ? -1 : Number(position)).then((bytes) => {
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(bytes, offset);
    cb(null, bytes.length, buffer);
  }, (e) => cb(e));
};
fs.write = (fd, data, ...rest) => {
  const cb = rest.pop();
  new FileHandle(fd).write(data, ...rest).then(({ bytesWritten, buffer }) => cb(null, bytesWritten, buffer), (e) => cb(e));
};
fsPromises.constants = fs.constants;

// fs.watch (inotify, see WatchOps.swift) and fs.watchFile (stat polling, as Node does).
const watchers = new Map();
class FSWatcher extends EventEmitter {
  constructor(id) { super(); this._id = id; this._closed = false; this._refed = true; }
  close() {
    if (this._closed) return;
    this._closed = true;
    watchers.delete(this._id);
    ops.op_fs_watch_stop(this._id);
    if (!this._refed) ops.op_fs_watch_ref(this._id, true); // the native side releases once on stop
    nextTick(() => this.emit('close'));
  }
  ref() { if (!this._refed && !this._closed) { this._refed = true; ops.op_fs_watch_ref(this._id, true); } return this; }
  unref() { if (this._refed && !this._closed) { this._refed = false; ops.op_fs_watch_ref(this._id, false); } return this; }
}
core.onWatchEvent = (id, type, name) => {
  const w = watchers.get(id);
  if (w && !w._closed) w.emit('change', type, w._buffer ? Buffer.from(name) : name);
};
fs.watch = (filename, options, listener) => {
  if (typeof options === 'function') { listener = options; options = {}; }
  if (typeof options === 'string') options = { encoding: options };
  options = options || {};
  const path = toPath(filename, 'filename');
  const r = ops.op_fs_watch_start(path, !!options.recursive);
  if (r !== null && typeof r === 'object' && r.__feError) {
    const e = opError(r.__feError);
    e.filename = path;
    throw e;
  }
  const id = r;
  const w = new FSWatcher(id);
  w._buffer = options.encoding === 'buffer';
  watchers.set(id, w);
  if (options.persistent === false) w.unref();
  if (typeof listener === 'function') w.on('change', listener);
  if (options.signal) {
    if (options.signal.aborted) nextTick(() => w.close());
    else options.signal.addEventListener('abort', () => w.close(), { once: true });
  }
  return w;
};
fsPromises.watch = (filename, options = {}) => {
  const queue = [];
  let wake = null;
  const signal = options.signal;
  const w = fs.watch(filename, { ...options, signal: undefined }, (eventType, name) => {
    queue.push({ eventType, filename: name });
    if (wake) { wake(); wake = null; }
  });
  const abortError = () => {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (signal.reason !== undefined) define(e, 'cause', signal.reason);
    return e;
  };
  if (signal) signal.addEventListener('abort', () => { w.close(); if (wake) { wake(); wake = null; } }, { once: true });
  return {
    [Symbol.asyncIterator]() { return this; },
    async next() {
      if (signal && signal.aborted) { w.close(); throw abortError(); }
      while (queue.length === 0 && !w._closed) await new Promise((r) => { wake = r; });
      if (signal && signal.aborted) throw abortError();
      if (queue.length === 0) return { done: true, value: undefined };
      return { done: false, value: queue.shift() };
    },
    async return() { w.close(); if (wake) wake(); return { done: true, value: undefined }; },
  };
};
// fs.watchFile: Node's StatWatcher, polling stat(). A change is any difference libuv's poller
// sees (times, size, mode, owner, inode, device); a missing file reads as all-zero stats, and
// an error is reported once (Node calls the listener with zeroed stats when it starts missing).
const statWatchers = new Map();
class StatWatcher extends EventEmitter {
  constructor(path, interval, persistent) {
    super();
    this._path = path;
    this._prev = this._stat();
    this._missing = this._prev === null;
    if (this._prev === null) this._prev = new Stats(new Array(14).fill(0));
    this._timer = setInterval(() => this._poll(), interval);
    if (!persistent) this._timer.unref();
    // As Node: a file missing from the start is reported once, zeroed on both sides.
    if (this._missing) setTimeout(() => { if (statWatchers.get(path) === this) this.emit('change', this._prev, this._prev); }, interval).unref();
  }
  _stat() {
    const r = ops.op_fs_stat(this._path, true);
    return r && r.__feError ? null : new Stats(r);
  }
  _poll() {
    let curr = this._stat();
    const missing = curr === null;
    if (missing) {
      if (this._missing) return;
      curr = new Stats(new Array(14).fill(0));
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
    watcher = new StatWatcher(p, options.interval || 5007, options.persistent !== false);
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
