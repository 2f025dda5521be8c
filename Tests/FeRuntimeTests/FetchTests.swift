import FeTestSupport
import Foundation
import Testing

/// fetch against real servers on 127.0.0.1 (Fixtures/fetch/server.py, plain and TLS): each
/// `Fixtures/fetch/<name>.mjs` runs under `fe blobs run` with the server's address in FETCH_BASE
/// and must print `<name>.out`; unless it is fe-only, the same file under the machine's node must
/// print the same. The request-free parts of the API (Headers, Request, Response, bodies, streams)
/// are golden tests in Golden/fetch/.
@Suite("fetch against servers on 127.0.0.1")
struct FetchTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fetch")
  /// One plain HTTP server for the whole run; it exits when the test process does.
  static let http = Result { try TestServer() }

  @Test("scripts print what node prints", arguments: ["basic", "post", "redirects", "stream", "errors", "abort", "concurrent"])
  func script(_ name: String) throws {
    let server = try Self.http.get()
    try expect("\(name).mjs", prints: "\(name).out", env: server.env)
  }

  @Test("a pending fetch keeps the program alive; an aborted one or an unread body does not")
  func lifetime() throws {
    let server = try Self.http.get()
    let start = Date()
    try expect("lifetime.mjs", prints: "lifetime.out", env: server.env)
    // The stalled request would hold the program for 30 s (the server's limit) if it still counted.
    #expect(Date().timeIntervalSince(start) < 20, "an aborted fetch or an unread body kept the program alive")
  }

  @Test("the seed program: print the text of a fetched page")
  func seed() throws {
    let server = try Self.http.get()
    let fe = try FetchRun.fe(["blobs", "run", Self.fixtures.appendingPathComponent("seed.mjs").path], env: server.env)
    #expect(fe.transcript == "hello from the server\n\n", "stderr:\n\(fe.err)")
  }

  @Test("the seed program as a tool, from its blob's snapshot")
  func seedFromBlob() throws {
    let server = try Self.http.get()
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("fe-fetch-blob-\(getpid())")
    defer { try? FileManager.default.removeItem(at: home) }
    let env = server.env.merging(["FE_HOME": home.path]) { $1 }
    let tool = Self.fixtures.appendingPathComponent("seed-tool.js").path
    let build = try FetchRun.fe(["blobs", "build", tool, "--name", "fetchseed", "--version", "1.0.0", "--quiet"], env: env)
    try #require(build.code == 0, "building the blob failed: \(build.err)")
    let ok = try FetchRun.fe(["blobs", "exec", "fetchseed"], env: env)
    #expect(ok.transcript == "hello from the server\n\n", "stderr:\n\(ok.err)")
    let missing = try FetchRun.fe(["blobs", "exec", "fetchseed", "--", "nothing-here"], env: env)
    #expect(missing.transcript == "no such path\n\nexit 3\n", "stderr:\n\(missing.err)")
  }

  @Test("HTTP_PROXY, http_proxy and NO_PROXY from process.env (fe-only: Node 20 ignores them)")
  func proxy() throws {
    let server = try Self.http.get()
    // The test server answers a proxy request (an absolute URL as the path) itself.
    let env = server.env.merging(["HTTP_PROXY": server.base]) { $1 }
    let fe = try FetchRun.fe(
      ["blobs", "run", Self.fixtures.appendingPathComponent("proxy.mjs").path], env: env, unset: ["http_proxy", "NO_PROXY", "no_proxy"])
    #expect(
      fe.transcript == """
        HTTP_PROXY proxied http://proxied.invalid/echo?via=proxy proxied.invalid
        NO_PROXY fetch failed ENOTFOUND
        other NO_PROXY proxied http://proxied.invalid/echo?via=proxy proxied.invalid
        http_proxy proxied http://proxied.invalid/echo?via=proxy proxied.invalid

        """, "stderr:\n\(fe.err)")
  }

  @Test("HTTPS: verified against a test CA only when NODE_EXTRA_CA_CERTS names it", .enabled(if: TestCA.opensslPath != nil))
  func https() throws {
    let ca = try TestCA()
    defer { ca.remove() }
    let server = try TestServer(tls: (ca.serverCert, ca.serverKey))
    // The machine's own NODE_EXTRA_CA_CERTS (if any) must not decide the outcome.
    try expect("https.mjs", prints: "https-untrusted.out", env: server.env, unset: ["NODE_EXTRA_CA_CERTS"])
    try expect(
      "https.mjs", prints: "https-trusted.out", env: server.env.merging(["NODE_EXTRA_CA_CERTS": ca.caCert, "FETCH_TRUSTED": "1"]) { $1 })
  }

  @Test("a config cannot fetch: its sandbox has no network")
  func configSandbox() throws {
    let server = try Self.http.get()
    let project = FileManager.default.temporaryDirectory.appendingPathComponent("fe-fetch-config-\(getpid())")
    try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: project) }
    try """
    export default async () => ({ fe: '1.x', text: await (await fetch('\(server.base)/text')).text() });
    """.write(to: project.appendingPathComponent("fe.config.js"), atomically: true, encoding: .utf8)
    let which = try FetchRun.fe(["blobs", "which"], env: server.env, cwd: project)
    #expect(which.code == 78, "a config that fetches must be a config error; stdout:\n\(which.out)")
    #expect(which.err.contains("may not use the network"), "stderr:\n\(which.err)")
  }

  /// Runs a fixture under fe (and node, unless it says `// fe-only`) and compares with its .out.
  private func expect(_ script: String, prints expectedName: String, env: [String: String], unset: [String] = []) throws {
    let file = Self.fixtures.appendingPathComponent(script)
    let expected = try String(contentsOf: Self.fixtures.appendingPathComponent(expectedName), encoding: .utf8)
    let fe = try FetchRun.fe(["blobs", "run", file.path], env: env, unset: unset)
    #expect(!fe.signaled, "fe was killed by a signal running \(script)")
    #expect(fe.transcript == expected, "fe output of \(script) differs from \(expectedName); stderr:\n\(fe.err)")
    let source = try String(contentsOf: file, encoding: .utf8)
    if !source.hasPrefix("// fe-only"), let node = Fe.node {
      let n = try FetchRun.run(node, [file.path], env: env, unset: unset)
      #expect(
        n.transcript == expected, "node prints something else for \(script): \(expectedName) is not Node's behaviour; stderr:\n\(n.err)")
    }
  }
}

/// Runs fe or node through FeTestSupport's harness with the golden tests' environment plus `env`
/// and minus `unset`; nothing comes from the machine's environment, and the harness's time limit
/// kills a hung fetch so the test fails instead of hanging the suite.
enum FetchRun {
  static func fe(_ args: [String], env: [String: String], unset: [String] = [], cwd: URL? = nil) throws -> FeResult {
    try run(Fe.binary, args, env: env, unset: unset, cwd: cwd)
  }

  static func run(_ executable: String, _ args: [String], env: [String: String], unset: [String] = [], cwd: URL? = nil) throws -> FeResult {
    var environment = Golden.env.merging(env) { $1 }
    for name in unset { environment[name] = nil }
    return try Fe.run(args, cwd: (cwd ?? FetchTests.fixtures).path, env: environment, stdinPipe: true, executable: executable)
  }
}

/// Fixtures/fetch/server.py on a free port of 127.0.0.1, plain or TLS. It serves until its stdin
/// closes: when this object goes, or when the test process ends.
/// (A server, not a run to capture: it keeps its own Process, whose stdin pipe is its lifeline
/// and whose first stdout line says where it listens, which FeTestSupport's file capture cannot give.)
final class TestServer {
  let port: Int
  /// A port nothing listens on (for "connection refused").
  let closedPort: Int
  let base: String
  private let process = Process()
  private let input = Pipe()

  var env: [String: String] { ["FETCH_BASE": base, "FETCH_CLOSED_PORT": "\(closedPort)"] }

  init(tls: (cert: String, key: String)? = nil) throws {
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var args = ["python3", FetchTests.fixtures.appendingPathComponent("server.py").path]
    if let tls { args += ["--tls", tls.cert, tls.key] }
    process.arguments = args
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first line says where it listens: "PORT <n> CLOSED <m>".
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let more = output.fileHandleForReading.availableData
      if more.isEmpty { break }
      line.append(more)
    }
    let words = String(decoding: line, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard words.count >= 4, words[0] == "PORT", let port = Int(words[1]), let closed = Int(words[3]) else {
      process.terminate()
      throw ServerError(message: "server.py did not start (it printed \(String(decoding: line, as: UTF8.self).debugDescription))")
    }
    self.port = port
    closedPort = closed
    base = "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)"
  }

  deinit {
    try? input.fileHandleForWriting.close()
    process.terminate()
    process.waitUntilExit()
  }

  struct ServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}

/// A CA and a server certificate for 127.0.0.1 that it signed, made with the openssl CLI.
struct TestCA {
  static let opensslPath: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  let dir: URL
  var caCert: String { dir.appendingPathComponent("ca.pem").path }
  var serverCert: String { dir.appendingPathComponent("server.pem").path }
  var serverKey: String { dir.appendingPathComponent("server.key").path }

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("fe-fetch-ca-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    subjectAltName=IP:127.0.0.1
    basicConstraints=CA:FALSE
    keyUsage=critical,digitalSignature
    extendedKeyUsage=serverAuth

    """.write(to: dir.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try openssl(
      ["req", "-x509"] + ec + [
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=fe test CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ])
    try openssl(["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"])
    try openssl([
      "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
      "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
    ])
  }

  func remove() { try? FileManager.default.removeItem(at: dir) }

  private func openssl(_ args: [String]) throws {
    let result = try Proc.run(TestCA.opensslPath ?? "/usr/bin/openssl", args, cwd: dir.path)
    if !result.exited(0) { throw TestServer.ServerError(message: "openssl \(args.joined(separator: " ")) failed: \(result.err)") }
  }
}
