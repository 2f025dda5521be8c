// Every fault the misbehaving server can produce, through the real `fe`: each ends in its
// documented exit code (or success, where a retry or resume recovers) and the store is left
// either unchanged or with one intact blob; never a partial one.
import FeBasics
import Foundation
import Testing

@Suite struct FaultTests {
  struct Case: CustomStringConvertible, Sendable {
    let mode: String
    let spec: String
    let code: Int32
    let mentions: [String]
    var env: [String: String] = [:]
    var description: String { "\(mode) → \(code)" }
  }

  /// Patience for the faults that need it, so each test ends in seconds.
  static let quick = ["FE_HTTP_RETRY_DELAY": "0.05", "FE_HTTP_RETRIES": "2"]

  static let cases: [Case] = [
    Case(mode: "ok", spec: "fe@^2", code: 0, mentions: []),
    Case(mode: "drop", spec: "fe@^2", code: 0, mentions: []),
    Case(mode: "chunky", spec: "fe@^2", code: 0, mentions: []),
    Case(mode: "flaky", spec: "fe@^2", code: 0, mentions: []),
    Case(mode: "ratelimit", spec: "fe@1", code: 0, mentions: []),
    Case(mode: "stall", spec: "fe@^2", code: 69, mentions: ["too slow"], env: ["FE_HTTP_STALL_TIMEOUT": "1", "FE_HTTP_RETRIES": "0"]),
    Case(mode: "stall", spec: "fe@1", code: 69, mentions: ["imed out"], env: ["FE_HTTP_TIMEOUT": "1", "FE_HTTP_RETRIES": "1"]),
    Case(mode: "wrongbytes", spec: "fe@^2", code: 65, mentions: ["sha256"]),
    Case(mode: "wronglength", spec: "fe@^2", code: 65, mentions: ["bytes on the server"]),
    Case(mode: "loop", spec: "fe@^2", code: 69, mentions: ["too many redirects"]),
    Case(mode: "missing", spec: "fe@^2", code: 69, mentions: ["404"]),
    Case(mode: "always500", spec: "fe@^2", code: 69, mentions: ["500", "3 attempts"]),
    Case(mode: "forbidden", spec: "fe@^2", code: 69, mentions: ["403", "FE_REGISTRY_TOKEN"]),
    Case(mode: "ok", spec: "nosuchtool@1", code: 66, mentions: ["no tool named nosuchtool"]),
  ]

  @Test(arguments: cases)
  func endsInItsDocumentedOutcome(_ c: Case) throws {
    let w = try World("fault-\(c.mode)")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let r = try w.fe("blobs", "install", c.spec, "--registry", server.url(c.mode), env: Self.quick.merging(c.env) { _, n in n })
    if c.code == 0 {
      #expect(r.exited(0), "\(r)")
      let version = c.spec == "fe@1" ? "1.4.2" : "2.1.0"
      #expect(w.store.blobs == ["fe/\(version)"] && w.store.isIntact("fe", version), "\(w.store.blobs)")
    } else {
      expectFeError(r, code: c.code, mentions: c.mentions)
      #expect(w.store.blobs.isEmpty, "no partial blob: \(w.store.blobs)")
    }
    #expect(w.store.staging.isEmpty, "no staging leftovers: \(w.store.staging)")
  }

  /// The slow-retrieval case: an index sent at one byte a second fails with 69 in under
  /// a minute with the default settings, retries included (the floor is 1 KiB/s for 15 s).
  @Test func anIndexTrickledAtOneByteASecondFailsInUnderAMinute() throws {
    let w = try World("fault-trickle")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let start = Date()
    let r = try FeRegistryTests.fe(
      ["blobs", "install", "fe@^2", "--registry", server.url("trickle")], home: w.home, cwd: w.project, timeLimit: 90)
    let elapsed = Date().timeIntervalSince(start)
    expectFeError(r, code: 69, mentions: ["too slow", "1024 bytes/s", "15 s"])
    #expect(elapsed < 60, "took \(elapsed) s")
    #expect(server.requests(endingWith: "index.json").count == 2, "one retry of a too-slow transfer: \(server.requests)")
    #expect(w.store.blobs.isEmpty && w.store.staging.isEmpty)
  }

  /// The floor and its time are settings: FE_HTTP_MIN_SPEED and FE_HTTP_STALL_TIMEOUT.
  @Test func theSpeedFloorIsASetting() throws {
    let w = try World("fault-trickle-env")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let start = Date()
    let r = try FeRegistryTests.fe(
      ["blobs", "install", "fe@^2", "--registry", server.url("trickle")], home: w.home, cwd: w.project,
      env: ["FE_HTTP_MIN_SPEED": "100", "FE_HTTP_STALL_TIMEOUT": "2", "FE_HTTP_RETRY_DELAY": "0.05"], timeLimit: 30)
    expectFeError(r, code: 69, mentions: ["too slow", "100 bytes/s", "2 s"])
    #expect(Date().timeIntervalSince(start) < 10)
    expectFeError(
      try w.fe("blobs", "install", "fe@^2", "--registry", server.url("ok"), env: ["FE_HTTP_MIN_SPEED": "fast"]), code: 64,
      mentions: ["FE_HTTP_MIN_SPEED"])
  }

  @Test func aDroppedDownloadResumesWhereItStopped() throws {
    let w = try World("fault-resume")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", server.url("drop")).exited(0))
    let snapshots = server.requests(endingWith: ".blob.zst")
    #expect(
      snapshots.count == 2 && snapshots[0]["range"] is NSNull && (snapshots[1]["range"] as? String)?.hasPrefix("bytes=") == true,
      "\(snapshots)")
  }

  @Test func aFailedInstallLeavesAnExistingStoreAsItWas() throws {
    let w = try World("fault-existing")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", server.url("ok")).exited(0))
    let before = try snapshotOfStore(w.home)
    expectFeError(try w.fe("blobs", "install", "fe@1", "--registry", server.url("wrongbytes")), code: 65)
    #expect(try snapshotOfStore(w.home) == before)
  }

  @Test func theUserAgentNamesFe() throws {
    let w = try World("fault-ua")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", server.url("ok")).exited(0))
    #expect(server.requests.allSatisfy { ($0["userAgent"] as? String)?.hasPrefix("fe/") == true })
  }

  @Test func theTokenIsSentOnlyToTheRegistrysHost() throws {
    let w = try World("fault-token")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", server.url("elsewhere"), env: ["FE_REGISTRY_TOKEN": "tok"])
    #expect(r.exited(0), "\(r)")
    for request in server.requests {
      let host = request["host"] as? String ?? ""
      let auth = request["authorization"] as? String
      #expect(host.hasPrefix("127.0.0.1") ? auth == "Bearer tok" : auth == nil, "\(request)")
    }
    #expect(server.requests.contains { ($0["host"] as? String)?.hasPrefix("localhost") == true })
  }

  @Test func aProxyFromTheEnvironmentIsUsed() throws {
    let w = try World("fault-proxy")
    defer { w.remove() }
    let server = try FaultyServer(root: try SharedRegistry.path())
    defer { server.stop() }
    let r = try w.fe(
      "blobs", "install", "fe@^2", "--registry", "http://registry.invalid/ok",
      env: ["http_proxy": "http://127.0.0.1:\(server.port)"])
    #expect(r.exited(0), "\(r)")
    #expect(!server.requests.isEmpty && server.requests.allSatisfy { $0["proxied"] as? Bool == true })
    let direct = try w.fe(
      "blobs", "install", "fe@1", "--registry", server.url("ok"),
      env: ["http_proxy": "http://127.0.0.1:\(try freePort())", "NO_PROXY": "127.0.0.1", "FE_HTTP_RETRIES": "0"])
    #expect(direct.exited(0), "\(direct)")
  }
}

/// Every file under `home/blobs` with its content hash, for "unchanged" comparisons.
func snapshotOfStore(_ home: String) throws -> [String: String] {
  var out: [String: String] = [:]
  func walk(_ dir: String) throws {
    for name in FileSystem.listDirectory(dir) {
      let path = dir + "/" + name
      if FileSystem.isDirectory(path) { try walk(path) } else { out[path] = SHA256.hex(try FileSystem.read(path) ?? []) }
    }
  }
  try walk(home + "/blobs")
  return out
}
