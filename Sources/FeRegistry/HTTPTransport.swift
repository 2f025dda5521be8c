import FeNet

/// The boundary between fe's HTTP policy (HTTPClient: redirects, retries, resume, auth, limits)
/// and the bytes on the wire (CurlTransport in production). A transport performs exactly one
/// request: it follows no redirects and retries nothing, so every policy lives in one place.
public typealias HTTPTransport = (HTTPRequest, HTTPHandlers) throws(HTTPTransportError) -> HTTPResponse

/// One GET request, fully decided by HTTPClient.
public struct HTTPRequest: Sendable {
  /// Absolute http(s) URL.
  public var url: String
  /// Extra headers, in order (Authorization, Range, If-Range, Accept…).
  public var headers: [(name: String, value: String)]
  /// Timeouts, TLS trust, proxies, User-Agent.
  public var settings: TransferSettings

  public init(url: String, headers: [(name: String, value: String)] = [], settings: TransferSettings) {
    self.url = url
    self.headers = headers
    self.settings = settings
  }

  /// The value of the first header named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }
}

/// What the transport reports while a response arrives. The client decides from the status
/// and headers whether it wants the body at all (it does not for a redirect or an error page).
public struct HTTPHandlers {
  public enum Decision { case readBody, skipBody }

  /// Called once per response, before any body byte; throwing aborts the transfer with that error.
  public var head: (_ status: Int, _ headers: HTTPHeaders) throws -> Decision
  /// Called with each body chunk of an accepted response; throwing aborts the transfer.
  public var body: (UnsafeRawBufferPointer) throws -> Void
  /// Bytes of the body received so far in this request, and the total if announced.
  public var progress: (_ received: Int64, _ total: Int64?) -> Void

  public init(
    head: @escaping (Int, HTTPHeaders) throws -> Decision, body: @escaping (UnsafeRawBufferPointer) throws -> Void,
    progress: @escaping (Int64, Int64?) -> Void = { _, _ in }
  ) {
    self.head = head
    self.body = body
    self.progress = progress
  }
}

/// Response headers, names lowercased; a repeated header keeps its last value.
public struct HTTPHeaders: Sendable, Equatable {
  public private(set) var values: [String: String] = [:]

  public init(_ values: [String: String] = [:]) {
    for (k, v) in values { self.values[k.lowercased()] = v }
  }

  public subscript(_ name: String) -> String? { values[name.lowercased()] }

  /// The headers of a response head (FeNet's HTTPHeadParser reads them).
  public init(_ head: HTTPResponseHead) {
    for field in head.fields { values[field.name.lowercased()] = field.value }
  }
}

/// A completed exchange: the final status of this one request.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: HTTPHeaders
  /// The absolute target of a redirect (`Location` resolved against the request URL).
  public var redirectURL: String?

  public init(status: Int, headers: HTTPHeaders, redirectURL: String? = nil) {
    self.status = status
    self.headers = headers
    self.redirectURL = redirectURL
  }
}

/// Why a transfer ended without a complete response. The cases are what HTTPClient needs to
/// decide between retrying, resuming and giving up, not libcurl's own taxonomy.
public enum HTTPTransportError: Error, Sendable, CustomStringConvertible {
  /// No connection: DNS, refused, unreachable, proxy unreachable. Retryable.
  case connect(String)
  /// The connect or overall timeout, or the transfer stalled. Retryable (and resumable).
  case timedOut(String)
  /// The transfer stayed under the speed floor for the stall time (TransferSettings.minSpeed,
  /// stallTimeout): retried once (resumable), since a registry that slow is likely to stay slow.
  case tooSlow(String)
  /// The connection broke mid-response (reset, closed early, short body). Retryable, resumable.
  case dropped(String)
  /// TLS failed: an untrusted or mismatched certificate, a handshake error. Not retryable.
  case tls(String)
  /// A handler threw: the handler's error is what matters.
  case aborted(any Error)
  /// Anything else (bad URL, unsupported protocol, out of memory). Not retryable.
  case other(String)

  public var description: String {
    switch self {
    case .connect(let m), .timedOut(let m), .tooSlow(let m), .dropped(let m), .tls(let m), .other(let m): return m
    case .aborted(let e): return "\(e)"
    }
  }

  /// Whether trying again may help.
  public var isTransient: Bool {
    switch self {
    case .connect, .timedOut, .tooSlow, .dropped: return true
    case .tls, .aborted, .other: return false
    }
  }
}

extension StringProtocol {
  /// The string without leading and trailing scalars from `set` (by scalar, so "\r\n", one
  /// Character, is trimmed by a set holding "\r" and "\n").
  func trimmed(of set: String) -> String {
    let drop = Set(set.unicodeScalars)
    var scalars = Substring(self).unicodeScalars[...]
    while let c = scalars.first, drop.contains(c) { scalars = scalars.dropFirst() }
    while let c = scalars.last, drop.contains(c) { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
