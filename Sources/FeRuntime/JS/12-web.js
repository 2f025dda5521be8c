// web: the web-platform globals Node has and V8 lacks - DOMException, TextEncoder/TextDecoder,
// atob/btoa, structuredClone, Event/EventTarget/CustomEvent and AbortController/AbortSignal
// (performance is Node's own, 49-perf_hooks.js). Behaviour (including error codes and messages) follows Node 20.
// Uses from earlier files: 00-core.js (hasOwn, define, check); 01-inspect.js (customInspect, constructorName, inspect); 02-errors.js (nodeError, invalidArgType, outOfRange, missingArgs); 03-loop.js (nextTick, fatal, Timeout, setTimeout, clearTimeout); 04-events.js (eventTargetHooks, EventEmitter); 05-process.js (process, startTime); 08-fs.js (validateAbortSignal, abortError); 10-builtins.js (util); 11-buffer.js (latin1Bytes, latin1Text, bufferModule).

// Block-scoped: the runtime's files share one scope; only the globals defined at the end are public.
{
  // What a custom inspect passes on: the caller's options, `levels` deeper.
  const nestedInspectOptions = (o, levels = 1) => ({
    colors: o.colors, compact: o.compact, breakLength: o.breakLength, showHidden: o.showHidden, sorted: o.sorted,
    depth: typeof o.depth === 'number' ? o.depth - levels : o.depth,
  });

  // ---------------------------------------------------------------------------------------------
  // DOMException: an Error by prototype, with name/message/code as prototype getters.
  const domExceptionState = new WeakMap();
  const domExceptionCodes = new Map();
  function domState(self) {
    const s = domExceptionState.get(self);
    if (s === undefined) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of DOMException');
    return s;
  }
  class DOMException {
    constructor(message = '', options = 'Error') {
      Error.captureStackTrace(this); // formatted lazily, so the name and message set below show
      let name = options;
      if (options && typeof options === 'object') {
        name = options.name;
        if ('cause' in options) define(this, 'cause', options.cause);
      }
      domExceptionState.set(this, { message: `${message}`, name: `${name}` });
    }
    get name() { return domState(this).name; }
    get message() { return domState(this).message; }
    get code() {
      const name = domState(this).name;
      return domExceptionCodes.get(name) || 0;
    }
  }
  Object.setPrototypeOf(DOMException.prototype, Error.prototype);
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { configurable: true, value: 'DOMException' });
  for (const key of ['name', 'message', 'code']) Object.defineProperty(DOMException.prototype, key, { enumerable: true });
  [['IndexSizeError', 'INDEX_SIZE_ERR'], ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
    ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'], ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
    ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'], ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
    ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'], ['NotFoundError', 'NOT_FOUND_ERR'],
    ['NotSupportedError', 'NOT_SUPPORTED_ERR'], ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
    ['InvalidStateError', 'INVALID_STATE_ERR'], ['SyntaxError', 'SYNTAX_ERR'],
    ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'], ['NamespaceError', 'NAMESPACE_ERR'],
    ['InvalidAccessError', 'INVALID_ACCESS_ERR'], ['ValidationError', 'VALIDATION_ERR'],
    ['TypeMismatchError', 'TYPE_MISMATCH_ERR'], ['SecurityError', 'SECURITY_ERR'], ['NetworkError', 'NETWORK_ERR'],
    ['AbortError', 'ABORT_ERR'], ['URLMismatchError', 'URL_MISMATCH_ERR'], ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
    ['TimeoutError', 'TIMEOUT_ERR'], ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'], ['DataCloneError', 'DATA_CLONE_ERR'],
  ].forEach(([name, constant], i) => {
    const desc = { enumerable: true, value: i + 1 };
    Object.defineProperty(DOMException, constant, desc);
    Object.defineProperty(DOMException.prototype, constant, desc);
    // Names dropped from WebIDL keep their constant but report code 0.
    if (!['DOMStringSizeError', 'NoDataAllowedError', 'ValidationError'].includes(name)) domExceptionCodes.set(name, i + 1);
  });

  // ---------------------------------------------------------------------------------------------
  // TextEncoder / TextDecoder (utf-8, utf-16le/be and windows-1252, which Node 20 decodes as latin1).
  const isTextEncoder = new WeakSet();
  const kEncoderBrand = Symbol('encoder');
  class TextEncoder {
    // As Node's, an encoder carries its brand as an own property (Symbol(encoder)).
    constructor() { isTextEncoder.add(this); this[kEncoderBrand] = true; }
    get encoding() { checkThis(isTextEncoder.has(this), 'TextEncoder'); return 'utf-8'; }
    encode(input = '') {
      checkThis(isTextEncoder.has(this), 'TextEncoder');
      return ops.op_utf8_encode(`${input}`);
    }
    // Writes whole characters while they fit; `read` counts UTF-16 units consumed.
    encodeInto(src, dest) {
      checkThis(isTextEncoder.has(this), 'TextEncoder');
      if (typeof src !== 'string') throw invalidArgType('src', 'string', src);
      if (!(dest instanceof Uint8Array)) throw invalidArgType('dest', 'Uint8Array', dest);
      let read = 0, written = 0;
      const n = dest.length;
      while (read < src.length) {
        let c = src.charCodeAt(read), units = 1;
        if (c >= 0xd800 && c <= 0xdbff && (src.charCodeAt(read + 1) & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (src.charCodeAt(read + 1) - 0xdc00);
          units = 2;
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (written + size > n) break;
        if (size === 1) dest[written] = c;
        else {
          let shift = (size - 1) * 6;
          dest[written] = ((0xf00 >> size) & 0xff) | (c >> shift);
          for (let i = 1; i < size; i++) { shift -= 6; dest[written + i] = 0x80 | ((c >> shift) & 0x3f); }
        }
        written += size;
        read += units;
      }
      return { read, written };
    }
    [customInspect](depth, opts) {
      checkThis(isTextEncoder.has(this), 'TextEncoder');
      return typeof depth === 'number' && depth < 0 ? this : inspect({ encoding: this.encoding }, nestedInspectOptions(opts, 0));
    }
  }
  Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { configurable: true, value: 'TextEncoder' });
  function checkThis(ok, type) {
    if (!ok) throw nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
  }

  const textDecoderLabels = new Map();
  for (const [encoding, labels] of [
    ['utf-8', 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 utf-8 x-unicode20utf8'],
    ['utf-16le', 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16le utf-16'],
    ['utf-16be', 'unicodefffe utf-16be'],
    ['windows-1252', 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252'],
  ]) for (const label of labels.split(' ')) textDecoderLabels.set(label, encoding);

  // The length of an incomplete UTF-8 sequence at the end of `b` (0 if it ends whole or broken).
  function utf8IncompleteTail(b) {
    for (let back = 1; back <= 3 && back <= b.length; back++) {
      const c = b[b.length - back];
      if ((c & 0xc0) === 0x80) continue;
      const need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (need <= back) return 0;
      // The second byte's range depends on the lead byte (no overlongs, surrogates or > U+10FFFF).
      if (back >= 2) {
        const d = b[b.length - back + 1];
        const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
        const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
        if (d < lo || d > hi) return 0;
      }
      return back;
    }
    return 0;
  }
  const decoderState = new WeakMap();
  const kDecoderFlags = Symbol('flags'), kDecoderHandle = Symbol('handle'), kDecoderBrand = Symbol('decoder');
  const kDecoderEncoding = Symbol('encoding'), kDecoderFatal = Symbol('kFatal'), kDecoderIgnoreBOM = Symbol('kIgnoreBOM');
  const kDecoderUTF8FastPath = Symbol('kUTF8FastPath');
  class TextDecoder {
    constructor(encoding = 'utf-8', options = {}) {
      encoding = `${encoding}`;
      if (options !== null && typeof options !== 'object' && typeof options !== 'function') throw invalidArgType('options', 'Object', options);
      const enc = textDecoderLabels.get(encoding) || textDecoderLabels.get(encoding.toLowerCase().replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ''));
      if (enc === undefined) throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
      decoderState.set(this, {
        encoding: enc, fatal: Boolean(options && options.fatal), ignoreBOM: Boolean(options && options.ignoreBOM),
        pending: null, bomSeen: false,
      });
      // Node's decoder keeps its state in own properties under these symbols (the converter
      // flags: fatal 2, ignoreBOM 4; its ICU converter handle, which fe never has).
      const { fatal, ignoreBOM } = decoderState.get(this);
      this[kDecoderBrand] = true;
      this[kDecoderFlags] = (fatal ? 2 : 0) | (ignoreBOM ? 4 : 0);
      this[kDecoderEncoding] = enc;
      this[kDecoderIgnoreBOM] = ignoreBOM;
      this[kDecoderFatal] = fatal;
      this[kDecoderUTF8FastPath] = enc === 'utf-8';
      this[kDecoderHandle] = undefined;
    }
    get encoding() { return decoderOf(this).encoding; }
    get fatal() { return decoderOf(this).fatal; }
    get ignoreBOM() { return decoderOf(this).ignoreBOM; }
    decode(input = new Uint8Array(0), options = {}) {
      const s = decoderOf(this);
      let bytes;
      // A detached buffer reads as no bytes, as in Node.
      const viewOf = (...args) => { try { return new Uint8Array(...args); } catch { return new Uint8Array(0); } };
      if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) bytes = viewOf(input);
      else if (ArrayBuffer.isView(input)) bytes = viewOf(input.buffer, input.byteOffset, input.byteLength);
      else throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
      const stream = Boolean(options && options.stream);
      if (stream && this[kDecoderUTF8FastPath]) this[kDecoderUTF8FastPath] = false;
      if (s.pending !== null) {
        const joined = new Uint8Array(s.pending.length + bytes.length);
        joined.set(s.pending);
        joined.set(bytes, s.pending.length);
        bytes = joined;
        s.pending = null;
      }
      let keep = 0;
      if (stream) {
        if (s.encoding === 'utf-8') keep = utf8IncompleteTail(bytes);
        else if (s.encoding !== 'windows-1252') keep = utf16IncompleteTail(bytes, s.encoding === 'utf-16be');
        if (keep > 0) { s.pending = bytes.slice(bytes.length - keep); bytes = bytes.subarray(0, bytes.length - keep); }
      }
      let text;
      if (s.encoding === 'utf-8') {
        if (s.fatal && !ops.op_utf8_valid(bytes)) {
          s.pending = null;
          throw nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
        }
        text = ops.op_utf8_decode(bytes);
      } else if (s.encoding === 'windows-1252') text = latin1Text(bytes);
      else text = utf16Decode(bytes, s.encoding === 'utf-16be', s.fatal, s.encoding);
      // A BOM is dropped only at the start of a stream; a call without `stream` ends the stream.
      if (text.length > 0 && !s.bomSeen && !s.ignoreBOM) {
        if (text.charCodeAt(0) === 0xfeff && s.encoding !== 'windows-1252') text = text.slice(1);
        s.bomSeen = true;
      }
      if (!stream) s.bomSeen = false;
      return text;
    }
    // Node's: with showHidden, also its converter flags and handle.
    [customInspect](depth, opts) {
      const s = decoderOf(this);
      if (typeof depth === 'number' && depth < 0) return this;
      const obj = { encoding: s.encoding, fatal: s.fatal, ignoreBOM: s.ignoreBOM };
      if (opts?.showHidden) {
        obj[kDecoderFlags] = this[kDecoderFlags];
        obj[kDecoderHandle] = this[kDecoderHandle];
      }
      return `TextDecoder ${inspect(obj)}`;
    }
  }
  Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { configurable: true, value: 'TextDecoder' });
  function decoderOf(self) {
    const s = decoderState.get(self);
    checkThis(s !== undefined, 'TextDecoder');
    return s;
  }
  // A trailing odd byte, or a high surrogate waiting for its pair.
  function utf16IncompleteTail(b, be) {
    let keep = b.length % 2;
    const end = b.length - keep;
    if (end >= 2) {
      const unit = be ? (b[end - 2] << 8) | b[end - 1] : b[end - 2] | (b[end - 1] << 8);
      if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
    }
    return keep;
  }
  function utf16Decode(b, be, fatal, encoding) {
    const units = [];
    let out = '';
    const bad = () => {
      if (fatal) throw nodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`);
      return 0xfffd;
    };
    const n = b.length >>> 1;
    for (let i = 0; i < n; i++) {
      const u = be ? (b[2 * i] << 8) | b[2 * i + 1] : b[2 * i] | (b[2 * i + 1] << 8);
      if (u >= 0xd800 && u <= 0xdbff) {
        const next = i + 1 < n ? (be ? (b[2 * i + 2] << 8) | b[2 * i + 3] : b[2 * i + 2] | (b[2 * i + 3] << 8)) : -1;
        if (next >= 0xdc00 && next <= 0xdfff) { units.push(u, next); i++; } else if (next < 0 && b.length % 2 === 1) {
        units.push(bad()); // a surrogate cut off at the very end is one error, however many bytes
        return out + String.fromCharCode.apply(null, units);
      } else units.push(bad());
      } else if (u >= 0xdc00 && u <= 0xdfff) units.push(bad());
      else units.push(u);
      if (units.length >= 8192) { out += String.fromCharCode.apply(null, units); units.length = 0; }
    }
    if (b.length % 2 === 1) units.push(bad());
    return out + String.fromCharCode.apply(null, units);
  }
  util.TextEncoder = TextEncoder;
  util.TextDecoder = TextDecoder;

  // ---------------------------------------------------------------------------------------------
  // atob / btoa: WHATWG forgiving base64, with Node's DOMException messages.
  function atob(input) {
    if (arguments.length === 0) throw missingArgs('input');
    let s = `${input}`.replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (/[^A-Za-z0-9+/]/.test(s)) throw new DOMException('Invalid character', 'InvalidCharacterError');
    if (s.length % 4 === 1) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
    return latin1Text(ops.op_base64_decode(s));
  }
  function btoa(input) {
    if (arguments.length === 0) throw missingArgs('input');
    const s = `${input}`;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) throw new DOMException('Invalid character', 'InvalidCharacterError');
    return ops.op_base64_encode(latin1Bytes(s), false);
  }
  bufferModule.atob = atob;
  bufferModule.btoa = btoa;

  // ---------------------------------------------------------------------------------------------
  // structuredClone: the HTML structured clone algorithm as V8's serializer implements it.
  // Prototypes are not kept (class instances become plain objects); cycles and shared buffers are.
  const cloneErrorTypes = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  function notCloneable(v) {
    let what;
    if (typeof v === 'function') what = Function.prototype.toString.call(v);
    else if (typeof v === 'symbol') what = String(v);
    else what = `#<${constructorName(v) || 'Object'}>`;
    return new DOMException(`${what} could not be cloned.`, 'DataCloneError');
  }
  function cloneValue(v, memo) {
    if (typeof v === 'symbol' || typeof v === 'function') throw notCloneable(v);
    if (v === null || typeof v !== 'object') return v;
    if (memo.has(v)) return memo.get(v);
    const keep = (copy) => { memo.set(v, copy); return copy; };
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet ||
      (typeof WeakRef === 'function' && v instanceof WeakRef)) throw notCloneable(v);
    if (v instanceof Date) return keep(new Date(v.getTime()));
    if (v instanceof RegExp) return keep(new RegExp(v.source, v.flags));
    if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt) return keep(Object(v.valueOf()));
    if (v instanceof ArrayBuffer) return keep(v.slice(0));
    if (ArrayBuffer.isView(v)) {
      const buffer = cloneValue(v.buffer, memo);
      if (v instanceof DataView) return keep(new DataView(buffer, v.byteOffset, v.byteLength));
      const Ctor = globalThis[v[Symbol.toStringTag]];
      return keep(new Ctor(buffer, v.byteOffset, v.length));
    }
    if (v instanceof Map) {
      const copy = keep(new Map());
      for (const [k, x] of v) copy.set(cloneValue(k, memo), cloneValue(x, memo));
      return copy;
    }
    if (v instanceof Set) {
      const copy = keep(new Set());
      for (const x of v) copy.add(cloneValue(x, memo));
      return copy;
    }
    if (v instanceof Error) {
      const name = v.name;
      const copy = keep(Object.create((hasOwn(cloneErrorTypes, name) ? cloneErrorTypes[name] : Error).prototype));
      if (typeof v.stack === 'string') define(copy, 'stack', v.stack);
      const message = Object.getOwnPropertyDescriptor(v, 'message');
      if (message && 'value' in message) define(copy, 'message', String(message.value));
      if (hasOwn(v, 'cause')) define(copy, 'cause', cloneValue(v.cause, memo));
      return copy;
    }
    const copy = keep(Array.isArray(v) ? new Array(v.length) : {});
    for (const k of Object.keys(v)) copy[k] = cloneValue(v[k], memo);
    return copy;
  }
  function structuredClone(value, options) {
    if (arguments.length === 0) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
    }
    return cloneValue(value, new Map());
  }

  // ---------------------------------------------------------------------------------------------
  // Event, CustomEvent, EventTarget: Node's single-target model (no bubbling or capture phases).
  // Internal access to Event's private state, for EventTarget; set in Event's static block.
  let setDispatch, stoppedImmediately;
  // performance.now()'s clock: milliseconds since the process started (Event.timeStamp).
  const performanceNow = () => (ops.op_hrtime() - startTime) / 1e6;
  const kTrusted = Symbol('trusted'); // an option marking events fe itself dispatches
  const kResist = Symbol('resistStopPropagation'); // a listener option: runs even after stopImmediatePropagation
  // A listener option of NodeEventTarget's on()/once(): the listener gets emit()'s value, not an Event.
  const kNodeStyle = Symbol('kIsNodeStyleListener');
  function validateOptionsObject(options, name, allowArrays) {
    if (options === null || (!allowArrays && Array.isArray(options)) ||
      (typeof options !== 'object' && !(allowArrays && typeof options === 'function'))) throw invalidArgType(name, 'Object', options);
  }
  let checkEvent; // set in Event's static block
  class Event {
    #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp = performanceNow();
    #stopped = false; #stopImmediate = false; #target = null; #dispatching = false; #trusted = false;
    constructor(type, options = undefined) {
      if (arguments.length === 0) throw missingArgs('type');
      if (options != null) validateOptionsObject(options, 'options', false);
      this.#bubbles = !!(options && options.bubbles);
      this.#cancelable = !!(options && options.cancelable);
      this.#composed = !!(options && options.composed);
      this.#type = `${type}`;
      this.#trusted = !!(options && options[kTrusted]);
    }
    static {
      // Node's brand check: members of Event.prototype refuse other receivers (ERR_INVALID_THIS).
      checkEvent = (v) => checkThis(v !== null && typeof v === 'object' && #type in v, 'Event');
      setDispatch = (e, target, dispatching) => { if (target !== undefined) e.#target = target; e.#dispatching = dispatching; };
      stoppedImmediately = (e) => e.#stopImmediate;
    }
    initEvent(type, bubbles = false, cancelable = false) {
      if (arguments.length === 0) throw missingArgs('type');
      if (this.#dispatching) return;
      this.#type = `${type}`;
      this.#bubbles = !!bubbles;
      this.#cancelable = !!cancelable;
    }
    get type() { checkEvent(this); return this.#type; }
    get bubbles() { checkEvent(this); return this.#bubbles; }
    get cancelable() { checkEvent(this); return this.#cancelable; }
    get composed() { checkEvent(this); return this.#composed; }
    get defaultPrevented() { checkEvent(this); return this.#cancelable && this.#defaultPrevented; }
    get timeStamp() { checkEvent(this); return this.#timeStamp; }
    get target() { checkEvent(this); return this.#target; }
    get currentTarget() { checkEvent(this); return this.#dispatching ? this.#target : null; }
    get srcElement() { checkEvent(this); return this.#target; }
    get eventPhase() { checkEvent(this); return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
    get returnValue() { checkEvent(this); return !this.#cancelable || !this.#defaultPrevented; }
    get cancelBubble() { checkEvent(this); return this.#stopped; }
    set cancelBubble(value) { checkEvent(this); if (value) this.#stopped = true; }
    get isTrusted() { checkEvent(this); return this.#trusted; }
    composedPath() { checkEvent(this); return this.#dispatching ? [this.#target] : []; }
    preventDefault() { checkEvent(this); this.#defaultPrevented = true; }
    stopPropagation() { checkEvent(this); this.#stopped = true; }
    stopImmediatePropagation() { checkEvent(this); this.#stopped = true; this.#stopImmediate = true; }
    [customInspect](depth, options) {
      const name = this.constructor.name;
      if (depth < 0) return name;
      const state = { type: this.#type, defaultPrevented: this.#defaultPrevented, cancelable: this.#cancelable, timeStamp: this.#timeStamp };
      return `${name} ${inspect(state, nestedInspectOptions(options))}`;
    }
  }
  Object.defineProperty(Event.prototype, Symbol.toStringTag, { configurable: true, value: 'Event' });
  // Enumerable, as Node's (kEnumerableProperty).
  for (const name of ['stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget', 'srcElement', 'type',
    'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase',
    'cancelBubble', 'stopPropagation']) {
    if (Object.getOwnPropertyDescriptor(Event.prototype, name)) Object.defineProperty(Event.prototype, name, { enumerable: true });
  }
  ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'].forEach((name, value) => {
    Object.defineProperty(Event, name, { value, enumerable: true });
  });

  let checkCustomEvent; // set in CustomEvent's static block
  class CustomEvent extends Event {
    #detail;
    constructor(type, options = {}) {
      if (arguments.length === 0) throw missingArgs('type');
      super(type, options);
      this.#detail = options && options.detail !== undefined ? options.detail : null;
    }
    static {
      checkCustomEvent = (v) => checkThis(v !== null && typeof v === 'object' && #detail in v, 'CustomEvent');
    }
    get detail() { checkCustomEvent(this); return this.#detail; }
  }
  Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { configurable: true, value: 'CustomEvent' });

  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw invalidArgType(name, 'AbortSignal', signal);
    }
  }
  // Each type's listeners form a linked list, as in Node: a dispatch walks it live, so a listener
  // removed before its turn is skipped and one appended before the walk ends is called.
  let isEventTarget, handlersOf, eventsOf; // set in EventTarget's static block
  const kEventsKey = Symbol('kEvents');
  eventTargetHooks.kEvents = kEventsKey;
  class EventTarget {
    #events = new Map(); // type -> { next, resist } list head
    #handlers = new Map(); // `on<type>` handler wrappers
    static {
      isEventTarget = (v) => v !== null && typeof v === 'object' && #events in v;
      handlersOf = (t) => t.#handlers;
      eventsOf = (t) => t.#events;
      // events.getEventListeners() and events.once/on (04-events.js) see EventTargets through these.
      eventTargetHooks.isEventTarget = isEventTarget;
      eventTargetHooks.kResistStopPropagation = kResist;
      eventTargetHooks.listeners = (t, type) => {
        const out = [];
        const root = t.#events.get(`${type}`);
        for (let l = root && root.next; l !== undefined; l = l.next) if (!l.removed) out.push(l.listener);
        return out;
      };
    }
    // Node's kEvents: the listener lists by type (internal/event_target exports the symbol).
    get [kEventsKey]() { checkThis(isEventTarget(this), 'EventTarget'); return this.#events; }
    constructor() {
      // Node's initEventTarget: events.getMaxListeners()/setMaxListeners() read and set these.
      this[EventEmitter.kMaxEventTargetListeners] = EventEmitter.defaultMaxListeners;
      this[EventEmitter.kMaxEventTargetListenersWarned] = false;
    }
    addEventListener(type, listener, options = undefined) {
      checkThis(isEventTarget(this), 'EventTarget');
      if (arguments.length < 2) throw missingArgs('type', 'listener');
      let once = false, capture = false, passive = false, resist = false, nodeStyle = false, signal;
      if (typeof options === 'boolean') capture = options;
      else if (options != null) {
        validateOptionsObject(options, 'options', true);
        once = Boolean(options.once);
        capture = Boolean(options.capture);
        passive = Boolean(options.passive);
        signal = options.signal;
        resist = Boolean(options[kResist]);
        nodeStyle = Boolean(options[kNodeStyle]);
        validateAbortSignal(signal, 'options.signal');
        if (signal) {
          if (signal.aborted) return;
          signal.addEventListener('abort', () => this.removeEventListener(type, listener, options), { once: true, [kResist]: true });
        }
      }
      if (!validListener(listener)) {
        const w = new Error(`addEventListener called with ${listener} which has no effect.`);
        w.name = 'AddEventListenerArgumentTypeWarning';
        w.target = this;
        w.type = type;
        process.emitWarning(w);
        return;
      }
      type = `${type}`;
      let root = this.#events.get(type);
      if (root === undefined) this.#events.set(type, (root = { next: undefined, resist: false }));
      let last = root, size = 1;
      for (let l = root.next; l !== undefined; l = l.next) {
        if (l.listener === listener && l.capture === capture) return; // a duplicate
        last = l;
        size++;
      }
      const node = { listener, capture, once, passive, resist, nodeStyle, removed: false, previous: last, next: undefined };
      const weak = options != null && typeof options === 'object' ? options[kWeakHandler] : undefined;
      if (weak !== undefined) {
        // Node's weak listener (kWeakHandler): held only as long as the object given with it
        // holds it; once collected, it leaves the list.
        weakListenerRetainers.set(weak, listener);
        makeWeakListener(node, listener);
      }
      last.next = node;
      root.resist = root.resist || resist;
      if (typeof this[kListenerAdded] === 'function') this[kListenerAdded](type, size, weak !== undefined);
      const max = this[EventEmitter.kMaxEventTargetListeners];
      if (max > 0 && size > max && !this[EventEmitter.kMaxEventTargetListenersWarned]) {
        this[EventEmitter.kMaxEventTargetListenersWarned] = true;
        const w = new Error(`Possible EventTarget memory leak detected. ${size} ${type} listeners added to ` +
          `${inspect(this, { depth: -1 })}. Use events.setMaxListeners() to increase limit`);
        w.name = 'MaxListenersExceededWarning';
        w.target = this;
        w.type = type;
        w.count = size;
        process.emitWarning(w);
      }
    }
    removeEventListener(type, listener, options = undefined) {
      checkThis(isEventTarget(this), 'EventTarget');
      if (arguments.length < 2) throw missingArgs('type', 'listener');
      if (!validListener(listener)) return;
      type = `${type}`;
      const capture = options != null && options.capture === true; // Node ignores a boolean here
      const root = this.#events.get(type);
      if (root === undefined) return;
      for (let l = root.next; l !== undefined; l = l.next) {
        if (l.listener === listener && l.capture === capture) {
          if (l.weak) weakListenerRegistry.unregister(l);
          unlinkListener(l);
          if (root.next === undefined) this.#events.delete(type);
          if (typeof this[kListenerRemoved] === 'function') this[kListenerRemoved](type, root.next === undefined ? 0 : 1);
          return;
        }
      }
    }
    dispatchEvent(event) {
      checkThis(isEventTarget(this), 'EventTarget');
      if (arguments.length < 1) throw missingArgs('event');
      if (!(event instanceof Event)) throw invalidArgType('event', 'Event', event);
      if (event.eventPhase !== Event.NONE) throw nodeError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
      hybridDispatch(this, event.type, event, event);
      return event.defaultPrevented !== true;
    }
    [customInspect](depth, options) {
      const name = this.constructor.name;
      if (depth < 0) return name;
      return `${name} ${inspect({}, nestedInspectOptions(options))}`;
    }
  }
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { configurable: true, value: 'EventTarget' });
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    Object.defineProperty(EventTarget.prototype, name, { enumerable: true });
  }
  // Node's kHybridDispatch: each listener of `type` in order; Node-style ones get `nodeValue`,
  // the others an Event (`event`, else a CustomEvent carrying nodeValue, made when first needed).
  function hybridDispatch(target, type, nodeValue, event) {
    const createEvent = () => {
      // Marked as being dispatched once, when made: a listener that returned ends that (below).
      if (event === undefined) {
        event = new CustomEvent(type, { detail: nodeValue });
        setDispatch(event, target, true);
      }
      return event;
    };
    if (event !== undefined) setDispatch(event, target, true);
    const events = eventsOf(target);
    const root = events.get(type);
    const stopped = () => event !== undefined && stoppedImmediately(event);
    let l = root && root.next;
    while (l !== undefined && (root.resist || l.passive || !stopped())) {
      const next = l.next;
      if (l.removed || (stopped() && !l.resist)) { l = next; continue; }
      if (l.once) {
        unlinkListener(l);
        if (root.next === undefined) events.delete(type);
      }
      const callback = l.listener;
      if (callback === undefined) { l = next; continue; } // a weak listener, collected
      try {
        const arg = l.nodeStyle ? nodeValue : createEvent();
        let result;
        if (typeof callback === 'function') result = callback.call(target, arg);
        else if (typeof callback.handleEvent === 'function') result = callback.handleEvent(arg);
        // As in Node, the event counts as being dispatched only until a listener returns.
        if (event !== undefined) setDispatch(event, undefined, false);
        if (result != null && typeof result.then === 'function') result.then(undefined, (err) => nextTick(() => { throw err; }));
      } catch (err) {
        nextTick(() => { throw err; }); // reported after dispatch, as an uncaught exception
      }
      l = next;
    }
    if (event !== undefined) setDispatch(event, undefined, false);
  }

  // Node's NodeEventTarget (internal/event_target): an EventTarget with an EventEmitter-like API,
  // the base of its MessagePort.
  const checkNodeTarget = (self) => checkThis(self instanceof NodeEventTarget, 'NodeEventTarget');
  class NodeEventTarget extends EventTarget {
    static defaultMaxListeners = 10;
    setMaxListeners(n) { checkNodeTarget(this); EventEmitter.setMaxListeners(n, this); }
    getMaxListeners() { checkNodeTarget(this); return this[EventEmitter.kMaxEventTargetListeners]; }
    eventNames() { checkNodeTarget(this); return [...eventsOf(this).keys()]; }
    listenerCount(type) {
      checkNodeTarget(this);
      const root = eventsOf(this).get(String(type));
      let size = 0;
      for (let l = root && root.next; l !== undefined; l = l.next) size++;
      return size;
    }
    off(type, listener, options) { checkNodeTarget(this); this.removeEventListener(type, listener, options); return this; }
    removeListener(type, listener, options) { checkNodeTarget(this); this.removeEventListener(type, listener, options); return this; }
    on(type, listener) { checkNodeTarget(this); this.addEventListener(type, listener, { [kNodeStyle]: true }); return this; }
    addListener(type, listener) { checkNodeTarget(this); this.addEventListener(type, listener, { [kNodeStyle]: true }); return this; }
    emit(type, arg) {
      checkNodeTarget(this);
      if (typeof type !== 'string') throw invalidArgType('type', 'string', type);
      const hadListeners = this.listenerCount(type) > 0;
      hybridDispatch(this, type, arg, undefined);
      return hadListeners;
    }
    once(type, listener) { checkNodeTarget(this); this.addEventListener(type, listener, { once: true, [kNodeStyle]: true }); return this; }
    removeAllListeners(type) {
      checkNodeTarget(this);
      if (type !== undefined) eventsOf(this).delete(String(type));
      else eventsOf(this).clear();
      return this;
    }
  }
  for (const name of ['setMaxListeners', 'getMaxListeners', 'eventNames', 'listenerCount', 'off', 'removeListener', 'on',
    'addListener', 'once', 'emit', 'removeAllListeners']) {
    Object.defineProperty(NodeEventTarget.prototype, name, { enumerable: true });
  }
  eventTargetHooks.NodeEventTarget = NodeEventTarget;
  const kWeakHandler = Symbol('kWeak');
  // What a subclass hears as listeners come and go: (type, how many there are, weak?).
  const kListenerAdded = Symbol('kListenerAdded');
  const kListenerRemoved = Symbol('kListenerRemoved');
  const weakListenerRetainers = new WeakMap();
  const weakListenerRegistry = new FinalizationRegistry((l) => { if (!l.removed) unlinkListener(l); });
  eventTargetHooks.kWeakHandler = kWeakHandler;
  // (Out of addEventListener, so that the getter's closure does not hold the listener.)
  function makeWeakListener(node, listener) {
    const ref = new WeakRef(listener);
    Object.defineProperty(node, 'listener', { get: () => ref.deref(), enumerable: true });
    node.weak = true;
    weakListenerRegistry.register(listener, node, node);
  }
  function unlinkListener(l) {
    l.previous.next = l.next;
    if (l.next !== undefined) l.next.previous = l.previous;
    l.removed = true;
  }
  function validListener(listener) {
    if (typeof listener === 'function' || (listener != null && typeof listener.handleEvent === 'function')) return true;
    if (listener == null) return false;
    if (typeof listener === 'object') return true; // handleEvent is looked up when dispatched
    throw invalidArgType('listener', 'EventListener', listener);
  }
  // `on<name>` properties: the handler keeps the place where it was first set.
  function defineEventHandler(proto, name) {
    Object.defineProperty(proto, `on${name}`, {
      configurable: true,
      enumerable: true,
      get() { const h = handlersOf(this).get(name); return h ? h.handler : null; },
      set(value) {
        let h = handlersOf(this).get(name);
        if (!h) {
          h = function (...args) { return typeof h.handler === 'function' ? h.handler.apply(this, args) : undefined; };
          this.addEventListener(name, h);
          handlersOf(this).set(name, h);
        }
        h.handler = value;
      },
    });
  }
  eventTargetHooks.defineEventHandler = defineEventHandler;

  // ---------------------------------------------------------------------------------------------
  // AbortController / AbortSignal
  // A signal's state, by the signal; also under a symbol on it, read as a property (Node's
  // this[kAborted]), so a Proxy of a signal works as the signal for the getters.
  const signalState = new WeakMap();
  const kSignalState = Symbol('kSignalState');
  function signalOf(self) {
    let s = signalState.get(self);
    if (s === undefined && self !== null && (typeof self === 'object' || typeof self === 'function')) s = self[kSignalState];
    checkThis(s !== undefined, 'AbortSignal');
    return s;
  }
  function createAbortSignal(aborted = false, reason = undefined) {
    const signal = new EventTarget();
    Object.setPrototypeOf(signal, AbortSignal.prototype);
    const state = { aborted, reason, dependants: null };
    signalState.set(signal, state);
    Object.defineProperty(signal, kSignalState, { value: state, configurable: true });
    return signal;
  }
  function abortSignal(signal, reason) {
    const s = signalState.get(signal);
    if (s.aborted) return;
    s.aborted = true;
    s.reason = reason;
    signal.dispatchEvent(new Event('abort', { [kTrusted]: true }));
    if (s.dependants) for (const d of s.dependants) abortSignal(d, reason);
  }
  const abortError = () => new DOMException('This operation was aborted', 'AbortError');
  // Timeout signals an 'abort' listener waits for, kept from the GC until they fire; the timer of
  // one that was collected is cleared.
  const persistentSignals = new Set();
  const timeoutTimers = new FinalizationRegistry((timer) => clearTimeout(timer));
  class AbortSignal extends EventTarget {
    constructor() {
      throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
    get aborted() { return signalOf(this).aborted; }
    get reason() { return signalOf(this).reason; }
    throwIfAborted() {
      const s = signalOf(this);
      if (s.aborted) throw s.reason;
    }
    static abort(reason = abortError()) { return createAbortSignal(true, reason); }
    // The timer is unref'd: a pending timeout signal alone does not keep the process alive.
    // Nor does it keep the signal: the timer holds it weakly (and goes with it), unless an
    // 'abort' listener waits for it (Node's gcPersistentSignals).
    static timeout(delay) {
      if (typeof delay !== 'number') throw invalidArgType('delay', 'number', delay);
      if (!Number.isInteger(delay)) throw outOfRange('delay', 'an integer', delay);
      if (delay < 0 || delay > 4294967295) throw outOfRange('delay', '>= 0 && <= 4294967295', delay);
      const signal = createAbortSignal();
      signalOf(signal).timeout = true;
      const ref = new WeakRef(signal);
      const timer = setTimeout(() => {
        const target = ref.deref();
        if (target === undefined) return;
        persistentSignals.delete(target);
        abortSignal(target, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }, delay);
      timer.unref();
      timeoutTimers.register(signal, timer);
      return signal;
    }
    [kListenerAdded](type, size, weak) {
      if (type === 'abort' && size === 1 && !weak && signalOf(this).timeout && !this.aborted) persistentSignals.add(this);
    }
    [kListenerRemoved](type, size) {
      if (type === 'abort' && size === 0 && signalOf(this).timeout) persistentSignals.delete(this);
    }
    static any(signals) {
      if (!Array.isArray(signals)) throw invalidArgType('signals', 'Array', signals);
      signals.forEach((s, i) => {
        if (s == null) throw invalidArgType(`signals[${i}]`, 'AbortSignal', s);
        validateAbortSignal(s, `signals[${i}]`);
      });
      const result = createAbortSignal();
      for (const signal of signals) {
        if (signal.aborted) { abortSignal(result, signal.reason); return result; }
      }
      // A combined signal depends on the plain signals under the ones it is given (as Node's),
      // so all that hang on one source fire in the order they were made. Held strongly (Node
      // uses weak refs plus GC bookkeeping): a combined signal with listeners must fire even
      // when nothing else references it.
      const rs = signalOf(result);
      rs.sources = new Set();
      for (const signal of signals) {
        const s = signalOf(signal);
        for (const source of s.sources || [s]) {
          rs.sources.add(source);
          (source.dependants || (source.dependants = new Set())).add(result);
        }
      }
      return result;
    }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      return `${this.constructor.name} ${inspect({ aborted: this.aborted }, nestedInspectOptions(options))}`;
    }
  }
  Object.defineProperty(AbortSignal.prototype, 'aborted', { enumerable: true });
  Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { configurable: true, value: 'AbortSignal' });
  defineEventHandler(AbortSignal.prototype, 'abort');

  class AbortController {
    #signal;
    // Node's validateThisAbortController: ERR_INVALID_THIS for any other receiver.
    static #check(self) { checkThis(self !== null && typeof self === 'object' && #signal in self, 'AbortController'); }
    get signal() {
      AbortController.#check(this);
      return (this.#signal = this.#signal || createAbortSignal());
    }
    abort(reason = abortError()) {
      AbortController.#check(this);
      abortSignal(this.signal, reason);
    }
    [customInspect](depth, options) {
      if (depth < 0) return this;
      return `${this.constructor.name} ${inspect({ signal: this.signal }, nestedInspectOptions(options))}`;
    }
  }
  Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { configurable: true, value: 'AbortController' });

  for (const [name, value] of Object.entries({
    DOMException, TextEncoder, TextDecoder, atob, btoa, structuredClone, Event, EventTarget, CustomEvent,
    AbortController, AbortSignal,
  })) define(globalThis, name, value);
}
