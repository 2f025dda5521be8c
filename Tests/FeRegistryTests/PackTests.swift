// `fe blobs pack` and `fe blobs install --from`: moving blobs to a machine without network.
import FeBasics
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PackTests {
  @Test func packsAndInstallsWithoutANetwork() throws {
    let w = try World("pack")
    defer { w.remove() }
    let registry = try SharedRegistry.path()
    #expect(try w.fe("blobs", "install", "fe@1", "--registry", registry).exited(0))
    #expect(try w.fe("blobs", "install", "fe@2", "--registry", registry).exited(0))
    let pack = w.dir.path + "/tools.fepack"
    let p = try w.fe("blobs", "pack", "-o", pack)
    #expect(p.exited(0) && p.out.contains("fe@1.4.2, fe@2.1.0"), "\(p)")

    let target = w.dir.path + "/offline-home"
    let r = try FeRegistryTests.fe(
      ["blobs", "install", "--from", pack], home: target, cwd: w.project,
      env: ["FE_REGISTRY": "http://127.0.0.1:\(try freePort())", "FE_OFFLINE": "1"])
    #expect(r.exited(0) && r.out == "installed fe@1.4.2 from \(pack)\ninstalled fe@2.1.0 from \(pack)\n", "\(r)")
    let store = StoreState(home: target)
    #expect(store.blobs == ["fe/1.4.2", "fe/2.1.0"] && store.isIntact("fe", "1.4.2") && store.isIntact("fe", "2.1.0"))
    try w.config("export default { fe: \"^2\" };\n")
    let d = try FeRegistryTests.fe(["d", "--dry-run"], home: target, cwd: w.project)
    #expect(d.exited(0) && d.out.contains("FE v2.1.0"), "\(d)")
    let again = try FeRegistryTests.fe(["blobs", "install", "--from", pack], home: target, cwd: w.project)
    #expect(again.exited(0) && again.out.contains("fe@2.1.0 is already installed"), "\(again)")
  }

  @Test func packsChosenVersions() throws {
    let w = try World("pack-some")
    defer { w.remove() }
    let registry = try SharedRegistry.path()
    #expect(try w.fe("blobs", "install", "fe@1", "--registry", registry).exited(0))
    #expect(try w.fe("blobs", "install", "fe@2", "--registry", registry).exited(0))
    let pack = w.dir.path + "/one.fepack"
    #expect(try w.fe("blobs", "pack", "fe@^2", "-o", pack).exited(0))
    let target = w.dir.path + "/h2"
    #expect(try FeRegistryTests.fe(["blobs", "install", "--from", pack], home: target).exited(0))
    #expect(StoreState(home: target).blobs == ["fe/2.1.0"])
    expectFeError(try w.fe("blobs", "pack", "fe@^3", "-o", pack), code: 66)
    expectFeError(try w.fe("blobs", "pack", "tsc", "-o", pack), code: 66)
  }

  /// A FIFO where a blob's source should be is refused without being opened (it would block).
  @Test func aFIFOInTheStoreIsRefusedNotRead() throws {
    let w = try World("pack-fifo")
    defer { w.remove() }
    #expect(try w.fe("blobs", "install", "fe@2", "--registry", try SharedRegistry.path()).exited(0))
    let source = w.home + "/blobs/fe/2.1.0/source.js"
    try FileManager.default.removeItem(atPath: source)
    #expect(mkfifo(source, 0o600) == 0)
    let r = try w.fe("blobs", "pack", "-o", w.dir.path + "/p.fepack")
    expectFeError(r, code: 65, mentions: [source, "FIFO"])
    #expect(!r.timedOut)
  }

  @Test func aDamagedPackInstallsNothing() throws {
    let w = try World("pack-bad")
    defer { w.remove() }
    #expect(try w.fe("blobs", "install", "fe@2", "--registry", try SharedRegistry.path()).exited(0))
    let pack = w.dir.path + "/p.fepack"
    #expect(try w.fe("blobs", "pack", "-o", pack).exited(0))
    var bytes = try #require(try FileSystem.read(pack))
    let target = w.dir.path + "/h2"

    // Truncated.
    try FileSystem.writeAtomically(pack + ".short", Array(bytes.prefix(bytes.count / 2)))
    expectFeError(
      try FeRegistryTests.fe(["blobs", "install", "--from", pack + ".short"], home: target), code: 65, mentions: ["not a valid fe pack"])
    // A flipped byte inside a compressed file.
    bytes[bytes.count - 100] ^= 0xFF
    try FileSystem.writeAtomically(pack + ".flipped", bytes)
    expectFeError(try FeRegistryTests.fe(["blobs", "install", "--from", pack + ".flipped"], home: target), code: 65)
    // Not a pack at all.
    expectFeError(
      try FeRegistryTests.fe(["blobs", "install", "--from", Repo.fe2 + "/package.json"], home: target), code: 65, mentions: ["FEPACK01"])
    expectFeError(try FeRegistryTests.fe(["blobs", "install", "--from", w.dir.path + "/none"], home: target), code: 64)
    #expect(StoreState(home: target).blobs.isEmpty)
  }
}
