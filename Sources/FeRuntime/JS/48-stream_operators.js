// stream's operators (readable.map, filter, reduce, ...), stream.compose and Duplex.from: Node's
// own lib/internal/streams/{operators,compose,duplexify}.js (NodeLib/), installed as Node's
// lib/stream.js installs them, over fe's Readable, Writable and Duplex. The vendored files are
// compiled on first use; the methods have Node's names and lengths before that.
// Uses from earlier files: 02-errors.js (nodeError); 10-builtins.js (util, requireBuiltin); 15-streams.js (nodeStream); 43-nodelib.js (nodeLib).
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
})();
