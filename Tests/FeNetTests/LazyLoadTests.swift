import FeTestSupport
import Foundation
import Testing

/// libcurl is dlopen'ed by the first network call: a launch that never fetches must not map it
/// (it would load ~25 libraries and run their constructors, about 5 ms, at every launch).
@Suite("libcurl loads on first use only")
struct LazyLoadTests {
  @Test func aLaunchWithoutNetworkDoesNotLoadLibcurl() throws {
    let dir = TempDir("net-lazy")
    let script = try dir.write(
      "maps.mjs",
      """
      import fs from 'node:fs';
      const mapped = () => fs.readFileSync('/proc/self/maps', 'utf8').includes('libcurl');
      console.log('before', mapped());
      if (process.env.PROBE_URL) { try { await fetch(process.env.PROBE_URL); } catch {} }
      console.log('after', mapped());
      """)
    var env = ["FE_HOME": dir.file("store")]
    let quiet = try Fe.run(["blobs", "run", script], cwd: dir.path, env: env)
    #expect(quiet.out == "before false\nafter false\n", "\(quiet)")
    let server = try LoopbackProxy()
    defer { server.stop() }
    env["PROBE_URL"] = server.url + "/"
    let fetching = try Fe.run(["blobs", "run", script], cwd: dir.path, env: env)
    #expect(fetching.out == "before false\nafter true\n", "the check sees libcurl once it is loaded; \(fetching)")
  }
}
