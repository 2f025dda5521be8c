import CCurl
import FeBasics

/// libcurl's process-wide state. Nothing here runs at launch: libcurl is loaded (dlopen, see
/// Sources/CCurl) by the first call, which is the first handle's.
public enum Curl {
  /// Whether curl_global_init succeeded; it runs once per process, before the first handle.
  public static func globalInit() -> Bool { initialized }

  private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

  /// Why libcurl is unusable: it cannot be loaded, or its global set-up failed.
  static var unavailable: String {
    fe_curl_load_error().map { "libcurl could not be initialised: \(String(cString: $0))" }
      ?? "libcurl could not be initialised"
  }
}

/// What a transfer on a CurlHandle reports, from libcurl's callbacks (on the thread that drives it).
public protocol CurlReceiver: AnyObject {
  /// The head of a final (non-1xx) response, before any of its body; false aborts the transfer.
  func received(head: HTTPResponseHead) -> Bool
  /// Body bytes: returns how many were taken (all of them), `CurlHandle.pause` to have them again
  /// after `resume()`, or anything else to abort the transfer.
  func received(body: UnsafeRawBufferPointer) -> Int
  /// Body bytes received so far, and the total when announced (0 otherwise); see `reportProgress`.
  func progress(received: Int64, total: Int64)
}

extension CurlReceiver {
  public func progress(received: Int64, total: Int64) {}
}

/// The one owner of a libcurl easy handle: it creates and frees it, sets options through typed
/// setters that all end in one `check`, parses each response's head (HTTPHeadParser) and turns
/// a failed result into a NetError. A handle is reused between transfers (its connection cache,
/// DNS cache and TLS sessions with it); it is not thread-safe: one transfer at a time, driven
/// by one thread (curl_easy_perform, or a multi handle's thread).
public final class CurlHandle {
  /// For CurlReceiver.received(body:): keep the bytes for later (CURL_WRITEFUNC_PAUSE).
  public static let pause = Int(CURL_WRITEFUNC_PAUSE)

  /// The easy handle, for a multi handle (curl_multi_add_handle); options go through the setters.
  public let raw: UnsafeMutableRawPointer
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private var parser = HTTPHeadParser()
  /// Whether the receiver has the current response's head.
  private var headDelivered = false
  private weak var receiver: CurlReceiver?

  public init() throws(NetError) {
    guard Curl.globalInit(), let raw = curl_easy_init() else { throw NetError(.other, detail: Curl.unavailable) }
    self.raw = raw
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
  }

  deinit {
    curl_easy_cleanup(raw)
    curl_slist_free_all(headerList)
    errorBuffer.deallocate()
  }

  // MARK: Setting up a transfer

  /// Starts over for a new transfer of `url` (options reset; connections, DNS and TLS sessions
  /// kept) with what every fe client wants: http and https only, no redirects followed (each
  /// client has its own rules), no signals, keep-alive, full certificate checks, the proxy
  /// `proxy` decides, and the receiver's callbacks. The receiver is held weakly.
  public func prepare(url: String, proxy: ProxyRule, receiver: CurlReceiver) throws(NetError) {
    curl_easy_reset(raw)
    errorBuffer[0] = 0
    curl_slist_free_all(headerList)
    headerList = nil
    parser = HTTPHeadParser()
    headDelivered = false
    self.receiver = receiver

    try set(CURLOPT_URL, url)
    try set(CURLOPT_PROTOCOLS_STR, "http,https")
    try set(CURLOPT_FOLLOWLOCATION, 0)
    // No signals: timeouts must not interrupt other threads (and DNS runs in its own thread).
    try set(CURLOPT_NOSIGNAL, 1)
    try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    try set(CURLOPT_TCP_KEEPALIVE, 1)
    try set(CURLOPT_SSL_VERIFYPEER, 1)
    try set(CURLOPT_SSL_VERIFYHOST, 2)
    // Always explicit, so the environment fe was given decides, not the process's; "" = none.
    try set(CURLOPT_PROXY, proxy.proxy(for: url))
    try set(CURLOPT_NOPROXY, proxy.noProxy)
    try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    let context = Unmanaged.passUnretained(self).toOpaque()
    try check(fe_curl_setopt_data_callback(raw, CURLOPT_HEADERFUNCTION, curlHeader), "CURLOPT_HEADERFUNCTION")
    try set(CURLOPT_HEADERDATA, pointer: context)
    try check(fe_curl_setopt_data_callback(raw, CURLOPT_WRITEFUNCTION, curlWrite), "CURLOPT_WRITEFUNCTION")
    try set(CURLOPT_WRITEDATA, pointer: context)
  }

  /// The connect timeout, the overall one (0 = none), and the speed floor: under `minSpeed`
  /// bytes/s for `stallSeconds`, the transfer is too slow.
  public func setTimeouts(connectMs: Int, totalMs: Int = 0, minSpeed: Int, stallSeconds: Int) throws(NetError) {
    try set(CURLOPT_CONNECTTIMEOUT_MS, connectMs)
    if totalMs > 0 { try set(CURLOPT_TIMEOUT_MS, totalMs) }
    try set(CURLOPT_LOW_SPEED_LIMIT, max(1, minSpeed))
    try set(CURLOPT_LOW_SPEED_TIME, max(1, stallSeconds))
  }

  /// Trusts `pem` (a CABundle) instead of the default CA file.
  public func trust(_ pem: [UInt8]) throws(NetError) {
    try check(pem.withUnsafeBytes { fe_curl_setopt_blob(raw, CURLOPT_CAINFO_BLOB, $0.baseAddress, $0.count) }, "CURLOPT_CAINFO_BLOB")
  }

  /// Request header lines (`Name: value`, or curl's `Name;` / `Name:` forms), each as raw bytes.
  public func setHeaders(_ lines: [[UInt8]]) throws(NetError) {
    for line in lines {
      let cString = line.map { CChar(bitPattern: $0) } + [0]
      guard let list = curl_slist_append(headerList, cString) else { throw NetError(.other, detail: "out of memory") }
      headerList = list
    }
    if let headerList { try check(fe_curl_setopt_slist(raw, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER") }
  }

  /// Have the receiver's `progress` called as the transfer goes.
  public func reportProgress() throws(NetError) {
    try check(fe_curl_setopt_progress_callback(raw, curlProgress), "CURLOPT_XFERINFOFUNCTION")
    try set(CURLOPT_XFERINFODATA, pointer: Unmanaged.passUnretained(self).toOpaque())
    try set(CURLOPT_NOPROGRESS, 0)
  }

  /// A TLS context hook (CURLOPT_SSL_CTX_FUNCTION), called before each handshake.
  public func setSSLContextHook(_ hook: curl_ssl_ctx_callback) throws(NetError) {
    try check(fe_curl_setopt_ssl_ctx_callback(raw, hook), "CURLOPT_SSL_CTX_FUNCTION")
  }

  public func set(_ option: CURLoption, _ value: Int) throws(NetError) {
    try check(fe_curl_setopt_long(raw, option, value), option)
  }

  /// libcurl copies string options (since 7.17), so the temporary C string may go.
  public func set(_ option: CURLoption, _ value: String) throws(NetError) {
    try check(fe_curl_setopt_string(raw, option, value), option)
  }

  public func set(_ option: CURLoption, offset value: Int64) throws(NetError) {
    try check(fe_curl_setopt_off_t(raw, option, curl_off_t(value)), option)
  }

  /// The pointer must outlive the transfer, unless libcurl copies what it points to
  /// (CURLOPT_COPYPOSTFIELDS does).
  public func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(NetError) {
    try check(fe_curl_setopt_pointer(raw, option, pointer), option)
  }

  /// The one check of a setter's result.
  private func check(_ rc: CURLcode, _ option: CURLoption) throws(NetError) {
    try check(rc, "option \(option.rawValue)")
  }

  private func check(_ rc: CURLcode, _ what: String) throws(NetError) {
    guard rc == CURLE_OK else {
      throw NetError(.other, code: Int(rc.rawValue), detail: "libcurl refused \(what): \(String(cString: curl_easy_strerror(rc)))")
    }
  }

  // MARK: Running and reading back

  /// Runs the transfer on this thread; nil when it completed.
  public func perform() -> NetError? {
    let rc = curl_easy_perform(raw)
    return rc == CURLE_OK ? nil : error(rc)
  }

  /// Resumes a transfer a receiver paused.
  public func resume() {
    _ = curl_easy_pause(raw, 0)  // CURLPAUSE_CONT
  }

  /// libcurl's failed result for the last transfer, classified, with what the handle knows of it.
  public func error(_ rc: CURLcode) -> NetError {
    let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(rc))
    var e = NetError(NetError.kind(of: rc, detail: detail), code: Int(rc.rawValue), detail: detail)
    if let errno = info(CURLINFO_OS_ERRNO) { e.osErrno = Int32(truncatingIfNeeded: errno) }
    e.primaryIP = string(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 }
    var connectTime: curl_off_t = 0
    if fe_curl_getinfo_off_t(raw, CURLINFO_CONNECT_TIME_T, &connectTime) == CURLE_OK { e.connected = connectTime != 0 }
    e.verifyResult = info(CURLINFO_SSL_VERIFYRESULT) ?? 0
    return e
  }

  /// The final status of the last transfer.
  public var status: Int { info(CURLINFO_RESPONSE_CODE) ?? 0 }

  /// Where the last response redirects to (its Location, resolved against the request's URL).
  public var redirectURL: String? { string(CURLINFO_REDIRECT_URL) }

  /// The head being read, or the last one read.
  public var head: HTTPResponseHead { parser.head }

  /// The CA file libcurl trusts by default (the system's bundle).
  public var defaultCAFile: String? { string(CURLINFO_CAINFO) }

  private func info(_ what: CURLINFO) -> Int? {
    var value = 0
    return fe_curl_getinfo_long(raw, what, &value) == CURLE_OK ? value : nil
  }

  private func string(_ what: CURLINFO) -> String? {
    var value: UnsafeMutablePointer<CChar>? = nil
    guard fe_curl_getinfo_string(raw, what, &value) == CURLE_OK, let value else { return nil }
    return String(cString: value)
  }

  // MARK: Callbacks

  fileprivate func header(_ bytes: UnsafeRawBufferPointer) -> Bool {
    if bytes.starts(with: "HTTP/".utf8) { headDelivered = false }  // a new response
    guard let head = parser.feed(bytes) else { return true }
    headDelivered = true
    return receiver?.received(head: head) ?? false
  }

  fileprivate func write(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard let receiver else { return 0 }
    if !headDelivered {
      // A response whose head never ended (no blank line): it ends at its first body byte.
      headDelivered = true
      guard receiver.received(head: parser.head) else { return 0 }
    }
    return receiver.received(body: bytes)
  }

  fileprivate func progress(_ received: curl_off_t, _ total: curl_off_t) {
    receiver?.progress(received: Int64(received), total: Int64(total))
  }
}

// libcurl's C callbacks find their handle through the context pointer.

private let curlHeader: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let handle = Unmanaged<CurlHandle>.fromOpaque(context).takeUnretainedValue()
  return handle.header(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
}

private let curlWrite: fe_curl_data_callback = { data, size, count, context in
  guard let data, let context else { return 0 }
  let handle = Unmanaged<CurlHandle>.fromOpaque(context).takeUnretainedValue()
  return handle.write(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let curlProgress: fe_curl_progress_callback = { context, total, now, _, _ in
  guard let context else { return 0 }
  Unmanaged<CurlHandle>.fromOpaque(context).takeUnretainedValue().progress(now, total)
  return 0
}
