// A full disk and a read-only store (root only: they mount a tiny tmpfs). Each gives a clear
// file-system error (74) and leaves the store intact.
import FeBasics
import Foundation
import Testing

/// Whether this process may mount file systems (root in a container that allows it).
let canMount: Bool = {
  guard geteuid() == 0 else { return false }
  let dir = TempDir("mount-probe")
  defer { dir.remove() }
  let ok = (try? Proc.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path]).exited(0)) ?? false
  if ok { _ = try? Proc.run("/bin/umount", [dir.path]) }
  return ok
}()

@Suite(.enabled(if: canMount, "needs root to mount a small tmpfs"), .serialized)
struct StoreFaultTests {
  @Test func aFullDiskIsAClearErrorAndLeavesTheStoreIntact() throws {
    let w = try World("disk-full")
    defer { w.remove() }
    let registry = try SharedRegistry.path()
    // Room for one blob (and its download) but not two: sized from a real install.
    let probe = w.dir.path + "/probe"
    #expect(try FeRegistryTests.fe(["blobs", "install", "fe@2", "--registry", registry], home: probe).exited(0))
    let room = FileSystem.treeSize(probe) * 3 / 2 / 1024
    let mount = w.dir.path + "/small"
    try FileSystem.createDirectory(mount)
    #expect(try Proc.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(room)k", "tmpfs", mount]).exited(0))
    defer { _ = try? Proc.run("/bin/umount", ["-l", mount]) }
    let home = mount + "/home"
    #expect(try FeRegistryTests.fe(["blobs", "install", "fe@2", "--registry", registry], home: home).exited(0))
    let before = try snapshotOfStore(home)
    let r = try FeRegistryTests.fe(["blobs", "install", "fe@1", "--registry", registry], home: home)
    expectFeError(r, code: 74, mentions: ["No space left on device", "disk is full"])
    #expect(try snapshotOfStore(home) == before)
    #expect(StoreState(home: home).staging.isEmpty, "\(StoreState(home: home).staging)")
    #expect(StoreState(home: home).isIntact("fe", "2.1.0"))
  }

  @Test func aReadOnlyStoreIsAClearErrorAndLeavesTheStoreIntact() throws {
    let w = try World("read-only")
    defer { w.remove() }
    let home = w.dir.path + "/ro-home"
    let registry = try SharedRegistry.path()
    #expect(try FeRegistryTests.fe(["blobs", "install", "fe@2", "--registry", registry], home: home).exited(0))
    let before = try snapshotOfStore(home)
    #expect(try Proc.run("/bin/mount", ["--bind", home, home]).exited(0))
    defer { _ = try? Proc.run("/bin/umount", ["-l", home]) }
    #expect(try Proc.run("/bin/mount", ["-o", "remount,bind,ro", home]).exited(0))
    let r = try FeRegistryTests.fe(["blobs", "install", "fe@1", "--registry", registry], home: home)
    expectFeError(r, code: 74, mentions: ["Read-only file system", "FE_HOME"])
    #expect(try snapshotOfStore(home) == before)
  }
}
