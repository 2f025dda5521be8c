import CCurl
import FeBasics
import FeNet

/// libcurl (FeNet's CurlHandle) as fe's HTTP transport. A session owns one handle and reuses it
/// between requests, so the connection (and TLS session) to a registry is kept for the index
/// and the files after it. Not thread-safe: one session per client, one request at a time.
public final class CurlSession {
  private let handle: CurlHandle

  public init() throws(HTTPTransportError) {
    do { handle = try CurlHandle() } catch { throw .other(error.detail) }
  }

  /// The transport closure for an HTTPClient.
  public var transport: HTTPTransport {
    { request, handlers throws(HTTPTransportError) in try self.perform(request, handlers) }
  }

  /// Performs one GET; follows no redirects (HTTPClient does, so it can apply its own rules).
  public func perform(_ request: HTTPRequest, _ handlers: HTTPHandlers) throws(HTTPTransportError) -> HTTPResponse {
    let transfer = CurlTransfer(handlers)
    let s = request.settings
    do {
      try handle.prepare(url: request.url, proxy: s.proxy, receiver: transfer)
      try handle.setTimeouts(
        connectMs: Int(s.connectTimeout * 1000), totalMs: Int(s.timeout * 1000), minSpeed: s.minSpeed,
        stallSeconds: Int(s.stallTimeout.rounded(.up)))
      try handle.set(CURLOPT_USERAGENT, s.userAgent)
      // Fewer, larger callbacks: 512 KiB per write instead of 16 KiB.
      try handle.set(CURLOPT_BUFFERSIZE, 512 * 1024)
      if !s.extraCAFiles.isEmpty { try handle.trust(try bundle(extra: s.extraCAFiles)) }
      try handle.setHeaders(request.headers.map { Array("\($0.name): \($0.value)".utf8) })
      try handle.reportProgress()
    } catch let error as HTTPTransportError {
      throw error
    } catch {
      throw .other((error as? NetError)?.detail ?? "\(error)")
    }

    let failed = withExtendedLifetime(transfer) { handle.perform() }
    if let failure = transfer.failure { throw .aborted(failure) }
    if let failed { throw Self.classify(failed, settings: s) }
    return HTTPResponse(status: handle.status, headers: transfer.headers, redirectURL: handle.redirectURL)
  }

  private func bundle(extra: [String]) throws(HTTPTransportError) -> [UInt8] {
    do {
      return try CABundle.pem(extra: extra, systemFile: handle.defaultCAFile)
    } catch {
      throw .tls("cannot read the CA file \(error.file) (from FE_CA_FILE or NODE_EXTRA_CA_CERTS)")
    }
  }

  /// FeNet's classification in the terms HTTPClient decides on.
  static func classify(_ e: NetError, settings s: TransferSettings) -> HTTPTransportError {
    switch e.kind {
    case .tooSlow:
      return .tooSlow(
        "the transfer was too slow (under \(s.minSpeed) bytes/s for \(Self.seconds(s.stallTimeout)) s)")
    case .resolveHost, .resolveProxy, .connect, .proxy:
      return .connect(e.detail)
    case .timedOut:
      return .timedOut(e.detail)
    case .shortBody, .emptyReply, .send, .receive, .http2, .badReply:
      return .dropped(e.detail)
    case .tls:
      return .tls(e.detail)
    case .unsupportedProtocol, .aborted, .other:
      return .other(e.detail)
    }
  }
}

extension CurlSession {
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

/// The state of one transfer, told by the handle's callbacks.
private final class CurlTransfer: CurlReceiver {
  let handlers: HTTPHandlers
  var headers = HTTPHeaders()
  var decision: HTTPHandlers.Decision?
  /// The first error a handler threw; the transfer is aborted and this is reported.
  var failure: (any Error)?

  init(_ handlers: HTTPHandlers) {
    self.handlers = handlers
  }

  func received(head: HTTPResponseHead) -> Bool {
    headers = HTTPHeaders(head)
    do {
      decision = try handlers.head(head.status, headers)
      return true
    } catch {
      failure = error
      return false
    }
  }

  func received(body chunk: UnsafeRawBufferPointer) -> Int {
    guard decision == .readBody else { return chunk.count }
    do {
      try handlers.body(chunk)
      return chunk.count
    } catch {
      failure = error
      return 0
    }
  }

  func progress(received: Int64, total: Int64) {
    if decision == .readBody { handlers.progress(received, total > 0 ? total : nil) }
  }
}
