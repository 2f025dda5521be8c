// tls: Node's TLSSocket, Server, connect, createSecureContext and helpers (lib/tls.js,
// _tls_wrap.js, _tls_common.js). The TLS engine is OpenSSL's, in Swift (Sources/FeRuntime/TLS):
// an SSL object between memory BIOs that JS feeds with what the transport read and whose output
// JS sends, so the bytes travel over net's own socket handles (or any Duplex) on fe's loop.
// A TLSSocket is a net.Socket whose handle is a TLSHandle: the same interface as net's socket
// handle, over an inner transport handle.
// Uses from earlier files: 00-core.js (core, check); 01-inspect.js (format); 02-errors.js (nodeError, invalidArgType, validateFunction, outOfRange, invalidArgValue); 03-loop.js (nextTick, setImmediate); 04-events.js (EventEmitter); 05-process.js (process); 08-fs.js (validateInt32, validateObject, isArrayBufferView, then, fs); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream); 17-crypto.js (nodeCrypto); 32-net.js (socketErrno, netInternals, netModule); 33-dns.js (dnsModule).
const tlsModule = (() => {
  const net = netModule;
  const { SocketHandle } = netInternals;
  const { legacyCertificate, X509Info, native } = nodeCrypto;

  const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
    '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
  const versions = { 'TLSv1': 0x301, 'TLSv1.1': 0x302, 'TLSv1.2': 0x303, 'TLSv1.3': 0x304 };
  // secureProtocol names as Node's SecureContext::Init reads them: the protocol range each sets
  // ([minimum, maximum]; 0 is OpenSSL's lowest, undefined keeps the one given or the default).
  const methods = {
    TLS_method: [0, 0x304], TLS_client_method: [0, 0x304], TLS_server_method: [0, 0x304],
    SSLv23_method: [undefined, 0x303], SSLv23_client_method: [undefined, 0x303], SSLv23_server_method: [undefined, 0x303],
    TLSv1_method: [0x301, 0x301], TLSv1_client_method: [0x301, 0x301], TLSv1_server_method: [0x301, 0x301],
    TLSv1_1_method: [0x302, 0x302], TLSv1_1_client_method: [0x302, 0x302], TLSv1_1_server_method: [0x302, 0x302],
    TLSv1_2_method: [0x303, 0x303], TLSv1_2_client_method: [0x303, 0x303], TLSv1_2_server_method: [0x303, 0x303],
  };

  const isArrayBufferView = (v) => ArrayBuffer.isView(v);
  const toBytes = (v, enc) => (typeof v === 'string' ? Buffer.from(v, enc) : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  function validateString(value, name) { if (typeof value !== 'string') throw invalidArgType(name, 'string', value); }
  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgType(name, 'Object', value);
  }
  function validateInt32(value, name, min = -2147483648, max = 2147483647) {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
  }
  function validateKeyOrCertOption(name, value) {
    if (typeof value !== 'string' && !isArrayBufferView(value)) {
      throw invalidArgType(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
    }
  }
  // A Node option whose effect is this module's, as fe's command line parser kept it (undefined
  // when not given).
  function tlsOption(name) {
    const kept = core.nodeFlags && core.nodeFlags.options;
    return kept && Object.prototype.hasOwnProperty.call(kept, name) ? kept[name] : undefined;
  }
  // A `{__cryptoError}` record from an op as the Node error it stands for.
  function errorOf(record) {
    try { native(record); } catch (e) { return e; }
    return new Error('TLS error');
  }
  // Node's connResetException.
  function connReset(message) {
    const e = new Error(message);
    e.code = 'ECONNRESET';
    return e;
  }

  // -------------------------------------------------------------------------------------------
  // Secure contexts (_tls_common.js, internal/tls/secure-context.js): the options are checked
  // and gathered here, and one op builds the SSL_CTX from them.
  const contextRegistry = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((id) => ops.op_tls_context_free(id)) : null;
  class NativeSecureContext {
    constructor(id) {
      this.id = id;
      if (contextRegistry) contextRegistry.register(this, id);
    }
    // Node's native SecureContext methods that tools and tests call after creation.
    addCACert(pem) { native(ops.op_tls_context_add(this.id, 'ca', { pem: toBytes(pem) })); }
    setCert(pem) { native(ops.op_tls_context_add(this.id, 'cert', { pem: toBytes(pem) })); }
    setKey(pem, passphrase) {
      native(ops.op_tls_context_add(this.id, 'key', { pem: toBytes(pem), passphrase: Buffer.from(typeof passphrase === 'string' ? passphrase : '') }));
    }
    addCRL(pem) { native(ops.op_tls_context_add(this.id, 'crl', { pem: toBytes(pem) })); }
    addRootCerts() { native(ops.op_tls_context_add(this.id, 'root', {})); }
  }

  function toVersion(which, v, def) {
    if (v == null) v = def;
    if (Object.prototype.hasOwnProperty.call(versions, v)) return versions[v];
    throw nodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_VERSION', `${v} is not a valid ${which} TLS protocol version`);
  }

  function processCiphers(ciphers, name) {
    const list = (ciphers || exports.DEFAULT_CIPHERS).split(':');
    const cipherList = list.filter((c) => c.length > 0 && !c.startsWith('TLS_')).join(':');
    const cipherSuites = list.filter((c) => c.length > 0 && c.startsWith('TLS_')).join(':');
    if (cipherSuites === '' && cipherList === '') throw invalidArgValue(name, list);
    return { cipherList, cipherSuites };
  }

  function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion, config) {
    if (!(this instanceof SecureContext)) return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion, config);
    const o = config || {};
    if (secureProtocol !== undefined && secureProtocol !== null) {
      validateString(secureProtocol, 'secureProtocol');
      for (const v of [minVersion, maxVersion]) {
        if (v != null) {
          throw nodeError(TypeError, 'ERR_TLS_PROTOCOL_VERSION_CONFLICT', `TLS protocol version ${v} conflicts with secureProtocol ${secureProtocol}`);
        }
      }
      if (/^SSLv[23]_/.test(secureProtocol)) {
        throw nodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_METHOD', `${secureProtocol.slice(0, 5)} methods disabled`);
      }
    }
    o.minVersion = toVersion('minimum', minVersion, exports.DEFAULT_MIN_VERSION);
    o.maxVersion = toVersion('maximum', maxVersion, exports.DEFAULT_MAX_VERSION);
    if (secureProtocol !== undefined && secureProtocol !== null) {
      if (!Object.prototype.hasOwnProperty.call(methods, secureProtocol)) {
        throw nodeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_METHOD', `Unknown method: ${secureProtocol}`);
      }
      const [min, max] = methods[secureProtocol];
      if (min !== undefined) o.minVersion = min;
      if (max !== undefined) o.maxVersion = max;
    }
    if (secureOptions) {
      if (typeof secureOptions !== 'number') throw invalidArgType('secureOptions', 'number', secureOptions);
      o.secureOptions = secureOptions;
    }
    const [id, warning] = native(ops.op_tls_context(o));
    this.context = new NativeSecureContext(id);
    if (warning) process.emitWarning(warning, 'SecurityWarning');
  }

  function createSecureContext(options) {
    if (!options) options = {};
    validateObject(options, 'options');
    const name = 'options';
    const {
      ca, cert, ciphers = exports.DEFAULT_CIPHERS, clientCertEngine, crl, dhparam, ecdhCurve = exports.DEFAULT_ECDH_CURVE || 'auto',
      key, passphrase, pfx, privateKeyIdentifier, privateKeyEngine, sessionIdContext, sessionTimeout, sigalgs, ticketKeys,
      honorCipherOrder, minVersion, maxVersion, secureProtocol,
    } = options;
    const o = {};
    if (ciphers !== undefined && ciphers !== null) validateString(ciphers, `${name}.ciphers`);
    const { cipherList, cipherSuites } = processCiphers(ciphers, `${name}.ciphers`);
    if (cipherSuites !== '') o.cipherSuites = cipherSuites;
    o.ciphers = cipherList;
    if (ca) {
      o.ca = (Array.isArray(ca) ? ca : [ca]).map((c) => { validateKeyOrCertOption(`${name}.ca`, c); return toBytes(c); });
    }
    if (cert) {
      o.cert = (Array.isArray(cert) ? cert : [cert]).map((c) => { validateKeyOrCertOption(`${name}.cert`, c); return toBytes(c); });
    }
    if (key) {
      const isArray = Array.isArray(key);
      const keys = isArray ? key : [key];
      o.key = keys.map((val) => {
        const pem = isArray && val && val.pem !== undefined ? val.pem : val;
        const pass = isArray && val && val.passphrase !== undefined ? val.passphrase : passphrase;
        validateKeyOrCertOption(`${name}.key`, pem);
        if (pass !== undefined && pass !== null) validateString(pass, `${name}.passphrase`);
        // No passphrase is an empty one, as Node's SetKey reads an encrypted key with.
        return { pem: toBytes(pem), passphrase: Buffer.from(pass == null ? '' : pass) };
      });
    }
    if (sigalgs !== undefined && sigalgs !== null) {
      validateString(sigalgs, `${name}.sigalgs`);
      if (sigalgs === '') throw invalidArgValue(`${name}.sigalgs`, sigalgs);
      o.sigalgs = sigalgs;
    }
    if (privateKeyIdentifier !== undefined && privateKeyIdentifier !== null) {
      if (privateKeyEngine === undefined || privateKeyEngine === null) throw invalidArgValue(`${name}.privateKeyEngine`, privateKeyEngine);
      if (key) throw invalidArgValue(`${name}.privateKeyIdentifier`, privateKeyIdentifier);
      // fe's OpenSSL has no engines: what Node throws when its context lacks setEngineKey.
      if (typeof privateKeyIdentifier === 'string' && typeof privateKeyEngine === 'string') {
        throw nodeError(Error, 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL');
      }
      if (typeof privateKeyIdentifier !== 'string') {
        throw invalidArgType(`${name}.privateKeyIdentifier`, ['string', 'null', 'undefined'], privateKeyIdentifier);
      }
      throw invalidArgType(`${name}.privateKeyEngine`, ['string', 'null', 'undefined'], privateKeyEngine);
    }
    validateString(ecdhCurve, `${name}.ecdhCurve`);
    o.ecdhCurve = ecdhCurve;
    if (dhparam !== undefined && dhparam !== null) {
      validateKeyOrCertOption(`${name}.dhparam`, dhparam);
      o.dhparam = dhparam === 'auto' ? 'auto' : toBytes(dhparam);
    }
    if (crl !== undefined && crl !== null) {
      o.crl = (Array.isArray(crl) ? crl : [crl]).map((c) => { validateKeyOrCertOption(`${name}.crl`, c); return toBytes(c); });
    }
    if (sessionIdContext !== undefined && sessionIdContext !== null) {
      validateString(sessionIdContext, `${name}.sessionIdContext`);
      o.sessionIdContext = Buffer.from(sessionIdContext);
    }
    if (pfx !== undefined && pfx !== null) {
      const list = Array.isArray(pfx) ? pfx : [pfx];
      o.pfx = list.map((val) => {
        const raw = (val && val.buf) || val;
        const pass = (val && val.passphrase) || passphrase;
        return { buf: toBytes(raw), passphrase: pass == null ? undefined : toBytes(pass) };
      });
    }
    if (clientCertEngine !== undefined && clientCertEngine !== null) {
      if (typeof clientCertEngine !== 'string') throw invalidArgType(`${name}.clientCertEngine`, ['string', 'null', 'undefined'], clientCertEngine);
      throw nodeError(Error, 'ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL');
    }
    if (ticketKeys !== undefined && ticketKeys !== null) {
      if (!isArrayBufferView(ticketKeys)) throw invalidArgType(`${name}.ticketKeys`, ['Buffer', 'TypedArray', 'DataView'], ticketKeys);
      if (ticketKeys.byteLength !== 48) throw invalidArgValue(`${name}.ticketKeys`, ticketKeys.byteLength, 'must be exactly 48 bytes');
    }
    if (sessionTimeout !== undefined && sessionTimeout !== null) {
      validateInt32(sessionTimeout, `${name}.sessionTimeout`);
      o.sessionTimeout = sessionTimeout;
    }
    if (honorCipherOrder) o.honorCipherOrder = true;
    // Only TLS 1.3 suites named: TLS 1.3 only (as Node's setMinProto).
    const minV = minVersion == null ? undefined : minVersion;
    if (cipherList === '') {
      const min = toVersion('minimum', minV, exports.DEFAULT_MIN_VERSION);
      const max = toVersion('maximum', maxVersion, exports.DEFAULT_MAX_VERSION);
      if (min < versions['TLSv1.3'] && max > versions['TLSv1.2']) return new SecureContext(undefined, options.secureOptions, 'TLSv1.3', maxVersion, o);
    }
    return new SecureContext(secureProtocol, options.secureOptions, minV, maxVersion, o);
  }

  // -------------------------------------------------------------------------------------------
  // Transports. A TLSHandle talks to its transport through net's socket-handle interface:
  // SocketHandle for a socket of fe's own, StreamHandle for any other Duplex (JSStreamSocket).
  class StreamHandle {
    constructor(stream) {
      this.stream = stream;
      this.kind = 0;
      this.id = -1; // net reads a zero id as "closed"
      this.reading = false;
      this.refed = true;
      this.bytesRead = 0;
      this.bytesWritten = 0;
      this.onread = null;
      this.onconnect = null;
      this.lastWriteAsync = true;
      this.pendingWrites = 0;
      this.closed = false;
      this.onData = (d) => {
        const b = typeof d === 'string' ? Buffer.from(d) : d;
        this.bytesRead += b.length;
        if (this.onread) this.onread(b, 0);
      };
      this.onEnd = () => { if (this.onread) this.onread(null, 0); };
      this.onError = (err) => { if (this.onerror) this.onerror(err); };
      this.onClose = () => { if (!this.closed && this.onread) this.onread(null, 0); };
      stream.on('data', this.onData);
      stream.on('end', this.onEnd);
      stream.on('error', this.onError);
      stream.on('close', this.onClose);
      if (typeof stream.pause === 'function') stream.pause();
    }
    attach() {}
    readStart() { if (!this.closed && typeof this.stream.resume === 'function') this.stream.resume(); return 0; }
    readStop() { if (!this.closed && typeof this.stream.pause === 'function') this.stream.pause(); return 0; }
    ref() { this.refed = true; } unref() { this.refed = false; } hasRef() { return this.refed; }
    write(buffer, cb) {
      if (this.closed) return -9;
      this.bytesWritten += buffer.length;
      this.pendingWrites++;
      this.stream.write(buffer, (err) => {
        this.pendingWrites--;
        if (cb) cb(err ? -32 : 0);
      });
      this.lastWriteAsync = true;
      return 0;
    }
    get writeQueueSize() { return this.pendingWrites; }
    shutdown() { if (!this.closed) this.stream.end(); return 0; }
    close(cb) {
      if (!this.closed) {
        this.closed = true;
        this.stream.removeListener('data', this.onData);
        this.stream.removeListener('end', this.onEnd);
        this.stream.removeListener('close', this.onClose);
        if (typeof this.stream.destroy === 'function') this.stream.destroy();
      }
      if (cb) setImmediate(cb);
    }
    getsockname(out) { return this.name(out, 'local'); }
    getpeername(out) { return this.name(out, 'remote'); }
    name(out, side) {
      const s = this.stream;
      if (!s || s[`${side}Address`] === undefined) return -9;
      out.address = s[`${side}Address`];
      out.family = s[`${side}Family`];
      out.port = s[`${side}Port`];
      return 0;
    }
    setNoDelay(on) { if (typeof this.stream.setNoDelay === 'function') this.stream.setNoDelay(on); return 0; }
    setKeepAlive(on, d) { if (typeof this.stream.setKeepAlive === 'function') this.stream.setKeepAlive(on, d * 1000); return 0; }
  }
  netInternals.StreamHandle = StreamHandle;

  const FLAG_HANDSHAKE_DONE = 1, FLAG_PEER_CLOSED = 2, FLAG_WANT_SNI = 4;
  const noop = () => {};

  // The handle a TLSSocket's net machinery drives. Plaintext goes through the TLS engine
  // (ops.op_tls_*) and the records it makes go through `inner`.
  class TLSHandle {
    // A TLSWrap is a StreamBase (its prototype's isStreamBase).
    get isStreamBase() { return true; }
    constructor(inner, context, isServer) {
      this.inner = inner;
      this.kind = inner.kind;
      this.context = context;
      this.isServer = isServer;
      this.tlsId = 0;
      this.reading = false;
      this.innerReading = false;
      this.owner = null;
      this.onread = null;
      this.onconnect = null;
      this.lastWriteAsync = false;
      this.secure = false;
      this.started = false;
      this.closed = false;
      this.sawEnd = false;
      this.pending = [];
      this.pendingShutdown = false;
      this.held = null;
      this.config = { servername: null, alpn: null, session: null, requestCert: false, rejectUnauthorized: true, sni: false };
      inner.onread = (buffer, err) => this.onInnerRead(buffer, err);
      inner.onconnect = (status) => { if (this.onconnect) this.onconnect(status); };
      inner.onerror = (err) => { if (this.owner && !this.owner.destroyed) this.owner.destroy(err); };
    }
    get id() { return this.closed ? 0 : this.inner.id; }
    get _parent() { return this.inner; }
    get refed() { return this.inner.refed; }
    get bytesRead() { return this.inner.bytesRead; }
    get bytesWritten() { return this.inner.bytesWritten; }
    get writeQueueSize() { return this.inner.writeQueueSize + this.pending.length; }
    attach(id) { this.inner.attach(id); }
    ref() { this.inner.ref(); } unref() { this.inner.unref(); } hasRef() { return this.inner.hasRef(); }
    getsockname(out) { return this.inner.getsockname(out); }
    getpeername(out) { return this.inner.getpeername(out); }
    setNoDelay(on) { return this.inner.setNoDelay(on); }
    setKeepAlive(on, d) { return this.inner.setKeepAlive(on, d); }
    readStart() { this.updateReading(); return 0; }
    readStop() { this.updateReading(); return 0; }
    // The transport reads while the handshake needs it, then as the TLSSocket's reader wants.
    updateReading() {
      if (this.closed || !this.started) return;
      const want = !this.sawEnd && (!this.secure || this.reading);
      if (want === this.innerReading) return;
      this.innerReading = want;
      // A TLS handle underneath reads as its reader asks (net's `reading`, which this is).
      if (this.inner instanceof TLSHandle) this.inner.reading = want;
      if (want) this.inner.readStart(); else this.inner.readStop();
    }
    start() {
      if (this.started || this.closed) return;
      this.started = true;
      const c = this.config;
      const r = ops.op_tls_new(this.context.id, this.isServer, c.servername, c.alpn, c.requestCert, c.rejectUnauthorized, c.session, c.sni);
      if (r && r.__cryptoError) { this.fail(errorOf(r)); return; }
      this.tlsId = r;
      this.updateReading();
      if (!this.isServer) this.pump(null);
    }
    onInnerRead(buffer, err) {
      if (this.closed) return;
      if (buffer) { this.pump(buffer); return; }
      this.sawEnd = true;
      this.innerReading = false;
      if (this.onread) this.onread(null, err || 0);
    }
    send(bytes, cb) {
      const r = this.inner.write(bytes, cb || noop);
      if (r < 0) { if (this.owner) this.owner.destroy(socketErrno(r, 'write')); return r; }
      return 0;
    }
    // Runs the engine over what arrived (or nothing): records out, plaintext up, events.
    pump(input) {
      if (!this.tlsId) return;
      const r = ops.op_tls_pump(this.tlsId, input);
      if (!r) return;
      const [out, plain, flags, error, sessions, keylog] = r;
      if (keylog && this.owner) for (const line of keylog) this.owner._onKeylog(line);
      const bytes = out ? Buffer.from(out.buffer, out.byteOffset, out.byteLength) : null;
      if (flags & FLAG_HANDSHAKE_DONE) {
        // As Node's: the handshake's last records leave after 'secure' has been handled, so a
        // client that refuses the server's certificate never sends its Finished.
        this.held = bytes;
        this.secure = true;
        this.updateReading();
        if (this.owner) this.owner._onHandshakeDone();
        if (this.closed) return;
        this.sendHeld();
        this.flushPending();
      } else if (bytes) {
        this.send(bytes);
      }
      if (error) { this.fail(errorOf(error)); return; }
      if (flags & FLAG_WANT_SNI) { if (this.owner) this.owner._onSNI(); return; }
      if (sessions && this.owner) for (const s of sessions) this.owner._onNewSession(Buffer.from(s.buffer, s.byteOffset, s.byteLength));
      if (this.closed) return;
      if (plain) {
        for (const p of plain) {
          if (this.closed || !this.onread) break;
          this.onread(Buffer.from(p.buffer, p.byteOffset, p.byteLength), 0);
        }
      }
      if ((flags & FLAG_PEER_CLOSED) && !this.closed && !this.sawEnd) {
        this.sawEnd = true;
        if (this.onread) this.onread(null, 0);
      }
    }
    sendHeld() {
      const held = this.held;
      this.held = null;
      if (held) this.send(held);
    }
    fail(err) {
      if (this.owner) this.owner._onTLSError(err);
    }
    useContext(context) {
      if (!this.tlsId) return;
      ops.op_tls_use_context(this.tlsId, context ? context.id : null);
      this.pump(null);
    }
    write(buffer, cb) {
      if (this.closed) return -9;
      if (!this.secure) {
        this.pending.push([buffer, cb]);
        this.lastWriteAsync = true;
        // A client's first write starts its handshake (OpenSSL's SSL_write does), as for a
        // TLSSocket made without tls.connect.
        if (!this.started && !this.isServer) this.start();
        return 0;
      }
      return this.writeNow(buffer, cb);
    }
    writeNow(buffer, cb) {
      this.sendHeld();
      if (buffer.length === 0) { this.lastWriteAsync = false; return 0; }
      const enc = ops.op_tls_write(this.tlsId, buffer);
      if (enc && enc.__cryptoError) {
        const err = errorOf(enc);
        nextTick(() => { if (this.owner) this.owner.destroy(err); });
        this.lastWriteAsync = true;
        return 0;
      }
      const r = this.inner.write(Buffer.from(enc.buffer, enc.byteOffset, enc.byteLength), cb);
      // A write the transport finished at once still completes later, as Node's TLSWrap
      // finishes it from an immediate: until then it counts in the socket's bufferSize.
      if (r === 0 && !this.inner.lastWriteAsync) setImmediate(cb, 0);
      this.lastWriteAsync = true;
      return r;
    }
    flushPending() {
      const list = this.pending;
      this.pending = [];
      for (const [buffer, cb] of list) {
        const r = this.writeNow(buffer, cb);
        if (r < 0) cb(r);
        else if (!this.lastWriteAsync) cb(0);
      }
      if (this.pendingShutdown) { this.pendingShutdown = false; this.shutdown(); }
    }
    shutdown() {
      if (this.closed) return -107;
      if (!this.secure) { this.pendingShutdown = true; return 0; }
      this.sendHeld();
      const bytes = ops.op_tls_shutdown(this.tlsId);
      if (bytes) this.inner.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), noop);
      return this.inner.shutdown();
    }
    close(cb, reset) {
      if (!this.closed) {
        this.closed = true;
        if (this.tlsId) ops.op_tls_free(this.tlsId);
        this.tlsId = 0;
        if (this.ownsContext) ops.op_tls_context_free(this.context.id);
        this.inner.onread = noop;
        // Writes still waiting for the handshake are cancelled once the transport is closed
        // (Node's TLSWrap destroySSL: UV_ECANCELED).
        const cancelled = this.pending;
        this.pending = [];
        this.inner.close(cancelled.length === 0 ? cb : (...args) => {
          for (const [, writeCb] of cancelled) if (writeCb) writeCb(-125);
          if (cb) cb(...args);
        }, reset);
      } else if (cb) setImmediate(cb);
    }
    info(what) { return this.tlsId ? ops.op_tls_info(this.tlsId, what) : undefined; }
    // The descriptor of the socket underneath (Node's TLSWrap GetFD), -1 without one.
    get fd() { return this.closed || typeof this.inner.fd !== 'number' ? -1 : this.inner.fd; }
    // Node's TLSWrap verifyError(): the peer certificate's verdict as an Error, or null.
    verifyError() { return verifyErrorOf(this); }
  }

  // -------------------------------------------------------------------------------------------
  // TLSSocket
  const kConnectOptions = Symbol('connect-options');
  const kPendingSession = Symbol('pendingSession');
  const kIsVerified = Symbol('verified');
  const kErrorEmitted = Symbol('error-emitted');
  const kSNICallback = Symbol('snicallback');
  const kHandshakeTimeout = Symbol('handshake-timeout');
  const kRawSocket = Symbol('raw-socket');

  function TLSSocket(socket, opts) {
    const tlsOptions = { ...opts };
    if (tlsOptions.enableTrace != null && typeof tlsOptions.enableTrace !== 'boolean') {
      throw invalidArgType('options.enableTrace', 'boolean', tlsOptions.enableTrace);
    }
    if (tlsOptions.ALPNProtocols) convertALPNProtocols(tlsOptions.ALPNProtocols, tlsOptions);
    this._tlsOptions = tlsOptions;
    this._secureEstablished = false;
    this._securePending = false;
    this._newSessionPending = false;
    this._controlReleased = false;
    this.secureConnecting = true;
    this._SNICallback = null;
    this.servername = null;
    this.alpnProtocol = null;
    this.authorized = false;
    this.authorizationError = null;
    this[kIsVerified] = false;
    this[kPendingSession] = null;
    this[kRawSocket] = null;

    let inner;
    if (socket) {
      if (socket instanceof net.Socket && (socket._handle instanceof SocketHandle || socket._handle instanceof TLSHandle) &&
          !socket.connecting) {
        // A socket of fe's own: the TLS engine takes its handle over (Node's TLSWrap on a TCPWrap,
        // or on the TLSWrap of a TLSSocket: what that one decrypts is this one's input).
        inner = socket._handle;
        this[kRawSocket] = socket;
      } else {
        if (typeof socket.write !== 'function' || typeof socket.on !== 'function') {
          throw invalidArgType('socket', ['net.Socket', 'stream.Duplex'], socket);
        }
        inner = new StreamHandle(socket);
      }
    } else {
      inner = netInternals.newSocketHandle(tlsOptions.pipe ? 1 : 0);
    }
    this.encrypted = true;
    const context = tlsOptions.secureContext || tlsOptions.credentials || exports.createSecureContext(tlsOptions);
    if (!context || !(context.context instanceof NativeSecureContext)) {
      throw nodeError(TypeError, 'ERR_TLS_INVALID_CONTEXT', 'context must be a SecureContext');
    }
    const handle = new TLSHandle(inner, context.context, !!tlsOptions.isServer);
    // A context made for this one connection goes with it (Node's singleUse).
    handle.ownsContext = !!tlsOptions.singleUse || (!tlsOptions.secureContext && !tlsOptions.credentials);
    this._secureContext = context;
    net.Socket.call(this, {
      handle,
      allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
      pauseOnCreate: tlsOptions.pauseOnConnect,
      manualStart: true,
      highWaterMark: tlsOptions.highWaterMark,
      onread: !socket ? tlsOptions.onread : null,
      signal: tlsOptions.signal,
    });
    handle.owner = this;
    this.ssl = this._handle;
    this.on('close', onSocketCloseDestroySSL);
    this.on('error', this._tlsError);
    this._init(socket);
    nextTick(initRead, this, socket);
  }
  Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
  Object.setPrototypeOf(TLSSocket, net.Socket);

  function initRead(tlsSocket, socket) {
    if (!tlsSocket._handle) return;
    // What the wrapped socket had read already is the TLS stream's start.
    if (socket && tlsSocket[kRawSocket] && socket.readableLength) {
      let buf;
      while ((buf = socket.read()) !== null) tlsSocket._handle.pump(buf);
    }
    tlsSocket.read(0);
  }

  let warnOnTlsKeylog = true;
  let warnOnTlsKeylogError = true;
  TLSSocket.prototype._init = function (socket) {
    const options = this._tlsOptions;
    const ssl = this._handle;
    this.server = options.server;
    const raw = this[kRawSocket];
    if (raw) {
      // The raw socket keeps no handle of its own now; it goes when this one does. A TLSSocket
      // underneath keeps its handle, as Node's: what it still writes goes out first.
      if (!(raw._handle instanceof TLSHandle)) raw._handle = null;
      this.once('close', () => { if (!raw.destroyed) raw.destroy(); });
      // Destroying the raw socket (a server's 'connection' listener may) ends this one.
      raw.once('close', () => { if (!this.destroyed) this.destroy(); });
      if (options.server) {
        this._server = null; // the raw socket holds the server's count
      }
    } else if (socket && !(socket instanceof net.Socket && socket.connecting)) {
      // A Duplex: closing it closes this one.
    }
    // The socket underneath: its idle timer counts this one's traffic, and goes with it.
    if (socket instanceof net.Socket) this._parent = socket;
    if (socket && !raw && socket instanceof net.Socket && (socket.connecting || !socket._handle)) {
      const onConnect = () => { this.connecting = false; this.emit('connect'); };
      this.connecting = true;
      socket.once('connect', onConnect);
    }
    // --tls-keylog=file: every connection's key material goes to the file, in NSS's format.
    const tlsKeylog = tlsOption('--tls-keylog');
    if (tlsKeylog) {
      if (warnOnTlsKeylog) {
        warnOnTlsKeylog = false;
        process.emitWarning(`Using --tls-keylog makes TLS connections insecure by writing secret key material to file ${tlsKeylog}`);
      }
      this.on('keylog', (line) => {
        requireBuiltin('fs').appendFile(tlsKeylog, line, { mode: 0o600 }, (err) => {
          if (err && warnOnTlsKeylogError) {
            warnOnTlsKeylogError = false;
            process.emitWarning(`Failed to write TLS keylog (this warning will not be repeated): ${err}`);
          }
        });
      });
    }
    if (options.isServer) {
      ssl.config.requestCert = !!options.requestCert;
      ssl.config.rejectUnauthorized = !!options.rejectUnauthorized;
      if (options.SNICallback && (options.SNICallback !== defaultSNICallback || (options.server && options.server._contexts.length))) {
        this._SNICallback = options.SNICallback;
        ssl.config.sni = true;
      }
      if (options.ALPNProtocols) ssl.config.alpn = options.ALPNProtocols;
      if (options.handshakeTimeout > 0) this.setTimeout(options.handshakeTimeout, this._handleTimeout);
      ssl.start();
    } else {
      if (options.ALPNProtocols) ssl.config.alpn = options.ALPNProtocols;
      if (options.session) ssl.config.session = toBytes(options.session, 'latin1');
    }
  };

  // Node's kReinitializeHandle: a connect that tried several addresses (autoSelectFamily) goes
  // on with the transport that connected, under a TLS handle like the one it had.
  TLSSocket.prototype[netInternals.kReinitializeHandle] = function reinitializeHandle(inner) {
    const old = this._handle;
    const handle = new TLSHandle(inner, old.context, old.isServer);
    handle.ownsContext = old.ownsContext;
    old.ownsContext = false;
    handle.config = { ...old.config };
    net.Socket.prototype[netInternals.kReinitializeHandle].call(this, handle);
    handle.owner = this;
    this.ssl = handle;
  };

  TLSSocket.prototype._start = function () {
    if (this.connecting) { this.once('connect', this._start); return; }
    if (!this._handle) return;
    this._handle.start();
  };

  TLSSocket.prototype._onHandshakeDone = function () {
    if (!this._handle) return;
    this._finishInit();
  };

  TLSSocket.prototype._finishInit = function () {
    if (!this._handle) return;
    const alpn = this._handle.info('alpn');
    this.alpnProtocol = alpn === undefined ? false : alpn;
    if (this.servername === null) this.servername = this._handle.info('servername');
    this._secureEstablished = true;
    if (this._tlsOptions.handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
    this.emit('secure');
  };

  TLSSocket.prototype._onKeylog = function (line) {
    this.emit('keylog', Buffer.from(`${line}\n`, 'latin1'));
  };
  TLSSocket.prototype._destroySSL = function () {
    const handle = this._handle;
    if (handle && handle.tlsId) { ops.op_tls_free(handle.tlsId); handle.tlsId = 0; }
    this.ssl = null;
  };
  // Node's onSocketCloseDestroySSL: the TLS state goes an immediate after 'close'.
  function onSocketCloseDestroySSL() { setImmediate(() => this._destroySSL()); }

  TLSSocket.prototype._onNewSession = function (session) {
    if (this[kIsVerified] || this._tlsOptions.isServer) this.emit('session', session);
    else this[kPendingSession] = session;
  };

  // SNICallback's turn: the handshake waits for its context.
  TLSSocket.prototype._onSNI = function () {
    const servername = this._handle.info('servername');
    this.servername = servername === false ? null : servername;
    if (servername === false || !this._SNICallback) { this._handle.useContext(null); return; }
    let once = false;
    this._SNICallback(servername, (err, context) => {
      if (once) return this.destroy(nodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      once = true;
      if (err) return this.destroy(err);
      if (this.destroyed || !this._handle) return;
      if (context && !(context.context instanceof NativeSecureContext)) {
        if (context instanceof NativeSecureContext) context = { context };
        else return this.destroy(nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Invalid SNI context'));
      }
      this._handle.useContext(context ? context.context : null);
    });
  };

  // An error from the TLS engine (Node's TLSWrap onerror).
  TLSSocket.prototype._onTLSError = function (err) {
    if (this._hadError) return;
    this._hadError = true;
    if (!this._secureEstablished) {
      this._closeAfterHandlingError = true;
      this.destroy(err);
    } else if (this._tlsOptions.isServer && this._rejectUnauthorized && /peer did not return a certificate/.test(err.message)) {
      this.destroy();
    } else {
      this._emitTLSError(err);
    }
  };

  TLSSocket.prototype._handleTimeout = function () {
    this._emitTLSError(nodeError(Error, 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout'));
  };
  TLSSocket.prototype._emitTLSError = function (err) {
    const e = this._tlsError(err);
    if (e) this.emit('error', e);
  };
  TLSSocket.prototype._tlsError = function (err) {
    this.emit('_tlsError', err);
    if (this._controlReleased) return err;
    return null;
  };
  TLSSocket.prototype._releaseControl = function () {
    if (this._controlReleased) return false;
    this._controlReleased = true;
    this.removeListener('error', this._tlsError);
    return true;
  };

  TLSSocket.prototype.setServername = function (name) {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) throw nodeError(Error, 'ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
    if (this._handle) this._handle.config.servername = name;
  };
  TLSSocket.prototype.setSession = function (session) {
    if (typeof session === 'string') session = Buffer.from(session, 'latin1');
    if (!this._handle) return;
    if (this._handle.tlsId) ops.op_tls_set_session(this._handle.tlsId, session);
    else this._handle.config.session = session;
  };

  function certificateChain(ders, detailed) {
    if (!ders || ders.length === 0) return null;
    const infos = ders.map((d) => X509Info(d));
    const certs = infos.map((i) => legacyCertificate(i));
    if (!detailed) return certs[0];
    // Each certificate's issuer is the next one it names (the trusted root ends the chain,
    // and a self-issued one is its own issuer, as Node links them).
    for (let i = 0; i < certs.length; i++) {
      if (infos[i].issuer === infos[i].subject) { certs[i].issuerCertificate = certs[i]; continue; }
      const j = infos.findIndex((x, k) => k !== i && x.subject === infos[i].issuer);
      if (j >= 0) certs[i].issuerCertificate = certs[j];
    }
    return certs[0];
  }

  TLSSocket.prototype.getPeerCertificate = function (detailed) {
    if (!this._handle) return null;
    return certificateChain(this._handle.info('peerCertificates'), detailed) || {};
  };
  TLSSocket.prototype.getCertificate = function () {
    if (!this._handle) return null;
    const der = this._handle.info('certificate');
    return der ? legacyCertificate(X509Info(der)) : {};
  };
  TLSSocket.prototype.getPeerX509Certificate = function () {
    if (!this._handle) return undefined;
    const ders = this._handle.info('peerCertificates');
    return ders && ders.length ? nodeCrypto.x509Chain(ders) : undefined;
  };
  TLSSocket.prototype.getX509Certificate = function () {
    if (!this._handle) return undefined;
    const der = this._handle.info('certificate');
    return der ? new nodeCrypto.X509Certificate(Buffer.from(der)) : undefined;
  };
  TLSSocket.prototype.getFinished = function () {
    if (!this._handle) return undefined;
    const b = this._handle.info('finished');
    return b ? Buffer.from(b) : undefined;
  };
  TLSSocket.prototype.getPeerFinished = function () {
    if (!this._handle) return undefined;
    const b = this._handle.info('peerFinished');
    return b ? Buffer.from(b) : undefined;
  };
  TLSSocket.prototype.getSession = function () {
    if (!this._handle) return undefined;
    const b = this._handle.info('session');
    return b ? Buffer.from(b) : undefined;
  };
  TLSSocket.prototype.isSessionReused = function () { return this._handle ? !!this._handle.info('reused') : false; };
  TLSSocket.prototype.getTLSTicket = function () { return undefined; };
  TLSSocket.prototype.getProtocol = function () {
    if (!this._handle || !this._handle.tlsId) return null;
    return this._handle.info('protocol');
  };
  TLSSocket.prototype.getCipher = function () {
    if (!this._handle || !this._handle.tlsId) return null;
    return this._handle.info('cipher') || null;
  };
  TLSSocket.prototype.getEphemeralKeyInfo = function () {
    if (!this._handle || !this._handle.tlsId) return null;
    // Only a client has the server's ephemeral key (Node's TLSWrap::GetEphemeralKeyInfo).
    if (this._handle.isServer) return null;
    return this._handle.info('ephemeral');
  };
  TLSSocket.prototype.getSharedSigalgs = function () { return []; };
  TLSSocket.prototype.exportKeyingMaterial = function (length, label, context) {
    if (typeof length !== 'number') throw invalidArgType('length', 'number', length);
    if (!Number.isInteger(length) || length < 1 || length > 4294967295) throw outOfRange('length', '>= 1 && <= 4294967295', length);
    validateString(label, 'label');
    if (context !== undefined && !isArrayBufferView(context)) throw invalidArgType('context', ['Buffer', 'TypedArray', 'DataView'], context);
    if (!this._secureEstablished) throw nodeError(Error, 'ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established');
    return Buffer.from(native(ops.op_tls_export_keying_material(this._handle.tlsId, length, label, context === undefined ? null : context)));
  };
  TLSSocket.prototype.setMaxSendFragment = function (size) {
    validateInt32(size, 'size');
    if (!this._handle || !this._handle.tlsId) return false;
    return ops.op_tls_set_max_send_fragment(this._handle.tlsId, size);
  };
  TLSSocket.prototype.disableRenegotiation = function () { this._disableRenegotiation = true; };
  TLSSocket.prototype.renegotiate = function (options, callback) {
    validateObject(options, 'options');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.destroyed) return false;
    const err = new Error('TLS session renegotiation is not supported');
    err.code = 'ERR_SSL_NO_RENEGOTIATION';
    if (callback) nextTick(callback, err);
    return false;
  };
  TLSSocket.prototype.enableTrace = function () {};
  TLSSocket.prototype.setKeyCert = function (context) {
    if (!(context instanceof SecureContext)) context = createSecureContext(context);
    if (this._handle && this._handle.tlsId) ops.op_tls_use_context(this._handle.tlsId, context.context.id);
  };
  Object.defineProperty(TLSSocket.prototype, '_connecting', { get() { return this.connecting; }, configurable: true });

  // -------------------------------------------------------------------------------------------
  // Client
  function onConnectSecure() {
    const options = this[kConnectOptions];
    const ekeyinfo = this.getEphemeralKeyInfo();
    if (ekeyinfo && ekeyinfo.type === 'DH' && ekeyinfo.size < options.minDHSize) {
      const err = nodeError(Error, 'ERR_TLS_DH_PARAM_SIZE', `DH parameter size ${ekeyinfo.size} is less than 2048`);
      this.emit('error', err);
      this.destroy();
      return;
    }
    let verifyError = verifyErrorOf(this._handle);
    if (!verifyError && !this.isSessionReused()) {
      const hostname = options.servername || options.host || (options.socket && options.socket._host) || 'localhost';
      const cert = this.getPeerCertificate(true);
      verifyError = options.checkServerIdentity(hostname, cert);
    }
    if (verifyError) {
      this.authorized = false;
      this.authorizationError = verifyError.code || verifyError.message;
      if (options.rejectUnauthorized !== false) { this.destroy(verifyError); return; }
      this.secureConnecting = false;
      this.emit('secureConnect');
    } else {
      this.authorized = true;
      this.secureConnecting = false;
      this.emit('secureConnect');
    }
    this[kIsVerified] = true;
    const session = this[kPendingSession];
    this[kPendingSession] = null;
    if (session) this.emit('session', session);
    this.removeListener('end', onConnectEnd);
  }

  // The certificate verdict as Node's verifyError(): an Error whose code names the reason.
  function verifyErrorOf(handle) {
    const v = handle && handle.info('verifyError');
    if (!v) return null;
    const e = new Error(v[1]);
    e.code = v[0];
    return e;
  }

  function onConnectEnd() {
    if (!this._hadError) {
      const options = this[kConnectOptions];
      this._hadError = true;
      const error = connReset('Client network socket disconnected before secure TLS connection was established');
      error.path = options.path;
      error.host = options.host;
      error.port = options.port;
      error.localAddress = options.localAddress;
      this.destroy(error);
    }
  }

  function normalizeConnectArgs(listArgs) {
    const args = net._normalizeArgs(listArgs);
    const options = args[0];
    const cb = args[1];
    if (listArgs[1] !== null && typeof listArgs[1] === 'object') Object.assign(options, listArgs[1]);
    else if (listArgs[2] !== null && typeof listArgs[2] === 'object') Object.assign(options, listArgs[2]);
    return cb ? [options, cb] : [options];
  }

  let ipServernameWarned = false;
  function connect(...args) {
    args = normalizeConnectArgs(args);
    let options = args[0];
    const cb = args[1];
    const allowUnauthorized = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
    if (allowUnauthorized && !connect.warned) {
      connect.warned = true;
      process.emitWarning("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections and " +
        'HTTPS requests insecure by disabling certificate verification.');
    }
    options = {
      rejectUnauthorized: !allowUnauthorized,
      ciphers: exports.DEFAULT_CIPHERS,
      checkServerIdentity,
      minDHSize: 1024,
      ...options,
    };
    if (!options.keepAlive) options.singleUse = true;
    const assert = requireBuiltin('assert');
    assert(typeof options.checkServerIdentity === 'function');
    assert(typeof options.minDHSize === 'number', `options.minDHSize is not a number: ${options.minDHSize}`);
    assert(options.minDHSize > 0, `options.minDHSize is not a positive number: ${options.minDHSize}`);
    const context = options.secureContext || exports.createSecureContext(options);
    const tlssock = new TLSSocket(options.socket, {
      singleUse: !options.secureContext,
      allowHalfOpen: options.allowHalfOpen,
      pipe: !!options.path,
      secureContext: context,
      isServer: false,
      requestCert: true,
      rejectUnauthorized: options.rejectUnauthorized !== false,
      session: options.session,
      ALPNProtocols: options.ALPNProtocols,
      requestOCSP: options.requestOCSP,
      enableTrace: options.enableTrace,
      highWaterMark: options.highWaterMark,
      onread: options.onread,
      signal: options.signal,
    });
    options.rejectUnauthorized = options.rejectUnauthorized !== false;
    tlssock[kConnectOptions] = options;
    if (cb) tlssock.once('secureConnect', cb);
    if (!options.socket) {
      if (options.timeout) tlssock.setTimeout(options.timeout);
      tlssock.connect(options, tlssock._start);
    }
    tlssock._releaseControl();
    if (options.session) tlssock.setSession(options.session);
    if (options.servername) {
      if (!ipServernameWarned && net.isIP(options.servername)) {
        process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by RFC 6066. This will be ignored in a future version.',
          'DeprecationWarning', 'DEP0123');
        ipServernameWarned = true;
      }
      tlssock.setServername(options.servername);
    }
    if (options.socket) tlssock._start();
    tlssock.on('secure', onConnectSecure);
    tlssock.prependListener('end', onConnectEnd);
    return tlssock;
  }

  // -------------------------------------------------------------------------------------------
  // Server
  function onServerSocketSecure() {
    if (this._requestCert) {
      const verifyError = verifyErrorOf(this._handle);
      if (verifyError) {
        this.authorizationError = verifyError.code;
        if (this._rejectUnauthorized) this.destroy();
      } else {
        this.authorized = true;
      }
    }
    if (!this.destroyed && this._releaseControl()) {
      this.secureConnecting = false;
      this._tlsOptions.server.emit('secureConnection', this);
    }
  }
  function onSocketTLSError(err) {
    if (!this._controlReleased && !this[kErrorEmitted]) {
      this[kErrorEmitted] = true;
      this._tlsOptions.server.emit('tlsClientError', err, this);
    }
  }
  function onSocketClose(err) {
    if (err) return;
    if (!this._controlReleased && !this[kErrorEmitted]) {
      this[kErrorEmitted] = true;
      this._tlsOptions.server.emit('tlsClientError', connReset('socket hang up'), this);
    }
  }

  function tlsConnectionListener(rawSocket) {
    const socket = new TLSSocket(rawSocket, {
      secureContext: this._sharedCreds,
      isServer: true,
      server: this,
      requestCert: this.requestCert,
      rejectUnauthorized: this.rejectUnauthorized,
      handshakeTimeout: this[kHandshakeTimeout],
      ALPNProtocols: this.ALPNProtocols,
      SNICallback: this[kSNICallback] || defaultSNICallback,
      pauseOnConnect: this.pauseOnConnect,
    });
    socket._requestCert = this.requestCert;
    socket._rejectUnauthorized = this.rejectUnauthorized;
    socket.on('secure', onServerSocketSecure);
    if (this.listenerCount('keylog') > 0) socket.on('keylog', (line) => this.emit('keylog', line, socket));
    socket[kErrorEmitted] = false;
    socket.on('close', onSocketClose);
    socket.on('_tlsError', onSocketTLSError);
  }

  function Server(options, listener) {
    if (!(this instanceof Server)) return new Server(options, listener);
    if (typeof options === 'function') { listener = options; options = {}; }
    else if (options == null || typeof options === 'object') options = options || {};
    else throw invalidArgType('options', 'Object', options);
    this._contexts = [];
    this.requestCert = options.requestCert === true;
    this.rejectUnauthorized = options.rejectUnauthorized !== false;
    if (options.ALPNCallback) throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'ALPNCallback is a Node 20 option; use ALPNProtocols');
    if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
    if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
    if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
    this.setSecureContext(options);
    this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
    this[kSNICallback] = options.SNICallback;
    if (typeof this[kHandshakeTimeout] !== 'number') throw invalidArgType('options.handshakeTimeout', 'number', this[kHandshakeTimeout]);
    if (this[kSNICallback]) validateFunction(this[kSNICallback], 'options.SNICallback');
    if (options.pskCallback) throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'fe does not support TLS-PSK (pskCallback)');
    net.Server.call(this, options, tlsConnectionListener);
    if (listener) this.on('secureConnection', listener);
  }
  Object.setPrototypeOf(Server.prototype, net.Server.prototype);
  Object.setPrototypeOf(Server, net.Server);

  let defaultSessionIdContext;
  Server.prototype.setSecureContext = function (options) {
    validateObject(options, 'options');
    for (const k of ['pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion', 'secureProtocol',
      'crl', 'sigalgs', 'ciphers', 'ecdhCurve', 'dhparam']) {
      this[k] = options[k] ? options[k] : undefined;
    }
    // Servers prefer their own cipher order unless told otherwise (Node's default).
    this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
    this.secureOptions = options.secureOptions ? options.secureOptions : undefined;
    if (options.sessionIdContext) {
      this.sessionIdContext = options.sessionIdContext;
    } else {
      if (defaultSessionIdContext === undefined) {
        defaultSessionIdContext = nodeCrypto.createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
      }
      this.sessionIdContext = defaultSessionIdContext;
    }
    if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
    if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
    this.privateKeyIdentifier = options.privateKeyIdentifier;
    this.privateKeyEngine = options.privateKeyEngine;
    this._sharedCreds = exports.createSecureContext({
      pfx: this.pfx, key: this.key, passphrase: this.passphrase, cert: this.cert, clientCertEngine: this.clientCertEngine,
      ca: this.ca, ciphers: this.ciphers, sigalgs: this.sigalgs, ecdhCurve: this.ecdhCurve, dhparam: this.dhparam,
      minVersion: this.minVersion, maxVersion: this.maxVersion, secureProtocol: this.secureProtocol,
      secureOptions: this.secureOptions, honorCipherOrder: this.honorCipherOrder, crl: this.crl,
      sessionIdContext: this.sessionIdContext, ticketKeys: this.ticketKeys, sessionTimeout: this.sessionTimeout,
      privateKeyIdentifier: this.privateKeyIdentifier, privateKeyEngine: this.privateKeyEngine,
    });
  };
  // Node's deprecated setOptions (DEP0122): the options are kept for the next setSecureContext.
  Server.prototype.setOptions = util.deprecate(function setOptions(options) {
    this.requestCert = options.requestCert === true;
    this.rejectUnauthorized = options.rejectUnauthorized !== false;
    for (const k of ['pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion', 'maxVersion', 'secureProtocol',
      'crl', 'ciphers']) {
      if (options[k]) this[k] = options[k];
    }
    if (options.ecdhCurve !== undefined) this.ecdhCurve = options.ecdhCurve;
    for (const k of ['dhparam', 'sessionTimeout', 'ticketKeys']) if (options[k]) this[k] = options[k];
    const secureOptions = options.secureOptions || 0;
    this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
    if (secureOptions) this.secureOptions = secureOptions;
    if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, this);
    if (options.sessionIdContext) {
      this.sessionIdContext = options.sessionIdContext;
    } else {
      this.sessionIdContext = nodeCrypto.createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32);
    }
    if (options.pskCallback) throw nodeError(Error, 'ERR_FE_UNSUPPORTED', 'fe does not support TLS-PSK (pskCallback)');
    if (options.sigalgs) this.sigalgs = options.sigalgs;
    if (options.privateKeyIdentifier !== undefined) this.privateKeyIdentifier = options.privateKeyIdentifier;
    if (options.privateKeyEngine !== undefined) this.privateKeyEngine = options.privateKeyEngine;
  }, 'Server.prototype.setOptions() is deprecated', 'DEP0122');
  Server.prototype._getServerData = function () { return { ticketKeys: this.getTicketKeys().toString('hex') }; };
  Server.prototype._setServerData = function (data) { this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex')); };
  Server.prototype.getTicketKeys = function () {
    if (!this.ticketKeys) this.ticketKeys = nodeCrypto.randomBytes(48);
    return Buffer.from(this.ticketKeys);
  };
  Server.prototype.setTicketKeys = function (keys) {
    if (!isArrayBufferView(keys)) throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], keys);
    if (keys.byteLength !== 48) {
      const e = new Error('Session ticket keys must be a 48-byte buffer');
      e.code = 'ERR_ASSERTION';
      throw e;
    }
    this.ticketKeys = Buffer.from(keys);
  };
  Server.prototype.addContext = function (servername, context) {
    if (!servername) throw nodeError(Error, 'ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext');
    const re = new RegExp(`^${servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replaceAll('*', '[^.]*')}$`);
    const secureContext = context instanceof SecureContext ? context : exports.createSecureContext(context);
    this._contexts.push([re, secureContext.context]);
  };
  Server.prototype[EventEmitter.captureRejectionSymbol || Symbol.for('nodejs.rejection')] = function (err, event, sock) {
    if (event === 'secureConnection') sock.destroy(err);
    else net.Server.prototype[EventEmitter.captureRejectionSymbol || Symbol.for('nodejs.rejection')].call(this, err, event, sock);
  };

  function defaultSNICallback(servername, callback) {
    const contexts = this.server._contexts;
    for (let i = contexts.length - 1; i >= 0; --i) {
      const elem = contexts[i];
      if (elem[0].test(servername)) { callback(null, { context: elem[1] }); return; }
    }
    callback(null, undefined);
  }

  function createServer(options, listener) { return new Server(options, listener); }

  // -------------------------------------------------------------------------------------------
  // lib/tls.js
  function convertProtocols(protocols) {
    const lens = new Array(protocols.length);
    const buff = Buffer.allocUnsafe(protocols.reduce((p, c, i) => {
      const len = Buffer.byteLength(c);
      if (len > 255) {
        throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The byte length of the protocol at index ${i} exceeds the maximum length. It must be <= 255. Received ${len}`);
      }
      lens[i] = len;
      return p + 1 + len;
    }, 0));
    let offset = 0;
    for (let i = 0, c = protocols.length; i < c; i++) {
      buff[offset++] = lens[i];
      buff.write(protocols[i], offset);
      offset += lens[i];
    }
    return buff;
  }
  function convertALPNProtocols(protocols, out) {
    if (Array.isArray(protocols)) out.ALPNProtocols = convertProtocols(protocols);
    else if (protocols instanceof Uint8Array) out.ALPNProtocols = Buffer.from(protocols);
    else if (isArrayBufferView(protocols)) {
      out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
    }
  }

  const unfqdn = (host) => host.replace(/[.]$/, '');
  const splitHost = (host) => unfqdn(host).replace(/[A-Z]/g, (c) => String.fromCharCode(32 + c.charCodeAt(0))).split('.');
  function check(hostParts, pattern, wildcards) {
    if (!pattern) return false;
    const patternParts = splitHost(pattern);
    if (hostParts.length !== patternParts.length) return false;
    if (patternParts.includes('')) return false;
    const isBad = (s) => /[^\u0021-\u007F]/u.test(s);
    if (patternParts.some(isBad)) return false;
    for (let i = hostParts.length - 1; i > 0; i -= 1) if (hostParts[i] !== patternParts[i]) return false;
    const hostSubdomain = hostParts[0];
    const patternSubdomain = patternParts[0];
    const patternSubdomainParts = patternSubdomain.split('*');
    if (patternSubdomainParts.length === 1 || patternSubdomain.includes('xn--')) return hostSubdomain === patternSubdomain;
    if (!wildcards) return false;
    if (patternSubdomainParts.length > 2) return false;
    if (patternParts.length <= 2) return false;
    const [prefix, suffix] = patternSubdomainParts;
    if (prefix.length + suffix.length > hostSubdomain.length) return false;
    if (!hostSubdomain.startsWith(prefix)) return false;
    if (!hostSubdomain.endsWith(suffix)) return false;
    return true;
  }
  // eslint-disable-next-line no-control-regex
  const jsonStringPattern = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;
  function splitEscapedAltNames(altNames) {
    const result = [];
    let currentToken = '';
    let offset = 0;
    while (offset !== altNames.length) {
      const nextSep = altNames.indexOf(', ', offset);
      const nextQuote = altNames.indexOf('"', offset);
      if (nextQuote !== -1 && (nextSep === -1 || nextQuote < nextSep)) {
        currentToken += altNames.substring(offset, nextQuote);
        const match = jsonStringPattern.exec(altNames.substring(nextQuote));
        if (!match) throw nodeError(SyntaxError, 'ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string');
        currentToken += JSON.parse(match[0]);
        offset = nextQuote + match[0].length;
      } else if (nextSep !== -1) {
        currentToken += altNames.substring(offset, nextSep);
        result.push(currentToken);
        currentToken = '';
        offset = nextSep + 2;
      } else {
        currentToken += altNames.substring(offset);
        offset = altNames.length;
      }
    }
    result.push(currentToken);
    return result;
  }
  function checkServerIdentity(hostname, cert) {
    const subject = cert.subject;
    const altNames = cert.subjectaltname;
    const dnsNames = [];
    const ips = [];
    hostname = `${hostname}`;
    if (altNames) {
      const split = altNames.includes('"') ? splitEscapedAltNames(altNames) : altNames.split(', ');
      for (const name of split) {
        if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
        else if (name.startsWith('IP Address:')) ips.push(dnsModule.cares.canonicalizeIP(name.slice(11)));
      }
    }
    let valid = false;
    let reason = 'Unknown reason';
    hostname = unfqdn(hostname);
    if (net.isIP(hostname)) {
      valid = ips.includes(dnsModule.cares.canonicalizeIP(hostname));
      if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
    } else if (dnsNames.length > 0 || (subject && subject.CN)) {
      const hostParts = splitHost(hostname);
      const wildcard = (pattern) => check(hostParts, pattern, true);
      if (dnsNames.length > 0) {
        valid = dnsNames.some(wildcard);
        if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
      } else {
        const cn = subject.CN;
        if (Array.isArray(cn)) valid = cn.some(wildcard);
        else if (cn) valid = wildcard(cn);
        if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
      }
    } else {
      reason = 'Cert does not contain a DNS name';
    }
    if (!valid) {
      const e = nodeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID', `Hostname/IP does not match certificate's altnames: ${reason}`);
      e.reason = reason;
      e.host = hostname;
      e.cert = cert;
      return e;
    }
    return undefined;
  }

  // internal/tls/secure-pair.js: a TLSSocket over one end of an in-memory duplex pair.
  const kCallback = Symbol('Callback');
  const kOtherSide = Symbol('Other');
  class DuplexSocket extends nodeStream.Duplex {
    constructor() {
      super();
      this[kCallback] = null;
      this[kOtherSide] = null;
    }
    _read() {
      const callback = this[kCallback];
      if (callback) { this[kCallback] = null; callback(); }
    }
    _write(chunk, encoding, callback) {
      if (chunk.length === 0) { nextTick(callback); return; }
      this[kOtherSide].push(chunk);
      this[kOtherSide][kCallback] = callback;
    }
    _final(callback) {
      this[kOtherSide].on('end', callback);
      this[kOtherSide].push(null);
    }
  }
  class SecurePair extends EventEmitter {
    constructor(secureContext = createSecureContext(), isServer = false, requestCert = !isServer, rejectUnauthorized = false, options = {}) {
      super();
      const socket1 = new DuplexSocket();
      const socket2 = new DuplexSocket();
      socket1[kOtherSide] = socket2;
      socket2[kOtherSide] = socket1;
      this.server = options.server;
      this.credentials = secureContext;
      this.encrypted = socket1;
      this.cleartext = new TLSSocket(socket2, { secureContext, isServer, requestCert, rejectUnauthorized, ...options });
      this.cleartext.once('secure', () => this.emit('secure'));
      if (!isServer) this.cleartext._start();
    }
    destroy() {
      this.cleartext.destroy();
      this.encrypted.destroy();
    }
  }
  let createSecurePairWarned = false;

  // _tls_common's translatePeerCertificate: what the native layer gave, in Node's shape.
  function translatePeerCertificate(c) {
    if (!c) return null;
    if (c.issuerCertificate != null && c.issuerCertificate !== c) c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
    if (c.infoAccess != null) {
      const info = c.infoAccess;
      c.infoAccess = Object.create(null);
      String(info).replace(/([^\n:]*):([^\n]*)(?:\n|$)/g, (all, key, val) => {
        if (val.charCodeAt(0) === 0x22) val = JSON.parse(val);
        if (key in c.infoAccess) c.infoAccess[key].push(val);
        else c.infoAccess[key] = [val];
        return all;
      });
    }
    return c;
  }

  let ciphers;
  let rootCertificates;
  const exports = {
    CLIENT_RENEG_LIMIT: 3,
    CLIENT_RENEG_WINDOW: 600,
    DEFAULT_CIPHERS: undefined,
    DEFAULT_ECDH_CURVE: 'auto',
    DEFAULT_MIN_VERSION: undefined,
    DEFAULT_MAX_VERSION: undefined,
    getCiphers() {
      if (!ciphers) ciphers = [...new Set(ops.op_tls_ciphers().map((c) => c.toLowerCase()))];
      return ciphers.slice();
    },
    convertALPNProtocols,
    checkServerIdentity,
    createSecureContext,
    SecureContext,
    TLSSocket,
    Server,
    createServer,
    connect,
    createSecurePair(...args) {
      if (!createSecurePairWarned) {
        createSecurePairWarned = true;
        process.emitWarning('tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.', 'DeprecationWarning', 'DEP0064');
      }
      return new SecurePair(...args);
    },
  };
  // lib/tls.js's defaults come from the command line (--tls-cipher-list, --tls-min-v1.x,
  // --tls-max-v1.x), which is known only when a process starts, not when the snapshot that holds
  // this module is made: each is read from the options until a program assigns it.
  const optionDefaults = {
    DEFAULT_CIPHERS: () => {
      const list = tlsOption('--tls-cipher-list');
      return typeof list === 'string' ? list : DEFAULT_CIPHERS;
    },
    DEFAULT_MIN_VERSION: () => {
      if (tlsOption('--tls-min-v1.0')) return 'TLSv1';
      if (tlsOption('--tls-min-v1.1')) return 'TLSv1.1';
      if (tlsOption('--tls-min-v1.2')) return 'TLSv1.2';
      if (tlsOption('--tls-min-v1.3')) return 'TLSv1.3';
      return 'TLSv1.2';
    },
    DEFAULT_MAX_VERSION: () => {
      if (tlsOption('--tls-max-v1.3')) return 'TLSv1.3';
      if (tlsOption('--tls-max-v1.2')) return 'TLSv1.2';
      return 'TLSv1.3';
    },
  };
  for (const name of Object.keys(optionDefaults)) {
    const assigned = { set: false, value: undefined };
    Object.defineProperty(exports, name, {
      configurable: true,
      enumerable: true,
      get() { return assigned.set ? assigned.value : optionDefaults[name](); },
      set(value) { assigned.set = true; assigned.value = value; },
    });
  }
  Object.defineProperty(exports, 'rootCertificates', {
    configurable: false,
    enumerable: true,
    get() {
      if (!rootCertificates) rootCertificates = Object.freeze(ops.op_tls_root_certificates().map((p) => p.trimEnd()));
      return rootCertificates;
    },
  });
  registerBuiltin('tls', exports);
  registerBuiltin('_tls_common', { SecureContext, createSecureContext, translatePeerCertificate });
  registerBuiltin('_tls_wrap', { TLSSocket, Server, createServer, connect });
  return exports;
})();
