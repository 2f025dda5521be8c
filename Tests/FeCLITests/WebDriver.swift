// Headless Chromium driven over the W3C WebDriver HTTP API by Debian's chromedriver on loopback,
// for the live-reload tests: a real browser loads the page, runs the injected client and reloads.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

final class Browser {
  private let driver: LongRunningProcess
  private let port: Int
  private let profile: TempDir
  private var session = ""

  init() throws {
    let chromedriver = "/usr/bin/chromedriver"
    guard FileManager.default.isExecutableFile(atPath: chromedriver) else {
      throw FixtureError("\(chromedriver) is missing: install Debian's chromium and chromium-driver (make deps does)")
    }
    port = try freePort()
    profile = TempDir("chromium-profile")
    driver = try LongRunningProcess(chromedriver, ["--port=\(port)"], cwd: "/", env: [:])
    let deadline = Date().addingTimeInterval(20)
    while (try? call("GET", "/status"))?["ready"] as? Bool != true {
      if Date() > deadline || !driver.process.isRunning { throw FixtureError("chromedriver did not get ready: \(driver.out)\(driver.err)") }
      usleep(20_000)
    }
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "goog:chromeOptions": [
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)"],
          ]
        ]
      ]
    ]
    let created = try call("POST", "/session", capabilities)
    guard let id = created?["sessionId"] as? String else { throw FixtureError("no WebDriver session: \(String(describing: created))") }
    session = id
  }

  func open(_ url: String) throws { _ = try call("POST", "/session/\(session)/url", ["url": url]) }

  /// Runs `script` (a function body) in the page; its return value, JSON-decoded.
  func execute(_ script: String) throws -> Any? {
    let result = try call("POST", "/session/\(session)/execute/sync", ["script": script, "args": [Any]()])
    return result?["value"]
  }

  /// Polls `script` until `done` accepts its value; errors while the page reloads are retried.
  func waitFor(_ script: String, timeout: Double = 20, _ done: (Any?) -> Bool) throws -> Any? {
    let deadline = Date().addingTimeInterval(timeout)
    var last: Any?
    while Date() < deadline {
      if let value = try? execute(script) {
        last = value
        if done(value) { return value }
      }
      usleep(20_000)
    }
    throw FixtureError("timed out waiting in the browser for \(script); last value \(String(describing: last))")
  }

  func quit() {
    if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)") }
    session = ""
    driver.stop(SIGTERM)
    profile.remove()
  }

  deinit { quit() }

  /// One WebDriver command; the response's top-level object ({ value: … } is kept whole).
  private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any]? {
    let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
    let response = try RawHTTP.request(port, method, path, headers: data == nil ? [:] : ["Content-Type": "application/json"], body: data)
    let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    guard response.status == 200 else { throw FixtureError("WebDriver \(method) \(path): \(response)") }
    if path == "/status" || path == "/session" { return json?["value"] as? [String: Any] }
    return json
  }
}
