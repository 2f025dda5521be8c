import CCurl
import FeBasics
import FeEngine
import FeNet

#if canImport(Glibc)
  import Glibc
#endif

/// One fetch in flight: a libcurl easy handle driven by the network thread (`NetworkThread`),
/// and the events it posts to the loop for fetch.js (`core.onFetch(id, kind, payload)`):
///
///     0 head   [status, statusText, [name, value, …], url, redirected]
///     1 data   Uint8Array (every byte that arrived since the last data event)
///     2 end    —
///     3 error  {name, message, props: {code, errno, …}} (before or after the head)
///
/// Flow control: once `window` bytes are handed to JS but not read, the transfer pauses (and
/// stops keeping the process alive) until fetch.js reports them read (`ack`).
final class FetchTransfer: CurlReceiver, Resource {
  enum Event: Int {
    case head = 0
    case data, end, error
  }

  /// undici's connect timeout.
  static let connectTimeoutMs = 10_000
  /// undici's headers and body timeouts (300 s), as curl's "slower than 1 byte/s for that long".
  static let stallSeconds = 300
  static let window = 1 << 20

  private(set) var id = 0
  private let loop: EventLoop
  private let resources: ResourceTable

  // MARK: network-thread state

  private(set) var request: HTTPRequest
  /// Created by the first `configure()`, reused for each redirect's next hop.
  private(set) var handle: CurlHandle?
  private(set) var redirects = 0
  /// The head of the current response.
  private var head = HTTPResponseHead()
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

  /// Call on the JS thread: adds itself to `resources` and takes a loop ref that the transfer
  /// gives back when it ends.
  init(request: HTTPRequest, loop: EventLoop, resources: ResourceTable) {
    self.request = request
    self.loop = loop
    self.resources = resources
    loop.retain()
    id = resources.add(self)
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

  /// The runtime is going with the transfer in flight: stop it on the network thread.
  func dispose() {
    cancel()
    NetworkThread.shared.submit(.cancel(self))
  }

  private func deliverPending(_ s: Scope) throws {
    let (chunk, dead): ([UInt8], Bool) = lock.withLock {
      flushScheduled = false
      defer { pending = [] }
      return (pending, cancelled)
    }
    if !chunk.isEmpty && !dead { try s.callCore(.onFetch, [s.number(Double(id)), s.number(1), s.bytes(chunk)]) }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  // MARK: network thread

  /// The handle set up for the current request (first, or the next hop of a redirect).
  func configure() -> FetchFailure? {
    if handle == nil { handle = try? CurlHandle() }
    guard let handle else { return .plain("libcurl could not create a transfer") }
    head = HTTPResponseHead()
    following = false
    let r = request
    do {
      try setUp(handle, r)
      return nil
    } catch {
      return .plain("libcurl refused an option for \(r.method) \(r.url)")
    }
  }

  private func setUp(_ handle: CurlHandle, _ r: HTTPRequest) throws {
    try handle.prepare(url: r.url, proxy: r.proxy, receiver: self)
    try handle.setTimeouts(connectMs: Self.connectTimeoutMs, minSpeed: 1, stallSeconds: Self.stallSeconds)
    // HTTP/1.1, as undici speaks it (an HTTP/2 response has no status text).
    try handle.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
    // Sent unless the request names its own; the body arrives decoded, as undici gives it.
    try handle.set(CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
    try handle.set(CURLOPT_BUFFERSIZE, 64 * 1024)
    // Only a self-signed root is a trust anchor, as in Node, and OpenSSL checks the whole chain
    // before curl judges it, so failures carry Node's codes (see nodeLikeVerification).
    try handle.set(CURLOPT_SSL_OPTIONS, Int(CURLSSLOPT_NO_PARTIALCHAIN))
    try handle.setSSLContextHook(nodeLikeVerification)
    // An unreadable file is ignored, as Node ignores it (after a warning at start-up).
    if let file = r.extraCAFile, let pem = try? CABundle.pem(extra: [file], systemFile: handle.defaultCAFile) {
      try handle.trust(pem)
    }

    // The method and body. POST, PUT and PATCH without a body send `content-length: 0`.
    let body = r.body ?? (["POST", "PUT", "PATCH"].contains(r.method) ? [] : nil)
    if r.method == "HEAD" {
      try handle.set(CURLOPT_NOBODY, 1)
    } else if let body {
      try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
      // COPYPOSTFIELDS copies the bytes (and needs a valid pointer even for none).
      var copy = body.isEmpty ? [0] : body
      try copy.withUnsafeMutableBytes { bytes in
        try handle.set(CURLOPT_COPYPOSTFIELDS, pointer: bytes.baseAddress!)
      }
      if r.method != "POST" { try handle.set(CURLOPT_CUSTOMREQUEST, r.method) }
    } else if r.method != "GET" {
      try handle.set(CURLOPT_CUSTOMREQUEST, r.method)
    }

    // Headers: "Name;" sends an empty value ("Name:" would remove curl's own). Curl's defaults
    // that undici does not send go: a form content type for any body, and `Expect: 100-continue`.
    // Values are byte strings (each character one byte, as undici sends them), not UTF-8.
    var lines = r.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
    if body != nil && !r.headers.contains(where: { $0.name == "content-type" }) { lines.append("Content-Type:") }
    lines.append("Expect:")
    try handle.setHeaders(lines.map { line in line.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } })
  }

  /// The transfer ended in curl (the handle is out of the multi handle). Returns true when it
  /// continues with a redirect's next hop: `configure()` and add it again.
  func finished(_ rc: CURLcode) -> Bool {
    guard let handle else { return false }
    if rc == CURLE_OK && following {
      guard let next = handle.redirectURL, let parts = URLParts(next) else {
        complete(.error, failure: .plain("invalid redirect location"))
        return false
      }
      guard parts.scheme == "http" || parts.scheme == "https" else {
        complete(.error, failure: .plain("URL scheme must be a HTTP(S) scheme"))
        return false
      }
      redirects += 1
      request = request.redirected(to: next, status: head.status)
      return true
    }
    if let failure {
      complete(.error, failure: failure)
    } else if rc != CURLE_OK {
      complete(.error, failure: .classify(handle.error(rc), url: request.url, headReceived: headPosted))
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
      _ = resources.take(id, as: FetchTransfer.self)
      try deliverPending(s)
      guard !isCancelled else { return }
      try s.callCore(.onFetch, [s.number(Double(id)), s.number(Double(event.rawValue)), s.make(failure?.jsValue ?? .undefined)])
    }
  }

  private func postHead() {
    headPosted = true
    let flat = head.fields.flatMap { [JSValue.string($0.name), .string($0.value)] }
    let value: JSValue = .array([
      .number(Double(head.status)), .string(head.statusText), .array(flat), .string(request.url), .bool(redirects > 0),
    ])
    loop.post(releasing: false) { [self] s in
      guard !isCancelled else { return }
      try s.callCore(.onFetch, [s.number(Double(id)), s.number(Double(Event.head.rawValue)), s.make(value)])
    }
  }

  /// The head of a final response (CurlReceiver); false stops the transfer (with `failure` set).
  func received(head: HTTPResponseHead) -> Bool {
    self.head = head
    return endOfHead()
  }

  private func endOfHead() -> Bool {
    if HTTPRequest.redirectStatuses.contains(head.status), head["location"] != nil {
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

  /// Body bytes (CurlReceiver): the number taken, or CurlHandle.pause to have them again later.
  func received(body data: UnsafeRawBufferPointer) -> Int {
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
    return accepted ? data.count : CurlHandle.pause
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
