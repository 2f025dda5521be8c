import Foundation
import Testing

/// libcurl is dlopen'ed by the first network call: a launch that never fetches must not map it
/// (it would load ~25 libraries and run their constructors, about 5 ms, at every launch).
@Suite("libcurl loads on first use only")
struct LazyLoadTests {
  @Test func aLaunchWithoutNetworkDoesNotLoadLibcurl() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fe-net-lazy-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("maps.mjs")
    try """
      import fs from 'node:fs';
      const mapped = () => fs.readFileSync('/proc/self/maps', 'utf8').includes('libcurl');
      console.log('before', mapped());
      if (process.env.PROBE_URL) { try { await fetch(process.env.PROBE_URL); } catch {} }
      console.log('after', mapped());
      """.write(to: script, atomically: true, encoding: .utf8)
    var env = ProcessInfo.processInfo.environment
    env["FE_HOME"] = dir.appendingPathComponent("store").path
    let quiet = try SameProxyTests.fe(["blobs", "run", script.path], env: env, cwd: dir)
    #expect(quiet.stdout == "before false\nafter false\n", "\(quiet.stderr)")
    let server = try LoopbackProxy()
    defer { server.stop() }
    env["PROBE_URL"] = server.url + "/"
    let fetching = try SameProxyTests.fe(["blobs", "run", script.path], env: env, cwd: dir)
    #expect(fetching.stdout == "before false\nafter true\n", "the check sees libcurl once it is loaded; \(fetching.stderr)")
  }
}
