// zlib: Node 20's zlib module over the system's zlib and brotli (ZlibOps.swift). Each stream
// object (Gzip, Inflate, BrotliCompress, ...) is a Transform owning one native stream; a write
// runs the engine the way Node's binding does and pushes its output in the same chunks. The
// convenience functions (gzip, gunzipSync, ...) are streams written once, as in Node: the sync
// forms run on this thread, the callback forms on the worker pool.
// Uses from earlier files: 00-core.js (core, define, traceOn); 02-errors.js (nodeError, invalidArgType, outOfRange); 03-loop.js (nextTick, opAsync); 10-builtins.js (util, registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (uncaughtIn, nodeStream).
(() => {
  const { Transform, finished } = nodeStream;

  const [, zlibVernum] = ops.op_zlib_version();
  const constants = {
    __proto__: null,
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: zlibVernum,
    DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
    Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity,
    Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1,
    Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0,
    BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11,
    BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
    BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6,
    BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
    BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
    BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1,
    BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
    BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
    BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
    BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
    BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
    BROTLI_DECODER_ERROR_UNREACHABLE: -31,
  };
  Object.freeze(constants);
  const {
    Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_MIN_CHUNK, Z_DEFAULT_CHUNK,
    Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION,
    Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
    DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
    BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
  } = constants;

  const codes = {
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  };
  for (const name of Object.keys(codes)) codes[codes[name]] = name;

  // buffer.kMaxLength as it is when zlib is first loaded (Node's zlib reads it at load).
  let kMaxLength = 2 ** 32;
  const kMaxBrotliParam = 8;
  const kError = Symbol('kError');
  const kFlushFlag = Symbol('kFlushFlag');

  // Zero-length chunks that carry a flush kind through the stream to _transform.
  const flushBuffers = [];
  for (const kind of [Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK]) {
    flushBuffers[kind] = Buffer.alloc(0);
    flushBuffers[kind][kFlushFlag] = kind;
  }
  // How much each flush kind flushes, to combine a chunk's own flush with the final one.
  const flushiness = [];
  [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH].forEach((kind, i) => { flushiness[kind] = i; });
  const maxFlush = (a, b) => (flushiness[a] > flushiness[b] ? a : b);

  // Node's option validators.
  function validateFiniteNumber(number, name) {
    if (number === undefined) return false;
    if (Number.isFinite(number)) return true;
    if (Number.isNaN(number)) return false;
    if (typeof number !== 'number') throw invalidArgType(name, 'number', number);
    throw outOfRange(name, 'a finite number', number);
  }
  function checkRangesOrGetDefault(number, name, lower, upper, def) {
    if (!validateFiniteNumber(number, name)) return def;
    if (number < lower || number > upper) throw outOfRange(name, `>= ${lower} and <= ${upper}`, number);
    return number;
  }
  const isAnyArrayBuffer = (v) => util.types.isAnyArrayBuffer(v);

  function zlibError({ message, code, errno }) {
    // brotli names its errors as its newer releases do: ERR__ERROR_FORMAT_...
    if (message === 'Decompression failed') {
      const name = Object.keys(constants).find((k) => k.startsWith('BROTLI_DECODER_ERROR_') && constants[k] === errno);
      if (name) code = `ERR_${name.slice('BROTLI_DECODER'.length)}`;
    }
    const e = new Error(message);
    e.errno = errno;
    e.code = code;
    return e;
  }
  const tooLarge = (max) => nodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${max} bytes`);

  // The native stream of one zlib object.
  class Handle {
    constructor(mode, windowBits, level, memLevel, strategy, dictionary, chunkSize, brotliParams) {
      const id = ops.op_zlib_new(mode, level, windowBits, memLevel, strategy, dictionary, chunkSize, brotliParams);
      if (typeof id !== 'number') throw nodeError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
      this.id = id;
    }
    close() { ops.op_zlib_close(this.id); }
  }

  function closeHandle(engine) {
    if (engine._handle) engine._handle.close();
    engine._handle = null;
  }

  function onEngineError(engine, record) {
    const error = zlibError(record.zlibError);
    engine.destroy(error);
    engine[kError] = error;
    return error;
  }

  // Pushes one write's output in the chunks the engine produced it in.
  function pushOutput(engine, out, sizes) {
    const buf = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    let offset = 0;
    for (const n of sizes) {
      engine.push(buf.subarray(offset, offset + n));
      offset += n;
    }
  }

  function processChunk(engine, chunk, flushFlag, cb) {
    const handle = engine._handle;
    if (!handle) {
      nextTick(cb);
      return;
    }
    opAsync(ops.op_zlib_write_async, handle.id, flushFlag, chunk, Infinity).then(uncaughtIn((result) => {
      if (engine.destroyed) {
        cb();
        return;
      }
      if (result.zlibError) {
        onEngineError(engine, result);
        return;
      }
      const [out, availInAfter, sizes] = result;
      engine.bytesWritten += chunk.byteLength - availInAfter;
      pushOutput(engine, out, sizes);
      // Input left over with room to spare: the compressed stream ended early.
      if (availInAfter > 0) engine.push(null);
      cb();
    }), uncaughtIn((err) => engine.destroy(err)));
  }

  function processChunkSync(engine, chunk, flushFlag) {
    if (traceOn.syncIO) core.printSyncTrace(processChunkSync);
    const handle = engine._handle;
    if (!handle) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
    // The error is thrown here; the stream's own 'error' event must not also be uncaught.
    engine.on('error', () => {});
    const result = ops.op_zlib_write(handle.id, flushFlag, chunk, engine._maxOutputLength);
    if (result.zlibError) {
      if (result.zlibError.code === 'ERR_BUFFER_TOO_LARGE') {
        closeHandle(engine);
        throw tooLarge(engine._maxOutputLength);
      }
      throw onEngineError(engine, result);
    }
    if (engine[kError]) throw engine[kError];
    const [out, availInAfter] = result;
    engine.bytesWritten = chunk.byteLength - availInAfter;
    closeHandle(engine);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  // ZlibBase: what every zlib and brotli stream shares.
  function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
    let chunkSize = Z_DEFAULT_CHUNK;
    let maxOutputLength = kMaxLength;
    const [lowFlush, highFlush] = mode === BROTLI_ENCODE || mode === BROTLI_DECODE
      ? [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA] : [Z_NO_FLUSH, Z_BLOCK];
    if (opts) {
      chunkSize = opts.chunkSize;
      if (!validateFiniteNumber(chunkSize, 'options.chunkSize')) chunkSize = Z_DEFAULT_CHUNK;
      else if (chunkSize < Z_MIN_CHUNK) throw outOfRange('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
      flush = checkRangesOrGetDefault(opts.flush, 'options.flush', lowFlush, highFlush, flush);
      finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', lowFlush, highFlush, finishFlush);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
      }
    }
    Transform.call(this, { autoDestroy: true, ...opts });
    this[kError] = null;
    this.bytesWritten = 0;
    define(this, '_handle', handle(chunkSize));
    define(this, '_chunkSize', chunkSize);
    define(this, '_defaultFlushFlag', flush);
    define(this, '_finishFlushFlag', finishFlush);
    define(this, '_defaultFullFlushFlag', fullFlush);
    define(this, '_info', opts && opts.info);
    define(this, '_maxOutputLength', maxOutputLength);
  }
  Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
  Object.setPrototypeOf(ZlibBase, Transform);

  Object.defineProperty(ZlibBase.prototype, '_closed', {
    configurable: true, enumerable: true, get() { return !this._handle; },
  });
  Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
    configurable: true,
    enumerable: true,
    // Deprecated (DEP0108), as in Node.
    get: util.deprecate(function () { return this.bytesWritten; },
      'zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.', 'DEP0108'),
    set: util.deprecate(function (value) { this.bytesWritten = value; },
      'Setting zlib.bytesRead is deprecated. This feature will be removed in the future.', 'DEP0108'),
  });

  ZlibBase.prototype.reset = function reset() {
    if (!this._handle) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
    const failed = ops.op_zlib_reset(this._handle.id);
    if (failed) onEngineError(this, failed);
  };

  // The end of the writes: one more (empty) write with the final flush.
  ZlibBase.prototype._flush = function _flush(callback) {
    this._transform(Buffer.alloc(0), '', callback);
  };

  ZlibBase.prototype._final = function _final(callback) { callback(); };

  ZlibBase.prototype.flush = function flush(kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      this.write(flushBuffers[kind], '', callback);
    }
  };

  ZlibBase.prototype.close = function close(callback) {
    if (callback) finished(this, callback);
    this.destroy();
  };

  ZlibBase.prototype._destroy = function _destroy(err, callback) {
    closeHandle(this);
    callback(err);
  };

  ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
    let flushFlag = this._defaultFlushFlag;
    if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
    // The last chunk written before end() also finishes the stream.
    if (this.writableEnded && this.writableLength === chunk.byteLength) flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
    processChunk(this, chunk, flushFlag, cb);
  };

  // Kept for code that drives a zlib object by hand, as Node keeps it.
  ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
    if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
    else return processChunkSync(this, chunk, flushFlag);
  };

  const zlibDefaultOpts = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };
  const brotliDefaultOpts = { flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH, fullFlush: BROTLI_OPERATION_FLUSH };

  function Zlib(opts, mode) {
    let windowBits = Z_DEFAULT_WINDOWBITS;
    let level = Z_DEFAULT_COMPRESSION;
    let memLevel = Z_DEFAULT_MEMLEVEL;
    let strategy = Z_DEFAULT_STRATEGY;
    let dictionary;
    if (opts) {
      // For decompression 0 means "the window size in the stream's header".
      if ((opts.windowBits == null || opts.windowBits === 0) && (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
        windowBits = 0;
      } else {
        // gzip cannot use an 8-bit window.
        windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0),
          Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
      }
      level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
      dictionary = opts.dictionary;
      if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
        if (isAnyArrayBuffer(dictionary)) dictionary = Buffer.from(dictionary);
        else throw invalidArgType('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
    }
    ZlibBase.call(this, opts, mode,
      (chunkSize) => new Handle(mode, windowBits, level, memLevel, strategy, dictionary, chunkSize), zlibDefaultOpts);
    define(this, '_level', level);
    define(this, '_strategy', strategy);
  }
  Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(Zlib, ZlibBase);

  Zlib.prototype.params = function params(level, strategy, callback) {
    checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
    checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
    if (this._level !== level || this._strategy !== strategy) {
      this.flush(Z_SYNC_FLUSH, () => {
        if (!this._handle) throw nodeError(Error, 'ERR_ZLIB_BINDING_CLOSED', 'zlib binding closed');
        const failed = ops.op_zlib_params(this._handle.id, level, strategy);
        if (failed) {
          onEngineError(this, failed);
          return;
        }
        if (!this.destroyed) {
          this._level = level;
          this._strategy = strategy;
          if (callback) callback();
        }
      });
    } else {
      nextTick(callback);
    }
  };

  function Brotli(opts, mode) {
    const params = [];
    if (opts && opts.params) {
      const seen = new Set();
      for (const origKey of Object.keys(opts.params)) {
        const key = +origKey;
        if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || seen.has(key)) {
          throw nodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${origKey} is not a valid Brotli parameter`);
        }
        const value = opts.params[origKey];
        if (typeof value !== 'number' && typeof value !== 'boolean') throw invalidArgType('options.params[key]', 'number', value);
        seen.add(key);
        params.push(key, Number(value));
      }
    }
    ZlibBase.call(this, opts, mode, (chunkSize) => new Handle(mode, 0, 0, 0, 0, undefined, chunkSize, params), brotliDefaultOpts);
  }
  Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(Brotli, ZlibBase);

  // The public classes: callable with or without `new`.
  function engineClass(name, Base, mode) {
    const ctor = {
      [name]: function (opts) { // eslint-disable-line object-shorthand -- a method could not be a constructor
        // Node's DeflateRaw takes windowBits 8 as 9 (zlib refuses 8 for raw deflate).
        if (mode === DEFLATERAW && opts && opts.windowBits === 8) opts.windowBits = 9;
        if (!(this instanceof ctor)) return new ctor(opts);
        Base.call(this, opts, mode);
      },
    }[name];
    Object.setPrototypeOf(ctor.prototype, Base.prototype);
    Object.setPrototypeOf(ctor, Base);
    return ctor;
  }
  const Deflate = engineClass('Deflate', Zlib, DEFLATE);
  const Inflate = engineClass('Inflate', Zlib, INFLATE);
  const Gzip = engineClass('Gzip', Zlib, GZIP);
  const Gunzip = engineClass('Gunzip', Zlib, GUNZIP);
  const DeflateRaw = engineClass('DeflateRaw', Zlib, DEFLATERAW);
  const InflateRaw = engineClass('InflateRaw', Zlib, INFLATERAW);
  const Unzip = engineClass('Unzip', Zlib, UNZIP);
  const BrotliCompress = engineClass('BrotliCompress', Brotli, BROTLI_ENCODE);
  const BrotliDecompress = engineClass('BrotliDecompress', Brotli, BROTLI_DECODE);

  // One buffer in, one buffer out.
  function zlibBufferSync(engine, buffer) {
    if (typeof buffer === 'string') {
      buffer = Buffer.from(buffer);
    } else if (!ArrayBuffer.isView(buffer)) {
      if (isAnyArrayBuffer(buffer)) buffer = Buffer.from(buffer);
      else throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
    }
    buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
    return engine._info ? { buffer, engine } : buffer;
  }

  function zlibBuffer(engine, buffer, callback) {
    if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
    if (ArrayBuffer.isView(buffer) && !(buffer instanceof Uint8Array)) buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    else if (isAnyArrayBuffer(buffer)) buffer = Buffer.from(buffer);
    const buffers = [];
    let nread = 0;
    engine.on('data', (chunk) => {
      buffers.push(chunk);
      nread += chunk.length;
      if (nread > engine._maxOutputLength) {
        engine.close();
        engine.removeAllListeners('end');
        callback(tooLarge(engine._maxOutputLength));
      }
    });
    engine.on('error', (err) => {
      engine.removeAllListeners('end');
      callback(err);
    });
    engine.on('end', () => {
      const buf = nread === 0 ? Buffer.alloc(0) : buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
      engine.close();
      if (engine._info) callback(null, { buffer: buf, engine });
      else callback(null, buf);
    });
    engine.end(buffer);
  }

  function convenience(Ctor, sync) {
    if (sync) return function syncBufferWrapper(buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); };
    return function asyncBufferWrapper(buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Ctor(opts), buffer, callback);
    };
  }

  function crc32(data, value = 0) {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    if (typeof value !== 'number') throw invalidArgType('value', 'number', value);
    if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
    if (value < 0 || value > 4294967295) throw outOfRange('value', '>= 0 && <= 4294967295', value);
    return ops.op_zlib_crc32(typeof data === 'string' ? Buffer.from(data) : data, value);
  }

  const zlib = {
    crc32, Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
    deflate: convenience(Deflate, false), deflateSync: convenience(Deflate, true),
    gzip: convenience(Gzip, false), gzipSync: convenience(Gzip, true),
    deflateRaw: convenience(DeflateRaw, false), deflateRawSync: convenience(DeflateRaw, true),
    unzip: convenience(Unzip, false), unzipSync: convenience(Unzip, true),
    inflate: convenience(Inflate, false), inflateSync: convenience(Inflate, true),
    gunzip: convenience(Gunzip, false), gunzipSync: convenience(Gunzip, true),
    inflateRaw: convenience(InflateRaw, false), inflateRawSync: convenience(InflateRaw, true),
    brotliCompress: convenience(BrotliCompress, false), brotliCompressSync: convenience(BrotliCompress, true),
    brotliDecompress: convenience(BrotliDecompress, false), brotliDecompressSync: convenience(BrotliDecompress, true),
  };
  for (const [name, Ctor] of [['Deflate', Deflate], ['Inflate', Inflate], ['DeflateRaw', DeflateRaw], ['InflateRaw', InflateRaw],
    ['Gzip', Gzip], ['Gunzip', Gunzip], ['Unzip', Unzip], ['BrotliCompress', BrotliCompress], ['BrotliDecompress', BrotliDecompress]]) {
    zlib[`create${name}`] = (options) => new Ctor(options);
  }
  // As Node's: constants not configurable, codes (frozen) not writable.
  Object.defineProperties(zlib, {
    constants: { configurable: false, enumerable: true, writable: true, value: constants },
    codes: { configurable: true, enumerable: true, writable: false, value: Object.freeze(codes) },
  });
  // The legacy top-level constants (zlib.Z_NO_FLUSH...): read-only and not enumerable, as in Node.
  for (const name of Object.keys(constants)) {
    if (name.startsWith('BROTLI')) continue;
    Object.defineProperty(zlib, name, { value: constants[name], enumerable: false, writable: false, configurable: false });
  }
  // The constants without loading the module, for internalBinding('constants') (47-internals.js).
  core.zlibConstants = constants;
  registerLazyBuiltin('zlib', () => {
    kMaxLength = requireBuiltin('buffer').kMaxLength;
    return zlib;
  });
})();
