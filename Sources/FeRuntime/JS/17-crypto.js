// crypto: random bytes and UUIDs, hashes and HMACs (OpenSSL through CryptoOps.swift), and the
// global `crypto` (Web Crypto's getRandomValues and randomUUID; no SubtleCrypto).
// Uses from earlier files: 00-core.js (hasOwn, define, check); 02-errors.js (nodeError, invalidArgType); 03-loop.js (nextTick); 08-fs.js (dataBytes); 10-builtins.js (registerBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream).
const nodeCrypto = (() => {
  const { Transform } = nodeStream;
  const kHandle = Symbol('kHandle');
  const kFinalized = Symbol('kFinalized');
  const kOptions = Symbol('kOptions');
  const RAND_MAX = 0xFFFFFFFFFFFF;
  const randomBytesRaw = (n) => ops.op_crypto_random(n);
  const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.length);
  const isView = (v) => ArrayBuffer.isView(v);
  const bytesOf = (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  function domException(message, name) {
    if (typeof DOMException === 'function') return new DOMException(message, name);
    const e = new Error(message);
    e.name = name;
    return e;
  }

  // Hash and Hmac are streams only when used as one: their Transform state is made on first use.
  function LazyTransform(options) { this[kOptions] = options; }
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  Object.setPrototypeOf(LazyTransform, Transform);
  for (const name of ['_readableState', '_writableState', '_transformState']) {
    Object.defineProperty(LazyTransform.prototype, name, {
      get() {
        Transform.call(this, this[kOptions]);
        this._writableState.decodeStrings = false;
        return this[name];
      },
      set(value) { Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true }); },
      enumerable: true,
      configurable: true,
    });
  }
  function initEmitter(self) {
    if (!hasOwn(self, '_events')) { self._events = Object.create(null); self._maxListeners = undefined; }
  }

  function dataBytes(data, encoding) {
    if (typeof data === 'string') {
      if (!encoding || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer') return data;
      return Buffer.from(data, encoding);
    }
    if (isView(data)) return bytesOf(data);
    throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  // The digest of a handle: hex and base64 strings come straight from the native side.
  function finishDigest(handle, encoding) {
    if (encoding === 'hex' || encoding === 'base64' || encoding === 'base64url') return ops.op_crypto_hash_digest(handle, encoding);
    return encodeOutput(ops.op_crypto_hash_digest(handle), encoding);
  }
  function encodeOutput(bytes, encoding) {
    const buf = asBuffer(bytes);
    if (encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding)) return buf.toString(encoding);
    return buf;
  }

  function Hash(algorithm, options) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    if (algorithm instanceof Hash) {
      if (algorithm[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
      this[kHandle] = ops.op_crypto_hash_copy(algorithm[kHandle]);
    } else {
      if (typeof algorithm !== 'string') throw invalidArgType('algorithm', 'string', algorithm);
      this[kHandle] = ops.op_crypto_hash_new(algorithm, null);
    }
    if (this[kHandle] < 0) throw new Error('Digest method not supported');
    this[kFinalized] = false;
    initEmitter(this);
    LazyTransform.call(this, options);
  }
  Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hash, LazyTransform);
  Hash.prototype.copy = function (options) {
    if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    return new Hash(this, options);
  };
  Hash.prototype._transform = function (chunk, encoding, callback) {
    ops.op_crypto_hash_update(this[kHandle], dataBytes(chunk, encoding));
    callback();
  };
  Hash.prototype._flush = function (callback) {
    this.push(this.digest());
    callback();
  };
  Hash.prototype.update = function (data, encoding) {
    if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    ops.op_crypto_hash_update(this[kHandle], dataBytes(data, encoding));
    return this;
  };
  Hash.prototype.digest = function (outputEncoding) {
    if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this[kFinalized] = true;
    return finishDigest(this[kHandle], outputEncoding);
  };

  function keyBytes(key) {
    if (typeof key === 'string') return Buffer.from(key, 'utf8');
    if (isView(key)) return bytesOf(key);
    if (key instanceof ArrayBuffer) return new Uint8Array(key);
    throw invalidArgType('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
  }
  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    if (typeof hmac !== 'string') throw invalidArgType('hmac', 'string', hmac);
    const bytes = keyBytes(key);
    this[kHandle] = ops.op_crypto_hash_new(hmac, bytes);
    if (this[kHandle] < 0) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`);
    this[kFinalized] = false;
    initEmitter(this);
    LazyTransform.call(this, options);
  }
  Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hmac, LazyTransform);
  Hmac.prototype.update = Hash.prototype.update;
  Hmac.prototype._transform = Hash.prototype._transform;
  Hmac.prototype._flush = Hash.prototype._flush;
  Hmac.prototype.digest = function (outputEncoding) {
    if (this[kFinalized]) return encodeOutput(new Uint8Array(0), outputEncoding);
    this[kFinalized] = true;
    return finishDigest(this[kHandle], outputEncoding);
  };

  function createHash(algorithm, options) { return new Hash(algorithm, options); }
  function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

  // -------------------------------------------------------------------------------------------
  // Randomness
  const kMaxSize = 2 ** 31 - 1;
  // Node's ERR_OUT_OF_RANGE: large integers are shown with _ separators.
  function rangeError(name, range, value) {
    const shown = Number.isInteger(value) && Math.abs(value) > 2 ** 32 ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(value);
    return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`);
  }
  function validateNumber(value, name, min, max) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (value < min || value > max || Number.isNaN(value)) throw rangeError(name, `>= ${min} && <= ${max}`, value);
  }
  function randomBytes(size, callback) {
    validateNumber(size, 'size', 0, kMaxSize);
    if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    const buf = asBuffer(randomBytesRaw(size));
    if (callback === undefined) return buf;
    nextTick(callback, null, buf);
  }
  function fillRange(buf, offset, size, name) {
    if (!isView(buf) && !(buf instanceof ArrayBuffer)) throw invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    const bytes = buf instanceof ArrayBuffer ? new Uint8Array(buf) : bytesOf(buf);
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    validateNumber(offset, 'offset', 0, kMaxSize);
    offset *= elementSize;
    const max = bytes.byteLength;
    if (offset > max) throw rangeError('offset', `>= 0 && <= ${max}`, offset);
    if (size === undefined) size = max - offset;
    else {
      validateNumber(size, 'size', 0, kMaxSize);
      size *= elementSize;
    }
    if (size + offset > max) throw rangeError('size + offset', `<= ${max}`, size + offset);
    return [bytes, offset, size];
  }
  function randomFillSync(buf, offset = 0, size) {
    const [bytes, off, n] = fillRange(buf, offset, size);
    if (n > 0) bytes.set(randomBytesRaw(n), off);
    return buf;
  }
  function randomFill(buf, offset, size, callback) {
    if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
    else if (typeof size === 'function') { callback = size; size = undefined; }
    if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    randomFillSync(buf, offset, size);
    nextTick(callback, null, buf);
  }
  function randomInt(min, max, callback) {
    const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
    if (minNotSpecified) { callback = max; max = min; min = 0; }
    const isSync = typeof callback === 'undefined';
    if (!isSync && typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    if (!Number.isSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
    if (!Number.isSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
    if (max <= min) throw rangeError('max', `greater than the value of "min" (${min})`, max);
    const range = max - min;
    if (!(range <= RAND_MAX)) throw rangeError(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
    const randLimit = RAND_MAX - (RAND_MAX % range);
    let n;
    for (;;) {
      const b = randomBytesRaw(6);
      const x = ((b[0] * 256 + b[1]) * 256 + b[2]) * 2 ** 24 + ((b[3] << 16) | (b[4] << 8) | b[5]);
      if (x < randLimit) { n = (x % range) + min; break; }
    }
    if (isSync) return n;
    nextTick(callback, undefined, n);
  }

  const hex = [];
  for (let i = 0; i < 256; i++) hex.push((i + 0x100).toString(16).slice(1));
  let uuidPool = null, uuidOffset = 0;
  function randomUUID(options) {
    if (options !== undefined && (options === null || typeof options !== 'object')) throw invalidArgType('options', 'object', options);
    // Entropy for 128 UUIDs at a time, as Node caches it.
    if (uuidPool === null || uuidOffset >= uuidPool.length) { uuidPool = randomBytesRaw(16 * 128); uuidOffset = 0; }
    const b = uuidPool.subarray(uuidOffset, uuidOffset + 16);
    uuidOffset += 16;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    return `${hex[b[0]]}${hex[b[1]]}${hex[b[2]]}${hex[b[3]]}-${hex[b[4]]}${hex[b[5]]}-${hex[b[6]]}${hex[b[7]]}-` +
      `${hex[b[8]]}${hex[b[9]]}-${hex[b[10]]}${hex[b[11]]}${hex[b[12]]}${hex[b[13]]}${hex[b[14]]}${hex[b[15]]}`;
  }

  const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    BigInt64Array, BigUint64Array];
  function getRandomValues(data) {
    if (!integerArrays.some((T) => data instanceof T)) {
      throw domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
    }
    if (data.byteLength > 65536) throw domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
    if (data.byteLength > 0) bytesOf(data).set(randomBytesRaw(data.byteLength));
    return data;
  }

  function timingSafeEqual(a, b) {
    // Node checks these natively: its message names the argument but not what it received.
    const check = (v, name) => {
      if (!isView(v) && !(v instanceof ArrayBuffer)) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
      }
    };
    check(a, 'buf1');
    check(b, 'buf2');
    const x = a instanceof ArrayBuffer ? new Uint8Array(a) : bytesOf(a);
    const y = b instanceof ArrayBuffer ? new Uint8Array(b) : bytesOf(b);
    if (x.length !== y.length) {
      const e = new RangeError('Input buffers must have the same byte length');
      e.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
      throw e;
    }
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  }

  const hashNames = ['RSA-MD5', 'RSA-RIPEMD160', 'RSA-SHA1', 'RSA-SHA1-2', 'RSA-SHA224', 'RSA-SHA256', 'RSA-SHA3-224',
    'RSA-SHA3-256', 'RSA-SHA3-384', 'RSA-SHA3-512', 'RSA-SHA384', 'RSA-SHA512', 'RSA-SHA512/224', 'RSA-SHA512/256',
    'RSA-SM3', 'blake2b512', 'blake2s256', 'id-rsassa-pkcs1-v1_5-with-sha3-224', 'id-rsassa-pkcs1-v1_5-with-sha3-256',
    'id-rsassa-pkcs1-v1_5-with-sha3-384', 'id-rsassa-pkcs1-v1_5-with-sha3-512', 'md5', 'md5-sha1', 'md5WithRSAEncryption',
    'ripemd', 'ripemd160', 'ripemd160WithRSA', 'rmd160', 'sha1', 'sha1WithRSAEncryption', 'sha224',
    'sha224WithRSAEncryption', 'sha256', 'sha256WithRSAEncryption', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512',
    'sha384', 'sha384WithRSAEncryption', 'sha512', 'sha512-224', 'sha512-224WithRSAEncryption', 'sha512-256',
    'sha512-256WithRSAEncryption', 'sha512WithRSAEncryption', 'shake128', 'shake256', 'sm3', 'sm3WithRSAEncryption',
    'ssl3-md5', 'ssl3-sha1'];
  let supportedHashes = null;
  function getHashes() {
    if (supportedHashes === null) {
      supportedHashes = hashNames.filter((name) => {
        const id = ops.op_crypto_hash_new(name, null);
        if (id < 0) return false;
        ops.op_crypto_hash_free(id);
        return true;
      });
    }
    return supportedHashes.slice();
  }

  // Web Crypto's `crypto`: what fe has of it (no SubtleCrypto).
  class Crypto {
    get subtle() { return undefined; }
    getRandomValues(data) { return getRandomValues(data); }
    randomUUID() { return randomUUID(); }
  }
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
  const webcrypto = new Crypto();
  define(globalThis, 'crypto', webcrypto);

  const exports = {
    createHash, createHmac, Hash, Hmac, getHashes, timingSafeEqual,
    randomBytes, randomFill, randomFillSync, randomInt, randomUUID,
    getRandomValues: (data) => webcrypto.getRandomValues(data),
    pseudoRandomBytes: randomBytes, prng: randomBytes, rng: randomBytes,
    webcrypto, subtle: undefined,
    constants: {},
  };
  registerBuiltin('crypto', exports);
  return exports;
})();
