// http2: Node 18.20.4's own lib/http2.js and lib/internal/http2/{core,compat,util}.js (vendored
// in NodeLib/) over an `http2` binding written here in place of Node's C++ one (src/node_http2.cc).
// nghttp2 frames, compresses headers and keeps the flow-control windows (HTTP2/, ops op_h2_*);
// this binding feeds it what a socket handle reads, writes what it produces through that handle,
// and turns its events into the calls Node's binding makes into core.js. Also the stand-ins for
// the other Node internals those files use (stream_base_commons, js_stream_socket, ...).
// Uses from earlier files: 00-core.js (core); 01-inspect.js (format); 02-errors.js (nodeError, invalidArgType, validateFunction, outOfRange); 03-loop.js (nextTick, processTicksAndRejections, fatal, TIMEOUT_MAX, timers, setTimeout, clearTimeout, setImmediate); 05-process.js (process); 07-path.js (path); 08-fs.js (then, flow, FileHandle, fs); 10-builtins.js (util, registerLazyBuiltin, requireBuiltin); 11-buffer.js (Buffer); 27-http.js (http); 32-net.js (socketErrno, netInternals, netModule); 43-nodelib.js (nodeLib).
(() => {
  const { internals, bindings, errorCodes, codeClass } = nodeLib;
  const net = netModule;
  const { StreamHandle } = netInternals;

  // ---------------------------------------------------------------------------------------------
  // Node's error codes for http2 (messages as lib/internal/errors.js has them)
  const fmt = (template) => (...args) => format(template, ...args);
  function E(code, message, Base, ...others) {
    const f = typeof message === 'function' ? message : fmt(message);
    const cls = codeClass(Base, code, f);
    for (const Other of others) cls[Other.name] = codeClass(Other, code, f);
    errorCodes[code] = cls;
  }
  E('ERR_HTTP2_ALTSVC_INVALID_ORIGIN', 'HTTP/2 ALTSVC frames require a valid origin', TypeError);
  E('ERR_HTTP2_ALTSVC_LENGTH', 'HTTP/2 ALTSVC frames are limited to 16382 bytes', TypeError);
  E('ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests', Error);
  E('ERR_HTTP2_CONNECT_PATH', 'The :path header is forbidden for CONNECT requests', Error);
  E('ERR_HTTP2_CONNECT_SCHEME', 'The :scheme header is forbidden for CONNECT requests', Error);
  E('ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY', Error);
  E('ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated', Error);
  E('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error);
  E('ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "%s" must only have a single value', TypeError);
  E('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', 'Informational status codes cannot be used', RangeError);
  E('ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError);
  E('ERR_HTTP2_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
  E('ERR_HTTP2_INVALID_INFO_STATUS', 'Invalid informational status code: %s', RangeError);
  E('ERR_HTTP2_INVALID_ORIGIN', 'HTTP/2 ORIGIN frames require a valid origin', TypeError);
  E('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', 'Packed settings length must be a multiple of six', RangeError);
  E('ERR_HTTP2_INVALID_PSEUDOHEADER', '"%s" is an invalid pseudoheader or is used incorrectly', TypeError);
  E('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error);
  E('ERR_HTTP2_INVALID_SETTING_VALUE', function (name, actual, min = undefined, max = undefined) {
    this.actual = actual;
    if (min !== undefined) {
      this.min = min;
      this.max = max;
    }
    return `Invalid value for setting "${name}": ${actual}`;
  }, TypeError, RangeError);
  E('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error);
  E('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK', 'Maximum number of pending settings acknowledgements', Error);
  E('ERR_HTTP2_NESTED_PUSH', 'A push stream cannot initiate another push stream.', Error);
  E('ERR_HTTP2_NO_MEM', 'Out of memory', Error);
  E('ERR_HTTP2_NO_SOCKET_MANIPULATION', 'HTTP/2 sockets should not be directly manipulated (e.g. read and written)', Error);
  E('ERR_HTTP2_ORIGIN_LENGTH', 'HTTP/2 ORIGIN frames are limited to 16382 bytes', TypeError);
  E('ERR_HTTP2_OUT_OF_STREAMS', 'No stream ID is available because maximum stream ID has been reached', Error);
  E('ERR_HTTP2_PAYLOAD_FORBIDDEN', 'Responses with %s status must not have a payload', Error);
  E('ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error);
  E('ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError);
  E('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers', TypeError);
  E('ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', Error);
  E('ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error);
  E('ERR_HTTP2_SEND_FILE_NOSEEK', 'Offset or length can only be specified for regular files', Error);
  E('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error);
  E('ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', Error);
  E('ERR_HTTP2_SOCKET_BOUND', 'The socket is already bound to an Http2Session', Error);
  E('ERR_HTTP2_SOCKET_UNBOUND', 'The socket has been disconnected from the Http2Session', Error);
  E('ERR_HTTP2_STATUS_101', 'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error);
  E('ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError);
  E('ERR_HTTP2_STREAM_CANCEL', function (error) {
    let msg = 'The pending stream has been canceled';
    if (error) {
      this.cause = error;
      if (typeof error.message === 'string') msg += ` (caused by: ${error.message})`;
    }
    return msg;
  }, Error);
  E('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error);
  E('ERR_HTTP2_STREAM_SELF_DEPENDENCY', 'A stream cannot depend on itself', Error);
  E('ERR_HTTP2_TOO_MANY_INVALID_FRAMES', 'Too many invalid HTTP/2 frames', Error);
  E('ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent', Error);
  E('ERR_HTTP2_TRAILERS_NOT_READY', 'Trailing headers cannot be sent until after the wantTrailers event is emitted', Error);
  E('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error);
  E('ERR_INVALID_CHAR', (name, field = undefined) => {
    let msg = `Invalid character in ${name}`;
    if (field !== undefined) msg += ` ["${field}"]`;
    return msg;
  }, TypeError);
  E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
  E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
  E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);
  E('ERR_INTERNAL_ASSERTION', (message) => {
    const suffix = 'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
      'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n';
    return message === undefined ? suffix : `${message}\n${suffix}`;
  }, Error);

  // ---------------------------------------------------------------------------------------------
  // The binding's constants and shared buffers (node_http2.cc, node_http2_state.h)
  const constants = {
    NGHTTP2_ERR_FRAME_SIZE_ERROR: -522, NGHTTP2_SESSION_SERVER: 0, NGHTTP2_SESSION_CLIENT: 1,
    NGHTTP2_STREAM_STATE_IDLE: 1, NGHTTP2_STREAM_STATE_OPEN: 2, NGHTTP2_STREAM_STATE_RESERVED_LOCAL: 3,
    NGHTTP2_STREAM_STATE_RESERVED_REMOTE: 4, NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL: 5,
    NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE: 6, NGHTTP2_STREAM_STATE_CLOSED: 7, NGHTTP2_FLAG_NONE: 0,
    NGHTTP2_FLAG_END_STREAM: 1, NGHTTP2_FLAG_END_HEADERS: 4, NGHTTP2_FLAG_ACK: 1, NGHTTP2_FLAG_PADDED: 8,
    NGHTTP2_FLAG_PRIORITY: 32, DEFAULT_SETTINGS_HEADER_TABLE_SIZE: 4096, DEFAULT_SETTINGS_ENABLE_PUSH: 1,
    DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS: 4294967295, DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE: 65535,
    DEFAULT_SETTINGS_MAX_FRAME_SIZE: 16384, DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE: 65535,
    DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL: 0, MAX_MAX_FRAME_SIZE: 16777215, MIN_MAX_FRAME_SIZE: 16384,
    MAX_INITIAL_WINDOW_SIZE: 2147483647, NGHTTP2_SETTINGS_HEADER_TABLE_SIZE: 1, NGHTTP2_SETTINGS_ENABLE_PUSH: 2,
    NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS: 3, NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE: 4,
    NGHTTP2_SETTINGS_MAX_FRAME_SIZE: 5, NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE: 6,
    NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL: 8, PADDING_STRATEGY_NONE: 0, PADDING_STRATEGY_ALIGNED: 1,
    PADDING_STRATEGY_MAX: 2, PADDING_STRATEGY_CALLBACK: 1, NGHTTP2_NO_ERROR: 0, NGHTTP2_PROTOCOL_ERROR: 1,
    NGHTTP2_INTERNAL_ERROR: 2, NGHTTP2_FLOW_CONTROL_ERROR: 3, NGHTTP2_SETTINGS_TIMEOUT: 4, NGHTTP2_STREAM_CLOSED: 5,
    NGHTTP2_FRAME_SIZE_ERROR: 6, NGHTTP2_REFUSED_STREAM: 7, NGHTTP2_CANCEL: 8, NGHTTP2_COMPRESSION_ERROR: 9,
    NGHTTP2_CONNECT_ERROR: 10, NGHTTP2_ENHANCE_YOUR_CALM: 11, NGHTTP2_INADEQUATE_SECURITY: 12,
    NGHTTP2_HTTP_1_1_REQUIRED: 13, NGHTTP2_DEFAULT_WEIGHT: 16, HTTP2_HEADER_STATUS: ':status',
    HTTP2_HEADER_METHOD: ':method', HTTP2_HEADER_AUTHORITY: ':authority', HTTP2_HEADER_SCHEME: ':scheme',
    HTTP2_HEADER_PATH: ':path', HTTP2_HEADER_PROTOCOL: ':protocol', HTTP2_HEADER_ACCEPT_ENCODING: 'accept-encoding',
    HTTP2_HEADER_ACCEPT_LANGUAGE: 'accept-language', HTTP2_HEADER_ACCEPT_RANGES: 'accept-ranges',
    HTTP2_HEADER_ACCEPT: 'accept',
    HTTP2_HEADER_ACCESS_CONTROL_ALLOW_CREDENTIALS: 'access-control-allow-credentials',
    HTTP2_HEADER_ACCESS_CONTROL_ALLOW_HEADERS: 'access-control-allow-headers',
    HTTP2_HEADER_ACCESS_CONTROL_ALLOW_METHODS: 'access-control-allow-methods',
    HTTP2_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN: 'access-control-allow-origin',
    HTTP2_HEADER_ACCESS_CONTROL_EXPOSE_HEADERS: 'access-control-expose-headers',
    HTTP2_HEADER_ACCESS_CONTROL_REQUEST_HEADERS: 'access-control-request-headers',
    HTTP2_HEADER_ACCESS_CONTROL_REQUEST_METHOD: 'access-control-request-method', HTTP2_HEADER_AGE: 'age',
    HTTP2_HEADER_AUTHORIZATION: 'authorization', HTTP2_HEADER_CACHE_CONTROL: 'cache-control',
    HTTP2_HEADER_CONNECTION: 'connection', HTTP2_HEADER_CONTENT_DISPOSITION: 'content-disposition',
    HTTP2_HEADER_CONTENT_ENCODING: 'content-encoding', HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
    HTTP2_HEADER_CONTENT_TYPE: 'content-type', HTTP2_HEADER_COOKIE: 'cookie', HTTP2_HEADER_DATE: 'date',
    HTTP2_HEADER_ETAG: 'etag', HTTP2_HEADER_FORWARDED: 'forwarded', HTTP2_HEADER_HOST: 'host',
    HTTP2_HEADER_IF_MODIFIED_SINCE: 'if-modified-since', HTTP2_HEADER_IF_NONE_MATCH: 'if-none-match',
    HTTP2_HEADER_IF_RANGE: 'if-range', HTTP2_HEADER_LAST_MODIFIED: 'last-modified', HTTP2_HEADER_LINK: 'link',
    HTTP2_HEADER_LOCATION: 'location', HTTP2_HEADER_RANGE: 'range', HTTP2_HEADER_REFERER: 'referer',
    HTTP2_HEADER_SERVER: 'server', HTTP2_HEADER_SET_COOKIE: 'set-cookie',
    HTTP2_HEADER_STRICT_TRANSPORT_SECURITY: 'strict-transport-security',
    HTTP2_HEADER_TRANSFER_ENCODING: 'transfer-encoding', HTTP2_HEADER_TE: 'te',
    HTTP2_HEADER_UPGRADE_INSECURE_REQUESTS: 'upgrade-insecure-requests', HTTP2_HEADER_UPGRADE: 'upgrade',
    HTTP2_HEADER_USER_AGENT: 'user-agent', HTTP2_HEADER_VARY: 'vary',
    HTTP2_HEADER_X_CONTENT_TYPE_OPTIONS: 'x-content-type-options', HTTP2_HEADER_X_FRAME_OPTIONS: 'x-frame-options',
    HTTP2_HEADER_KEEP_ALIVE: 'keep-alive', HTTP2_HEADER_PROXY_CONNECTION: 'proxy-connection',
    HTTP2_HEADER_X_XSS_PROTECTION: 'x-xss-protection', HTTP2_HEADER_ALT_SVC: 'alt-svc',
    HTTP2_HEADER_CONTENT_SECURITY_POLICY: 'content-security-policy', HTTP2_HEADER_EARLY_DATA: 'early-data',
    HTTP2_HEADER_EXPECT_CT: 'expect-ct', HTTP2_HEADER_ORIGIN: 'origin', HTTP2_HEADER_PURPOSE: 'purpose',
    HTTP2_HEADER_TIMING_ALLOW_ORIGIN: 'timing-allow-origin', HTTP2_HEADER_X_FORWARDED_FOR: 'x-forwarded-for',
    HTTP2_HEADER_PRIORITY: 'priority', HTTP2_HEADER_ACCEPT_CHARSET: 'accept-charset',
    HTTP2_HEADER_ACCESS_CONTROL_MAX_AGE: 'access-control-max-age', HTTP2_HEADER_ALLOW: 'allow',
    HTTP2_HEADER_CONTENT_LANGUAGE: 'content-language', HTTP2_HEADER_CONTENT_LOCATION: 'content-location',
    HTTP2_HEADER_CONTENT_MD5: 'content-md5', HTTP2_HEADER_CONTENT_RANGE: 'content-range', HTTP2_HEADER_DNT: 'dnt',
    HTTP2_HEADER_EXPECT: 'expect', HTTP2_HEADER_EXPIRES: 'expires', HTTP2_HEADER_FROM: 'from',
    HTTP2_HEADER_IF_MATCH: 'if-match', HTTP2_HEADER_IF_UNMODIFIED_SINCE: 'if-unmodified-since',
    HTTP2_HEADER_MAX_FORWARDS: 'max-forwards', HTTP2_HEADER_PREFER: 'prefer',
    HTTP2_HEADER_PROXY_AUTHENTICATE: 'proxy-authenticate', HTTP2_HEADER_PROXY_AUTHORIZATION: 'proxy-authorization',
    HTTP2_HEADER_REFRESH: 'refresh', HTTP2_HEADER_RETRY_AFTER: 'retry-after', HTTP2_HEADER_TRAILER: 'trailer',
    HTTP2_HEADER_TK: 'tk', HTTP2_HEADER_VIA: 'via', HTTP2_HEADER_WARNING: 'warning',
    HTTP2_HEADER_WWW_AUTHENTICATE: 'www-authenticate', HTTP2_HEADER_HTTP2_SETTINGS: 'http2-settings',
    HTTP2_METHOD_ACL: 'ACL', HTTP2_METHOD_BASELINE_CONTROL: 'BASELINE-CONTROL', HTTP2_METHOD_BIND: 'BIND',
    HTTP2_METHOD_CHECKIN: 'CHECKIN', HTTP2_METHOD_CHECKOUT: 'CHECKOUT', HTTP2_METHOD_CONNECT: 'CONNECT',
    HTTP2_METHOD_COPY: 'COPY', HTTP2_METHOD_DELETE: 'DELETE', HTTP2_METHOD_GET: 'GET', HTTP2_METHOD_HEAD: 'HEAD',
    HTTP2_METHOD_LABEL: 'LABEL', HTTP2_METHOD_LINK: 'LINK', HTTP2_METHOD_LOCK: 'LOCK', HTTP2_METHOD_MERGE: 'MERGE',
    HTTP2_METHOD_MKACTIVITY: 'MKACTIVITY', HTTP2_METHOD_MKCALENDAR: 'MKCALENDAR', HTTP2_METHOD_MKCOL: 'MKCOL',
    HTTP2_METHOD_MKREDIRECTREF: 'MKREDIRECTREF', HTTP2_METHOD_MKWORKSPACE: 'MKWORKSPACE', HTTP2_METHOD_MOVE: 'MOVE',
    HTTP2_METHOD_OPTIONS: 'OPTIONS', HTTP2_METHOD_ORDERPATCH: 'ORDERPATCH', HTTP2_METHOD_PATCH: 'PATCH',
    HTTP2_METHOD_POST: 'POST', HTTP2_METHOD_PRI: 'PRI', HTTP2_METHOD_PROPFIND: 'PROPFIND',
    HTTP2_METHOD_PROPPATCH: 'PROPPATCH', HTTP2_METHOD_PUT: 'PUT', HTTP2_METHOD_REBIND: 'REBIND',
    HTTP2_METHOD_REPORT: 'REPORT', HTTP2_METHOD_SEARCH: 'SEARCH', HTTP2_METHOD_TRACE: 'TRACE',
    HTTP2_METHOD_UNBIND: 'UNBIND', HTTP2_METHOD_UNCHECKOUT: 'UNCHECKOUT', HTTP2_METHOD_UNLINK: 'UNLINK',
    HTTP2_METHOD_UNLOCK: 'UNLOCK', HTTP2_METHOD_UPDATE: 'UPDATE',
    HTTP2_METHOD_UPDATEREDIRECTREF: 'UPDATEREDIRECTREF', HTTP2_METHOD_VERSION_CONTROL: 'VERSION-CONTROL',
    HTTP_STATUS_CONTINUE: 100, HTTP_STATUS_SWITCHING_PROTOCOLS: 101, HTTP_STATUS_PROCESSING: 102,
    HTTP_STATUS_EARLY_HINTS: 103, HTTP_STATUS_OK: 200, HTTP_STATUS_CREATED: 201, HTTP_STATUS_ACCEPTED: 202,
    HTTP_STATUS_NON_AUTHORITATIVE_INFORMATION: 203, HTTP_STATUS_NO_CONTENT: 204, HTTP_STATUS_RESET_CONTENT: 205,
    HTTP_STATUS_PARTIAL_CONTENT: 206, HTTP_STATUS_MULTI_STATUS: 207, HTTP_STATUS_ALREADY_REPORTED: 208,
    HTTP_STATUS_IM_USED: 226, HTTP_STATUS_MULTIPLE_CHOICES: 300, HTTP_STATUS_MOVED_PERMANENTLY: 301,
    HTTP_STATUS_FOUND: 302, HTTP_STATUS_SEE_OTHER: 303, HTTP_STATUS_NOT_MODIFIED: 304, HTTP_STATUS_USE_PROXY: 305,
    HTTP_STATUS_TEMPORARY_REDIRECT: 307, HTTP_STATUS_PERMANENT_REDIRECT: 308, HTTP_STATUS_BAD_REQUEST: 400,
    HTTP_STATUS_UNAUTHORIZED: 401, HTTP_STATUS_PAYMENT_REQUIRED: 402, HTTP_STATUS_FORBIDDEN: 403,
    HTTP_STATUS_NOT_FOUND: 404, HTTP_STATUS_METHOD_NOT_ALLOWED: 405, HTTP_STATUS_NOT_ACCEPTABLE: 406,
    HTTP_STATUS_PROXY_AUTHENTICATION_REQUIRED: 407, HTTP_STATUS_REQUEST_TIMEOUT: 408, HTTP_STATUS_CONFLICT: 409,
    HTTP_STATUS_GONE: 410, HTTP_STATUS_LENGTH_REQUIRED: 411, HTTP_STATUS_PRECONDITION_FAILED: 412,
    HTTP_STATUS_PAYLOAD_TOO_LARGE: 413, HTTP_STATUS_URI_TOO_LONG: 414, HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE: 415,
    HTTP_STATUS_RANGE_NOT_SATISFIABLE: 416, HTTP_STATUS_EXPECTATION_FAILED: 417, HTTP_STATUS_TEAPOT: 418,
    HTTP_STATUS_MISDIRECTED_REQUEST: 421, HTTP_STATUS_UNPROCESSABLE_ENTITY: 422, HTTP_STATUS_LOCKED: 423,
    HTTP_STATUS_FAILED_DEPENDENCY: 424, HTTP_STATUS_TOO_EARLY: 425, HTTP_STATUS_UPGRADE_REQUIRED: 426,
    HTTP_STATUS_PRECONDITION_REQUIRED: 428, HTTP_STATUS_TOO_MANY_REQUESTS: 429,
    HTTP_STATUS_REQUEST_HEADER_FIELDS_TOO_LARGE: 431, HTTP_STATUS_UNAVAILABLE_FOR_LEGAL_REASONS: 451,
    HTTP_STATUS_INTERNAL_SERVER_ERROR: 500, HTTP_STATUS_NOT_IMPLEMENTED: 501, HTTP_STATUS_BAD_GATEWAY: 502,
    HTTP_STATUS_SERVICE_UNAVAILABLE: 503, HTTP_STATUS_GATEWAY_TIMEOUT: 504,
    HTTP_STATUS_HTTP_VERSION_NOT_SUPPORTED: 505, HTTP_STATUS_VARIANT_ALSO_NEGOTIATES: 506,
    HTTP_STATUS_INSUFFICIENT_STORAGE: 507, HTTP_STATUS_LOOP_DETECTED: 508,
    HTTP_STATUS_BANDWIDTH_LIMIT_EXCEEDED: 509, HTTP_STATUS_NOT_EXTENDED: 510,
    HTTP_STATUS_NETWORK_AUTHENTICATION_REQUIRED: 511,
  };
  // What core.js and util.js read from the binding's constants that http2.constants does not list.
  for (const [name, value] of Object.entries({
    NGHTTP2_ERR_INVALID_ARGUMENT: -501, NGHTTP2_ERR_STREAM_ID_NOT_AVAILABLE: -509, NGHTTP2_ERR_STREAM_CLOSED: -510,
    NGHTTP2_ERR_NOMEM: -901, NGHTTP2_HCAT_REQUEST: 0, NGHTTP2_HCAT_RESPONSE: 1, NGHTTP2_HCAT_PUSH_RESPONSE: 2,
    NGHTTP2_HCAT_HEADERS: 3, NGHTTP2_NV_FLAG_NONE: 0, NGHTTP2_NV_FLAG_NO_INDEX: 1, STREAM_OPTION_EMPTY_PAYLOAD: 1,
    STREAM_OPTION_GET_TRAILERS: 2,
  })) Object.defineProperty(constants, name, { value, enumerable: false });
  const nameForErrorCode = [
    'NGHTTP2_NO_ERROR', 'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_INTERNAL_ERROR', 'NGHTTP2_FLOW_CONTROL_ERROR',
    'NGHTTP2_SETTINGS_TIMEOUT', 'NGHTTP2_STREAM_CLOSED', 'NGHTTP2_FRAME_SIZE_ERROR', 'NGHTTP2_REFUSED_STREAM',
    'NGHTTP2_CANCEL', 'NGHTTP2_COMPRESSION_ERROR', 'NGHTTP2_CONNECT_ERROR', 'NGHTTP2_ENHANCE_YOUR_CALM',
    'NGHTTP2_INADEQUATE_SECURITY', 'NGHTTP2_HTTP_1_1_REQUIRED',
  ];
  // SessionJSFields: bitfield, priority and frameError listener counts, then two uint32 limits.
  const kBitfield = 0, kSessionPriorityListenerCount = 1, kSessionFrameErrorListenerCount = 2;
  const kSessionMaxInvalidFrames = 4, kSessionMaxRejectedStreams = 8, kSessionUint8FieldCount = 12;
  const kSessionHasRemoteSettingsListeners = 0, kSessionRemoteSettingsIsUpToDate = 1;
  const kSessionHasPingListeners = 2, kSessionHasAltsvcListeners = 3;
  const settingsBuffer = new Uint32Array(8);
  const optionsBuffer = new Uint32Array(11);
  const sessionState = new Float64Array(9);
  const streamState = new Float64Array(6);
  // settingsBuffer index -> the SETTINGS id nghttp2 knows it by.
  const settingIds = [1, 2, 4, 5, 3, 6, 8];
  const defaultSettings = [4096, 1, 65535, 16384, 0xffffffff, 65535, 0];
  const UV_EOF = -4095;
  const { NGHTTP2_SESSION_SERVER, NGHTTP2_NO_ERROR, STREAM_OPTION_EMPTY_PAYLOAD, STREAM_OPTION_GET_TRAILERS } = constants;
  const IDX_OPTIONS_MAX_OUTSTANDING_PINGS = 6, IDX_OPTIONS_MAX_OUTSTANDING_SETTINGS = 7, IDX_OPTIONS_FLAGS = 10;
  const kReadBytesOrError = 0, kArrayBufferOffset = 1;
  const { streamBaseState, ownerSymbol: owner_symbol } = netInternals;
  const async_id_symbol = Symbol('async_id_symbol');
  let nextAsyncId = 1;
  const cb = {}; // setCallbackFunctions: the functions of core.js this binding calls

  // NODE_DEBUG_NATIVE=http2: the lines Node's C++ binding prints (its Debug() calls).
  // Read when the first session is made, not when the runtime's snapshot is.
  let nativeDebug = false;
  const sessionName = (session) => `Http2Session ${session.type === NGHTTP2_SESSION_SERVER ? 'server' : 'client'} (${session.asyncId})`;
  function debugSession(session, message) {
    if (nativeDebug) process.stderr.write(`${sessionName(session)} ${message}\n`);
  }
  function debugStream(stream, message) {
    if (nativeDebug) process.stderr.write(`HttpStream ${stream.streamId} (${stream.asyncId}) [${sessionName(stream.session)}] ${message}\n`);
  }
  const latin1 = (headers) => Buffer.from(headers[0], 'latin1');
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const errnoWrite = (err) => {
    const e = new Error(`write ${err === UV_EOF ? 'EOF' : err}`);
    e.code = err === UV_EOF ? 'EOF' : 'ECANCELED';
    e.errno = err;
    e.syscall = 'write';
    return e;
  };

  // One HTTP/2 connection (node::http2::Http2Session): the nghttp2 session in Swift, the socket
  // handle it reads and writes, its streams by id.
  class Http2Session {
    constructor(type) {
      this.type = type;
      this.fields = new Uint8Array(kSessionUint8FieldCount);
      const limits = new Uint32Array(this.fields.buffer, kSessionMaxInvalidFrames, 2);
      limits[0] = 1000;
      limits[1] = 100;
      const flags = optionsBuffer[IDX_OPTIONS_FLAGS];
      const id = ops.op_h2_new(type === NGHTTP2_SESSION_SERVER, Array.from(optionsBuffer));
      if (typeof id === 'string') throw nodeError(Error, 'ERR_FE_UNSUPPORTED', `fe cannot use nghttp2 for http2: ${id}`);
      this.id = id;
      this.asyncId = nextAsyncId++;
      nativeDebug = /\bhttp2\b/i.test(process.env.NODE_DEBUG_NATIVE || '');
      this.maxPings = flags & (1 << IDX_OPTIONS_MAX_OUTSTANDING_PINGS) ? optionsBuffer[IDX_OPTIONS_MAX_OUTSTANDING_PINGS] : 10;
      this.maxSettings = flags & (1 << IDX_OPTIONS_MAX_OUTSTANDING_SETTINGS) ? optionsBuffer[IDX_OPTIONS_MAX_OUTSTANDING_SETTINGS] : 10;
      this.streams = new Map();
      this.pings = [];
      this.pendingSettings = [];
      this.invalidFrames = 0;
      this.chunksSent = 0;
      this.chunksSentSinceLastWrite = 0;
      this.ondone = null;
      this.handle = null;
      this.previousOnread = null;
      this.destroyed = false;
      this.flushScheduled = false;
      this.flushing = false;
      this.writesInFlight = 0;
      this.settingsSnapshot = null;
      // RST_STREAMs asked for while an event is handled go out after it, unless the session is
      // destroyed first (Node's pending RST_STREAMs).
      this.dispatching = false;
      this.pendingRst = [];
      this.deferredEvents = [];
    }
    // Takes the socket handle over: its reads come here, this session's frames go out through it.
    consume(handle) {
      this.handle = handle;
      this.previousOnread = handle.onread;
      handle.onread = (buffer, err) => this.onSocketRead(buffer, err);
      handle.reading = true;
      handle.readStart();
    }
    onSocketRead(buffer, err) {
      if (buffer && buffer.length) { this.receive(buffer, true); return; }
      // The end or an error goes to the socket, which closes, and the session with it.
      if (this.previousOnread) this.previousOnread(buffer, err);
    }
    // `fromLoop`: called by the event loop, not from JS, so each event is a callback of its own
    // after which queued ticks run (Node's MakeCallback from C++).
    receive(buffer, fromLoop = false) {
      if (this.destroyed) return;
      const r = ops.op_h2_receive(this.id, buffer);
      // nghttp2 queued what the peer must hear (a GOAWAY for a protocol error) before failing.
      this.flush(fromLoop);
      if (this.destroyed) return;
      if (r < 0) cb.onSessionInternalError.call(this, r);
    }
    scheduleFlush() {
      if (this.flushScheduled || this.destroyed) return;
      this.flushScheduled = true;
      setImmediate(() => { this.flushScheduled = false; this.flush(true); });
    }
    // Sends what nghttp2 has for the peer and hands its events to core.js, until neither is left.
    flush(fromLoop = false) {
      if (this.flushing || this.destroyed) return;
      this.flushing = true;
      try {
        for (;;) {
          const [bytes, err, sent] = ops.op_h2_send(this.id);
          if (bytes && this.handle) this.writeToSocket(bytes);
          const events = this.deferredEvents.length ? this.deferredEvents.splice(0).concat(sent) : sent;
          for (const event of events) {
            if (this.destroyed) break;
            this.dispatching = true;
            try {
              this.dispatch(event);
              if (fromLoop) processTicksAndRejections();
            } finally {
              this.dispatching = false;
            }
          }
          if (err < 0 && !this.destroyed) { cb.onSessionInternalError.call(this, err); break; }
          if (this.destroyed) break;
          if (this.pendingRst.length) { this.submitRst(); continue; }
          if (!bytes && events.length === 0) break;
        }
        // nghttp2 has ended the connection (a GOAWAY for the peer's error went out): the socket
        // ends after it, and the session with the socket.
        if (!this.destroyed && !this.ended && this.handle) {
          const [wantRead, wantWrite] = ops.op_h2_want(this.id);
          if (!wantRead && !wantWrite) {
            this.ended = true;
            const socket = this.handle.owner;
            if (socket && typeof socket.end === 'function' && !socket.destroyed) socket.end();
          }
        }
      } finally {
        this.flushing = false;
      }
    }
    // RST_STREAMs go out after the data already written to their streams (but a CANCEL does not
    // wait for it), as Node's Http2Stream::SubmitRstStream purges pending data first. A request
    // whose HEADERS have not gone out yet is cancelled by it instead (nghttp2 drops them).
    submitRst() {
      const list = this.pendingRst.splice(0);
      if (list.some(([, code, wrote]) => wrote && code !== constants.NGHTTP2_CANCEL)) {
        const [bytes, , events] = ops.op_h2_send(this.id);
        if (bytes && this.handle) this.writeToSocket(bytes);
        this.deferredEvents.push(...events);
      }
      for (const [id, code] of list) ops.op_h2_rst(this.id, id, code);
    }
    writeToSocket(bytes) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.chunksSent++;
      this.writesInFlight++;
      const done = () => {
        this.writesInFlight--;
        if (this.writesInFlight === 0 && this.destroyed && this.pendingDone) this.finishDestroy();
      };
      const r = this.handle.write(buffer, done);
      if (r < 0) done();
      else if (!this.handle.lastWriteAsync) done();
    }
    dispatch(event) {
      switch (event[0]) {
        case 'headers':
        case 'push': {
          const [, id, cat, flags, list, sensitive] = event;
          let stream = this.streams.get(id);
          if (stream === undefined) {
            stream = new Http2Stream(this, id);
            this.streams.set(id, stream);
          }
          cb.onSessionHeaders.call(this, stream, id, cat, flags, list, sensitive);
          return;
        }
        case 'data': {
          debugSession(this, `handling data frame for stream ${event[1]}`);
          const stream = this.streams.get(event[1]);
          if (stream) stream.emitRead(Buffer.from(event[2].buffer, event[2].byteOffset, event[2].byteLength));
          return;
        }
        case 'end': {
          const stream = this.streams.get(event[1]);
          if (stream) stream.emitRead(null);
          return;
        }
        case 'close': {
          const [, id, code] = event;
          const stream = this.streams.get(id);
          if (!stream) return;
          debugStream(stream, `closed with code ${code}`);
          stream.closed = true;
          const answer = cb.onStreamClose.call(stream, code);
          if (answer === false) stream.destroy();
          this.streams.delete(id);
          return;
        }
        case 'written': {
          const stream = this.streams.get(event[1]);
          if (stream) stream.writeDone(event[2]);
          return;
        }
        case 'wantTrailers': {
          const stream = this.streams.get(event[1]);
          if (stream) cb.onStreamTrailers.call(stream);
          return;
        }
        case 'settings':
          if (!(this.fields[kBitfield] & (1 << kSessionHasRemoteSettingsListeners))) {
            this.fields[kBitfield] &= ~(1 << kSessionRemoteSettingsIsUpToDate);
            return;
          }
          // While core.js handles this frame, the settings are what it made them.
          this.settingsSnapshot = { remote: true, values: event[1] };
          try { cb.onSettings.call(this); } finally { this.settingsSnapshot = null; }
          return;
        case 'settingsAck': {
          const pending = this.pendingSettings.shift();
          if (!pending) return;
          this.settingsSnapshot = { remote: false, values: event[1] };
          try { pending.callback(true, now() - pending.start); } finally { this.settingsSnapshot = null; }
          return;
        }
        case 'error':
          // nghttp2's SETTINGS_EXPECTED (the peer's first frame was not SETTINGS) is Node's
          // protocol error; nghttp2 handles the others itself.
          if (event[1] === -536) cb.onSessionInternalError.call(this, -505);
          return;
        case 'ping':
          if (this.fields[kBitfield] & (1 << kSessionHasPingListeners)) cb.onPing.call(this, toBuffer(event[1]));
          return;
        case 'pingAck': {
          const ping = this.pings.shift();
          // An acknowledgement nobody asked for is a protocol error (NGHTTP2_ERR_PROTO).
          if (!ping) { cb.onSessionInternalError.call(this, -505); return; }
          // In the ping's own async scope, as Node's Http2Ping (an HTTP2PING resource).
          ping.resource.runInAsyncScope(ping.callback, undefined, true, now() - ping.start, toBuffer(event[1]));
          ping.resource.emitDestroy();
          return;
        }
        case 'goaway':
          cb.onGoawayData.call(this, event[1], event[2], event[3] === undefined ? undefined : toBuffer(event[3]));
          return;
        case 'altsvc':
          if (this.fields[kBitfield] & (1 << kSessionHasAltsvcListeners)) cb.onAltSvc.call(this, event[1], event[2], event[3]);
          return;
        case 'origin':
          cb.onOrigin.call(this, event[1]);
          return;
        case 'priority':
          if (this.fields[kSessionPriorityListenerCount] > 0) cb.onPriority.call(this, event[1], event[2], event[3], event[4]);
          return;
        case 'frameError': {
          const [, id, type, code] = event;
          // Frames dropped because the stream or session is closing are no error (as in Node).
          if (code === -530 || code === -510 || code === -511 || this.fields[kSessionFrameErrorListenerCount] === 0) return;
          // A frame too large to send is reported with the HTTP/2 code for it (FRAME_SIZE_ERROR).
          cb.onFrameError.call(this, id, type, code === constants.NGHTTP2_ERR_FRAME_SIZE_ERROR ? constants.NGHTTP2_FRAME_SIZE_ERROR : code);
          return;
        }
        case 'invalidFrame': {
          // As Node counts: the frame after maxSessionInvalidFrames more is one too many.
          if (this.invalidFrames++ > new Uint32Array(this.fields.buffer, kSessionMaxInvalidFrames, 1)[0]) {
            cb.onSessionInternalError.call(this, -902, 'ERR_HTTP2_TOO_MANY_INVALID_FRAMES');
            return;
          }
          // A fatal error, or a frame on a closed stream, ends the session (Node 18 OnInvalidFrame).
          const code = event[2];
          if (code <= -900 || code === -510) cb.onSessionInternalError.call(this, code);
          return;
        }
      }
    }
    request(headers, options, parent, weight, exclusive) {
      const id = ops.op_h2_request(this.id, latin1(headers), !!(options & STREAM_OPTION_EMPTY_PAYLOAD),
        !!(options & STREAM_OPTION_GET_TRAILERS), parent, weight, exclusive);
      if (id < 0) return id;
      const stream = new Http2Stream(this, id);
      if (options & STREAM_OPTION_EMPTY_PAYLOAD) stream.writable = false;
      this.streams.set(id, stream);
      this.scheduleFlush();
      return stream;
    }
    settings(callback) {
      if (this.pendingSettings.length >= this.maxSettings) return false;
      const flags = settingsBuffer[7];
      const list = [];
      for (let i = 0; i < 7; i++) if (flags & (1 << i)) list.push(settingIds[i], settingsBuffer[i]);
      ops.op_h2_settings(this.id, list);
      this.pendingSettings.push({ callback, start: now() });
      this.scheduleFlush();
      return true;
    }
    ping(payload, callback) {
      const resource = new (requireBuiltin('async_hooks').AsyncResource)('HTTP2PING', { requireManualDestroy: true });
      if (this.pings.length >= this.maxPings) {
        // Node's AddPing: one ping too many is done at once, unacknowledged (cancelled).
        resource.runInAsyncScope(callback, undefined, false);
        resource.emitDestroy();
        return false;
      }
      let data = payload;
      if (!data) {
        data = Buffer.alloc(8);
        data.writeDoubleBE(now());
      }
      ops.op_h2_ping(this.id, data);
      this.pings.push({ callback, start: now(), resource });
      this.scheduleFlush();
      return true;
    }
    goaway(code, lastStreamID, opaqueData) {
      ops.op_h2_goaway(this.id, code, lastStreamID, opaqueData ?? null);
      this.scheduleFlush();
    }
    altsvc(stream, origin, value) {
      ops.op_h2_altsvc(this.id, stream, origin, value);
      this.scheduleFlush();
    }
    origin(origins, count) {
      ops.op_h2_origin(this.id, origins.split('\0').slice(0, count));
      this.scheduleFlush();
    }
    setNextStreamID(id) { return ops.op_h2_set_next_stream_id(this.id, id) === 0; }
    setLocalWindowSize(size) {
      const r = ops.op_h2_set_local_window_size(this.id, size);
      this.scheduleFlush();
      return r;
    }
    localSettings() { this.fillSettings(false); }
    remoteSettings() { this.fillSettings(true); }
    fillSettings(remote) {
      const snapshot = this.settingsSnapshot;
      const values = this.destroyed ? defaultSettings
        : (snapshot && snapshot.values && snapshot.remote === remote ? snapshot.values : ops.op_h2_get_settings(this.id, remote));
      for (let i = 0; i < 7; i++) settingsBuffer[i] = values[i];
    }
    refreshState() {
      const values = ops.op_h2_state(this.id);
      for (let i = 0; i < 9; i++) sessionState[i] = values[i] ?? 0;
    }
    updateChunksSent() {
      this.chunksSentSinceLastWrite = this.chunksSent;
      return this.chunksSent;
    }
    hasPendingData() { return this.writesInFlight > 0; }
    destroy(code, socketDestroyed) {
      if (this.destroyed) return;
      this.destroyed = true;
      if (!socketDestroyed && this.handle) {
        // A GOAWAY with the code, then nothing more (nghttp2_session_terminate_session).
        ops.op_h2_goaway(this.id, code, 0, null);
        const [bytes] = ops.op_h2_send(this.id);
        if (bytes) this.writeToSocket(bytes);
      }
      for (const ping of this.pings) ping.resource.emitDestroy();
      this.pings = [];
      this.pendingRst = [];
      if (this.writesInFlight > 0) this.pendingDone = true;
      else this.finishDestroy();
    }
    finishDestroy() {
      this.pendingDone = false;
      ops.op_h2_free(this.id);
      const handle = this.handle;
      if (handle && this.previousOnread) {
        // The socket reads for itself again, to see the peer finish.
        handle.onread = this.previousOnread;
      }
      if (typeof this.ondone === 'function') this.ondone();
    }
  }

  const toBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // One stream (node::http2::Http2Stream), the handle of an Http2Stream duplex.
  class Http2Stream {
    constructor(session, id) {
      this.session = session;
      this.streamId = id;
      this.onread = null;
      this.reading = false;
      this.closed = false;
      this.destroyed = false;
      this.writable = true;
      this.nextReq = 1;
      this.wrote = false;
      this.writes = new Map();
      this.pendingRead = [];
      this.asyncId = nextAsyncId++;
    }
    id() { return this.streamId; }
    getAsyncId() { return this.asyncId; }
    emitRead(buffer) {
      if (this.destroyed || typeof this.onread !== 'function') return;
      streamBaseState[kArrayBufferOffset] = 0;
      if (buffer) {
        streamBaseState[kReadBytesOrError] = buffer.length;
        this.onread(buffer);
      } else {
        streamBaseState[kReadBytesOrError] = UV_EOF;
        this.onread(undefined);
      }
    }
    readStart() {
      debugStream(this, 'reading starting');
      this.reading = true;
      return 0;
    }
    readStop() { this.reading = false; return 0; }
    respond(headers, options) {
      if (this.destroyed) return constants.NGHTTP2_ERR_STREAM_CLOSED;
      // Already ended (a HEAD request, a 204): the HEADERS frame ends the stream.
      const empty = !!(options & STREAM_OPTION_EMPTY_PAYLOAD) || !this.writable;
      this.writable = !empty;
      const r = ops.op_h2_respond(this.session.id, this.streamId, latin1(headers), empty, !!(options & STREAM_OPTION_GET_TRAILERS));
      this.session.scheduleFlush();
      return r;
    }
    info(headers) {
      const r = ops.op_h2_headers(this.session.id, this.streamId, latin1(headers), 'info');
      this.session.scheduleFlush();
      return r;
    }
    trailers(headers) {
      const r = ops.op_h2_headers(this.session.id, this.streamId, latin1(headers), 'trailers');
      this.session.scheduleFlush();
      return r;
    }
    pushPromise(headers, options) {
      const id = ops.op_h2_push(this.session.id, this.streamId, latin1(headers));
      if (id < 0) return id;
      const stream = new Http2Stream(this.session, id);
      if (options & STREAM_OPTION_EMPTY_PAYLOAD) stream.writable = false;
      this.session.streams.set(id, stream);
      this.session.scheduleFlush();
      return stream;
    }
    rstStream(code) {
      if (this.destroyed && this.closed) return;
      const session = this.session;
      session.pendingRst.push([this.streamId, code, this.wrote]);
      if (!session.dispatching) session.submitRst();
      session.scheduleFlush();
    }
    priority(parent, weight, exclusive, silent) {
      if (!silent) ops.op_h2_priority(this.session.id, this.streamId, parent, weight, exclusive);
      this.session.scheduleFlush();
      return 0;
    }
    refreshState() {
      const values = ops.op_h2_stream_state(this.session.id, this.streamId);
      for (let i = 0; i < 6; i++) streamState[i] = values[i] ?? 0;
    }
    // Data for the peer; `callback(err)` once nghttp2 has framed all of it.
    writeData(buffer, callback) {
      if (this.destroyed || this.closed || !this.writable) { nextTick(callback, errnoWrite(UV_EOF)); return; }
      const req = this.nextReq++;
      this.wrote = true;
      this.writes.set(req, callback);
      if (!ops.op_h2_write(this.session.id, this.streamId, buffer, req, false)) {
        this.writes.delete(req);
        nextTick(callback, errnoWrite(UV_EOF));
        return;
      }
      this.session.scheduleFlush();
    }
    writeDone(req) {
      const callback = this.writes.get(req);
      this.writes.delete(req);
      if (callback) callback(null);
    }
    // The end of the data: the last DATA frame carries END_STREAM (or trailers follow).
    shutdown() {
      if (!this.destroyed && !this.closed && this.writable) {
        this.writable = false;
        if (ops.op_h2_write(this.session.id, this.streamId, null, 0, true)) this.session.scheduleFlush();
      }
      return 1;
    }
    destroy() {
      if (this.destroyed) return;
      debugStream(this, 'tearing down stream');
      this.destroyed = true;
      // Writes still queued are cancelled at the next turn, as Node's Http2Stream::Destroy does.
      const pending = [...this.writes.values()];
      this.writes.clear();
      if (pending.length) setImmediate(() => { for (const callback of pending) callback(errnoWrite(-125)); });
      // nghttp2 still knows the stream until it closes; its data for the peer goes with it.
      if (this.session.streams.get(this.streamId) === this && this.closed) this.session.streams.delete(this.streamId);
    }
  }

  function packSettings() {
    const flags = settingsBuffer[7];
    const out = [];
    // In the order of the SETTINGS ids, as Node packs them.
    for (const i of [0, 1, 4, 2, 3, 5, 6]) {
      if (!(flags & (1 << i))) continue;
      const entry = Buffer.alloc(6);
      entry.writeUInt16BE(settingIds[i], 0);
      entry.writeUInt32BE(settingsBuffer[i], 2);
      out.push(entry);
    }
    return Buffer.concat(out);
  }

  bindings.http2 = () => ({
    constants,
    nameForErrorCode,
    Http2Session,
    Http2Stream,
    settingsBuffer,
    optionsBuffer,
    sessionState,
    streamState,
    kBitfield,
    kSessionPriorityListenerCount,
    kSessionFrameErrorListenerCount,
    kSessionMaxInvalidFrames,
    kSessionMaxRejectedStreams,
    kSessionUint8FieldCount,
    kSessionHasRemoteSettingsListeners,
    kSessionRemoteSettingsIsUpToDate,
    kSessionHasPingListeners,
    kSessionHasAltsvcListeners,
    refreshDefaultSettings() {
      for (let i = 0; i < 7; i++) settingsBuffer[i] = defaultSettings[i];
      settingsBuffer[7] = 0x7f;
    },
    packSettings,
    nghttp2ErrorString: (code) => ops.op_h2_strerror(code),
    setCallbackFunctions(onSessionInternalError, onPriority, onSettings, onPing, onSessionHeaders, onFrameError,
      onGoawayData, onAltSvc, onOrigin, onStreamTrailers, onStreamClose) {
      Object.assign(cb, {
        onSessionInternalError, onPriority, onSettings, onPing, onSessionHeaders, onFrameError, onGoawayData, onAltSvc,
        onOrigin, onStreamTrailers, onStreamClose,
      });
    },
  });
  // bindings.stream_wrap: Node's StreamBase requests and state (32-net.js, 47-internals.js).
  // bindings.uv: libuv's whole table (47-internals.js).

  // respondWithFD's source: a file descriptor read from `offset` for `length` bytes (-1: to the end).
  class PipedFile {
    constructor(fd, offset, length) {
      this.fd = fd;
      this.offset = offset;
      this.length = length;
      this.onread = null;
    }
    close() {
      return new Promise((resolve, reject) => fs.close(this.fd, (err) => (err ? reject(err) : resolve())));
    }
    releaseFD() { const fd = this.fd; this.fd = -1; return fd; }
  }
  bindings.fs = () => ({ FileHandle: PipedFile });
  // Pipes a FileHandle into a stream handle, a chunk at a time as the stream takes them.
  class StreamPipe {
    constructor(source, sink) {
      this.source = source;
      this.sink = sink;
      this.onunpipe = null;
    }
    start() {
      const { source, sink } = this;
      let position = source.offset;
      let left = source.length;
      const finish = () => {
        sink.shutdown();
        if (typeof this.onunpipe === 'function') this.onunpipe();
      };
      const step = () => {
        if (sink.destroyed || sink.closed) { finish(); return; }
        const size = left < 0 ? 65536 : Math.min(65536, left);
        if (size === 0) { finish(); return; }
        const buffer = Buffer.allocUnsafe(size);
        fs.read(source.fd, buffer, 0, size, position, (err, n) => {
          if (err || n === 0) {
            streamBaseState[kReadBytesOrError] = err ? (err.errno ?? -1) : UV_EOF;
            if (err && typeof source.onread === 'function') source.onread();
            finish();
            return;
          }
          // An offset of -1 (a pipe, or any fd not to seek) reads on from the current position.
          if (position >= 0) position += n;
          if (left > 0) left -= n;
          sink.writeData(buffer.subarray(0, n), (werr) => { if (werr) finish(); else step(); });
        });
      };
      step();
    }
  }
  bindings.stream_pipe = () => ({ StreamPipe });

  // ---------------------------------------------------------------------------------------------
  // Stand-ins for the Node internals core.js and compat.js use
  const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
  const kHandle = Symbol('kHandle');
  const kSession = Symbol('kSession');
  const kUpdateTimer = Symbol('kUpdateTimer');
  const kMaybeDestroy = Symbol('kMaybeDestroy');
  const kBuffer = Symbol('kBuffer');

  internals['internal/async_hooks'] = () => ({
    defaultTriggerAsyncIdScope: (id, fn, ...args) => fn(...args),
    symbols: { async_id_symbol, owner_symbol },
  });
  internals['internal/buffer'] = () => ({
    readUInt16BE: Buffer.prototype.readUInt16BE,
    readUInt32BE: Buffer.prototype.readUInt32BE,
  });
  internals['internal/fs/promises'] = () => ({ FileHandle });
  internals['internal/http'] = () => ({ utcDate: () => new Date().toUTCString() });
  internals['internal/util/debuglog'] = () => ({ debuglog: (set, fn) => requireBuiltin('util').debuglog(set, fn) });
  internals['internal/assert'] = () => {
    const assert = (value, message) => {
      if (!value) throw new errorCodes.ERR_INTERNAL_ASSERTION(message);
    };
    assert.fail = (message) => { throw new errorCodes.ERR_INTERNAL_ASSERTION(message); };
    return assert;
  };
  // http's connection listener, for createSecureServer({ allowHTTP1 }): a TLS socket that did
  // not choose h2 is served by an https server of fe's (37-https.js) that never listens itself,
  // whose requests are the http2 server's.
  internals.http = () => {
    const http = requireBuiltin('http');
    const kFallback = Symbol('http1Fallback');
    function _connectionListener(socket) {
      let fallback = this[kFallback];
      if (!fallback) {
        // Node's connectionListener has put allowHTTP1's Http1IncomingMessage and
        // Http1ServerResponse options on this server (under _http_common's and _http_server's keys).
        const server = new (requireBuiltin('https').Server)({
          IncomingMessage: this[requireBuiltin('_http_common').kIncomingMessage],
          ServerResponse: this[nodeLib.load('_http_server').kServerResponse],
        });
        const onSecureConnection = server.listeners('secureConnection')[0];
        const emitOwn = server.emit.bind(server);
        server.emit = (event, ...args) => (event === 'close' ? emitOwn(event) : this.emit(event, ...args));
        server.timeout = this.timeout;
        this.once('close', () => emitOwn('close'));
        fallback = this[kFallback] = { server, onSecureConnection };
      }
      fallback.onSecureConnection.call(fallback.server, socket);
    }
    return Object.assign(Object.create(http), { _connectionListener });
  };
  internals._http_server = () => ({ ...requireBuiltin('_http_server'), kServerResponse: Symbol('ServerResponse') });
  // A Duplex that is not one of fe's sockets gets a socket over it. fe's Http2Session completes a
  // stream's writes once nghttp2 framed them, so its transport takes writes as they come (a
  // StreamHandle) rather than one at a time as Node's JSStreamSocket (NodeLib, for the others).
  internals['internal/js_stream_socket'] = () => function JSStreamSocket(stream) {
    if (stream instanceof net.Socket) return stream;
    const socket = new net.Socket({ handle: new StreamHandle(stream), manualStart: true });
    socket.on('close', () => { if (!stream.destroyed && typeof stream.destroy === 'function') stream.destroy(); });
    return socket;
  };
  internals['internal/stream_base_commons'] = () => {
    const { kTimeout } = nodeLib.load('internal/timers');
    function afterWrite(stream, req, err, callback) {
      if (stream[kAfterAsyncWrite]) stream[kAfterAsyncWrite](req);
      if (!stream.destroyed) stream[kUpdateTimer]();
      callback(err || undefined);
    }
    function writeGeneric(self, data, encoding, callback) {
      const buffer = typeof data === 'string' ? Buffer.from(data, encoding) : data;
      const req = { bytes: buffer.length, async: true };
      self[kHandle].writeData(buffer, (err) => afterWrite(self, req, err, callback));
      return req;
    }
    function writevGeneric(self, data, callback) {
      const chunks = data.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
      const buffer = Buffer.concat(chunks);
      return writeGeneric(self, buffer, '', callback);
    }
    function onStreamRead(buffer) {
      const nread = streamBaseState[kReadBytesOrError];
      const handle = this;
      const stream = this[owner_symbol];
      if (!stream) return;
      stream[kUpdateTimer]();
      if (nread > 0 && !stream.destroyed) {
        if (!stream.push(buffer)) {
          handle.reading = false;
          if (!stream.destroyed) handle.readStop();
        }
        return;
      }
      if (nread === 0) return;
      if (nread !== UV_EOF) {
        stream.destroy(socketErrno(nread, 'read'));
        return;
      }
      if (stream._readableState.endEmitted) {
        if (stream[kMaybeDestroy]) stream[kMaybeDestroy]();
      } else {
        if (stream[kMaybeDestroy]) stream.on('end', stream[kMaybeDestroy]);
        stream.push(null);
        stream.read(0);
      }
    }
    function setStreamTimeout(msecs, callback) {
      if (this.destroyed) return this;
      this.timeout = msecs;
      if (typeof msecs !== 'number') throw invalidArgType('msecs', 'number', msecs);
      if (msecs < 0 || !Number.isFinite(msecs)) throw outOfRange('msecs', 'a non-negative finite number', msecs);
      if (msecs > TIMEOUT_MAX) msecs = TIMEOUT_MAX;
      clearTimeout(this[kTimeout]);
      if (msecs === 0) {
        if (callback !== undefined) {
          validateFunction(callback, 'callback');
          this.removeListener('timeout', callback);
        }
      } else {
        this[kTimeout] = setTimeout(this._onTimeout.bind(this), msecs);
        this[kTimeout].unref();
        if (this[kSession]) this[kSession][kUpdateTimer]();
        if (callback !== undefined) {
          validateFunction(callback, 'callback');
          this.once('timeout', callback);
        }
      }
      return this;
    }
    return {
      writeGeneric, writevGeneric, onStreamRead, kAfterAsyncWrite, kMaybeDestroy, kUpdateTimer, kHandle, kSession,
      setStreamTimeout, kBuffer,
    };
  };

  registerLazyBuiltin('http2', () => nodeLib.load('http2'));
})();
