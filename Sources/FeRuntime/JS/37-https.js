// https: Node's lib/https.js. The client is http's ClientRequest and Agent over tls.connect.
// The server is a tls.Server whose decrypted connections are served by fe's HTTP server (NIO,
// 27-http.js): each TLS socket's plaintext goes through a socketpair whose other end that
// server adopts as a connection, and the requests' sockets answer for the TLS socket
// (addresses, certificates, protocol).
// Uses from earlier files: 09-url.js (URL); 10-builtins.js (registerBuiltin, requireBuiltin); 27-http.js (http); 32-net.js (socketErrno, netInternals, netModule); 35-http_client.js (httpClient); 36-tls.js (tlsModule).
const httpsModule = (() => {
  const tls = tlsModule;
  const net = netModule;
  const { SocketHandle } = netInternals;
  const { Agent: HttpAgent, ClientRequest } = httpClient;
  const HttpServer = http.Server;

  // -------------------------------------------------------------------------------------------
  // Server
  const kHttp = Symbol('http');
  const kPending = Symbol('pending');
  // What a request's socket answers on behalf of the TLS socket it stands for.
  const tlsMethods = ['getPeerCertificate', 'getCertificate', 'getPeerX509Certificate', 'getX509Certificate', 'getProtocol',
    'getCipher', 'getSession', 'isSessionReused', 'getEphemeralKeyInfo', 'getFinished', 'getPeerFinished', 'getTLSTicket',
    'exportKeyingMaterial', 'getSharedSigalgs'];
  // Events of the HTTP side that are the https server's own.
  const ownEvents = new Set(['connection', 'close', 'listening', 'error']);
  const httpSettings = ['timeout', 'keepAliveTimeout', 'headersTimeout', 'requestTimeout', 'maxHeadersCount', 'maxRequestsPerSocket',
    'requireHostHeader', 'maxConnections'];

  function Server(opts, requestListener) {
    if (!(this instanceof Server)) return new Server(opts, requestListener);
    if (typeof opts === 'function') { requestListener = opts; opts = undefined; }
    opts = { ...opts };
    if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
    // The HTTP side: an http.Server that never listens and speaks through this one.
    const inner = new HttpServer(opts);
    this[kHttp] = inner;
    this[kPending] = [];
    tls.Server.call(this, opts, onSecureConnection);
    inner.emit = (event, ...args) => (ownEvents.has(event) ? false : this.emit(event, ...args));
    inner.listenerCount = (event) => this.listenerCount(event);
    inner._onConnection = (socket) => {
      inner._connections.add(socket);
      const tlsSocket = this[kPending].shift();
      if (tlsSocket) standIn(socket, tlsSocket);
    };
    this.httpAllowHalfOpen = false;
    if (requestListener) this.addListener('request', requestListener);
    this.addListener('tlsClientError', function addListener(err, conn) {
      if (!this.emit('clientError', err, conn)) conn.destroy(err);
    });
    this.timeout = 0;
    this.maxHeadersCount = null;
    this.on('close', () => { if (inner._id !== undefined) inner.close(); });
  }
  Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
  Object.setPrototypeOf(Server, tls.Server);
  for (const name of httpSettings) {
    Object.defineProperty(Server.prototype, name, {
      configurable: true,
      enumerable: true,
      get() { return this[kHttp] ? this[kHttp][name] : undefined; },
      set(v) {
        if (name === 'maxConnections') this._maxConnections = v;
        if (this[kHttp]) this[kHttp][name] = v;
      },
    });
  }
  Server.prototype.closeAllConnections = function () { this[kHttp].closeAllConnections(); };
  Server.prototype.closeIdleConnections = function () { this[kHttp].closeIdleConnections(); };
  Server.prototype.setTimeout = function (msecs, callback) {
    this.timeout = msecs;
    if (callback) this.on('timeout', callback);
    return this;
  };
  Server.prototype.close = function (...args) {
    // As Node 19+: closing also ends the connections with no request in progress.
    this[kHttp].closeIdleConnections();
    return tls.Server.prototype.close.apply(this, args);
  };

  // A TLS connection is up: its plaintext goes to the HTTP side through a socketpair.
  function onSecureConnection(tlsSocket) {
    const inner = this[kHttp];
    if (inner._id === undefined) inner._attach();
    const id = ops.op_https_adopt(inner._id);
    if (id < 0) { tlsSocket.destroy(socketErrno(id, 'socketpair')); return; }
    const handle = netInternals.newSocketHandle(1);
    handle.attach(id);
    const pair = new net.Socket({ handle, allowHalfOpen: true });
    this[kPending].push(tlsSocket);
    tlsSocket.pipe(pair);
    pair.pipe(tlsSocket);
    pair.on('error', () => tlsSocket.destroy());
    tlsSocket.on('error', () => pair.destroy());
    tlsSocket.on('close', () => pair.destroy());
    pair.on('close', () => { if (!tlsSocket.writableEnded) tlsSocket.destroy(); });
    // The HTTP side is done with the connection (Node's http server ends a socket only to
    // close it: destroySoon): the TLS socket closes once its last bytes are out, not waiting
    // for a half-open client's end.
    pair.on('end', () => { if (!tlsSocket.destroyed) tlsSocket.destroySoon(); });
  }

  // The HTTP side's socket takes the TLS socket's addresses and answers its TLS questions.
  function standIn(socket, tlsSocket) {
    socket.remoteAddress = tlsSocket.remoteAddress;
    socket.remotePort = tlsSocket.remotePort;
    socket.remoteFamily = tlsSocket.remoteFamily;
    const local = tlsSocket.address();
    socket._localAddress = socket.localAddress = local.address;
    socket.localPort = local.port;
    socket._localFamily = local.family;
    socket.encrypted = true;
    socket.authorized = tlsSocket.authorized;
    socket.authorizationError = tlsSocket.authorizationError;
    socket.alpnProtocol = tlsSocket.alpnProtocol;
    socket.servername = tlsSocket.servername;
    socket._tlsSocket = tlsSocket;
    for (const m of tlsMethods) socket[m] = (...args) => tlsSocket[m](...args);
    Object.defineProperty(socket, 'bytesWritten', { get: () => tlsSocket.bytesWritten, configurable: true });
    Object.defineProperty(socket, 'bytesRead', { get: () => tlsSocket.bytesRead, configurable: true });
    Object.defineProperty(socket, '_secureEstablished', { get: () => tlsSocket._secureEstablished, configurable: true });
    tlsSocket.on('timeout', () => socket.emit('timeout'));
  }

  function createServer(opts, requestListener) { return new Server(opts, requestListener); }

  // -------------------------------------------------------------------------------------------
  // Client
  function createConnection(port, host, options) {
    if (port !== null && typeof port === 'object') options = port;
    else if (host !== null && typeof host === 'object') options = { ...host };
    else if (options === null || typeof options !== 'object') options = {};
    else options = { ...options };
    if (typeof port === 'number') options.port = port;
    if (typeof host === 'string') options.host = host;
    if (options._agentKey) {
      const session = this._getSession(options._agentKey);
      if (session) options = { session, ...options };
    }
    const socket = tls.connect(options);
    if (options._agentKey) {
      socket.on('session', (session) => this._cacheSession(options._agentKey, session));
      socket.once('close', (err) => { if (err) this._evictSession(options._agentKey); });
    }
    return socket;
  }

  function Agent(options) {
    if (!(this instanceof Agent)) return new Agent(options);
    HttpAgent.call(this, options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = this.options.maxCachedSessions;
    if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
    this._sessionCache = { map: {}, list: [] };
  }
  Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
  Object.setPrototypeOf(Agent, HttpAgent);
  Agent.prototype.createConnection = createConnection;
  Agent.prototype.getName = function getName(options = {}) {
    let name = HttpAgent.prototype.getName.call(this, options);
    const add = (v) => { name += ':'; if (v) name += v; };
    add(options.ca);
    add(options.cert);
    add(options.clientCertEngine);
    add(options.ciphers);
    add(options.key);
    add(options.pfx);
    name += ':';
    if (options.rejectUnauthorized !== undefined) name += options.rejectUnauthorized;
    add(options.servername && options.servername !== options.host ? options.servername : '');
    add(options.minVersion);
    add(options.maxVersion);
    add(options.secureProtocol);
    add(options.crl);
    name += ':';
    if (options.honorCipherOrder !== undefined) name += options.honorCipherOrder;
    add(options.ecdhCurve);
    add(options.dhparam);
    name += ':';
    if (options.secureOptions !== undefined) name += options.secureOptions;
    add(options.sessionIdContext);
    add(options.sigalgs ? JSON.stringify(options.sigalgs) : '');
    add(options.privateKeyIdentifier);
    add(options.privateKeyEngine);
    return name;
  };
  Agent.prototype._getSession = function (key) { return this._sessionCache.map[key]; };
  Agent.prototype._cacheSession = function (key, session) {
    if (this.maxCachedSessions === 0) return;
    if (this._sessionCache.map[key]) { this._sessionCache.map[key] = session; return; }
    if (this._sessionCache.list.length >= this.maxCachedSessions) {
      const oldKey = this._sessionCache.list.shift();
      delete this._sessionCache.map[oldKey];
    }
    this._sessionCache.list.push(key);
    this._sessionCache.map[key] = session;
  };
  Agent.prototype._evictSession = function (key) {
    const index = this._sessionCache.list.indexOf(key);
    if (index === -1) return;
    this._sessionCache.list.splice(index, 1);
    delete this._sessionCache.map[key];
  };

  const { urlToHttpOptions } = requireBuiltin('url');
  function request(...args) {
    let options = {};
    if (typeof args[0] === 'string') options = urlToHttpOptions(new URL(args.shift()));
    else if (args[0] instanceof URL) options = urlToHttpOptions(args.shift());
    if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
    options._defaultAgent = exports.globalAgent;
    args.unshift(options);
    return new ClientRequest(...args);
  }
  function get(input, options, cb) {
    const req = request(input, options, cb);
    req.end();
    return req;
  }

  const exports = { Agent, globalAgent: new Agent(), Server, createServer, get, request };
  registerBuiltin('https', exports);
  return exports;
})();
