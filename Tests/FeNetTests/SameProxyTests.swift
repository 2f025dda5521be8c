import FeNet
import FeTestSupport
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
    let home = TempDir("net-proxy-\(i)")
    let script = try home.write(
      "probe.mjs",
      """
      try { console.log((await fetch('http://tool.invalid/probe')).status); }
      catch (e) { console.log(e.cause?.code ?? e.message); }
      """)
    // The harness's environment is exact: no proxy variable comes from the machine's.
    var env = [
      "FE_HOME": home.file("store"), "FE_HTTP_RETRIES": "0", "FE_HTTP_CONNECT_TIMEOUT": "5",
    ]
    for (name, value) in variables { env[name] = value.replacingOccurrences(of: "$PROXY", with: proxy.url) }

    let install = try Fe.run(["blobs", "install", "demo@1", "--registry", "http://registry.invalid/reg"], cwd: home.path, env: env)
    #expect(install.code != 0, "nothing can be installed from the stand-in proxy")
    let afterInstall = proxy.requestLines
    let fetch = try Fe.run(["blobs", "run", script], cwd: home.path, env: env)
    let afterFetch = Array(proxy.requestLines.dropFirst(afterInstall.count))

    let installProxied = afterInstall.contains { $0.hasPrefix("GET http://registry.invalid/reg") }
    let fetchProxied = afterFetch.contains { $0.hasPrefix("GET http://tool.invalid/probe") }
    #expect(installProxied == fetchProxied, "\(variables): install \(afterInstall), fetch \(afterFetch)")
    #expect(installProxied == proxied, "\(variables): install sent \(afterInstall); stderr: \(install.err)")
    #expect(fetchProxied == proxied, "\(variables): fetch sent \(afterFetch), printed \(fetch.out) \(fetch.err)")
    #expect(fetch.out == (proxied ? "404\n" : "ENOTFOUND\n"), "\(fetch)")
  }
}
