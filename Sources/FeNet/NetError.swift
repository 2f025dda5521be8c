import CCurl

/// Why a transfer failed, classified once from libcurl's result; each client maps the kind to
/// its own terms (the registry client to retry-or-not, fetch to undici's error causes).
public struct NetError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// DNS: the host, or the proxy's host, has no address.
    case resolveHost, resolveProxy
    /// No connection to the host or proxy (refused, unreachable; `osErrno` says which).
    case connect
    /// The proxy failed the tunnel (CONNECT answered with an error).
    case proxy
    /// The connect or overall timeout.
    case timedOut
    /// Under the speed floor (CURLOPT_LOW_SPEED_*) for the allowed time.
    case tooSlow
    /// The connection broke while sending or receiving (`osErrno` says how, when known).
    case send, receive
    /// The server closed the connection without any response.
    case emptyReply
    /// The body was shorter than announced.
    case shortBody
    /// An HTTP/2 framing or stream error.
    case http2
    /// Not HTTP: a malformed status line or response.
    case badReply
    /// A scheme libcurl may not use (fe allows http and https only).
    case unsupportedProtocol
    /// TLS: handshake failed, certificate not trusted or not for this host.
    case tls
    /// A callback of fe's stopped the transfer.
    case aborted
    /// libcurl cannot be loaded or set up, refused an option, or anything else.
    case other
  }

  public var kind: Kind
  /// libcurl's CURLcode (CURLE_FAILED_INIT when the failure is fe's own set-up).
  public var code: Int
  /// libcurl's message: its error buffer, else curl_easy_strerror.
  public var detail: String
  /// What the handle knew when it failed (CURLINFO_OS_ERRNO, _PRIMARY_IP, _CONNECT_TIME_T,
  /// _SSL_VERIFYRESULT); 0 or nil when unknown.
  public var osErrno: Int32 = 0
  public var primaryIP: String?
  public var connected = false
  public var verifyResult = 0

  public init(_ kind: Kind, code: Int = Int(CURLE_FAILED_INIT.rawValue), detail: String) {
    self.kind = kind
    self.code = code
    self.detail = detail
  }

  public var description: String { detail }

  /// The one classification of libcurl's results.
  public static func kind(of rc: CURLcode, detail: String) -> Kind {
    switch rc {
    case CURLE_COULDNT_RESOLVE_HOST: return .resolveHost
    case CURLE_COULDNT_RESOLVE_PROXY: return .resolveProxy
    case CURLE_COULDNT_CONNECT: return .connect
    case CURLE_PROXY: return .proxy
    case CURLE_OPERATION_TIMEDOUT: return isLowSpeedAbort(detail) ? .tooSlow : .timedOut
    case CURLE_SEND_ERROR: return .send
    case CURLE_RECV_ERROR: return .receive
    case CURLE_GOT_NOTHING: return .emptyReply
    case CURLE_PARTIAL_FILE: return .shortBody
    case CURLE_HTTP2, CURLE_HTTP2_STREAM: return .http2
    case CURLE_WEIRD_SERVER_REPLY: return .badReply
    case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedProtocol
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
      return .tls
    case CURLE_WRITE_ERROR, CURLE_ABORTED_BY_CALLBACK: return .aborted
    default: return .other
    }
  }

  /// Whether libcurl's timeout was its low-speed check (CURLOPT_LOW_SPEED_*), not the overall or
  /// connect timeout: its message has said "Operation too slow" since libcurl 7.10.
  public static func isLowSpeedAbort(_ detail: String) -> Bool {
    detail.lowercased().contains("too slow")
  }
}
