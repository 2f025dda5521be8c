// crypto: Node's crypto module over OpenSSL 3 (Ops/CryptoOps.swift and Crypto/*.swift): hashes,
// HMACs, ciphers, key derivation, KeyObjects and key generation, signatures, RSA encryption,
// Diffie-Hellman, X509Certificate, primes, and the global `crypto` (Web Crypto).
// Uses from earlier files: 00-core.js (core, hasOwn, check); 01-inspect.js (customInspect, inspect, format); 02-errors.js (nodeError, invalidArgType, validateFunction, validateBoolean, outOfRange, invalidArgValue); 03-loop.js (queueRequestCallback, nextTick, setImmediate, opAsync); 05-process.js (process); 08-fs.js (validateInteger, validateInt32, validateUint32, validateObject, dataBytes, then, callUser); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (assertSize, Buffer); 15-streams.js (nodeStream).
const nodeCrypto = (() => {
  const { Transform } = nodeStream;
  const kHandle = Symbol('kHandle');
  const kFinalized = Symbol('kFinalized');
  const kOptions = Symbol('kOptions');
  const kXofLength = Symbol('kXofLength');
  const kHashName = Symbol('kHashName');
  const kStreamDigest = Symbol('kStreamDigest');
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
    this[kHashName] = typeof algorithm === 'string' ? algorithm.toLowerCase() : algorithm[kHashName];
    // Extendable-output functions (shake) take their length from options.outputLength.
    const xofLen = options != null ? options.outputLength : undefined;
    if (xofLen !== undefined) {
      validateUint32(xofLen, 'options.outputLength');
      const name = typeof algorithm === 'string' ? algorithm.toLowerCase() : algorithm[kHashName];
      if (name !== null && !(name in xofDefault) && xofLen !== digestLength(algorithm)) {
        ops.op_crypto_hash_free(this[kHandle]);
        throw nodeError(Error, 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH', 'error:030000B2:digital envelope routines::not XOF or invalid length');
      }
      if (name in xofDefault) this[kXofLength] = xofLen;
    }
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
  // The stream's own digest does not finalize the object: digest() may still be called once
  // after piping, and returns the same value (Node caches it natively).
  Hash.prototype._flush = function (callback) {
    if (!this[kFinalized] && this[kStreamDigest] === undefined) this[kStreamDigest] = this.digest();
    this[kFinalized] = false;
    this.push(this[kStreamDigest]);
    callback();
  };
  Hash.prototype.update = function (data, encoding) {
    if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    ops.op_crypto_hash_update(this[kHandle], dataBytes(data, encoding));
    return this;
  };
  Hash.prototype.digest = function (outputEncoding) {
    if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    if (outputEncoding !== undefined) outputEncoding = `${outputEncoding}`;
    if (this[kStreamDigest] !== undefined) {
      this[kFinalized] = true;
      return encodeOutput(bytesOf(this[kStreamDigest]), outputEncoding);
    }
    this[kFinalized] = true;
    if (this[kXofLength] !== undefined) return encodeOutput(ops.op_crypto_hash_xof(this[kHandle], this[kXofLength]), outputEncoding);
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
    const bytes = prepareSecretKey(key, options && options.encoding);
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
    if (outputEncoding !== undefined) outputEncoding = `${outputEncoding}`;
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
  // Node's lib/internal/crypto/random.js: offsets and sizes in elements of the view, checked
  // in bytes.
  const kMaxPossibleLength = Math.min(2 ** 32 - 1, kMaxSize);
  function assertOffset(offset, elementSize, length) {
    if (typeof offset !== 'number') throw invalidArgType('offset', 'number', offset);
    offset *= elementSize;
    const maxLength = Math.min(length, kMaxPossibleLength);
    if (Number.isNaN(offset) || offset > maxLength || offset < 0) throw rangeError('offset', `>= 0 && <= ${maxLength}`, offset);
    return offset >>> 0;
  }
  function assertSize(size, elementSize, offset, length) {
    if (typeof size !== 'number') throw invalidArgType('size', 'number', size);
    size *= elementSize;
    if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) throw rangeError('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
    if (size + offset > length) throw rangeError('size + offset', `<= ${length}`, size + offset);
    return size >>> 0;
  }
  function randomBytes(size, callback) {
    size = assertSize(size, 1, 0, Infinity);
    if (callback !== undefined && typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
    const buf = asBuffer(randomBytesRaw(size));
    if (callback === undefined) return buf;
    queueRequestCallback('RANDOMBYTESREQUEST', callback, [null, buf]);
  }
  const viewOf = (buf) => (isAnyArrayBuffer(buf) ? new Uint8Array(buf) : bytesOf(buf));
  function randomFillSync(buf, offset = 0, size) {
    if (!isView(buf) && !isAnyArrayBuffer(buf)) throw invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size > 0) viewOf(buf).set(randomBytesRaw(size), offset);
    return buf;
  }
  function randomFill(buf, offset, size, callback) {
    if (!isView(buf) && !isAnyArrayBuffer(buf)) throw invalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    const elementSize = buf.BYTES_PER_ELEMENT || 1;
    if (typeof offset === 'function') {
      callback = offset;
      offset = 0;
      size = buf.length; // a length here: assertSize turns it into bytes
    } else if (typeof size === 'function') {
      callback = size;
      size = buf.length - offset;
    } else {
      validateFunction(callback, 'callback');
    }
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size === 0) {
      callback(null, buf);
      return;
    }
    viewOf(buf).set(randomBytesRaw(size), offset);
    queueRequestCallback('RANDOMBYTESREQUEST', callback, [null, buf]);
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
    if (options !== undefined && options.disableEntropyCache !== undefined && typeof options.disableEntropyCache !== 'boolean') {
      throw invalidArgType('options.disableEntropyCache', 'boolean', options.disableEntropyCache);
    }
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

  // -------------------------------------------------------------------------------------------
  // Native calls that may fail return `{__cryptoError: [class, code, message, library, reason]}`
  // (Crypto/CryptoSupport.swift); this turns it into Node's error.
  const errorClasses = { Error, TypeError, RangeError };
  function cryptoError(info) {
    const [kind, code, message, library, reason] = info;
    if (code === '') return new (errorClasses[kind] || Error)(message); // Node throws these without a code
    const e = code.startsWith('ERR_OSSL_') || code.startsWith('ERR_SSL_') ? new (errorClasses[kind] || Error)(message)
      : nodeError(errorClasses[kind] || Error, code, message);
    e.code = code;
    if (library !== undefined) e.library = library;
    if (reason !== undefined) e.reason = reason;
    return e;
  }
  function native(result) {
    if (result !== null && typeof result === 'object' && result.__cryptoError) throw cryptoError(result.__cryptoError);
    return result;
  }
  const call = (op, ...args) => native(ops[op](...args));
  // A job run on the worker pool: its result, or its failure thrown as a Node error.
  const job = (op, options) => opAsync(ops[op + '_async'], options).then(native);

  const isAnyArrayBuffer = (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
  function validateString(value, name) { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); }
  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgType(name, 'object', value);
  }
  function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  }
  const validateInt32 = (v, name, min = -2147483648, max = 2147483647) => validateInteger(v, name, min, max);
  function validateUint32(value, name, positive) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    const min = positive ? 1 : 0;
    if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
  }
  function validateOneOf(value, name, list) {
    if (!list.includes(value)) {
      const allowed = list.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
      throw invalidArgValue(name, value, `must be one of: ${allowed}`);
    }
  }
  const illegalConstructor = () => nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');

  // Node's getArrayBufferOrView: strings are encoded, views and ArrayBuffers are taken as bytes.
  function toBytes(buffer, name, encoding) {
    if (isAnyArrayBuffer(buffer)) return new Uint8Array(buffer);
    if (typeof buffer === 'string') {
      if (encoding === 'buffer') encoding = 'utf8';
      return bytesOf(Buffer.from(buffer, encoding));
    }
    if (!isView(buffer)) throw invalidArgType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
    return bytesOf(buffer);
  }
  const copyBytes = (u8) => new Uint8Array(u8);
  const b64url = (u8) => asBuffer(u8).toString('base64url');

  // -------------------------------------------------------------------------------------------
  // Hash output length for shake (XOF)
  const xofDefault = { shake128: 16, shake256: 32 };

  // -------------------------------------------------------------------------------------------
  // Ciphers
  let cipherList = null;
  function getCiphers() {
    if (cipherList === null) {
      cipherList = uniqueNames(ops.op_crypto_cipher_list(), true);
    }
    return cipherList.slice();
  }
  function getStringOption(options, key) {
    let value;
    if (options && (value = options[key]) != null) validateString(value, `options.${key}`);
    return value;
  }
  function getUIntOption(options, key) {
    let value;
    if (options && (value = options[key]) != null) {
      if (value >>> 0 !== value) throw invalidArgValue(`options.${key}`, value);
      return value;
    }
    return -1;
  }
  function getDecoder(decoder, encoding) {
    const { StringDecoder } = requireBuiltin('string_decoder');
    const normalized = Buffer.isEncoding(encoding) ? new StringDecoder(encoding).encoding : undefined;
    if (normalized === undefined) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    if (decoder && decoder.encoding !== normalized) throw nodeError(Error, 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding');
    return decoder || new StringDecoder(encoding);
  }
  // The deprecated createCipher derives key and IV from a password as OpenSSL's EVP_BytesToKey
  // does with MD5 and one round.
  function bytesToKey(password, keyLength, ivLength) {
    const out = [];
    let total = 0, prev = null;
    while (total < keyLength + ivLength) {
      const h = createHash('md5');
      if (prev) h.update(prev);
      h.update(password);
      prev = h.digest();
      out.push(prev);
      total += prev.length;
    }
    const all = Buffer.concat(out);
    return [all.subarray(0, keyLength), all.subarray(keyLength, keyLength + ivLength)];
  }
  const kCipherState = Symbol('kCipherState');
  function initCipher(self, cipher, key, iv, options, encrypt) {
    const authTagLength = getUIntOption(options, 'authTagLength');
    self[kHandle] = call('op_crypto_cipher_new', { name: cipher, key, iv, encrypt, authTagLength });
    self[kFinalized] = false;
    self[kCipherState] = { encrypt, authTag: undefined, aeadDone: false };
    self._decoder = null;
    initEmitter(self);
    LazyTransform.call(self, options);
  }
  function createCipherWithIV(self, cipher, key, iv, options, encrypt) {
    validateString(cipher, 'cipher');
    const encoding = getStringOption(options, 'encoding');
    key = prepareSecretKey(key, encoding);
    iv = iv === null ? null : toBytes(iv, 'iv');
    initCipher(self, cipher, key, iv, options, encrypt);
  }
  function createCipherWithPassword(self, cipher, password, options, encrypt) {
    validateString(cipher, 'cipher');
    password = toBytes(password, 'password');
    const info = ops.op_crypto_cipher_info(cipher, -1, -1);
    if (info === undefined) throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    const [key, iv] = bytesToKey(password, info.keyLength, info.ivLength || 0);
    // Node's CipherBase::Init warns for a counter mode, through whatever process.emitWarning is
    // then; what that throws surfaces once the cipher is set up.
    let warningError;
    if (encrypt && (info.mode === 'ctr' || info.mode === 'gcm' || info.mode === 'ccm')) {
      try {
        process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
      } catch (e) {
        warningError = { e };
      }
    }
    initCipher(self, cipher, bytesOf(key), info.ivLength ? bytesOf(iv) : null, options, encrypt);
    if (warningError) throw warningError.e;
  }
  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    createCipherWithIV(this, cipher, key, iv, options, true);
  }
  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    createCipherWithIV(this, cipher, key, iv, options, false);
  }
  function Cipher(cipher, password, options) {
    if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
    createCipherWithPassword(this, cipher, password, options, true);
  }
  function Decipher(cipher, password, options) {
    if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
    createCipherWithPassword(this, cipher, password, options, false);
  }
  const kUpdate = Symbol('kUpdate'), kFinal = Symbol('kFinal');
  const cipherProto = {
    _transform(chunk, encoding, callback) {
      this.push(this[kUpdate](typeof chunk === 'string' ? bytesOf(Buffer.from(chunk, encoding)) : bytesOf(chunk)));
      callback();
    },
    _flush(callback) {
      try { this.push(this[kFinal]()); } catch (e) { callback(e); return; }
      callback();
    },
    [kUpdate](bytes) {
      if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation update');
      return asBuffer(call('op_crypto_cipher_update', this[kHandle], bytes));
    },
    [kFinal]() {
      if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation final');
      this[kFinalized] = true;
      try {
        const out = asBuffer(call('op_crypto_cipher_final', this[kHandle]));
        if (this[kCipherState].encrypt) this[kCipherState].authTag = call('op_crypto_cipher_get_tag', this[kHandle]);
        return out;
      } finally {
        ops.op_crypto_cipher_free(this[kHandle]);
      }
    },
    update(data, inputEncoding, outputEncoding) {
      let bytes;
      if (typeof data === 'string') {
        if (inputEncoding && inputEncoding !== 'buffer' && !Buffer.isEncoding(inputEncoding)) {
          throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${inputEncoding}`);
        }
        if (inputEncoding === 'hex' && data.length % 2 !== 0) {
          throw invalidArgValue('encoding', inputEncoding, `is invalid for data of length ${data.length}`);
        }
        bytes = bytesOf(Buffer.from(data, inputEncoding === 'buffer' ? 'utf8' : inputEncoding || 'utf8'));
      } else if (isView(data)) {
        bytes = bytesOf(data);
      } else {
        throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
      }
      const ret = this[kUpdate](bytes);
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.write(ret);
      }
      return ret;
    },
    final(outputEncoding) {
      const ret = this[kFinal]();
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.end(ret);
      }
      return ret;
    },
    setAutoPadding(ap = true) {
      if (this[kFinalized] || !call('op_crypto_cipher_set_padding', this[kHandle], !!ap)) {
        throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAutoPadding');
      }
      return this;
    },
    setAAD(aadbuf, options) {
      const encoding = getStringOption(options, 'encoding');
      const plaintextLength = getUIntOption(options, 'plaintextLength');
      aadbuf = toBytes(aadbuf, 'aadbuf', encoding);
      if (this[kFinalized]) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAAD');
      const r = ops.op_crypto_cipher_set_aad(this[kHandle], aadbuf, plaintextLength);
      if (r !== true) {
        if (r && r.__cryptoError && r.__cryptoError[1] === 'ERR_CRYPTO_INVALID_MESSAGELEN') throw cryptoError(r.__cryptoError);
        throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAAD');
      }
      return this;
    },
  };
  for (const C of [Cipheriv, Decipheriv, Cipher, Decipher]) {
    Object.setPrototypeOf(C.prototype, LazyTransform.prototype);
    Object.setPrototypeOf(C, LazyTransform);
    for (const k of Reflect.ownKeys(cipherProto)) {
      Object.defineProperty(C.prototype, k, { value: cipherProto[k], writable: true, configurable: true, enumerable: typeof k === 'string' });
    }
  }
  function getAuthTag() {
    const tag = this[kCipherState].authTag;
    if (!this[kFinalized] || tag === undefined) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
    return Buffer.from(tag);
  }
  function setAuthTag(tagbuf, encoding) {
    tagbuf = toBytes(tagbuf, 'buffer', encoding);
    if (this[kFinalized] || this[kCipherState].tagSet || !call('op_crypto_cipher_set_tag', this[kHandle], tagbuf)) {
      throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
    }
    this[kCipherState].tagSet = true;
    return this;
  }
  Cipheriv.prototype.getAuthTag = getAuthTag;
  Cipher.prototype.getAuthTag = getAuthTag;
  Decipheriv.prototype.setAuthTag = setAuthTag;
  Decipher.prototype.setAuthTag = setAuthTag;
  const createCipheriv = (cipher, key, iv, options) => new Cipheriv(cipher, key, iv, options);
  const createDecipheriv = (cipher, key, iv, options) => new Decipheriv(cipher, key, iv, options);
  const createCipher = (cipher, password, options) => new Cipher(cipher, password, options);
  const createDecipher = (cipher, password, options) => new Decipher(cipher, password, options);

  function getCipherInfo(nameOrNid, options) {
    if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
      throw invalidArgType('nameOrNid', ['string', 'number'], nameOrNid);
    }
    if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
    let keyLength = -1, ivLength = -1;
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.keyLength !== undefined) { validateInt32(options.keyLength, 'options.keyLength'); keyLength = options.keyLength; }
      if (options.ivLength !== undefined) { validateInt32(options.ivLength, 'options.ivLength'); ivLength = options.ivLength; }
    }
    return native(ops.op_crypto_cipher_info(nameOrNid, keyLength, ivLength));
  }

  // -------------------------------------------------------------------------------------------
  // Key derivation: pbkdf2, scrypt, hkdf
  function pbkdf2Options(password, salt, iterations, keylen, digest) {
    validateString(digest, 'digest');
    password = toBytes(password, 'password');
    salt = toBytes(salt, 'salt');
    validateInt32(iterations, 'iterations', 1);
    validateInt32(keylen, 'keylen', 0);
    if (DigestAlgorithms(digest) === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
    return { password, salt, iterations, keylen, digest };
  }
  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === 'function') { callback = digest; digest = undefined; }
    const options = pbkdf2Options(password, salt, iterations, keylen, digest);
    validateFunction(callback, 'callback');
    job('op_crypto_pbkdf2', options).then((bytes) => callUser(callback, null, asBuffer(bytes)), (e) => callUser(callback, e));
  }
  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    return asBuffer(call('op_crypto_pbkdf2', pbkdf2Options(password, salt, iterations, keylen, digest)));
  }

  const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
  function scryptOptions(password, salt, keylen, options) {
    password = toBytes(password, 'password');
    salt = toBytes(salt, 'salt');
    validateInt32(keylen, 'keylen', 0);
    let { N, r, p, maxmem } = scryptDefaults;
    if (options && options !== scryptDefaults) {
      const has = (k) => options[k] !== undefined;
      if (has('N')) { N = options.N; validateUint32(N, 'N'); }
      if (has('cost')) {
        if (has('N')) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "N" cannot be used in combination with option "cost"');
        N = options.cost; validateUint32(N, 'cost');
      }
      if (has('r')) { r = options.r; validateUint32(r, 'r'); }
      if (has('blockSize')) {
        if (has('r')) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "r" cannot be used in combination with option "blockSize"');
        r = options.blockSize; validateUint32(r, 'blockSize');
      }
      if (has('p')) { p = options.p; validateUint32(p, 'p'); }
      if (has('parallelization')) {
        if (has('p')) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "p" cannot be used in combination with option "parallelization"');
        p = options.parallelization; validateUint32(p, 'parallelization');
      }
      if (has('maxmem')) {
        maxmem = options.maxmem;
        validateInteger(maxmem, 'maxmem', 0);
      }
      if (N === 0) N = scryptDefaults.N;
      if (r === 0) r = scryptDefaults.r;
      if (p === 0) p = scryptDefaults.p;
      if (maxmem === 0) maxmem = scryptDefaults.maxmem;
    }
    // OpenSSL's own limits, checked first so the error is Node's.
    if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r > maxmem || p * r > 0x3fffffff || (r * 128 * p) > maxmem + 1e12) {
      throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params: error:030000E6:digital envelope routines::memory limit exceeded');
    }
    return { password, salt, keylen, N, r, p, maxmem };
  }
  function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
    if (callback === scryptDefaults) { callback = options; options = scryptDefaults; }
    const o = scryptOptions(password, salt, keylen, options);
    validateFunction(callback, 'callback');
    job('op_crypto_scrypt', o).then((bytes) => callUser(callback, null, asBuffer(bytes)), (e) => callUser(callback, e));
  }
  function scryptSync(password, salt, keylen, options = scryptDefaults) {
    return asBuffer(call('op_crypto_scrypt', scryptOptions(password, salt, keylen, options)));
  }

  const hashSizes = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
  function hkdfOptions(hash, key, salt, info, length) {
    validateString(hash, 'digest');
    key = prepareKey(key);
    salt = toBytes(salt, 'salt');
    info = toBytes(info, 'info');
    validateInteger(length, 'length', 0, kMaxLength);
    if (info.byteLength > 1024) {
      throw outOfRange('info', 'must not contain more than 1024 bytes', info.byteLength);
    }
    const digestSize = digestLength(hash);
    if (digestSize === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hash}`);
    if (length > digestSize * 255) throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    return { digest: hash, key, salt, info, keylen: length };
  }
  const kMaxLength = 2 ** 32 - 1;
  function digestLength(name) {
    const id = ops.op_crypto_hash_new(name, null);
    if (id < 0) return undefined;
    const n = ops.op_crypto_hash_digest(id).length;
    return n;
  }
  function prepareKey(key) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
      return key[kKeyData];
    }
    if (isCryptoKey(key)) return prepareKey(key[kKeyObject]);
    if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) {
      throw invalidArgType('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
    }
    return toBytes(key, 'ikm');
  }
  function hkdf(hash, key, salt, info, length, callback) {
    const o = hkdfOptions(hash, key, salt, info, length);
    validateFunction(callback, 'callback');
    job('op_crypto_hkdf', o).then((bytes) => callUser(callback, null, bytes.buffer.byteLength === bytes.length ? bytes.buffer : copyBytes(bytes).buffer), (e) => callUser(callback, e));
  }
  function hkdfSync(hash, key, salt, info, length) {
    const bytes = call('op_crypto_hkdf', hkdfOptions(hash, key, salt, info, length));
    return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes.buffer : copyBytes(bytes).buffer;
  }

  // -------------------------------------------------------------------------------------------
  // KeyObject: a secret key holds its bytes; an asymmetric key the DER the native side reads
  // (PKCS#8 for private keys, SPKI for public ones), its type and its details.
  const kKeyData = Symbol('kKeyData');
  const kKeyType = Symbol('kKeyType');
  // Where a CryptoKey holds its KeyObject: Node's symbol (internal/crypto/util) once Web Crypto
  // is loaded; before that no CryptoKey exists.
  let kKeyObject = Symbol('kKeyObject');
  const isKeyObject = (v) => v != null && v[kKeyType] !== undefined;
  const isCryptoKey = (v) => v != null && v[kKeyObject] !== undefined;
  // What a KeyObject handle is: an object made here (never one users can make).
  class KeyObjectHandle { constructor(data) { this.data = data; } }

  class KeyObject {
    constructor(type, handle) {
      if (type !== 'secret' && type !== 'public' && type !== 'private') throw invalidArgValue('type', type);
      if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) throw invalidArgType('handle', 'object', handle);
      this[kKeyType] = type;
      this[kKeyData] = handle.data;
    }
    get type() { return this[kKeyType]; }
    static from(key) {
      if (!isCryptoKey(key)) throw invalidArgType('key', 'CryptoKey', key);
      return key[kKeyObject];
    }
    equals(otherKeyObject) {
      if (!isKeyObject(otherKeyObject)) throw invalidArgType('otherKeyObject', 'KeyObject', otherKeyObject);
      if (otherKeyObject.type !== this.type) return false;
      const a = this.type === 'secret' ? this[kKeyData] : this[kKeyData].der;
      const b = otherKeyObject.type === 'secret' ? otherKeyObject[kKeyData] : otherKeyObject[kKeyData].der;
      if (a.length !== b.length) return false;
      return timingSafeEqual(a, b);
    }
  }
  Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

  class SecretKeyObject extends KeyObject {
    constructor(handle) { super('secret', handle); }
    get symmetricKeySize() { return this[kKeyData].length; }
    export(options) {
      if (options !== undefined) {
        validateObject(options, 'options');
        validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
        if (options.format === 'jwk') return { kty: 'oct', k: b64url(this[kKeyData]) };
      }
      return Buffer.from(this[kKeyData]);
    }
  }
  class AsymmetricKeyObject extends KeyObject {
    get asymmetricKeyType() { return this[kKeyData].type; }
    get asymmetricKeyDetails() {
      const d = this[kKeyData].details;
      const out = {};
      switch (this[kKeyData].type) {
        case 'rsa':
        case 'rsa-pss':
          out.modulusLength = d.modulusLength;
          out.publicExponent = bytesToBigInt(d.publicExponent);
          if (d.hashAlgorithm !== undefined) {
            out.hashAlgorithm = d.hashAlgorithm;
            out.mgf1HashAlgorithm = d.mgf1HashAlgorithm;
            out.saltLength = d.saltLength;
          }
          return out;
        case 'dsa':
          return { modulusLength: d.modulusLength, divisorLength: d.divisorLength };
        case 'ec':
          return { namedCurve: d.namedCurve };
        default:
          return {};
      }
    }
  }
  function bytesToBigInt(u8) {
    let n = 0n;
    for (const b of u8) n = (n << 8n) | BigInt(b);
    return n;
  }
  function exportJwk(self, isPrivate) {
    const t = self[kKeyData].type;
    if (!['rsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448'].includes(t)) {
      throw nodeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
    }
    const raw = call('op_crypto_key_jwk', self[kKeyData]);
    const out = {};
    for (const k of Object.keys(raw)) out[k] = typeof raw[k] === 'string' ? raw[k] : b64url(raw[k]);
    return out;
  }
  function exportAsymmetric(self, options, isPrivate) {
    if (options && options.format === 'jwk') return exportJwk(self, isPrivate);
    validateObject(options, 'options');
    const { format, type, cipher, passphrase } = parseKeyEncoding(options, self.asymmetricKeyType, isPrivate ? false : true);
    if (type === 'pkcs1' && self.asymmetricKeyType !== 'rsa') {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding pkcs1 can only be used for RSA keys.');
    }
    const out = call('op_crypto_key_export', self[kKeyData], { format, type, cipher, passphrase });
    return typeof out === 'string' ? out : asBuffer(out);
  }
  class PublicKeyObject extends AsymmetricKeyObject {
    constructor(handle) { super('public', handle); }
    export(options) { return exportAsymmetric(this, options, false); }
  }
  class PrivateKeyObject extends AsymmetricKeyObject {
    constructor(handle) { super('private', handle); }
    export(options) {
      if (options && options.passphrase !== undefined && options.format === 'jwk') {
        throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding jwk does not support encryption.');
      }
      return exportAsymmetric(this, options, true);
    }
  }

  function parseKeyFormat(formatStr, defaultFormat, optionName) {
    if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
    if (formatStr === 'pem' || formatStr === 'der' || formatStr === 'jwk') return formatStr;
    throw invalidArgValue(optionName, formatStr);
  }
  function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
    if (typeStr === undefined && !required) return undefined;
    if (typeStr === 'pkcs1') {
      if (keyType !== undefined && keyType !== 'rsa') {
        throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding pkcs1 can only be used for RSA keys.');
      }
      return typeStr;
    }
    if (typeStr === 'spki' && isPublic !== false) return typeStr;
    if (typeStr === 'pkcs8' && isPublic !== true) return typeStr;
    if (typeStr === 'sec1' && isPublic !== true) {
      if (keyType !== undefined && keyType !== 'ec') {
        throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding sec1 can only be used for EC keys.');
      }
      return typeStr;
    }
    throw invalidArgValue(optionName, typeStr);
  }
  const option = (name, objName) => (objName === undefined ? `options.${name}` : `options.${objName}.${name}`);
  const isStringOrBuffer = (v) => typeof v === 'string' || isView(v) || isAnyArrayBuffer(v);
  function parseKeyEncoding(enc, keyType, isPublic, objName) {
    validateObject(enc, 'options');
    const isInput = keyType === undefined;
    const format = parseKeyFormat(enc.format, isInput ? 'pem' : undefined, option('format', objName));
    const required = (!isInput || format === 'der') && format !== 'jwk';
    const type = parseKeyType(enc.type, required, keyType, isPublic, option('type', objName));
    let cipher, passphrase, encoding;
    if (isPublic !== true) {
      ({ cipher, passphrase, encoding } = enc);
      if (!isInput) {
        if (cipher != null) {
          if (typeof cipher !== 'string') throw invalidArgValue(option('cipher', objName), cipher);
          if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
            throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding ${type} does not support encryption.`);
          }
          if (ops.op_crypto_cipher_info(cipher, -1, -1) === undefined) throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
        } else if (passphrase !== undefined) {
          throw invalidArgValue(option('cipher', objName), cipher);
        }
      }
      if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
          (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
        throw invalidArgValue(option('passphrase', objName), passphrase);
      }
    }
    if (passphrase !== undefined) passphrase = toBytes(passphrase, 'key.passphrase', encoding);
    return { format, type, cipher, passphrase };
  }

  // How a key argument is given: a KeyObject, a CryptoKey, PEM, or {key, format, type, ...}.
  const kCreatePrivate = 0, kCreatePublic = 1, kConsumePrivate = 2, kConsumePublic = 3;
  function keyTypes(allowKeyObject, bufferOnly = false) {
    const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'];
    return bufferOnly ? types.slice(0, 4) : allowKeyObject ? types : types.slice(0, 5);
  }
  function keyObjectData(key, ctx) {
    if (ctx === kCreatePrivate) throw invalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
    if (key.type !== 'private') {
      if (ctx === kConsumePrivate || ctx === kCreatePublic) {
        throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected private.`);
      }
      if (key.type !== 'public') {
        throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected private or public.`);
      }
    }
    return key[kKeyData];
  }
  const invalidJwk = () => nodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data');
  function keyDataFromJwk(key, ctx) {
    validateObject(key, 'key');
    validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
    const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
    const b = (v) => bytesOf(Buffer.from(v, 'base64'));
    let o;
    if (key.kty === 'OKP') {
      validateString(key.crv, 'key.crv');
      validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
      validateString(key.x, 'key.x');
      if (!isPublic) validateString(key.d, 'key.d');
      const data = b(isPublic ? key.x : key.d);
      const size = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 }[key.crv];
      if (data.byteLength !== size) throw invalidJwk();
      o = { kty: 'OKP', crv: key.crv, x: b(key.x), d: isPublic ? undefined : data };
    } else if (key.kty === 'EC') {
      validateString(key.crv, 'key.crv');
      validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
      validateString(key.x, 'key.x');
      validateString(key.y, 'key.y');
      if (!isPublic) validateString(key.d, 'key.d');
      o = { kty: 'EC', crv: key.crv, x: b(key.x), y: b(key.y), d: isPublic ? undefined : b(key.d) };
    } else {
      validateString(key.n, 'key.n');
      validateString(key.e, 'key.e');
      o = { kty: 'RSA', n: b(key.n), e: b(key.e) };
      if (!isPublic) {
        for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) { validateString(key[k], `key.${k}`); o[k] = b(key[k]); }
      }
    }
    o.private = !isPublic;
    const r = ops.op_crypto_key_from_jwk(o);
    if (r && r.__cryptoError) throw invalidJwk();
    return r;
  }
  function prepareAsymmetricKey(key, ctx) {
    if (isKeyObject(key)) return { data: keyObjectData(key, ctx) };
    if (isCryptoKey(key)) return { data: keyObjectData(key[kKeyObject], ctx) };
    if (isStringOrBuffer(key)) return { format: 'pem', data: toBytes(key, 'key') };
    if (typeof key === 'object' && key !== null) {
      const { key: data, encoding, format } = key;
      if (isKeyObject(data)) return { data: keyObjectData(data, ctx) };
      if (isCryptoKey(data)) return { data: keyObjectData(data[kKeyObject], ctx) };
      if (format === 'jwk') {
        validateObject(data, 'key.key');
        return { data: keyDataFromJwk(data, ctx), format: 'jwk' };
      }
      if (!isStringOrBuffer(data)) throw invalidArgType('key.key', keyTypes(ctx !== kCreatePrivate), data);
      const isPublic = ctx === kConsumePrivate || ctx === kCreatePrivate ? false : undefined;
      return { data: toBytes(data, 'key', encoding), ...parseKeyEncoding(key, undefined, isPublic) };
    }
    throw invalidArgType('key', keyTypes(ctx !== kCreatePrivate), key);
  }
  // The DER record of a key argument, read natively when it is not a KeyObject already.
  function asymmetricKeyData(key, ctx) { return loadAsymmetricKey(prepareAsymmetricKey(key, ctx), ctx); }
  function loadAsymmetricKey({ format, type, data, passphrase }, ctx) {
    if (!(data instanceof Uint8Array)) return data; // a KeyObject's record, or one read from a JWK
    const wantPrivate = ctx === kCreatePrivate || ctx === kConsumePrivate ||
      (ctx === kConsumePublic && isPrivatePEM(data, format, type));
    const r = call('op_crypto_key_import', { data, format, type, passphrase, private: wantPrivate });
    if (ctx === kCreatePublic && r.private) return publicOf(r);
    return r;
  }
  function isPrivatePEM(data, format, type) {
    if (format === 'der') return type === 'pkcs8' || type === 'sec1' || (type === 'pkcs1' && data[4] === 2 && data[5] === 1 && data[6] === 0) ||
      (type === 'pkcs1' && data[2] === 2 && data[3] === 1 && data[4] === 0);
    const head = asBuffer(data.subarray(0, 100)).toString('latin1');
    return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(head) && !head.includes('PUBLIC KEY');
  }
  function publicOf(data) {
    return { der: data.publicDer, private: false, type: data.type, details: data.details };
  }
  function prepareSecretKey(key, encoding, bufferOnly = false) {
    if (!bufferOnly) {
      if (isKeyObject(key)) {
        if (key.type !== 'secret') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
        return key[kKeyData];
      }
      if (isCryptoKey(key)) {
        if (key.type !== 'secret') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
        return key[kKeyObject][kKeyData];
      }
    }
    if (typeof key !== 'string' && !isView(key) && !isAnyArrayBuffer(key)) throw invalidArgType('key', keyTypes(!bufferOnly, bufferOnly), key);
    return toBytes(key, 'key', encoding);
  }
  function createSecretKey(key, encoding) {
    key = prepareSecretKey(key, encoding, true);
    return new SecretKeyObject(new KeyObjectHandle(copyBytes(key)));
  }
  function createPublicKey(key) {
    const data = asymmetricKeyData(key, kCreatePublic);
    return new PublicKeyObject(new KeyObjectHandle(data.private ? publicOf(data) : data));
  }
  function createPrivateKey(key) {
    return new PrivateKeyObject(new KeyObjectHandle(asymmetricKeyData(key, kCreatePrivate)));
  }
  const makePrivateKey = (data) => new PrivateKeyObject(new KeyObjectHandle(data));
  const makePublicKey = (data) => new PublicKeyObject(new KeyObjectHandle(data.private ? publicOf(data) : data));

  // -------------------------------------------------------------------------------------------
  // Key generation
  function keygenOptions(type, options) {
    validateString(type, 'type');
    const needsOptions = ['rsa', 'rsa-pss', 'dsa', 'ec', 'dh'].includes(type);
    if (options !== undefined || needsOptions) validateObject(options, 'options');
    options = options || {};
    const o = { type };
    switch (type) {
      case 'rsa':
      case 'rsa-pss': {
        validateUint32(options.modulusLength, 'options.modulusLength');
        o.modulusLength = options.modulusLength;
        if (options.publicExponent !== undefined) { validateUint32(options.publicExponent, 'options.publicExponent'); o.publicExponent = options.publicExponent; }
        if (type === 'rsa-pss') {
          const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
          if (saltLength !== undefined) { validateInt32(saltLength, 'options.saltLength', 0); o.saltLength = saltLength; }
          if (hashAlgorithm !== undefined) { validateString(hashAlgorithm, 'options.hashAlgorithm'); o.hashAlgorithm = hashAlgorithm; }
          if (mgf1HashAlgorithm !== undefined) { validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm'); o.mgf1HashAlgorithm = mgf1HashAlgorithm; }
          const checkDigests = () => {
            if (o.hashAlgorithm !== undefined && DigestAlgorithms(o.hashAlgorithm) === undefined) {
              throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${o.hashAlgorithm}`);
            }
            if (o.mgf1HashAlgorithm !== undefined && DigestAlgorithms(o.mgf1HashAlgorithm) === undefined) {
              throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid MGF1 digest: ${o.mgf1HashAlgorithm}`);
            }
          };
          if (hash !== undefined) {
            process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
            validateString(hash, 'options.hash');
            if (hashAlgorithm && hash !== hashAlgorithm) throw invalidArgValue('options.hash', hash);
            o.hashAlgorithm = hash;
          }
          if (mgf1Hash !== undefined) {
            process.emitWarning('"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
            validateString(mgf1Hash, 'options.mgf1Hash');
            if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) throw invalidArgValue('options.mgf1Hash', mgf1Hash);
            o.mgf1HashAlgorithm = mgf1Hash;
          }
          checkDigests();
          // RFC 8017 (9.1, A.2.3), as Node's RsaKeyGenTraits: the MGF1 hash defaults to the hash,
          // the salt length to the hash's size.
          if (o.hashAlgorithm !== undefined) {
            if (o.mgf1HashAlgorithm === undefined) o.mgf1HashAlgorithm = o.hashAlgorithm;
            if (o.saltLength === undefined) o.saltLength = digestLength(o.hashAlgorithm);
          }
        }
        break;
      }
      case 'dsa':
        validateUint32(options.modulusLength, 'options.modulusLength');
        o.modulusLength = options.modulusLength;
        if (options.divisorLength != null) { validateInt32(options.divisorLength, 'options.divisorLength', 0); o.divisorLength = options.divisorLength; }
        break;
      case 'ec': {
        validateString(options.namedCurve, 'options.namedCurve');
        o.namedCurve = options.namedCurve;
        const { paramEncoding } = options;
        if (paramEncoding == null || paramEncoding === 'named') o.paramEncoding = 'named';
        else if (paramEncoding === 'explicit') o.paramEncoding = 'explicit';
        else throw invalidArgValue('options.paramEncoding', paramEncoding);
        break;
      }
      case 'ed25519': case 'ed448': case 'x25519': case 'x448':
        break;
      case 'dh': {
        const { group, primeLength, prime, generator } = options;
        if (group != null) {
          if (prime != null) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "group" cannot be used in combination with option "prime"');
          if (primeLength != null) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "group" cannot be used in combination with option "primeLength"');
          if (generator != null) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "group" cannot be used in combination with option "generator"');
          validateString(group, 'options.group');
          o.group = group;
        } else {
          if (prime != null) {
            if (primeLength != null) throw nodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "prime" cannot be used in combination with option "primeLength"');
            if (!isView(prime)) throw invalidArgType('options.prime', ['Buffer', 'TypedArray', 'DataView'], prime);
            o.prime = bytesOf(prime);
          } else if (primeLength != null) {
            validateInt32(primeLength, 'options.primeLength', 0);
            o.primeLength = primeLength;
          } else {
            throw nodeError(TypeError, 'ERR_MISSING_OPTION', 'At least one of the group, prime, or primeLength options is required');
          }
          if (generator != null) { validateInt32(generator, 'options.generator', 0); o.generator = generator; }
        }
        break;
      }
      default:
        throw invalidArgValue('type', type, "must be a supported key type");
    }
    const { publicKeyEncoding, privateKeyEncoding } = options;
    let pub, priv;
    if (publicKeyEncoding == null) pub = undefined;
    else if (typeof publicKeyEncoding === 'object') {
      if (publicKeyEncoding.format === 'jwk') pub = { format: 'jwk' };
      else pub = parseKeyEncoding(publicKeyEncoding, type, true, 'publicKeyEncoding');
    } else throw invalidArgValue('options.publicKeyEncoding', publicKeyEncoding);
    if (privateKeyEncoding == null) priv = undefined;
    else if (typeof privateKeyEncoding === 'object') {
      if (privateKeyEncoding.format === 'jwk') priv = { format: 'jwk' };
      else priv = parseKeyEncoding(privateKeyEncoding, type, false, 'privateKeyEncoding');
    } else throw invalidArgValue('options.privateKeyEncoding', privateKeyEncoding);
    return { o, pub, priv };
  }
  function encodeGenerated(data, pub, priv) {
    const privateKey = makePrivateKey(data);
    const publicKey = makePublicKey(data);
    const out = (key, enc, isPrivate) => {
      if (enc === undefined) return key;
      if (enc.format === 'jwk') return key.export({ format: 'jwk' });
      const r = call('op_crypto_key_export', key[kKeyData], { format: enc.format, type: enc.type, cipher: enc.cipher, passphrase: enc.passphrase });
      return typeof r === 'string' ? r : asBuffer(r);
    };
    return { publicKey: out(publicKey, pub, false), privateKey: out(privateKey, priv, true) };
  }
  function checkDhGroup(o) {
    if (o.group !== undefined && ops.op_crypto_dh_group(o.group) === undefined) {
      throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
    }
    if (o.type === 'ec' && !ops.op_crypto_key_curve_valid(o.namedCurve)) {
      throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    }
  }
  function generateKeyPairSync(type, options) {
    const { o, pub, priv } = keygenOptions(type, options);
    checkDhGroup(o);
    return encodeGenerated(call('op_crypto_keygen', o), pub, priv);
  }
  function generateKeyPair(type, options, callback) {
    if (typeof options === 'function') { callback = options; options = undefined; }
    validateFunction(callback, 'callback');
    const { o, pub, priv } = keygenOptions(type, options);
    checkDhGroup(o);
    job('op_crypto_keygen', o).then((data) => {
      let r;
      try { r = encodeGenerated(data, pub, priv); } catch (e) { callUser(callback, e); return; }
      callUser(callback, null, r.publicKey, r.privateKey);
    }, (e) => callUser(callback, e));
  }
  generateKeyPair[Symbol.for('nodejs.util.promisify.custom')] = (type, options) => new Promise((resolve, reject) => {
    generateKeyPair(type, options, (err, publicKey, privateKey) => (err ? reject(err) : resolve({ publicKey, privateKey })));
  });
  function secretKeygenLength(type, options) {
    validateString(type, 'type');
    validateObject(options, 'options');
    const { length } = options;
    switch (type) {
      case 'hmac':
        validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
        break;
      case 'aes':
        validateOneOf(length, 'options.length', [128, 192, 256]);
        break;
      default:
        throw invalidArgValue('type', type, "must be a supported key type");
    }
    return length;
  }
  function generateKeySync(type, options) {
    const length = secretKeygenLength(type, options);
    return new SecretKeyObject(new KeyObjectHandle(randomBytesRaw(Math.floor(length / 8))));
  }
  function generateKey(type, options, callback) {
    if (typeof options === 'function') { callback = options; options = undefined; }
    validateFunction(callback, 'callback');
    const length = secretKeygenLength(type, options);
    const key = new SecretKeyObject(new KeyObjectHandle(randomBytesRaw(Math.floor(length / 8))));
    nextTick(callback, null, key);
  }

  // -------------------------------------------------------------------------------------------
  // Signatures
  const RSA_PKCS1_PADDING = 1, RSA_NO_PADDING = 3, RSA_PKCS1_OAEP_PADDING = 4;
  function getIntOption(name, options) {
    const value = options[name];
    if (value !== undefined) {
      if (value === value >> 0) return value;
      throw invalidArgValue(`options.${name}`, value);
    }
    return undefined;
  }
  function getDSASignatureEncoding(options) {
    if (typeof options === 'object') {
      const { dsaEncoding = 'der' } = options;
      if (dsaEncoding === 'der' || dsaEncoding === 'ieee-p1363') return dsaEncoding;
      throw invalidArgValue('options.dsaEncoding', dsaEncoding);
    }
    return 'der';
  }
  function signOptions(key, ctx) {
    const o = {};
    if (key && typeof key === 'object' && !isKeyObject(key) && !isCryptoKey(key) && !isView(key)) {
      o.padding = getIntOption('padding', key);
      o.saltLength = getIntOption('saltLength', key);
    }
    o.dsaEncoding = getDSASignatureEncoding(key);
    return o;
  }
  // 'DSS1' is OpenSSL 1's name for SHA-1 with DSA, which Node still accepts.
  const signDigest = (name) => (name.toLowerCase() === 'dss1' ? 'sha1' : name);
  function Sign(algorithm, options) {
    if (!(this instanceof Sign)) return new Sign(algorithm, options);
    validateString(algorithm, 'algorithm');
    algorithm = signDigest(algorithm);
    if (DigestAlgorithms(algorithm) === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
    this[kHandle] = { algorithm, chunks: [] };
    initEmitter(this);
    const { Writable } = nodeStream;
    Writable.call(this, options);
  }
  function DigestAlgorithms(name) {
    const id = ops.op_crypto_hash_new(name, null);
    if (id < 0) return undefined;
    ops.op_crypto_hash_free(id);
    return name;
  }
  Object.setPrototypeOf(Sign.prototype, nodeStream.Writable.prototype);
  Object.setPrototypeOf(Sign, nodeStream.Writable);
  Sign.prototype._write = function (chunk, encoding, callback) { this.update(chunk, encoding); callback(); };
  Sign.prototype.update = function (data, encoding) {
    if (typeof data === 'string') {
      if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
      data = Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
    } else if (!isView(data)) {
      throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    this[kHandle].chunks.push(Buffer.from(bytesOf(data)));
    return this;
  };
  Sign.prototype.sign = function (options, encoding) {
    if (!options) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
    const prepared = prepareAsymmetricKey(options, kConsumePrivate);
    const o = signOptions(options);
    const data = loadAsymmetricKey(prepared, kConsumePrivate);
    const sig = asBuffer(call('op_crypto_sign', { key: data, digest: this[kHandle].algorithm, data: Buffer.concat(this[kHandle].chunks), stream: true, ...o }));
    return encoding && encoding !== 'buffer' ? sig.toString(encoding) : sig;
  };
  function Verify(algorithm, options) {
    if (!(this instanceof Verify)) return new Verify(algorithm, options);
    validateString(algorithm, 'algorithm');
    algorithm = signDigest(algorithm);
    if (DigestAlgorithms(algorithm) === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
    this[kHandle] = { algorithm, chunks: [] };
    initEmitter(this);
    nodeStream.Writable.call(this, options);
  }
  Object.setPrototypeOf(Verify.prototype, nodeStream.Writable.prototype);
  Object.setPrototypeOf(Verify, nodeStream.Writable);
  Verify.prototype._write = Sign.prototype._write;
  Verify.prototype.update = Sign.prototype.update;
  Verify.prototype.verify = function (options, signature, sigEncoding) {
    const prepared = prepareAsymmetricKey(options, kConsumePublic);
    const o = signOptions(options);
    signature = toBytes(signature, 'signature', sigEncoding);
    const data = loadAsymmetricKey(prepared, kConsumePublic);
    return call('op_crypto_verify', { key: data, digest: this[kHandle].algorithm, data: Buffer.concat(this[kHandle].chunks), signature, stream: true, ...o });
  };
  const createSign = (algorithm, options) => new Sign(algorithm, options);
  const createVerify = (algorithm, options) => new Verify(algorithm, options);

  function oneShotSign(algorithm, data, key, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = toBytes(data, 'data');
    if (!key) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
    const prepared = prepareAsymmetricKey(key, kConsumePrivate);
    const options = signOptions(key);
    const o = { key: loadAsymmetricKey(prepared, kConsumePrivate), digest: algorithm == null ? undefined : algorithm, data, ...options };
    if (callback === undefined) return asBuffer(call('op_crypto_sign', o));
    let r;
    try { r = asBuffer(call('op_crypto_sign', o)); } catch (e) { nextTick(callback, e); return; }
    nextTick(callback, null, r);
  }
  function oneShotVerify(algorithm, data, key, signature, callback) {
    if (algorithm != null) validateString(algorithm, 'algorithm');
    if (callback !== undefined) validateFunction(callback, 'callback');
    data = toBytes(data, 'data');
    if (!isView(data)) throw invalidArgType('data', ['Buffer', 'TypedArray', 'DataView'], data);
    const prepared = prepareAsymmetricKey(key, kConsumePublic);
    if (!isView(signature)) throw invalidArgType('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
    const keyData = loadAsymmetricKey(prepared, kConsumePublic);
    const o = { key: keyData, digest: algorithm == null ? undefined : algorithm, data, signature: bytesOf(signature), ...signOptions(key) };
    if (callback === undefined) return call('op_crypto_verify', o);
    let r;
    try { r = call('op_crypto_verify', o); } catch (e) { nextTick(callback, e); return; }
    nextTick(callback, null, r);
  }

  // publicEncrypt and friends
  function rsaFunction(op, defaultPadding, ctx) {
    return function (options, buffer) {
      // Node reads the key as public or private whatever the operation (OpenSSL then refuses).
      const prepared = prepareAsymmetricKey(options, ctx);
      const padding = (options && options.padding) || defaultPadding;
      const { oaepHash, encoding } = options || {};
      let { oaepLabel } = options || {};
      if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
      if (oaepLabel !== undefined) oaepLabel = toBytes(oaepLabel, 'key.oaepLabel', encoding);
      buffer = toBytes(buffer, 'buffer', encoding);
      const keyData = loadAsymmetricKey(prepared, kConsumePublic);
      if (op === 'decrypt' && padding === RSA_PKCS1_PADDING && pkcs1DecryptReverted()) {
        // --security-revert=CVE-2023-46809: PKCS#1 v1.5 decryption as OpenSSL did it before
        // implicit rejection (a padding error is an error): the raw RSA result, unpadded here.
        const raw = call('op_crypto_pkey_crypt', { key: keyData, op, padding: RSA_NO_PADDING, data: buffer });
        return asBuffer(unpadPkcs1Type2(raw));
      }
      return asBuffer(call('op_crypto_pkey_crypt', { key: keyData, op, padding, oaepHash, oaepLabel, data: buffer }));
    };
  }
  // Node 18.20.4 refuses RSA_PKCS1_PADDING in privateDecrypt (the Marvin attack) unless OpenSSL
  // rejects implicitly, or the process runs with --security-revert=CVE-2023-46809.
  const pkcs1DecryptReverted = () => (core.nodeFlags?.options?.['--security-revert'] ?? []).includes('CVE-2023-46809');
  // RFC 8017 7.2.2 step 3: EM = 0x00 || 0x02 || PS (8 or more nonzero bytes) || 0x00 || M; a
  // mismatch is OpenSSL's RSA_padding_check_PKCS1_type_2 error.
  function unpadPkcs1Type2(em) {
    let separator = -1;
    if (em.length >= 11 && em[0] === 0 && em[1] === 2) {
      for (let i = 2; i < em.length; i++) {
        if (em[i] === 0) { separator = i; break; }
      }
    }
    if (separator < 10) {
      const e = new Error('error:0200009F:rsa routines::pkcs decoding error');
      e.opensslErrorStack = ['error:02000072:rsa routines::padding check failed'];
      e.library = 'rsa routines';
      e.reason = 'pkcs decoding error';
      e.code = 'ERR_OSSL_RSA_PKCS_DECODING_ERROR';
      throw e;
    }
    return em.subarray(separator + 1);
  }
  const publicEncrypt = rsaFunction('encrypt', RSA_PKCS1_OAEP_PADDING, kConsumePublic);
  const privateDecrypt = rsaFunction('decrypt', RSA_PKCS1_OAEP_PADDING, kConsumePrivate);
  const privateEncrypt = rsaFunction('sign', RSA_PKCS1_PADDING, kConsumePrivate);
  const publicDecrypt = rsaFunction('recover', RSA_PKCS1_PADDING, kConsumePublic);

  // -------------------------------------------------------------------------------------------
  // Diffie-Hellman
  const DH_GENERATOR = 2;
  const kDH = Symbol('kDH');
  function toBuf(val, encoding) {
    if (typeof val === 'string') {
      if (encoding === 'buffer') encoding = 'utf8';
      return Buffer.from(val, encoding);
    }
    return val;
  }
  function encodeOut(u8, encoding) {
    const buf = Buffer.from(u8);
    return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
  }
  function numberBytes(n) {
    const out = [];
    while (n > 0) { out.unshift(n & 0xff); n = Math.floor(n / 256); }
    return new Uint8Array(out.length ? out : [0]);
  }
  function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
    if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
    if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
      throw invalidArgType('sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], sizeOrKey);
    }
    if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
    if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
      genEncoding = generator; generator = keyEncoding; keyEncoding = false;
    }
    const encoding = 'buffer';
    keyEncoding = keyEncoding || encoding;
    genEncoding = genEncoding || encoding;
    if (typeof sizeOrKey !== 'number') sizeOrKey = toBuf(sizeOrKey, keyEncoding);
    if (!generator) generator = DH_GENERATOR;
    else if (typeof generator === 'number') validateInt32(generator, 'generator');
    else if (typeof generator === 'string') generator = toBuf(generator, genEncoding);
    else if (!isView(generator) && !isAnyArrayBuffer(generator)) {
      throw invalidArgType('generator', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], generator);
    }
    let gen;
    if (typeof generator === 'number') {
      if (generator < 2) throw nodeError(Error, 'ERR_OSSL_DH_BAD_GENERATOR', 'error:05000076:Diffie-Hellman routines::bad generator');
      gen = numberBytes(generator);
    } else {
      gen = toBytes(generator, 'generator');
      let v = 0;
      for (const b of gen) v = v * 256 + b;
      if (v < 2) throw nodeError(Error, 'ERR_OSSL_DH_BAD_GENERATOR', 'error:05000076:Diffie-Hellman routines::bad generator');
    }
    let prime;
    if (typeof sizeOrKey === 'number') {
      prime = call('op_crypto_dh_prime', sizeOrKey, typeof generator === 'number' ? generator : 2);
    } else {
      prime = copyBytes(toBytes(sizeOrKey, 'sizeOrKey'));
      if (prime.length === 0 || (prime.length === 1 && prime[0] < 2)) {
        throw nodeError(Error, 'ERR_OSSL_BN_BITS_TOO_SMALL', 'error:0280007E:bignum routines::bits too small');
      }
    }
    this[kDH] = { prime, gen: copyBytes(gen), priv: null, pub: null };
    Object.defineProperty(this, 'verifyError', {
      value: call('op_crypto_dh_check', prime, this[kDH].gen), enumerable: true, configurable: true, writable: false,
    });
  }
  function DiffieHellmanGroup(name) {
    if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
    validateString(name, 'name');
    const prime = ops.op_crypto_dh_group(name);
    if (prime === undefined) throw nodeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
    this[kDH] = { prime, gen: new Uint8Array([2]), priv: null, pub: null };
    Object.defineProperty(this, 'verifyError', {
      value: call('op_crypto_dh_check', prime, this[kDH].gen), enumerable: true, configurable: true, writable: false,
    });
  }
  const dhProto = {
    generateKeys(encoding) {
      const s = this[kDH];
      [s.priv, s.pub] = call('op_crypto_dh_generate', s.prime, s.gen, s.priv);
      return encodeOut(s.pub, encoding);
    },
    computeSecret(key, inEnc, outEnc) {
      const s = this[kDH];
      key = toBytes(toBuf(key, inEnc), 'key', inEnc);
      if (s.priv === null) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation computeSecret');
      return encodeOut(call('op_crypto_dh_compute', s.prime, s.gen, s.priv, key), outEnc);
    },
    getPrime(encoding) { return encodeOut(this[kDH].prime, encoding); },
    getGenerator(encoding) { return encodeOut(this[kDH].gen, encoding); },
    getPublicKey(encoding) {
      if (this[kDH].pub === null) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No public key - did you forget to generate one?');
      return encodeOut(this[kDH].pub, encoding);
    },
    getPrivateKey(encoding) {
      if (this[kDH].priv === null) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'No private key - did you forget to generate one?');
      return encodeOut(this[kDH].priv, encoding);
    },
  };
  Object.assign(DiffieHellman.prototype, dhProto);
  for (const k of ['generateKeys', 'computeSecret', 'getPrime', 'getGenerator', 'getPublicKey', 'getPrivateKey']) {
    DiffieHellmanGroup.prototype[k] = dhProto[k];
  }
  DiffieHellman.prototype.setPublicKey = function (key, encoding) {
    this[kDH].pub = copyBytes(toBytes(toBuf(key, encoding), 'key', encoding));
    return this;
  };
  DiffieHellman.prototype.setPrivateKey = function (key, encoding) {
    this[kDH].priv = copyBytes(toBytes(toBuf(key, encoding), 'key', encoding));
    return this;
  };
  const createDiffieHellman = (sizeOrKey, keyEncoding, generator, genEncoding) => new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  const getDiffieHellman = (name) => new DiffieHellmanGroup(name);

  const kECDH = Symbol('kECDH');
  const ecdhForms = { compressed: 2, uncompressed: 4, hybrid: 6 };
  function pointForm(format) {
    if (format === undefined || format === 'uncompressed') return 4;
    if (format === 'compressed') return 2;
    if (format === 'hybrid') return 6;
    throw nodeError(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', `Invalid ECDH format: ${format}`);
  }
  function ECDH(curve) {
    if (!(this instanceof ECDH)) return new ECDH(curve);
    validateString(curve, 'curve');
    if (!getCurves().includes(curve)) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    this[kECDH] = { curve, priv: null, pub: null };
  }
  ECDH.prototype.generateKeys = function (encoding, format) {
    const s = this[kECDH];
    [s.priv, s.pub] = call('op_crypto_ecdh_generate', s.curve);
    s.pubSet = false;
    return this.getPublicKey(encoding, format);
  };
  ECDH.prototype.computeSecret = function (key, inEnc, outEnc) {
    const s = this[kECDH];
    key = toBytes(toBuf(key, inEnc), 'key', inEnc);
    if (s.priv === null) throw nodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation computeSecret');
    // A public key set after the private one must still belong to it.
    if (s.pubSet) {
      const own = call('op_crypto_ecdh_from_private', s.curve, s.priv);
      if (!Buffer.from(own).equals(Buffer.from(s.pub))) throw nodeError(Error, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
    }
    return encodeOut(call('op_crypto_ecdh_compute', s.curve, s.priv, key), outEnc);
  };
  ECDH.prototype.getPublicKey = function (encoding, format) {
    const s = this[kECDH];
    if (s.pub === null) throw new Error('Failed to get ECDH public key');
    const f = pointForm(format);
    return encodeOut(f === 4 ? s.pub : call('op_crypto_ecdh_convert', s.curve, s.pub, f), encoding);
  };
  ECDH.prototype.getPrivateKey = function (encoding) {
    const s = this[kECDH];
    if (s.priv === null) throw new Error('Failed to get ECDH private key');
    return encodeOut(s.priv, encoding);
  };
  ECDH.prototype.setPrivateKey = function (key, encoding) {
    const s = this[kECDH];
    key = copyBytes(toBytes(toBuf(key, encoding), 'key', encoding));
    s.pub = call('op_crypto_ecdh_from_private', s.curve, key);
    s.priv = key;
    s.pubSet = false;
    return this;
  };
  ECDH.prototype.setPublicKey = function (key, encoding) {
    const s = this[kECDH];
    key = toBytes(toBuf(key, encoding), 'key', encoding);
    s.pub = call('op_crypto_ecdh_convert', s.curve, key, 4);
    s.pubSet = true;
    return this;
  };
  ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
    validateString(curve, 'curve');
    key = toBytes(toBuf(key, inEnc), 'key', inEnc);
    if (!getCurves().includes(curve)) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    return encodeOut(call('op_crypto_ecdh_convert', curve, key, pointForm(format)), outEnc);
  };
  const createECDH = (curve) => new ECDH(curve);

  function diffieHellman(options) {
    validateObject(options, 'options');
    const { privateKey, publicKey } = options;
    if (!isKeyObject(privateKey)) throw invalidArgValue('options.privateKey', privateKey);
    if (!isKeyObject(publicKey)) throw invalidArgValue('options.publicKey', publicKey);
    if (privateKey.type !== 'private') throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${privateKey.type}, expected private.`);
    if (publicKey.type !== 'public' && publicKey.type !== 'private') {
      throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${publicKey.type}, expected private or public.`);
    }
    const privateType = privateKey.asymmetricKeyType;
    const publicType = publicKey.asymmetricKeyType;
    if (privateType !== publicType || !['dh', 'ec', 'x448', 'x25519'].includes(privateType)) {
      throw nodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', `Incompatible key types for Diffie-Hellman: ${privateType} and ${publicType}`);
    }
    const pub = publicKey.type === 'private' ? publicOf(publicKey[kKeyData]) : publicKey[kKeyData];
    return asBuffer(call('op_crypto_derive', privateKey[kKeyData], pub));
  }

  // Node's filterDuplicateStrings: names unique regardless of case (the first spelling kept), sorted.
  function uniqueNames(items, lower) {
    const map = new Map();
    for (const item of items) {
      const key = item.toLowerCase();
      if (!map.has(key)) map.set(key, lower ? key : item);
    }
    return [...map.values()].sort();
  }
  let curveList = null;
  function getCurves() {
    if (curveList === null) curveList = uniqueNames(ops.op_crypto_curves(), false);
    return curveList.slice();
  }

  // -------------------------------------------------------------------------------------------
  // Primes
  function primeBytes(candidate, name = 'candidate') {
    if (typeof candidate === 'bigint') {
      if (candidate < 0n) throw outOfRange(name, '>= 0', candidate);
      let hexs = candidate.toString(16);
      if (hexs.length % 2) hexs = `0${hexs}`;
      return bytesOf(Buffer.from(hexs, 'hex'));
    }
    if (isAnyArrayBuffer(candidate) || isView(candidate)) return toBytes(candidate, 'candidate');
    throw invalidArgType('candidate', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], candidate);
  }
  function primeOptions(size, options) {
    validateInt32(size, 'size', 1);
    validateObject(options, 'options');
    const { safe = false, bigint = false } = options;
    let { add, rem } = options;
    validateBoolean(safe, 'options.safe');
    validateBoolean(bigint, 'options.bigint');
    if (add !== undefined) {
      if (typeof add === 'bigint') add = primeBytes(add, 'options.add');
      else if (!isAnyArrayBuffer(add) && !isView(add)) throw invalidArgType('options.add', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], add);
      else add = toBytes(add, 'options.add');
    }
    if (rem !== undefined) {
      if (typeof rem === 'bigint') rem = primeBytes(rem, 'options.rem');
      else if (!isAnyArrayBuffer(rem) && !isView(rem)) throw invalidArgType('options.rem', ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'], rem);
      else rem = toBytes(rem, 'options.rem');
    }
    return { o: { bits: size, safe, add, rem }, bigint };
  }
  const primeResult = (bytes, bigint) => (bigint ? bytesToBigInt(bytes) : copyBytes(bytes).buffer);
  function generatePrimeSync(size, options = {}) {
    const { o, bigint } = primeOptions(size, options);
    return primeResult(call('op_crypto_prime_generate', o), bigint);
  }
  function generatePrime(size, options, callback) {
    if (typeof options === 'function') { callback = options; options = {}; }
    validateFunction(callback, 'callback');
    const { o, bigint } = primeOptions(size, options);
    job('op_crypto_prime_generate', o).then((bytes) => callUser(callback, null, primeResult(bytes, bigint)), (e) => callUser(callback, e));
  }
  function checkOptions(options) {
    validateObject(options, 'options');
    const { checks = 0 } = options;
    validateInt32(checks, 'options.checks', 0);
    return checks;
  }
  function checkPrimeSync(candidate, options = {}) {
    candidate = primeBytes(candidate);
    return call('op_crypto_prime_check', { candidate, checks: checkOptions(options) });
  }
  function checkPrime(candidate, options = {}, callback) {
    if (typeof options === 'function') { callback = options; options = {}; }
    candidate = primeBytes(candidate);
    validateFunction(callback, 'callback');
    const checks = checkOptions(options);
    job('op_crypto_prime_check', { candidate, checks }).then((r) => callUser(callback, null, r), (e) => callUser(callback, e));
  }

  // -------------------------------------------------------------------------------------------
  // X509Certificate
  const kX509 = Symbol('kX509');
  const kX509Info = Symbol('kX509Info');
  // X509_check_host/X509_check_email refuse (-2) a name with a NUL before its last byte, which
  // Node reports as an invalid argument.
  function checkX509Name(name, ctx) {
    validateString(name, ctx);
    const bytes = Buffer.from(name);
    const nul = bytes.indexOf(0);
    if (nul >= 0 && nul < (bytes.length > 1 ? bytes.length - 1 : bytes.length)) {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid name');
    }
  }
  // Node's getFlags (lib/internal/crypto/x509.js).
  function x509Flags(options = {}) {
    validateObject(options, 'options');
    const { subject = 'default', wildcards = true, partialWildcards = true, multiLabelWildcards = false, singleLabelSubdomains = false } = { ...options };
    let flags = 0;
    validateString(subject, 'options.subject');
    validateBoolean(wildcards, 'options.wildcards');
    validateBoolean(partialWildcards, 'options.partialWildcards');
    validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
    validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
    switch (subject) {
      case 'default': break;
      case 'always': flags |= 0x1; break; // X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT
      case 'never': flags |= 0x20; break; // X509_CHECK_FLAG_NEVER_CHECK_SUBJECT
      default: throw invalidArgValue('options.subject', subject);
    }
    if (!wildcards) flags |= 0x2;
    if (!partialWildcards) flags |= 0x4;
    if (multiLabelWildcards) flags |= 0x8;
    if (singleLabelSubdomains) flags |= 0x10;
    return flags;
  }
  class X509Certificate {
    constructor(buffer) {
      if (typeof buffer === 'string') buffer = Buffer.from(buffer);
      if (!isView(buffer)) throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
      const der = call('op_crypto_x509_parse', bytesOf(buffer));
      this[kX509] = { der, info: null, issuer: undefined };
    }
    get [kX509Info]() {
      const s = this[kX509];
      if (s.info === null) {
        s.info = call('op_crypto_x509_info', s.der);
        // The lines X509V3_EXT_print writes, without a newline after the last (Node's).
        if (typeof s.info.infoAccess === 'string') s.info.infoAccess = s.info.infoAccess.replace(/\n$/, '');
      }
      return s.info;
    }
    [customInspect](depth, options, inspectFn) {
      if (depth < 0) return this;
      const i = this[kX509Info];
      return `X509Certificate ${(inspectFn || inspect)({
        subject: i.subject, subjectAltName: i.subjectAltName, issuer: i.issuer, infoAccess: i.infoAccess,
        validFrom: i.validFrom, validTo: i.validTo, fingerprint: i.fingerprint, fingerprint256: i.fingerprint256,
        fingerprint512: i.fingerprint512, keyUsage: i.keyUsage, serialNumber: i.serialNumber,
      }, { ...options, depth: options && options.depth == null ? null : (options ? options.depth - 1 : 1) })}`;
    }
    get subject() { return this[kX509Info].subject; }
    get subjectAltName() { return this[kX509Info].subjectAltName; }
    get issuer() { return this[kX509Info].issuer; }
    get issuerCertificate() { return this[kX509].issuer; }
    get infoAccess() { return this[kX509Info].infoAccess; }
    get validFrom() { return this[kX509Info].validFrom; }
    get validTo() { return this[kX509Info].validTo; }
    get fingerprint() { return this[kX509Info].fingerprint; }
    get fingerprint256() { return this[kX509Info].fingerprint256; }
    get fingerprint512() { return this[kX509Info].fingerprint512; }
    get keyUsage() { return this[kX509Info].keyUsage; }
    get serialNumber() { return this[kX509Info].serialNumber; }
    get raw() { return Buffer.from(this[kX509].der); }
    get publicKey() { return makePublicKey(this[kX509Info].publicKey); }
    get ca() { return this[kX509Info].ca; }
    toString() { return this[kX509Info].pem; }
    toJSON() { return this.toString(); }
    checkHost(name, options) {
      checkX509Name(name, 'name');
      return call('op_crypto_x509_check', this[kX509].der, 'host', name, x509Flags(options));
    }
    checkEmail(email, options) {
      checkX509Name(email, 'email');
      return call('op_crypto_x509_check', this[kX509].der, 'email', email, x509Flags(options));
    }
    checkIP(ip, options) {
      validateString(ip, 'ip');
      if (options !== undefined) x509Flags(options);
      return call('op_crypto_x509_check', this[kX509].der, 'ip', ip, 0);
    }
    checkIssued(otherCert) {
      if (!(otherCert instanceof X509Certificate)) throw invalidArgType('otherCert', 'X509Certificate', otherCert);
      return call('op_crypto_x509_issued', this[kX509].der, otherCert[kX509].der);
    }
    checkPrivateKey(pkey) {
      if (!isKeyObject(pkey)) throw invalidArgType('pkey', 'KeyObject', pkey);
      if (pkey.type !== 'private') throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'pkey' must be a private key. Received '${pkey.type}'`);
      return call('op_crypto_x509_check_private', this[kX509].der, pkey[kKeyData]);
    }
    verify(pkey) {
      if (!isKeyObject(pkey)) throw invalidArgType('pkey', 'KeyObject', pkey);
      if (pkey.type !== 'public') throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'pkey' must be a public key. Received '${pkey.type}'`);
      return call('op_crypto_x509_verify', this[kX509].der, pkey[kKeyData]);
    }
    toLegacyObject() { return legacyCertificate(this[kX509Info]); }
  }
  // The plain object tls's getPeerCertificate returns (Node's X509ToObject).
  function legacyCertificate(i) {
    const o = { subject: nullProto(i.subjectObject), issuer: nullProto(i.issuerObject) };
    if (i.subjectAltName !== undefined) o.subjectaltname = i.subjectAltName;
    if (i.infoAccess !== undefined) o.infoAccess = parseInfoAccess(i.infoAccess);
    o.ca = i.ca;
    if (i.modulus !== undefined) {
      o.modulus = asBuffer(i.modulus).toString('hex').toUpperCase().replace(/^0+(?=.)/, '');
      o.bits = i.bits;
      o.exponent = `0x${bytesToBigInt(i.exponent).toString(16)}`;
      o.pubkey = Buffer.from(i.publicKey.der);
    }
    if (i.pubkey !== undefined) {
      o.bits = i.bits;
      o.pubkey = Buffer.from(i.pubkey);
      if (i.asn1Curve) o.asn1Curve = i.asn1Curve;
      if (i.nistCurve) o.nistCurve = i.nistCurve;
    }
    o.valid_from = i.validFrom;
    o.valid_to = i.validTo;
    o.fingerprint = i.fingerprint;
    o.fingerprint256 = i.fingerprint256;
    o.fingerprint512 = i.fingerprint512;
    if (i.keyUsage !== undefined) o.ext_key_usage = i.keyUsage;
    o.serialNumber = i.serialNumber;
    o.raw = Buffer.from(i.der);
    return o;
  }
  function nullProto(obj) { return Object.assign(Object.create(null), obj); }
  // _tls_common's translatePeerCertificate: "OCSP - URI:http://..." lines, keyed by what
  // precedes the first colon ('OCSP - URI'); a quoted value is JSON.
  function parseInfoAccess(text) {
    const out = Object.create(null);
    String(text).replace(/([^\n:]*):([^\n]*)(?:\n|$)/g, (all, key, val) => {
      if (val.charCodeAt(0) === 0x22) val = JSON.parse(val);
      if (key in out) out[key].push(val);
      else out[key] = [val];
      return all;
    });
    return out;
  }

  // crypto.constants: filled in by 29-constants.js with the rest of Node's constants.
  const constants = { __proto__: null };
  const opensslVersion = ops.op_crypto_openssl_version();

  // -------------------------------------------------------------------------------------------
  // Web Crypto: Node 18.20.4's own JavaScript (NodeLib/node.internal.crypto.*.js: webcrypto,
  // webidl, util, aes, rsa, ec, cfrg, mac, hkdf, pbkdf2, diffiehellman), compiled when first used,
  // over what is below: the part of Node's internalBinding('crypto') those files call (the Web
  // Crypto methods of KeyObjectHandle and the crypto jobs), made of the operations above, and
  // fe's stand-ins for internal/crypto/keys, keygen, hash and random (JS/43-nodelib.js).
  const kCryptoJobAsync = 0, kCryptoJobSync = 1;
  const kSignJobModeSign = 0, kSignJobModeVerify = 1;
  const kSigEncDER = 0, kSigEncP1363 = 1;
  const kKeyTypeSecret = 0, kKeyTypePublic = 1, kKeyTypePrivate = 2;
  const kWebCryptoCipherEncrypt = 0, kWebCryptoCipherDecrypt = 1;
  const kWebCryptoKeyFormatRaw = 0, kWebCryptoKeyFormatPKCS8 = 1, kWebCryptoKeyFormatSPKI = 2, kWebCryptoKeyFormatJWK = 3;
  const RSA_PKCS1_PSS_PADDING = 6;
  const arrayBufferOf = (u8) => (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength && u8.buffer instanceof ArrayBuffer
    ? u8.buffer : copyBytes(u8).buffer);
  const sourceBytes = (v) => (isAnyArrayBuffer(v) ? new Uint8Array(v) : bytesOf(v));
  function concatBytes(parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }
  function bigIntToBytes(n, size) {
    const out = new Uint8Array(size);
    for (let i = size - 1; i >= 0; i--) { out[i] = Number(n & 0xffn); n >>= 8n; }
    return out;
  }
  const jwkCurveNames = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521', secp256k1: 'secp256k1' };
  const jwkError = (message) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', message);
  const fromB64 = (v) => bytesOf(Buffer.from(v, 'base64'));

  // The Web Crypto methods of Node's KeyObjectHandle (src/crypto/crypto_keys.cc), on fe's handle.
  Object.assign(KeyObjectHandle.prototype, {
    // A JWK's key into this handle: its key type, or a thrown ERR_CRYPTO_INVALID_JWK.
    initJwk(jwk, namedCurve) {
      switch (jwk.kty) {
        case 'oct':
          if (typeof jwk.k !== 'string') throw jwkError('Invalid JWK secret key format');
          this.data = copyBytes(fromB64(jwk.k));
          return kKeyTypeSecret;
        case 'RSA': {
          const isPrivate = jwk.d !== undefined;
          const names = isPrivate ? ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] : ['n', 'e'];
          if (names.some((k) => typeof jwk[k] !== 'string')) throw jwkError(`Invalid JWK RSA key`);
          const o = { kty: 'RSA', private: isPrivate };
          for (const k of names) o[k] = fromB64(jwk[k]);
          const r = ops.op_crypto_key_from_jwk(o);
          if (r && r.__cryptoError) throw jwkError('Invalid JWK RSA key');
          this.data = r;
          return isPrivate ? kKeyTypePrivate : kKeyTypePublic;
        }
        case 'EC': {
          const isPrivate = jwk.d !== undefined;
          if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string' || (isPrivate && typeof jwk.d !== 'string')) {
            throw jwkError('Invalid JWK EC key');
          }
          const o = { kty: 'EC', crv: namedCurve, x: fromB64(jwk.x), y: fromB64(jwk.y), private: isPrivate };
          if (isPrivate) o.d = fromB64(jwk.d);
          const r = ops.op_crypto_key_from_jwk(o);
          if (r && r.__cryptoError) throw jwkError('Invalid JWK EC key');
          this.data = r;
          return isPrivate ? kKeyTypePrivate : kKeyTypePublic;
        }
        default:
          throw jwkError('Invalid JWK key type');
      }
    },
    // An EC public key from its encoded point (compressed or not) on the curve `curve`.
    initECRaw(curve, bytes) {
      const crv = jwkCurveNames[curve];
      if (crv === undefined) return false;
      const point = ops.op_crypto_ecdh_convert(curve, sourceBytes(bytes), 4);
      if (!(point instanceof Uint8Array)) return false;
      const size = (point.length - 1) / 2;
      const r = ops.op_crypto_key_from_jwk({ kty: 'EC', crv, x: point.subarray(1, 1 + size), y: point.subarray(1 + size), private: false });
      if (r && r.__cryptoError) return false;
      this.data = r;
      return true;
    },
    // An Ed25519/Ed448/X25519/X448 key from its raw bytes.
    initEDRaw(name, bytes, keyType) {
      const raw = copyBytes(sourceBytes(bytes));
      const isPrivate = keyType === kKeyTypePrivate;
      const r = ops.op_crypto_key_from_jwk({ kty: 'OKP', crv: name, x: raw, d: isPrivate ? raw : undefined, private: isPrivate });
      if (r && r.__cryptoError) return false;
      this.data = r;
      return true;
    },
    keyDetail(target) {
      const data = this.data;
      if (data instanceof Uint8Array) {
        target.length = data.length * 8;
        return target;
      }
      const d = data.details;
      switch (data.type) {
        case 'rsa':
        case 'rsa-pss':
          target.modulusLength = d.modulusLength;
          target.publicExponent = copyBytes(d.publicExponent).buffer;
          if (d.hashAlgorithm !== undefined) {
            target.hashAlgorithm = d.hashAlgorithm;
            target.mgf1HashAlgorithm = d.mgf1HashAlgorithm;
            target.saltLength = d.saltLength;
          }
          break;
        case 'dsa':
          target.modulusLength = d.modulusLength;
          target.divisorLength = d.divisorLength;
          break;
        case 'ec':
          target.namedCurve = d.namedCurve;
          break;
        default:
      }
      return target;
    },
    // EC_KEY_check_key: the public point is on the curve (checked when the key was read) and, for
    // a private key, is the one its scalar gives.
    checkEcKeyData() {
      const data = this.data;
      if (data instanceof Uint8Array || data.type !== 'ec') return false;
      if (!data.private) return true;
      const jwk = ops.op_crypto_key_jwk(data);
      if (!jwk || jwk.__cryptoError) return false;
      const own = ops.op_crypto_ecdh_from_private(data.details.namedCurve, jwk.d);
      if (!(own instanceof Uint8Array)) return false;
      return asBuffer(own).equals(Buffer.from(concatBytes([new Uint8Array([4]), jwk.x, jwk.y])));
    },
    exportJwk(target, handleRsaPss) {
      const data = this.data;
      if (data instanceof Uint8Array) {
        target.kty = 'oct';
        target.k = b64url(data);
        return target;
      }
      if (!['rsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448'].includes(data.type) && !(handleRsaPss && data.type === 'rsa-pss')) {
        throw nodeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
      }
      const raw = call('op_crypto_key_jwk', data);
      for (const k of Object.keys(raw)) target[k] = typeof raw[k] === 'string' ? raw[k] : b64url(raw[k]);
      return target;
    },
    getSymmetricKeySize() { return this.data.length; },
  });

  // Node's CryptoJob: run() computes now when synchronous and returns [error, result], or
  // reports through ondone(error, result) from a later turn of the event loop (Node's run on
  // its thread pool).
  const kCompute = Symbol('kCompute');
  class CryptoJob {
    constructor(mode, compute) {
      this.mode = mode;
      this[kCompute] = compute;
      this.ondone = undefined;
    }
    run() {
      const compute = this[kCompute];
      if (this.mode === kCryptoJobSync) {
        try { return [undefined, compute()]; } catch (e) { return [e, undefined]; }
      }
      setImmediate(() => {
        let result;
        try { result = compute(); } catch (e) { this.ondone(e); return; }
        this.ondone(undefined, result);
      });
    }
  }
  // One pass of an OpenSSL cipher over `input`: its output (and tag, for AEAD encryption).
  function cipherOnce(name, key, iv, input, encrypt, aead) {
    const h = call('op_crypto_cipher_new', { name, key, iv, encrypt, authTagLength: aead ? aead.tagLength : -1 });
    try {
      if (aead && !encrypt && !call('op_crypto_cipher_set_tag', h, aead.tag)) throw new Error('Invalid authentication tag');
      if (aead && aead.aad !== undefined) {
        const r = ops.op_crypto_cipher_set_aad(h, aead.aad, -1);
        if (r !== true) { native(r); throw new Error('Invalid additional data'); }
      }
      const parts = [call('op_crypto_cipher_update', h, input), call('op_crypto_cipher_final', h)];
      if (aead && encrypt) parts.push(call('op_crypto_cipher_get_tag', h));
      return concatBytes(parts);
    } finally {
      ops.op_crypto_cipher_free(h);
    }
  }
  // AES-CTR whose counter is the low `length` bits of the counter block: past its last value it
  // wraps to zero (the rest of the block unchanged), as Node's AES_CTR_Cipher does.
  function aesCtr(name, key, counter, length, input, encrypt) {
    const blocks = BigInt(Math.ceil(input.length / 16));
    const numCounters = 1n << BigInt(length);
    if (blocks > numCounters) throw new Error('The counter would repeat');
    const block = bytesToBigInt(counter);
    const mask = numCounters - 1n;
    const remaining = numCounters - (block & mask);
    if (remaining >= blocks) return cipherOnce(name, key, counter, input, encrypt);
    const split = Number(remaining) * 16;
    return concatBytes([cipherOnce(name, key, counter, input.subarray(0, split), encrypt),
      cipherOnce(name, key, bigIntToBytes(block & ~mask, 16), input.subarray(split), encrypt)]);
  }
  const kAesWrapIV = new Uint8Array([0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6]); // RFC 3394's default
  class AESCipherJob extends CryptoJob {
    constructor(mode, cipherMode, handle, data, variant, a, b, c) {
      const key = handle.data;
      const input = copyBytes(sourceBytes(data));
      const encrypt = cipherMode === kWebCryptoCipherEncrypt;
      let compute;
      if (variant.endsWith('-ctr')) {
        const counter = copyBytes(sourceBytes(a));
        compute = () => aesCtr(variant, key, counter, b, input, encrypt);
      } else if (variant.endsWith('-cbc')) {
        const iv = copyBytes(sourceBytes(a));
        compute = () => cipherOnce(variant, key, iv, input, encrypt);
      } else if (variant.endsWith('-gcm')) {
        const iv = copyBytes(sourceBytes(a));
        const aead = encrypt ? { tagLength: b } : { tag: copyBytes(sourceBytes(b)) };
        if (!encrypt) aead.tagLength = aead.tag.length;
        if (c !== undefined) aead.aad = copyBytes(sourceBytes(c));
        compute = () => cipherOnce(variant, key, iv, input, encrypt, aead);
      } else {
        compute = () => cipherOnce(variant, key, kAesWrapIV, input, encrypt);
      }
      // A failure OpenSSL gave no error for (an AEAD tag that does not match) is Node's
      // CIPHER_JOB_FAILED.
      super(mode, () => {
        try {
          return arrayBufferOf(compute());
        } catch (e) {
          if (e && e.code === undefined) throw new Error('Cipher job failed');
          throw e;
        }
      });
    }
  }
  class RSACipherJob extends CryptoJob {
    constructor(mode, cipherMode, handle, data, variant, hash, label) {
      const o = { key: handle.data, op: cipherMode === kWebCryptoCipherEncrypt ? 'encrypt' : 'decrypt', padding: RSA_PKCS1_OAEP_PADDING,
        oaepHash: hash, oaepLabel: label === undefined ? undefined : copyBytes(sourceBytes(label)), data: copyBytes(sourceBytes(data)) };
      super(mode, () => arrayBufferOf(call('op_crypto_pkey_crypt', o)));
    }
  }
  class SignJob extends CryptoJob {
    constructor(mode, signMode, handle, keyFormat, keyType, passphrase, data, hash, saltLength, padding, dsaEncoding, signature) {
      const o = { key: handle.data, digest: hash, data: copyBytes(sourceBytes(data)), padding, saltLength,
        dsaEncoding: dsaEncoding === kSigEncP1363 ? 'ieee-p1363' : 'der' };
      if (signMode === kSignJobModeSign) {
        super(mode, () => arrayBufferOf(call('op_crypto_sign', o)));
      } else {
        o.signature = copyBytes(sourceBytes(signature));
        super(mode, () => call('op_crypto_verify', o) === true);
      }
    }
  }
  function hmacOf(hash, key, data) {
    const h = ops.op_crypto_hash_new(hash, key);
    if (h < 0) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hash}`);
    ops.op_crypto_hash_update(h, data);
    return ops.op_crypto_hash_digest(h);
  }
  class HmacJob extends CryptoJob {
    constructor(mode, signMode, hash, handle, data, signature) {
      const key = handle.data;
      data = copyBytes(sourceBytes(data));
      if (signMode === kSignJobModeSign) {
        super(mode, () => arrayBufferOf(hmacOf(hash, key, data)));
      } else {
        signature = copyBytes(sourceBytes(signature));
        super(mode, () => {
          const mac = hmacOf(hash, key, data);
          return mac.length === signature.length && timingSafeEqual(mac, signature);
        });
      }
    }
  }
  class HashJob extends CryptoJob {
    constructor(mode, algorithm, data, length) {
      data = copyBytes(sourceBytes(data));
      super(mode, () => {
        const h = new Hash(algorithm, length === undefined ? undefined : { outputLength: length });
        return arrayBufferOf(bytesOf(h.update(data).digest()));
      });
    }
  }
  class HKDFJob extends CryptoJob {
    constructor(mode, hash, key, salt, info, length) {
      const size = digestLength(hash);
      if (size === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hash}`);
      if (length > size * 255) throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
      const o = { digest: hash, key: copyBytes(key[kKeyData]), salt: copyBytes(sourceBytes(salt)), info: copyBytes(sourceBytes(info)), keylen: length };
      super(mode, () => arrayBufferOf(call('op_crypto_hkdf', o)));
    }
  }
  class PBKDF2Job extends CryptoJob {
    constructor(mode, password, salt, iterations, keylen, digest) {
      if (DigestAlgorithms(digest) === undefined) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`);
      const o = { password: copyBytes(sourceBytes(password)), salt: copyBytes(sourceBytes(salt)), iterations, keylen, digest };
      super(mode, () => arrayBufferOf(call('op_crypto_pbkdf2', o)));
    }
  }
  class ECDHBitsJob extends CryptoJob {
    constructor(mode, name, publicHandle, privateHandle) {
      const pub = publicHandle.data, priv = privateHandle.data;
      super(mode, () => arrayBufferOf(call('op_crypto_derive', priv, pub.private ? publicOf(pub) : pub)));
    }
  }
  // A key in one of Web Crypto's formats: SPKI or PKCS#8 DER, or (EC, Ed25519, X25519, ...) the
  // raw public key.
  function webExport(format, data) {
    switch (format) {
      case kWebCryptoKeyFormatSPKI:
        // An EC point read compressed is written uncompressed, as Node writes it.
        if (data.type === 'ec' && jwkCurveNames[data.details.namedCurve] !== undefined) {
          const jwk = call('op_crypto_key_jwk', data);
          const crv = jwkCurveNames[data.details.namedCurve];
          return arrayBufferOf(copyBytes(call('op_crypto_key_from_jwk', { kty: 'EC', crv, x: jwk.x, y: jwk.y, private: false }).der));
        }
        return arrayBufferOf(copyBytes(data.private ? data.publicDer : data.der));
      case kWebCryptoKeyFormatPKCS8:
        if (!data.private) throw new Error('Not a private key');
        return arrayBufferOf(copyBytes(data.der));
      case kWebCryptoKeyFormatRaw: {
        const jwk = call('op_crypto_key_jwk', data);
        if (data.type === 'ec') return arrayBufferOf(concatBytes([new Uint8Array([4]), jwk.x, jwk.y]));
        return arrayBufferOf(copyBytes(jwk.x));
      }
      default:
        throw new Error('Unsupported key format');
    }
  }
  class RSAKeyExportJob extends CryptoJob {
    constructor(mode, format, handle, variant) { super(mode, () => webExport(format, handle.data)); }
  }
  class ECKeyExportJob extends CryptoJob {
    constructor(mode, format, handle) { super(mode, () => webExport(format, handle.data)); }
  }

  // SPKAC (Netscape SPKI), for Node's internal/crypto/certificate: its base64 read as OpenSSL's
  // EVP_DecodeBlock reads it (leading blanks and trailing non-base64 characters dropped, nothing
  // else allowed), its DER as d2i_NETSCAPE_SPKI does.
  function spkacBase64(bytes) {
    let start = 0, end = bytes.length;
    while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
    const isB64 = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f || c === 0x3d;
    while (end - start > 3 && !isB64(bytes[end - 1])) end--;
    if ((end - start) % 4 !== 0 || end === start) return null;
    for (let i = start; i < end; i++) if (!isB64(bytes[i])) return null;
    return bytesOf(Buffer.from(asBuffer(bytes.subarray(start, end)).toString('latin1'), 'base64'));
  }
  // The DER element at `at`: its tag, where it starts, where its contents start and end.
  function derElement(b, at) {
    if (at + 2 > b.length) return null;
    let len = b[at + 1], p = at + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 4 || p + n > b.length) return null;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
      p += n;
    }
    if (p + len > b.length) return null;
    return { tag: b[at], at, start: p, end: p + len };
  }
  // SignedPublicKeyAndChallenge ::= SEQUENCE { SEQUENCE { spki, IA5String challenge },
  // AlgorithmIdentifier, BIT STRING signature }
  function parseSpkac(input) {
    const der = spkacBase64(sourceBytes(input));
    if (der === null) return null;
    const outer = derElement(der, 0);
    if (!outer || outer.tag !== 0x30) return null;
    const pkac = derElement(der, outer.start);
    if (!pkac || pkac.tag !== 0x30) return null;
    const spki = derElement(der, pkac.start);
    if (!spki || spki.tag !== 0x30) return null;
    const challenge = derElement(der, spki.end);
    if (!challenge || challenge.tag !== 0x16 || challenge.end !== pkac.end) return null;
    const alg = derElement(der, pkac.end);
    if (!alg || alg.tag !== 0x30) return null;
    const oid = derElement(der, alg.start);
    if (!oid || oid.tag !== 0x06) return null;
    const sig = derElement(der, alg.end);
    if (!sig || sig.tag !== 0x03 || sig.end > outer.end || sig.start >= sig.end || der[sig.start] !== 0) return null;
    return {
      pkac: der.subarray(pkac.at, pkac.end), spki: der.subarray(spki.at, spki.end), challenge: der.subarray(challenge.start, challenge.end),
      algorithm: asBuffer(der.subarray(oid.start, oid.end)).toString('hex'), signature: der.subarray(sig.start + 1, sig.end),
    };
  }
  // Signature algorithm OIDs (hex of their contents) and their digests.
  const spkacDigests = {
    '2a864886f70d010104': 'md5', '2a864886f70d010105': 'sha1', '2a864886f70d01010e': 'sha224', '2a864886f70d01010b': 'sha256',
    '2a864886f70d01010c': 'sha384', '2a864886f70d01010d': 'sha512', '2a8648ce3d0401': 'sha1', '2a8648ce3d040301': 'sha224',
    '2a8648ce3d040302': 'sha256', '2a8648ce3d040303': 'sha384', '2a8648ce3d040304': 'sha512', '2a8648ce380403': 'sha1',
    '608648016503040301': 'sha224', '608648016503040302': 'sha256', '2b6570': null, '2b6571': null,
  };
  function spkacKey(spkac) {
    try {
      return createPublicKey({ key: spkac.spki, format: 'der', type: 'spki' });
    } catch {
      return null;
    }
  }
  function checkSpkacSize(input) {
    if (input.byteLength > 2 ** 31 - 1) throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', 'spkac is too large');
  }
  function certVerifySpkac(input) {
    checkSpkacSize(input);
    const spkac = parseSpkac(input);
    const key = spkac && spkacKey(spkac);
    if (!key || !(spkac.algorithm in spkacDigests)) return false;
    try {
      return oneShotVerify(spkacDigests[spkac.algorithm], spkac.pkac, key, spkac.signature);
    } catch {
      return false;
    }
  }
  function certExportPublicKey(input) {
    checkSpkacSize(input);
    const spkac = parseSpkac(input);
    const key = spkac && spkacKey(spkac);
    if (!key) return '';
    return Buffer.from(key.export({ type: 'spki', format: 'pem' }));
  }
  function certExportChallenge(input) {
    checkSpkacSize(input);
    const spkac = parseSpkac(input);
    if (!spkac) return '';
    return Buffer.from(spkac.challenge);
  }

  // Node's internalVerifyIntegrity (policy integrity checks): the digest of `content` (a string
  // as UTF-8, or bytes) under `algorithm`, undefined when it equals `expected`, else the digest in
  // base64. Straight through the native hash, so a patched Hash.prototype cannot answer.
  function internalVerifyIntegrity(algorithm, content, expected) {
    const id = ops.op_crypto_hash_new(`${algorithm}`, null);
    if (id < 0) throw new Error('Digest method not supported');
    ops.op_crypto_hash_update(id, typeof content === 'string' ? content : bytesOf(content));
    const digest = asBuffer(ops.op_crypto_hash_digest(id));
    const want = bytesOf(expected);
    if (digest.length === want.length && timingSafeEqual(digest, want)) return undefined;
    return digest.toString('base64');
  }
  let webBinding;
  function webCryptoBinding() {
    if (webBinding !== undefined) return webBinding;
    webBinding = {
      KeyObjectHandle, AESCipherJob, RSACipherJob, SignJob, HmacJob, HashJob, HKDFJob, PBKDF2Job, ECDHBitsJob,
      RSAKeyExportJob, ECKeyExportJob,
      kCryptoJobAsync, kCryptoJobSync, kSignJobModeSign, kSignJobModeVerify, kSigEncDER, kSigEncP1363,
      kKeyTypeSecret, kKeyTypePublic, kKeyTypePrivate, kWebCryptoCipherEncrypt, kWebCryptoCipherDecrypt,
      kWebCryptoKeyFormatRaw, kWebCryptoKeyFormatPKCS8, kWebCryptoKeyFormatSPKI, kWebCryptoKeyFormatJWK,
      kKeyVariantRSA_SSA_PKCS1_v1_5: 'RSASSA-PKCS1-v1_5', kKeyVariantRSA_PSS: 'RSA-PSS', kKeyVariantRSA_OAEP: 'RSA-OAEP',
      RSA_PKCS1_PSS_PADDING, certVerifySpkac, certExportPublicKey, certExportChallenge,
      getCiphers: () => getCiphers(), getCurves: () => getCurves(), getHashes: () => getHashes(),
      internalVerifyIntegrity,
      secureHeapUsed: () => exports.secureHeapUsed(),
      setEngine(id) { throw nodeError(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', `Engine "${id}" was not found`); },
    };
    // Node's AES key variants name the OpenSSL ciphers they use.
    for (const bits of [128, 192, 256]) {
      webBinding[`kKeyVariantAES_CTR_${bits}`] = `aes-${bits}-ctr`;
      webBinding[`kKeyVariantAES_CBC_${bits}`] = `aes-${bits}-cbc`;
      webBinding[`kKeyVariantAES_GCM_${bits}`] = `aes-${bits}-gcm`;
      webBinding[`kKeyVariantAES_KW_${bits}`] = `id-aes${bits}-wrap`;
    }
    return webBinding;
  }

  // fe's internal/crypto/keys for the vendored files: its KeyObjects (above) and Node's CryptoKey.
  function webKeysModule() {
    const { kKeyObject: kNodeKeyObject, kHandle } = nodeLib.load('internal/crypto/util');
    kKeyObject = kNodeKeyObject;
    Object.defineProperty(KeyObject.prototype, kHandle, {
      get() { return new KeyObjectHandle(this[kKeyData]); }, configurable: true, enumerable: false,
    });
    const { makeTransferable, kClone, kDeserialize } = core.jsTransferable;
    const kAlgorithm = Symbol('kAlgorithm');
    const kExtractable = Symbol('kExtractable');
    const kKeyUsages = Symbol('kKeyUsages');
    const invalidThis = () => nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type CryptoKey');
    class CryptoKey {
      constructor() { throw illegalConstructor(); }
      [customInspect](depth, options) {
        if (depth < 0) return this;
        const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
        return `CryptoKey ${inspect({ type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages }, opts)}`;
      }
      get type() {
        if (!(this instanceof CryptoKey)) throw invalidThis();
        return this[kKeyObject].type;
      }
      get extractable() {
        if (!(this instanceof CryptoKey)) throw invalidThis();
        return this[kExtractable];
      }
      get algorithm() {
        if (!(this instanceof CryptoKey)) throw invalidThis();
        return this[kAlgorithm];
      }
      get usages() {
        if (!(this instanceof CryptoKey)) throw invalidThis();
        return Array.from(this[kKeyUsages]);
      }
    }
    for (const k of ['type', 'extractable', 'algorithm', 'usages']) Object.defineProperty(CryptoKey.prototype, k, { enumerable: true });
    Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { configurable: true, value: 'CryptoKey' });
    const keyObjectClasses = { secret: SecretKeyObject, public: PublicKeyObject, private: PrivateKeyObject };
    // Made only here; copied to other threads as Node's are (a JS transferable).
    class InternalCryptoKey {
      constructor(keyObject, algorithm, keyUsages, extractable) {
        this[kKeyObject] = keyObject;
        this[kAlgorithm] = algorithm;
        this[kExtractable] = extractable;
        this[kKeyUsages] = keyUsages;
        return makeTransferable(this); // eslint-disable-line no-constructor-return
      }
      [kClone]() {
        const keyObject = this[kKeyObject];
        return {
          data: { keyType: keyObject.type, keyData: keyObject[kKeyData], algorithm: this.algorithm, usages: this.usages, extractable: this.extractable },
          deserializeInfo: 'internal/crypto/keys:InternalCryptoKey',
        };
      }
      [kDeserialize]({ keyType, keyData, algorithm, usages, extractable }) {
        this[kKeyObject] = new keyObjectClasses[keyType](new KeyObjectHandle(keyData));
        this[kAlgorithm] = algorithm;
        this[kKeyUsages] = usages;
        this[kExtractable] = extractable;
      }
    }
    InternalCryptoKey.prototype.constructor = CryptoKey;
    Object.setPrototypeOf(InternalCryptoKey.prototype, CryptoKey.prototype);
    return {
      createSecretKey, createPublicKey, createPrivateKey, KeyObject, CryptoKey, InternalCryptoKey,
      SecretKeyObject, PublicKeyObject, PrivateKeyObject, isKeyObject, isCryptoKey,
    };
  }
  // Node's asyncDigest (internal/crypto/hash).
  function webHashModule() {
    const { jobPromise, normalizeHashName, validateMaxBufferLength } = nodeLib.load('internal/crypto/util');
    async function asyncDigest(algorithm, data) {
      validateMaxBufferLength(data, 'data');
      switch (algorithm.name) {
        case 'SHA-1':
        case 'SHA-256':
        case 'SHA-384':
        case 'SHA-512':
          return jobPromise(() => new HashJob(kCryptoJobAsync, normalizeHashName(algorithm.name), data, algorithm.length));
        default:
      }
      throw domException('Unrecognized algorithm name', 'NotSupportedError');
    }
    return { asyncDigest, Hash, Hmac, createHash };
  }

  // Web Crypto's objects are Node's (internal/crypto/webcrypto), made when first reached: the
  // globals as Node defines them (lazy, replaceable), crypto.webcrypto and crypto.subtle.
  const webCrypto = () => nodeLib.load('internal/crypto/webcrypto');
  function defineLazyGlobal(key) {
    function set(value) { Object.defineProperty(globalThis, key, { value, writable: true, configurable: true, enumerable: false }); }
    Object.defineProperty(set, 'name', { value: `set ${key}` });
    function get() {
      const value = webCrypto()[key];
      set(value);
      return value;
    }
    Object.defineProperty(get, 'name', { value: `get ${key}` });
    Object.defineProperty(globalThis, key, { get, set, configurable: true, enumerable: false });
  }
  for (const key of ['crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto']) defineLazyGlobal(key);
  const webGetRandomValues = function getRandomValues(array) { return webCrypto().crypto.getRandomValues(array); };

  process.versions.openssl = opensslVersion;

  const exports = {
    checkPrime, checkPrimeSync, createCipheriv, createDecipheriv, createDiffieHellman, createDiffieHellmanGroup: getDiffieHellman,
    createECDH, createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, createSign, createVerify,
    diffieHellman, generatePrime, generatePrimeSync, getCiphers, getCipherInfo, getCurves, getDiffieHellman, getHashes,
    hkdf, hkdfSync, pbkdf2, pbkdf2Sync, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
    privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt, randomBytes, randomFill, randomFillSync, randomInt,
    randomUUID, scrypt, scryptSync, sign: oneShotSign, setEngine(id) {
      validateString(id, 'id');
      throw nodeError(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', `Engine "${id}" was not found`);
    },
    timingSafeEqual, getFips() { return 0; }, setFips(v) {
      if (v) throw nodeError(Error, 'ERR_CRYPTO_FIPS_UNAVAILABLE', 'Cannot set FIPS mode in a non-FIPS build.');
    },
    verify: oneShotVerify,
    Cipher, Cipheriv, Decipher, Decipheriv, DiffieHellman, DiffieHellmanGroup, ECDH, Hash, Hmac, KeyObject, Sign, Verify,
    X509Certificate, secureHeapUsed() { return { total: 0, min: 0, used: 0, utilization: 0 }; },
    constants,
    // Runtime-deprecated (DEP0106), as in Node 18.
    createCipher: util.deprecate(createCipher, 'crypto.createCipher is deprecated.', 'DEP0106'),
    createDecipher: util.deprecate(createDecipher, 'crypto.createDecipher is deprecated.', 'DEP0106'),
  };
  // The aliases of randomBytes, deprecated (DEP0115) under --pending-deprecation: Node's
  // getRandomBytesAlias.
  for (const key of ['prng', 'pseudoRandomBytes', 'rng']) {
    Object.defineProperty(exports, key, {
      enumerable: false,
      configurable: true,
      get() {
        const value = core.nodeFlags?.pendingDeprecation ? util.deprecate(randomBytes, `crypto.${key} is deprecated.`, 'DEP0115') : randomBytes;
        Object.defineProperty(this, key, { enumerable: false, configurable: true, writable: true, value });
        return value;
      },
      set(value) { Object.defineProperty(this, key, { enumerable: true, configurable: true, writable: true, value }); },
    });
  }
  Object.defineProperty(exports, 'fips', { get() { return false; }, set(v) { exports.setFips(v); }, enumerable: false, configurable: true });
  const internals = {
    ...exports, isKeyObject, isCryptoKey, kKeyData, legacyCertificate, asymmetricKeyData, prepareSecretKey, toBytes, native,
    makePrivateKey, makePublicKey, kCreatePrivate, kConsumePrivate, kConsumePublic, X509Info: (der) => call('op_crypto_x509_info', der),
    webCryptoBinding, webKeysModule, webHashModule, getRandomValues, isX509Certificate: (v) => v != null && v[kX509] !== undefined,
    // A certificate and the chain after it, each the issuerCertificate of the one before (Node's
    // X509Certificate made from a peer's chain).
    x509Chain(ders) {
      const certs = ders.map((der) => new X509Certificate(Buffer.from(der)));
      for (let i = 0; i + 1 < certs.length; i++) certs[i][kX509].issuer = certs[i + 1];
      return certs[0];
    },
  };
  Object.defineProperties(exports, {
    // Node's own (internal/crypto/certificate), compiled when first reached.
    Certificate: {
      get() {
        const value = nodeLib.load('internal/crypto/certificate');
        Object.defineProperty(exports, 'Certificate', { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      set(value) { Object.defineProperty(exports, 'Certificate', { value, writable: true, enumerable: true, configurable: true }); },
      enumerable: true,
      configurable: true,
    },
    webcrypto: { get() { return webCrypto().crypto; }, set: undefined, enumerable: true, configurable: false },
    subtle: { get() { return webCrypto().crypto.subtle; }, set: undefined, enumerable: true, configurable: false },
    getRandomValues: { get: () => webGetRandomValues, set: undefined, enumerable: true, configurable: false },
  });
  registerBuiltin('crypto', exports);
  return internals;
})();
