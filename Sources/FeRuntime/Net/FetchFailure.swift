import CCrypto
import FeEngine
import FeNet

#if canImport(Glibc)
  import Glibc
#endif

/// Why a fetch failed, in the shape Node's fetch (undici) gives it: a `TypeError` whose message
/// is "fetch failed" (before the response) or "terminated" (while reading its body), and whose
/// `cause` is the error underneath — `connect ECONNREFUSED 127.0.0.1:8080` with errno, code,
/// syscall, address and port; `getaddrinfo ENOTFOUND host`; a TLS verification code such as
/// UNABLE_TO_VERIFY_LEAF_SIGNATURE; undici's own timeouts (UND_ERR_CONNECT_TIMEOUT, …).
struct FetchFailure {
  /// The cause's class name ("Error", "SocketError", …), message and code.
  var name = "Error"
  var message: String
  var code: String?
  /// Extra properties after `code`, in Node's order (errno first, then syscall, address…).
  var errno: Int32?
  var syscall: String?
  var fields: [(String, JSValue)] = []

  /// What JS receives: `{name, message, props: {errno?, code?, syscall?, …}}`.
  var jsValue: JSValue {
    var props: [(String, JSValue)] = []
    if let errno { props.append(("errno", .number(Double(-errno)))) }
    if let code { props.append(("code", .string(code))) }
    if let syscall { props.append(("syscall", .string(syscall))) }
    props += fields
    return .object([("name", .string(name)), ("message", .string(message)), ("props", .object(props))])
  }

  static func plain(_ message: String) -> FetchFailure { FetchFailure(message: message) }

  /// A failed transfer (FeNet's classification), whose response head had or had not arrived.
  static func classify(_ e: NetError, url: String, headReceived: Bool) -> FetchFailure {
    let parts = URLParts(url)
    let host = parts?.host ?? ""
    let port = parts?.port ?? 0
    switch e.kind {
    case .resolveHost, .resolveProxy:
      var f = FetchFailure(message: "getaddrinfo ENOTFOUND \(host)", code: "ENOTFOUND", errno: 3008, syscall: "getaddrinfo")
      f.fields = [("hostname", .string(host))]
      return f
    case .connect:
      let err = e.osErrno != 0 ? e.osErrno : ECONNREFUSED
      let address = e.primaryIP ?? host
      let code = ChildProcessOps.codeName(err)
      var f = FetchFailure(message: "connect \(code) \(address):\(port)", code: code, errno: err, syscall: "connect")
      f.fields = [("address", .string(address)), ("port", .number(Double(port)))]
      return f
    case .timedOut, .tooSlow:
      if !e.connected && !headReceived {
        var f = FetchFailure(name: "ConnectTimeoutError", message: "Connect Timeout Error", code: "UND_ERR_CONNECT_TIMEOUT")
        f.message += " (attempted address: \(host):\(port), timeout: \(FetchTransfer.connectTimeoutMs)ms)"
        return f
      }
      return headReceived
        ? FetchFailure(name: "BodyTimeoutError", message: "Body Timeout Error", code: "UND_ERR_BODY_TIMEOUT")
        : FetchFailure(name: "HeadersTimeoutError", message: "Headers Timeout Error", code: "UND_ERR_HEADERS_TIMEOUT")
    case .send, .receive:
      if e.osErrno != 0 {
        let code = ChildProcessOps.codeName(e.osErrno)
        let syscall = e.kind == .send ? "write" : "read"
        return FetchFailure(message: "\(syscall) \(code)", code: code, errno: e.osErrno, syscall: syscall)
      }
      return otherSideClosed
    case .emptyReply, .shortBody:
      return otherSideClosed
    case .tls:
      return tls(e, host: host)
    case .badReply, .unsupportedProtocol:
      return FetchFailure(name: "HTTPParserError", message: e.detail, code: "HPE_INVALID_CONSTANT")
    case .proxy, .http2, .aborted, .other:
      return FetchFailure(name: "UndiciError", message: e.detail, code: "UND_ERR")
    }
  }

  static let otherSideClosed = FetchFailure(name: "SocketError", message: "other side closed", code: "UND_ERR_SOCKET")

  /// A TLS failure: certificate verification errors carry OpenSSL's verify code under Node's
  /// name for it; handshake errors become ERR_SSL_<REASON> as Node names OpenSSL's reasons.
  private static func tls(_ e: NetError, host: String) -> FetchFailure {
    let detail = e.detail
    let verify = e.verifyResult
    let problem = "SSL certificate problem: "
    // A chain problem comes first, as Node checks the chain before the name.
    if verify != 0, let name = verifyNames[verify] {
      let text =
        X509_verify_cert_error_string(verify).map { String(cString: $0) }
        ?? (detail.hasPrefix(problem) ? String(detail.dropFirst(problem.count)) : detail)
      return FetchFailure(message: text, code: name)
    }
    if verify == 62 || detail.contains("subject name") || detail.contains("does not match target host") {
      // Node goes on to list the certificate's names, which curl does not give.
      let isIP = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
      let what = isIP ? "IP: \(host) is not in the cert's list" : "Host: \(host). is not in the cert's altnames"
      return FetchFailure(message: "Hostname/IP does not match certificate's altnames: \(what)", code: "ERR_TLS_CERT_ALTNAME_INVALID")
    }
    // "error:0A00010B:SSL routines::wrong version number" → ERR_SSL_WRONG_VERSION_NUMBER
    if let range = detail.firstRange(of: "SSL routines::") {
      let reason = detail[range.upperBound...].prefix { $0 != "," && $0 != "\n" }
      let code = "ERR_SSL_" + reason.uppercased().map { $0 == " " ? "_" : $0 }.map(String.init).joined()
      let message = detail.firstRange(of: "error:").map { String(detail[$0.lowerBound...]) } ?? detail
      return FetchFailure(message: message, code: code)
    }
    return FetchFailure(
      message: "Client network socket disconnected before secure TLS connection was established", code: "ECONNRESET")
  }

  /// OpenSSL's X509_V_ERR_* codes under the names Node gives them (`err.code`).
  static let verifyNames: [Int: String] = [
    2: "UNABLE_TO_GET_ISSUER_CERT", 3: "UNABLE_TO_GET_CRL", 4: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
    5: "UNABLE_TO_DECRYPT_CRL_SIGNATURE", 6: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", 7: "CERT_SIGNATURE_FAILURE",
    8: "CRL_SIGNATURE_FAILURE", 9: "CERT_NOT_YET_VALID", 10: "CERT_HAS_EXPIRED", 11: "CRL_NOT_YET_VALID",
    12: "CRL_HAS_EXPIRED", 13: "ERROR_IN_CERT_NOT_BEFORE_FIELD", 14: "ERROR_IN_CERT_NOT_AFTER_FIELD",
    15: "ERROR_IN_CRL_LAST_UPDATE_FIELD", 16: "ERROR_IN_CRL_NEXT_UPDATE_FIELD", 17: "OUT_OF_MEM",
    18: "DEPTH_ZERO_SELF_SIGNED_CERT", 19: "SELF_SIGNED_CERT_IN_CHAIN", 20: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    21: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", 22: "CERT_CHAIN_TOO_LONG", 23: "CERT_REVOKED", 24: "INVALID_CA",
    25: "PATH_LENGTH_EXCEEDED", 26: "INVALID_PURPOSE", 27: "CERT_UNTRUSTED", 28: "CERT_REJECTED",
  ]
}
