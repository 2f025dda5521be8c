// The HTTP policy (retries, resume, redirects, token scoping, limits, TLS, proxies) through the
// real libcurl transport, against real servers on 127.0.0.1.
import FeBasics
import FeNet
import Foundation
import Testing

@testable import FeRegistry

/// A served tree with `files` (path → bytes), a faulty server over it, and settings that do not wait.
final class HTTPFixture: @unchecked Sendable {
  let dir: TempDir
  let server: FaultyServer
  var settings = TransferSettings(userAgent: "fe/test")
  var pauses: [Double] = []

  init(_ name: String, files: [String: [UInt8]]) throws {
    dir = TempDir(name)
    for (path, bytes) in files {
      let full = dir.path + "/root/" + path
      try FileSystem.createDirectory(Path.dirname(full))
      try FileSystem.writeAtomically(full, bytes)
    }
    server = try FaultyServer(root: dir.path + "/root")
    settings.retry = RetryPolicy(retries: 2, baseDelay: 0.01, maxDelay: 5)
    settings.timeout = 20
  }

  func client(registry: String? = nil) throws -> HTTPClient {
    HTTPClient(settings: settings, transport: try CurlSession().transport, registry: registry) { [unowned self] in self.pauses.append($0) }
  }

  func remove() {
    server.stop()
    dir.remove()
  }
}

func randomBytes(_ n: Int) -> [UInt8] {
  var g = SystemRandomNumberGenerator()
  return (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
}

@Suite struct HTTPClientTests {
  let small = Array("{\"hello\": 1}\n".utf8)

  @Test func fetchesAndSendsTheUserAgent() throws {
    let f = try HTTPFixture("http-ok", files: ["t/index.json": small])
    defer { f.remove() }
    #expect(try f.client().fetch(f.server.url("ok") + "/t/index.json", limit: 1000) == small)
    #expect(f.server.requests.first?["userAgent"] as? String == "fe/test")
  }

  @Test func notFoundIsNil() throws {
    let f = try HTTPFixture("http-404", files: [:])
    defer { f.remove() }
    #expect(try f.client().fetch(f.server.url("ok") + "/t/index.json", limit: 1000) == nil)
    #expect(f.server.requests.count == 1, "a 404 is not retried")
  }

  @Test func retriesA500ThenSucceeds() throws {
    let f = try HTTPFixture("http-flaky", files: ["t/index.json": small])
    defer { f.remove() }
    #expect(try f.client().fetch(f.server.url("flaky") + "/t/index.json", limit: 1000) == small)
    #expect(f.server.requests.count == 2)
    #expect(f.pauses.count == 1)
  }

  @Test func givesUpAfterTheRetries() throws {
    let f = try HTTPFixture("http-500", files: ["t/index.json": small])
    defer { f.remove() }
    let error = try? #require(throws: FeError.self) { try f.client().fetch(f.server.url("always500") + "/t/index.json", limit: 1000) }
    #expect(error?.kind == .registry && error?.message.contains("500") == true && error?.message.contains("3 attempts") == true)
    #expect(f.server.requests.count == 3)
    #expect(f.pauses.count == 2 && f.pauses[1] >= f.pauses[0] * 0.9, "backoff grows: \(f.pauses)")
  }

  @Test func neverRetriesA4xx() throws {
    let f = try HTTPFixture("http-403", files: ["t/index.json": small])
    defer { f.remove() }
    let error = try? #require(throws: FeError.self) { try f.client().fetch(f.server.url("forbidden") + "/t/index.json", limit: 1000) }
    #expect(error?.kind == .registry && error?.message.contains("403") == true)
    #expect(error?.hint?.contains("FE_REGISTRY_TOKEN") == true)
    #expect(f.server.requests.count == 1)
  }

  @Test func honoursRetryAfterOn429() throws {
    let f = try HTTPFixture("http-429", files: ["t/index.json": small])
    defer { f.remove() }
    #expect(try f.client().fetch(f.server.url("ratelimit") + "/t/index.json", limit: 1000) == small)
    #expect(f.pauses.count == 1 && f.pauses[0] >= 1, "Retry-After: 1 is honoured: \(f.pauses)")
  }

  @Test func connectionRefusedIsRetriedThenARegistryError() throws {
    let f = try HTTPFixture("http-refused", files: [:])
    defer { f.remove() }
    let port = try freePort()
    let error = try? #require(throws: FeError.self) { try f.client().fetch("http://127.0.0.1:\(port)/t/index.json", limit: 1000) }
    #expect(error?.kind == .registry && error?.hint?.contains("--offline") == true)
    #expect(f.pauses.count == 2)
  }

  @Test func resumesADroppedDownloadWithRange() throws {
    let data = randomBytes(300_000)
    let f = try HTTPFixture("http-drop", files: ["t/1.0.0/source.js.zst": data])
    defer { f.remove() }
    let out = f.dir.path + "/out"
    try f.client().download(f.server.url("drop") + "/t/1.0.0/source.js.zst", to: out, expectedSize: Int64(data.count))
    #expect(try FileSystem.read(out) == data)
    let ranges = f.server.requests.map { $0["range"] as? String }
    #expect(ranges == [nil, "bytes=150000-"], "\(ranges)")
    #expect(f.pauses.isEmpty, "a resume that made progress does not back off")
  }

  @Test func finishesALargeFileAcrossManyDroppedConnections() throws {
    let data = randomBytes(3_000_000)
    let f = try HTTPFixture("http-chunky", files: ["big/blob.zst": data])
    defer { f.remove() }
    let out = f.dir.path + "/out"
    var seen: [Int64] = []
    try f.client().download(f.server.url("chunky") + "/big/blob.zst", to: out, expectedSize: Int64(data.count)) { seen.append($0) }
    #expect(SHA256.hex(try #require(try FileSystem.read(out))) == SHA256.hex(data))
    #expect(f.server.requests.count == (data.count + 65535) / 65536)
    #expect(seen.last == Int64(data.count))
  }

  @Test func aStalledServerTimesOut() throws {
    let f = try HTTPFixture("http-stall", files: ["t/x.zst": randomBytes(1000)])
    defer { f.remove() }
    f.settings.stallTimeout = 1
    f.settings.retry.retries = 0
    let started = Date()
    let error = try? #require(throws: FeError.self) {
      try f.client().download(f.server.url("stall") + "/t/x.zst", to: f.dir.path + "/out", expectedSize: 1000)
    }
    #expect(error?.kind == .registry, "\(String(describing: error))")
    #expect(Date().timeIntervalSince(started) < 20, "curl judges a stall over a 5 s window")
  }

  /// Under the speed floor for the stall time is too slow: tried once more whatever the retries
  /// allow, then a registry error saying so (the slow-retrieval attack ends in two stall times).
  @Test func aTransferUnderTheSpeedFloorIsTriedOnceMore() throws {
    let f = try HTTPFixture("http-trickle", files: ["t/index.json": randomBytes(1000)])
    defer { f.remove() }
    f.settings.stallTimeout = 1
    f.settings.minSpeed = 100
    f.settings.retry.retries = 4
    let started = Date()
    let error = try? #require(throws: FeError.self) { try f.client().fetch(f.server.url("trickle") + "/t/index.json", limit: 10_000) }
    #expect(
      error?.kind == .registry && error?.message.contains("too slow (under 100 bytes/s for 1 s)") == true, "\(String(describing: error))")
    #expect(error?.message.contains("2 attempts") == true, "\(String(describing: error))")
    #expect(f.server.requests.count == 2 && f.pauses.count == 1)
    #expect(Date().timeIntervalSince(started) < 20)
  }

  @Test func theSpeedFloorFromTheEnvironment() throws {
    #expect(TransferSettings(userAgent: "x").minSpeed == 1024 && TransferSettings(userAgent: "x").stallTimeout == 15)
    #expect(try TransferSettings(env: ["FE_HTTP_MIN_SPEED": "4096"], userAgent: "x").minSpeed == 4096)
    for value in ["0", "-5", "1.5", "fast"] {
      let error = try? #require(throws: FeError.self) { try TransferSettings(env: ["FE_HTTP_MIN_SPEED": value], userAgent: "x") }
      #expect(error?.kind == .usage && error?.message.contains("FE_HTTP_MIN_SPEED") == true, "\(value)")
    }
    #expect(NetError.isLowSpeedAbort("Operation too slow. Less than 1024 bytes/sec transferred the last 15 seconds"))
    #expect(!NetError.isLowSpeedAbort("Operation timed out after 1000 milliseconds with 0 bytes received"))
  }

  @Test func theOverallTimeoutEndsAnAttempt() throws {
    let f = try HTTPFixture("http-timeout", files: ["t/x.zst": randomBytes(1000)])
    defer { f.remove() }
    f.settings.timeout = 1
    f.settings.retry.retries = 1
    let error = try? #require(throws: FeError.self) {
      try f.client().download(f.server.url("stall") + "/t/x.zst", to: f.dir.path + "/out", expectedSize: 1000)
    }
    #expect(error?.kind == .registry && error?.message.contains("2 attempts") == true, "\(String(describing: error))")
  }

  @Test func aWrongLengthIsAnIntegrityErrorAtOnce() throws {
    let data = randomBytes(5000)
    let f = try HTTPFixture("http-length", files: ["t/x.zst": data])
    defer { f.remove() }
    let error = try? #require(throws: FeError.self) {
      try f.client().download(f.server.url("wronglength") + "/t/x.zst", to: f.dir.path + "/out", expectedSize: Int64(data.count))
    }
    #expect(error?.kind == .integrity && error?.message.contains("4993") == true, "\(String(describing: error))")
    #expect(f.server.requests.count == 1)
  }

  @Test func aLongerBodyThanListedIsCutOff() throws {
    let data = randomBytes(5000)
    let f = try HTTPFixture("http-longer", files: ["t/x.zst": data])
    defer { f.remove() }
    let error = try? #require(throws: FeError.self) {
      try f.client().download(f.server.url("ok") + "/t/x.zst", to: f.dir.path + "/out", expectedSize: 4000)
    }
    #expect(error?.kind == .integrity)
  }

  @Test func anIndexLargerThanTheLimitIsRefused() throws {
    let f = try HTTPFixture("http-limit", files: ["t/index.json": randomBytes(2000)])
    defer { f.remove() }
    #expect(throws: FeError.self) { try f.client().fetch(f.server.url("ok") + "/t/index.json", limit: 1000) }
  }

  @Test func aRedirectLoopEnds() throws {
    let f = try HTTPFixture("http-loop", files: [:])
    defer { f.remove() }
    let error = try? #require(throws: FeError.self) { try f.client().fetch(f.server.url("loop") + "/t/index.json", limit: 1000) }
    #expect(error?.kind == .registry && error?.message.contains("too many redirects") == true)
    #expect(f.server.requests.count == f.settings.maxRedirects + 1)
  }

  @Test func theTokenGoesOnlyToTheRegistrysHost() throws {
    let f = try HTTPFixture("http-token", files: ["t/index.json": small])
    defer { f.remove() }
    f.settings.token = "s3cret"
    let registry = f.server.url("elsewhere")
    #expect(try f.client(registry: registry).fetch(registry + "/t/index.json", limit: 1000) == small)
    let requests = f.server.requests
    #expect(requests.count == 2)
    #expect(requests[0]["authorization"] as? String == "Bearer s3cret" && (requests[0]["host"] as? String)?.hasPrefix("127.0.0.1") == true)
    #expect(requests[1]["authorization"] is NSNull && (requests[1]["host"] as? String)?.hasPrefix("localhost") == true, "\(requests)")
  }

  @Test func anHTTPProxyIsUsed() throws {
    let f = try HTTPFixture("http-proxy", files: ["t/index.json": small])
    defer { f.remove() }
    f.settings.proxy.http = "http://127.0.0.1:\(f.server.port)"
    #expect(try f.client().fetch("http://registry.invalid/ok/t/index.json", limit: 1000) == small)
    #expect(f.server.requests.first?["proxied"] as? Bool == true)
  }

  @Test func noProxyBypassesIt() throws {
    let f = try HTTPFixture("http-noproxy", files: ["t/index.json": small])
    defer { f.remove() }
    f.settings.proxy.http = "http://127.0.0.1:\(try freePort())"
    f.settings.proxy.noProxy = "localhost,127.0.0.1"
    #expect(try f.client().fetch(f.server.url("ok") + "/t/index.json", limit: 1000) == small)
    #expect(f.server.requests.first?["proxied"] as? Bool == false)
  }

  @Test func proxySettingsComeFromTheEnvironmentByFeNetsProxyRule() throws {
    let env = ["HTTPS_PROXY": "http://p:1", "HTTP_PROXY": "http://upper:2", "NO_PROXY": "a,b", "ALL_PROXY": "http://all:3"]
    let s = try TransferSettings(env: env, userAgent: "fe/x")
    #expect(s.proxy == ProxyRule(env: env), "the registry client reads proxies by the rule fetch() uses")
    #expect(s.proxy.proxy(for: "https://r/x") == "http://p:1")
    #expect(s.proxy.proxy(for: "http://r/x") == "http://upper:2", "HTTP_PROXY (uppercase) is honoured outside CGI")
    #expect(s.proxy.noProxy == "a,b")
    let cgi = try TransferSettings(env: env.merging(["REQUEST_METHOD": "GET"]) { $1 }, userAgent: "fe/x")
    #expect(cgi.proxy.proxy(for: "http://r/x") == "http://all:3", "under CGI, HTTP_PROXY may come from a request (httpoxy)")
    let lower = try TransferSettings(env: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"], userAgent: "fe/x")
    #expect(lower.proxy.proxy(for: "https://r") == "http://lower:1")
  }

  @Test func timeoutsAndRetriesFromTheEnvironment() throws {
    let s = try TransferSettings(
      env: [
        "FE_HTTP_TIMEOUT": "12", "FE_HTTP_CONNECT_TIMEOUT": "3", "FE_HTTP_STALL_TIMEOUT": "4.5", "FE_HTTP_RETRIES": "0",
        "FE_HTTP_RETRY_DELAY": "0", "FE_CA_FILE": "/a.pem", "NODE_EXTRA_CA_CERTS": "/b.pem", "FE_REGISTRY_TOKEN": "t",
      ],
      userAgent: "fe/x")
    #expect(s.timeout == 12 && s.connectTimeout == 3 && s.stallTimeout == 4.5 && s.retry.retries == 0 && s.retry.baseDelay == 0)
    #expect(s.extraCAFiles == ["/a.pem", "/b.pem"] && s.token == "t")
    for (name, value) in [
      ("FE_HTTP_TIMEOUT", "soon"), ("FE_HTTP_TIMEOUT", "0"), ("FE_HTTP_RETRIES", "-1"), ("FE_HTTP_CONNECT_TIMEOUT", "inf"),
    ] {
      let error = try? #require(throws: FeError.self) { try TransferSettings(env: [name: value], userAgent: "fe/x") }
      #expect(error?.kind == .usage && error?.message.contains(name) == true)
    }
  }

  @Test func retryDecisions() {
    for status in [500, 502, 503, 504, 429] { #expect(RetryPolicy.isRetryable(status: status), "\(status)") }
    for status in [400, 401, 403, 404, 408, 410, 416, 501] { #expect(!RetryPolicy.isRetryable(status: status), "\(status)") }
    let policy = RetryPolicy(retries: 5, baseDelay: 1, maxDelay: 4)
    for retry in 1...6 {
      let d = policy.delay(beforeRetry: retry)
      let cap = min(4, pow(2, Double(retry - 1)))
      #expect(d >= cap * 0.5 && d <= cap, "retry \(retry): \(d)")
    }
    #expect(policy.delay(beforeRetry: 1, retryAfter: "3") >= 3)
    #expect(policy.delay(beforeRetry: 1, retryAfter: "600") <= 4, "Retry-After is capped")
  }
}

/// HTTPS through nginx with a CA the test makes.
@Suite struct HTTPSTests {
  @Test func verifiesAgainstTheExtraCA() throws {
    let dir = TempDir("https")
    defer { dir.remove() }
    try FileSystem.createDirectory(dir.path + "/root/t")
    try FileSystem.writeAtomically(dir.path + "/root/t/index.json", Array("{}".utf8))
    let ca = try TestCA(in: dir.path + "/ca")
    let nginx = try Nginx(root: dir.path + "/root", ca: ca, locations: "location /down/ { return 302 http://127.0.0.1/x; }")
    defer { nginx.stop() }
    var settings = TransferSettings(userAgent: "fe/test")
    settings.retry.retries = 0
    let url = nginx.tlsURL + "/t/index.json"

    let untrusted = try? #require(throws: FeError.self) {
      try HTTPClient(settings: settings, transport: try CurlSession().transport, registry: nil).fetch(url, limit: 100)
    }
    #expect(untrusted?.kind == .registry && untrusted?.hint?.contains("FE_CA_FILE") == true, "\(String(describing: untrusted))")

    settings.extraCAFiles = [ca.caCert]
    let client = HTTPClient(settings: settings, transport: try CurlSession().transport, registry: nil)
    #expect(try client.fetch(url, limit: 100) == Array("{}".utf8))
    let downgrade = try? #require(throws: FeError.self) { try client.fetch(nginx.tlsURL + "/down/x", limit: 100) }
    #expect(downgrade?.kind == .registry && downgrade?.message.contains("does not downgrade") == true)

    // The certificate names localhost only: by IP address it is refused even with the CA trusted.
    let byIP = try? #require(throws: FeError.self) { try client.fetch("https://127.0.0.1:\(nginx.tlsPort ?? 0)/t/index.json", limit: 100) }
    #expect(byIP?.kind == .registry && byIP?.hint?.contains("FE_CA_FILE") == true, "\(String(describing: byIP))")
  }

  @Test func throughAnHTTPSProxyTunnel() throws {
    let dir = TempDir("https-proxy")
    defer { dir.remove() }
    try FileSystem.createDirectory(dir.path + "/root/t")
    try FileSystem.writeAtomically(dir.path + "/root/t/index.json", Array("{}".utf8))
    let ca = try TestCA(in: dir.path + "/ca")
    let nginx = try Nginx(root: dir.path + "/root", ca: ca)
    defer { nginx.stop() }
    let proxy = try FaultyServer(root: dir.path + "/root")
    defer { proxy.stop() }
    var settings = TransferSettings(userAgent: "fe/test")
    settings.extraCAFiles = [ca.caCert]
    settings.proxy.https = "http://127.0.0.1:\(proxy.port)"
    let client = HTTPClient(settings: settings, transport: try CurlSession().transport, registry: nil)
    #expect(try client.fetch(nginx.tlsURL + "/t/index.json", limit: 100) == Array("{}".utf8))
    #expect(proxy.requests.first?["method"] as? String == "CONNECT")
    #expect(proxy.requests.first?["path"] as? String == "localhost:\(nginx.tlsPort ?? 0)")
  }
}
