import FeNet
import Foundation
import Testing

@Suite("ProxyRule: which proxy the environment picks for a URL")
struct ProxyRuleTests {
  static let http = "http://r.example/x"
  static let https = "https://r.example/x"

  /// (environment, proxy for an http URL, proxy for an https URL, NO_PROXY)
  static let table: [([String: String], String, String, String)] = [
    ([:], "", "", ""),
    (["http_proxy": "http://lower:1"], "http://lower:1", "", ""),
    (["HTTP_PROXY": "http://upper:1"], "http://upper:1", "", ""),
    (["http_proxy": "http://lower:1", "HTTP_PROXY": "http://upper:1"], "http://lower:1", "", ""),
    // Under CGI (REQUEST_METHOD set) HTTP_PROXY may come from a request's Proxy: header.
    (["HTTP_PROXY": "http://upper:1", "REQUEST_METHOD": "GET"], "", "", ""),
    (["HTTP_PROXY": "http://upper:1", "REQUEST_METHOD": "GET", "ALL_PROXY": "http://all:3"], "http://all:3", "http://all:3", ""),
    (["http_proxy": "http://lower:1", "REQUEST_METHOD": "POST"], "http://lower:1", "", ""),
    (["HTTPS_PROXY": "http://upper:2"], "", "http://upper:2", ""),
    (["HTTPS_PROXY": "http://upper:2", "REQUEST_METHOD": "GET"], "", "http://upper:2", ""),
    (["https_proxy": "http://lower:2", "HTTPS_PROXY": "http://upper:2"], "", "http://lower:2", ""),
    (["ALL_PROXY": "http://all:3"], "http://all:3", "http://all:3", ""),
    (["all_proxy": "http://lower:3", "ALL_PROXY": "http://all:3"], "http://lower:3", "http://lower:3", ""),
    (["ALL_PROXY": "http://all:3", "HTTPS_PROXY": "http://s:2"], "http://all:3", "http://s:2", ""),
    (["NO_PROXY": "a,b", "http_proxy": "http://p:1"], "http://p:1", "", "a,b"),
    (["no_proxy": "c", "NO_PROXY": "a,b"], "", "", "c"),
    // An empty variable counts as unset.
    (["http_proxy": "", "HTTP_PROXY": "http://upper:1"], "http://upper:1", "", ""),
    (["REQUEST_METHOD": "", "HTTP_PROXY": "http://upper:1"], "http://upper:1", "", ""),
  ]

  @Test("a table of environments", arguments: table.indices)
  func decision(_ i: Int) {
    let (env, http, https, noProxy) = Self.table[i]
    let rule = ProxyRule(env: env)
    #expect(rule.proxy(for: Self.http) == http, "\(env)")
    #expect(rule.proxy(for: Self.https) == https, "\(env)")
    #expect(rule.proxy(for: "HTTPS://R.EXAMPLE/") == https, "the scheme is case-insensitive")
    #expect(rule.noProxy == noProxy, "\(env)")
  }

  @Test("every variable the rule reads is one it lists, and fetch.js passes exactly those")
  func variables() throws {
    for name in ProxyRule.variables where name != "REQUEST_METHOD" {
      #expect(ProxyRule(env: [name: "http://x:1"]) != ProxyRule(), "\(name) is read")
    }
    #expect(ProxyRule(env: ["HTTP_PROXY": "http://x:1", "REQUEST_METHOD": "GET"]) != ProxyRule(env: ["HTTP_PROXY": "http://x:1"]))
    // The runtime's JS files are numbered (name order is load order): find fetch's by its name.
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/FeRuntime/JS").standardized
    let fetchName = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix("-fetch.js") },
      "no NN-fetch.js in \(folder.path)")
    let fetchJS = folder.appendingPathComponent(fetchName)
    let source = try String(contentsOf: fetchJS, encoding: .utf8)
    let start = try #require(source.range(of: "const proxyVariables = ["))
    let end = try #require(source[start.upperBound...].range(of: "];"))
    let names = source[start.upperBound..<end.lowerBound].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "'")))
    }
    #expect(names == ProxyRule.variables)
  }
}
