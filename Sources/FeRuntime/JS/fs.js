// fs (the synchronous core; promise and callback forms wrap it)
const textDecoder = { decode: (bytes) => ops.op_utf8_decode(bytes) };
function toPath(p, name = 'path') {
  if (typeof p === 'string') return p;
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
  constructor(a) {
    [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev, this.blksize, this.ino, this.size, this.blocks,
      this.atimeMs, this.mtimeMs, this.ctimeMs, this.birthtimeMs] = a;
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
function decode(bytes, encoding) {
  if (!encoding || encoding === 'buffer') return typeof Buffer === 'function' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
  if (typeof Buffer === 'function') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(encoding);
  return ops.op_utf8_decode(bytes);
}
const fsSync = {
  readFileSync(p, options) {
    const enc = encodingOf(options);
    if (p === 0 || p === '/dev/stdin') return decode(check(ops.op_fs_read_fd(0)), enc);
    return decode(check(ops.op_fs_read(toPath(p))), enc);
  },
  writeFileSync(p, data, options) {
    const flag = (options && typeof options === 'object' && options.flag) || 'w';
    check(ops.op_fs_write(toPath(p), typeof data === 'string' || data instanceof Uint8Array ? data : String(data), flag, (options && options.mode) || 0o666));
  },
  appendFileSync(p, data, options) {
    check(ops.op_fs_write(toPath(p), typeof data === 'string' || data instanceof Uint8Array ? data : String(data), 'a', (options && options.mode) || 0o666));
  },
  existsSync(p) { try { return ops.op_fs_stat(toPath(p), true) !== null && !ops.op_fs_stat(toPath(p), true).__feError; } catch { return false; } },
  statSync(p, options) {
    const r = ops.op_fs_stat(toPath(p), true);
    if (r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
    return new Stats(check(r));
  },
  lstatSync(p, options) {
    const r = ops.op_fs_stat(toPath(p), false);
    if (r.__feError && options && options.throwIfNoEntry === false && r.__feError[0] === 'ENOENT') return undefined;
    return new Stats(check(r));
  },
  readdirSync(p, options) {
    const dir = toPath(p);
    const entries = check(ops.op_fs_readdir(dir));
    const withTypes = options && typeof options === 'object' && options.withFileTypes;
    if (options && typeof options === 'object' && options.recursive) {
      const out = [];
      const walk = (rel) => {
        const full = rel ? path.join(dir, rel) : dir;
        for (const [name, type] of check(ops.op_fs_readdir(full))) {
          const r = rel ? path.join(rel, name) : name;
          out.push(withTypes ? new Dirent(name, type, full) : r);
          if (type === 2) walk(r);
        }
      };
      walk('');
      return out;
    }
    return entries.map(([name, type]) => (withTypes ? new Dirent(name, type, dir) : name));
  },
  mkdirSync(p, options) {
    const recursive = typeof options === 'object' && options !== null && !!options.recursive;
    const mode = (typeof options === 'object' && options && options.mode) || (typeof options === 'number' ? options : 0o777);
    return check(ops.op_fs_mkdir(toPath(p), recursive, mode)) || undefined;
  },
  rmSync(p, options) { check(ops.op_fs_rm(toPath(p), !!(options && options.recursive), !!(options && options.force), false)); },
  rmdirSync(p, options) { check(ops.op_fs_rm(toPath(p), !!(options && options.recursive), false, true)); },
  unlinkSync(p) { check(ops.op_fs_unlink(toPath(p))); },
  renameSync(a, b) { check(ops.op_fs_rename(toPath(a, 'oldPath'), toPath(b, 'newPath'))); },
  copyFileSync(a, b, mode) { check(ops.op_fs_copy(toPath(a, 'src'), toPath(b, 'dest'), mode | 0)); },
  realpathSync(p) { return check(ops.op_fs_realpath(toPath(p))); },
  accessSync(p, mode) { check(ops.op_fs_access(toPath(p), mode === undefined ? 0 : mode)); },
};
fsSync.realpathSync.native = fsSync.realpathSync;
