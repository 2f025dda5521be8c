// `fe d` end to end: the built fe runs the bundled tool's dev server on a free port in a temp
// project, and the tests talk to it over raw sockets (statuses, headers, 304, gzip, SPA fallback,
// proxy, traversal variants) and stop it with SIGINT as Ctrl-C would.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A small site under `public/`, a secret beside it (outside the root) and symlinks out of it.
func writeSite(_ s: Sandbox, pin: String, extraConfig: String = "") throws {
  try s.config("export default { fe: \"\(pin)\", dev: { root: \"public\"\(extraConfig) } };\n")
  try s.write(
    "public/index.html",
    """
    <!doctype html>
    <html><head><title>fe test</title><link rel="stylesheet" href="style.css"></head>
    <body><h1>Hello</h1><script type="module" src="./main.js"></script></body></html>

    """)
  try s.write("public/style.css", "h1 { color: rgb(10, 20, 30); }\n" + String(repeating: "/* padding so gzip pays */\n", count: 20))
  try s.write("public/main.js", "import { greet } from \"./util.js\";\ndocument.querySelector(\"h1\").dataset.greeting = greet(\"fe\");\n")
  try s.write("public/util.js", "export function greet(name) {\n  return \"Hello, \" + name;\n}\n")
  try s.write("public/data.json", "{\"ok\": true}\n")
  try s.write("public/sub/index.html", "<p>sub page</p>\n")
  try s.write("public/docs/readme.txt", "read me\n")
  try s.write("secret.txt", "TOP-SECRET\n")
  try FileManager.default.createSymbolicLink(atPath: s.project + "/public/alias.css", withDestinationPath: "style.css")
  try FileManager.default.createSymbolicLink(atPath: s.project + "/public/etc-link", withDestinationPath: "/etc")
  try FileManager.default.createSymbolicLink(atPath: s.project + "/public/secret-link", withDestinationPath: "../secret.txt")
}

/// `fe d --port 0 --host 127.0.0.1` in the sandbox's project, once it listens.
func startDevServer(_ s: Sandbox, _ extra: [String] = [], env: [String: String] = [:]) throws -> (LongRunningProcess, Int) {
  let server = try LongRunningProcess(fe: s, ["d", "--port", "0"] + extra, env: env)
  let port = try server.waitForPort()
  return (server, port)
}

@Suite struct DevServerTests {
  @Test func servesFilesWithTypesCachingAndFallbacks() throws {
    let s = try Sandbox("dev-static", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    let (server, port) = try startDevServer(s, ["--host", "127.0.0.1"])
    #expect(server.out.contains("│ FE v2.1.0  dev") && server.out.contains("➜  Local:   http://127.0.0.1:\(port)/"), "\(server.out)")
    #expect(server.out.contains("Root:    \(s.project)/public"), "\(server.out)")

    let index = try RawHTTP.get(port, "/")
    #expect(index.status == 200 && index.headers["content-type"] == "text/html; charset=utf-8", "\(index)")
    #expect(
      index.text.contains("<h1>Hello</h1>") && index.text.contains("<script src=\"/__fe/client.js\"></script></head>"),
      "the live-reload client is injected into the head: \(index)")
    let client = try RawHTTP.get(port, "/__fe/client.js")
    #expect(client.status == 200 && client.text.contains("EventSource('/__fe/events')"), "\(client)")

    let css = try RawHTTP.get(port, "/style.css")
    #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8", "\(css)")
    #expect(css.headers["content-encoding"] == nil && css.text.hasPrefix("h1 { color: rgb(10, 20, 30); }"), "\(css)")
    #expect(css.headers["cache-control"] == "no-cache" && css.headers["last-modified"] != nil, "\(css)")
    let etag = try #require(css.headers["etag"], "an ETag: \(css)")
    #expect(try RawHTTP.get(port, "/main.js").headers["content-type"] == "text/javascript; charset=utf-8")
    #expect(try RawHTTP.get(port, "/data.json").headers["content-type"] == "application/json; charset=utf-8")

    // Revalidation: the ETag or the date gives 304 without a body; a stale ETag gives the file.
    let same = try RawHTTP.get(port, "/style.css", headers: ["If-None-Match": etag])
    #expect(same.status == 304 && same.body.isEmpty && same.headers["etag"] == etag, "\(same)")
    let since = try RawHTTP.get(port, "/style.css", headers: ["If-Modified-Since": try #require(css.headers["last-modified"])])
    #expect(since.status == 304, "\(since)")
    let stale = try RawHTTP.get(port, "/style.css", headers: ["If-None-Match": "W/\"0-0\""])
    #expect(stale.status == 200 && stale.body == css.body, "\(stale)")

    // gzip only when asked, with Vary; the body unzips to the file.
    let zipped = try RawHTTP.get(port, "/style.css", headers: ["Accept-Encoding": "br, gzip;q=0.8"])
    #expect(zipped.headers["content-encoding"] == "gzip" && zipped.headers["vary"] == "Accept-Encoding", "\(zipped)")
    #expect(zipped.body.count < css.body.count, "\(zipped)")
    #expect(try gunzip(zipped.body) == css.text)
    #expect(try RawHTTP.get(port, "/style.css", headers: ["Accept-Encoding": "gzip;q=0"]).headers["content-encoding"] == nil)

    // Directories: a redirect to the slash, their index.html, or a listing.
    let sub = try RawHTTP.get(port, "/sub?x=1")
    #expect(sub.status == 301 && sub.headers["location"] == "/sub/?x=1", "\(sub)")
    let subIndex = try RawHTTP.get(port, "/sub/")
    #expect(subIndex.status == 200 && subIndex.text.contains("<p>sub page</p>"), "\(subIndex)")
    let listing = try RawHTTP.get(port, "/docs/")
    #expect(listing.status == 200 && listing.text.contains("href=\"readme.txt\""), "\(listing)")

    // Single-page apps: an extension-less path gets index.html; a missing file is a 404 page.
    let route = try RawHTTP.get(port, "/settings/profile")
    #expect(route.status == 200 && route.text.contains("<h1>Hello</h1>"), "\(route)")
    let missing = try RawHTTP.get(port, "/missing.js")
    #expect(missing.status == 404 && missing.text.contains("404 Not Found") && missing.text.contains("/missing.js"), "\(missing)")

    // A symlink that stays inside the root is served.
    #expect(try RawHTTP.get(port, "/alias.css").text == css.text)

    let head = try RawHTTP.request(port, "HEAD", "/style.css")
    #expect(head.status == 200 && head.headers["content-length"] == "\(css.body.count)" && head.body.isEmpty, "\(head)")
    let post = try RawHTTP.request(port, "POST", "/index.html", body: Data("x".utf8))
    #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD", "\(post)")

    // Several requests on one keep-alive connection.
    let connection = try HTTPConnection(port: port)
    try connection.send("GET /data.json HTTP/1.1\r\nHost: x\r\n\r\nGET /util.js HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(try connection.response().text == "{\"ok\": true}\n")
    #expect(try connection.response().text.contains("export function greet"))

    try server.waitForOutput(containing: "GET /missing.js 404 ")
    #expect(
      server.out.range(of: #"GET /style\.css 304 [0-9.]+ms"#, options: .regularExpression) != nil, "one line per request: \(server.out)")
    let stopped = server.stop(SIGINT)
    #expect(stopped.exited(0) && stopped.out.contains("stopped") && stopped.err.isEmpty, "Ctrl-C stops cleanly: \(stopped)")
  }

  @Test(arguments: ["^2", "^1"])
  func pathTraversalNeverLeavesTheRoot(pin: String) throws {
    let s = try Sandbox("dev-traversal", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: pin)
    let (server, port) = try startDevServer(s)
    let attempts = [
      "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
      "/..%2fsecret.txt", "/..%2f..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2fsecret.txt", "/%2e%2e/secret.txt",
      "/.%2e/secret.txt", "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/..\\secret.txt",
      "/%5c..%5csecret.txt", "/..%5c..%5csecret.txt", "/sub\\..\\..\\secret.txt", "/secret.txt%00.html",
      "/%00/../secret.txt", "/%252e%252e/secret.txt", "/etc-link/passwd", "/secret-link", "/secret-link/",
      "//etc/passwd", "/./../secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%uff0e%uff0e/secret.txt",
    ]
    for target in attempts {
      let r = try RawHTTP.get(port, target)
      // Refused, missing, or (an extension-less path) the app's own index.html: never the file.
      #expect([400, 403, 404].contains(r.status) || (r.status == 200 && r.text.contains("<h1>Hello</h1>")), "\(target) → \(r)")
      #expect(!r.text.contains("TOP-SECRET") && !r.text.contains("root:x:0:0"), "\(target) leaked: \(r)")
    }
    // Raw bytes a client library would refuse: a NUL and a bare backslash on the request line.
    let connection = try HTTPConnection(port: port)
    try connection.send(
      Data("GET /secret.txt".utf8) + Data([0]) + Data("/../../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
    let nul = try? connection.response()
    #expect(nul.map { [400, 403, 404].contains($0.status) && !$0.text.contains("TOP-SECRET") } ?? true, "\(String(describing: nul))")
    // The server is still up and serving.
    #expect(try RawHTTP.get(port, "/index.html").status == 200)
    #expect(server.stop().exited(0))
  }

  @Test func proxyForwardsMethodHeadersBodyAndStreams() throws {
    let s = try Sandbox("dev-proxy", store: .sharedReadOnly)
    defer { s.remove() }
    let flag = s.root.path + "/stream-go"
    let backend = try LongRunningProcess(
      "/usr/bin/python3", [Fe.repo + "/Tests/FeCLITests/Fixtures/proxy_backend.py", flag], cwd: s.project, env: [:])
    let backendPort = try backend.waitForOutput { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    let downPort = try freePort()
    try writeSite(
      s, pin: "^2", extraConfig: ", proxy: { \"/api\": \"http://127.0.0.1:\(backendPort)\", \"/down\": \"http://127.0.0.1:\(downPort)\" }")
    let (server, port) = try startDevServer(s)
    #expect(server.out.contains("Proxy:   /api → http://127.0.0.1:\(backendPort)"), "\(server.out)")

    let echo = try RawHTTP.request(
      port, "POST", "/api/echo?x=1", headers: ["X-Test": "42", "Content-Type": "text/plain"], body: Data("ping".utf8))
    #expect(echo.status == 201 && echo.headers["x-backend"] == "echo", "\(echo)")
    let seen = try #require(try parseJSON(echo.text) as? [String: Any], "\(echo)")
    #expect(seen["method"] as? String == "POST" && seen["path"] as? String == "/api/echo?x=1", "\(seen)")
    #expect(seen["body"] as? String == "ping" && seen["xTest"] as? String == "42", "\(seen)")
    #expect(seen["host"] as? String == "127.0.0.1:\(backendPort)", "the backend sees its own host: \(seen)")
    let put = try RawHTTP.request(port, "PUT", "/api", body: Data("{}".utf8))
    #expect((try parseJSON(put.text) as? [String: Any])?["method"] as? String == "PUT", "\(put)")

    // Not under the prefix: served from the root as usual.
    #expect(try RawHTTP.get(port, "/apix/data.json").status == 404)

    // Streamed: the first chunk arrives while the backend still holds the second.
    let stream = try HTTPConnection(port: port)
    try stream.send("GET /api/stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    try stream.read(until: "first")
    #expect(!String(decoding: stream.received, as: UTF8.self).contains("second"))
    try Data().write(to: URL(fileURLWithPath: flag))
    try stream.read(until: "second")

    let down = try RawHTTP.get(port, "/down/x")
    #expect(down.status == 502 && down.text.contains("Bad Gateway"), "\(down)")
    try server.waitForOutput(containing: "POST /api/echo?x=1 201 ")
    #expect(server.stop().exited(0))
    backend.stop(SIGTERM)
  }

  @Test func aPortInUseIsOneClearLine() throws {
    let s = try Sandbox("dev-port-in-use", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    let (first, port) = try startDevServer(s)
    let second = try s.fe("d", "--port", "\(port)")
    #expect(second.exited(1), "\(second)")
    #expect(second.err == "✖ port \(port) is already in use on localhost: stop the other server or pass --port <n>\n", "\(second)")
    #expect(try RawHTTP.get(port, "/").status == 200, "the first server is unaffected")
    #expect(first.stop().exited(0))
  }

  @Test func aMissingRootOrABadPortIsOneClearLine() throws {
    let s = try Sandbox("dev-bad-input", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    for command in ["d", "b"] {
      let r = try s.fe(command, "--root", "nope")
      #expect(r.exited(2) && r.out.isEmpty, "\(r)")
      #expect(r.err == "✖ the root \(s.project)/nope is not a directory: create it or set dev.root / --root\n", "\(r)")
    }
    for port in ["99999", "abc", "-1"] {
      let r = try s.fe("d", "--port", port)
      #expect(r.exited(2) && r.err == "✖ invalid --port: \(port) (use a number from 0 to 65535; 0 picks a free port)\n", "\(r)")
    }
  }

  @Test func fe1IsPlainAndHasNoGzip() throws {
    let s = try Sandbox("dev-fe1", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^1")
    let (server, port) = try startDevServer(s)
    #expect(server.out.hasPrefix("fe 1.4.2 dev\nserving \(s.project)/public on port \(port)\n"), "\(server.out)")
    #expect(!server.out.contains("╭"))
    let css = try RawHTTP.get(port, "/style.css", headers: ["Accept-Encoding": "gzip"])
    #expect(css.status == 200 && css.headers["content-encoding"] == nil && css.text.hasPrefix("h1 {"), "1.x never compresses: \(css)")
    let etag = try #require(css.headers["etag"])
    #expect(try RawHTTP.get(port, "/style.css", headers: ["If-None-Match": etag]).status == 304)
    #expect(try RawHTTP.get(port, "/index.html").text.contains("/__fe/client.js"))
    #expect(try RawHTTP.get(port, "/nope.txt").status == 404)
    #expect(server.stop().exited(0))
  }
}
