import FeNet
import Foundation
import Testing

/// `fe blobs install` (the registry client) and a tool's `fetch()` read the proxy variables by
/// the same rule: for each environment, both send their request through the loopback proxy, or
/// neither does.
@Suite("fe blobs install and a tool's fetch() pick the same proxy")
struct SameProxyTests {
  /// (what the proxy variables are set to, with `$PROXY` for the proxy's URL; proxied?)
  static let cases: [([String: String], Bool)] = [
    (["HTTP_PROXY": "$PROXY"], true),
    (["http_proxy": "$PROXY"], true),
    (["ALL_PROXY": "$PROXY"], true),
    // httpoxy: under CGI, HTTP_PROXY may come from a request's Proxy: header.
    (["HTTP_PROXY": "$PROXY", "REQUEST_METHOD": "GET"], false),
    (["http_proxy": "$PROXY", "REQUEST_METHOD": "GET"], true),
    (["HTTP_PROXY": "$PROXY", "NO_PROXY": "registry.invalid,tool.invalid"], false),
    (["HTTPS_PROXY": "$PROXY"], false),
  ]

  @Test("for the same environment", arguments: cases.indices)
  func sameProxy(_ i: Int) throws {
    let (variables, proxied) = Self.cases[i]
    let proxy = try LoopbackProxy()
    defer { proxy.stop() }
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("fe-net-proxy-\(getpid())-\(i)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let script = home.appendingPathComponent("probe.mjs")
    try """
      try { console.log((await fetch('http://tool.invalid/probe')).status); }
      catch (e) { console.log(e.cause?.code ?? e.message); }
      """.write(to: script, atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    for name in ProxyRule.variables { env[name] = nil }
    for (name, value) in variables { env[name] = value.replacingOccurrences(of: "$PROXY", with: proxy.url) }
    env["FE_HOME"] = home.appendingPathComponent("store").path
    env["FE_HTTP_RETRIES"] = "0"
    env["FE_HTTP_CONNECT_TIMEOUT"] = "5"
    env["CI"] = nil

    let install = try Self.fe(["blobs", "install", "demo@1", "--registry", "http://registry.invalid/reg"], env: env, cwd: home)
    #expect(install.code != 0, "nothing can be installed from the stand-in proxy")
    let afterInstall = proxy.requestLines
    let fetch = try Self.fe(["blobs", "run", script.path], env: env, cwd: home)
    let afterFetch = Array(proxy.requestLines.dropFirst(afterInstall.count))

    let installProxied = afterInstall.contains { $0.hasPrefix("GET http://registry.invalid/reg") }
    let fetchProxied = afterFetch.contains { $0.hasPrefix("GET http://tool.invalid/probe") }
    #expect(installProxied == fetchProxied, "\(variables): install \(afterInstall), fetch \(afterFetch)")
    #expect(installProxied == proxied, "\(variables): install sent \(afterInstall); stderr: \(install.stderr)")
    #expect(fetchProxied == proxied, "\(variables): fetch sent \(afterFetch), printed \(fetch.stdout) \(fetch.stderr)")
    #expect(fetch.stdout == (proxied ? "404\n" : "ENOTFOUND\n"), "\(fetch.stderr)")
  }

  struct Result {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  /// The fe binary built next to this test bundle.
  static let binary: URL = {
    var dir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("fe")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fe")
  }()

  static func fe(_ args: [String], env: [String: String], cwd: URL) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["60", binary.path] + args
    process.environment = env
    process.currentDirectoryURL = cwd
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      code: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
