#if canImport(Glibc)
  import Glibc
#endif
import CCurl
import FeBasics
import FeEngine

/// One fetch in flight: a libcurl easy handle driven by the network thread (`NetworkThread`),
/// and the events it posts to the loop for fetch.js (`core.onFetch(id, kind, payload)`):
///
///     0 head   [status, statusText, [name, value, …], url, redirected]
///     1 data   Uint8Array (every byte that arrived since the last data event)
///     2 end    —
///     3 error  [causeName, message, {code, errno, …}] (before or after the head)
///
/// Flow control: once `window` bytes are handed to JS but not read, the transfer pauses (and
/// stops keeping the process alive) until fetch.js reports them read (`ack`).
final class FetchTransfer {
  enum Event: Int {
    case head = 0, data, end, error
  }

  /// undici's connect timeout.
  static let connectTimeoutMs = 10_000
  /// undici's headers and body timeouts (300 s), as curl's "slower than 1 byte/s for that long".
  static let stallSeconds = 300
  static let window = 1 << 20

  let id: Int
  private let loop: EventLoop

  // MARK: network-thread state

  private(set) var request: HTTPRequest
  var easy: UnsafeMutableRawPointer?
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private(set) var redirects = 0
  private var status = 0
  private var statusText = ""
  private var headers: [(String, String)] = []
  /// Between a status line and the blank line after its headers (trailers come later).
  private var inHead = false
  private(set) var headPosted = false
  /// The current response is a redirect being followed: its body is dropped.
  private(set) var following = false
  /// Why a callback stopped the transfer, reported instead of curl's own error.
  private(set) var failure: FetchFailure?

  // MARK: shared with the JS thread (under `lock`)

  private let lock = Mutex()
  /// Whether this transfer holds one of the loop's refs.
  private var refed = true
  private var cancelled = false
  private var pending: [UInt8] = []
  private var flushScheduled = false
  private var delivered = 0
  private var consumed = 0
  private var paused = false

  /// Call on the JS thread: takes a loop ref that the transfer gives back when it ends.
  init(id: Int, request: HTTPRequest, loop: EventLoop) {
    self.id = id
    self.request = request
    self.loop = loop
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    loop.retain()
  }

  deinit {
    if let easy { curl_easy_cleanup(easy) }
    curl_slist_free_all(headerList)
    errorBuffer.deallocate()
  }

  // MARK: JS thread

  /// fetch.js has read `total` body bytes; true when a paused transfer should resume.
  func ack(_ total: Int) -> Bool {
    let (resume, retain): (Bool, Bool) = lock.withLock {
      consumed = max(consumed, total)
      guard paused, !cancelled, delivered - consumed < Self.window else { return (false, false) }
      paused = false
      let retain = !refed
      refed = true
      return (true, retain)
    }
    if retain { loop.retain() }
    return resume
  }

  /// Aborted, or its body cancelled: no more events, and the loop ref goes now, not when the
  /// network thread gets to it.
  func cancel() {
    let release: Bool = lock.withLock {
      cancelled = true
      defer { refed = false }
      return refed
    }
    if release { loop.release() }
  }

  private func deliverPending(_ s: Scope) throws {
    let (chunk, dead): ([UInt8], Bool) = lock.withLock {
      flushScheduled = false
      defer { pending = [] }
      return (pending, cancelled)
    }
    if !chunk.isEmpty && !dead { try s.callCore("onFetch", [s.number(Double(id)), s.number(1), s.bytes(chunk)]) }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  // MARK: network thread

  /// The easy handle set up for the current request (first, or the next hop of a redirect).
  func configure() -> FetchFailure? {
    if easy == nil { easy = curl_easy_init() }
    guard let easy else { return .plain("libcurl could not create a transfer") }
    curl_easy_reset(easy)
    errorBuffer[0] = 0
    status = 0
    statusText = ""
    headers = []
    inHead = false
    following = false
    curl_slist_free_all(headerList)
    headerList = nil

    let r = request
    var ok = true
    func set(_ option: CURLoption, _ value: Int) { ok = ok && fe_curl_setopt_long(easy, option, value) == CURLE_OK }
    func set(_ option: CURLoption, _ value: String) { ok = ok && fe_curl_setopt_string(easy, option, value) == CURLE_OK }
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) {
      ok = ok && fe_curl_setopt_pointer(easy, option, pointer) == CURLE_OK
    }
    set(CURLOPT_URL, r.url)
    set(CURLOPT_PROTOCOLS_STR, "http,https")
    set(CURLOPT_FOLLOWLOCATION, 0)
    set(CURLOPT_NOSIGNAL, 1)
    set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    set(CURLOPT_CONNECTTIMEOUT_MS, Self.connectTimeoutMs)
    set(CURLOPT_LOW_SPEED_LIMIT, 1)
    set(CURLOPT_LOW_SPEED_TIME, Self.stallSeconds)
    // HTTP/1.1, as undici speaks it (an HTTP/2 response has no status text).
    set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
    // Sent unless the request names its own; the body arrives decoded, as undici gives it.
    set(CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
    set(CURLOPT_TCP_KEEPALIVE, 1)
    set(CURLOPT_BUFFERSIZE, 64 * 1024)
    set(CURLOPT_SSL_VERIFYPEER, 1)
    set(CURLOPT_SSL_VERIFYHOST, 2)
    // Only a self-signed root is a trust anchor, as in Node, and OpenSSL checks the whole chain
    // before curl judges it, so failures carry Node's codes (see nodeLikeVerification).
    set(CURLOPT_SSL_OPTIONS, Int(CURLSSLOPT_NO_PARTIALCHAIN))
    ok = ok && fe_curl_setopt_ssl_ctx_callback(easy, nodeLikeVerification) == CURLE_OK
    if let file = r.extraCAFile, let pem = CABundle.with(extra: file, handle: easy) {
      ok = ok && pem.withUnsafeBytes { fe_curl_setopt_blob(easy, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) } == CURLE_OK
    }
    set(CURLOPT_PROXY, r.proxy.proxy(for: r.url))
    set(CURLOPT_NOPROXY, r.proxy.noProxy)
    set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)

    // The method and body. POST, PUT and PATCH without a body send `content-length: 0`.
    let body = r.body ?? (["POST", "PUT", "PATCH"].contains(r.method) ? [] : nil)
    if r.method == "HEAD" {
      set(CURLOPT_NOBODY, 1)
    } else if let body {
      ok = ok && fe_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)) == CURLE_OK
      var empty: UInt8 = 0
      let rc = body.isEmpty
        ? fe_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, &empty)
        : body.withUnsafeBytes { fe_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress!)) }
      ok = ok && rc == CURLE_OK
      if r.method != "POST" { set(CURLOPT_CUSTOMREQUEST, r.method) }
    } else if r.method != "GET" {
      set(CURLOPT_CUSTOMREQUEST, r.method)
    }

    // Headers: "Name;" sends an empty value ("Name:" would remove curl's own). Curl's defaults
    // that undici does not send go: a form content type for any body, and `Expect: 100-continue`.
    // Values are byte strings (each character one byte, as undici sends them), not UTF-8.
    var lines = r.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
    if body != nil && !r.headers.contains(where: { $0.name == "content-type" }) { lines.append("Content-Type:") }
    lines.append("Expect:")
    for line in lines {
      let bytes = line.unicodeScalars.map { CChar(bitPattern: UInt8(truncatingIfNeeded: $0.value)) } + [0]
      guard let list = curl_slist_append(headerList, bytes) else { return .plain("out of memory") }
      headerList = list
    }
    if let headerList { ok = ok && fe_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) == CURLE_OK }

    let context = Unmanaged.passUnretained(self).toOpaque()
    ok = ok && fe_curl_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, fetchHeader) == CURLE_OK
    set(CURLOPT_HEADERDATA, pointer: context)
    ok = ok && fe_curl_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, fetchWrite) == CURLE_OK
    set(CURLOPT_WRITEDATA, pointer: context)
    return ok ? nil : .plain("libcurl refused an option for \(r.method) \(r.url)")
  }

  /// The transfer ended in curl (the handle is out of the multi handle). Returns true when it
  /// continues with a redirect's next hop: `configure()` and add it again.
  func finished(_ rc: CURLcode) -> Bool {
    guard let easy else { return false }
    if rc == CURLE_OK && following {
      var location: UnsafeMutablePointer<CChar>? = nil
      _ = fe_curl_getinfo_string(easy, CURLINFO_REDIRECT_URL, &location)
      guard let next = location.map({ String(cString: $0) }), let parts = URLParts(next) else {
        complete(.error, failure: .plain("invalid redirect location"))
        return false
      }
      guard parts.scheme == "http" || parts.scheme == "https" else {
        complete(.error, failure: .plain("URL scheme must be a HTTP(S) scheme"))
        return false
      }
      redirects += 1
      request = request.redirected(to: next, status: status)
      return true
    }
    if let failure {
      complete(.error, failure: failure)
    } else if rc != CURLE_OK {
      let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(rc))
      complete(.error, failure: .classify(rc, handle: easy, url: request.url, detail: detail, headReceived: headPosted))
    } else {
      if !headPosted { postHead() }
      complete(.end, failure: nil)
    }
    return false
  }

  /// The last event: gives back the loop ref, unless a cancel already did.
  func complete(_ event: Event, failure: FetchFailure?) {
    let release: Bool = lock.withLock {
      defer { refed = false }
      return refed
    }
    if !release && isCancelled { return }
    loop.post(releasing: release) { [self] s in
      FetchOps.Transfers.shared.remove(id)
      try deliverPending(s)
      guard !isCancelled else { return }
      try s.callCore("onFetch", [s.number(Double(id)), s.number(Double(event.rawValue)), s.make(failure?.jsValue ?? .undefined)])
    }
  }

  private func postHead() {
    headPosted = true
    let flat = headers.flatMap { [JSValue.string($0.0), .string($0.1)] }
    let head: JSValue = .array([
      .number(Double(status)), .string(statusText), .array(flat), .string(request.url), .bool(redirects > 0),
    ])
    loop.post(releasing: false) { [self] s in
      guard !isCancelled else { return }
      try s.callCore("onFetch", [s.number(Double(id)), s.number(Double(Event.head.rawValue)), s.make(head)])
    }
  }

  /// One header line from curl; false stops the transfer (with `failure` set).
  fileprivate func header(_ line: String) -> Bool {
    if line.hasPrefix("HTTP/") {
      // A new response: the first, or the real one after a 1xx.
      let parts = line.trimmingLineEnd().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
      statusText = parts.count > 2 ? String(parts[2]) : ""
      headers = []
      inHead = true
      return true
    }
    guard inHead else { return true }  // trailers
    let text = line.trimmingLineEnd()
    if text.isEmpty {
      if (100..<200).contains(status) { return true }
      inHead = false
      return endOfHead()
    }
    if text.first == " " || text.first == "\t", let last = headers.popLast() {
      // An obsolete folded line continues the previous value.
      headers.append((last.0, last.1 + " " + text.trimmingWhitespace()))
      return true
    }
    guard let colon = text.firstIndex(of: ":") else { return true }
    headers.append((String(text[..<colon]).trimmingWhitespace(), String(text[text.index(after: colon)...]).trimmingWhitespace()))
    return true
  }

  private func endOfHead() -> Bool {
    if HTTPRequest.redirectStatuses.contains(status), headers.contains(where: { $0.0.lowercased() == "location" }) {
      switch request.redirect {
      case .follow:
        if redirects >= HTTPRequest.maxRedirects {
          failure = .plain("redirect count exceeded")
          return false
        }
        following = true
        return true
      case .error:
        failure = .plain("unexpected redirect")
        return false
      case .manual:
        break
      }
    }
    postHead()
    return true
  }

  /// Body bytes from curl: the number taken, or CURL_WRITEFUNC_PAUSE to have them again later.
  fileprivate func write(_ data: UnsafeRawBufferPointer) -> Int {
    if following { return data.count }
    if !headPosted { postHead() }
    let (accepted, unref, schedule): (Bool, Bool, Bool) = lock.withLock {
      if cancelled { return (true, false, false) }
      if delivered - consumed >= Self.window {
        paused = true
        defer { refed = false }
        return (false, refed, false)
      }
      pending.append(contentsOf: data)
      delivered += data.count
      defer { flushScheduled = true }
      return (true, false, !flushScheduled)
    }
    // A body nobody reads must not keep the process alive: a paused transfer gives its ref back.
    if unref { loop.post { _ in } }
    if schedule { loop.post(releasing: false) { [self] s in try deliverPending(s) } }
    return accepted ? data.count : Int(CURL_WRITEFUNC_PAUSE)
  }
}

/// The system's CA bundle followed by one extra PEM file, built once per file: CURLOPT_CAINFO
/// alone would replace the system's trust instead of adding to it (NODE_EXTRA_CA_CERTS).
enum CABundle {
  private static let lock = Mutex()
  private static var bundles: [String: [UInt8]] = [:]

  static func with(extra file: String, handle: UnsafeMutableRawPointer) -> [UInt8]? {
    lock.withLock {
      if let pem = bundles[file] { return pem }
      // An unreadable file is ignored, as Node ignores it (after a warning at start-up).
      guard let extra = try? FileSystem.read(file) else { return nil }
      var pem: [UInt8] = []
      var systemPath: UnsafeMutablePointer<CChar>? = nil
      if fe_curl_getinfo_string(handle, CURLINFO_CAINFO, &systemPath) == CURLE_OK, let systemPath,
        let system = try? FileSystem.read(String(cString: systemPath))
      {
        pem += system + [0x0A]
      }
      pem += extra + [0x0A]
      bundles[file] = pem
      return pem
    }
  }
}

extension StringProtocol {
  fileprivate func trimmingLineEnd() -> String {
    var s = Substring(self)
    while let last = s.last, last == "\r" || last == "\n" || last == "\r\n" { s = s.dropLast() }
    return String(s)
  }

  fileprivate func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
    return String(s)
  }
}

/// Node lets OpenSSL verify a server's chain to the end and then reports its final verdict;
/// curl's default callback stops at the first problem, which names some failures differently (a
/// lone leaf from an unknown CA is UNABLE_TO_GET_ISSUER_CERT_LOCALLY there, Node's
/// UNABLE_TO_VERIFY_LEAF_SIGNATURE). Letting OpenSSL finish is safe: curl fails the transfer on
/// any verify result but X509_V_OK right after the handshake, before it sends the request.
/// SSL_CTX_set_verify is libssl's, loaded with libcurl; fe does not link libssl itself.
private typealias SSLVerifyCallback = @convention(c) (Int32, OpaquePointer?) -> Int32
private typealias SSLContextSetVerify = @convention(c) (UnsafeMutableRawPointer?, Int32, SSLVerifyCallback?) -> Void
private let sslContextSetVerify: SSLContextSetVerify? = dlsym(nil, "SSL_CTX_set_verify").map {
  unsafeBitCast($0, to: SSLContextSetVerify.self)
}
private let verifyWholeChain: SSLVerifyCallback = { _, _ in 1 }
private let nodeLikeVerification: curl_ssl_ctx_callback = { _, context, _ in
  sslContextSetVerify?(context, 1 /* SSL_VERIFY_PEER */, verifyWholeChain)
  return CURLE_OK
}

// libcurl's C callbacks find their transfer through the context pointer.

private let fetchHeader: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<FetchTransfer>.fromOpaque(context).takeUnretainedValue()
  // Header bytes are latin1, as undici reads them.
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  var line = ""
  line.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
  return transfer.header(line) ? size * count : 0
}

private let fetchWrite: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<FetchTransfer>.fromOpaque(context).takeUnretainedValue()
  return transfer.write(UnsafeRawBufferPointer(start: data, count: size * count))
}
