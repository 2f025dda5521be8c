// A cache is never a reason to fail: with a read-only or full FE_HOME, an installed tool still
// launches (the config cache and the config's base snapshot are skipped, not written).
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct UnwritableStoreTests {
  /// A copy of the shared store (fe 1.4.2 and 2.1.0 installed) without its caches, on a tmpfs of
  /// its own that `damage` then makes read-only or full. Where mounting is not allowed, the
  /// cache directory is replaced by a file, so nothing can be created under it either.
  func withStore(_ name: String, damage: (String) throws -> Void, _ body: (Sandbox) throws -> Void) throws {
    var s = try Sandbox(name, store: .empty)
    defer { s.remove() }
    let home = s.root.path + "/mnt"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let mounted = try Shell.run(["/bin/mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", home]).exited(0)
    defer { if mounted { _ = try? Shell.run(["/bin/umount", "-l", home]) } }
    let copy = try Shell.run(["/bin/cp", "-a", try SharedStore.path() + "/.", home])
    #expect(copy.exited(0), "\(copy)")
    try? FileManager.default.removeItem(atPath: home + "/cache")
    if mounted {
      try damage(home)
    } else {
      try Data().write(to: URL(fileURLWithPath: home + "/cache"))
    }
    s.extraEnv["FE_HOME"] = home
    try s.config("export default { fe: '^2' };\n")
    try body(s)
  }

  @Test func readOnlyStoreLaunches() throws {
    try withStore(
      "ro-store",
      damage: { home in
        let r = try Shell.run(["/bin/mount", "-o", "remount,ro", home])
        #expect(r.exited(0), "\(r)")
      }
    ) { s in
      for _ in 0..<2 {
        let r = try s.fe("--version")
        #expect(r.exited(0) && r.out.contains("2.1.0"), "\(r)")
        #expect(r.err.isEmpty, "\(r)")
      }
      #expect(!FileManager.default.fileExists(atPath: s.env["FE_HOME"]! + "/cache/config"))
    }
  }

  /// A blob another engine built needs rebuilding; a read-only store cannot take the rebuilt
  /// snapshot, so the tool runs from a copy outside it (and is rebuilt again next time).
  @Test func aStaleBlobInAReadOnlyStoreStillLaunches() throws {
    try withStore(
      "ro-stale",
      damage: { home in
        // Another engine id in fe 2.1.0's header (offset 56): intact, but not this fe's.
        let snapshot = home + "/blobs/fe/2.1.0/snapshot.bin"
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: snapshot))
        try handle.seek(toOffset: 56)
        try handle.write(contentsOf: Data("v8-0.0.0-0000000000000000".utf8) + Data(repeating: 0, count: 39))
        try handle.close()
        let r = try Shell.run(["/bin/mount", "-o", "remount,ro", home])
        #expect(r.exited(0), "\(r)")
      }
    ) { s in
      for _ in 0..<2 {
        let r = try s.fe("--version")
        #expect(r.exited(0) && r.out.contains("2.1.0"), "\(r)")
        #expect(r.err.contains("rebuilding fe@2.1.0"), "\(r)")
      }
    }
  }

  @Test func fullStoreLaunches() throws {
    try withStore(
      "full-store",
      damage: { home in
        // Fill the file system to the last byte.
        let r = try Shell.run(["/bin/dd", "if=/dev/zero", "of=\(home)/fill", "bs=1M"])
        #expect(!r.exited(0) && r.err.contains("No space left"), "\(r)")
      }
    ) { s in
      for _ in 0..<2 {
        let r = try s.fe("--version")
        #expect(r.exited(0) && r.out.contains("2.1.0"), "\(r)")
      }
    }
  }
}
