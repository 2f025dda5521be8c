import FeEngine
import Testing

// The runtime's resource table: ids come from Swift, lookups are typed, a bad id is a
// Node-style error, and one runtime's ids mean nothing in another.
@testable import FeRuntime

@Suite struct ResourceTableTests {
  final class Thing: Resource {
    var disposed = false
    func dispose() { disposed = true }
  }
  final class Other: Resource {}

  @Test func idsAreAllocatedHereAndNeverReused() {
    let table = ResourceTable()
    let a = table.add(Thing())
    let b = table.add(Thing())
    #expect(a != b)
    #expect(table.take(a, as: Thing.self) != nil)
    let c = table.add(Thing())
    #expect(c != a && c != b)
  }

  @Test func lookupsAreTyped() {
    let table = ResourceTable()
    let id = table.add(Thing())
    #expect(table.get(id, as: Other.self) == nil)
    #expect(table.take(id, as: Other.self) == nil)
    #expect(table.get(id, as: Thing.self) != nil)
    #expect(table.take(id, as: Thing.self) != nil)
    #expect(table.get(id, as: Thing.self) == nil)
  }

  @Test func everythingOpenIsDisposedInOnePlace() {
    let table = ResourceTable()
    let kept = Thing()
    let taken = Thing()
    _ = table.add(kept)
    let id = table.add(taken)
    _ = table.take(id, as: Thing.self)
    table.closeAll()
    #expect(kept.disposed && !taken.disposed && table.count == 0)
  }

  /// Two runtimes in one process (a config's and a tool's): a hash started in one is not
  /// visible to the other.
  @Test func aRuntimesIdsAreItsOwn() throws {
    let a = try bootRuntime()
    let b = try bootRuntime()
    try a.expose(["crypto"])
    try b.expose(["crypto"])
    _ = try a.runScript("globalThis.h = crypto.createHash('sha256'); h.update('x');", name: "a.js")
    #expect(a.resources.count == 1 && b.resources.count == 0)
    let digest = try a.runScript("h.digest('hex')", name: "a2.js")
    #expect(digest == .string("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"))
    #expect(a.resources.count == 0)
  }

  /// zlib streams and watchers get their ids from the table too, and give them back.
  @Test func zlibStreamsAndWatchersAreResources() throws {
    let rt = try bootRuntime()
    try rt.expose(["zlib", "fs"])
    _ = try rt.runScript("globalThis.z = zlib.createGzip(); globalThis.w = fs.watch('/tmp');", name: "z.js")
    #expect(rt.resources.count == 2)
    _ = try rt.runScript("z.close(); w.close();", name: "z2.js")
    try rt.runLoop()
    #expect(rt.resources.count == 0)
  }
}
