// stream's operators (readable.map, filter, reduce, ...), stream.compose and Duplex.from: Node's
// own lib/internal/streams/{operators,compose,duplexify}.js (NodeLib/), installed as Node's
// lib/stream.js installs them, over fe's Readable, Writable and Duplex. The vendored files are
// compiled on first use; the methods have Node's names and lengths before that.
// Uses from earlier files: 00-core.js (core); 02-errors.js (nodeError); 08-fs.js (then, FileHandle); 10-builtins.js (util, registerLazyBuiltin, requireBuiltin); 15-streams.js (nodeStream); 43-nodelib.js (nodeLib).
(() => {
  const { Readable, Duplex } = nodeStream;
  const Stream = requireBuiltin('stream');
  const operators = () => nodeLib.load('internal/streams/operators');
  const illegalConstructor = () => nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  function install(key, length, returnsStream) {
    const fn = function (...args) {
      if (new.target) throw illegalConstructor();
      const { streamReturningOperators, promiseReturningOperators } = operators();
      if (returnsStream) return Readable.from(Reflect.apply(streamReturningOperators[key], this, args));
      return Reflect.apply(promiseReturningOperators[key], this, args);
    };
    // asIndexedPairs is wrapped by util.deprecate, whose wrapper Node names it after.
    Object.defineProperty(fn, 'name', { value: key === 'asIndexedPairs' ? 'deprecated' : key });
    Object.defineProperty(fn, 'length', { value: length });
    Object.defineProperty(Readable.prototype, key, { value: fn, enumerable: false, configurable: true, writable: true });
  }
  for (const [key, length] of Object.entries({ asIndexedPairs: 0, drop: 1, filter: 2, flatMap: 2, map: 2, take: 1, compose: 2 })) {
    install(key, length, true);
  }
  for (const [key, length] of Object.entries({ every: 1, forEach: 2, reduce: 3, toArray: 1, some: 1, find: 2 })) {
    install(key, length, false);
  }
  Stream.compose = function compose(...streams) { return nodeLib.load('internal/streams/compose')(...streams); };
  Duplex.from = function (body) { return nodeLib.load('internal/streams/duplexify')(body, 'body'); };

  // WHATWG streams: Node's own lib/internal/webstreams/* and lib/stream/web.js (NodeLib/), as
  // stream/web, the web globals (lazy, as Node's bootstrap exposes them), fetch's bodies
  // (18-fetch.js) and the adapters between them and Node streams.
  registerLazyBuiltin('stream/web', () => nodeLib.load('stream/web'));
  const webInterfaces = {
    transformstream: ['TransformStream', 'TransformStreamDefaultController'],
    writablestream: ['WritableStream', 'WritableStreamDefaultController', 'WritableStreamDefaultWriter'],
    readablestream: ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
      'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController'],
    queuingstrategies: ['ByteLengthQueuingStrategy', 'CountQueuingStrategy'],
    encoding: ['TextEncoderStream', 'TextDecoderStream'],
    compression: ['CompressionStream', 'DecompressionStream'],
  };
  // Node's exposeLazyInterfaces: a non-enumerable accessor that loads the module on first read
  // and then becomes a plain writable property.
  for (const [file, keys] of Object.entries(webInterfaces)) {
    const id = `internal/webstreams/${file}`;
    for (const key of keys) {
      let value;
      const set = function (v) { Object.defineProperty(globalThis, key, { __proto__: null, writable: true, value: v }); };
      Object.defineProperty(set, 'name', { value: `set ${key}` });
      const get = function () {
        if (value === undefined) { value = nodeLib.load(id)[key]; set(value); }
        return value;
      };
      Object.defineProperty(get, 'name', { value: `get ${key}` });
      Object.defineProperty(globalThis, key, { __proto__: null, configurable: true, enumerable: false, get, set });
    }
  }
  // What fetch's bodies and FileHandle.readableWebStream use of them.
  core.webStreams = () => {
    const readable = nodeLib.load('internal/webstreams/readablestream');
    const { kState } = nodeLib.load('internal/webstreams/util');
    return { ReadableStream: readable.ReadableStream, ReadableStreamDefaultReader: readable.ReadableStreamDefaultReader,
      isReadableStream: readable.isReadableStream, readableStreamCancel: readable.readableStreamCancel, kState };
  };
  // Node's deserializer-side constructor lookup for JS transferables ('module:Name').
  core.deserializedObject = (deserializeInfo) => {
    const [module, ctor] = `${deserializeInfo}`.split(':');
    if (ops.op_nodelib_source(module) === undefined && !nodeLib.internals[module] && !core.isBuiltin(module)) {
      throw new TypeError(`Missing internal module '${module}'`);
    }
    const Ctor = nodeLib.load(module)[ctor];
    if (typeof Ctor !== 'function' || typeof Ctor.prototype[core.jsTransferable.kDeserialize] !== 'function') {
      throw new Error(`Unknown deserialize spec ${deserializeInfo}`);
    }
    return new Ctor();
  };
  const adapters = () => nodeLib.load('internal/webstreams/adapters');
  const { Writable } = nodeStream;
  Readable.fromWeb = function (readableStream, options) {
    return adapters().newStreamReadableFromReadableStream(readableStream, options);
  };
  Readable.toWeb = function (streamReadable, options) {
    return adapters().newReadableStreamFromStreamReadable(streamReadable, options);
  };
  Writable.fromWeb = function (writableStream, options) {
    return adapters().newStreamWritableFromWritableStream(writableStream, options);
  };
  Writable.toWeb = function (streamWritable) { return adapters().newWritableStreamFromStreamWritable(streamWritable); };
  Duplex.fromWeb = function (pair, options) { return adapters().newStreamDuplexFromReadableWritablePair(pair, options); };
  Duplex.toWeb = function (duplex) { return adapters().newReadableWritablePairFromDuplex(duplex); };
})();
