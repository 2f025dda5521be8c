// http's client, as Node 18 has it: http.request/get, ClientRequest (an OutgoingMessage writing
// to a net socket), Agent (the keep-alive pool), and the HTTP/1.1 response parser (strict like
// llhttp unless insecureHTTPParser). It runs over whatever stream a createConnection gives
// (net's by default, tls's for https), never over fetch: tools observe sockets and events.
// Uses from earlier files: 00-core.js (core, builtins, traceOn); 02-errors.js (nodeError, invalidArgType, outOfRange, invalidArgValue); 03-loop.js (asyncIdSymbol, nextTick, TIMEOUT_MAX, setTimeout, clearTimeout, setImmediate); 04-events.js (EventEmitter); 05-process.js (process); 07-path.js (path); 08-fs.js (validateInteger, isArrayBufferView, then); 09-url.js (URL); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer); 15-streams.js (nodeStream); 27-http.js (http).
const httpClient = (() => {
  const httpModule = builtins.get('http');
  const { OutgoingMessage, validateHeaderName, validateHeaderValue } = httpModule;
  const BaseIncomingMessage = httpModule.IncomingMessage;
  const { finished, Stream } = nodeStream;
  const nop = () => {};
  const HIGH_WATER_MARK = 16384;
  const crlf = '\r\n';
  const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  const checkIsHttpToken = (s) => tokenRe.test(s);
  const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
  // Node's http.maxHeaderSize and the parser's default limit: --max-http-header-size (on the
  // command line or in NODE_OPTIONS; 16 KiB when not given), read when first needed since
  // options are known only at run time (43-nodelib.js, which loads after this file, keeps them).
  let maxHeaderSizeDefault;
  const maxHeaderSizeNow = () => {
    if (maxHeaderSizeDefault === undefined) {
      maxHeaderSizeDefault = Number(nodeLib.load('internal/options').getOptionValue('--max-http-header-size'));
    }
    return maxHeaderSizeDefault;
  };

  function connResetException(message) {
    const e = new Error(message);
    e.code = 'ECONNRESET';
    return e;
  }
  // NODE_DEBUG=http: Node's debug lines (util loads after this file, so it is looked up lazily).
  let debugImpl;
  function debug(...args) {
    if (debugImpl === undefined) debugImpl = requireBuiltin('util').debuglog('http');
    debugImpl(...args);
  }
  // net loads after this file; without it, the require error says why there is no connection.
  const lazyNet = () => requireBuiltin('net');

  // -------------------------------------------------------------------------------------------
  // HTTPParser: Node's internalBinding('http_parser').HTTPParser (node_http_parser.cc over
  // llhttp), requests and responses, strict like llhttp unless lenient. execute(bytes) feeds it
  // and answers the bytes it consumed (fewer than given only when it stopped for an upgrade) or
  // the parse error; it calls back through the kOn* slots: kOnMessageBegin(), kOnHeaders(headers,
  // url) for headers flushed early (more than 32 at once, or trailers), kOnHeadersComplete(
  // versionMajor, versionMinor, headers, method, url, statusCode, statusMessage, upgrade,
  // shouldKeepAlive) (answering 0, 1 to skip the body, or 2 to stop for an upgrade), kOnBody(chunk)
  // and kOnMessageComplete().
  const HEAD = 0, BODY_LENGTH = 1, CHUNK_SIZE = 2, CHUNK_DATA = 3, CHUNK_DATA_END = 4, TRAILERS = 5, BODY_EOF = 6,
    UPGRADED = 7, DEAD = 8;
  const REQUEST = 1, RESPONSE = 2;
  const kOnMessageBegin = 0, kOnHeaders = 1, kOnHeadersComplete = 2, kOnBody = 3, kOnMessageComplete = 4,
    kOnExecute = 5, kOnTimeout = 6;
  const kLenientNone = 0, kLenientHeaders = 1, kLenientChunkedLength = 2, kLenientKeepAlive = 4, kLenientAll = 7;
  // node_http_parser.cc's kMaxHeaderFieldsCount: more header fields than this go to JS early.
  const kMaxHeaderFieldsCount = 32;
  // llhttp's method numbers: HTTP_ALL_METHOD_MAP (with RTSP's), and HTTP_METHOD_MAP's names in
  // its order (Node's binding.methods; a request's method is its llhttp number).
  const allMethods = ['DELETE', 'GET', 'HEAD', 'POST', 'PUT', 'CONNECT', 'OPTIONS', 'TRACE', 'COPY', 'LOCK', 'MKCOL',
    'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK', 'BIND', 'REBIND', 'UNBIND', 'ACL', 'REPORT', 'MKACTIVITY',
    'CHECKOUT', 'MERGE', 'M-SEARCH', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'PATCH', 'PURGE', 'MKCALENDAR', 'LINK',
    'UNLINK', 'SOURCE', 'PRI', 'DESCRIBE', 'ANNOUNCE', 'SETUP', 'PLAY', 'PAUSE', 'TEARDOWN', 'GET_PARAMETER',
    'SET_PARAMETER', 'REDIRECT', 'RECORD', 'FLUSH', 'QUERY'];
  const methods = [...allMethods.slice(0, 34), 'QUERY'];
  const httpMethodNumbers = new Map(methods.map((name) => [name, allMethods.indexOf(name)]));
  const parseErrors = {
    HPE_INVALID_CONSTANT: 'Expected HTTP/',
    HPE_INVALID_VERSION: 'Invalid major version',
    HPE_INVALID_STATUS: 'Invalid status code',
    HPE_INVALID_METHOD: 'Invalid method encountered',
    HPE_INVALID_URL: 'Invalid char in url path',
    HPE_INVALID_HEADER_TOKEN: 'Invalid header value char',
    HPE_HEADER_OVERFLOW: 'Header overflow',
    HPE_INVALID_CONTENT_LENGTH: 'Invalid character in Content-Length',
    HPE_UNEXPECTED_CONTENT_LENGTH: 'Content-Length can\'t be present with Transfer-Encoding',
    HPE_INVALID_CHUNK_SIZE: 'Invalid character in chunk size',
    HPE_INVALID_EOF_STATE: 'Invalid EOF state',
    HPE_INVALID_TRANSFER_ENCODING: 'Invalid `Transfer-Encoding` header value',
    HPE_STRICT: 'Expected CRLF after chunk',
    HPE_PAUSED: 'Paused',
  };
  function parseError(code, reason) {
    const why = reason || parseErrors[code];
    const e = new Error(`Parse Error: ${why}`);
    e.code = code;
    e.reason = why;
    return e;
  }
  const ctlInValueRe = /[\x00-\x08\x0a-\x1f\x7f]/;
  const lineEndRe = /\r?\n/;
  const urlRe = /^[\x21-\x7e\x80-\xff]+$/;
  const asBufferView = (u8) => (u8 instanceof Buffer ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength));

  // What llhttp counts against the header size limit (node_http_parser.cc's TrackHeader): the
  // request's URL or the response's reason phrase, then each header's name and value, without
  // the separators, whitespace and line ends.
  function headerBytes(text, type) {
    let n = 0;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i];
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (i === 0) {
        if (type === REQUEST) {
          const a = line.indexOf(' ');
          if (a < 0) continue;
          const b = line.indexOf(' ', a + 1);
          n += (b < 0 ? line.length : b) - a - 1;
        } else {
          const m = /^HTTP\/\d\.\d \d{3} ?/.exec(line);
          if (m !== null) n += line.length - m[0].length;
        }
        continue;
      }
      const colon = line.indexOf(':');
      if (colon < 0) n += line.length;
      else n += colon + line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '').length;
    }
    return n;
  }

  class HTTPParser {
    #state = DEAD;
    constructor() {
      this.type = REQUEST;
      this.maxHeaderSize = 0;
      this.lenient = false;
      this.headText = ''; // the head (or trailers, or a chunk-size line) so far, as latin1
      this.remaining = 0; // body or chunk bytes still expected
      this.flushed = false; // headers went to kOnHeaders before the head's end
      this.error = null; // the parse error that ended this parser
      this.paused = false;
      this.currentBuffer = null;
      this.consumed = null;
      this.messageStart = 0;
      this.headersDone = false;
    }
    // (type, resource, maxHeaderSize, lenientFlags, headersTimeout): ready for a new stream.
    initialize(type, resource, maxHeaderSize, lenient, headersTimeout) {
      if (type !== REQUEST && type !== RESPONSE) throw invalidArgValue('type', type);
      this.type = type;
      this.maxHeaderSize = maxHeaderSize > 0 ? maxHeaderSize : maxHeaderSizeNow();
      this.lenient = typeof lenient === 'number' ? (lenient & kLenientHeaders) !== 0 : Boolean(lenient);
      this.headersTimeout = headersTimeout | 0;
      this.error = null;
      this.paused = false;
      this.#reset();
    }
    #reset() {
      this.#state = HEAD;
      this.headText = '';
      this.remaining = 0;
      this.chunked = false;
      this.shouldKeepAlive = false;
      this.upgrade = false;
      this.flushed = false;
    }
    // Node's Flush: the headers collected so far (and the URL) to kOnHeaders.
    #flush(raw, url) {
      this.flushed = true;
      const cb = this[kOnHeaders];
      if (typeof cb === 'function') cb.call(this, raw, url);
    }
    // The whole head is in: start line, header lines, and what they say about the body.
    #head(text) {
      const lenient = this.lenient;
      if (!lenient && /\r(?!\n)/.test(text)) return parseError('HPE_LF_EXPECTED', 'Missing expected LF after header value');
      const lines = text.split(lineEndRe);
      let major, minor, method, url, statusCode, statusMessage;
      if (this.type === REQUEST) {
        const m = /^([^ ]+) ([^ ]+) HTTP\/(\d)\.(\d)$/.exec(lines[0]);
        if (m === null) return this.#checkStart(`${lines[0]}\n`) || parseError('HPE_INVALID_CONSTANT');
        if (!httpMethodNumbers.has(m[1])) return parseError('HPE_INVALID_METHOD');
        if (!urlRe.test(m[2])) return parseError('HPE_INVALID_URL');
        method = httpMethodNumbers.get(m[1]);
        url = m[2];
        major = +m[3];
        minor = +m[4];
      } else {
        const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: ([^]*))?$/.exec(lines[0]);
        if (m === null) return this.#checkStart(`${lines[0]}\n`) || parseError('HPE_INVALID_STATUS');
        major = +m[1];
        minor = +m[2];
        statusCode = +m[3];
        statusMessage = m[4] === undefined ? '' : m[4];
        if (ctlInValueRe.test(statusMessage) && !lenient) return parseError('HPE_INVALID_STATUS', 'Invalid response status');
      }
      if ((major !== 1 || minor > 1) && major !== 0 && major !== 1 && !lenient) return parseError('HPE_INVALID_VERSION');
      let raw = [];
      let fields = 0;
      let contentLength = -1, te = null, connClose = false, connKeepAlive = false, connUpgrade = false, hasUpgrade = false;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        if (line === '') continue;
        if (line[0] === ' ' || line[0] === '\t') { // obs-fold: llhttp takes it only when lenient
          if (!lenient || raw.length === 0) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header field char');
          raw[raw.length - 1] += ` ${line.trim()}`;
          continue;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        if (colon <= 0 || !tokenRe.test(name)) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header field char');
        const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
        if (!lenient && ctlInValueRe.test(value)) return parseError('HPE_INVALID_HEADER_TOKEN');
        const key = name.toLowerCase();
        if (key === 'content-length') {
          if (!/^\d+$/.test(value)) return parseError('HPE_INVALID_CONTENT_LENGTH');
          if (contentLength !== -1) return parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
          contentLength = Number(value);
          if (!Number.isSafeInteger(contentLength)) return parseError('HPE_INVALID_CONTENT_LENGTH', 'Content-Length overflow');
        } else if (key === 'transfer-encoding') {
          te = te === null ? value : `${te}, ${value}`;
        } else if (key === 'connection') {
          for (const token of value.toLowerCase().split(',')) {
            const t = token.trim();
            if (t === 'close') connClose = true;
            else if (t === 'keep-alive') connKeepAlive = true;
            else if (t === 'upgrade') connUpgrade = true;
          }
        } else if (key === 'upgrade') hasUpgrade = true;
        // Node hands fields to JS 32 at a time once there are more.
        if (fields === kMaxHeaderFieldsCount) {
          this.#flush(raw, this.flushed ? '' : (url === undefined ? '' : url));
          raw = [];
          fields = 0;
        }
        raw.push(name, value);
        fields++;
      }
      // The last transfer coding decides: chunked framing, or (in a response) read to the end.
      if (te !== null) {
        this.chunked = /(?:^|,)\s*chunked\s*$/i.test(te);
        if (contentLength !== -1 && !lenient) return parseError('HPE_UNEXPECTED_CONTENT_LENGTH');
        if (this.type === REQUEST && !this.chunked && !lenient) {
          return parseError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`');
        }
      }
      let noBody, needsEof;
      if (this.type === REQUEST) {
        this.upgrade = method === httpMethodNumbers.get('CONNECT') || (hasUpgrade && connUpgrade);
        noBody = !this.chunked && contentLength <= 0;
        needsEof = false;
      } else {
        this.upgrade = hasUpgrade && connUpgrade && statusCode === 101;
        noBody = statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode < 200);
        needsEof = !noBody && !this.chunked && (te !== null || contentLength === -1);
      }
      let keepAlive = major > 0 && minor > 0 ? !connClose : connKeepAlive;
      if (needsEof) keepAlive = false;
      this.shouldKeepAlive = keepAlive;
      let headers = raw, urlArg = this.type === REQUEST ? url : undefined;
      if (this.flushed) {
        if (raw.length) this.#flush(raw, '');
        headers = undefined;
        urlArg = undefined;
      }
      this.headersDone = true;
      const cb = this[kOnHeadersComplete];
      const skip = typeof cb === 'function'
        ? cb.call(this, major, minor, headers, method, urlArg, statusCode, statusMessage, this.upgrade, keepAlive) : 0;
      if (this.#state === DEAD) return null; // closed or freed from the callback
      if (skip === 2 || this.upgrade) { this.#state = UPGRADED; return null; }
      if (skip === 1 || noBody) return this.#complete([]);
      if (this.chunked) this.#state = CHUNK_SIZE;
      else if (te === null && contentLength >= 0) {
        if (contentLength === 0) return this.#complete([]);
        this.#state = BODY_LENGTH;
        this.remaining = contentLength;
      } else this.#state = BODY_EOF;
      this.headText = '';
      return null;
    }
    // A head still coming in: its start must already read as a status line.
    #checkStart(text) {
      if (this.type === REQUEST) return null;
      const n = Math.min(text.length, 5);
      if (text.slice(0, n) !== 'HTTP/'.slice(0, n)) return parseError('HPE_INVALID_CONSTANT');
      const nl = text.indexOf('\n');
      if (nl < 0) return null;
      const line = text.slice(0, nl).replace(/\r$/, '');
      if (!/^HTTP\/\d\.\d /.test(line)) return parseError('HPE_INVALID_VERSION');
      if (!/^HTTP\/\d\.\d \d{3}(?: |$)/.test(line)) return parseError('HPE_INVALID_STATUS');
      return null;
    }
    #complete(rawTrailers) {
      this.#reset();
      if (rawTrailers.length) this.#flush(rawTrailers, '');
      const cb = this[kOnMessageComplete];
      if (typeof cb === 'function') cb.call(this);
      return null;
    }
    // Collects a head (or the trailers) up to its empty line; returns where it ended in `bytes`,
    // -1 when it needs more, or an error (the header size limit, as llhttp counts it).
    #collect(bytes, pos) {
      const before = this.headText.length;
      this.headText += bytes.latin1Slice(pos, bytes.length);
      let from = Math.max(0, before - 3);
      let end = -1, markLen = 0;
      for (;;) {
        const nl = this.headText.indexOf('\n', from);
        if (nl < 0) break;
        const next = this.headText[nl + 1];
        if (next === '\n') { end = nl; markLen = 2; break; }
        if (next === '\r' && this.headText[nl + 2] === '\n') { end = nl; markLen = 3; break; }
        from = nl + 1;
      }
      const text = end < 0 ? this.headText : this.headText.slice(0, end);
      const type = this.#state === HEAD ? this.type : 0;
      if (headerBytes(text, type) >= this.maxHeaderSize) return parseError('HPE_HEADER_OVERFLOW');
      if (end < 0) return -1;
      const consumed = end + markLen - before;
      this.headText = '';
      return [pos + consumed, text.replace(/\r$/, '')];
    }
    execute(bytes) {
      if (!(#state in this)) throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type HTTPParser');
      if (!isArrayBufferView(bytes)) throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], bytes);
      if (!(bytes instanceof Uint8Array)) bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.currentBuffer = bytes;
      try {
        return this.#execute(asBufferView(bytes));
      } finally {
        this.currentBuffer = null;
      }
    }
    #execute(bytes) {
      if (this.error !== null) return this.error;
      if (this.paused) return this.#fail(parseError('HPE_PAUSED'), 0);
      let pos = 0;
      const len = bytes.length;
      while (pos < len) {
        switch (this.#state) {
          case HEAD: {
            if (this.headText === '') {
              // Empty lines before a message are skipped, as llhttp does.
              while (pos < len && (bytes[pos] === 13 || bytes[pos] === 10)) pos++;
              if (pos === len) return len;
              this.messageStart = Date.now();
              this.headersDone = false;
              const begin = this[kOnMessageBegin];
              if (typeof begin === 'function') begin.call(this);
            }
            const got = this.#collect(bytes, pos);
            if (got instanceof Error) return this.#fail(got, pos);
            if (got === -1) {
              const early = this.#checkStart(this.headText);
              return early ? this.#fail(early, pos) : len;
            }
            pos = got[0];
            const err = this.#head(got[1]);
            if (err) return this.#fail(err, pos);
            if (this.#state === UPGRADED) return pos;
            break;
          }
          case BODY_LENGTH: {
            const n = Math.min(this.remaining, len - pos);
            this.remaining -= n;
            const chunk = bytes.subarray(pos, pos + n);
            pos += n;
            this.#body(chunk);
            if (this.remaining === 0 && this.#state === BODY_LENGTH) this.#complete([]);
            break;
          }
          case BODY_EOF:
            this.#body(bytes.subarray(pos));
            return len;
          case CHUNK_SIZE: {
            const got = this.#collectLine(bytes, pos);
            if (got instanceof Error) return this.#fail(got, pos);
            if (got === -1) return len;
            pos = got[0];
            const m = /^([0-9a-fA-F]+)[ \t]*(;.*)?$/.exec(got[1]);
            if (m === null || m[1].length > 13) return this.#fail(parseError('HPE_INVALID_CHUNK_SIZE'), pos);
            const size = parseInt(m[1], 16);
            if (size === 0) { this.#state = TRAILERS; this.headText = '\n'; break; }
            this.remaining = size;
            this.#state = CHUNK_DATA;
            break;
          }
          case CHUNK_DATA: {
            const n = Math.min(this.remaining, len - pos);
            this.remaining -= n;
            const chunk = bytes.subarray(pos, pos + n);
            pos += n;
            this.#body(chunk);
            if (this.remaining === 0 && this.#state === CHUNK_DATA) { this.#state = CHUNK_DATA_END; this.headText = ''; }
            break;
          }
          case CHUNK_DATA_END: { // the CRLF after a chunk's data
            const b = bytes[pos];
            if (this.headText === '' && b === 13) { this.headText = '\r'; pos++; break; }
            if (b === 10) { this.headText = ''; this.#state = CHUNK_SIZE; pos++; break; }
            return this.#fail(parseError('HPE_STRICT'), pos);
          }
          case TRAILERS: {
            // Header lines up to an empty line; headText starts as '\n' so that an empty line
            // right after the last chunk ends them too.
            const got = this.#collect(bytes, pos);
            if (got instanceof Error) return this.#fail(got, pos);
            if (got === -1) return len;
            pos = got[0];
            const raw = [];
            for (const line of got[1].split(lineEndRe)) {
              if (line === '') continue;
              const colon = line.indexOf(':');
              const name = colon < 0 ? line : line.slice(0, colon);
              if (colon <= 0 || !tokenRe.test(name)) return this.#fail(parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header field char'), pos);
              const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
              if (!this.lenient && ctlInValueRe.test(value)) return this.#fail(parseError('HPE_INVALID_HEADER_TOKEN'), pos);
              raw.push(name, value);
            }
            this.#complete(raw);
            break;
          }
          case UPGRADED:
            return pos;
          default: // DEAD: closed
            return len;
        }
      }
      return len;
    }
    #body(chunk) {
      const cb = this[kOnBody];
      if (typeof cb === 'function' && chunk.length > 0) cb.call(this, chunk);
    }
    // One line (a chunk size), up to CRLF; -1 when it needs more.
    #collectLine(bytes, pos) {
      const nl = bytes.indexOf(10, pos);
      if (nl < 0) {
        this.headText += bytes.latin1Slice(pos, bytes.length);
        if (this.headText.length > this.maxHeaderSize) return parseError('HPE_INVALID_CHUNK_SIZE');
        return -1;
      }
      let line = this.headText + bytes.latin1Slice(pos, nl);
      this.headText = '';
      if (line.endsWith('\r')) line = line.slice(0, -1);
      else if (!this.lenient) return parseError('HPE_STRICT', 'Expected LF after chunk size');
      return [nl + 1, line];
    }
    #fail(err, pos) {
      if (err.code !== 'HPE_PAUSED') { this.#state = DEAD; this.error = err; }
      err.bytesParsed = pos;
      return err;
    }
    // The stream ended: a body read to its end is complete; anything else half-read is an error.
    finish() {
      if (this.error !== null) return undefined;
      const state = this.#state;
      if (state === BODY_EOF) { this.#complete([]); return undefined; }
      if (state === HEAD && this.headText === '') return undefined;
      if (state === UPGRADED || state === DEAD) return undefined;
      const e = this.#fail(parseError('HPE_INVALID_EOF_STATE'), 0);
      return e;
    }
    pause() { this.paused = true; }
    resume() { this.paused = false; }
    // Nothing native to release: a closed parser takes no more input.
    close() { this.#state = DEAD; }
    free() {}
    remove() {}
    // Node's consume(handle): the parser reads a stream handle (a net socket's) itself, each read
    // through execute() and then kOnExecute(ret); the end of the stream and read errors still go
    // to the handle's own reader. unconsume() gives the reads back.
    consume(handle) {
      if (handle === null || typeof handle !== 'object' || typeof handle.readStart !== 'function' || !('onread' in handle)) {
        throw invalidArgType('handle', 'StreamBase', handle);
      }
      this.unconsume();
      const previous = handle.onread;
      this.consumed = { handle, previous };
      handle.onread = (buffer, err) => {
        if (!buffer) { if (typeof previous === 'function') previous(buffer, err); return; }
        const ret = this.execute(buffer);
        const cb = this[kOnExecute];
        if (typeof cb !== 'function') return;
        this.currentBuffer = buffer;
        try {
          cb.call(this, ret);
        } finally {
          this.currentBuffer = null;
        }
      };
    }
    unconsume() {
      const consumed = this.consumed;
      if (!consumed) return;
      this.consumed = null;
      consumed.handle.onread = consumed.previous;
    }
    getCurrentBuffer() {
      const b = this.currentBuffer;
      return b === null ? Buffer.alloc(0) : Buffer.from(b);
    }
    duration() { return this.messageStart === 0 ? 0 : Date.now() - this.messageStart; }
    headersCompleted() { return this.headersDone; }
  }
  Object.assign(HTTPParser, {
    REQUEST, RESPONSE, kOnMessageBegin, kOnHeaders, kOnHeadersComplete, kOnBody, kOnMessageComplete, kOnExecute,
    kOnTimeout, kLenientNone, kLenientHeaders, kLenientChunkedLength, kLenientKeepAlive, kLenientAll,
  });
  const httpParserBinding = { HTTPParser, methods, allMethods };

  // Node's _http_common: the parsers pool and the callbacks every pooled parser has.
  const MAX_HEADER_PAIRS = 2000;
  function parserOnHeaders(headers, url) {
    if (this.maxHeaderPairs <= 0 || this._headers.length < this.maxHeaderPairs) this._headers.push(...headers);
    this._url += url;
  }
  function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url, statusCode, statusMessage, upgrade, shouldKeepAlive) {
    const parser = this;
    const { socket } = parser;
    if (headers === undefined) { headers = parser._headers; parser._headers = []; }
    if (url === undefined) { url = parser._url; parser._url = ''; }
    // A server's own class (its IncomingMessage option) for the requests it parses.
    const ServerIncomingMessage = socket?.server?._IncomingMessage;
    const Ctor = ServerIncomingMessage && ServerIncomingMessage !== BaseIncomingMessage ? ServerIncomingMessage : IncomingMessage;
    const incoming = parser.incoming = new Ctor(socket);
    incoming.httpVersionMajor = versionMajor;
    incoming.httpVersionMinor = versionMinor;
    incoming.httpVersion = `${versionMajor}.${versionMinor}`;
    incoming.joinDuplicateHeaders = Boolean(socket?.server?.joinDuplicateHeaders || parser.joinDuplicateHeaders);
    incoming.url = url;
    incoming.upgrade = upgrade;
    let n = headers.length;
    if (parser.maxHeaderPairs > 0) n = Math.min(n, parser.maxHeaderPairs);
    incoming.rawHeaders = n < headers.length ? headers.slice(0, n) : headers;
    if (typeof method === 'number') {
      incoming.method = allMethods[method];
    } else {
      incoming.statusCode = statusCode;
      incoming.statusMessage = statusMessage;
    }
    return parser.onIncoming(incoming, shouldKeepAlive);
  }
  function parserOnBody(b) {
    const stream = this.incoming;
    if (stream === null) return;
    if (!stream._dumped) {
      const ret = stream.push(b);
      if (!ret) readStop(this.socket);
    }
  }
  function parserOnMessageComplete() {
    const parser = this;
    const stream = parser.incoming;
    if (stream !== null) {
      stream.complete = true;
      const headers = parser._headers;
      if (headers.length) {
        stream.rawTrailers = headers;
        stream.trailers = trailersObject(headers, stream.joinDuplicateHeaders);
        parser._headers = [];
        parser._url = '';
      }
      stream.push(null);
    }
    readStart(parser.socket);
  }
  function cleanParser(parser) {
    parser._headers = [];
    parser._url = '';
    parser.socket = null;
    parser.incoming = null;
    parser.outgoing = null;
    parser.maxHeaderPairs = MAX_HEADER_PAIRS;
    parser[kOnMessageBegin] = null;
    parser[kOnExecute] = null;
    parser[kOnTimeout] = null;
    parser._consumed = false;
    parser.onIncoming = null;
    parser.joinDuplicateHeaders = null;
  }
  // The class is read when a parser is made, so that a replaced binding.HTTPParser is used.
  function parsersCb() {
    const parser = new httpParserBinding.HTTPParser();
    cleanParser(parser);
    parser[kOnHeaders] = parserOnHeaders;
    parser[kOnHeadersComplete] = parserOnHeadersComplete;
    parser[kOnBody] = parserOnBody;
    parser[kOnMessageComplete] = parserOnMessageComplete;
    return parser;
  }
  // Node's pool of idle parsers: a FreeList of Node's internal/freelist (vendored; 43-nodelib.js
  // loads after this file), made when first used.
  let parsersPool;
  const parsers = () => {
    if (parsersPool === undefined) parsersPool = new (nodeLib.load('internal/freelist'))('parsers', 1000, parsersCb);
    return parsersPool;
  };
  function closeParserInstance(parser) { parser.close(); }
  function freeParser(parser, req, socket) {
    if (parser) {
      if (parser._consumed) parser.unconsume();
      cleanParser(parser);
      parser.remove();
      if (parsers().free(parser) === false) setImmediate(closeParserInstance, parser);
      else parser.free();
    }
    if (req) req.parser = null;
    if (socket) socket.parser = null;
  }
  function prepareError(err, parser, rawPacket) {
    err.rawPacket = rawPacket || parser.getCurrentBuffer();
    if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
  }

  // -------------------------------------------------------------------------------------------
  // A response: http.IncomingMessage (the header rules are 27-http.js's), reading from a net
  // socket. Reading resumes the socket; a response dropped before its end takes the socket down.
  function readStart(socket) { if (socket && !socket._paused && socket.readable && typeof socket.resume === 'function') socket.resume(); }
  function readStop(socket) { if (socket && typeof socket.pause === 'function') socket.pause(); }
  const IncomingMessage = class IncomingMessage extends BaseIncomingMessage {
    get trailersDistinct() {
      const out = {};
      const raw = this.rawTrailers;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        (out[name] || (out[name] = [])).push(raw[i + 1]);
      }
      return out;
    }
    _read() {
      if (!this._consuming) { this._readableState.readingMore = false; this._consuming = true; }
      if (this.socket) readStart(this.socket);
    }
    _destroy(err, cb) {
      const socket = this.socket;
      if (!this.readableEnded || !this.complete) { this.aborted = true; this.emit('aborted'); }
      // As Node: the error reaches only listeners; nobody listening, the response just closes.
      const onError = (e) => nextTick(() => (this.listenerCount('error') === 0 ? cb() : cb(e)));
      if (socket && !socket.destroyed && this.aborted) {
        socket.destroy(err);
        const cleanup = finished(socket, (e) => {
          if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
          cleanup();
          onError(e || err);
        });
        return;
      }
      onError(err);
    }
  };

  // -------------------------------------------------------------------------------------------
  // ClientRequest: the header logic is OutgoingMessage's (27-http.js); what is here is Node's
  // OutgoingMessage over a stream socket: bytes wait in outputData until a socket is assigned,
  // chunked framing is written here, and 'finish' follows the socket's write callback.
  const kError = Symbol('kError');
  const kClientRequestStatistics = Symbol('ClientRequestStatistics');
  function validateHost(host, name) {
    if (host !== null && host !== undefined && typeof host !== 'string') throw invalidArgType(`options.${name}`, ['string', 'undefined', 'null'], host);
    return host;
  }
  const TIMEOUT_MAX = 2 ** 31 - 1;
  function validateTimeout(msecs, name) {
    if (typeof msecs !== 'number') throw invalidArgType(name, 'number', msecs);
    if (msecs < 0 || !Number.isFinite(msecs)) throw outOfRange(name, 'a non-negative finite number', msecs);
    if (msecs > TIMEOUT_MAX) {
      process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
      return TIMEOUT_MAX;
    }
    return msecs;
  }
  function httpOptionsOfUrl(url) {
    const options = {
      ...url,
      protocol: url.protocol,
      hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      hash: url.hash, search: url.search, pathname: url.pathname, path: `${url.pathname || ''}${url.search || ''}`, href: url.href,
    };
    if (url.port !== '') options.port = Number(url.port);
    if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return options;
  }

  class ClientRequest extends OutgoingMessage {
    constructor(input, options, cb) {
      super();
      this.outputData = [];
      this.outputSize = 0;
      this._corked = 0;
      this._closed = false;
      this[kError] = undefined;
      if (typeof input === 'string') input = httpOptionsOfUrl(new URL(input));
      else if (input instanceof URL) input = httpOptionsOfUrl(input);
      else { cb = options; options = input; input = null; }
      if (typeof options === 'function') { cb = options; options = input || {}; }
      else options = Object.assign(input || {}, options);

      let agent = options.agent;
      const defaultAgent = options._defaultAgent || globalAgentHolder.agent;
      if (agent === false) agent = new defaultAgent.constructor();
      else if (agent === null || agent === undefined) {
        if (typeof options.createConnection !== 'function') agent = defaultAgent;
      } else if (typeof agent.addRequest !== 'function') {
        throw invalidArgType('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
      }
      this.agent = agent;
      const protocol = options.protocol || defaultAgent.protocol;
      let expectedProtocol = defaultAgent.protocol;
      if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;
      if (options.path) {
        const path = String(options.path);
        if (INVALID_PATH_REGEX.test(path)) throw nodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
      }
      if (protocol !== expectedProtocol) {
        throw nodeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expectedProtocol}"`);
      }
      const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
      const port = options.port = options.port || defaultPort || 80;
      const host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
      const setHost = options.setHost === undefined || Boolean(options.setHost);
      this.socketPath = options.socketPath;
      if (options.timeout !== undefined) this.timeout = validateTimeout(options.timeout, 'timeout');
      if (options.signal) Stream.addAbortSignal(options.signal, this);
      let method = options.method;
      const methodIsString = typeof method === 'string';
      if (method !== null && method !== undefined && !methodIsString) throw invalidArgType('options.method', 'string', method);
      if (methodIsString && method) {
        if (!checkIsHttpToken(method)) throw nodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
        method = this.method = method.toUpperCase();
      } else {
        method = this.method = 'GET';
      }
      const maxHeaderSize = options.maxHeaderSize;
      if (maxHeaderSize !== undefined) {
        if (typeof maxHeaderSize !== 'number') throw invalidArgType('maxHeaderSize', 'number', maxHeaderSize);
        if (!Number.isInteger(maxHeaderSize)) throw outOfRange('maxHeaderSize', 'an integer', maxHeaderSize);
        if (maxHeaderSize < 0 || maxHeaderSize > Number.MAX_SAFE_INTEGER) throw outOfRange('maxHeaderSize', `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, maxHeaderSize);
      }
      this.maxHeaderSize = maxHeaderSize;
      const insecureHTTPParser = options.insecureHTTPParser;
      if (insecureHTTPParser !== undefined && typeof insecureHTTPParser !== 'boolean') {
        throw invalidArgType('options.insecureHTTPParser', 'boolean', insecureHTTPParser);
      }
      this.insecureHTTPParser = insecureHTTPParser;
      this.joinDuplicateHeaders = options.joinDuplicateHeaders;
      this.path = options.path || '/';
      if (cb) this.once('response', cb);
      this.useChunkedEncodingByDefault = !(method === 'GET' || method === 'HEAD' || method === 'DELETE' ||
        method === 'OPTIONS' || method === 'TRACE' || method === 'CONNECT');
      this._ended = false;
      this.res = null;
      this.aborted = false;
      this.timeoutCb = null;
      this.upgradeOrConnect = false;
      this.parser = null;
      this.maxHeadersCount = null;
      this.reusedSocket = false;
      this.host = host;
      this.protocol = protocol;
      if (this.agent) {
        // Keep-alive only when the agent will really reuse the connection.
        if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) { this._last = true; this.shouldKeepAlive = false; }
        else { this._last = false; this.shouldKeepAlive = true; }
      }
      const headersArray = Array.isArray(options.headers);
      if (!headersArray) {
        if (options.headers) {
          for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
        }
        if (host && !this.getHeader('host') && setHost) {
          let hostHeader = host;
          let hostHeaderPort = port;
          // A proxy request (absolute path): Host names the target, not the proxy.
          if (!this.path.startsWith('/')) {
            const proxyURL = new URL(/^[^:]+:\/\//.test(this.path) ? this.path : `http://${this.path}`);
            hostHeader = proxyURL.hostname;
            hostHeaderPort = proxyURL.port || (proxyURL.protocol === 'https:' ? '443' : '80');
          }
          const posColon = hostHeader.indexOf(':');
          if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) hostHeader = `[${hostHeader}]`;
          if (hostHeaderPort && +hostHeaderPort !== defaultPort) hostHeader += `:${hostHeaderPort}`;
          this.setHeader('Host', hostHeader);
        }
        if (options.auth && !this.getHeader('Authorization')) this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
        if (this.getHeader('expect')) {
          if (this._header) throw headersSent('render');
          this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._out.values());
          this._send(''); // Expect: the head goes now, the body waits for 100 Continue
        }
      } else {
        const pairs = headerPairs(options.headers);
        this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, pairs);
        if (pairs.some(([k]) => String(k).toLowerCase() === 'expect')) this._send('');
      }
      let optsWithoutSignal = options;
      if (optsWithoutSignal.signal) { optsWithoutSignal = Object.assign({}, options); delete optsWithoutSignal.signal; }
      // Node's 'http' performance entry of a request made: from here to its response's head.
      if (core.perf.hasObserver('http')) {
        core.perf.startPerf(this, kClientRequestStatistics, {
          type: 'http', name: 'HttpClient',
          detail: { req: { method: this.method, url: `${this.protocol}//${this.host}${this.path}`, headers: this.getHeaders() } },
        });
      }
      if (this.agent) {
        this.agent.addRequest(this, optsWithoutSignal);
      } else {
        // No agent: the connection closes after this request.
        this._last = true;
        this.shouldKeepAlive = false;
        if (typeof optsWithoutSignal.createConnection === 'function') {
          let called = false;
          const oncreate = (err, socket) => {
            if (called) return;
            called = true;
            if (err) nextTick(() => this.emit('error', err));
            else this.onSocket(socket);
          };
          try {
            const newSocket = optsWithoutSignal.createConnection(optsWithoutSignal, oncreate);
            if (newSocket) oncreate(null, newSocket);
          } catch (err) {
            oncreate(err);
          }
        } else {
          this.onSocket(lazyNet().createConnection(optsWithoutSignal));
        }
      }
    }
    get writableFinished() { return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0); }
    get writableEnded() { return this.finished; }
    get writableLength() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); }
    get writableHighWaterMark() { return this.socket ? this.socket.writableHighWaterMark : HIGH_WATER_MARK; }
    get writableCorked() { return this.socket ? this.socket.writableCorked : this._corked; }
    get writableNeedDrain() { return !this.destroyed && !this.finished && this._needDrain; }
    cork() { if (this.socket) this.socket.cork(); else this._corked++; }
    uncork() { if (this.socket) this.socket.uncork(); else if (this._corked) this._corked--; }
    _implicitHeader() {
      if (this._header) throw headersSent('render');
      this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._out.values());
    }
    // Bytes to the socket once it is ours and writable, else into outputData; the head goes
    // with the first of them.
    _send(data, encoding, callback) {
      if (!this._headerSent && this._header !== null) {
        if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
          data = this._header + data;
        } else {
          const header = this._header;
          this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
          this.outputSize += header.length;
        }
        this._headerSent = true;
      }
      return this._writeRaw(data, encoding, callback);
    }
    _writeRaw(data, encoding, callback) {
      const conn = this.socket;
      if (conn && conn.destroyed) return false;
      if (typeof encoding === 'function') { callback = encoding; encoding = null; }
      if (conn && conn._httpMessage === this && conn.writable) {
        if (this.outputData.length) this._flushOutput(conn);
        return conn.write(data, encoding, callback);
      }
      this.outputData.push({ data, encoding, callback });
      this.outputSize += data.length;
      return this.outputSize < HIGH_WATER_MARK;
    }
    _flushOutput(socket) {
      while (this._corked) { this._corked--; socket.cork(); }
      const outputData = this.outputData;
      if (outputData.length === 0) return undefined;
      socket.cork();
      let ret;
      for (const { data, encoding, callback } of outputData) ret = socket.write(data, encoding, callback);
      socket.uncork();
      this.outputData = [];
      this.outputSize = 0;
      return ret;
    }
    _flush() {
      const socket = this.socket;
      if (socket && socket.writable) {
        const ret = this._flushOutput(socket);
        if (this.finished) this._finish();
        else if (ret && this._needDrain) { this._needDrain = false; this.emit('drain'); }
      }
    }
    _finish() {
      this.emit('prefinish');
      // Node's node.http trace event of the request, from here to its response.
      if (traceOn.http) {
        this._traceEventId = ++traceOn.lastId;
        traceOn.emit('b', 'node,node.http', 'http.client.request', this._traceEventId);
      }
      // Node's diagnostics channel of client requests, published as the request is finished.
      const startChannel = requireBuiltin('diagnostics_channel').channel('http.client.request.start');
      if (startChannel.hasSubscribers) startChannel.publish({ request: this });
    }
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      const ret = writeChunk(this, chunk, encoding, cb, false);
      if (!ret) this._needDrain = true;
      return ret;
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = null; encoding = null; } else if (typeof encoding === 'function') { cb = encoding; encoding = null; }
      if (chunk) {
        if (this.finished) {
          onWriteError(this, nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'), typeof cb === 'function' ? cb : nop);
          return this;
        }
        if (this.socket) this.socket.cork();
        writeChunk(this, chunk, encoding, null, true);
      } else if (this.finished) {
        if (typeof cb === 'function') {
          if (!this.writableFinished) this.on('finish', cb);
          else cb(nodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
        }
        return this;
      } else if (!this._header) {
        if (this.socket) this.socket.cork();
        this._contentLength = 0;
        this._implicitHeader();
      }
      if (typeof cb === 'function') this.once('finish', cb);
      const finish = () => { if (!(this.socket && this.socket._hadError)) this.emit('finish'); };
      if (this._hasBody && this.chunkedEncoding) this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
      else if (!this._headerSent || this.writableLength || chunk) this._send('', 'latin1', finish);
      else nextTick(finish);
      if (this.socket) {
        // end() uncorks the connection fully.
        if (this.socket._writableState) this.socket._writableState.corked = 1;
        this.socket.uncork();
      }
      this._corked = 0;
      this.finished = true; // writable stays true: legacy, and error detection relies on it
      if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
      return this;
    }
    flushHeaders() {
      if (!this._header) this._implicitHeader();
      this._send('');
    }
    abort() {
      if (this.aborted) return;
      this.aborted = true;
      nextTick(() => this.emit('abort'));
      this.destroy();
    }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      if (this.res) this.res._dump();
      this[kError] = err;
      if (this.socket) this.socket.destroy(err);
      return this;
    }
    onSocket(socket, err) { nextTick(() => onSocketNT(this, socket, err)); }
    // Socket methods that wait until the socket is assigned and connected.
    _deferToConnect(method, args) {
      const call = () => { if (method && typeof this.socket[method] === 'function') this.socket[method](...args); };
      const onSocket = () => {
        if (this.socket.writable) call(); // a connecting net socket keeps the setting for later
        else this.socket.once('connect', call);
      };
      if (!this.socket) this.once('socket', onSocket);
      else onSocket();
    }
    setTimeout(msecs, callback) {
      if (this._ended) return this;
      listenSocketTimeout(this);
      msecs = validateTimeout(msecs, 'msecs');
      if (callback) this.once('timeout', callback);
      if (this.socket) setSocketTimeout(this.socket, msecs);
      else this.once('socket', (sock) => setSocketTimeout(sock, msecs));
      return this;
    }
    setNoDelay(noDelay) { this._deferToConnect('setNoDelay', [noDelay]); }
    setSocketKeepAlive(enable, initialDelay) { this._deferToConnect('setKeepAlive', [enable, initialDelay]); }
    clearTimeout(cb) { this.setTimeout(0, cb); }
    // events.captureRejections: a rejected async listener destroys the request with its error.
    [Symbol.for('nodejs.rejection')](err) { this.destroy(err); }
  }
  const headersSent = (verb) => nodeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${verb} headers after they are sent to the client`);
  // options.headers as an array: [name, value, ...] or [[name, value], ...], sent as given.
  function headerPairs(list) {
    const pairs = [];
    if (list.length && Array.isArray(list[0])) {
      for (const [k, v] of list) pairs.push([k, v]);
    } else {
      if (list.length % 2 !== 0) throw invalidArgValue('headers', list);
      for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    }
    for (const [k, v] of pairs) { validateHeaderName(k); validateHeaderValue(k, v); }
    return pairs;
  }

  function onWriteError(msg, err, cb) {
    nextTick(() => {
      cb(err);
      if (!msg.destroyed) msg.emit('error', err);
    });
  }
  function connectionCorkNT(conn) { conn.uncork(); }
  // Node's write_: checks, the implicit head (with Content-Length when end() brings the whole
  // body), then the bytes, framed when chunked.
  function writeChunk(msg, chunk, encoding, callback, fromEnd) {
    if (typeof callback !== 'function') callback = nop;
    if (chunk === null) throw nodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    let err;
    if (msg.finished) err = nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
    else if (msg.destroyed) err = nodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    if (err) {
      if (!msg.destroyed) onWriteError(msg, err, callback);
      else nextTick(callback, err);
      return false;
    }
    let len;
    if (!msg._header) {
      if (fromEnd) { len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength; msg._contentLength = len; }
      msg._implicitHeader();
    }
    if (!msg._hasBody) { nextTick(callback); return true; }
    if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
      msg.socket.cork();
      nextTick(connectionCorkNT, msg.socket);
    }
    if (msg.chunkedEncoding && chunk.length !== 0) {
      if (len === undefined) len = typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      msg._send(len.toString(16), 'latin1', null);
      msg._send(crlf, null, null);
      msg._send(chunk, encoding, null);
      return msg._send(crlf, null, callback);
    }
    return msg._send(chunk, encoding, callback);
  }

  // -------------------------------------------------------------------------------------------
  // A request on its socket: the parser reads the socket's data, the socket's end, close and
  // errors become the request's, and a finished exchange frees the socket to its agent.
  function onSocketNT(req, socket, err) {
    if (req.destroyed || err) {
      req.destroyed = true;
      const destroyReq = (e) => {
        if (!req.aborted && !e) e = connResetException('socket hang up');
        if (e) req.emit('error', e);
        req._closed = true;
        req.emit('close');
      };
      if (socket) {
        if (!err && req.agent && !socket.destroyed) {
          socket.emit('free');
        } else {
          finished(socket.destroy(err || req[kError]), (er) => {
            if (er && er.code === 'ERR_STREAM_PREMATURE_CLOSE') er = null;
            destroyReq(er || err);
          });
          return;
        }
      }
      destroyReq(err || req[kError]);
    } else {
      tickOnSocket(req, socket);
      req._flush();
    }
  }

  function tickOnSocket(req, socket) {
    const parser = parsers().alloc();
    req.socket = socket;
    const lenient = req.insecureHTTPParser === undefined ? lenientDefault() : req.insecureHTTPParser;
    parser.initialize(HTTPParser.RESPONSE, null, req.maxHeaderSize || 0, lenient ? kLenientAll : kLenientNone);
    parser.socket = socket;
    parser.outgoing = req;
    req.parser = parser;
    socket.parser = parser;
    socket._httpMessage = req;
    // The headers limit, from the request (a count of names and values, as Node has it).
    if (typeof req.maxHeadersCount === 'number') parser.maxHeaderPairs = req.maxHeadersCount << 1;
    parser.joinDuplicateHeaders = req.joinDuplicateHeaders;
    parser.onIncoming = parserOnIncomingClient;
    socket.on('error', socketErrorListener);
    socket.on('data', socketOnData);
    socket.on('end', socketOnEnd);
    socket.on('close', socketCloseListener);
    socket.on('drain', ondrain);
    if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) listenSocketTimeout(req);
    req.emit('socket', socket);
  }
  // --insecure-http-parser, on the command line or in NODE_OPTIONS (43-nodelib.js keeps it).
  const lenientDefault = () => nodeLib.load('internal/options').getOptionValue('--insecure-http-parser') === true;

  function trailersObject(raw, join) {
    const msg = new BaseIncomingMessage(null);
    msg.rawHeaders = raw;
    msg.joinDuplicateHeaders = Boolean(join);
    return msg.headers;
  }

  const statusIsInformational = (status) => status < 200 && status >= 100 && status !== 101;

  function parserOnIncomingClient(res, shouldKeepAlive) {
    const parser = this;
    const socket = parser.socket;
    const req = socket._httpMessage;
    if (req.res) { socket.destroy(); return 0; } // a second response to one request
    req.res = res;
    if (res.upgrade) return 2;
    const method = req.method;
    if (method === 'CONNECT') { res.upgrade = true; return 2; }
    if (statusIsInformational(res.statusCode)) {
      req.res = null;
      if (res.statusCode === 100) req.emit('continue');
      req.emit('information', {
        statusCode: res.statusCode, statusMessage: res.statusMessage, httpVersion: res.httpVersion,
        httpVersionMajor: res.httpVersionMajor, httpVersionMinor: res.httpVersionMinor, headers: res.headers, rawHeaders: res.rawHeaders,
      });
      return 1;
    }
    // The server must answer keep-alive for the socket to be kept; an upgrade never is.
    if (req.shouldKeepAlive && !shouldKeepAlive && !req.upgradeOrConnect) req.shouldKeepAlive = false;
    if (traceOn.http && typeof req._traceEventId === 'number') {
      traceOn.emit('e', 'node,node.http', 'http.client.request', req._traceEventId, { data: { path: req.path, statusCode: res.statusCode } });
    }
    if (req[kClientRequestStatistics] && core.perf.hasObserver('http')) {
      core.perf.stopPerf(req, kClientRequestStatistics, {
        detail: { res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.headers } },
      });
    }
    // Node's diagnostics channel of responses (published when their head is parsed).
    const finishChannel = requireBuiltin('diagnostics_channel').channel('http.client.response.finish');
    if (finishChannel.hasSubscribers) finishChannel.publish({ request: req, response: res });
    req.res = res;
    res.req = req;
    res.on('end', responseOnEnd);
    req.on('finish', requestOnFinish);
    socket.on('timeout', responseOnTimeout);
    // Nobody listens for the response: its body is drained so the socket does not stall.
    if (req.aborted || !req.emit('response', res)) res._dump();
    if (method === 'HEAD') return 1;
    if (res.statusCode === 304) { res.complete = true; return 1; }
    return 0;
  }

  function socketOnData(d) {
    const socket = this;
    const req = this._httpMessage;
    const parser = this.parser;
    if (!parser) return;
    const ret = parser.execute(d);
    if (ret instanceof Error) {
      prepareError(ret, parser, d);
      freeParser(parser, req, socket);
      socket.removeListener('data', socketOnData);
      socket.removeListener('end', socketOnEnd);
      socket.destroy();
      req.socket._hadError = true;
      req.emit('error', ret);
    } else if (parser.incoming && parser.incoming.upgrade) {
      // 101 Switching Protocols or CONNECT: the socket and the bytes after the head go to the user.
      const bytesParsed = ret;
      const res = parser.incoming;
      req.res = res;
      socket.removeListener('data', socketOnData);
      socket.removeListener('end', socketOnEnd);
      socket.removeListener('drain', ondrain);
      if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
      socket.removeListener('timeout', responseOnTimeout);
      freeParser(parser, req, socket);
      const bodyHead = Buffer.from(d.subarray(bytesParsed));
      const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
      if (req.listenerCount(eventName) > 0) {
        req.upgradeOrConnect = true;
        socket.emit('agentRemove');
        socket.removeListener('close', socketCloseListener);
        socket.removeListener('error', socketErrorListener);
        socket._httpMessage = null;
        if (socket._readableState) socket._readableState.flowing = null;
        req.emit(eventName, res, socket, bodyHead);
        req.destroyed = true;
        req._closed = true;
        req.emit('close');
      } else {
        socket.destroy(); // an upgrade or CONNECT nobody handles
      }
    } else if (parser.incoming && parser.incoming.complete && !statusIsInformational(parser.incoming.statusCode)) {
      socket.removeListener('data', socketOnData);
      socket.removeListener('end', socketOnEnd);
      socket.removeListener('drain', ondrain);
      freeParser(parser, req, socket);
    }
  }

  function socketOnEnd() {
    const socket = this;
    const req = this._httpMessage;
    const parser = this.parser;
    if (!req.res && !req.socket._hadError) {
      // The connection ended before a response: the request failed.
      req.socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    if (parser) {
      parser.finish(); // a body read to the end is complete now; a half-read one stays incomplete
      freeParser(parser, req, socket);
    }
    socket.destroy();
  }

  function socketCloseListener() {
    const socket = this;
    debug('HTTP socket close');
    const req = socket._httpMessage;
    if (typeof socket.read === 'function' && socket._readableState) socket.read(); // what is still buffered goes to the parser first
    const parser = socket.parser;
    const res = req.res;
    req.destroyed = true;
    if (res) {
      // The socket closed before the response's end.
      if (!res.complete) res.destroy(connResetException('aborted'));
      req._closed = true;
      req.emit('close');
      if (!res.aborted && res.readable) res.push(null);
    } else {
      if (!req.socket._hadError) {
        req.socket._hadError = true;
        req.emit('error', connResetException('socket hang up'));
      }
      req._closed = true;
      req.emit('close');
    }
    if (req.outputData) req.outputData.length = 0;
    if (parser) {
      parser.finish();
      freeParser(parser, req, socket);
    }
  }

  function socketErrorListener(err) {
    const socket = this;
    debug('SOCKET ERROR');
    const req = socket._httpMessage;
    if (req) {
      // Later errors must not reach the request a second time.
      req.socket._hadError = true;
      req.emit('error', err);
    }
    const parser = socket.parser;
    if (parser) freeParser(parser, req, socket);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    socket.destroy();
  }

  function ondrain() {
    const msg = this._httpMessage;
    if (msg && !msg.finished && msg._needDrain) { msg._needDrain = false; msg.emit('drain'); }
  }

  function responseKeepAlive(req) {
    const socket = req.socket;
    if (req.timeoutCb) { socket.setTimeout(0, req.timeoutCb); req.timeoutCb = null; }
    socket.removeListener('close', socketCloseListener);
    socket.removeListener('error', socketErrorListener);
    socket.removeListener('data', socketOnData);
    socket.removeListener('end', socketOnEnd);
    // The socket is free after the user's 'end' handlers ran.
    nextTick(emitFreeNT, req);
    req.destroyed = true;
    if (req.res) req.res.socket = null; // destroying the response must not destroy a pooled socket
  }

  function responseOnEnd() {
    const req = this.req;
    const socket = req.socket;
    if (socket) {
      if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
      socket.removeListener('timeout', responseOnTimeout);
    }
    req._ended = true;
    if (!req.shouldKeepAlive) {
      if (socket.writable) {
        if (typeof socket.destroySoon === 'function') socket.destroySoon();
        else socket.end();
      }
    } else if (req.writableFinished && !this.aborted) {
      // Everything was written and the socket drained: it can serve the next request.
      responseKeepAlive(req);
    }
  }

  function responseOnTimeout() {
    const req = this._httpMessage;
    if (!req) return;
    const res = req.res;
    if (!res) return;
    res.emit('timeout');
  }

  // The response ended before the request was all written: the socket is free once it is.
  function requestOnFinish() {
    const req = this;
    if (req.shouldKeepAlive && req._ended && !req.destroyed) responseKeepAlive(req);
  }

  function emitFreeNT(req) {
    req._closed = true;
    req.emit('close');
    if (req.socket) req.socket.emit('free');
  }

  function emitRequestTimeout() {
    const req = this._httpMessage;
    if (req) req.emit('timeout');
  }
  function listenSocketTimeout(req) {
    if (req.timeoutCb) return;
    req.timeoutCb = emitRequestTimeout;
    if (req.socket) req.socket.once('timeout', emitRequestTimeout);
    else req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
  }
  function setSocketTimeout(sock, msecs) {
    if (sock.connecting) sock.once('connect', () => sock.setTimeout(msecs));
    else sock.setTimeout(msecs);
  }

  // -------------------------------------------------------------------------------------------
  // Agent: sockets per origin name (host:port:localAddress[:family][:socketPath]); requests wait
  // in `requests` beyond maxSockets/maxTotalSockets; with keepAlive a finished socket waits in
  // `freeSockets` (lifo or fifo) for the next request. A function, as Node's: old code calls it.
  function freeSocketErrorListener() {
    const socket = this;
    socket.destroy();
    socket.emit('agentRemove');
  }

  function Agent(options) {
    if (!(this instanceof Agent)) return new Agent(options);
    EventEmitter.call(this);
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    this.options.path = null; // net must not take it for a pipe
    this.requests = Object.create(null);
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
    if (this.scheduling !== 'fifo' && this.scheduling !== 'lifo') {
      throw invalidArgValue('scheduling', this.scheduling, "must be one of: 'fifo', 'lifo'");
    }
    if (this.maxTotalSockets !== undefined) {
      if (typeof this.maxTotalSockets !== 'number') throw invalidArgType('maxTotalSockets', 'number', this.maxTotalSockets);
      if (this.maxTotalSockets <= 0 || Number.isNaN(this.maxTotalSockets)) throw outOfRange('maxTotalSockets', '> 0', this.maxTotalSockets);
    } else {
      this.maxTotalSockets = Infinity;
    }
    this.on('free', (socket, opts) => {
      const name = this.getName(opts);
      if (!socket.writable) { socket.destroy(); return; }
      const requests = this.requests[name];
      if (requests && requests.length) {
        const req = requests.shift();
        asyncResetHandle(socket);
        setRequestSocket(this, req, socket);
        if (requests.length === 0) delete this.requests[name];
        return;
      }
      // Nobody waits: pool the socket if this agent keeps sockets and the request allowed it.
      const req = socket._httpMessage;
      if (!req || !req.shouldKeepAlive || !this.keepAlive) { socket.destroy(); return; }
      const freeSockets = this.freeSockets[name] || [];
      const freeLen = freeSockets.length;
      let count = freeLen;
      if (this.sockets[name]) count += this.sockets[name].length;
      if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets || freeLen >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
        socket.destroy();
        return;
      }
      this.freeSockets[name] = freeSockets;
      // A pooled socket is no async resource of its own until its next request (Node's agent).
      socket[asyncIdSymbol] = -1;
      socket._httpMessage = null;
      this.removeSocket(socket, opts);
      socket.once('error', freeSocketErrorListener);
      freeSockets.push(socket);
    });
    // TLS sockets' 'keylog' reaches the agent only once someone listens for it (https).
    this.on('newListener', maybeEnableKeylog);
  }
  // Node's _http_agent.js: the resource a reused socket's handle starts again with.
  class ReusedHandle {
    constructor(type, handle) {
      this.type = type;
      this.handle = handle;
    }
  }
  function asyncResetHandle(socket) {
    const handle = socket._handle;
    if (!handle) return;
    if (typeof handle.asyncReset === 'function') {
      handle.asyncReset(new ReusedHandle(handle.getProviderType(), handle));
      socket[asyncIdSymbol] = handle.getAsyncId();
    }
  }
  const kOnKeylog = Symbol('onkeylog');
  function maybeEnableKeylog(eventName) {
    if (eventName !== 'keylog') return;
    this.removeListener('newListener', maybeEnableKeylog);
    const agent = this;
    this[kOnKeylog] = function onkeylog(keylog) { agent.emit('keylog', keylog, this); };
    for (const list of Object.values(this.sockets)) for (const s of list) s.on('keylog', this[kOnKeylog]);
  }
  Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Agent, EventEmitter);
  Agent.defaultMaxSockets = Infinity;
  // net's createConnection, looked up when first used (net loads after this file's module object).
  Agent.prototype.createConnection = function createConnection(...args) { return lazyNet().createConnection(...args); };
  Agent.prototype.getName = function getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  };
  Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
    if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress }; // legacy signature
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);
    const name = this.getName(options);
    if (!this.sockets[name]) this.sockets[name] = [];
    const freeSockets = this.freeSockets[name];
    let socket;
    if (freeSockets) {
      while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
      socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
      if (!freeSockets.length) delete this.freeSockets[name];
    }
    const freeLen = freeSockets ? freeSockets.length : 0;
    const sockLen = freeLen + this.sockets[name].length;
    if (socket) {
      asyncResetHandle(socket);
      this.reuseSocket(socket, req);
      setRequestSocket(this, req, socket);
      this.sockets[name].push(socket);
    } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, (err, s) => {
        if (err) req.onSocket(s, err);
        else setRequestSocket(this, req, s);
      });
    } else {
      if (!this.requests[name]) this.requests[name] = [];
      req._agentOptions = options; // to open a socket for it when one of another origin closes
      this.requests[name].push(req);
    }
  };
  Agent.prototype.createSocket = function createSocket(req, options, cb) {
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);
    const name = this.getName(options);
    options._agentKey = name;
    options.encoding = null;
    if (this.keepAlive) { options.keepAlive = this.keepAlive; options.keepAliveInitialDelay = this.keepAliveMsecs; } // TCP keep-alive for pooled sockets
    debug('createConnection', name, options);
    let called = false;
    const oncreate = (err, s) => {
      if (called) return;
      called = true;
      if (err) return cb(err);
      if (!this.sockets[name]) this.sockets[name] = [];
      this.sockets[name].push(s);
      this.totalSocketCount++;
      installListeners(this, s, options);
      cb(null, s);
    };
    const newSocket = this.createConnection(options, oncreate);
    if (newSocket) oncreate(null, newSocket);
  };
  function normalizeServerName(options, req) {
    if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
  }
  function calculateServerName(options, req) {
    let servername = options.host;
    const hostHeader = req.getHeader('host');
    if (hostHeader) {
      if (typeof hostHeader !== 'string') throw invalidArgType('options.headers.host', 'string', hostHeader);
      // abc => abc, abc:123 => abc, [::1] => ::1, [::1]:123 => ::1
      if (hostHeader.startsWith('[')) {
        const index = hostHeader.indexOf(']');
        servername = index === -1 ? hostHeader : hostHeader.slice(1, index);
      } else {
        servername = hostHeader.split(':', 1)[0];
      }
    }
    if (ipFamily(servername)) servername = ''; // SNI never names an IP address
    return servername;
  }
  const ipv4Re = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
  function ipFamily(s) {
    const net = builtins.get('net');
    if (net && typeof net.isIP === 'function') return net.isIP(s);
    if (typeof s !== 'string') return 0;
    if (ipv4Re.test(s)) return 4;
    return s.includes(':') && /^[0-9a-fA-F:.]+(%.+)?$/.test(s) ? 6 : 0;
  }
  function installListeners(agent, s, options) {
    function onFree() { agent.emit('free', s, options); }
    s.on('free', onFree);
    // The one place a socket leaves the agent: its close (every error ends in one).
    function onClose() { agent.totalSocketCount--; agent.removeSocket(s, options); }
    s.on('close', onClose);
    function onTimeout() {
      // An idle pooled socket that times out is closed.
      const sockets = agent.freeSockets;
      if (Object.keys(sockets).some((name) => sockets[name].includes(s))) s.destroy();
    }
    s.on('timeout', onTimeout);
    // An upgraded socket leaves the pool for good.
    function onRemove() {
      agent.totalSocketCount--;
      agent.removeSocket(s, options);
      s.removeListener('close', onClose);
      s.removeListener('free', onFree);
      s.removeListener('timeout', onTimeout);
      s.removeListener('agentRemove', onRemove);
    }
    s.on('agentRemove', onRemove);
    if (agent[kOnKeylog]) s.on('keylog', agent[kOnKeylog]);
  }
  Agent.prototype.removeSocket = function removeSocket(s, options) {
    const name = this.getName(options);
    const sets = [this.sockets];
    if (!s.writable) sets.push(this.freeSockets); // a destroyed socket leaves the free list too
    for (const sockets of sets) {
      if (sockets[name]) {
        const index = sockets[name].indexOf(s);
        if (index !== -1) {
          sockets[name].splice(index, 1);
          if (sockets[name].length === 0) delete sockets[name];
        }
      }
    }
    let req;
    if (this.requests[name] && this.requests[name].length) {
      req = this.requests[name][0];
    } else {
      // A request of another origin may wait for the total to drop.
      for (const prop of Object.keys(this.requests)) {
        if (this.sockets[prop] && this.sockets[prop].length) break;
        req = this.requests[prop][0];
        options = req._agentOptions;
        break;
      }
    }
    if (req && options) {
      req._agentOptions = undefined;
      // A socket closed while requests wait: open one for the first of them.
      this.createSocket(req, options, (err, socket) => {
        if (err) req.onSocket(socket, err);
        else socket.emit('free');
      });
    }
  };
  Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
    if (typeof socket.setKeepAlive === 'function') socket.setKeepAlive(true, this.keepAliveMsecs);
    if (typeof socket.unref === 'function') socket.unref();
    const agentTimeout = this.options.timeout || 0;
    if (socket.timeout !== agentTimeout && typeof socket.setTimeout === 'function') socket.setTimeout(agentTimeout);
    return true;
  };
  Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
    socket.removeListener('error', freeSocketErrorListener);
    req.reusedSocket = true;
    if (typeof socket.ref === 'function') socket.ref();
  };
  Agent.prototype.destroy = function destroy() {
    for (const set of [this.freeSockets, this.sockets]) {
      for (const key of Object.keys(set)) for (const s of set[key]) s.destroy();
    }
  };
  function setRequestSocket(agent, req, socket) {
    req.onSocket(socket);
    const agentTimeout = agent.options.timeout || 0;
    if (req.timeout === undefined || req.timeout === agentTimeout) return;
    socket.setTimeout(req.timeout);
  }

  // -------------------------------------------------------------------------------------------
  // The module: http.request/get and the globalAgent join 27-http.js's exports.
  const globalAgentHolder = { agent: new Agent() };
  function request(url, options, cb) { return new ClientRequest(url, options, cb); }
  function get(url, options, cb) {
    const req = request(url, options, cb);
    req.end();
    return req;
  }
  Object.assign(httpModule, { Agent, ClientRequest, request, get });
  Object.defineProperty(httpModule, 'globalAgent', {
    configurable: true, enumerable: true,
    get() { return globalAgentHolder.agent; },
    set(value) { globalAgentHolder.agent = value; },
  });
  Object.defineProperty(httpModule, 'maxHeaderSize', {
    configurable: true, enumerable: true, get: maxHeaderSizeNow,
  });
  registerBuiltin('_http_agent', { Agent, get globalAgent() { return globalAgentHolder.agent; }, set globalAgent(v) { globalAgentHolder.agent = v; } });
  registerBuiltin('_http_client', { ClientRequest });
  Object.assign(builtins.get('_http_incoming'), { readStart, readStop });
  const common = {
    _checkInvalidHeaderChar: (val) => /[^\t\x20-\x7e\x80-\xff]/.test(val),
    _checkIsHttpToken: checkIsHttpToken,
    chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
    continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
    CRLF: crlf,
    methods,
    kIncomingMessage: Symbol('IncomingMessage'),
    HTTPParser,
    isLenient: lenientDefault,
    prepareError,
    freeParser,
    get parsers() { return parsers(); },
  };
  registerBuiltin('_http_common', common);
  // Node's: how many idle parsers the pool keeps.
  httpModule.setMaxIdleHTTPParsers = function setMaxIdleHTTPParsers(max) {
    validateInteger(max, 'max', 1);
    parsers().max = max;
  };
  return { Agent, ClientRequest, IncomingMessage, HTTPParser, httpParserBinding, request, get };
})();
