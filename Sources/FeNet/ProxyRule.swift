/// Which proxy a request goes through, decided from an environment in one place for every
/// client fe has (the registry client of `fe blobs install`, a tool's `fetch()`), so the same
/// environment always picks the same proxy.
///
///     http:// URLs    http_proxy, else HTTP_PROXY (see below), else all_proxy / ALL_PROXY
///     https:// URLs   https_proxy, else HTTPS_PROXY, else all_proxy / ALL_PROXY
///     bypass          no_proxy, else NO_PROXY (matched by libcurl: host suffixes, IPs, `*`)
///
/// Lowercase wins over uppercase, as in curl. Uppercase HTTP_PROXY is honoured (npm, Node's
/// undici EnvHttpProxyAgent, Docker and most corporate set-ups use it) except under CGI, when
/// REQUEST_METHOD is set: there HTTP_PROXY may come from a request's `Proxy:` header
/// ("httpoxy"), so it is ignored, as Go's net/http and Python's urllib do. curl ignores it
/// everywhere; fe's users are at a terminal or in CI far more often than behind a web server.
public struct ProxyRule: Sendable, Equatable {
  /// Every variable the rule reads: a client that sees only part of an environment (fetch.js
  /// passes these from `process.env`) must pass all of them.
  public static let variables = [
    "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY",
    "REQUEST_METHOD",
  ]

  /// The proxy for http:// and for https:// URLs ("" = none), and the hosts that bypass it.
  public var http: String
  public var https: String
  public var noProxy: String

  public init(http: String = "", https: String = "", noProxy: String = "") {
    self.http = http
    self.https = https
    self.noProxy = noProxy
  }

  public init(env: [String: String]) {
    func first(_ names: [String]) -> String? {
      for name in names { if let v = env[name], !v.isEmpty { return v } }
      return nil
    }
    let cgi = !(env["REQUEST_METHOD"] ?? "").isEmpty
    let all = first(["all_proxy", "ALL_PROXY"]) ?? ""
    http = first(cgi ? ["http_proxy"] : ["http_proxy", "HTTP_PROXY"]) ?? all
    https = first(["https_proxy", "HTTPS_PROXY"]) ?? all
    noProxy = first(["no_proxy", "NO_PROXY"]) ?? ""
  }

  /// The proxy for `url` ("" = none). It is always set explicitly, so libcurl never falls back
  /// on the process's own environment (fetch reads `process.env`, which a tool may change).
  public func proxy(for url: String) -> String {
    url.lowercased().hasPrefix("https:") ? https : http
  }
}
