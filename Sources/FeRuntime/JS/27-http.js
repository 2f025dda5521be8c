// http: Node's HTTP server (createServer, Server, IncomingMessage, ServerResponse, STATUS_CODES,
// METHODS) and fe.serve (a web Request in, a Response out). The network side is HTTPHub.swift:
// NIO accepts and parses; what happened arrives in batches through core.onHttp(list), and each
// response leaves as op_http_write calls carrying its formatted head and body bytes.
// Uses from earlier files: 00-core.js (core, traceOn, check); 01-inspect.js (inspect, format); 02-errors.js (nodeError, invalidArgType, validateBoolean, outOfRange); 03-loop.js (nextTick, fatal, Timeout, setTimeout, clearTimeout, describe); 04-events.js (EventEmitter); 05-process.js (process); 06-console.js (console); 07-path.js (path); 08-fs.js (validateInteger, then, fs); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream).
const http = (() => {
  const { Readable, Duplex } = nodeStream;
  const LegacyStream = nodeStream.Stream;
  const STATUS_CODES = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created',
    202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content',
    207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently',
    302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect',
    308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required',
    408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
    413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
    417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity',
    423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
    429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
    504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage',
    508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
  };
  const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH',
    'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
    'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK',
    'UNSUBSCRIBE'];
  // op_http_write flags (HTTPHub.Flag).
  const END = 1, CLOSE = 2, WANT_DRAIN = 4, CHUNKED = 8;
  const HIGH_WATER_MARK = 16384;
  const nop = () => {};
  const servers = new Map(); // native id -> Server or fe.serve handle
  const connections = new Map(); // native id -> Socket

  const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  const invalidCharRe = /[^\t\x20-\x7e\x80-\xff]/;
  const nonAsciiRe = /[^\x00-\x7f]/;
  const connCloseRe = /(?:^|\W)close(?:$|\W)/i;
  const teChunkedRe = /(?:^|\W)chunked(?:$|\W)/i;
  const asBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  const byteLength = (chunk, encoding) => (typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength);

  // Node caches the Date header per second too.
  let dateSecond = -1, dateText = '';
  function utcDate() {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== dateSecond) { dateSecond = second; dateText = new Date(now).toUTCString(); }
    return dateText;
  }

  // Node's lib/internal/http.js symbols (exposed as internal/http under --expose-internals).
  const kOutHeaders = Symbol('kOutHeaders');
  const kHighWaterMark = Symbol('kHighWaterMark'); // _http_outgoing's
  const kNeedDrain = Symbol('kNeedDrain');
  const headersSentError = (verb) => nodeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${verb} headers after they are sent to the client`);
  function validateHeaderName(name) {
    if (typeof name !== 'string' || !name || !tokenRe.test(name)) {
      throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name}"]`);
    }
  }
  function validateHeaderValue(name, value) {
    if (value === undefined) throw nodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
    const bad = (v) => invalidCharRe.test(String(v));
    if (Array.isArray(value) ? value.some(bad) : bad(value)) {
      throw nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
    }
  }
  function invalidArgType(name, expected, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be ${expected}. Received${describe(value)}`);
  }
  function connReset(message) {
    const e = new Error(message);
    e.code = 'ECONNRESET';
    return e;
  }

  // -------------------------------------------------------------------------------------------
  // Socket: one connection. A Duplex only matters once upgraded (WebSocket): then its bytes are
  // the connection's raw bytes; before that HTTP owns it.
  class Socket extends Duplex {
    constructor(server, id, remote, local) {
      // The server's highWaterMark option, as Node's net.Server gives its sockets.
      super({ allowHalfOpen: false, highWaterMark: server && typeof server.highWaterMark === 'number' ? server.highWaterMark : undefined });
      this._handleId = id;
      this.server = server;
      [this.remoteAddress, this.remotePort, this.remoteFamily] = remote;
      [this._localAddress, this.localPort, this._localFamily] = local;
      this.localAddress = this._localAddress;
      this._pending = new Map(); // request seq -> { req, res } (or fe.serve's entry)
      this._outstanding = 0;
      this._drainTarget = null;
      this._nativeClosed = false;
      this._upgraded = false;
      this.timeout = 0;
      this.encrypted = undefined;
      this._bytesWritten = 0; // the bytes handed to the connection (heads, bodies, framing)
      this.on('error', socketOnError);
    }
    address() { return { address: this._localAddress, family: this._localFamily, port: this.localPort }; }
    // A timeout set on the connection itself (req/res.setTimeout) runs here, replacing the
    // server's (which NIO watches): 'timeout' after `ms` without requests, body bytes or writes.
    setTimeout(ms, cb) {
      this.timeout = ms;
      this._ownTimeout = true;
      if (typeof cb === 'function') this.once('timeout', cb);
      clearTimeout(this._timer);
      this._timer = null;
      if (ms > 0 && !this.destroyed) {
        this._timer = setTimeout(() => this._onTimeout(), ms);
        this._timer.unref();
      }
      return this;
    }
    _active() { if (this._timer) this._timer.refresh(); }
    setNoDelay() { return this; }
    setKeepAlive() { return this; }
    // As Node's server sockets: HTTP is bytes, so decoding them is refused.
    setEncoding() {
      throw nodeError(Error, 'ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.');
    }
    ref() { return this; }
    unref() { return this; }
    get bytesWritten() { return this._bytesWritten; }
    _read() {}
    _write(chunk, encoding, cb) {
      if (!this._nativeClosed) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
        this._bytesWritten += bytes.length;
        ops.op_http_write_raw(this._handleId, bytes, false);
      }
      cb();
    }
    _final(cb) {
      if (!this._nativeClosed) ops.op_http_write_raw(this._handleId, null, true);
      cb();
    }
    _destroy(err, cb) {
      clearTimeout(this._timer);
      this._timer = null;
      if (!this._nativeClosed) { this._nativeClosed = true; ops.op_http_destroy(this._handleId); }
      cb(err);
    }
    // No reads or writes for the server's timeout: as Node, 'timeout' goes to the requests and
    // responses in progress, the socket and the server; with nobody listening the socket closes.
    _onTimeout() {
      let handled = false;
      for (const entry of this._pending.values()) {
        if (entry.req && !entry.req.complete && entry.req.emit('timeout', this)) handled = true;
        if (entry.res && entry.res.emit('timeout', this)) handled = true;
      }
      if (this.emit('timeout')) handled = true;
      if (this.server !== undefined && this.server.emit('timeout', this)) handled = true;
      if (!handled) this.destroy();
    }
  }

  // Node's socketOnError: an error on a connection (a response destroyed with one) goes to the
  // server's 'clientError', else closes the connection; later ones are ignored.
  // On a connection parsed here (connectionListener), Node's answer goes out first, unless a
  // response has begun (fe's own connections have theirs from the native server).
  function socketOnError(e) {
    this.removeListener('error', socketOnError);
    if (this.listenerCount('error') === 0) this.on('error', nop);
    if (!(this.server instanceof EventEmitter) || !this.server.emit('clientError', e, this)) {
      if (!(this instanceof Socket) && this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
        const status = e.code === 'HPE_HEADER_OVERFLOW' ? 431 : e.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? 413
          : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
        this.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
      }
      this.destroy(e);
    }
  }

  // -------------------------------------------------------------------------------------------
  // IncomingMessage
  // Node's matchKnownFields (_http_incoming.js): the lower-case name, flagged by its first char:
  // \u0000 joins duplicates with ', ', \u0001 is set-cookie (a list), \u0002 is cookie ('; ');
  // unflagged names keep their first value unless joinDuplicateHeaders.
  const knownFields = {
    age: 'age', host: 'host', from: 'from', etag: 'etag', date: '\u0000date', vary: '\u0000vary', server: 'server',
    cookie: '\u0002cookie', origin: '\u0000origin', expect: '\u0000expect', accept: '\u0000accept', referer: 'referer',
    expires: 'expires', upgrade: '\u0000upgrade', location: 'location', 'if-match': '\u0000if-match',
    'user-agent': 'user-agent', 'set-cookie': '\u0001', connection: '\u0000connection', 'retry-after': 'retry-after',
    'content-type': 'content-type', 'max-forwards': 'max-forwards', authorization: 'authorization',
    'last-modified': 'last-modified', 'cache-control': '\u0000cache-control', 'if-none-match': '\u0000if-none-match',
    'content-length': 'content-length', 'accept-encoding': '\u0000accept-encoding',
    'accept-language': '\u0000accept-language', 'x-forwarded-for': '\u0000x-forwarded-for',
    'content-encoding': '\u0000content-encoding', 'x-forwarded-host': '\u0000x-forwarded-host',
    'if-modified-since': 'if-modified-since', 'transfer-encoding': '\u0000transfer-encoding',
    'x-forwarded-proto': '\u0000x-forwarded-proto', 'proxy-authorization': 'proxy-authorization',
    'if-unmodified-since': 'if-unmodified-since',
  };
  const matchKnownFields = (field) => {
    const lower = field.toLowerCase();
    return Object.prototype.hasOwnProperty.call(knownFields, lower) ? knownFields[lower] : `\u0000${lower}`;
  };
  function addHeaderLine(field, value, dest) {
    field = matchKnownFields(field);
    const flag = field.charCodeAt(0);
    if (flag === 0 || flag === 2) {
      field = field.slice(1);
      if (typeof dest[field] === 'string') dest[field] += (flag === 0 ? ', ' : '; ') + value;
      else dest[field] = value;
    } else if (flag === 1) {
      if (dest['set-cookie'] !== undefined) dest['set-cookie'].push(value);
      else dest['set-cookie'] = [value];
    } else if (this.joinDuplicateHeaders) {
      if (dest[field] === undefined) dest[field] = value;
      else dest[field] += ', ' + value;
    } else if (dest[field] === undefined) {
      dest[field] = value;
    }
  }
  function headersObject(message, raw) {
    const out = {};
    for (let i = 0; i < raw.length; i += 2) message._addHeaderLine(raw[i], raw[i + 1], out);
    return out;
  }
  function distinctObject(raw) {
    const out = {};
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      if (out[name] === undefined) out[name] = [raw[i + 1]];
      else out[name].push(raw[i + 1]);
    }
    return out;
  }

  class IncomingMessage extends Readable {
    constructor(socket) {
      // As Node: the message buffers as much as its socket does.
      super(socket ? { highWaterMark: typeof socket.readableHighWaterMark === 'number' ? socket.readableHighWaterMark : 16384 } : undefined);
      this._readableState.readingMore = true;
      this.socket = socket;
      this.httpVersionMajor = null;
      this.httpVersionMinor = null;
      this.httpVersion = null;
      this.complete = false;
      this.rawHeaders = [];
      this.rawTrailers = [];
      this.aborted = false;
      this.upgrade = null;
      this.url = '';
      this.method = null;
      this.statusCode = null;
      this.statusMessage = null;
      this._consuming = false;
      this._dumped = false;
      this._headers = null;
      this.trailers = {};
      this.joinDuplicateHeaders = false;
    }
    get connection() { return this.socket; }
    set connection(v) { this.socket = v; }
    get headers() { return this._headers || (this._headers = headersObject(this, this.rawHeaders)); }
    set headers(v) { this._headers = v; }
    get headersDistinct() { return distinctObject(this.rawHeaders); }
    get trailersDistinct() { return {}; }
    setTimeout(ms, cb) { if (cb) this.on('timeout', cb); if (this.socket) this.socket.setTimeout(ms); return this; }
    read(n) {
      if (!this._consuming) { this._readableState.readingMore = false; this._consuming = true; }
      return super.read(n);
    }
    _read() {}
    // Node: a request dropped before its end is 'aborted' and takes its connection down; its
    // error reaches only listeners.
    _destroy(err, cb) {
      if (!this.readableEnded || !this.complete) { this.aborted = true; this.emit('aborted'); }
      const socket = this.socket;
      // (Node's server socket hands the error to its own listener, which only closes it.)
      if (socket && !socket.destroyed && this.aborted) socket.destroy();
      nextTick(() => (this.listenerCount('error') === 0 ? cb() : cb(err)));
    }
    _addHeaderLine(field, value, dest) { addHeaderLine.call(this, field, value, dest); }
    // Node's: the first n entries of a raw list become the raw headers (the trailers once the
    // message is complete) and join what was already set.
    _addHeaderLines(headers, n) {
      if (headers && headers.length) {
        let dest;
        if (this.complete) {
          this.rawTrailers = headers;
          dest = this.trailers;
        } else {
          this.rawHeaders = headers;
          dest = this._headers;
        }
        if (dest) {
          for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
        }
      }
    }
    _dump() {
      if (!this._dumped) {
        this._dumped = true;
        this.removeAllListeners('data');
        this.resume();
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // ServerResponse (Node's OutgoingMessage: a legacy Stream with its own write/end)
  class OutgoingMessage extends LegacyStream {
    constructor(options) {
      super();
      this[kHighWaterMark] = options?.highWaterMark ?? LegacyStream.getDefaultHighWaterMark();
      this._out = new Map(); // lower-case name -> [name, value]
      this._header = null;
      this._headerSent = false;
      this._hasBody = true;
      this._contentLength = null;
      this._last = false;
      this._trailer = '';
      this._removed = { 'content-length': false, 'transfer-encoding': false, date: false, connection: false };
      this.chunkedEncoding = false;
      this.shouldKeepAlive = true;
      this.useChunkedEncodingByDefault = true;
      this.sendDate = false;
      this.finished = false;
      this.writable = true;
      this.destroyed = false;
      this.strictContentLength = false;
      this._defaultKeepAlive = true; // false once the caller sets its own Keep-Alive header
      this.maxRequestsOnConnectionReached = false;
      this._bodyBytes = 0; // Node's kBytesWritten: body bytes written, for strictContentLength
      this._removedContLen = false;
      this._needDrain = false;
      this._finishedEmitted = false;
      this._closed = false;
      this.socket = null;
    }
    get closed() { return this._closed; }
    get connection() { return this.socket; }
    set connection(v) { this.socket = v; }
    get headersSent() { return this._header !== null; }
    // Node's: write-only; piping from it is an error.
    pipe() { this.emit('error', nodeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable')); }
    get writableEnded() { return this.finished; }
    // Nothing waits in JS: once ended, everything is with the connection (Node: nothing buffered).
    get writableFinished() { return this.finished; }
    get writableNeedDrain() { return this._needDrain; }
    get writableHighWaterMark() { return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark]; }
    get writableLength() { return this.outputSize || 0; }
    get writableObjectMode() { return false; }
    get writableCorked() { return 0; }
    cork() {}
    uncork() {}
    _implicitHeader() { throw nodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _implicitHeader() method is not implemented'); }
    _onFinish() {
      if (this._finishedEmitted) return;
      this._finishedEmitted = true;
      this.emit('prefinish');
      this.emit('finish');
    }
    // events.captureRejections: a rejected listener destroys the message with its error.
    [Symbol.for('nodejs.rejection')](err) { this.destroy(err); }
    setTimeout(ms, cb) {
      if (cb) this.on('timeout', cb);
      if (this.socket) this.socket.setTimeout(ms);
      else this.once('socket', (socket) => socket.setTimeout(ms));
      return this;
    }
    setHeader(name, value) {
      if (this._header !== null) throw headersSentError('set');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      this._out.set(name.toLowerCase(), [name, value]);
      return this;
    }
    appendHeader(name, value) {
      if (this._header !== null) throw headersSentError('append');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      const key = name.toLowerCase();
      const had = this._out.get(key);
      if (had === undefined) this._out.set(key, [name, value]);
      else had[1] = [].concat(had[1], value);
      return this;
    }
    // A Headers or a Map; Set-Cookie values go in together so that none replaces another.
    setHeaders(headers) {
      if (this._header !== null) throw headersSentError('set');
      if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
        throw invalidArgType('headers', ['Headers', 'Map'], headers);
      }
      const cookies = [];
      for (const [name, value] of headers) {
        if (name === 'set-cookie') {
          if (Array.isArray(value)) cookies.push(...value); else cookies.push(value);
          continue;
        }
        this.setHeader(name, value);
      }
      if (cookies.length) this.setHeader('set-cookie', cookies);
      return this;
    }
    getHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
      const e = this._out.get(name.toLowerCase());
      return e === undefined ? undefined : e[1];
    }
    getHeaders() {
      const out = Object.create(null);
      for (const [key, [, value]] of this._out) out[key] = value;
      return out;
    }
    getHeaderNames() { return [...this._out.keys()]; }
    getRawHeaderNames() { return [...this._out.values()].map((e) => e[0]); }
    hasHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
      return this._out.has(name.toLowerCase());
    }
    removeHeader(name) {
      if (typeof name !== 'string') throw invalidArgType('name', 'of type string', name);
      if (this._header !== null) throw headersSentError('remove');
      const key = name.toLowerCase();
      if (key in this._removed) this._removed[key] = true;
      if (key === 'content-length') this._removedContLen = true;
      if (key === 'date') this.sendDate = false;
      this._out.delete(key);
    }
    addTrailers(headers) {
      this._trailer = '';
      const isArray = Array.isArray(headers);
      for (const key of Object.keys(headers)) {
        const field = isArray ? headers[key][0] : key;
        let value = isArray ? headers[key][1] : headers[key];
        if (typeof field !== 'string' || !field || !tokenRe.test(field)) {
          throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Trailer name must be a valid HTTP token ["${field}"]`);
        }
        const badChar = () => nodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in trailer content ["${field}"]`);
        if (Array.isArray(value) && value.length > 1) {
          for (const v of value) {
            if (invalidCharRe.test(String(v))) throw badChar();
            this._trailer += `${field}: ${v}\r\n`;
          }
        } else {
          if (Array.isArray(value)) value = value.join('; ');
          if (invalidCharRe.test(String(value))) throw badChar();
          this._trailer += `${field}: ${value}\r\n`;
        }
      }
    }
    // The head as Node writes it: the caller's headers in order, then Date, Connection and
    // Keep-Alive, then the body's framing.
    _storeHeader(firstLine, headers) {
      let head = firstLine;
      let hasConnection = false, hasContentLength = false, hasTE = false, hasDate = false, hasTrailer = false;
      const add = (name, value) => {
        const key = name.toLowerCase();
        if (Array.isArray(value) && value.length > 1 && key === 'cookie') {
          head += `${name}: ${value.join('; ')}\r\n`; // a request's cookies go on one line
        } else if (Array.isArray(value)) {
          for (const v of value) head += `${name}: ${v}\r\n`;
        } else {
          head += `${name}: ${value}\r\n`;
        }
        if (key.length < 4 || key.length > 17) return;
        if (key === 'connection') {
          hasConnection = true;
          if (connCloseRe.test(String(value))) this._last = true;
          else this.shouldKeepAlive = true;
        } else if (key === 'content-length') {
          hasContentLength = true;
          this._contentLength = +value;
          this._removedContLen = false;
        }
        else if (key === 'transfer-encoding') {
          hasTE = true;
          if (teChunkedRe.test(String(value))) this.chunkedEncoding = true;
        } else if (key === 'date') hasDate = true;
        else if (key === 'keep-alive') this._defaultKeepAlive = false;
        else if (key === 'trailer') hasTrailer = true;
      };
      for (const [name, value] of headers) add(name, value);
      if (!hasDate && this.sendDate) head += `Date: ${utcDate()}\r\n`;
      if (this._removed.connection) {
        this._last = true; // no Connection header, as asked: the connection closes after this message
      } else if (!hasConnection) {
        const keepAlive = this.shouldKeepAlive && (hasContentLength || this.useChunkedEncodingByDefault || this.agent); // agent: a client request (35-http_client.js)
        if (keepAlive && this.maxRequestsOnConnectionReached) {
          head += 'Connection: close\r\n';
        } else if (keepAlive) {
          head += 'Connection: keep-alive\r\n';
          if (this._keepAliveTimeout && this._defaultKeepAlive) {
            const max = ~~this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
            head += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
          }
        } else {
          this._last = true;
          head += 'Connection: close\r\n';
        }
      }
      if (!hasContentLength && !hasTE) {
        if (!this._hasBody) this.chunkedEncoding = false;
        else if (!this.useChunkedEncodingByDefault) this._last = true;
        else if (!hasTrailer && !this._removed['content-length'] && typeof this._contentLength === 'number') {
          head += `Content-Length: ${this._contentLength}\r\n`;
        } else if (!this._removed['transfer-encoding']) {
          head += 'Transfer-Encoding: chunked\r\n';
          this.chunkedEncoding = true;
        } else {
          this._last = true;
        }
      }
      // Trailers need a chunked body: without one the message ends where its head says.
      if (this.chunkedEncoding !== true && hasTrailer) {
        throw nodeError(Error, 'ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding');
      }
      this._header = head + '\r\n';
      this._headerSent = false;
    }
    // Hands bytes to the connection; the head goes with the first of them.
    _send(body, end, wantDrain) {
      const socket = this.socket;
      if (socket === null) {
        // No socket yet: kept, with the head, until one is assigned (Node's outputData; a
        // response's socket writes go to fe's HTTP server at once, which queues them itself).
        if (this.outputData === undefined) { this.outputData = []; this.outputSize = 0; }
        let n = body === null || body === undefined ? 0 : byteLength(body);
        if (!this._headerSent && this.outputData.length === 0 && this._header !== null) n += this._header.length;
        this.outputData.push({ body, end, wantDrain });
        this.outputSize += n;
        return;
      }
      let head = null;
      if (!this._headerSent) {
        head = this._header;
        this._headerSent = true;
        // Node writes heads as latin1: a value with chars above 0x7f keeps them as single bytes.
        if (nonAsciiRe.test(head)) head = Buffer.from(head, 'latin1');
      }
      let flags = this.chunkedEncoding ? CHUNKED : 0;
      let tail = null;
      if (end) {
        flags |= END;
        if (this._last) flags |= CLOSE;
        if (this.chunkedEncoding && this._hasBody) tail = `0\r\n${this._trailer}\r\n`;
      }
      if (wantDrain) flags |= WANT_DRAIN;
      if (socket !== null && !(socket instanceof Socket)) { sendToStream(this, socket, head, body, end); return; }
      if (socket !== null && !socket._nativeClosed) {
        socket._active();
        let n = head === null ? 0 : head.length;
        if (body !== null && body !== undefined) {
          const len = byteLength(body);
          n += len;
          if (this.chunkedEncoding && len > 0) n += len.toString(16).length + 4; // size line and CRLF
        }
        if (tail !== null) n += Buffer.byteLength(tail, 'latin1');
        socket._bytesWritten += n;
        ops.op_http_write(socket._handleId, this._seq, head, body, flags, tail);
      }
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      const ok = writeChunk(this, chunk, encoding, cb, false);
      if (!ok) this._needDrain = true;
      return ok;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; } else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      if (chunk) {
        if (this.finished) {
          onWriteError(this, nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'), typeof cb === 'function' ? cb : nop);
          return this;
        }
        writeChunk(this, chunk, encoding, null, true);
      } else if (this.finished) {
        if (typeof cb === 'function') {
          if (!this.writableFinished) this.once('finish', cb);
          else cb(nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
        }
        return this;
      } else {
        if (this._header === null) { this._contentLength = 0; this._implicitHeader(); }
        if (strictContentLength(this) && this._bodyBytes !== this._contentLength) throw contentLengthMismatch(this._bodyBytes, this._contentLength);
        this._send(null, true, false);
      }
      if (typeof cb === 'function') this.once('finish', cb);
      this.finished = true;
      // Node's 'finish' comes from the last write's callback, which a connection already gone
      // never calls.
      const socket = this.socket;
      if (!(socket instanceof Socket && socket._nativeClosed)) nextTick(() => this._onFinish());
      return this;
    }
    flushHeaders() {
      if (this._header === null) this._implicitHeader();
      if (!this._headerSent) this._send(null, false, false);
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.errored = err;
      if (this.socket) this.socket.destroy(err);
      return this;
    }
  }

  // Node's strictContentLength(msg): the body must match a Content-Length the head declared.
  function strictContentLength(msg) {
    return msg.strictContentLength && msg._contentLength != null && msg._hasBody && !msg._removedContLen &&
      !msg.chunkedEncoding && !msg.hasHeader('transfer-encoding');
  }
  const contentLengthMismatch = (actual, expected) => nodeError(Error, 'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
    `Response body's content-length of ${actual} byte(s) does not match the content-length of ${expected} byte(s) set in header`);

  // Node's deprecated views of the headers (DEP0066): name -> value and name -> original name.
  const headerViews = (view, set) => ({
    configurable: true,
    get: util.deprecate(function () {
      if (this._out.size === 0) return null;
      const out = Object.create(null);
      for (const [key, entry] of this._out) out[key] = view(entry);
      return out;
    }, `OutgoingMessage.prototype._header${view === nameOf ? 'Names' : 's'} is deprecated`, 'DEP0066'),
    set: util.deprecate(set, `OutgoingMessage.prototype._header${view === nameOf ? 'Names' : 's'} is deprecated`, 'DEP0066'),
  });
  const nameOf = (entry) => entry[0];
  Object.defineProperties(OutgoingMessage.prototype, {
    _headerNames: headerViews(nameOf, function (val) {
      if (typeof val !== 'object' || val === null) return;
      for (const key of Object.keys(val)) { const entry = this._out.get(key); if (entry) entry[0] = val[key]; }
    }),
    _headers: {
      ...headerViews((entry) => entry[1], function (val) {
        if (val == null) { this._out.clear(); return; }
        if (typeof val !== 'object') return;
        this._out.clear();
        for (const name of Object.keys(val)) this._out.set(name.toLowerCase(), [name, val[name]]);
      }),
      // Node's: getHeaders(), as it is now.
      get: util.deprecate(function () { return this.getHeaders(); }, 'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'),
    },
    // Node's internal/http kOutHeaders: lower-case name -> [name, value], null before any
    // header; here a live view of the message's own table.
    [kOutHeaders]: {
      configurable: true,
      get() {
        if (this._out.size === 0) return null;
        const map = this._out;
        return new Proxy(Object.create(null), {
          get: (t, key) => (typeof key === 'string' ? map.get(key) : undefined),
          set: (t, key, value) => { map.set(key, value); return true; },
          has: (t, key) => map.has(key),
          deleteProperty: (t, key) => { map.delete(key); return true; },
          ownKeys: () => [...map.keys()],
          getOwnPropertyDescriptor: (t, key) => (map.has(key) ? { value: map.get(key), writable: true, enumerable: true, configurable: true } : undefined),
          defineProperty: (t, key, desc) => { map.set(key, desc.value); return true; },
        });
      },
      set(value) {
        this._out = new Map(value == null ? [] : Object.entries(value));
      },
    },
  });
  // Node's: the headers as set, under their original names.
  OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
    if (this._header) throw headersSentError('render');
    const headers = {};
    for (const [name, value] of this._out.values()) headers[name] = value;
    return headers;
  };

  // A message given a stream of its own (assignSocket, or a subclass setting `socket`) writes to
  // it as Node's does: the head with the first bytes, then what ends the body ('' or the last chunk).
  function sendToStream(msg, stream, head, body, end) {
    const parts = [];
    if (head !== null) parts.push(typeof head === 'string' ? Buffer.from(head, 'latin1') : head);
    if (body !== null && body !== undefined) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      if (msg.chunkedEncoding && bytes.length) parts.push(Buffer.from(`${bytes.length.toString(16)}\r\n`, 'latin1'), bytes, Buffer.from('\r\n', 'latin1'));
      else parts.push(bytes);
    }
    if (parts.length) stream.write(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    if (end) stream.write(msg.chunkedEncoding && msg._hasBody ? `0\r\n${msg._trailer}\r\n` : '', 'latin1');
  }

  function onWriteError(msg, err, cb) {
    nextTick(() => {
      cb(err);
      if (!msg.destroyed) msg.emit('error', err);
    });
  }

  // Node's write_: validation, the implicit head (with Content-Length when end() brings the
  // whole body), then the bytes; `fromEnd` sends them as the response's last.
  function writeChunk(msg, chunk, encoding, cb, fromEnd) {
    if (typeof cb !== 'function') cb = nop;
    if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
    }
    let err;
    if (msg.finished) err = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
    else if (msg.destroyed) err = nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    if (err) {
      if (!msg.destroyed) onWriteError(msg, err, cb); else nextTick(cb, err);
      return false;
    }
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') chunk = Buffer.from(chunk, encoding);
    if (msg._header === null) {
      if (fromEnd) msg._contentLength = byteLength(chunk);
      msg._implicitHeader();
    }
    if (!msg._hasBody) {
      if (msg._rejectNonStandardBodyWrites) {
        throw nodeError(Error, 'ERR_HTTP_BODY_NOT_ALLOWED', 'Adding content for this request method or response status is not allowed.');
      }
      if (fromEnd) msg._send(null, true, false);
      nextTick(cb);
      return true;
    }
    const len = byteLength(chunk);
    if (strictContentLength(msg) && (fromEnd ? msg._bodyBytes + len !== msg._contentLength : msg._bodyBytes + len > msg._contentLength)) {
      throw contentLengthMismatch(len + msg._bodyBytes, msg._contentLength);
    }
    msg._bodyBytes += len;
    if (fromEnd) {
      msg._send(len === 0 ? null : chunk, true, false);
      return true;
    }
    if (len === 0) {
      if (!msg._headerSent) msg._send(null, false, false);
      nextTick(cb);
      return true;
    }
    const socket = msg.socket;
    let ok = true, wantDrain = false;
    if (socket instanceof Socket) {
      socket._outstanding += len;
      if (socket._outstanding >= HIGH_WATER_MARK) {
        ok = false;
        wantDrain = socket._drainTarget === null;
        socket._drainTarget = msg;
      }
    }
    msg._send(chunk, false, wantDrain);
    if (socket === null) ok = msg.outputSize < msg[kHighWaterMark];
    nextTick(cb);
    return ok;
  }

  const kServerResponseStatistics = Symbol('ServerResponseStatistics');
  class ServerResponse extends OutgoingMessage {
    constructor(req, options) {
      super(options);
      this.req = req;
      this.statusCode = 200;
      this.statusMessage = undefined;
      this.sendDate = true;
      this._seq = 0;
      this._keepAliveTimeout = 0;
      this._sent100 = false;
      if (req.method === 'HEAD') this._hasBody = false;
      if (req.httpVersionMajor === 1 && req.httpVersionMinor === 0) {
        this.useChunkedEncodingByDefault = teChunkedRe.test(req.headers.te || '');
      }
      // Node's node.http trace event of the request, from here to the response's end.
      if (traceOn.http) {
        this._traceEventId = ++traceOn.lastId;
        traceOn.emit('b', 'node,node.http', 'http.server.request', this._traceEventId);
      }
      // Node's 'http' performance entry of a request served: from here to the response's end.
      if (core.perf.hasObserver('http')) {
        core.perf.startPerf(this, kServerResponseStatistics, {
          type: 'http', name: 'HttpRequest', detail: { req: { method: req.method, url: req.url, headers: req.headers } },
        });
      }
    }
    _implicitHeader() { this.writeHead(this.statusCode); }
    writeHead(statusCode, reason, obj) {
      if (this._header !== null) throw headersSentError('write');
      const original = statusCode;
      statusCode |= 0;
      if (statusCode < 100 || statusCode > 999) throw nodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${typeof original === 'object' && original !== null ? inspect(original, { depth: 0 }) : String(original)}`);
      if (typeof reason === 'string') {
        this.statusMessage = reason;
      } else {
        if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
        obj = obj === undefined ? reason : obj;
      }
      this.statusCode = statusCode;
      let headers;
      if (this._out.size > 0) {
        if (obj != null) mergeHeaders(this, obj);
        headers = this._out.values();
      } else {
        headers = [];
        if (Array.isArray(obj)) {
          if (obj.length && Array.isArray(obj[0])) {
            for (const [k, v] of obj) { validateHeaderName(k); validateHeaderValue(k, v); headers.push([k, v]); }
          } else {
            if (obj.length % 2 !== 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'headers' is invalid. Received ${inspect(obj)}`);
            for (let i = 0; i < obj.length; i += 2) { validateHeaderName(obj[i]); validateHeaderValue(obj[i], obj[i + 1]); headers.push([obj[i], obj[i + 1]]); }
          }
        } else if (obj != null) {
          for (const k of Object.keys(obj)) {
            if (obj[k] === undefined) continue;
            validateHeaderName(k);
            validateHeaderValue(k, obj[k]);
            headers.push([k, obj[k]]);
          }
        }
      }
      if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
      const message = String(this.statusMessage);
      if (invalidCharRe.test(message)) throw nodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
      this._storeHeader(`HTTP/1.1 ${statusCode} ${message}\r\n`, headers);
      return this;
    }
    writeContinue(cb) {
      this._writeInformational('HTTP/1.1 100 Continue\r\n\r\n');
      this._sent100 = true;
      if (typeof cb === 'function') nextTick(cb);
    }
    writeProcessing(cb) {
      this._writeInformational('HTTP/1.1 102 Processing\r\n\r\n');
      if (typeof cb === 'function') nextTick(cb);
    }
    // Node's: a 103 with the Link header first (nothing when there is no link), then the rest.
    writeEarlyHints(hints, cb) {
      if (hints === null || typeof hints !== 'object' || Array.isArray(hints)) throw invalidArgType('hints', 'object', hints);
      if (hints.link === null || hints.link === undefined) return;
      const link = linkHeaderValue(hints.link);
      if (link.length === 0) return;
      let head = `HTTP/1.1 103 Early Hints\r\nLink: ${link}\r\n`;
      for (const key of Object.keys(hints)) if (key !== 'link') head += `${key}: ${hints[key]}\r\n`;
      this._writeRaw(head + '\r\n', 'ascii', cb);
    }
    // Bytes straight to the connection, ahead of the response (informational heads).
    _writeRaw(data, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      const socket = this.socket;
      if (socket !== null && socket._nativeClosed) return false;
      if (typeof data === 'string') data = Buffer.from(data, encoding || 'utf8');
      if (socket !== null && !(socket instanceof Socket)) return socket.write(data, cb);
      if (socket !== null) {
        socket._bytesWritten += data.length;
        ops.op_http_write(socket._handleId, this._seq, null, data, 0, null);
      }
      if (typeof cb === 'function') nextTick(cb);
      return true;
    }
    _writeInformational(text) {
      const socket = this.socket;
      if (socket !== null && !(socket instanceof Socket)) { socket.write(text, 'latin1'); return; }
      if (socket !== null && !socket._nativeClosed) {
        socket._bytesWritten += text.length;
        ops.op_http_write(socket._handleId, this._seq, text, null, 0, null);
      }
    }
    assignSocket(socket) {
      if (socket._httpMessage) throw nodeError(Error, 'ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket');
      socket._httpMessage = this;
      this.socket = socket;
      this.emit('socket', socket);
      this._flushOutput();
    }
    // What waited for a socket goes to it now.
    _flushOutput() {
      if (this.socket === null || this.outputData === undefined || this.outputData.length === 0) return;
      const queued = this.outputData;
      this.outputData = [];
      this.outputSize = 0;
      for (const { body, end, wantDrain } of queued) this._send(body, end, wantDrain);
    }
    detachSocket(socket) {
      if (socket && socket._httpMessage === this) socket._httpMessage = null;
      this.socket = null;
    }
    _onFinish() {
      if (this._finishedEmitted) return;
      this._finishedEmitted = true;
      if (traceOn.http && typeof this._traceEventId === 'number') {
        traceOn.emit('e', 'node,node.http', 'http.server.request', this._traceEventId, { data: { url: this.req?.url, statusCode: this.statusCode } });
      }
      if (this[kServerResponseStatistics] && core.perf.hasObserver('http')) {
        core.perf.stopPerf(this, kServerResponseStatistics, {
          detail: { res: { statusCode: this.statusCode, statusMessage: this.statusMessage, headers: this.getHeaders() } },
        });
      }
      this.emit('prefinish');
      // Node's diagnostics channel of finished responses (its first 'finish' listener).
      const finishChannel = requireBuiltin('diagnostics_channel').channel('http.server.response.finish');
      if (finishChannel.hasSubscribers) {
        finishChannel.publish({ request: this.req, response: this, socket: this.socket, server: responseServers.get(this) });
      }
      this.emit('finish');
      const req = this.req;
      // As Node: a body nobody read is drained, so the request still ends and closes.
      if (typeof req._dump === 'function' && !req._consuming && !req._readableState.resumeScheduled) req._dump();
      const socket = this.socket;
      if (socket instanceof Socket) {
        const entry = socket._pending.get(this._seq);
        if (entry !== undefined && req.complete) socket._pending.delete(this._seq);
      }
      emitResponseClose(this);
    }
  }

  // The server each response is of (for the diagnostics channel).
  const responseServers = new WeakMap();
  // 'close' once, whether the response finished or its connection went first.
  function emitResponseClose(res) {
    if (res._closeQueued) return;
    res._closeQueued = true;
    // Node's emitCloseNT: a closed response is destroyed, so later writes fail quietly.
    nextTick(() => { res.destroyed = true; res._closed = true; res.emit('close'); });
  }

  // Node's validateLinkHeaderValue: one or more `<url>; param=value` links.
  const linkValueRe = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
  const linkFormatError = (hints) => nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The argument 'hints' must be an array or string of format "</styles.css>; rel=preload; as=style". Received ${inspect(hints)}`);
  function linkHeaderValue(hints) {
    const check = (v) => { if (typeof v === 'undefined' || !linkValueRe.test(v)) throw linkFormatError(v); };
    if (typeof hints === 'string') { check(hints); return hints; }
    if (Array.isArray(hints)) { hints.forEach(check); return hints.join(', '); }
    throw linkFormatError(hints);
  }

  function mergeHeaders(res, obj) {
    if (Array.isArray(obj)) {
      if (obj.length && Array.isArray(obj[0])) {
        for (const [k, v] of obj) res.appendHeader(k, v);
      } else {
        if (obj.length % 2 !== 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'headers' is invalid. Received ${inspect(obj)}`);
        // They replace headers set before, yet may repeat among themselves.
        for (let i = 0; i < obj.length; i += 2) res.removeHeader(obj[i]);
        for (let i = 0; i < obj.length; i += 2) res.appendHeader(obj[i], obj[i + 1]);
      }
    } else {
      for (const k of Object.keys(obj)) if (obj[k] !== undefined) res.setHeader(k, obj[k]);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Listening, shared by http.Server and fe.serve.
  function validatePort(port, name) {
    const ok = (typeof port === 'number' || (typeof port === 'string' && port.trim() !== '')) && +port >= 0 && +port <= 0xffff && +port === Math.floor(+port);
    if (!ok) {
      const shown = typeof port === 'string' ? `'${port}'` : inspect(port);
      throw nodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be >= 0 and < 65536. Received type ${typeof port} (${shown}).`);
    }
    return +port;
  }
  function listenError([code, text, errno], address, port) {
    const e = new Error(`listen ${code}: ${text} ${address}:${port}`);
    Object.assign(e, { code, errno, syscall: 'listen', address, port });
    return e;
  }
  // A server's limits as HTTPHub.Settings takes them: milliseconds (0: none), maxConnections
  // (-1: none), and whether a full server closes its idle longest connection to admit a new one.
  const ms = (v) => (typeof v === 'number' && v > 0 ? Math.min(Math.floor(v), 0x7fffffff) : 0);
  function settingsOf(s) {
    const cap = typeof s.maxConnections === 'number' && s.maxConnections >= 0 && s.maxConnections < 0x7fffffff ? Math.floor(s.maxConnections) : -1;
    return [ms(s.keepAliveTimeout), ms(s.headersTimeout), ms(s.requestTimeout), cap, s.evictIdleConnections ? 1 : 0, ms(s.timeout)];
  }
  const defaultSettings = settingsOf({ keepAliveTimeout: 5000, headersTimeout: 60000, requestTimeout: 300000 });

  // Binds like Node: without a host, on '::' (both IPv6 and IPv4), or 0.0.0.0 without IPv6.
  // Returns [id, address, family, port] or throws the Node-style error.
  function bind(host, port, backlog, settings) {
    let r = ops.op_http_listen(host === undefined ? '::' : host, port, backlog, ...settings);
    if (r.error && host === undefined && r.error[0] !== 'EADDRINUSE' && r.error[0] !== 'EACCES') {
      r = ops.op_http_listen('0.0.0.0', port, backlog, ...settings);
      if (r.error) throw listenError(r.error, '0.0.0.0', port);
    }
    if (r.error) throw listenError(r.error, host === undefined ? '::' : host, port);
    return r;
  }

  // Node's limits on a server's connections, and fe's eviction policy; set after listen() they
  // apply to what happens next. evictIdleConnections (fe's own): at maxConnections, close the
  // connection that has been idle longest (no request in progress) instead of dropping the new.
  const limitNames = ['keepAliveTimeout', 'headersTimeout', 'requestTimeout', 'maxConnections', 'evictIdleConnections', 'timeout'];
  const serverLimits = {};
  for (const name of limitNames) {
    serverLimits[name] = {
      configurable: true,
      enumerable: true,
      get() { return this._limits[name]; },
      set(v) {
        this._limits[name] = v;
        if (this._id !== undefined) ops.op_http_configure(this._id, ...settingsOf(this._limits));
      },
    };
  }

  // A function, as Node's: `http.Server(handler)` without `new` and `Server.call(this)` from an
  // old-style subclass both work.
  function Server(options, requestListener) {
    if (!(this instanceof Server)) return new Server(options, requestListener);
    EventEmitter.call(this);
    this._limits = { keepAliveTimeout: 5000, headersTimeout: 60000, requestTimeout: 300000, maxConnections: undefined, evictIdleConnections: false, timeout: 0 };
    this._id = undefined;
    if (typeof options === 'function') { requestListener = options; options = {}; }
    else if (options == null) options = {};
    else if (typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    if (requestListener) this.on('request', requestListener);
    this.timeout = 0;
    this.maxHeadersCount = null;
    this.maxRequestsPerSocket = 0;
    // Node 18's storeHTTPOptions: checked the same way, with the same defaults.
    this._IncomingMessage = options.IncomingMessage || IncomingMessage;
    this._ServerResponse = options.ServerResponse || ServerResponse;
    if (options.highWaterMark !== undefined) validateInteger(options.highWaterMark, 'highWaterMark', 0);
    this.highWaterMark = options.highWaterMark !== undefined ? options.highWaterMark : LegacyStream.getDefaultHighWaterMark();
    if (options.maxHeaderSize !== undefined) validateInteger(options.maxHeaderSize, 'maxHeaderSize', 0);
    this.maxHeaderSize = options.maxHeaderSize;
    if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
    this.insecureHTTPParser = options.insecureHTTPParser;
    if (options.requestTimeout !== undefined) validateInteger(options.requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = options.requestTimeout !== undefined ? options.requestTimeout : 300000;
    if (options.headersTimeout !== undefined) validateInteger(options.headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = options.headersTimeout !== undefined ? options.headersTimeout : Math.min(60000, this.requestTimeout);
    if (this.requestTimeout > 0 && this.headersTimeout > 0 && this.headersTimeout > this.requestTimeout) {
      throw outOfRange('headersTimeout', '<= requestTimeout', options.headersTimeout);
    }
    if (options.keepAliveTimeout !== undefined) validateInteger(options.keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = options.keepAliveTimeout !== undefined ? options.keepAliveTimeout : 5000;
    if (options.connectionsCheckingInterval !== undefined) validateInteger(options.connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = options.connectionsCheckingInterval !== undefined ? options.connectionsCheckingInterval : 30000;
    if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
    this.joinDuplicateHeaders = options.joinDuplicateHeaders;
    if (options.rejectNonStandardBodyWrites !== undefined) validateBoolean(options.rejectNonStandardBodyWrites, 'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites !== undefined ? options.rejectNonStandardBodyWrites : false;
    // Node 20's option; Node 18 serves HTTP/1.1 requests without Host, so that is the default.
    this.requireHostHeader = options.requireHostHeader === true;
    // net.Server's socket options as Node's http.Server sets them (NIO's connections have
    // TCP_NODELAY on: the default).
    this.noDelay = Boolean(options.noDelay === undefined ? true : options.noDelay);
    this.keepAlive = Boolean(options.keepAlive);
    this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
    // The native server listening now, and every native server not yet closed (a closed one
    // drains its connections while the server may listen again, as Node's handle is dropped at
    // close()).
    this._id = undefined;
    this._native = new Set();
    this._address = null;
    this._refed = true;
    this._connections = new Set();
    // As Node's: the server serves what its 'connection' event gives (fe's own connections are
    // served natively; any other Duplex in JS).
    this.on('connection', connectionListener);
  }
  Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Server, EventEmitter);
  const { constructor: _serverClass, ...serverMethods } = Object.getOwnPropertyDescriptors(class {
    get listening() { return this._id !== undefined || (this._netServer != null && this._netServer.listening); }
    listen(...args) {
      let cb;
      if (typeof args[args.length - 1] === 'function') cb = args.pop();
      let port, host, backlog, path, fd;
      const first = args[0];
      // As Node's net: a string that is not a number is a Unix socket path.
      const isPipeName = (v) => typeof v === 'string' && !(Number(v) >= 0);
      if (first !== null && typeof first === 'object') {
        ({ port, host, backlog, path } = first);
        // listen({ fd }): a socket this process already has (inherited, socket activation).
        if (typeof first.fd === 'number' && first.fd >= 0) fd = first.fd;
        if (typeof args[1] === 'number') backlog = args[1];
      } else if (isPipeName(first)) {
        path = first;
        backlog = args[1];
      } else {
        port = first;
        if (typeof args[1] === 'number') backlog = args[1];
        else { host = args[1] == null ? undefined : args[1]; backlog = args[2]; }
      }
      if (path !== undefined && typeof path !== 'string') throw invalidArgType('options.path', 'of type string', path);
      if (path === undefined && fd === undefined) port = port == null ? 0 : validatePort(port, 'options.port');
      if (this._id !== undefined || this._netServer != null) throw nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
      if (cb) this.once('listening', cb);
      // Node's listenInCluster: a cluster worker's server (unless exclusive) listens through the
      // primary, which hands it connections (round-robin) or its listening socket (shared);
      // net's listen does that, and the connections are served here as any Duplex is.
      // So does a server whose parser must differ from the native server's (llhttp's strict
      // parser with Node's default 16 KiB header limit): another maxHeaderSize (the option or
      // --max-http-header-size), or a lenient parser (insecureHTTPParser, --insecure-http-parser).
      const exclusive = first !== null && typeof first === 'object' && Boolean(first.exclusive);
      if (fd === undefined && ((!exclusive && requireBuiltin('cluster').isWorker) || needsJSParser(this))) {
        const ipv6Only = first !== null && typeof first === 'object' && Boolean(first.ipv6Only);
        listenInCluster(this, path !== undefined ? { path, backlog } : { port, host, backlog, ipv6Only });
        return this;
      }
      let r;
      try {
        if (fd !== undefined) {
          r = ops.op_http_listen(fd, 0, typeof backlog === 'number' ? backlog : 511, ...settingsOf(this._limits));
          if (r.error) throw Object.assign(new Error(`listen ${r.error[0]}: ${r.error[1]}`), { code: r.error[0], errno: r.error[2], syscall: 'listen' });
        } else if (path !== undefined) {
          r = ops.op_http_listen(path, -1, typeof backlog === 'number' ? backlog : 511, ...settingsOf(this._limits));
          if (r.error) throw Object.assign(new Error(`listen ${r.error[0]}: ${r.error[1]} ${path}`), { code: r.error[0], errno: r.error[2], syscall: 'listen', address: path, port: -1 });
        } else {
          r = bind(host, port, typeof backlog === 'number' ? backlog : 511, settingsOf(this._limits));
        }
      } catch (e) {
        nextTick(() => this.emit('error', e));
        return this;
      }
      const [id, address, family, boundPort] = r;
      this._id = id;
      this._native.add(id);
      this._address = path !== undefined ? path : family === 'pipe' ? null : { address, family, port: boundPort };
      if (path !== undefined) (this._paths || (this._paths = new Map())).set(id, path);
      servers.set(id, this);
      if (!this._refed) ops.op_http_ref(id, false);
      nextTick(() => this.emit('listening'));
      return this;
    }
    address() {
      if (this._netServer != null) return this._netServer.address();
      if (this._id === undefined) return null;
      return typeof this._address === 'string' || this._address === null ? this._address : { ...this._address };
    }
    close(cb) {
      if (typeof cb === 'function') {
        if (!this.listening) this.once('close', () => cb(nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
        else this.once('close', cb);
      }
      if (this._netServer != null) {
        // As Node's httpServerPreClose: connections without a request in progress end now.
        this.closeIdleConnections();
        this._netServer.close();
      } else if (this._id !== undefined) {
        ops.op_http_close(this._id);
        this._id = undefined;
      } else if (this._native.size === 0) {
        nextTick(() => this.emit('close'));
      }
      return this;
    }
    closeAllConnections() {
      for (const id of this._native) ops.op_http_close_connections(id, false);
      for (const socket of this._connections) if (!(socket instanceof Socket)) socket.destroy();
    }
    closeIdleConnections() {
      for (const id of this._native) ops.op_http_close_connections(id, true);
      for (const socket of this._connections) {
        const state = streamStates.get(socket);
        if (state !== undefined && state.incoming.length === 0 && !socket._httpMessage) socket.destroy();
      }
    }
    ref() {
      this._refed = true;
      for (const id of this._native) ops.op_http_ref(id, true);
      if (this._netServer != null) this._netServer.ref();
      return this;
    }
    unref() {
      this._refed = false;
      for (const id of this._native) ops.op_http_ref(id, false);
      if (this._netServer != null) this._netServer.unref();
      return this;
    }
    setTimeout(ms, cb) { this.timeout = ms; if (cb) this.on('timeout', cb); return this; }
    getConnections(cb) { const n = this._connections.size; nextTick(() => cb(null, n)); return this; }
    [Symbol.asyncDispose]() { return new Promise((resolve) => this.close(() => resolve())); }
    // events.captureRejections: a rejected 'request' listener answers 500 (without the headers
    // set so far) or, once the response has begun, destroys it; as net.Server otherwise.
    [Symbol.for('nodejs.rejection')](err, event, ...args) {
      if (event === 'request') {
        const res = args[1];
        if (!res.headersSent && !res.writableEnded) {
          for (const name of res.getHeaderNames()) res.removeHeader(name);
          res.statusCode = 500;
          res.end(STATUS_CODES[500]);
        } else {
          res.destroy();
        }
      } else if (event === 'connection') {
        args[0].destroy(err);
      } else {
        this.emit('error', err);
      }
    }

    // For https (37-https.js): serve connections handed over one by one (`op_https_adopt`)
    // instead of listening. The server does not keep the process alive: its connections' TLS
    // sockets do.
    _attach() {
      const id = ops.op_https_attach(...settingsOf(this._limits));
      if (id === null) throw nodeError(Error, 'ERR_FE_HTTPS', 'fe could not start the HTTP side of an https server');
      this._id = id;
      this._native.add(id);
      this._address = null;
      servers.set(id, this);
      ops.op_http_ref(id, false);
      return id;
    }
    _onConnection(socket) {
      this._connections.add(socket);
      this.emit('connection', socket);
    }
    _onClosed(id) {
      // libuv removes the socket file of a pipe server it bound; NIO leaves it.
      const path = this._paths && this._paths.get(id);
      if (path !== undefined) { this._paths.delete(id); try { fs.unlinkSync(path); } catch {} }
      servers.delete(id);
      this._native.delete(id);
      if (this._id === id) this._id = undefined;
      // As Node's _emitCloseIfDrained: not while the server listens again.
      if (this._id === undefined) this.emit('close');
    }
    _onRequest(socket, seq, method, url, major, minor, raw, keepAlive, upgrade) {
      // Node keeps the first maxHeadersCount headers (2000 when null; 0: all of them).
      const maxHeaders = this.maxHeadersCount == null ? 2000 : this.maxHeadersCount;
      if (maxHeaders > 0 && raw.length > maxHeaders * 2) raw = raw.slice(0, maxHeaders * 2);
      const req = new this._IncomingMessage(socket);
      req.joinDuplicateHeaders = Boolean(this.joinDuplicateHeaders);
      req.method = method;
      req.url = url;
      req.httpVersionMajor = major;
      req.httpVersionMinor = minor;
      req.httpVersion = `${major}.${minor}`;
      req.rawHeaders = raw;
      req.upgrade = upgrade;
      const res = new this._ServerResponse(req, { highWaterMark: socket.writableHighWaterMark, rejectNonStandardBodyWrites: this.rejectNonStandardBodyWrites });
      res.socket = socket;
      res._seq = seq;
      res.shouldKeepAlive = keepAlive;
      res._keepAliveTimeout = this.keepAliveTimeout;
      res._rejectNonStandardBodyWrites = this.rejectNonStandardBodyWrites;
      res._maxRequestsPerSocket = this.maxRequestsPerSocket;
      socket._pending.set(seq, { req, res });
      responseServers.set(res, this);
      if (upgrade || method === 'CONNECT') {
        const event = method === 'CONNECT' ? 'connect' : 'upgrade';
        if (this.listenerCount(event) > 0) {
          socket._upgraded = true;
          // The connection is the listener's now: no parser reads it any more (Node frees it).
          socket.parser = null;
          socket._pending.get(seq).upgraded = true;
          this.emit(event, req, socket, Buffer.alloc(0));
          return;
        }
        if (method === 'CONNECT') { socket.destroy(); return; }
        // The parser has stepped aside after this request: the connection ends with its response.
        res.shouldKeepAlive = false;
      }
      // Node's diagnostics channel of server requests.
      const startChannel = requireBuiltin('diagnostics_channel').channel('http.server.request.start');
      if (startChannel.hasSubscribers) startChannel.publish({ request: req, response: res, socket, server: this });
      if (major === 1 && minor === 1 && this.requireHostHeader && req.headers.host === undefined) {
        res.writeHead(400, ['Connection', 'close']);
        res.end();
        return;
      }
      // Node's maxRequestsPerSocket (HTTP/1.1): the last allowed response says Connection: close,
      // and requests beyond it get 503.
      const limited = major === 1 && minor === 1 && typeof this.maxRequestsPerSocket === 'number' && this.maxRequestsPerSocket > 0;
      if (limited) {
        socket._requestsCount = (socket._requestsCount || 0) + 1;
        res.maxRequestsOnConnectionReached = this.maxRequestsPerSocket <= socket._requestsCount;
        if (this.maxRequestsPerSocket < socket._requestsCount) {
          this.emit('dropRequest', req, socket);
          res.writeHead(503);
          res.end();
          return;
        }
      }
      if (major === 1 && minor === 1 && req.headers.expect !== undefined) {
        if (major === 1 && minor === 1 && /^100-continue$/i.test(req.headers.expect)) {
          if (this.listenerCount('checkContinue') > 0) { this.emit('checkContinue', req, res); return; }
          res.writeContinue();
        } else if (this.listenerCount('checkExpectation') > 0) {
          this.emit('checkExpectation', req, res);
          return;
        } else {
          res.writeHead(417);
          res.end();
          return;
        }
      }
      this.emit('request', req, res);
    }
    _onData(entry, bytes) { entry.req.push(asBuffer(bytes)); }
    _onEnd(socket, seq, entry) {
      entry.req.complete = true;
      entry.req.push(null);
      if (entry.res.finished || entry.upgraded) socket._pending.delete(seq);
    }
    _onAbort(entry) {
      const { req, res } = entry;
      // Node's abortIncoming: every request whose response had not finished (its _destroy says
      // 'aborted' unless the request was read to its end).
      req.destroy(connReset('aborted'));
      if (!res.finished) {
        res.destroyed = true;
        emitResponseClose(res);
      }
    }
    // `code` is llhttp's name for the fault (HTTPConnection.llhttpCode).
    _onClientError(socket, status, code) {
      if (this.listenerCount('clientError') === 0) return;
      let e;
      if (status === 408) {
        e = nodeError(Error, 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout');
      } else {
        e = new Error(status === 431 ? 'Header overflow' : 'Parse Error');
        e.code = code;
      }
      this.emit('clientError', e, socket);
    }
    _onDrop(remote, local) {
      this.emit('drop', { localAddress: local[0], localPort: local[1], localFamily: local[2], remoteAddress: remote[0], remotePort: remote[1], remoteFamily: remote[2] });
    }
  }.prototype);
  Object.defineProperties(Server.prototype, serverMethods);
  Object.defineProperties(Server.prototype, serverLimits);

  function needsJSParser(server) {
    const common = requireBuiltin('_http_common');
    const limit = server.maxHeaderSize || requireBuiltin('http').maxHeaderSize;
    const lenient = server.insecureHTTPParser === undefined ? common.isLenient() : server.insecureHTTPParser;
    return limit !== 16 * 1024 || lenient;
  }
  // A cluster worker's server, or one needsJSParser: a net server (whose listen asks the primary
  // in a worker) gives it its connections, served by connectionListener below; its events are
  // the http server's.
  function listenInCluster(server, options) {
    const inner = requireBuiltin('net').createServer({
      allowHalfOpen: true, noDelay: server.noDelay, keepAlive: server.keepAlive,
      keepAliveInitialDelay: server.keepAliveInitialDelay * 1000,
    });
    server._netServer = inner;
    inner.on('connection', (socket) => {
      if (server.maxConnections != null) inner.maxConnections = server.maxConnections;
      server._connections.add(socket);
      socket.once('close', () => server._connections.delete(socket));
      server.emit('connection', socket);
    });
    inner.on('listening', () => server.emit('listening'));
    inner.on('error', (e) => {
      if (server._netServer === inner) server._netServer = null;
      server.emit('error', e);
    });
    inner.on('close', () => {
      if (server._netServer !== inner) return;
      server._netServer = null;
      server.emit('close');
    });
    if (!server._refed) inner.unref();
    inner.listen(options);
  }

  // Node's connectionListenerInternal for a connection that is not fe's own (a Duplex a caller
  // gives to server.emit('connection')): its requests parsed here by Node's HTTPParser
  // (35-http_client.js), its responses written to it one at a time, in request order.
  // The requests and responses in progress on each connection connectionListener serves.
  const streamStates = new WeakMap();
  function connectionListener(socket) {
    if (socket instanceof Socket || socket === null || typeof socket !== 'object' || typeof socket.on !== 'function') return;
    const server = this;
    const common = requireBuiltin('_http_common');
    const { HTTPParser } = common;
    const parser = common.parsers.alloc();
    const lenient = server.insecureHTTPParser === undefined ? common.isLenient() : server.insecureHTTPParser;
    parser.initialize(HTTPParser.REQUEST, null, server.maxHeaderSize || 0, lenient ? HTTPParser.kLenientAll : HTTPParser.kLenientNone);
    parser.socket = socket;
    socket.parser = parser;
    socket.server = server;
    if (typeof server.maxHeadersCount === 'number') parser.maxHeaderPairs = server.maxHeadersCount << 1;
    const state = { incoming: [], outgoing: [] };
    streamStates.set(socket, state);
    parser.onIncoming = (req, keepAlive) => streamOnIncoming(server, socket, state, req, keepAlive);
    let unhook = () => {
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('close', onClose);
    };
    const onData = (d) => {
      const bytes = typeof d === 'string' ? Buffer.from(d) : d;
      const ret = parser.execute(bytes);
      if (ret instanceof Error) {
        // As Node's: the connection stays with the failed parser (which fails again on more
        // bytes) until socketOnError or the 'clientError' listener ends it.
        common.prepareError(ret, parser, bytes);
        socketOnError.call(socket, ret);
      } else if (parser.incoming && parser.incoming.upgrade) {
        // Upgrade or CONNECT: the stream is the listener's, with what followed the head.
        const req = parser.incoming;
        unhook();
        common.freeParser(parser, null, socket);
        const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
        if (server.listenerCount(event) > 0) server.emit(event, req, socket, Buffer.from(bytes.subarray(ret)));
        else socket.destroy();
      }
    };
    const onEnd = () => {
      if (socket.parser) {
        const ret = socket.parser.finish();
        if (ret instanceof Error) { socketOnError.call(socket, ret); return; }
      }
      if (!server.httpAllowHalfOpen) {
        if (socket.writable) socket.end();
      } else if (state.outgoing.length) {
        state.outgoing[state.outgoing.length - 1]._last = true;
      } else if (socket._httpMessage) {
        socket._httpMessage._last = true;
      } else if (socket.writable) {
        socket.end();
      }
    };
    const onClose = () => {
      unhook();
      if (socket.parser) common.freeParser(socket.parser, null, socket);
      // Node's abortIncoming: requests still in progress are aborted.
      for (const req of state.incoming.splice(0)) req.destroy(connReset('aborted'));
    };
    const onTimeout = () => streamOnTimeout(server, socket);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onClose);
    socket.on('error', socketOnError);
    // Node's: the server's timeout, and 'timeout' to whoever listens (or the socket closes).
    if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
    socket.on('timeout', onTimeout);
    const unhookAll = unhook;
    unhook = () => { unhookAll(); socket.removeListener('timeout', onTimeout); };
    if (typeof socket.resume === 'function') socket.resume();
  }
  // Node's socketOnTimeout.
  function streamOnTimeout(server, socket) {
    const req = socket.parser && socket.parser.incoming;
    const reqTimeout = req && !req.complete && req.emit('timeout', socket);
    const res = socket._httpMessage;
    const resTimeout = res && res.emit('timeout', socket);
    const serverTimeout = server.emit('timeout', socket);
    if (!reqTimeout && !resTimeout && !serverTimeout) socket.destroy();
  }

  function streamOnIncoming(server, socket, state, req, keepAlive) {
    state.incoming.push(req);
    // Node's: a request on a kept-alive connection ends its keepAliveTimeout.
    if (state.keepAliveTimeoutSet) {
      socket.setTimeout(0);
      state.keepAliveTimeoutSet = false;
    }
    if (req.upgrade) {
      req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
      if (req.upgrade) return 2;
    }
    const res = new server._ServerResponse(req, { highWaterMark: socket.writableHighWaterMark, rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites });
    res.shouldKeepAlive = keepAlive;
    res._keepAliveTimeout = server.keepAliveTimeout;
    res._maxRequestsPerSocket = server.maxRequestsPerSocket;
    if (socket._httpMessage) state.outgoing.push(res);
    else res.assignSocket(socket);
    res.on('finish', () => {
      const i = state.incoming.indexOf(req);
      if (i >= 0) state.incoming.splice(i, 1);
      res.detachSocket(socket);
      if (res._last) {
        if (typeof socket.destroySoon === 'function') socket.destroySoon();
        else socket.end();
      } else if (state.outgoing.length > 0) {
        state.outgoing.shift().assignSocket(socket);
      } else if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
        // Node's: an idle kept-alive connection closes after keepAliveTimeout.
        socket.setTimeout(server.keepAliveTimeout);
        state.keepAliveTimeoutSet = true;
      }
    });
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.expect !== undefined) {
      if (/^100-continue$/i.test(req.headers.expect)) {
        if (server.listenerCount('checkContinue') > 0) { server.emit('checkContinue', req, res); return 0; }
        res.writeContinue();
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
        return 0;
      } else {
        res.writeHead(417);
        res.end();
        return 0;
      }
    }
    server.emit('request', req, res);
    return 0;
  }

  // -------------------------------------------------------------------------------------------
  // fe.serve(options, handler): Deno's serve. The handler gets a web Request and returns a
  // Response (or a promise of one); a body known up front goes out in one write with its length,
  // a streamed one chunk by chunk as it comes (server-sent events), flushed per chunk.
  const nullBodyStatus = (status) => status === 204 || status === 304 || (status >= 100 && status < 200);
  const emptyBody = new Uint8Array(0);
  class ServeHandle {
    constructor(handler, options, id, address, port) {
      this._handler = handler;
      this._onError = typeof options.onError === 'function' ? options.onError : null;
      this._id = id;
      this._defaultHost = `${address.includes(':') ? `[${address}]` : address}:${port}`;
      this.addr = { transport: 'tcp', hostname: address, port };
      this._closing = false;
      let resolve;
      this.finished = new Promise((r) => { resolve = r; });
      this._resolveFinished = resolve;
    }
    shutdown() {
      if (!this._closing) { this._closing = true; ops.op_http_close(this._id); }
      return this.finished;
    }
    ref() { ops.op_http_ref(this._id, true); }
    unref() { ops.op_http_ref(this._id, false); }
    [Symbol.asyncDispose]() { return this.shutdown(); }
    _onConnection() {}
    _onClosed() {
      // libuv removes the socket file of a pipe server it bound; NIO leaves it.
      if (typeof this._address === 'string') { try { fs.unlinkSync(this._address); } catch {} }
      servers.delete(this._id);
      this._resolveFinished();
    }
    _onRequest(socket, seq, method, url, major, minor, raw, keepAlive, upgrade) {
      const entry = { socket, seq, method, minor, keepAlive: keepAlive && !upgrade, controller: null, ac: new AbortController(), reader: null, done: false, complete: false };
      socket._pending.set(seq, entry);
      let host = '';
      const headers = [];
      for (let i = 0; i < raw.length; i += 2) {
        if (host === '' && raw[i].length === 4 && raw[i].toLowerCase() === 'host') host = raw[i + 1];
        headers.push([raw[i], raw[i + 1]]);
      }
      let body = null;
      if (method !== 'GET' && method !== 'HEAD') body = new ReadableStream({ start: (c) => { entry.controller = c; } });
      let request;
      try {
        const target = /^https?:\/\//i.test(url) ? url : `http://${host || this._defaultHost}${url}`;
        request = new Request(target, { method, headers, body, duplex: 'half', signal: entry.ac.signal });
      } catch (e) {
        this._send(entry, new Response('Bad Request', { status: 400 }));
        return;
      }
      const info = { remoteAddr: { transport: 'tcp', hostname: socket.remoteAddress, port: socket.remotePort } };
      let result;
      try {
        result = this._handler(request, info);
      } catch (e) {
        this._fail(entry, e);
        return;
      }
      if (result instanceof Response) this._send(entry, result);
      else Promise.resolve(result).then((r) => this._send(entry, r), (e) => this._fail(entry, e)).catch(fatal);
    }
    // As Deno: a handler that throws is reported and answered with a 500 (or onError's response).
    _fail(entry, error) {
      if (this._onError !== null) {
        Promise.resolve().then(() => this._onError(error)).then((r) => this._send(entry, r, true), (e) => this._fail500(entry, e));
        return;
      }
      this._fail500(entry, error);
    }
    _fail500(entry, error) {
      console.error(error);
      this._send(entry, new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain;charset=UTF-8' } }), true);
    }
    _send(entry, response, isErrorResponse = false) {
      const { socket, seq } = entry;
      if (socket._nativeClosed || entry.done) return;
      if (!(response instanceof Response)) {
        if (isErrorResponse) { socket.destroy(); return; }
        this._fail(entry, new TypeError('Return value from serve handler must be a response or a promise resolving to a response'));
        return;
      }
      const parts = core.responseParts(response);
      const status = parts.status;
      let head = `HTTP/1.1 ${status} ${parts.statusText || STATUS_CODES[status] || ''}\r\n`;
      let hasDate = false, hasLength = false, close = !entry.keepAlive, hasConnection = false;
      for (const [name, value] of parts.headers) {
        if (name === 'set-cookie') continue;
        if (name === 'date') hasDate = true;
        else if (name === 'content-length') hasLength = true;
        else if (name === 'transfer-encoding') continue; // the framing is fe's to choose
        else if (name === 'connection') { hasConnection = true; if (connCloseRe.test(value)) close = true; }
        head += `${name}: ${value}\r\n`;
      }
      for (const cookie of parts.headers.getSetCookie()) head += `set-cookie: ${cookie}\r\n`;
      if (!hasDate) head += `date: ${utcDate()}\r\n`;
      const noBody = nullBodyStatus(status) || entry.method === 'HEAD';
      const id = socket._handleId;
      entry.done = true;
      if (parts.stream === null) {
        const bytes = parts.source || emptyBody;
        if (!hasLength && !nullBodyStatus(status)) head += `content-length: ${bytes.byteLength}\r\n`;
        if (!hasConnection) head += close ? 'connection: close\r\n' : entry.minor === 0 ? 'connection: keep-alive\r\n' : '';
        ops.op_http_write(id, seq, head + '\r\n', noBody ? null : bytes, END | (close ? CLOSE : 0), null);
        this._finished(entry);
        return;
      }
      if (noBody) {
        parts.stream.cancel().catch(nop);
        if (!hasConnection && close) head += 'connection: close\r\n';
        ops.op_http_write(id, seq, head + '\r\n', null, END | (close ? CLOSE : 0), null);
        this._finished(entry);
        return;
      }
      // HTTP/1.0 has no chunked framing: the body ends when the connection does.
      const chunked = !hasLength && entry.minor >= 1;
      if (!hasLength && !chunked) close = true;
      if (chunked) head += 'transfer-encoding: chunked\r\n';
      if (!hasConnection) head += close ? 'connection: close\r\n' : entry.minor === 0 ? 'connection: keep-alive\r\n' : '';
      const framing = chunked ? CHUNKED : 0;
      ops.op_http_write(id, seq, head + '\r\n', null, framing, null);
      const reader = parts.stream.getReader();
      entry.reader = reader;
      const pump = () => {
        if (socket._nativeClosed) return;
        reader.read().then(({ value, done }) => {
          if (socket._nativeClosed) return;
          if (done) {
            ops.op_http_write(id, seq, null, null, END | framing | (close ? CLOSE : 0), chunked ? '0\r\n\r\n' : null);
            this._finished(entry);
            return;
          }
          if (!(value instanceof Uint8Array)) throw new TypeError('fe.serve: a streamed response body must yield Uint8Array chunks');
          socket._outstanding += value.byteLength;
          if (socket._outstanding >= HIGH_WATER_MARK && socket._drainTarget === null) {
            socket._drainTarget = pump;
            ops.op_http_write(id, seq, null, value, framing | WANT_DRAIN, null);
          } else {
            ops.op_http_write(id, seq, null, value, framing, null);
            pump();
          }
        }).catch((e) => {
          console.error(e);
          socket.destroy();
        });
      };
      pump();
    }
    _finished(entry) {
      if (entry.complete) entry.socket._pending.delete(entry.seq);
    }
    _onData(entry, bytes) {
      if (entry.controller !== null) { try { entry.controller.enqueue(bytes); } catch { /* body cancelled */ } }
    }
    _onEnd(socket, seq, entry) {
      entry.complete = true;
      if (entry.controller !== null) { try { entry.controller.close(); } catch { /* body cancelled */ } }
      if (entry.done) socket._pending.delete(seq);
    }
    _onAbort(entry) {
      entry.ac.abort();
      if (entry.controller !== null && !entry.complete) { try { entry.controller.error(connReset('aborted')); } catch { /* already closed */ } }
      if (entry.reader !== null) entry.reader.cancel().catch(nop);
    }
  }

  function serve(options, handler) {
    if (typeof options === 'function') {
      const h = options;
      options = handler != null && typeof handler === 'object' ? handler : {};
      handler = h;
    }
    options = options == null ? {} : options;
    if (handler === undefined) handler = options.handler;
    if (typeof handler !== 'function') throw new TypeError('fe.serve(options, handler): handler must be a function taking a Request and returning a Response');
    const port = options.port === undefined ? 8000 : validatePort(options.port, 'options.port');
    const hostname = options.hostname === undefined ? '0.0.0.0' : String(options.hostname);
    const [id, address, , boundPort] = bind(hostname, port, 511, defaultSettings);
    const handle = new ServeHandle(handler, options, id, address, boundPort);
    servers.set(id, handle);
    if (options.signal) {
      if (options.signal.aborted) handle.shutdown();
      else options.signal.addEventListener('abort', () => handle.shutdown(), { once: true });
    }
    if (typeof options.onListen === 'function') options.onListen(handle.addr);
    else console.log(`Listening on http://${address.includes(':') ? `[${address}]` : address}:${boundPort}/`);
    return handle;
  }

  // -------------------------------------------------------------------------------------------
  // Events from HTTPHub.swift: a flat list, each event a kind and its fields.
  core.onHttp = (list) => {
    let i = 0;
    while (i < list.length) {
      const kind = list[i];
      try {
        switch (kind) {
          case 0: { // connection: server, conn, remote (address, port, family), local (same)
            const server = servers.get(list[i + 1]);
            const socket = new Socket(server, list[i + 2], [list[i + 3], list[i + 4], list[i + 5]], [list[i + 6], list[i + 7], list[i + 8]]);
            i += 9;
            connections.set(socket._handleId, socket);
            if (server !== undefined) server._onConnection(socket);
            break;
          }
          case 1: { // request: conn, seq, method, url, major, minor, raw headers, keep-alive, upgrade
            const socket = connections.get(list[i + 1]);
            const args = list.slice(i + 2, i + 10);
            i += 10;
            // A connection destroyed in JS is gone for Node at once; NIO may still have read more.
            if (socket !== undefined && socket.server !== undefined && !socket.destroyed) {
              socket._active();
              socket.server._onRequest(socket, ...args);
            }
            break;
          }
          case 2: { // data: conn, seq, bytes
            const socket = connections.get(list[i + 1]);
            const entry = socket && socket._pending.get(list[i + 2]);
            const bytes = list[i + 3];
            i += 4;
            if (entry !== undefined && !socket.destroyed) {
              socket._active();
              socket.server._onData(entry, bytes);
            }
            break;
          }
          case 3: { // end: conn, seq
            const socket = connections.get(list[i + 1]);
            const seq = list[i + 2];
            const entry = socket && socket._pending.get(seq);
            i += 3;
            if (entry !== undefined) socket.server._onEnd(socket, seq, entry);
            break;
          }
          case 4: { // drain: conn
            const socket = connections.get(list[i + 1]);
            i += 2;
            if (socket === undefined) break;
            socket._outstanding = 0;
            const target = socket._drainTarget;
            socket._drainTarget = null;
            if (typeof target === 'function') target();
            else if (target !== null && !target.destroyed) { target._needDrain = false; target.emit('drain'); }
            break;
          }
          case 5: { // closed: conn
            const socket = connections.get(list[i + 1]);
            i += 2;
            if (socket === undefined) break;
            connections.delete(socket._handleId);
            socket._nativeClosed = true;
            const server = socket.server;
            if (server !== undefined) {
              if (server._connections) server._connections.delete(socket);
              for (const entry of socket._pending.values()) server._onAbort(entry);
            }
            socket._pending.clear();
            if (socket._upgraded) socket.push(null);
            socket.destroy();
            break;
          }
          case 6: { // server closed: server
            const server = servers.get(list[i + 1]);
            i += 2;
            if (server !== undefined) server._onClosed(list[i - 1]);
            break;
          }
          case 7: { // client error: server, conn, status, code
            const server = servers.get(list[i + 1]);
            const socket = connections.get(list[i + 2]);
            const status = list[i + 3], code = list[i + 4];
            i += 5;
            if (server !== undefined && socket !== undefined && server._onClientError) server._onClientError(socket, status, code);
            break;
          }
          case 8: { // upgraded bytes: conn, bytes
            const socket = connections.get(list[i + 1]);
            const bytes = list[i + 2];
            i += 3;
            if (socket !== undefined && socket._upgraded) socket.push(asBuffer(bytes));
            break;
          }
          case 10: { // no reads or writes for the server's timeout: conn
            const socket = connections.get(list[i + 1]);
            i += 2;
            if (socket !== undefined && !socket.destroyed && socket.server instanceof Server && !socket._ownTimeout) socket._onTimeout();
            break;
          }
          case 9: { // dropped at maxConnections: server, remote (address, port, family), local (same)
            const server = servers.get(list[i + 1]);
            const remote = [list[i + 2], list[i + 3], list[i + 4]], local = [list[i + 5], list[i + 6], list[i + 7]];
            i += 8;
            if (server !== undefined && server._onDrop) server._onDrop(remote, local);
            break;
          }
          default:
            throw new Error(`fe: unknown http event ${kind}`);
        }
      } catch (e) {
        fatal(e);
      }
    }
  };

  function createServer(options, requestListener) { return new Server(options, requestListener); }
  const httpModule = {
    STATUS_CODES, METHODS, Server, ServerResponse, IncomingMessage, OutgoingMessage, createServer,
    // request, get, Agent, ClientRequest, globalAgent, maxHeaderSize and setMaxIdleHTTPParsers:
    // 35-http_client.js adds them.
    validateHeaderName, validateHeaderValue,
  };
  registerBuiltin('http', httpModule);
  registerBuiltin('_http_server', { STATUS_CODES, Server, ServerResponse });
  registerBuiltin('_http_incoming', { IncomingMessage });
  registerBuiltin('_http_outgoing', { OutgoingMessage, validateHeaderName, validateHeaderValue, kHighWaterMark });
  return { ...httpModule, serve, internalHttp: { kOutHeaders, kNeedDrain, utcDate } };
})();
