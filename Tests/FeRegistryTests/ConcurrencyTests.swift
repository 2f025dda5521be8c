// Real `fe` processes racing on one FE_HOME, and killed with SIGKILL mid-install.
import FeBasics
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ConcurrencyTests {
  @Test(arguments: ["fe@^2", "fe@1"])
  func eightParallelInstallsLeaveOneIntactBlob(_ spec: String) throws {
    let w = try World("parallel")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let running = try (0..<8).map { _ in
      try Proc.start(Repo.fe, ["blobs", "install", spec, "--registry", nginx.url], cwd: w.project, env: ["FE_HOME": w.home])
    }
    let results = running.map { $0.wait() }
    for r in results { #expect(r.exited(0), "\(r)") }
    let version = spec == "fe@1" ? "1.4.2" : "2.1.0"
    #expect(w.store.blobs == ["fe/\(version)"])
    #expect(w.store.isIntact("fe", version))
    #expect(w.store.staging.isEmpty, "\(w.store.staging)")
    #expect(results.filter { $0.out.hasPrefix("installed ") }.count >= 1)
  }

  /// SIGKILL while the download is under way (the server sends slowly; the kill comes once it
  /// has served part of a file): nothing is installed, and the next install cleans up.
  @Test func killedMidDownloadLeavesTheStoreAsItWas() throws {
    let w = try World("kill-download")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let fe = try Proc.start(
      Repo.fe, ["blobs", "install", "fe@^2", "--registry", server.url("slow")], cwd: w.project, env: ["FE_HOME": w.home])
    #expect(waitUntil { !server.requests(endingWith: ".zst").isEmpty })
    #expect(waitUntil { w.store.staging.contains { FileSystem.size(w.home + "/tmp/" + $0 + "/snapshot.blob.zst") ?? 0 > 0 } })
    fe.kill9()
    let r = fe.wait()
    #expect(r.signaled && r.code == SIGKILL, "\(r)")
    #expect(w.store.blobs.isEmpty)
    #expect(!w.store.staging.isEmpty, "the killed process's staging dir is left behind")
    let again = try w.fe("blobs", "install", "fe@^2", "--registry", server.url("ok"))
    #expect(again.exited(0), "\(again)")
    #expect(w.store.isIntact("fe", "2.1.0"))
    #expect(w.store.staging.isEmpty, "the next install removed the dead process's leftovers: \(w.store.staging)")
  }

  /// SIGKILL at moments spread over a whole install (index, download, decompress, snapshot
  /// build, staging, rename): afterwards the store holds no blob or one intact blob, never a
  /// partial one, and a later install always succeeds.
  @Test(arguments: ["fe@^2", "fe@1"])
  func killedAtAnyMomentLeavesNoPartialBlob(_ spec: String) throws {
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let version = spec == "fe@1" ? "1.4.2" : "2.1.0"
    // How long one install takes here, to spread the kills over it.
    let probe = try World("kill-probe")
    defer { probe.remove() }
    let started = Date()
    #expect(try probe.fe("blobs", "install", spec, "--registry", nginx.url).exited(0))
    let duration = Date().timeIntervalSince(started)

    var outcomes: [String: Int] = [:]
    for i in 0..<12 {
      let w = try World("kill-any")
      defer { w.remove() }
      let fe = try Proc.start(Repo.fe, ["blobs", "install", spec, "--registry", nginx.url], cwd: w.project, env: ["FE_HOME": w.home])
      usleep(useconds_t(duration * Double(i) / 11 * 1.2 * 1_000_000))
      fe.kill9()
      let r = fe.wait()
      let blobs = w.store.blobs
      #expect(blobs.isEmpty || (blobs == ["fe/\(version)"] && w.store.isIntact("fe", version)), "kill \(i): \(blobs) \(r)")
      outcomes[blobs.isEmpty ? "none" : "intact", default: 0] += 1
      let after = try w.fe("blobs", "install", spec, "--registry", nginx.url)
      #expect(after.exited(0) && w.store.isIntact("fe", version), "after kill \(i): \(after)")
      #expect(w.store.staging.isEmpty, "after kill \(i): \(w.store.staging)")
    }
    #expect(outcomes["none", default: 0] > 0, "some kills landed before the install finished: \(outcomes)")
  }
}
