// Live reload end to end in a real headless Chromium: the page served by `fe d` runs the injected
// client; editing a file under the root reloads the page (a marker set in the page is gone), and
// in 2.x editing a stylesheet swaps it in place (the style changes, the marker survives).
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

private let h1Color = "return getComputedStyle(document.querySelector('h1')).color"

@Suite(.serialized) struct LiveReloadTests {
  /// The test site served by `fe d` of the pinned major, open in Chromium: its module ran and
  /// its event stream is connected before anything changes.
  func openSite(_ s: Sandbox, pin: String) throws -> (LongRunningProcess, Browser) {
    try writeSite(s, pin: pin)
    let (server, port) = try startDevServer(s)
    let browser = try Browser()
    do {
      try browser.open("http://127.0.0.1:\(port)/")
      _ = try browser.waitFor("return document.querySelector('h1').dataset.greeting || null") { $0 as? String == "Hello, fe" }
      try server.waitForOutput(containing: "GET /__fe/events 200")
    } catch {
      browser.quit()
      throw error
    }
    return (server, browser)
  }

  @Test func fe2SwapsCssInPlaceAndReloadsOnOtherChanges() throws {
    let s = try Sandbox("live-reload-2", store: .sharedReadOnly)
    defer { s.remove() }
    let (server, browser) = try openSite(s, pin: "^2")
    defer { browser.quit() }
    #expect(try browser.execute(h1Color) as? String == "rgb(10, 20, 30)")
    _ = try browser.execute("window.__marker = 'kept'; return true")

    try s.write("public/style.css", "h1 { color: rgb(200, 100, 50); }\n")
    _ = try browser.waitFor(h1Color) { $0 as? String == "rgb(200, 100, 50)" }
    #expect(try browser.execute("return window.__marker || null") as? String == "kept", "CSS changed without a reload")
    try server.waitForOutput(containing: "style.css changed: css update")

    try s.write("public/util.js", "export function greet(name) {\n  return \"Bye, \" + name;\n}\n")
    _ = try browser.waitFor(
      "return window.__marker === undefined ? (document.querySelector('h1').dataset.greeting || 'loading') : 'not yet'"
    ) {
      $0 as? String == "Bye, fe"
    }
    #expect(try browser.execute(h1Color) as? String == "rgb(200, 100, 50)")
    try server.waitForOutput(containing: "util.js changed: page reload")
    #expect(server.stop().exited(0))
  }

  @Test func fe1ReloadsThePageForCssToo() throws {
    let s = try Sandbox("live-reload-1", store: .sharedReadOnly)
    defer { s.remove() }
    let (server, browser) = try openSite(s, pin: "^1")
    defer { browser.quit() }
    _ = try browser.execute("window.__marker = 'set'; return true")

    try s.write("public/style.css", "h1 { color: rgb(1, 2, 3); }\n")
    _ = try browser.waitFor("return window.__marker === undefined ? 'reloaded' : 'not yet'") { $0 as? String == "reloaded" }
    #expect(try browser.execute(h1Color) as? String == "rgb(1, 2, 3)")
    #expect(server.stop().exited(0))
  }
}
