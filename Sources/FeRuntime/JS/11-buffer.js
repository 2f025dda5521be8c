// buffer: Node's Buffer, a Uint8Array subclass that knows text encodings. UTF-8 and base64
// conversions are native ops (EncodingOps.swift); the rest is plain JS over the bytes.
// Uses from earlier files: 00-core.js (core, define, check); 01-inspect.js (customInspect, formatKey, inspect, format); 02-errors.js (nodeError, invalidArgType, outOfRange, invalidArgValue); 05-process.js (process); 07-path.js (path); 08-fs.js (then); 10-builtins.js (util, registerBuiltin).

// Node-style errors (nodeError, invalidArgType, outOfRange...) are in 02-errors.js.
const unknownEncoding = (enc) => nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', format('Unknown encoding: %s', enc));
const bufferOutOfBounds = (name) => nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
  name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
function validateNumberArg(value, name, min, max) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
    throw outOfRange(name, `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`, value);
  }
}
// Node 18's assertSize: a size out of range is ERR_INVALID_ARG_VALUE as a RangeError.
function assertSize(size) {
  if (typeof size !== 'number') throw invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxBufferLength)) {
    const e = invalidArgValue('size', size);
    throw nodeError(RangeError, e.code, e.message);
  }
}
function validateIntegerArg(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

// ---------------------------------------------------------------------------------------------
// Encodings: each knows its byte length for a string, string -> bytes and bytes -> string.
const kMaxBufferLength = 2 ** 32;
const kMaxStringLength = 2 ** 29 - 24;
const bufferEncodingNames = Object.assign(Object.create(null), {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
  latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii',
});
// Node's normalizeEncoding: undefined, null and '' mean utf8; unknown names give undefined.
function normalizeBufferEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8' || enc === '') return 'utf8';
  return typeof enc === 'string' ? bufferEncodingNames[enc.toLowerCase()] : undefined;
}
// Node's getEncodingOps: any value is stringified, and '' is unknown.
const codecFor = (enc) => textCodecs[bufferEncodingNames[`${enc}`.toLowerCase()]];

function utf8ByteLength(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 2; i++; } else n += 2;
  }
  return n;
}
function latin1Bytes(s) {
  const b = new FastBuffer(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
function latin1Text(b) {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
  return out;
}
function asciiText(b) {
  if (!b.some((x) => x > 0x7f)) return latin1Text(b);
  return latin1Text(b.map((x) => x & 0x7f));
}
function utf16Bytes(s) {
  const b = new FastBuffer(s.length * 2);
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); b[i * 2] = c; b[i * 2 + 1] = c >>> 8; }
  return b;
}
function utf16Text(b) {
  let out = '';
  const n = b.length >>> 1;
  for (let i = 0; i < n; i += 4096) {
    const units = new Array(Math.min(4096, n - i));
    for (let j = 0; j < units.length; j++) units[j] = b[(i + j) * 2] | (b[(i + j) * 2 + 1] << 8);
    out += String.fromCharCode.apply(null, units);
  }
  return out;
}
const hexCharCodes = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
function hexText(b) {
  let out = '';
  const codes = new Array(Math.min(b.length, 4096) * 2);
  for (let i = 0; i < b.length; i += 4096) {
    const n = Math.min(4096, b.length - i);
    if (n * 2 !== codes.length) codes.length = n * 2;
    for (let j = 0; j < n; j++) { const x = b[i + j]; codes[2 * j] = hexCharCodes[x >> 4]; codes[2 * j + 1] = hexCharCodes[x & 15]; }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 0x20;
  return c >= 97 && c <= 102 ? c - 87 : -1;
}
// Pairs of hex digits up to the first pair that is not one, as Node decodes.
function hexBytes(s) {
  const n = s.length >>> 1;
  const b = new FastBuffer(n);
  for (let i = 0; i < n; i++) {
    const hi = hexValue(s.charCodeAt(i * 2)), lo = hexValue(s.charCodeAt(i * 2 + 1));
    if (hi < 0 || lo < 0) return b.subarray(0, i);
    b[i] = hi * 16 + lo;
  }
  return b;
}
function base64ByteLength(s) {
  let n = s.length;
  if (s.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && s.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}
const asFastBuffer = (u8) => new FastBuffer(u8.buffer, u8.byteOffset, u8.length);
// V8 makes no string longer than kMaxStringLength: Node's ERR_STRING_TOO_LONG, never a
// shortened or empty string. `chars` is the decoded length where it follows from the byte count;
// UTF-8's is known only once decoded (the op gives '' for bytes it could not make a string of).
const stringTooLong = () => nodeError(Error, 'ERR_STRING_TOO_LONG',
  `Cannot create a string longer than 0x${kMaxStringLength.toString(16)} characters`);
function checkedText(text, chars) {
  return (b) => {
    if (chars !== undefined && chars(b.length) > kMaxStringLength) throw stringTooLong();
    const s = text(b);
    if (s.length === 0 && b.length > 1) throw stringTooLong();
    return s;
  };
}
const textCodecs = {
  utf8: { length: utf8ByteLength, bytes: (s) => asFastBuffer(ops.op_utf8_encode(s)), text: checkedText((b) => ops.op_utf8_decode(b)) },
  utf16le: { length: (s) => s.length * 2, bytes: utf16Bytes, text: checkedText(utf16Text, (n) => n >>> 1) },
  latin1: { length: (s) => s.length, bytes: latin1Bytes, text: checkedText(latin1Text, (n) => n) },
  ascii: { length: (s) => s.length, bytes: latin1Bytes, text: checkedText(asciiText, (n) => n) },
  base64: { length: base64ByteLength, bytes: (s) => asFastBuffer(ops.op_base64_decode(s)), text: checkedText((b) => ops.op_base64_encode(b, false), (n) => Math.ceil(n / 3) * 4) },
  base64url: { length: base64ByteLength, bytes: (s) => asFastBuffer(ops.op_base64_decode(s)), text: checkedText((b) => ops.op_base64_encode(b, true), (n) => Math.ceil(n * 4 / 3)) },
  hex: { length: (s) => s.length >>> 1, bytes: hexBytes, text: checkedText(hexText, (n) => n * 2) },
};

// ---------------------------------------------------------------------------------------------
// The classes. As in Node, instances are FastBuffers whose prototype is Buffer.prototype, and
// `Buffer` itself is a plain function (callable without `new`, deprecated).
// An explicit constructor, as Node's: the implicit one spreads its arguments through
// %Array.prototype%[@@iterator], which user code may replace.
class FastBuffer extends Uint8Array {
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}
let bufferWarned = false;
let nodeModulesChecks = 0;
// Node's isInsideNodeModules: the first frame of a file (an absolute path, or one with a
// backslash) is in a node_modules directory.
function calledFromNodeModules() {
  const saved = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  const holder = {};
  let frames;
  try {
    Error.prepareStackTrace = (_, callSites) => callSites;
    Error.stackTraceLimit = Infinity;
    Error.captureStackTrace(holder, calledFromNodeModules);
    frames = holder.stack;
  } finally {
    Error.prepareStackTrace = saved;
    Error.stackTraceLimit = savedLimit;
  }
  if (!Array.isArray(frames)) return false;
  for (const frame of frames) {
    const filename = frame.getFileName();
    if (typeof filename !== 'string' || !/^\/|\\/.test(filename)) continue;
    return /^(.*)[\\/]node_modules[\\/]/.test(filename);
  }
  return false;
}
function Buffer(arg, encodingOrOffset, length) {
  // DEP0005, once, and not for code in node_modules unless --pending-deprecation.
  if (!bufferWarned && ++nodeModulesChecks <= 10000 && (core.nodeFlags?.pendingDeprecation || !calledFromNodeModules())) {
    bufferWarned = true;
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);
Object.defineProperty(Buffer, Symbol.species, { enumerable: false, configurable: true, get() { return FastBuffer; } });
Buffer.poolSize = 8 * 1024;

function SlowBuffer(size) {
  assertSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

const isUint8ArrayValue = (v) => v instanceof Uint8Array;
// V8's own check (23-vm.js's util.types), so an ArrayBuffer from another context is one too.
const isArrayBufferOrShared = (v) => util.types.isAnyArrayBuffer(v);

function bufferFromString(string, encoding) {
  let codec = textCodecs.utf8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    codec = codecFor(encoding);
    if (codec === undefined) throw unknownEncoding(encoding);
  }
  return string.length === 0 ? new FastBuffer() : codec.bytes(string);
}
function bufferFromArrayBuffer(ab, byteOffset, length) {
  byteOffset = byteOffset === undefined ? 0 : +byteOffset || 0;
  const maxLength = ab.byteLength - byteOffset;
  if (maxLength < 0) throw bufferOutOfBounds('offset');
  if (length === undefined) length = maxLength;
  else {
    length = +length;
    if (length > 0) { if (length > maxLength) throw bufferOutOfBounds('length'); } else length = 0;
  }
  return new FastBuffer(ab, byteOffset, length);
}
function bufferFromArrayLike(obj) {
  if (!(obj.length > 0)) return new FastBuffer();
  const b = new FastBuffer(obj.length);
  b.set(obj);
  return b;
}
function bufferFromObject(obj) {
  if (obj.length !== undefined || isArrayBufferOrShared(obj.buffer)) {
    return typeof obj.length !== 'number' ? new FastBuffer() : bufferFromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return bufferFromArrayLike(obj.data);
}
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return bufferFromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isArrayBufferOrShared(value)) return bufferFromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = bufferFromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return bufferFromString(primitive, encodingOrOffset);
    }
  }
  throw invalidArgType('first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};
Buffer.of = (...items) => bufferFromArrayLike(items);
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) throw invalidArgType('view', ['TypedArray'], view);
  if (view.length === 0) return new FastBuffer();
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateIntegerArg(offset, 'offset', 0);
      if (offset >= view.length) return new FastBuffer();
    } else offset = 0;
    let end = view.length;
    if (length !== undefined) { validateIntegerArg(length, 'length', 0); end = offset + length; }
    view = view.slice(offset, end);
  }
  return bufferFromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};
Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  const b = new FastBuffer(size);
  return fill !== undefined && fill !== 0 && size > 0 ? fillBuffer(b, fill, 0, b.length, encoding) : b;
};
// Unlike Node's, these never hand out old memory (no pool; V8 zero-fills every ArrayBuffer), so
// what --zero-fill-buffers promises (Golden/cli/zero-fill-buffers) holds with or without it.
Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return new FastBuffer(size);
};
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return new FastBuffer(size);
};
Buffer.isBuffer = (b) => b instanceof Buffer;
Buffer.isEncoding = (enc) => typeof enc === 'string' && enc.length !== 0 && normalizeBufferEncoding(enc) !== undefined;
Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isArrayBufferOrShared(string)) return string.byteLength;
    throw invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  // An unknown encoding counts as utf8 here, as in Node.
  return (encoding ? codecFor(encoding) || textCodecs.utf8 : textCodecs.utf8).length(string);
};
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8ArrayValue(buf1)) throw invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8ArrayValue(buf2)) throw invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
  return buf1 === buf2 ? 0 : compareBytes(buf1, buf2);
};
Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw invalidArgType('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (const b of list) if (b.length) length += b.length;
  } else validateIntegerArg(length, 'length', 0, kMaxBufferLength);
  const out = new FastBuffer(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (!isUint8ArrayValue(b)) throw invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], b);
    const n = Math.min(b.length, length - pos);
    if (n > 0) { out.set(n === b.length ? b : b.subarray(0, n), pos); pos += n; }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Instance methods.
const bufferProto = Buffer.prototype;
bufferProto.toString = function toString(encoding, start, end) {
  // The length first, as Node: what is no typed array (Buffer.prototype, a fake) throws.
  const len = this.length;
  if (arguments.length === 0) return ops.op_utf8_decode(this);
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  const codec = encoding === undefined ? textCodecs.utf8 : codecFor(encoding);
  if (codec === undefined) throw unknownEncoding(encoding);
  return codec.text(start === 0 && end === len ? this : this.subarray(start, end));
};
bufferProto.toLocaleString = bufferProto.toString;
// Writes whole characters only: a UTF-8 sequence or UTF-16 unit that does not fit is left out.
function bufferWriteText(buf, string, offset, length, codec) {
  if (typeof string !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  let bytes = codec.bytes(string);
  if (bytes.length > length) {
    let n = length;
    if (codec === textCodecs.utf8) while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--;
    else if (codec === textCodecs.utf16le) n &= ~1;
    bytes = bytes.subarray(0, n);
  }
  buf.set(bytes, offset);
  return bytes.length;
}
bufferProto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return bufferWriteText(this, string, 0, this.length, textCodecs.utf8);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateIntegerArg(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) length = remaining;
    else if (typeof length === 'string') { encoding = length; length = remaining; } else {
      validateIntegerArg(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  const codec = !encoding ? textCodecs.utf8 : codecFor(encoding);
  if (codec === undefined) throw unknownEncoding(encoding);
  return bufferWriteText(this, string, offset, length, codec);
};
for (const [name, enc] of [['ascii', 'ascii'], ['base64', 'base64'], ['base64url', 'base64url'], ['latin1', 'latin1'],
  ['hex', 'hex'], ['ucs2', 'utf16le'], ['utf8', 'utf8']]) {
  define(bufferProto, `${name}Slice`, function (start = 0, end = this.length) { return textCodecs[enc].text(this.subarray(start, end)); });
  define(bufferProto, `${name}Write`, function (string, offset = 0, length = this.length - offset) {
    return bufferWriteText(this, string, offset, Math.min(length, this.length - offset), textCodecs[enc]);
  });
}
function adjustBufferOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0) return 0;
  if (offset < 0) { offset += length; return offset > 0 ? offset : 0; }
  if (offset < length) return offset;
  return Number.isNaN(offset) ? 0 : length;
}
// slice() is a view, unlike Uint8Array's (a copy).
bufferProto.slice = function slice(start, end) {
  const len = this.length;
  start = adjustBufferOffset(start, len);
  end = end !== undefined ? adjustBufferOffset(end, len) : len;
  return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
};
bufferProto.equals = function equals(otherBuffer) {
  if (!isUint8ArrayValue(otherBuffer)) throw invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  return this === otherBuffer || (this.byteLength === otherBuffer.byteLength && compareBytes(this, otherBuffer) === 0);
};
bufferProto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8ArrayValue(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return compareBytes(this, target);
  if (targetStart === undefined) targetStart = 0; else validateIntegerArg(targetStart, 'targetStart', 0, kMaxBufferLength);
  if (targetEnd === undefined) targetEnd = target.length; else validateIntegerArg(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0; else validateIntegerArg(sourceStart, 'sourceStart', 0, kMaxBufferLength);
  if (sourceEnd === undefined) sourceEnd = this.length; else validateIntegerArg(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

// indexOf/lastIndexOf: Node's offset rules (src/node_buffer.cc IndexOfOffset), then a byte search.
function indexOfStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    return forward || needleLength === 0 ? 0 : -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  return forward ? -1 : length - 1;
}
function searchBytes(hay, needle, offset, forward, step) {
  const start = indexOfStart(hay.length, offset, needle.length, forward);
  if (needle.length === 0) return start;
  if (hay.length === 0 || start <= -1 || needle.length > hay.length) return -1;
  const last = hay.length - needle.length;
  const matchAt = (i) => {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) return false;
    return true;
  };
  if (forward) {
    for (let i = start; i <= last; i++) if (i % step === 0 && hay[i] === needle[0] && matchAt(i)) return i;
  } else {
    for (let i = Math.min(start, last); i >= 0; i--) if (i % step === 0 && hay[i] === needle[0] && matchAt(i)) return i;
  }
  return -1;
}
function bufferIndexOf(buf, val, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; } else if (byteOffset > 0x7fffffff) byteOffset = 0x7fffffff;
  else if (byteOffset < -0x80000000) byteOffset = -0x80000000;
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : (buf.length || buf.byteLength);
  byteOffset = Math.trunc(byteOffset);
  if (typeof val === 'number') return searchBytes(buf, [val & 255], byteOffset, forward, 1);
  const codec = encoding === undefined ? textCodecs.utf8 : codecFor(encoding);
  const step = codec === textCodecs.utf16le ? 2 : 1;
  if (typeof val === 'string') {
    if (codec === undefined) throw unknownEncoding(encoding);
    return searchBytes(buf, codec.bytes(val), byteOffset, forward, step);
  }
  if (isUint8ArrayValue(val)) return searchBytes(buf, val, byteOffset, forward, step);
  throw invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}
bufferProto.indexOf = function (val, byteOffset, encoding) { return bufferIndexOf(this, val, byteOffset, encoding, true); };
bufferProto.lastIndexOf = function (val, byteOffset, encoding) { return bufferIndexOf(this, val, byteOffset, encoding, false); };
bufferProto.includes = function (val, byteOffset, encoding) { return this.indexOf(val, byteOffset, encoding) !== -1; };

function fillBuffer(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') { encoding = offset; offset = 0; end = buf.length; } else if (typeof end === 'string') { encoding = end; end = buf.length; }
    const enc = normalizeBufferEncoding(encoding);
    if (enc === undefined) {
      if (typeof encoding !== 'string') throw invalidArgType('encoding', 'string', encoding);
      throw unknownEncoding(encoding);
    }
    if (value.length === 0) value = 0;
    else if (value.length === 1 && ((enc === 'utf8' && value.charCodeAt(0) < 128) || enc === 'latin1')) value = value.charCodeAt(0);
    else value = textCodecs[enc].bytes(value);
  } else if (!isUint8ArrayValue(value) && typeof value !== 'number') {
    value = Number(value) >>> 0; // booleans and others, as the native fill coerces them
  }
  if (offset === undefined) { offset = 0; end = buf.length; } else {
    validateIntegerArg(offset, 'offset', 0, kMaxBufferLength);
    if (end === undefined) end = buf.length; else validateIntegerArg(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  // The range against the bytes there are (a `length` property may claim more), as Node.
  if (end - offset + offset > buf.byteLength) throw bufferOutOfBounds();
  if (typeof value === 'number') return Uint8Array.prototype.fill.call(buf, value, offset, end);
  if (value.length === 0) throw invalidArgValue('value', arguments[1]);
  for (let i = offset; i < end; i += value.length) buf.set(value.length <= end - i ? value : value.subarray(0, end - i), i);
  return buf;
}
bufferProto.fill = function fill(value, offset, end, encoding) { return fillBuffer(this, value, offset, end, encoding); };

function toIntegerOr(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) return n % 1 === 0 ? n : Math.floor(n);
  return defaultVal;
}
bufferProto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8ArrayValue(target)) throw invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) targetStart = 0;
  else if ((targetStart = toIntegerOr(targetStart, 0)) < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  if (sourceStart === undefined) sourceStart = 0;
  else {
    sourceStart = toIntegerOr(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  if (sourceEnd === undefined) sourceEnd = this.length;
  else if ((sourceEnd = toIntegerOr(sourceEnd, 0)) < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  const n = Math.min(sourceEnd - sourceStart, target.length - targetStart, this.length - sourceStart);
  target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};
bufferProto.toJSON = function toJSON() { return { type: 'Buffer', data: Array.from(this) }; };
function swapBytes(buf, size) {
  if (buf.length % size !== 0) throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${size * 8}-bits`);
  for (let i = 0; i < buf.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) { const t = buf[a]; buf[a] = buf[b]; buf[b] = t; }
  }
  return buf;
}
bufferProto.swap16 = function swap16() { return swapBytes(this, 2); };
bufferProto.swap32 = function swap32() { return swapBytes(this, 4); };
bufferProto.swap64 = function swap64() { return swapBytes(this, 8); };
Object.defineProperty(bufferProto, 'parent', { enumerable: true, configurable: true, get() { return this instanceof Buffer ? this.buffer : undefined; } });
Object.defineProperty(bufferProto, 'offset', { enumerable: true, configurable: true, get() { return this instanceof Buffer ? this.byteOffset : undefined; } });
// `<Buffer 68 69>`, at most INSPECT_MAX_BYTES of them, then own non-index properties.
bufferProto[customInspect] = function (recurseTimes, ctx) {
  const max = bufferModule.INSPECT_MAX_BYTES;
  let str = hexText(this.subarray(0, max)).replace(/(.{2})/g, '$1 ').trim();
  const remaining = this.length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const extras = Object.keys(this).filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    if (extras.length > 0) {
      if (this.length !== 0) str += ', ';
      str += extras.map((k) => `${formatKey(k, ctx)}: ${inspect(this[k], { depth: ctx.depth, colors: ctx.colors })}`).join(', ');
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
bufferProto.inspect = bufferProto[customInspect];

// ---------------------------------------------------------------------------------------------
// Integer and float reads/writes. Node's bounds rules: `offset` must be a number, and the
// bytes read or written must lie inside the buffer.
function bufferBoundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumberArg(value, type);
    throw outOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw bufferOutOfBounds();
  throw outOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}
function checkBufferBounds(buf, offset, size) {
  validateNumberArg(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) bufferBoundsError(offset, buf.length - size);
}
function readBufferInt(buf, offset, size, le, signed) {
  checkBufferBounds(buf, offset, size);
  let v;
  if (size === 1) v = buf[offset];
  else if (size === 2) v = le ? buf[offset] | (buf[offset + 1] << 8) : (buf[offset] << 8) | buf[offset + 1];
  else if (size === 4) {
    v = le ? buf[offset] + buf[offset + 1] * 0x100 + buf[offset + 2] * 0x10000 + buf[offset + 3] * 0x1000000
      : buf[offset] * 0x1000000 + buf[offset + 1] * 0x10000 + buf[offset + 2] * 0x100 + buf[offset + 3];
  } else {
    v = 0;
    for (let i = 0, scale = 1; i < size; i++, scale *= 256) v += buf[offset + (le ? i : size - 1 - i)] * scale;
  }
  return signed && v >= 2 ** (8 * size - 1) ? v - 2 ** (8 * size) : v;
}
function checkBufferInt(value, min, max, buf, offset, size) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (size > 4) {
      range = min === 0 || min === 0n ? `>= 0${n} and < 2${n} ** ${size * 8}${n}`
        : `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
    } else range = `>= ${min}${n} and <= ${max}${n}`;
    throw outOfRange('value', range, value);
  }
  checkBufferBounds(buf, offset, size);
}
function writeBufferInt(buf, value, offset, size, le, min, max) {
  value = +value;
  if (size === 1) {
    validateNumberArg(offset, 'offset');
    if (value > max || value < min) throw outOfRange('value', `>= ${min} and <= ${max}`, value);
    if (buf[offset] === undefined) bufferBoundsError(offset, buf.length - 1);
  } else checkBufferInt(value, min, max, buf, offset, size);
  const lo = value >>> 0;
  if (size <= 4) {
    for (let i = 0; i < size; i++) buf[offset + (le ? i : size - 1 - i)] = lo >>> (8 * i);
  } else {
    const hi = Math.floor(value / 2 ** 32) >>> 0;
    for (let i = 0; i < size; i++) buf[offset + (le ? i : size - 1 - i)] = i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4));
  }
  return offset + size;
}
const intLimits = [null, [0x80, 0xff], [0x8000, 0xffff], [0x800000, 0xffffff], [0x80000000, 0xffffffff],
  [0x8000000000, 0xffffffffff], [0x800000000000, 0xffffffffffff]];
for (const [name, le] of [['LE', true], ['BE', false]]) {
  for (const [bits, size] of [['16', 2], ['32', 4]]) {
    const [half, max] = intLimits[size];
    bufferProto[`readUInt${bits}${name}`] = function (offset = 0) { return readBufferInt(this, offset, size, le, false); };
    bufferProto[`readInt${bits}${name}`] = function (offset = 0) { return readBufferInt(this, offset, size, le, true); };
    bufferProto[`writeUInt${bits}${name}`] = function (value, offset = 0) { return writeBufferInt(this, value, offset, size, le, 0, max); };
    bufferProto[`writeInt${bits}${name}`] = function (value, offset = 0) { return writeBufferInt(this, value, offset, size, le, -half, half - 1); };
  }
  // readUIntLE(offset, byteLength) and friends: 1 to 6 bytes.
  for (const signed of [false, true]) {
    const kind = signed ? 'Int' : 'UInt';
    bufferProto[`read${kind}${name}`] = function (offset, byteLength) {
      if (offset === undefined) throw invalidArgType('offset', 'number', offset);
      if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) bufferBoundsError(byteLength, 6, 'byteLength');
      return readBufferInt(this, offset, byteLength, le, signed);
    };
    bufferProto[`write${kind}${name}`] = function (value, offset, byteLength) {
      if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) bufferBoundsError(byteLength, 6, 'byteLength');
      const [half, max] = intLimits[byteLength];
      return signed ? writeBufferInt(this, value, offset, byteLength, le, -half, half - 1) : writeBufferInt(this, value, offset, byteLength, le, 0, max);
    };
  }
}
bufferProto.readUInt8 = function readUInt8(offset = 0) { return readBufferInt(this, offset, 1, true, false); };
bufferProto.readInt8 = function readInt8(offset = 0) { return readBufferInt(this, offset, 1, true, true); };
bufferProto.writeUInt8 = function writeUInt8(value, offset = 0) { return writeBufferInt(this, value, offset, 1, true, 0, 0xff); };
bufferProto.writeInt8 = function writeInt8(value, offset = 0) { return writeBufferInt(this, value, offset, 1, true, -0x80, 0x7f); };

// Floats go through a scratch Float32Array/Float64Array that shares bytes with a Uint8Array.
const scratchF32 = new Float32Array(1), scratchF32Bytes = new Uint8Array(scratchF32.buffer);
const scratchF64 = new Float64Array(1), scratchF64Bytes = new Uint8Array(scratchF64.buffer);
const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function readBufferFloat(buf, offset, array, bytes, le) {
  checkBufferBounds(buf, offset, bytes.length);
  const n = bytes.length;
  for (let i = 0; i < n; i++) bytes[le === hostLittleEndian ? i : n - 1 - i] = buf[offset + i];
  return array[0];
}
function writeBufferFloat(buf, value, offset, array, bytes, le) {
  value = +value;
  checkBufferBounds(buf, offset, bytes.length);
  array[0] = value;
  const n = bytes.length;
  for (let i = 0; i < n; i++) buf[offset + i] = bytes[le === hostLittleEndian ? i : n - 1 - i];
  return offset + n;
}
for (const [name, le] of [['LE', true], ['BE', false]]) {
  bufferProto[`readFloat${name}`] = function (offset = 0) { return readBufferFloat(this, offset, scratchF32, scratchF32Bytes, le); };
  bufferProto[`readDouble${name}`] = function (offset = 0) { return readBufferFloat(this, offset, scratchF64, scratchF64Bytes, le); };
  bufferProto[`writeFloat${name}`] = function (value, offset = 0) { return writeBufferFloat(this, value, offset, scratchF32, scratchF32Bytes, le); };
  bufferProto[`writeDouble${name}`] = function (value, offset = 0) { return writeBufferFloat(this, value, offset, scratchF64, scratchF64Bytes, le); };
  bufferProto[`readBigUInt64${name}`] = function (offset = 0) {
    checkBufferBounds(this, offset, 8);
    const lo = readUInt32At(this, offset + (le ? 0 : 4), le), hi = readUInt32At(this, offset + (le ? 4 : 0), le);
    return BigInt(lo) + (BigInt(hi) << 32n);
  };
  bufferProto[`readBigInt64${name}`] = function (offset = 0) {
    return BigInt.asIntN(64, this[`readBigUInt64${name}`](offset));
  };
  bufferProto[`writeBigUInt64${name}`] = function (value, offset = 0) { return writeBufferBigInt(this, value, offset, le, 0n, 0xffffffffffffffffn); };
  bufferProto[`writeBigInt64${name}`] = function (value, offset = 0) { return writeBufferBigInt(this, value, offset, le, -(2n ** 63n), 2n ** 63n - 1n); };
}
function readUInt32At(buf, offset, le) {
  let v = 0;
  for (let i = 0; i < 4; i++) v += buf[offset + (le ? i : 3 - i)] * 2 ** (8 * i);
  return v;
}
function writeBufferBigInt(buf, value, offset, le, min, max) {
  checkBufferInt(value, min, max, buf, offset, 8);
  // `&` with a bigint throws "Cannot mix BigInt and other types" for a number, as in Node.
  const lo = Number(value & 0xffffffffn), hi = Number((value >> 32n) & 0xffffffffn);
  for (let i = 0; i < 8; i++) buf[offset + (le ? i : 7 - i)] = i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4));
  return offset + 8;
}
// Lower-case aliases (readUint8, writeBigUint64LE, ...), as Node has them.
for (const key of Object.getOwnPropertyNames(bufferProto)) {
  if (/^(read|write)(Big)?UInt/.test(key)) bufferProto[key.replace('UInt', 'Uint')] = bufferProto[key];
}

// ---------------------------------------------------------------------------------------------
// isUtf8/isAscii take a TypedArray or an ArrayBuffer, not a detached one (Node's
// ArrayBufferViewContents::WasDetached: ERR_INVALID_STATE).
function validatedBytesInput(input) {
  if (!((ArrayBuffer.isView(input) && !(input instanceof DataView)) || isArrayBufferOrShared(input))) {
    throw invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
  }
  const buffer = isArrayBufferOrShared(input) ? input : input.buffer;
  try {
    // Constructing a view over a detached buffer is what fails.
    new Uint8Array(buffer, 0, 0); // eslint-disable-line no-new
  } catch {
    throw nodeError(Error, 'ERR_INVALID_STATE', 'Cannot validate on a detached buffer');
  }
}
function isUtf8(input) {
  validatedBytesInput(input);
  return ops.op_utf8_valid(input);
}
function isAscii(input) {
  validatedBytesInput(input);
  const bytes = isArrayBufferOrShared(input) ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return !bytes.some((b) => b > 0x7f);
}
// buffer.transcode: Node's ICU conversions between utf8, ucs2, latin1 and ascii (src/node_i18n.cc).
// A character the target cannot hold becomes '?'; another encoding is ICU's
// U_ILLEGAL_ARGUMENT_ERROR.
const transcodeEncodings = Object.assign(Object.create(null), {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
  latin1: 'latin1', binary: 'latin1', ascii: 'ascii',
});
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8ArrayValue(source)) throw invalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = transcodeEncodings[`${fromEncoding}`.toLowerCase()];
  const to = transcodeEncodings[`${toEncoding}`.toLowerCase()];
  if (from === undefined || to === undefined) {
    const err = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  const bytes = new FastBuffer(source.buffer, source.byteOffset, source.length);
  let text;
  if (from === 'ascii') text = Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  else text = textCodecs[from].text(bytes);
  if (to === 'latin1' || to === 'ascii') {
    const max = to === 'latin1' ? 0xff : 0x7f;
    const out = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      out.push(cp <= max ? cp : 0x3f);
    }
    return Buffer.from(out);
  }
  return textCodecs[to].bytes(text);
}
const bufferModule = {
  Buffer, SlowBuffer, isUtf8, isAscii, transcode, kMaxLength: kMaxBufferLength, kStringMaxLength: kMaxStringLength,
  btoa: undefined, atob: undefined, // web.js fills these in
  constants: Object.defineProperties({}, {
    MAX_LENGTH: { value: kMaxBufferLength, writable: false, enumerable: true },
    MAX_STRING_LENGTH: { value: kMaxStringLength, writable: false, enumerable: true },
  }),
  INSPECT_MAX_BYTES: 50,
};
registerBuiltin('buffer', bufferModule);
// Node's bootstrap/node.js: global.Buffer is an accessor; assigning it replaces what it returns.
{
  let currentBuffer = Buffer;
  Object.defineProperty(globalThis, 'Buffer', {
    __proto__: null,
    get() { return currentBuffer; },
    set(value) { currentBuffer = value; },
    enumerable: false,
    configurable: true,
  });
}
