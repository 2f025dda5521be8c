// stream, stream/promises: Node's Readable, Writable, Duplex, Transform and PassThrough with
// their documented semantics (flowing and paused modes, 'readable', backpressure and 'drain',
// end/finish/close ordering, destroy, async iteration), condensed from Node's own algorithms.
// Then fs.createReadStream/createWriteStream and process.stdin/stdout/stderr as real streams.
// Everything is inside one function so its helpers stay out of the shared runtime scope.
// Uses from earlier files: 00-core.js (define, opError); 01-inspect.js (format); 02-errors.js (nodeError, invalidArgType, outOfRange, invalidArgValue, missingArgs); 03-loop.js (nextTick, fatal, opAsync); 04-events.js (EventEmitter); 05-process.js (process); 07-path.js (path); 08-fs.js (validateInteger, toPath, getValidatedFd, getOptions, abortError, O, then, writeAll, flow, FileHandle, fs); 09-url.js (fileURLToPath, URL); 10-builtins.js (util, registerBuiltin); 11-buffer.js (Buffer).

// opAsync, with a failed op's error info (`{__feError}`) made into a Node-style Error.
const opAsyncNodeError = (op, ...args) => opAsync(op, ...args).catch((e) => {
  throw e && Array.isArray(e.__feError) ? opError(e.__feError) : e;
});
// Wraps a promise reaction that runs user code (stream events): a throw there is an uncaught
// exception, as it is in Node, not a rejection.
const uncaughtIn = (fn) => (...args) => { try { fn(...args); } catch (e) { fatal(e); } };
const nodeStream = (() => {
  const nop = () => {};
  const kConstruct = Symbol('kConstruct');
  const kDestroy = Symbol('kDestroy');
  const kOnFinished = Symbol('kOnFinished');
  const kCallback = Symbol('kCallback');

  const streamError = (code, message, Base = Error) => nodeError(Base, code, message);
  const ERR_STREAM_PUSH_AFTER_EOF = () => streamError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
  const ERR_STREAM_UNSHIFT_AFTER_END_EVENT = () => streamError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
  const ERR_METHOD_NOT_IMPLEMENTED = (m) => streamError('ERR_METHOD_NOT_IMPLEMENTED', `The ${m} method is not implemented`);
  const ERR_STREAM_WRITE_AFTER_END = () => streamError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
  const ERR_STREAM_DESTROYED = (m) => streamError('ERR_STREAM_DESTROYED', `Cannot call ${m} after a stream was destroyed`);
  const ERR_STREAM_NULL_VALUES = () => streamError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  const ERR_STREAM_ALREADY_FINISHED = (m) => streamError('ERR_STREAM_ALREADY_FINISHED', `Cannot call ${m} after a stream was finished`);
  const ERR_MULTIPLE_CALLBACK = () => streamError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
  const ERR_STREAM_PREMATURE_CLOSE = () => streamError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
  const ERR_STREAM_CANNOT_PIPE = () => streamError('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable');
  const ERR_INVALID_RETURN_VALUE = (input, name, value) => streamError('ERR_INVALID_RETURN_VALUE',
    `Expected ${input} to be returned from the "${name}" function but got ${value == null ? String(value) : `an instance of ${value.constructor ? value.constructor.name : typeof value}`}.`, TypeError);
  const ERR_UNKNOWN_ENCODING = (enc) => streamError('ERR_UNKNOWN_ENCODING', format('Unknown encoding: %s', enc), TypeError);

  function abortError(cause) {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (cause !== undefined) define(e, 'cause', cause);
    return e;
  }
  function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      if (Array.isArray(outer.errors)) { outer.errors.push(inner); return outer; }
      const err = new AggregateError([outer, inner], outer.message);
      err.code = outer.code;
      return err;
    }
    return inner || outer;
  }
  const toBuffer = (u8) => (u8 instanceof Buffer ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength));
  const isEncoding = (enc) => typeof enc === 'string' && enc.length > 0 && Buffer.isEncoding(enc);

  // A StringDecoder for setEncoding(): keeps the bytes of a character split across chunks.
  class Decoder {
    constructor(enc) {
      const e = typeof enc === 'string' ? enc.toLowerCase() : enc;
      const norm = e === undefined || e === null || e === 'utf8' || e === 'utf-8' ? 'utf8'
        : e === 'ucs2' || e === 'ucs-2' || e === 'utf-16le' ? 'utf16le' : e === 'binary' ? 'latin1' : e;
      if (!['utf8', 'utf16le', 'latin1', 'base64', 'base64url', 'hex', 'ascii'].includes(norm)) throw ERR_UNKNOWN_ENCODING(enc);
      this.encoding = norm;
      this.pending = null;
    }
    // How many trailing bytes of `b` start a character that is not complete yet.
    incomplete(b) {
      const n = b.length;
      if (this.encoding === 'utf8') {
        for (let back = 1; back <= 3 && back <= n; back++) {
          const c = b[n - back];
          if ((c & 0xc0) === 0x80) continue;
          const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
          return need > back ? back : 0;
        }
        return 0;
      }
      if (this.encoding === 'utf16le') {
        if (n % 2) return 1;
        const hi = n >= 2 ? b[n - 1] : 0;
        return hi >= 0xd8 && hi <= 0xdb ? 2 : 0;
      }
      if (this.encoding === 'base64' || this.encoding === 'base64url') return n % 3;
      return 0;
    }
    write(chunk) {
      if (typeof chunk === 'string') return chunk;
      let b = toBuffer(chunk);
      if (this.pending) { b = Buffer.concat([this.pending, b]); this.pending = null; }
      const keep = this.incomplete(b);
      if (keep) { this.pending = Buffer.from(b.subarray(b.length - keep)); b = b.subarray(0, b.length - keep); }
      return b.toString(this.encoding);
    }
    end(chunk) {
      let s = chunk ? this.write(chunk) : '';
      if (this.pending) { s += this.pending.toString(this.encoding); this.pending = null; }
      return s;
    }
    get lastNeed() { return this.pending ? this.pending.length : 0; }
  }

  function getHighWaterMark(options, key, isDuplex, objectMode) {
    let hwm = options ? (options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[key] : null) : null;
    if (hwm != null) {
      if (!Number.isInteger(hwm) || hwm < 0) {
        throw invalidArgValue(options.highWaterMark != null ? 'options.highWaterMark' : `options.${key}`, hwm);
      }
      return Math.floor(hwm);
    }
    return getDefaultHighWaterMark(objectMode);
  }
  // stream.setDefaultHighWaterMark() changes these for streams made afterwards.
  const defaultHighWaterMark = { bytes: 16 * 1024, objectMode: 16 };
  function getDefaultHighWaterMark(objectMode) {
    return objectMode ? defaultHighWaterMark.objectMode : defaultHighWaterMark.bytes;
  }
  function setDefaultHighWaterMark(objectMode, value) {
    validateInteger(value, 'value', 0);
    defaultHighWaterMark[objectMode ? 'objectMode' : 'bytes'] = value;
  }

  // -------------------------------------------------------------------------------------------
  // Stream: the legacy base, an EventEmitter that can be called as a function (old-style
  // subclasses do `Readable.call(this)`), with the classic pipe().
  // As Node's lib/internal/streams/legacy.js: EventEmitter's init (captureRejections, and the
  // domain an emitter made inside one belongs to).
  function Stream(opts) {
    // EventEmitter's constructor, as Node's legacy Stream: captureRejections is an option here too.
    EventEmitter.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Stream, EventEmitter);
  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    function ondata(chunk) { if (dest.writable && dest.write(chunk) === false && source.pause) source.pause(); }
    source.on('data', ondata);
    function ondrain() { if (source.readable && source.resume) source.resume(); }
    dest.on('drain', ondrain);
    if (!dest._isStdio && (!options || options.end !== false)) { source.on('end', onend); source.on('close', onclose); }
    let didOnEnd = false;
    function onend() { if (didOnEnd) return; didOnEnd = true; dest.end(); }
    function onclose() { if (didOnEnd) return; didOnEnd = true; if (typeof dest.destroy === 'function') dest.destroy(); }
    function onerror(er) { cleanup(); if (EventEmitter.prototype.listenerCount.call(this, 'error') === 0) this.emit('error', er); }
    prependListener(source, 'error', onerror);
    prependListener(dest, 'error', onerror);
    function cleanup() {
      source.removeListener('data', ondata); dest.removeListener('drain', ondrain);
      source.removeListener('end', onend); source.removeListener('close', onclose);
      source.removeListener('error', onerror); dest.removeListener('error', onerror);
      source.removeListener('end', cleanup); source.removeListener('close', cleanup); dest.removeListener('close', cleanup);
    }
    source.on('end', cleanup); source.on('close', cleanup); dest.on('close', cleanup);
    dest.emit('pipe', source);
    return dest;
  };

  // -------------------------------------------------------------------------------------------
  // destroy, shared by every kind of stream (Node's internal/streams/destroy.js)
  // The error handler goes before any the user added, also on emitters from other event
  // libraries that have no prependListener() (Node's legacy.js does the same).
  function prependListener(emitter, event, fn) {
    if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
    if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
    else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
    else emitter._events[event] = [fn, emitter._events[event]];
    return emitter;
  }

  function checkError(err, w, r) {
    if (err) {
      err.stack; // eslint-disable-line no-unused-expressions
      if (w && !w.errored) w.errored = err;
      if (r && !r.errored) r.errored = err;
    }
  }
  function destroy(err, cb) {
    const r = this._readableState, w = this._writableState;
    const s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
      if (typeof cb === 'function') cb();
      return this;
    }
    checkError(err, w, r);
    if (w) w.destroyed = true;
    if (r) r.destroyed = true;
    if (!s.constructed) this.once(kDestroy, function (er) { destroyNow(this, aggregateTwoErrors(er, err), cb); });
    else destroyNow(this, err, cb);
    return this;
  }
  function destroyNow(self, err, cb) {
    let called = false;
    function onDestroy(err) {
      if (called) return;
      called = true;
      const r = self._readableState, w = self._writableState;
      checkError(err, w, r);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === 'function') cb(err);
      if (err) nextTick(emitErrorCloseNT, self, err);
      else nextTick(emitCloseNT, self);
    }
    try { self._destroy(err || null, onDestroy); } catch (e) { onDestroy(e); }
  }
  function emitErrorCloseNT(self, err) { emitErrorNT(self, err); emitCloseNT(self); }
  function emitCloseNT(self) {
    const r = self._readableState, w = self._writableState;
    if (w) w.closeEmitted = true;
    if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
  }
  function emitErrorNT(self, err) {
    const r = self._readableState, w = self._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true;
    if (r) r.errorEmitted = true;
    self.emit('error', err);
  }
  function undestroy() {
    const r = this._readableState, w = this._writableState;
    if (r) {
      r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false; r.errored = null;
      r.errorEmitted = false; r.reading = false; r.ended = r.readable === false; r.endEmitted = r.readable === false;
    }
    if (w) {
      w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false; w.errored = null;
      w.errorEmitted = false; w.finalCalled = false; w.prefinished = false; w.ended = w.writable === false;
      w.ending = w.writable === false; w.finished = w.writable === false;
    }
  }
  function errorOrDestroy(stream, err, sync) {
    const r = stream._readableState, w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(err);
    else if (err) {
      err.stack; // eslint-disable-line no-unused-expressions
      if (w && !w.errored) w.errored = err;
      if (r && !r.errored) r.errored = err;
      if (sync) nextTick(emitErrorNT, stream, err);
      else emitErrorNT(stream, err);
    }
  }
  // Runs _construct (if the stream has one) before any _read/_write.
  function construct(stream, cb) {
    if (typeof stream._construct !== 'function') return;
    const r = stream._readableState, w = stream._writableState;
    if (r) r.constructed = false;
    if (w) w.constructed = false;
    stream.once(kConstruct, cb);
    if (stream.listenerCount(kConstruct) > 1) return;
    nextTick(constructNT, stream);
  }
  function constructNT(stream) {
    let called = false;
    function onConstruct(err) {
      if (called) { errorOrDestroy(stream, err != null ? err : ERR_MULTIPLE_CALLBACK()); return; }
      called = true;
      const r = stream._readableState, w = stream._writableState;
      const s = w || r;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if (s.destroyed) stream.emit(kDestroy, err);
      else if (err) errorOrDestroy(stream, err, true);
      else stream.emit(kConstruct);
    }
    try { stream._construct((err) => { nextTick(onConstruct, err); }); } catch (err) { nextTick(onConstruct, err); }
  }
  // Destroys `stream` however it can (pipeline's and async iteration's cleanup).
  function destroyer(stream, err) {
    if (!stream || isDestroyed(stream)) return;
    if (!err && !isFinished(stream)) err = abortError();
    if (typeof stream.destroy === 'function') stream.destroy(err);
    else if (typeof stream.close === 'function') stream.close();
  }

  // -------------------------------------------------------------------------------------------
  // Readable
  function ReadableState(options, stream, isDuplex) {
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.readableObjectMode);
    this.highWaterMark = getHighWaterMark(options, 'readableHighWaterMark', isDuplex, this.objectMode);
    this.buffer = [];
    this.length = 0;
    this.pipes = [];
    this.flowing = null;
    this.paused = null;
    this.ended = false;
    this.endEmitted = false;
    this.reading = false;
    this.constructed = true;
    this.sync = true;
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.decoder = null;
    this.encoding = null;
    if (options && options.encoding) {
      this.decoder = new Decoder(options.encoding);
      this.encoding = this.decoder.encoding;
    }
  }

  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    const isDuplex = this instanceof Duplex;
    this._readableState = new ReadableState(options, this, isDuplex);
    if (options) {
      if (typeof options.read === 'function') this._read = options.read;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => { if (this._readableState.needReadable) maybeReadMore(this, this._readableState); });
  }
  Object.setPrototypeOf(Readable.prototype, Stream.prototype);
  Object.setPrototypeOf(Readable, Stream);
  Readable.ReadableState = ReadableState;

  Readable.prototype.destroy = destroy;
  Readable.prototype._undestroy = undestroy;
  Readable.prototype._destroy = function (err, cb) { cb(err); };
  // A rejection caught from an async listener (captureRejections) destroys the stream.
  Readable.prototype[EventEmitter.captureRejectionSymbol] = function (err) { this.destroy(err); };
  Readable.prototype.push = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, false); };
  Readable.prototype.unshift = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, true); };

  function readableAddChunk(stream, chunk, encoding, addToFront) {
    const state = stream._readableState;
    let err;
    if (!state.objectMode) {
      if (typeof chunk === 'string') {
        encoding = encoding || state.defaultEncoding;
        if (state.encoding !== encoding) {
          if (addToFront && state.encoding) chunk = Buffer.from(chunk, encoding).toString(state.encoding);
          else { chunk = Buffer.from(chunk, encoding); encoding = ''; }
        }
      } else if (chunk instanceof Uint8Array) {
        chunk = toBuffer(chunk);
        encoding = '';
      } else if (chunk != null) {
        err = invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
    }
    if (err) {
      errorOrDestroy(stream, err);
    } else if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
    } else if (state.objectMode || (chunk && chunk.length > 0)) {
      if (addToFront) {
        if (state.endEmitted) errorOrDestroy(stream, ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
        else if (state.destroyed || state.errored) return false;
        else addChunk(stream, state, chunk, true);
      } else if (state.ended) {
        errorOrDestroy(stream, ERR_STREAM_PUSH_AFTER_EOF());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        state.reading = false;
        if (state.decoder && !encoding) {
          chunk = state.decoder.write(chunk);
          if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
          else maybeReadMore(stream, state);
        } else {
          addChunk(stream, state, chunk, false);
        }
      }
    } else if (!addToFront) {
      state.reading = false;
      maybeReadMore(stream, state);
    }
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }

  function addChunk(stream, state, chunk, addToFront) {
    if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
      else state.awaitDrainWriters = null;
      state.dataEmitted = true;
      stream.emit('data', chunk);
    } else {
      state.length += state.objectMode ? 1 : chunk.length;
      if (addToFront) state.buffer.unshift(chunk);
      else state.buffer.push(chunk);
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
  }

  Readable.prototype.isPaused = function () {
    const state = this._readableState;
    return state.paused === true || state.flowing === false;
  };

  Readable.prototype.setEncoding = function (enc) {
    const state = this._readableState;
    const decoder = new Decoder(enc);
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    let content = '';
    for (const data of state.buffer) content += decoder.write(data);
    state.buffer = content !== '' ? [content] : [];
    state.length = content.length;
    return this;
  };

  const MAX_HWM = 0x40000000;
  function computeNewHighWaterMark(n) {
    if (n > MAX_HWM) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "size" is out of range. It must be <= 1GiB. Received ${n}`);
    n--;
    n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16;
    return n + 1;
  }
  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (Number.isNaN(n)) {
      if (state.flowing && state.length) return state.buffer[0].length;
      return state.length;
    }
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }

  Readable.prototype.read = function (n) {
    if (n === undefined) n = NaN;
    else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
    const state = this._readableState;
    const nOrig = n;
    if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
    if (n !== 0) state.emittedReadable = false;
    if (n === 0 && state.needReadable &&
        ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      if (state.length === 0 && state.ended) endReadable(this);
      else emitReadable(this);
      return null;
    }
    n = howMuchToRead(n, state);
    if (n === 0 && state.ended) {
      if (state.length === 0) endReadable(this);
      return null;
    }
    let doRead = state.needReadable;
    if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
    if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
      doRead = false;
    } else if (doRead) {
      state.reading = true;
      state.sync = true;
      if (state.length === 0) state.needReadable = true;
      try { this._read(state.highWaterMark); } catch (err) { errorOrDestroy(this, err); }
      state.sync = false;
      if (!state.reading) n = howMuchToRead(nOrig, state);
    }
    let ret = n > 0 ? fromList(n, state) : null;
    if (ret === null) {
      state.needReadable = state.length <= state.highWaterMark;
      n = 0;
    } else {
      state.length -= n;
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
      else state.awaitDrainWriters = null;
    }
    if (state.length === 0) {
      if (!state.ended) state.needReadable = true;
      if (nOrig !== n && state.ended) endReadable(this);
    }
    if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
      state.dataEmitted = true;
      this.emit('data', ret);
    }
    return ret;
  };

  function onEofChunk(stream, state) {
    if (state.ended) return;
    if (state.decoder) {
      const chunk = state.decoder.end();
      if (chunk && chunk.length) {
        state.buffer.push(chunk);
        state.length += state.objectMode ? 1 : chunk.length;
      }
    }
    state.ended = true;
    if (state.sync) {
      emitReadable(stream);
    } else {
      state.needReadable = false;
      state.emittedReadable = true;
      emitReadableNT(stream);
    }
  }
  function emitReadable(stream) {
    const state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) {
      state.emittedReadable = true;
      nextTick(emitReadableNT, stream);
    }
  }
  function emitReadableNT(stream) {
    const state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) {
      stream.emit('readable');
      state.emittedReadable = false;
    }
    state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
    flow(stream);
  }
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) {
      state.readingMore = true;
      nextTick(maybeReadMoreNT, stream, state);
    }
  }
  function maybeReadMoreNT(stream, state) {
    while (!state.reading && !state.ended &&
      (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
      const len = state.length;
      stream.read(0);
      if (len === state.length) break;
    }
    state.readingMore = false;
  }

  Readable.prototype._read = function () { throw ERR_METHOD_NOT_IMPLEMENTED('_read()'); };

  Readable.prototype.pipe = function (dest, pipeOpts) {
    const src = this;
    const state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);
    const doEnd = (!pipeOpts || pipeOpts.end !== false) && !dest._isStdio;
    const endFn = doEnd ? onend : unpipe;
    if (state.endEmitted) nextTick(endFn);
    else src.once('end', endFn);
    dest.on('unpipe', onunpipe);
    function onunpipe(readable, unpipeInfo) {
      if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
    function onend() { dest.end(); }
    let ondrain;
    let cleanedUp = false;
    function cleanup() {
      dest.removeListener('close', onclose);
      dest.removeListener('finish', onfinish);
      if (ondrain) dest.removeListener('drain', ondrain);
      dest.removeListener('error', onerror);
      dest.removeListener('unpipe', onunpipe);
      src.removeListener('end', onend);
      src.removeListener('end', unpipe);
      src.removeListener('data', ondata);
      cleanedUp = true;
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }
    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) {
          state.awaitDrainWriters = dest;
          state.multiAwaitDrain = false;
        } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
          state.awaitDrainWriters.add(dest);
        }
        src.pause();
      }
      if (!ondrain) {
        ondrain = pipeOnDrain(src, dest);
        dest.on('drain', ondrain);
      }
    }
    src.on('data', ondata);
    function ondata(chunk) {
      if (dest.write(chunk) === false) pause();
    }
    function onerror(er) {
      unpipe();
      dest.removeListener('error', onerror);
      if (dest.listenerCount('error') === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) errorOrDestroy(dest, er);
        else dest.emit('error', er);
      }
    }
    prependListener(dest, 'error', onerror);
    function onclose() { dest.removeListener('finish', onfinish); unpipe(); }
    dest.once('close', onclose);
    function onfinish() { dest.removeListener('close', onclose); unpipe(); }
    dest.once('finish', onfinish);
    function unpipe() { src.unpipe(dest); }
    dest.emit('pipe', src);
    if (dest.writableNeedDrain === true) pause();
    else if (!state.flowing) src.resume();
    return dest;
  };
  function pipeOnDrain(src, dest) {
    return function () {
      const state = src._readableState;
      if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
      else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
      if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) src.resume();
    };
  }

  Readable.prototype.unpipe = function (dest) {
    const state = this._readableState;
    const unpipeInfo = { hasUnpiped: false };
    if (state.pipes.length === 0) return this;
    if (!dest) {
      const dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (const d of dests) d.emit('unpipe', this, { hasUnpiped: false });
      return this;
    }
    const index = state.pipes.indexOf(dest);
    if (index === -1) return this;
    state.pipes.splice(index, 1);
    if (state.pipes.length === 0) this.pause();
    dest.emit('unpipe', this, unpipeInfo);
    return this;
  };

  Readable.prototype.on = function (ev, fn) {
    const res = EventEmitter.prototype.addListener.call(this, ev, fn);
    const state = this._readableState;
    if (ev === 'data') {
      state.readableListening = this.listenerCount('readable') > 0;
      if (state.flowing !== false) this.resume();
    } else if (ev === 'readable') {
      if (!state.endEmitted && !state.readableListening) {
        state.readableListening = state.needReadable = true;
        state.flowing = false;
        state.emittedReadable = false;
        if (state.length) emitReadable(this);
        else if (!state.reading) nextTick(nReadingNextTick, this);
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;
  Readable.prototype.removeListener = function (ev, fn) {
    const res = EventEmitter.prototype.removeListener.call(this, ev, fn);
    if (ev === 'readable') nextTick(updateReadableListening, this);
    return res;
  };
  Readable.prototype.off = Readable.prototype.removeListener;
  Readable.prototype.removeAllListeners = function (ev) {
    // All of them when called with no argument (an explicit undefined is a type of its own).
    const res = Reflect.apply(EventEmitter.prototype.removeAllListeners, this, arguments);
    if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
    return res;
  };
  function updateReadableListening(self) {
    const state = self._readableState;
    state.readableListening = self.listenerCount('readable') > 0;
    if (state.resumeScheduled && state.paused === false) state.flowing = true;
    else if (self.listenerCount('data') > 0) self.resume();
    else if (!state.readableListening) state.flowing = null;
  }
  function nReadingNextTick(self) { self.read(0); }

  Readable.prototype.resume = function () {
    const state = this._readableState;
    if (!state.flowing) {
      state.flowing = !state.readableListening;
      if (!state.resumeScheduled) {
        state.resumeScheduled = true;
        nextTick(resumeNT, this, state);
      }
    }
    state.paused = false;
    return this;
  };
  function resumeNT(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit('resume');
    flow(stream);
    if (state.flowing && !state.reading) stream.read(0);
  }
  Readable.prototype.pause = function () {
    const state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit('pause');
    }
    state.paused = true;
    return this;
  };
  function flow(stream) {
    const state = stream._readableState;
    while (state.flowing && stream.read() !== null);
  }

  Readable.prototype.wrap = function (stream) {
    let paused = false;
    stream.on('data', (chunk) => {
      if (!this.push(chunk) && stream.pause) { paused = true; stream.pause(); }
    });
    stream.on('end', () => { this.push(null); });
    stream.on('error', (err) => { errorOrDestroy(this, err); });
    stream.on('close', () => { this.destroy(); });
    stream.on('destroy', () => { this.destroy(); });
    this._read = () => { if (paused && stream.resume) { paused = false; stream.resume(); } };
    return this;
  };

  // `await using`: destroys the stream (with an AbortError unless it ended) and waits for it.
  Readable.prototype[Symbol.asyncDispose] = function () {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : abortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => finished(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
  Readable.prototype[Symbol.asyncIterator] = function () { return streamToAsyncIterator(this); };
  Readable.prototype.iterator = function (options) {
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      throw invalidArgType('options', 'Object', options);
    }
    return streamToAsyncIterator(this, options);
  };
  // An old-style stream (no read()) is read through Readable.wrap, as Node does.
  // Node's pipeline reads a Node stream through this: nothing is wrapped until it is iterated.
  async function* fromReadable(stream) { yield* streamToAsyncIterator(stream); }
  function streamToAsyncIterator(stream, options) {
    if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
    const iter = createAsyncIterator(stream, options);
    iter.stream = stream;
    return iter;
  }
  async function* createAsyncIterator(stream, options) {
    let callback = nop;
    function next(resolve) {
      if (this === stream) { callback(); callback = nop; } else callback = resolve;
    }
    stream.on('readable', next);
    let error;
    const cleanup = finished(stream, { writable: false }, (err) => {
      error = err ? aggregateTwoErrors(error, err) : null;
      callback();
      callback = nop;
    });
    try {
      while (true) {
        const chunk = stream.destroyed ? null : stream.read();
        if (chunk !== null) yield chunk;
        else if (error) throw error;
        else if (error === null) return;
        else await new Promise(next);
      }
    } catch (err) {
      error = aggregateTwoErrors(error, err);
      throw error;
    } finally {
      if ((error || !options || options.destroyOnReturn !== false) &&
          (error === undefined || stream._readableState.autoDestroy)) {
        destroyer(stream, null);
      } else {
        stream.off('readable', next);
        cleanup();
      }
    }
  }

  const readableGetters = {
    readable() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    readableDidRead() { return this._readableState.dataEmitted; },
    readableAborted() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
    readableHighWaterMark() { return this._readableState.highWaterMark; },
    readableBuffer() { return this._readableState && this._readableState.buffer; },
    readableFlowing() { return this._readableState.flowing; },
    readableLength() { return this._readableState.length; },
    readableObjectMode() { return this._readableState ? this._readableState.objectMode : false; },
    readableEncoding() { return this._readableState ? this._readableState.encoding : null; },
    errored() { return this._readableState ? this._readableState.errored : null; },
    closed() { return this._readableState ? this._readableState.closed : false; },
    destroyed() { return this._readableState ? this._readableState.destroyed : false; },
    readableEnded() { return this._readableState ? this._readableState.endEmitted : false; },
  };
  for (const [name, get] of Object.entries(readableGetters)) {
    const desc = { get, configurable: true, enumerable: false };
    if (name === 'readable') desc.set = function (v) { if (this._readableState) this._readableState.readable = !!v; };
    if (name === 'readableFlowing') desc.set = function (v) { if (this._readableState) this._readableState.flowing = v; };
    if (name === 'destroyed') desc.set = function (v) { if (this._readableState) this._readableState.destroyed = v; };
    Object.defineProperty(Readable.prototype, name, desc);
  }

  function fromList(n, state) {
    if (state.length === 0) return null;
    const buf = state.buffer;
    let ret;
    if (state.objectMode) ret = buf.shift();
    else if (!n || n >= state.length) {
      if (state.decoder) ret = buf.join('');
      else if (buf.length === 1) ret = buf[0];
      else ret = Buffer.concat(buf, state.length);
      state.buffer = [];
    } else if (n < buf[0].length) {
      ret = buf[0].slice(0, n);
      buf[0] = buf[0].slice(n);
    } else if (n === buf[0].length) {
      ret = buf.shift();
    } else if (state.decoder) {
      ret = '';
      while (ret.length < n) {
        const str = buf[0];
        const want = n - ret.length;
        if (str.length <= want) { ret += str; buf.shift(); } else { ret += str.slice(0, want); buf[0] = str.slice(want); }
      }
    } else {
      ret = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const data = buf[0];
        const want = n - filled;
        if (data.length <= want) { ret.set(data, filled); filled += data.length; buf.shift(); }
        else { ret.set(data.subarray(0, want), filled); filled += want; buf[0] = data.subarray(want); }
      }
    }
    return ret;
  }

  function endReadable(stream) {
    const state = stream._readableState;
    if (!state.endEmitted) {
      state.ended = true;
      nextTick(endReadableNT, state, stream);
    }
  }
  function endReadableNT(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit('end');
      if (stream.writable && stream.allowHalfOpen === false) {
        nextTick(endWritableNT, stream);
      } else if (state.autoDestroy) {
        const wState = stream._writableState;
        const autoDestroy = !wState || (wState.autoDestroy && (wState.finished || wState.writable === false));
        if (autoDestroy) stream.destroy();
      }
    }
  }
  function endWritableNT(stream) {
    if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
  }

  Readable.from = function (iterable, opts) { return from(Readable, iterable, opts); };
  // A Readable over an old-style stream (one with 'data' events but no read()).
  Readable.wrap = function (src, options) {
    return new Readable({
      objectMode: src.readableObjectMode ?? src.objectMode ?? true,
      ...options,
      destroy(err, callback) {
        destroyer(src, err);
        callback(err);
      },
    }).wrap(src);
  };
  function from(Ctor, iterable, opts) {
    if (typeof iterable === 'string' || iterable instanceof Buffer) {
      return new Ctor({ objectMode: true, ...opts, read() { this.push(iterable); this.push(null); } });
    }
    let iterator, isAsync;
    if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
      isAsync = true;
      iterator = iterable[Symbol.asyncIterator]();
    } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
      isAsync = false;
      iterator = iterable[Symbol.iterator]();
    } else {
      throw invalidArgType('iterable', ['Iterable'], iterable);
    }
    const readable = new Ctor({ objectMode: true, highWaterMark: 1, ...opts });
    let reading = false;
    readable._read = function () {
      if (!reading) { reading = true; next(); }
    };
    readable._destroy = function (error, cb) {
      close(error).then(() => nextTick(cb, error), (e) => nextTick(cb, e || error));
    };
    async function close(error) {
      const hadError = error !== undefined && error !== null;
      if (hadError && typeof iterator.throw === 'function') {
        const { value, done } = await iterator.throw(error);
        await value;
        if (done) return;
      }
      if (typeof iterator.return === 'function') {
        const { value } = await iterator.return();
        await value;
      }
    }
    async function next() {
      for (;;) {
        try {
          const { value, done } = isAsync ? await iterator.next() : iterator.next();
          if (done) {
            readable.push(null);
          } else {
            const res = value && typeof value.then === 'function' ? await value : value;
            if (res === null) { reading = false; throw ERR_STREAM_NULL_VALUES(); }
            else if (readable.push(res)) continue;
            else reading = false;
          }
        } catch (err) {
          readable.destroy(err);
        }
        break;
      }
    }
    return readable;
  }

  // -------------------------------------------------------------------------------------------
  // Writable
  function WritableState(options, stream, isDuplex) {
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.writableObjectMode);
    this.highWaterMark = getHighWaterMark(options, 'writableHighWaterMark', isDuplex, this.objectMode);
    this.finalCalled = false;
    this.needDrain = false;
    this.ending = false;
    this.ended = false;
    this.finished = false;
    this.destroyed = false;
    this.decodeStrings = !(options && options.decodeStrings === false);
    this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
    this.length = 0;
    this.writing = false;
    this.corked = 0;
    this.sync = true;
    this.bufferProcessing = false;
    this.onwrite = onwrite.bind(undefined, stream);
    this.writecb = null;
    this.writelen = 0;
    this.afterWriteTickInfo = null;
    resetBuffer(this);
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this[kOnFinished] = [];
  }
  function resetBuffer(state) {
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  }
  WritableState.prototype.getBuffer = function () { return this.buffered.slice(this.bufferedIndex); };
  Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
    get() { return this.buffered.length - this.bufferedIndex; }, configurable: true,
  });

  function Writable(options) {
    const isDuplex = this instanceof Duplex;
    if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);
    this._writableState = new WritableState(options, this, isDuplex);
    if (options) {
      if (typeof options.write === 'function') this._write = options.write;
      if (typeof options.writev === 'function') this._writev = options.writev;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.final === 'function') this._final = options.final;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
  Object.setPrototypeOf(Writable.prototype, Stream.prototype);
  Object.setPrototypeOf(Writable, Stream);
  Writable.WritableState = WritableState;
  // A Duplex is a Writable too, although it inherits from Readable.
  Object.defineProperty(Writable, Symbol.hasInstance, {
    value(object) {
      if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
      if (this !== Writable) return false;
      return !!(object && object._writableState instanceof WritableState);
    },
    configurable: true,
  });

  Writable.prototype.pipe = function () { errorOrDestroy(this, ERR_STREAM_CANNOT_PIPE()); };
  Writable.prototype.write = function (chunk, encoding, cb) { return writeImpl(this, chunk, encoding, cb) === true; };
  function writeImpl(stream, chunk, encoding, cb) {
    const state = stream._writableState;
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = state.defaultEncoding;
    } else {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== 'buffer' && !isEncoding(encoding)) throw ERR_UNKNOWN_ENCODING(encoding);
      if (typeof cb !== 'function') cb = nop;
    }
    if (chunk === null) {
      throw ERR_STREAM_NULL_VALUES();
    } else if (!state.objectMode) {
      if (typeof chunk === 'string') {
        if (state.decodeStrings !== false) { chunk = Buffer.from(chunk, encoding); encoding = 'buffer'; }
      } else if (chunk instanceof Uint8Array) {
        chunk = toBuffer(chunk);
        encoding = 'buffer';
      } else {
        throw invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
    }
    let err;
    if (state.ending) err = ERR_STREAM_WRITE_AFTER_END();
    else if (state.destroyed) err = ERR_STREAM_DESTROYED('write');
    if (err) {
      nextTick(cb, err);
      errorOrDestroy(stream, err, true);
      return err;
    }
    state.pendingcb++;
    return writeOrBuffer(stream, state, chunk, encoding, cb);
  }
  function writeOrBuffer(stream, state, chunk, encoding, callback) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length += len;
    const ret = state.length < state.highWaterMark;
    if (!ret) state.needDrain = true;
    if (state.writing || state.corked || state.errored || !state.constructed) {
      state.buffered.push({ chunk, encoding, callback });
      if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
      if (state.allNoop && callback !== nop) state.allNoop = false;
    } else {
      state.writelen = len;
      state.writecb = callback;
      state.writing = true;
      state.sync = true;
      stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    return ret && !state.errored && !state.destroyed;
  }
  function doWrite(stream, state, writev, len, chunk, encoding, cb) {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    if (state.destroyed) state.onwrite(ERR_STREAM_DESTROYED('write'));
    else if (writev) stream._writev(chunk, state.onwrite);
    else stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  function onwriteError(stream, state, er, cb) {
    --state.pendingcb;
    cb(er);
    errorBuffer(state);
    errorOrDestroy(stream, er);
  }
  function onwrite(stream, er) {
    const state = stream._writableState;
    const sync = state.sync;
    const cb = state.writecb;
    if (typeof cb !== 'function') {
      errorOrDestroy(stream, ERR_MULTIPLE_CALLBACK());
      return;
    }
    state.writing = false;
    state.writecb = null;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      er.stack; // eslint-disable-line no-unused-expressions
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
    } else {
      if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
      if (sync) {
        if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
          state.afterWriteTickInfo.count++;
        } else {
          state.afterWriteTickInfo = { count: 1, cb, stream, state };
          nextTick(afterWriteTick, state.afterWriteTickInfo);
        }
      } else {
        afterWrite(stream, state, 1, cb);
      }
    }
  }
  function afterWriteTick({ stream, state, count, cb }) {
    state.afterWriteTickInfo = null;
    return afterWrite(stream, state, count, cb);
  }
  function afterWrite(stream, state, count, cb) {
    const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
    if (needDrain) {
      state.needDrain = false;
      stream.emit('drain');
    }
    while (count-- > 0) {
      state.pendingcb--;
      cb(null);
    }
    if (state.destroyed) errorBuffer(state);
    finishMaybe(stream, state);
  }
  function errorBuffer(state) {
    if (state.writing) return;
    for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
      const { chunk, callback } = state.buffered[n];
      state.length -= state.objectMode ? 1 : chunk.length;
      callback(state.errored || ERR_STREAM_DESTROYED('write'));
    }
    for (const cb of state[kOnFinished].splice(0)) cb(state.errored || ERR_STREAM_DESTROYED('end'));
    resetBuffer(state);
  }
  function clearBuffer(stream, state) {
    if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
    const { buffered, bufferedIndex, objectMode } = state;
    const bufferedLength = buffered.length - bufferedIndex;
    if (!bufferedLength) return;
    let i = bufferedIndex;
    state.bufferProcessing = true;
    if (bufferedLength > 1 && stream._writev) {
      state.pendingcb -= bufferedLength - 1;
      const callback = state.allNoop ? nop : (err) => {
        for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
      };
      const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
      chunks.allBuffers = state.allBuffers;
      doWrite(stream, state, true, state.length, chunks, '', callback);
      resetBuffer(state);
    } else {
      do {
        const { chunk, encoding, callback } = buffered[i];
        buffered[i++] = null;
        doWrite(stream, state, false, objectMode ? 1 : chunk.length, chunk, encoding, callback);
      } while (i < buffered.length && !state.writing);
      if (i === buffered.length) resetBuffer(state);
      else if (i > 256) { buffered.splice(0, i); state.bufferedIndex = 0; }
      else state.bufferedIndex = i;
    }
    state.bufferProcessing = false;
  }
  Writable.prototype._write = function (chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk, encoding }], cb);
    else throw ERR_METHOD_NOT_IMPLEMENTED('_write()');
  };
  Writable.prototype._writev = null;
  Writable.prototype.cork = function () { this._writableState.corked++; };
  Writable.prototype.uncork = function () {
    const state = this._writableState;
    if (state.corked) {
      state.corked--;
      if (!state.writing) clearBuffer(this, state);
    }
  };
  Writable.prototype.setDefaultEncoding = function (encoding) {
    if (typeof encoding === 'string') encoding = encoding.toLowerCase();
    if (!isEncoding(encoding)) throw ERR_UNKNOWN_ENCODING(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
  };
  Writable.prototype.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; }
    else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
    let err;
    if (chunk !== null && chunk !== undefined) {
      const ret = writeImpl(this, chunk, encoding);
      if (ret instanceof Error) err = ret;
    }
    if (state.corked) { state.corked = 1; this.uncork(); }
    if (err) {
      // the write's error is reported already
    } else if (!state.errored && !state.ending) {
      state.ending = true;
      finishMaybe(this, state, true);
      state.ended = true;
    } else if (state.finished) {
      err = ERR_STREAM_ALREADY_FINISHED('end');
    } else if (state.destroyed) {
      err = ERR_STREAM_DESTROYED('end');
    }
    if (typeof cb === 'function') {
      if (err || state.finished) nextTick(cb, err);
      else state[kOnFinished].push(cb);
    }
    return this;
  };
  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
      state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
  }
  function callFinal(stream, state) {
    let called = false;
    function onFinish(err) {
      if (called) { errorOrDestroy(stream, err != null ? err : ERR_MULTIPLE_CALLBACK()); return; }
      called = true;
      state.pendingcb--;
      if (err) {
        for (const cb of state[kOnFinished].splice(0)) cb(err);
        errorOrDestroy(stream, err, state.sync);
      } else if (needFinish(state)) {
        state.prefinished = true;
        stream.emit('prefinish');
        state.pendingcb++;
        nextTick(finish, stream, state);
      }
    }
    state.sync = true;
    state.pendingcb++;
    try { stream._final(onFinish); } catch (err) { onFinish(err); }
    state.sync = false;
  }
  function prefinish(stream, state) {
    if (!state.prefinished && !state.finalCalled) {
      if (typeof stream._final === 'function' && !state.destroyed) {
        state.finalCalled = true;
        callFinal(stream, state);
      } else {
        state.prefinished = true;
        stream.emit('prefinish');
      }
    }
  }
  function finishMaybe(stream, state, sync) {
    if (needFinish(state)) {
      prefinish(stream, state);
      if (state.pendingcb === 0) {
        if (sync) {
          state.pendingcb++;
          nextTick((stream, state) => {
            if (needFinish(state)) finish(stream, state);
            else state.pendingcb--;
          }, stream, state);
        } else if (needFinish(state)) {
          state.pendingcb++;
          finish(stream, state);
        }
      }
    }
  }
  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    for (const cb of state[kOnFinished].splice(0)) cb();
    stream.emit('finish');
    if (state.autoDestroy) {
      const rState = stream._readableState;
      const autoDestroy = !rState || (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
      if (autoDestroy) stream.destroy();
    }
  }
  Writable.prototype.destroy = function (err, cb) {
    const state = this._writableState;
    if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
      nextTick(errorBuffer, state);
    }
    destroy.call(this, err, cb);
    return this;
  };
  Writable.prototype._undestroy = undestroy;
  Writable.prototype._destroy = function (err, cb) { cb(err); };
  // A rejection caught from an async listener (captureRejections) destroys the stream.
  Writable.prototype[EventEmitter.captureRejectionSymbol] = function (err) { this.destroy(err); };

  const writableGetters = {
    closed() { return this._writableState ? this._writableState.closed : false; },
    destroyed() { return this._writableState ? this._writableState.destroyed : false; },
    writable() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    writableFinished() { return this._writableState ? this._writableState.finished : false; },
    writableObjectMode() { return this._writableState ? this._writableState.objectMode : false; },
    writableBuffer() { return this._writableState && this._writableState.getBuffer(); },
    writableEnded() { return this._writableState ? this._writableState.ending : false; },
    writableNeedDrain() {
      const w = this._writableState;
      return w ? !w.destroyed && !w.ending && w.needDrain : false;
    },
    writableHighWaterMark() { return this._writableState && this._writableState.highWaterMark; },
    writableCorked() { return this._writableState ? this._writableState.corked : 0; },
    writableLength() { return this._writableState && this._writableState.length; },
    errored() { return this._writableState ? this._writableState.errored : null; },
    writableAborted() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  };
  for (const [name, get] of Object.entries(writableGetters)) {
    const desc = { get, configurable: true, enumerable: false };
    if (name === 'writable') desc.set = function (v) { if (this._writableState) this._writableState.writable = !!v; };
    if (name === 'destroyed') desc.set = function (v) { if (this._writableState) this._writableState.destroyed = v; };
    Object.defineProperty(Writable.prototype, name, desc);
  }

  // -------------------------------------------------------------------------------------------
  // Duplex, Transform, PassThrough
  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    Readable.call(this, options);
    Writable.call(this, options);
    if (options) {
      this.allowHalfOpen = options.allowHalfOpen !== false;
      if (options.readable === false) {
        this._readableState.readable = false;
        this._readableState.ended = true;
        this._readableState.endEmitted = true;
      }
      if (options.writable === false) {
        this._writableState.writable = false;
        this._writableState.ending = true;
        this._writableState.ended = true;
        this._writableState.finished = true;
      }
    } else {
      this.allowHalfOpen = true;
    }
  }
  Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
  Object.setPrototypeOf(Duplex, Readable);
  for (const method of Object.keys(Writable.prototype)) {
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
  Duplex.prototype.destroy = Writable.prototype.destroy;
  for (const name of Object.keys(writableGetters)) {
    if (name === 'destroyed' || name === 'errored' || name === 'closed') continue;
    Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
  }
  Object.defineProperty(Duplex.prototype, 'destroyed', {
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
    configurable: true,
  });
  // Duplex.from is Node's duplexify (48-stream_operators.js).

  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    const readableHighWaterMark = options ? getHighWaterMark(options, 'readableHighWaterMark', true, !!(options.objectMode || options.readableObjectMode)) : null;
    if (readableHighWaterMark === 0) {
      options = { ...options, highWaterMark: null, readableHighWaterMark, writableHighWaterMark: options.writableHighWaterMark || 0 };
    }
    Duplex.call(this, options);
    this._readableState.sync = false;
    this[kCallback] = null;
    if (options) {
      if (typeof options.transform === 'function') this._transform = options.transform;
      if (typeof options.flush === 'function') this._flush = options.flush;
    }
    this.on('prefinish', transformPrefinish);
  }
  Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
  Object.setPrototypeOf(Transform, Duplex);
  function transformFinal(cb) {
    if (typeof this._flush === 'function' && !this.destroyed) {
      this._flush((er, data) => {
        if (er) {
          if (cb) cb(er);
          else this.destroy(er);
          return;
        }
        if (data != null) this.push(data);
        this.push(null);
        if (cb) cb();
      });
    } else {
      this.push(null);
      if (cb) cb();
    }
  }
  function transformPrefinish() {
    if (this._final !== transformFinal) transformFinal.call(this);
  }
  Transform.prototype._final = transformFinal;
  Transform.prototype._transform = function () { throw ERR_METHOD_NOT_IMPLEMENTED('_transform()'); };
  Transform.prototype._write = function (chunk, encoding, callback) {
    const rState = this._readableState, wState = this._writableState;
    const length = rState.length;
    this._transform(chunk, encoding, (err, val) => {
      if (err) { callback(err); return; }
      if (val != null) this.push(val);
      if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
      else this[kCallback] = callback;
    });
  };
  Transform.prototype._read = function () {
    if (this[kCallback]) {
      const callback = this[kCallback];
      this[kCallback] = null;
      callback();
    }
  };

  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
  Object.setPrototypeOf(PassThrough, Transform);
  PassThrough.prototype._transform = function (chunk, encoding, cb) { cb(null, chunk); };

  // -------------------------------------------------------------------------------------------
  // What kind of stream something is, and how far along (Node's internal/streams/utils.js)
  function isReadableNodeStream(obj, strict = false) {
    return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
      (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
      (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
      (!obj._writableState || obj._readableState));
  }
  function isWritableNodeStream(obj) {
    return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
      (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
  }
  function isNodeStream(obj) {
    return !!(obj && (obj._readableState || obj._writableState ||
      (typeof obj.write === 'function' && typeof obj.on === 'function') ||
      (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
  }
  // WHATWG streams (Node's own, 48-stream_operators.js), by shape as Node tells them.
  const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
  const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');
  function isReadableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.pipeThrough === 'function' &&
      typeof obj.getReader === 'function' && typeof obj.cancel === 'function');
  }
  function isWritableStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.getWriter === 'function' && typeof obj.abort === 'function');
  }
  function isTransformStream(obj) {
    return !!(obj && !isNodeStream(obj) && typeof obj.readable === 'object' && typeof obj.writable === 'object');
  }
  const isWebStream = (obj) => isReadableStream(obj) || isWritableStream(obj) || isTransformStream(obj);
  function isIterable(obj, isAsync) {
    if (obj == null) return false;
    if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
    if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
    return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
  }
  function isDestroyed(stream) {
    if (!isNodeStream(stream)) return null;
    const w = stream._writableState, r = stream._readableState;
    const state = w || r;
    return !!(stream.destroyed || (state && state.destroyed));
  }
  function isWritableEnded(stream) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableEnded === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.ended !== 'boolean') return null;
    return w.ended;
  }
  function isWritableFinished(stream, strict) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableFinished === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.finished !== 'boolean') return null;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
  }
  function isReadableFinished(stream, strict) {
    if (!isReadableNodeStream(stream)) return null;
    const r = stream._readableState;
    if (r && r.errored) return false;
    if (!r || typeof r.endEmitted !== 'boolean') return null;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
  }
  function isReadable(stream) {
    if (!stream || typeof stream.readable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
  }
  function isWritable(stream) {
    if (!stream || typeof stream.writable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
  }
  function isFinished(stream, opts) {
    if (!isNodeStream(stream)) return null;
    if (isDestroyed(stream)) return true;
    if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
    if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
    return true;
  }
  function isErrored(stream) {
    return !!(stream && (stream.errored || (stream._readableState && stream._readableState.errored) ||
      (stream._writableState && stream._writableState.errored)));
  }
  function isClosed(stream) {
    if (!isNodeStream(stream)) return null;
    const w = stream._writableState, r = stream._readableState;
    if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
      return (w && w.closed) || (r && r.closed);
    }
    if (typeof stream.closed === 'boolean') return stream.closed;
    return null;
  }
  function willEmitClose(stream) {
    if (!isNodeStream(stream)) return null;
    const state = stream._writableState || stream._readableState;
    return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
  }
  function erroredOf(stream) {
    const w = stream._writableState, r = stream._readableState;
    return (w && w.errored) || (r && r.errored) || null;
  }

  // finished(stream[, options], callback): calls back once when the stream is done or failed.
  function finished(stream, options, callback) {
    if (arguments.length === 2) { callback = options; options = {}; }
    else if (options == null) options = {};
    else if (typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
    if (typeof callback !== 'function') throw invalidArgType('callback', 'Function', callback);
    const { signal } = options;
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType('options.signal', 'AbortSignal', signal);
    }
    let called = false;
    const userCallback = callback;
    callback = function (...args) {
      if (called) return;
      called = true;
      userCallback.apply(this, args);
    };
    if (isReadableStream(stream) || isWritableStream(stream)) return finishedWeb(stream, options, callback);
    if (!isNodeStream(stream)) throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    const readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
    const writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
    const wState = stream._writableState, rState = stream._readableState;
    const onlegacyfinish = () => { if (!stream.writable) onfinish(); };
    let emitsClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;
    let writableFinished = isWritableFinished(stream, false);
    const onfinish = () => {
      writableFinished = true;
      if (stream.destroyed) emitsClose = false;
      if (emitsClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback.call(stream);
    };
    let readableFinished = isReadableFinished(stream, false);
    const onend = () => {
      readableFinished = true;
      if (stream.destroyed) emitsClose = false;
      if (emitsClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback.call(stream);
    };
    const onerror = (err) => { callback.call(stream, err); };
    let closed = isClosed(stream);
    const onclose = () => {
      closed = true;
      const errored = erroredOf(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      if (readable && !readableFinished && isReadableNodeStream(stream, true)) {
        if (!isReadableFinished(stream, false)) return callback.call(stream, ERR_STREAM_PREMATURE_CLOSE());
      }
      if (writable && !writableFinished) {
        if (!isWritableFinished(stream, false)) return callback.call(stream, ERR_STREAM_PREMATURE_CLOSE());
      }
      callback.call(stream);
    };
    const onclosed = () => {
      closed = true;
      const errored = erroredOf(stream);
      if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
      callback.call(stream);
    };
    if (writable && !wState) {
      stream.on('end', onlegacyfinish);
      stream.on('close', onlegacyfinish);
    }
    if (!emitsClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);
    stream.on('end', onend);
    stream.on('finish', onfinish);
    if (options.error !== false) stream.on('error', onerror);
    stream.on('close', onclose);
    if (closed) {
      nextTick(onclose);
    } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
      if (!emitsClose) nextTick(onclosed);
    } else if (!readable && (!emitsClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) {
      nextTick(onclosed);
    } else if (!writable && (!emitsClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
      nextTick(onclosed);
    }
    const cleanup = () => {
      callback = nop;
      stream.removeListener('aborted', onclose);
      stream.removeListener('end', onlegacyfinish);
      stream.removeListener('close', onlegacyfinish);
      stream.removeListener('end', onend);
      stream.removeListener('finish', onfinish);
      stream.removeListener('error', onerror);
      stream.removeListener('close', onclose);
    };
    if (options.signal && !closed) {
      const abort = () => {
        const endCallback = callback;
        cleanup();
        endCallback.call(stream, abortError(options.signal.reason));
      };
      if (options.signal.aborted) nextTick(abort);
      else {
        options.signal.addEventListener('abort', abort, { once: true });
        const original = callback;
        callback = function (...args) {
          options.signal.removeEventListener('abort', abort);
          original.apply(stream, args);
        };
      }
    }
    return cleanup;
  }

  // Node's eosWeb: a web stream is done when its closed promise settles.
  function finishedWeb(stream, options, callback) {
    let isAborted = false;
    if (options.signal) {
      const abort = () => {
        isAborted = true;
        callback.call(stream, abortError(options.signal.reason));
      };
      if (options.signal.aborted) nextTick(abort);
      else {
        options.signal.addEventListener('abort', abort, { once: true });
        const original = callback;
        callback = function (...args) {
          options.signal.removeEventListener('abort', abort);
          original.apply(stream, args);
        };
      }
    }
    const resolverFn = (...args) => {
      if (!isAborted) nextTick(() => callback.apply(stream, args));
    };
    stream[kIsClosedPromise].promise.then(resolverFn, resolverFn);
    return nop;
  }

  function addAbortSignal(signal, stream) {
    if (!signal || typeof signal.aborted !== 'boolean') throw invalidArgType('signal', 'AbortSignal', signal);
    if (!isNodeStream(stream) && !isWebStream(stream)) {
      throw invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    return addAbortSignalNoValidate(signal, stream);
  }
  // Without the checks: anything but a signal leaves the stream as it is.
  function addAbortSignalNoValidate(signal, stream) {
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) return stream;
    const onAbort = isNodeStream(stream) ? () => { stream.destroy(abortError(signal.reason)); }
      : () => { stream[kControllerErrorFunction](abortError(signal.reason)); };
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      finished(stream, () => signal.removeEventListener('abort', onAbort));
    }
    return stream;
  }

  // -------------------------------------------------------------------------------------------
  // pipeline(...streams, callback): pipes each stage into the next; async (generator) functions
  // may stand as stages; destroys every stream when one fails; calls back once at the end.
  function pipeline(...streams) {
    const callback = streams.pop();
    if (typeof callback !== 'function') throw invalidArgType('streams[stream.length - 1]', 'Function', callback);
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    return pipelineImpl(streams, callback);
  }
  function pipelineImpl(streams, callback, opts) {
    if (streams.length < 2) throw missingArgs('streams');
    const ac = typeof AbortController === 'function' ? new AbortController() : null;
    const signal = ac ? ac.signal : undefined;
    const outerSignal = opts && opts.signal;
    const lastStreamCleanup = [];
    function abort() { finishImpl(abortError(outerSignal && outerSignal.reason)); }
    if (outerSignal) {
      if (outerSignal.aborted) nextTick(abort);
      else outerSignal.addEventListener('abort', abort, { once: true });
    }
    let error, value;
    const destroys = [];
    let finishCount = 0;
    let done = false;
    function finish(err) { finishImpl(err, --finishCount === 0); }
    function finishImpl(err, final) {
      if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (outerSignal) outerSignal.removeEventListener('abort', abort);
      if (ac) ac.abort();
      if (final && !done) {
        done = true;
        if (!error) for (const fn of lastStreamCleanup) fn();
        nextTick(callback, error, value);
      }
    }
    function streamDestroyer(stream, reading, writing) {
      let isDone = false;
      stream.on('close', () => { isDone = true; });
      const cleanup = finished(stream, { readable: reading, writable: writing }, (err) => { isDone = !err; });
      return {
        destroy: (err) => {
          if (isDone) return;
          isDone = true;
          destroyer(stream, err || ERR_STREAM_DESTROYED('pipe'));
        },
        cleanup,
      };
    }
    let ret;
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || !opts || opts.end !== false;
      const isLastStream = i === streams.length - 1;
      if (isNodeStream(stream)) {
        if (end) {
          const { destroy: d, cleanup } = streamDestroyer(stream, reading, writing);
          destroys.push(d);
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        }
        const onError = (err) => {
          if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
        };
        stream.on('error', onError);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(() => stream.removeListener('error', onError));
      }
      if (i === 0) {
        if (typeof stream === 'function') {
          ret = stream({ signal });
          if (!isIterable(ret)) throw ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
        } else if (isIterable(stream) || isReadableNodeStream(stream) || isTransformStream(stream)) {
          ret = stream;
        } else {
          ret = Duplex.from(stream);
        }
      } else if (typeof stream === 'function') {
        if (isTransformStream(ret)) ret = ret.readable;
        ret = isReadableNodeStream(ret) && !isIterable(ret) ? fromReadable(ret) : ret;
        ret = stream(ret, { signal });
        if (reading) {
          if (!isIterable(ret, true)) throw ERR_INVALID_RETURN_VALUE('AsyncIterable', `transform[${i - 1}]`, ret);
        } else {
          const pt = new PassThrough({ objectMode: true });
          const then = ret && ret.then;
          if (typeof then === 'function') {
            finishCount++;
            then.call(ret, (val) => {
              value = val;
              if (val != null) pt.write(val);
              if (end) pt.end();
              nextTick(finish);
            }, (err) => {
              pt.destroy(err);
              nextTick(finish, err);
            });
          } else if (isIterable(ret, true)) {
            finishCount++;
            pump(ret, pt, finish, { end });
          } else if (isReadableStream(ret) || isTransformStream(ret)) {
            finishCount++;
            pump(ret.readable || ret, pt, finish, { end });
          } else {
            throw ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', ret);
          }
          ret = pt;
          const { destroy: d, cleanup } = streamDestroyer(ret, false, true);
          destroys.push(d);
          if (isLastStream) lastStreamCleanup.push(cleanup);
        }
      } else if (isNodeStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount += 2;
          const cleanup = pipe(ret, stream, finish, { end });
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (isTransformStream(ret) || isReadableStream(ret)) {
          finishCount++;
          pump(ret.readable || ret, stream, finish, { end });
        } else if (isIterable(ret)) {
          finishCount++;
          pump(ret, stream, finish, { end });
        } else {
          throw invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
        }
        ret = stream;
      } else if (isWebStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount++;
          pumpToWeb(isIterable(ret) ? ret : fromReadable(ret), stream, finish, { end });
        } else if (isReadableStream(ret) || isIterable(ret)) {
          finishCount++;
          pumpToWeb(ret, stream, finish, { end });
        } else if (isTransformStream(ret)) {
          finishCount++;
          pumpToWeb(ret.readable, stream, finish, { end });
        } else {
          throw invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'], ret);
        }
        ret = stream;
      } else {
        ret = Duplex.from(stream);
      }
    }
    if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
    return ret;
  }
  function pipe(src, dst, finish, { end }) {
    let ended = false;
    dst.on('close', () => { if (!ended) finish(ERR_STREAM_PREMATURE_CLOSE()); });
    src.pipe(dst, { end: false });
    if (end) {
      const endFn = () => { ended = true; dst.end(); };
      if (isReadableFinished(src)) nextTick(endFn);
      else src.once('end', endFn);
      finished(src, { readable: true, writable: false }, (err) => {
        const rState = src._readableState;
        if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
          src.once('end', endFn).once('error', finish);
        } else {
          finish(err);
        }
      });
    } else {
      finish();
    }
    return finished(dst, { readable: false, writable: true }, finish);
  }
  // Node's pumpToWeb: chunks into a WritableStream (or a TransformStream's), with backpressure.
  async function pumpToWeb(readable, writable, finish, { end }) {
    if (isTransformStream(writable)) writable = writable.writable;
    const writer = writable.getWriter();
    try {
      for await (const chunk of readable) {
        await writer.ready;
        writer.write(chunk).catch(() => {});
      }
      await writer.ready;
      if (end) await writer.close();
      finish();
    } catch (err) {
      try {
        await writer.abort(err);
        finish(err);
      } catch (err2) {
        finish(err2);
      }
    }
  }
  async function pump(iterable, writable, finish, { end }) {
    let error;
    let onresolve = null;
    const resume = (err) => {
      if (err) error = err;
      if (onresolve) { const cb = onresolve; onresolve = null; cb(); }
    };
    const wait = () => new Promise((resolve, reject) => {
      if (error) reject(error);
      else onresolve = () => { if (error) reject(error); else resolve(); };
    });
    writable.on('drain', resume);
    const cleanup = finished(writable, { readable: false }, resume);
    try {
      if (writable.writableNeedDrain) await wait();
      for await (const chunk of iterable) {
        if (!writable.write(chunk)) await wait();
      }
      if (end) {
        writable.end();
        await wait();
      }
      finish();
    } catch (err) {
      finish(error !== err ? aggregateTwoErrors(error, err) : err);
    } finally {
      cleanup();
      writable.off('drain', resume);
    }
  }

  const promises = {
    pipeline(...streams) {
      return new Promise((resolve, reject) => {
        let opts;
        const last = streams[streams.length - 1];
        if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last) && !isWebStream(last)) {
          opts = streams.pop();
        }
        if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
        pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
      });
    },
    finished(stream, opts) {
      let autoCleanup = false;
      if (opts === null) opts = {};
      if (opts?.cleanup) {
        if (typeof opts.cleanup !== 'boolean') throw invalidArgType('cleanup', 'boolean', opts.cleanup);
        autoCleanup = opts.cleanup;
      }
      return new Promise((resolve, reject) => {
        const cleanup = finished(stream, opts, (err) => {
          if (autoCleanup) cleanup();
          if (err) reject(err);
          else resolve();
        });
      });
    },
  };
  define(pipeline, util.promisify.custom, promises.pipeline);
  define(finished, util.promisify.custom, promises.finished);

  Stream.Stream = Stream;
  Stream.Readable = Readable;
  Stream.Writable = Writable;
  Stream.Duplex = Duplex;
  Stream.Transform = Transform;
  Stream.PassThrough = PassThrough;
  Stream.pipeline = pipeline;
  Stream.finished = finished;
  Stream.addAbortSignal = addAbortSignal;
  Stream.destroy = destroyer;
  Stream.isReadable = isReadable;
  Stream.isWritable = isWritable;
  Stream.isErrored = isErrored;
  Stream.isDisturbed = (s) => !!(s && s._readableState && (s._readableState.dataEmitted || s._readableState.endEmitted || s._readableState.errored));
  Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
  Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
  Stream.promises = promises;
  Stream._isUint8Array = (v) => v instanceof Uint8Array;
  Stream._uint8ArrayToBuffer = (v) => toBuffer(v);
  Object.defineProperty(Stream, 'promises', { value: promises, enumerable: true, configurable: true, writable: true });
  registerBuiltin('stream', Stream);
  registerBuiltin('stream/promises', promises);
  // Node's old module names for the stream classes.
  registerBuiltin('_stream_readable', Readable);
  registerBuiltin('_stream_writable', Writable);
  registerBuiltin('_stream_duplex', Duplex);
  registerBuiltin('_stream_transform', Transform);
  registerBuiltin('_stream_passthrough', PassThrough);
  return {
    Stream, Readable, Writable, Duplex, Transform, PassThrough, finished, pipeline, destroyer, isNodeStream, errorOrDestroy,
    from, addAbortSignal, addAbortSignalNoValidate,
  };
})();

// ---------------------------------------------------------------------------------------------
// fs.createReadStream / fs.createWriteStream: Node's ReadStream and WriteStream. They do their
// I/O through `options.fs` (open/read/write/writev/close, default the fs module, so patching
// fs.open or fs.read is seen), or through a FileHandle given as `fd`; a file is opened in
// _construct, or by a monkey-patched open() for old code.
(() => {
  const { Readable, Writable, errorOrDestroy } = nodeStream;
  const kFs = Symbol('kFs'), kHandle = Symbol('kHandle'), kIsPerformingIO = Symbol('kIsPerformingIO'), kIoDone = Symbol('kIoDone');
  // Node 18's fs streams refuse these two cases with this error (lib/internal/fs/streams.js):
  // a FileHandle is already open, and its operations are the handle's own.
  const notImplemented = (what) => nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${what} method is not implemented`);
  const validateFn = (v, name) => { if (typeof v !== 'function') throw invalidArgType(name, 'Function', v); };
  // A FileHandle as the fs operations a stream uses.
  const handleOperations = (handle) => ({
    open() { throw notImplemented('open()'); },
    close(fd, cb) { handle[kUnref](); handle.close().then(() => cb(), cb); },
    read(fd, buf, offset, length, pos, cb) { handle.read(buf, offset, length, pos).then((r) => cb(null, r.bytesRead, r.buffer), (err) => cb(err, 0, buf)); },
    write(fd, buf, offset, length, pos, cb) { handle.write(buf, offset, length, pos).then((r) => cb(null, r.bytesWritten, r.buffer), (err) => cb(err, 0, buf)); },
    writev(fd, buffers, pos, cb) { handle.writev(buffers, pos).then((r) => cb(null, r.bytesWritten, r.buffers), (err) => cb(err, 0, buffers)); },
  });
  function importFd(stream, options) {
    if (typeof options.fd === 'number') {
      stream[kFs] = options.fs || fs;
      return options.fd;
    }
    if (typeof options.fd === 'object' && options.fd instanceof FileHandle) {
      if (options.fs) throw notImplemented('FileHandle with fs');
      stream[kHandle] = options.fd;
      stream[kFs] = handleOperations(options.fd);
      // The stream holds a reference: closing the handle waits for the stream to close.
      options.fd[kRef]();
      options.fd.on('close', () => stream.close());
      return options.fd.fd;
    }
    throw invalidArgType('options.fd', ['number', 'FileHandle'], options.fd);
  }
  // Node's copyObject(getOptions(options)): the encoding is checked, and inherited enumerable
  // options count too.
  const streamOptions = (options) => {
    options = getOptions(options, {});
    const copy = {};
    for (const key in options) copy[key] = options[key];
    return copy;
  };
  function setUp(stream, path, options, defaultFlags) {
    if (options.fd == null) {
      stream.fd = null;
      stream[kFs] = options.fs || fs;
      validateFn(stream[kFs].open, 'options.fs.open');
      stream.path = path instanceof URL ? fileURLToPath(path) : path;
      stream.flags = options.flags === undefined ? defaultFlags : options.flags;
      stream.mode = options.mode === undefined ? 0o666 : options.mode;
      toPath(stream.path);
    } else {
      stream.fd = getValidatedFd(importFd(stream, options));
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    stream[kIsPerformingIO] = false;
  }
  function construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') { callback(); return; }
    if (stream.open !== openWriteFs && stream.open !== openReadFs) {
      // Old code patches open() and emits 'open' itself: construction ends on that event.
      const orgEmit = stream.emit;
      stream.emit = function (...args) {
        if (args[0] === 'open') {
          this.emit = orgEmit;
          callback();
          Reflect.apply(orgEmit, this, args);
        } else if (args[0] === 'error') {
          this.emit = orgEmit;
          callback(args[1]);
        } else {
          Reflect.apply(orgEmit, this, args);
        }
      };
      stream.open();
    } else {
      stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
        if (er) { callback(er); return; }
        stream.fd = fd;
        callback();
        stream.emit('open', stream.fd);
        stream.emit('ready');
      });
    }
  }
  function closeStream(stream, err, cb) {
    if (!stream.fd) { cb(err); return; }
    const finish = () => { stream[kFs].close(stream.fd, (er) => { cb(er || err); }); stream.fd = null; };
    if (stream.flush) stream[kFs].fsync(stream.fd, (flushErr) => { err = err || flushErr; finish(); });
    else finish();
  }
  function destroyWhenIdle(err, cb) {
    // The fd may not be closed under a read or write still running on the worker pool.
    if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeStream(this, err || er, cb));
    else closeStream(this, err, cb);
  }
  const openReadFs = util.deprecate(function open() {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
  const openWriteFs = util.deprecate(function open() {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = streamOptions(options);
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    setUp(this, path, options, 'r');
    validateFn(this[kFs].read, 'options.fs.read');
    if (options.autoDestroy) validateFn(this[kFs].close, 'options.fs.close');
    this.start = options.start;
    this.end = options.end ?? Infinity;
    this.pos = undefined;
    this.bytesRead = 0;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    if (this.end !== Infinity) {
      validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) throw outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
    }
    Readable.call(this, options);
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);
  Object.defineProperty(ReadStream.prototype, 'autoClose', {
    get() { return this._readableState.autoDestroy; }, set(v) { this._readableState.autoDestroy = v; }, configurable: true,
  });
  Object.defineProperty(ReadStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
  ReadStream.prototype.open = openReadFs;
  ReadStream.prototype._construct = construct;
  ReadStream.prototype._read = function (n) {
    n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) { this.push(null); return; }
    const buf = Buffer.allocUnsafeSlow(n);
    this[kIsPerformingIO] = true;
    this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead, b) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) { this.emit(kIoDone, er); return; }
      if (er) errorOrDestroy(this, er);
      else if (bytesRead > 0) {
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        this.push(bytesRead !== b.length ? Buffer.from(b.subarray(0, bytesRead)) : b);
      } else {
        this.push(null);
      }
    });
  };
  ReadStream.prototype._destroy = destroyWhenIdle;
  ReadStream.prototype.close = function (cb) {
    if (typeof cb === 'function') nodeStream.finished(this, cb);
    this.destroy();
  };

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = streamOptions(options);
    options.decodeStrings = true;
    setUp(this, path, options, 'w');
    const ops = this[kFs];
    if (!ops.write && !ops.writev) throw invalidArgType('options.fs.write', 'function', ops.write);
    if (ops.write) validateFn(ops.write, 'options.fs.write');
    if (ops.writev) validateFn(ops.writev, 'options.fs.writev');
    if (options.autoDestroy) validateFn(ops.close, 'options.fs.close');
    // Either one is enough: without write() a single chunk goes through writev(), and the other
    // way round.
    if (!ops.write) this._write = function (data, encoding, cb) { this._writev([{ chunk: data, encoding }], cb); };
    if (!ops.writev) this._writev = null;
    this.start = options.start;
    this.pos = undefined;
    this.bytesWritten = 0;
    this.flush = options.flush === true;
    if (this.start !== undefined) {
      validateInteger(this.start, 'start', 0);
      this.pos = this.start;
    }
    Writable.call(this, options);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);
  Object.defineProperty(WriteStream.prototype, 'autoClose', {
    get() { return this._writableState.autoDestroy; }, set(v) { this._writableState.autoDestroy = v; }, configurable: true,
  });
  Object.defineProperty(WriteStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
  WriteStream.prototype.open = openWriteFs;
  WriteStream.prototype._construct = construct;
  // Writes until everything is out, retrying a write that wrote nothing (EAGAIN) up to 5 times.
  function writeAllOf(stream, data, size, pos, cb, retries = 0) {
    stream[kFs].write(stream.fd, data, 0, size, pos, (er, bytesWritten, buffer) => {
      if (er && er.code === 'EAGAIN') { er = null; bytesWritten = 0; }
      if (stream.destroyed || er) { cb(er || nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed')); return; }
      stream.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      if (pos !== undefined && pos !== null) pos += bytesWritten;
      if (retries > 5) cb(new Error('writeAll failed'));
      else if (size) writeAllOf(stream, (buffer || data).subarray(bytesWritten), size, pos, cb, retries);
      else cb();
    });
  }
  function writevAllOf(stream, chunks, size, pos, cb, retries = 0) {
    stream[kFs].writev(stream.fd, chunks, pos, (er, bytesWritten) => {
      if (er && er.code === 'EAGAIN') { er = null; bytesWritten = 0; }
      if (stream.destroyed || er) { cb(er || nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call writev after a stream was destroyed')); return; }
      stream.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      if (pos !== undefined && pos !== null) pos += bytesWritten;
      if (retries > 5) { cb(new Error('writev failed')); return; }
      if (!size) { cb(); return; }
      // Drop what was written and go on with the rest.
      let skip = bytesWritten;
      while (skip > 0 && chunks.length && chunks[0].length <= skip) skip -= chunks.shift().length;
      if (skip > 0) chunks[0] = chunks[0].subarray(skip);
      writevAllOf(stream, chunks, size, pos, cb, retries);
    });
  }
  function afterIo(stream, cb) {
    return (er) => {
      stream[kIsPerformingIO] = false;
      cb(er);
      if (stream.destroyed) stream.emit(kIoDone, er);
    };
  }
  WriteStream.prototype._write = function (data, encoding, cb) {
    this[kIsPerformingIO] = true;
    writeAllOf(this, data, data.length, this.pos, afterIo(this, cb));
    if (this.pos !== undefined) this.pos += data.length;
  };
  WriteStream.prototype._writev = function (data, cb) {
    const chunks = data.map((d) => d.chunk);
    const size = chunks.reduce((n, c) => n + c.length, 0);
    this[kIsPerformingIO] = true;
    writevAllOf(this, chunks, size, this.pos, afterIo(this, cb));
    if (this.pos !== undefined) this.pos += size;
  };
  WriteStream.prototype._destroy = destroyWhenIdle;
  WriteStream.prototype.close = function (cb) {
    if (cb) {
      if (this.closed) { nextTick(cb); return; }
      this.on('close', cb);
    }
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  };
  WriteStream.prototype.destroySoon = WriteStream.prototype.end;

  fs.ReadStream = ReadStream;
  fs.WriteStream = WriteStream;
  fs.FileReadStream = ReadStream;
  fs.FileWriteStream = WriteStream;
  fs.createReadStream = function createReadStream(path, options) { return new ReadStream(path, options); };
  fs.createWriteStream = function createWriteStream(path, options) { return new WriteStream(path, options); };
})();

// ---------------------------------------------------------------------------------------------
// process.stdin, stdout, stderr as streams. stdout/stderr write synchronously (as Node does for
// files and pipes); stdin reads only once something consumes it.
(() => {
  const { Readable, Writable } = nodeStream;
  function stdioWriter(fd) {
    const w = new Writable({
      decodeStrings: false,
      write(chunk, encoding, cb) {
        ops.op_write(fd, typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding) : chunk);
        cb();
      },
      writev(chunks, cb) {
        for (const { chunk, encoding } of chunks) this._write(chunk, encoding, nop0);
        cb();
      },
    });
    w.fd = fd;
    w._isStdio = true;
    // Node's stdout/stderr (a SyncWriteStream, or a net.Socket made with readable: false) are
    // not readable.
    w.readable = false;
    w.destroySoon = w.destroy;
    // Node's dummyDestroy: destroying stdout or stderr leaves it writable (the fd stays open);
    // 'close' is still emitted, so finished() and pipeline() see the end.
    w._destroy = function dummyDestroy(err, cb) {
      cb(err);
      this._undestroy();
      if (!this._writableState.emitClose) nextTick(() => { this.emit('close'); });
    };
    w.getColorDepth = function () { return this.isTTY && !process.env.NO_COLOR ? 8 : 1; };
    w.hasColors = function () { return this.getColorDepth() > 2; };
    w.getWindowSize = function () { return [this.columns || 80, this.rows || 24]; };
    return w;
  }
  const nop0 = () => {};
  process.stdout = stdioWriter(1);
  process.stderr = stdioWriter(2);

  const stdin = new Readable({
    highWaterMark: 65536,
    read() {
      opAsyncNodeError(ops.op_stdin_read_async).then(uncaughtIn((bytes) => {
        this.push(bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
      }), uncaughtIn((err) => { this.destroy(err); }));
    },
  });
  stdin.fd = 0;
  stdin._isStdio = true;
  // A paused stdin does not keep the program alive, a flowing one does.
  const pause = stdin.pause, resume = stdin.resume;
  stdin.pause = function () { ops.op_stdin_ref(false); return pause.call(this); };
  stdin.resume = function () { ops.op_stdin_ref(true); return resume.call(this); };
  stdin.ref = function () { ops.op_stdin_ref(true); return this; };
  stdin.unref = function () { ops.op_stdin_ref(false); return this; };
  stdin.setRawMode = function () { return this; };
  process.stdin = stdin;
  // Deprecated but still in Node 20, and used by old CLIs (mustache's bin): flowing stdin.
  process.openStdin = function openStdin() { process.stdin.resume(); return process.stdin; };
})();
