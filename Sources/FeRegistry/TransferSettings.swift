import FeBasics
import FeNet

/// Everything about how fe talks to a registry that the environment decides, read in one place
/// (README "Environment" lists the same variables):
///
///     FE_HTTP_CONNECT_TIMEOUT   seconds to establish a connection (default 10)
///     FE_HTTP_TIMEOUT           seconds one request may take in all (default 300); a download cut
///                               off by it resumes where it stopped
///     FE_HTTP_MIN_SPEED         the speed floor in bytes per second (default 1024)
///     FE_HTTP_STALL_TIMEOUT     seconds below the floor before a transfer counts as too slow
///                               (default 15); a too-slow transfer is tried once more, then fails
///     FE_HTTP_RETRIES           retries of a transient failure (default 4)
///     FE_HTTP_RETRY_DELAY       the first backoff pause in seconds, doubling each time (default 0.5)
///     FE_CA_FILE, NODE_EXTRA_CA_CERTS   PEM files of extra trusted CAs, added to the system's
///     http_proxy, HTTP_PROXY, https_proxy, HTTPS_PROXY, ALL_PROXY, NO_PROXY   as FeNet's ProxyRule
///                               reads them (the same rule as a tool's fetch())
///     FE_REGISTRY_TOKEN         a bearer token, sent only to the registry's own host
public struct TransferSettings: Sendable, Equatable {
  public var connectTimeout: Double = 10
  public var timeout: Double = 300
  /// A transfer under `minSpeed` bytes/s for `stallTimeout` seconds is too slow: with the
  /// one retry it gets, a registry sending one byte a second fails in about 31 s, not hours.
  public var stallTimeout: Double = 15
  public var minSpeed = 1024
  public var retry = RetryPolicy()
  /// Redirects followed per request before giving up (a loop ends here).
  public var maxRedirects = 8
  /// `fe/<version>`.
  public var userAgent: String
  /// PEM files whose certificates are trusted in addition to the system's.
  public var extraCAFiles: [String] = []
  /// Proxy for http:// and https:// URLs ("" = none), and the hosts that bypass it.
  public var proxy = ProxyRule()
  /// Bearer token for the registry's host.
  public var token: String?

  public init(userAgent: String) {
    self.userAgent = userAgent
  }

  /// Settings from `env`; a malformed number is a usage error naming the variable.
  public init(env: [String: String], userAgent: String) throws {
    self.init(userAgent: userAgent)
    connectTimeout = try Self.seconds(env, "FE_HTTP_CONNECT_TIMEOUT") ?? connectTimeout
    timeout = try Self.seconds(env, "FE_HTTP_TIMEOUT") ?? timeout
    stallTimeout = try Self.seconds(env, "FE_HTTP_STALL_TIMEOUT") ?? stallTimeout
    if let text = env["FE_HTTP_MIN_SPEED"], !text.isEmpty {
      guard let n = Int(text), n >= 1, n <= 1 << 30 else {
        throw FeError(
          .usage, "FE_HTTP_MIN_SPEED=\(text) is not a speed in bytes per second",
          hint: "set it to a positive whole number, e.g. FE_HTTP_MIN_SPEED=1024")
      }
      minSpeed = n
    }
    if let text = env["FE_HTTP_RETRIES"], !text.isEmpty {
      guard let n = Int(text), n >= 0, n <= 100 else {
        throw FeError(.usage, "FE_HTTP_RETRIES=\(text) is not a number of retries", hint: "set it to 0–100, e.g. FE_HTTP_RETRIES=4")
      }
      retry.retries = n
    }
    if let base = try Self.seconds(env, "FE_HTTP_RETRY_DELAY", allowZero: true) { retry.baseDelay = base }
    for name in ["FE_CA_FILE", "NODE_EXTRA_CA_CERTS"] {
      if let file = env[name], !file.isEmpty, !extraCAFiles.contains(file) { extraCAFiles.append(file) }
    }
    proxy = ProxyRule(env: env)
    if let t = env["FE_REGISTRY_TOKEN"], !t.isEmpty { token = t }
  }

  private static func seconds(_ env: [String: String], _ name: String, allowZero: Bool = false) throws -> Double? {
    guard let text = env[name], !text.isEmpty else { return nil }
    guard let value = Double(text), value.isFinite, allowZero ? value >= 0 : value > 0, value <= 86400 else {
      throw FeError(.usage, "\(name)=\(text) is not a number of seconds", hint: "set it to a positive number, e.g. \(name)=30")
    }
    return value
  }
}
