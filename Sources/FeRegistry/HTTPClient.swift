import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// fe's HTTP policy over a transport (libcurl in production, anything in tests): redirects
/// (bounded, never from https down to http), the bearer token (only to the registry's own
/// host), retries with backoff, resuming a download where a dropped connection left it, and
/// size limits. Every failure leaves here as an FeError saying what to do.
public final class HTTPClient {
  public let settings: TransferSettings
  private let transport: HTTPTransport
  /// The registry's origin: the only one that gets FE_REGISTRY_TOKEN.
  private let tokenOrigin: URLOrigin?
  private let pause: (Double) -> Void
  /// The Authorization header for a URL, when a caller keeps credentials per host (npm's
  /// `//host/path/:_authToken`); consulted for every request, redirects included, so a token
  /// never reaches a host it was not configured for. Without it, FE_REGISTRY_TOKEN as above.
  private let authorize: ((String) -> String?)?
  /// What to tell a user refused with 401/403, when the caller's credentials come from elsewhere.
  private let authHint: String?

  /// `registry` is the registry's base URL (its origin gets the token, if any); `pause` sleeps
  /// between retries (injectable so tests need not wait).
  public init(
    settings: TransferSettings, transport: @escaping HTTPTransport, registry: String?,
    authorize: ((String) -> String?)? = nil, authHint: String? = nil,
    pause: @escaping (Double) -> Void = RetryPolicy.sleep
  ) {
    self.settings = settings
    self.transport = transport
    self.tokenOrigin = registry.flatMap(URLOrigin.init)
    self.authorize = authorize
    self.authHint = authHint
    self.pause = pause
  }

  /// What a conditional request came to.
  public enum Fetched {
    case body([UInt8], HTTPHeaders)
    /// 304: what the caller holds is current.
    case notModified(HTTPHeaders)
    case notFound
  }

  /// A small resource with extra request headers (Accept, If-None-Match…); a 304 is an answer,
  /// not an error. More than `limit` bytes is an integrity error.
  public func fetch(_ url: String, limit: Int, headers: [(name: String, value: String)]) throws -> Fetched {
    let sink = MemorySink(url: url, limit: limit)
    switch try run(url, sink, headers: headers) {
    case .done: return .body(sink.bytes, sink.headers)
    case .notModified(let h): return .notModified(h)
    case .notFound: return .notFound
    }
  }

  /// Downloads `url`, whose size nobody announced (an npm tarball), into `path`: at most
  /// `limit` bytes, resumed after a dropped connection. False when the server says it does not exist.
  public func download(_ url: String, to path: String, limit: Int64) throws -> Bool {
    let sink = try FileSink(url: url, path: path, expectedSize: nil, limit: limit, progress: nil)
    defer { sink.close() }
    return try run(url, sink) == .done
  }

  /// A small resource (an index, a signature) read into memory; nil when the server says it
  /// does not exist (404 or 410). More than `limit` bytes is an integrity error.
  public func fetch(_ url: String, limit: Int) throws -> [UInt8]? {
    let sink = MemorySink(url: url, limit: limit)
    guard try run(url, sink) == .done else { return nil }
    return sink.bytes
  }

  /// Downloads `url` into the file at `path` (created or truncated): exactly `expectedSize`
  /// bytes, or an integrity error. `progress` gets the bytes held so far.
  public func download(_ url: String, to path: String, expectedSize: Int64, progress: ((Int64) -> Void)? = nil) throws {
    let sink = try FileSink(url: url, path: path, expectedSize: expectedSize, limit: expectedSize, progress: progress)
    defer { sink.close() }
    // No fsync: a download is scratch, checked against its sha256 before use and then deleted;
    // only what BlobStore installs must be durable.
    guard try run(url, sink) == .done else {
      throw FeError(
        .registry, "\(url) is listed in the registry's index but the server says it does not exist (404)",
        hint: "the registry is incomplete: republish that version, or ask its maintainers")
    }
  }

  // MARK: The retry loop

  /// Bytes an attempt must add for the next one to be a free resume rather than a retry.
  static let resumeProgress: Int64 = 64 << 10

  /// How a resource's attempts ended, when not with an error.
  private enum Outcome: Equatable {
    case done
    case notFound
    case notModified(HTTPHeaders)
  }

  /// What one attempt came to, when it did not succeed or fail for good.
  private enum Attempt {
    case done
    case notFound
    case notModified(HTTPHeaders)
    /// `tooSlow`: the transfer stayed under the speed floor (see `maxSlowAttempts`).
    case transient(reason: String, retryAfter: String?, tooSlow: Bool = false)
  }

  /// Attempts of one resource that may end too slow before fe gives up, whatever
  /// FE_HTTP_RETRIES says: a registry (or mirror) that slow is most likely slow on purpose or
  /// for good, and two stall times (2 × 15 s by default) keep a slow-retrieval attack under a minute.
  static let maxSlowAttempts = 2

  /// Runs attempts until one succeeds (true), the resource is missing (false), or the failure is final.
  private func run(_ url: String, _ sink: BodySink, headers extra: [(name: String, value: String)] = []) throws -> Outcome {
    var retries = 0
    var resumes = 0
    var slowAttempts = 0
    while true {
      let heldBefore = sink.held
      switch try attempt(url, sink, extra) {
      case .done: return .done
      case .notFound: return .notFound
      case .notModified(let h): return .notModified(h)
      case .transient(let reason, let retryAfter, let tooSlow):
        // A download that got well further than last time resumes at once, counted apart from
        // retries; one that trickles (a server dripping bytes before each stall) uses up retries.
        if sink.canResume && sink.held - heldBefore >= Self.resumeProgress && resumes < settings.retry.maxResumes {
          resumes += 1
          continue
        }
        retries += 1
        if tooSlow { slowAttempts += 1 }
        if tooSlow && (slowAttempts >= Self.maxSlowAttempts || retries > settings.retry.retries) {
          throw FeError(
            .registry, "cannot download \(url): \(reason) (\(retries) attempt\(retries == 1 ? "" : "s"))",
            hint: "the registry or the network is too slow; FE_HTTP_MIN_SPEED and FE_HTTP_STALL_TIMEOUT set the floor, "
              + "or use --offline to run with what is installed")
        }
        if retries > settings.retry.retries {
          let tries = settings.retry.retries + 1
          throw FeError(
            .registry, "cannot download \(url): \(reason) (\(tries) attempt\(tries == 1 ? "" : "s"))",
            hint: "check that the registry is reachable (FE_HTTP_TIMEOUT and FE_HTTP_RETRIES tune the patience), "
              + "or use --offline to run with what is installed")
        }
        pause(settings.retry.delay(beforeRetry: retries, retryAfter: retryAfter))
      }
    }
  }

  /// One attempt, following redirects.
  private func attempt(_ start: String, _ sink: BodySink, _ extra: [(name: String, value: String)]) throws -> Attempt {
    var url = start
    for _ in 0...settings.maxRedirects {
      var headers = extra
      if let authorize {
        if let value = authorize(url) { headers.append(("Authorization", value)) }
      } else if let token = settings.token, let tokenOrigin, URLOrigin(url) == tokenOrigin {
        headers.append(("Authorization", "Bearer \(token)"))
      }
      if sink.held > 0 {
        headers.append(("Range", "bytes=\(sink.held)-"))
        // If the file changed since the first part came, the server sends all of it (200).
        if let validator = sink.validator { headers.append(("If-Range", validator)) }
      }
      let request = HTTPRequest(url: url, headers: headers, settings: settings)
      var wanted = false
      let handlers = HTTPHandlers(
        head: { status, headers in
          guard (200..<300).contains(status) else { return .skipBody }
          try sink.begin(status: status, headers: headers)
          wanted = true
          return .readBody
        },
        body: { chunk in try sink.write(chunk) },
        progress: { _, _ in sink.reportProgress() })

      let response: HTTPResponse
      do {
        response = try transport(request, handlers)
      } catch {
        return try transportFailure(error, url: url)
      }
      switch response.status {
      case 200..<300 where wanted:
        try sink.finish()
        return .done
      case 301, 302, 303, 307, 308:
        guard let next = response.redirectURL else {
          throw FeError(
            .registry, "\(url) redirects (\(response.status)) without a Location", hint: "fix the registry's server configuration")
        }
        if url.lowercased().hasPrefix("https:") && !next.lowercased().hasPrefix("https:") {
          throw FeError(
            .registry, "\(url) redirects from https to \(next); fe does not downgrade to plain http",
            hint: "point the registry (or its redirect) at an https URL")
        }
        url = next
        continue
      case 404, 410:
        return .notFound
      case 304 where extra.contains { $0.name == "If-None-Match" || $0.name == "If-Modified-Since" }:
        return .notModified(response.headers)
      case 416 where sink.held > 0:
        // The part asked for is not there (the file shrank, or all of it was held): start over.
        try sink.restart()
        return .transient(reason: "the server could not resume the download (416)", retryAfter: nil)
      case let status where RetryPolicy.isRetryable(status: status):
        return .transient(reason: "the server answered \(status) \(Self.reason(status))", retryAfter: response.headers["retry-after"])
      case let status:
        throw FeError(
          .registry, "cannot download \(url): the server answered \(status) \(Self.reason(status))", hint: hint(forStatus: status, url: url)
        )
      }
    }
    throw FeError(
      .registry, "too many redirects (more than \(settings.maxRedirects)) fetching \(start)",
      hint: "the registry's server redirects in a loop; fix its configuration or use another registry URL")
  }

  private func transportFailure(_ error: HTTPTransportError, url: String) throws -> Attempt {
    switch error {
    case .aborted(let cause):
      if let restart = cause as? RestartTransfer { return .transient(reason: restart.reason, retryAfter: nil) }
      if let fe = cause as? FeError { throw fe }
      throw FeError(.internalError, "downloading \(url) failed: \(cause)", hint: "this is a bug in fe; please report it")
    case .connect(let m), .timedOut(let m), .dropped(let m):
      return .transient(reason: m, retryAfter: nil)
    case .tooSlow(let m):
      return .transient(reason: m, retryAfter: nil, tooSlow: true)
    case .tls(let m):
      throw FeError(
        .registry, "cannot connect securely to \(URLOrigin(url)?.description ?? url): \(m)",
        hint: "if the registry uses a private certificate authority, set FE_CA_FILE (or NODE_EXTRA_CA_CERTS) to its PEM file")
    case .other(let m):
      throw FeError(
        .registry, "cannot download \(url): \(m)", hint: "check the registry URL (--registry, FE_REGISTRY or `registry` in fe.config.js)")
    }
  }

  private func hint(forStatus status: Int, url: String) -> String {
    switch status {
    case 401, 403:
      if let authHint { return authHint }
      if settings.token == nil { return "the registry needs credentials: set FE_REGISTRY_TOKEN to a token it accepts" }
      if let tokenOrigin, URLOrigin(url) != tokenOrigin {
        return "the registry redirected to \(URLOrigin(url)?.description ?? url), which fe does not send FE_REGISTRY_TOKEN to"
      }
      return "the registry refused FE_REGISTRY_TOKEN: check that it is current and may read this registry"
    default:
      return "check the registry URL (--registry, FE_REGISTRY or `registry` in fe.config.js)"
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 408: return "Request Timeout"
    case 416: return "Range Not Satisfiable"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return ""
    }
  }
}

// MARK: Where bodies go

/// Receives one resource's body across attempts.
private protocol BodySink: AnyObject {
  /// Bytes already held (a retry asks for the rest with Range).
  var held: Int64 { get }
  /// Whether a later attempt may continue from `held`.
  var canResume: Bool { get }
  /// The ETag or Last-Modified of the first response, for If-Range.
  var validator: String? { get }
  /// A 2xx response is about to deliver its body.
  func begin(status: Int, headers: HTTPHeaders) throws
  func write(_ chunk: UnsafeRawBufferPointer) throws
  /// The response ended normally: check the body is complete.
  func finish() throws
  func reportProgress()
  /// Drops what is held, so the next attempt asks for the whole body.
  func restart() throws
}

/// Thrown by a sink to end this attempt and try again from the start of the body.
private struct RestartTransfer: Error {
  let reason: String
}

/// A body in memory, capped at `limit` bytes; restarted from scratch on each attempt.
private final class MemorySink: BodySink {
  let url: String
  let limit: Int
  var bytes: [UInt8] = []
  /// The headers of the response whose body this is (ETag, Last-Modified for a cache).
  var headers = HTTPHeaders()

  init(url: String, limit: Int) {
    self.url = url
    self.limit = limit
  }

  var held: Int64 { 0 }
  var canResume: Bool { false }
  var validator: String? { nil }

  func begin(status: Int, headers: HTTPHeaders) throws {
    bytes.removeAll(keepingCapacity: true)
    self.headers = headers
    if let length = headers["content-length"].flatMap(Int.init), length > limit { throw tooLarge() }
  }

  func write(_ chunk: UnsafeRawBufferPointer) throws {
    guard bytes.count + chunk.count <= limit else { throw tooLarge() }
    bytes += chunk
  }

  func finish() throws {}
  func reportProgress() {}
  func restart() throws { bytes.removeAll() }

  private func tooLarge() -> FeError {
    FeError(
      .integrity, "\(url) is larger than \(limit) bytes, more than fe accepts for it",
      hint: "check the registry URL; an index is far smaller")
  }
}

/// A body streamed into a file, resumable: after a dropped connection the next attempt asks for
/// the rest with Range and appends, or starts over when the server sends the whole file.
private final class FileSink: BodySink {
  let url: String
  let path: String
  /// Nil when nobody announced the size (an npm tarball): then only `limit` bounds it.
  let expectedSize: Int64?
  let limit: Int64
  let progress: ((Int64) -> Void)?
  private var fd: Int32
  private(set) var held: Int64 = 0
  private(set) var validator: String?

  init(url: String, path: String, expectedSize: Int64?, limit: Int64, progress: ((Int64) -> Void)?) throws {
    self.url = url
    self.path = path
    self.expectedSize = expectedSize
    self.limit = limit
    self.progress = progress
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot write \(path)") }
  }

  var canResume: Bool { true }

  func begin(status: Int, headers: HTTPHeaders) throws {
    if status == 206, held > 0 {
      guard let range = ContentRange(headers["content-range"]), range.start == held else {
        // Not the part asked for: start over without Range on the next attempt.
        try restart()
        throw RestartTransfer(reason: "the server sent another part of the file than the one asked for")
      }
      if let total = range.total, let expectedSize, total != expectedSize { throw sizeMismatch(announced: total) }
      if let total = range.total, total > limit { throw tooLarge() }
      return
    }
    // A whole response: anything held from an earlier attempt is discarded.
    if held > 0 { try restart() }
    if let length = headers["content-length"].flatMap(Int64.init) {
      if let expectedSize, length != expectedSize { throw sizeMismatch(announced: length) }
      if length > limit { throw tooLarge() }
    }
    validator = headers["etag"].flatMap { $0.hasPrefix("W/") ? nil : $0 } ?? headers["last-modified"]
  }

  func write(_ chunk: UnsafeRawBufferPointer) throws {
    guard held + Int64(chunk.count) <= limit else {
      if expectedSize == nil { throw tooLarge() }
      throw FeError(
        .integrity, "\(url) is longer than the \(limit) bytes the registry's index lists",
        hint: "the registry serves a different file than it published; tell its maintainers")
    }
    guard let base = chunk.baseAddress else { return }
    var done = 0
    while done < chunk.count {
      let n = Glibc.write(fd, base + done, chunk.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw FileSystem.ioError("cannot write \(path)")
      }
      done += n
    }
    held += Int64(chunk.count)
  }

  func finish() throws {
    guard let expectedSize else { return }
    guard held == expectedSize else {
      throw FeError(
        .integrity, "\(url) ended after \(held) of the \(expectedSize) bytes the registry's index lists",
        hint: "the registry serves a different file than it published; tell its maintainers")
    }
  }

  func reportProgress() { progress?(held) }

  func close() {
    if fd >= 0 { Glibc.close(fd) }
    fd = -1
  }

  deinit { close() }

  func restart() throws {
    guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else { throw FileSystem.ioError("cannot write \(path)") }
    held = 0
  }

  private func tooLarge() -> FeError {
    FeError(
      .integrity, "\(url) is larger than \(limit) bytes, more than fe accepts for one file",
      hint: "nothing was installed; check that the registry serves what it lists")
  }

  private func sizeMismatch(announced: Int64) -> FeError {
    FeError(
      .integrity, "\(url) is \(announced) bytes on the server, but the registry's index lists \(expectedSize ?? 0)",
      hint: "the registry serves a different file than it published; tell its maintainers")
  }
}

/// `Content-Range: bytes <start>-<end>/<total or *>`.
struct ContentRange {
  let start: Int64
  let total: Int64?

  init?(_ header: String?) {
    guard let header, header.hasPrefix("bytes ") else { return nil }
    let spec = header.dropFirst(6)
    let halves = spec.split(separator: "/", maxSplits: 1)
    guard let range = halves.first, let dash = range.firstIndex(of: "-"), let start = Int64(range[..<dash]) else { return nil }
    self.start = start
    total = halves.count > 1 ? Int64(halves[1]) : nil
  }
}
