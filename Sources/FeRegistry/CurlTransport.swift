import CCurl
import FeBasics

/// libcurl as fe's HTTP transport. A session owns one easy handle and reuses it between
/// requests, so the connection (and TLS session) to a registry is kept for the index and the
/// files after it. Not thread-safe: one session per client, one request at a time.
public final class CurlSession {
  private let handle: UnsafeMutableRawPointer
  private let errorBuffer: UnsafeMutablePointer<CChar>
  /// The CA bundle last built (system bundle + extra CAs), keyed by the extra files.
  private var caBundle: (files: [String], pem: [UInt8])?

  /// libcurl's global state, initialised once per process before the first handle.
  private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

  public init() throws(HTTPTransportError) {
    guard Self.initialized, let handle = curl_easy_init() else {
      throw .other("libcurl could not be initialised")
    }
    self.handle = handle
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit {
    curl_easy_cleanup(handle)
    errorBuffer.deallocate()
  }

  /// The transport closure for an HTTPClient.
  public var transport: HTTPTransport {
    { request, handlers throws(HTTPTransportError) in try self.perform(request, handlers) }
  }

  /// Performs one GET; follows no redirects (HTTPClient does, so it can apply its own rules).
  public func perform(_ request: HTTPRequest, _ handlers: HTTPHandlers) throws(HTTPTransportError) -> HTTPResponse {
    // Reset options but keep the connection cache, DNS cache and TLS sessions.
    curl_easy_reset(handle)
    errorBuffer[0] = 0
    let transfer = CurlTransfer(handlers)
    let context = Unmanaged.passUnretained(transfer).toOpaque()
    var headerList: UnsafeMutablePointer<curl_slist>? = nil
    defer { curl_slist_free_all(headerList) }

    let s = request.settings
    try set(CURLOPT_URL, request.url)
    try set(CURLOPT_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_FOLLOWLOCATION, 0)
    // No signals: timeouts must not interrupt other threads (and DNS runs in its own thread).
    try set(CURLOPT_NOSIGNAL, 1)
    try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    try set(CURLOPT_CONNECTTIMEOUT_MS, Int(s.connectTimeout * 1000))
    try set(CURLOPT_TIMEOUT_MS, Int(s.timeout * 1000))
    // Too slow: under minSpeed bytes/s for stallTimeout seconds (a stall is the extreme case).
    try set(CURLOPT_LOW_SPEED_LIMIT, max(1, s.minSpeed))
    try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(s.stallTimeout.rounded(.up))))
    try set(CURLOPT_USERAGENT, s.userAgent)
    try set(CURLOPT_TCP_KEEPALIVE, 1)
    // Fewer, larger callbacks: 512 KiB per write instead of 16 KiB.
    try set(CURLOPT_BUFFERSIZE, 512 * 1024)
    try set(CURLOPT_SSL_VERIFYPEER, 1)
    try set(CURLOPT_SSL_VERIFYHOST, 2)
    if !s.extraCAFiles.isEmpty {
      let pem = try bundle(extra: s.extraCAFiles)
      let rc = pem.withUnsafeBytes { fe_curl_setopt_blob(handle, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) }
      try check(rc, "CURLOPT_CAINFO_BLOB")
    }
    // Explicit, so the environment fe was given (not only the process's) decides; "" = no proxy.
    try set(CURLOPT_PROXY, s.proxy(for: request.url))
    try set(CURLOPT_NOPROXY, s.noProxy)
    try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    for (name, value) in request.headers {
      guard let list = curl_slist_append(headerList, "\(name): \(value)") else { throw .other("out of memory") }
      headerList = list
    }
    if let headerList { try check(fe_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER") }
    try check(fe_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeader), "CURLOPT_HEADERFUNCTION")
    try set(CURLOPT_HEADERDATA, pointer: context)
    try check(fe_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite), "CURLOPT_WRITEFUNCTION")
    try set(CURLOPT_WRITEDATA, pointer: context)
    try check(fe_curl_setopt_progress_callback(handle, curlProgress), "CURLOPT_XFERINFOFUNCTION")
    try set(CURLOPT_XFERINFODATA, pointer: context)
    try set(CURLOPT_NOPROGRESS, 0)

    let rc = withExtendedLifetime(transfer) { curl_easy_perform(handle) }
    if let failure = transfer.failure { throw .aborted(failure) }
    guard rc == CURLE_OK else { throw classify(rc, url: request.url, settings: s) }
    var status = 0
    _ = fe_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    var location: UnsafeMutablePointer<CChar>? = nil
    _ = fe_curl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &location)
    return HTTPResponse(status: status, headers: transfer.headers, redirectURL: location.map { String(cString: $0) })
  }

  // MARK: Options

  private func set(_ option: CURLoption, _ value: Int) throws(HTTPTransportError) {
    try check(fe_curl_setopt_long(handle, option, value), "\(option)")
  }

  private func set(_ option: CURLoption, _ value: String) throws(HTTPTransportError) {
    // libcurl copies string options (since 7.17), so the temporary C string may go.
    try check(fe_curl_setopt_string(handle, option, value), "\(option)")
  }

  private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(HTTPTransportError) {
    try check(fe_curl_setopt_pointer(handle, option, pointer), "\(option)")
  }

  private func check(_ rc: CURLcode, _ what: String) throws(HTTPTransportError) {
    guard rc == CURLE_OK else {
      throw .other("libcurl refused option \(what): \(String(cString: curl_easy_strerror(rc)))")
    }
  }

  /// The system's CA bundle followed by the extra CA files: CURLOPT_CAINFO alone would replace
  /// the system's trust instead of adding to it (NODE_EXTRA_CA_CERTS semantics).
  private func bundle(extra: [String]) throws(HTTPTransportError) -> [UInt8] {
    if let caBundle, caBundle.files == extra { return caBundle.pem }
    var pem: [UInt8] = []
    var defaultPath: UnsafeMutablePointer<CChar>? = nil
    if fe_curl_getinfo_string(handle, CURLINFO_CAINFO, &defaultPath) == CURLE_OK, let defaultPath,
      let system = try? FileSystem.read(String(cString: defaultPath))
    {
      pem += system + [0x0A]
    }
    for file in extra {
      guard let bytes = try? FileSystem.read(file) else {
        throw .tls("cannot read the CA file \(file) (from FE_CA_FILE or NODE_EXTRA_CA_CERTS)")
      }
      pem += bytes + [0x0A]
    }
    caBundle = (extra, pem)
    return pem
  }

  /// libcurl's result in the terms HTTPClient decides on.
  private func classify(_ rc: CURLcode, url: String, settings s: TransferSettings) -> HTTPTransportError {
    let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(rc))
    switch rc {
    case CURLE_OPERATION_TIMEDOUT where Self.isLowSpeedAbort(detail):
      return .tooSlow(
        "the transfer was too slow (under \(s.minSpeed) bytes/s for \(Self.seconds(s.stallTimeout)) s)")
    case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_PROXY:
      return .connect(detail)
    case CURLE_OPERATION_TIMEDOUT:
      return .timedOut(detail)
    case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_HTTP2,
      CURLE_HTTP2_STREAM, CURLE_WEIRD_SERVER_REPLY:
      return .dropped(detail)
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
      return .tls(detail)
    default:
      return .other(detail)
    }
  }
}

extension CurlSession {
  /// Whether libcurl's timeout was its low-speed check (CURLOPT_LOW_SPEED_*), not the overall or
  /// connect timeout: its message has said "Operation too slow" since libcurl 7.10.
  static func isLowSpeedAbort(_ detail: String) -> Bool {
    detail.lowercased().contains("too slow")
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

/// The state of one transfer, reached from libcurl's C callbacks through their context pointer.
private final class CurlTransfer {
  let handlers: HTTPHandlers
  var status = 0
  var headers = HTTPHeaders()
  var decision: HTTPHandlers.Decision?
  /// The first error a handler threw; the transfer is aborted and this is reported.
  var failure: (any Error)?

  init(_ handlers: HTTPHandlers) {
    self.handlers = handlers
  }

  /// One header line; false aborts the transfer.
  func header(_ line: String) -> Bool {
    if line.hasPrefix("HTTP/") {
      // A new response (after a 100 Continue, or the first): start over.
      let parts = line.split(separator: " ", maxSplits: 2)
      status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
      headers = HTTPHeaders()
      decision = nil
      return true
    }
    if line == "\r\n" || line == "\n" {
      return (100..<200).contains(status) ? true : decide()
    }
    headers.add(line: line)
    return true
  }

  func body(_ chunk: UnsafeRawBufferPointer) -> Bool {
    if decision == nil && !decide() { return false }
    guard decision == .readBody else { return true }
    do {
      try handlers.body(chunk)
      return true
    } catch {
      failure = error
      return false
    }
  }

  private func decide() -> Bool {
    guard decision == nil else { return true }
    do {
      decision = try handlers.head(status, headers)
      return true
    } catch {
      failure = error
      return false
    }
  }
}

// The C callbacks: each finds its CurlTransfer through the context pointer and returns what
// libcurl expects (the bytes consumed, or anything else to abort).

private let curlHeader: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  return transfer.header(String(decoding: bytes, as: UTF8.self)) ? size * count : 0
}

private let curlWrite: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  return transfer.body(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
}

private let curlProgress: fe_curl_progress_callback = { context, total, now, _, _ in
  guard let context else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
  if transfer.decision == .readBody { transfer.handlers.progress(Int64(now), total > 0 ? Int64(total) : nil) }
  return 0
}
