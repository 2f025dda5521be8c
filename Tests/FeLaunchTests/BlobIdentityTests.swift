// Issue 12, item 4: a blob is bound to its identity. A snapshot.bin copied from another version
// or tool, a FIFO or a directory in place of a blob's file, a stray file at a blob's path: each
// is "corrupt" at launch and in `fe blobs verify`, never hangs, never runs the wrong code, and the
// command fe prints for it is run here, exactly as printed, and shown to repair it.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct BlobIdentityTests: StoreFileTests {


  func blobDir(_ s: Sandbox, _ tool: String = "fe", _ version: String = "2.1.0") -> String {
    "\(s.feHome)/blobs/\(tool)/\(version)"
  }

  /// The first command in backticks after "run " (an error's hint, or a verify repair line).
  func printedRepair(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    guard let run = text.range(of: "run `") else {
      Issue.record("no repair command printed: \(text)", sourceLocation: sourceLocation)
      return nil
    }
    let rest = text[run.upperBound...]
    guard let end = rest.firstIndex(of: "`") else { return nil }
    return String(rest[..<end])
  }

  /// Runs `command` exactly as printed, in a shell whose PATH finds this fe as `fe`.
  func runPrinted(_ s: Sandbox, _ command: String, env extra: [String: String] = [:]) throws -> FeResult {
    #expect(command.hasPrefix("fe "), "a fe command: \(command)")
    let bin = s.root.path + "/bin"
    if !FileManager.default.fileExists(atPath: bin + "/fe") {
      try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: bin + "/fe", withDestinationPath: Fe.binary)
    }
    let env = s.env.merging(["PATH": bin + ":/usr/bin:/bin"]) { _, n in n }.merging(extra) { _, n in n }
    return try Fe.run(["-c", command], cwd: s.project, env: env, executable: "/bin/sh")
  }

  /// The launch fails (65, naming `mentions`) without running the tool; the command its hint
  /// prints repairs it: fe 2.1.0 runs again and verify says ok.
  func expectLaunchRepairs(
    _ s: Sandbox, mentions: [String], env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let r = try s.fe("d", "--dry-run", env: env)
    expectFeError(r, code: 65, mentions: mentions, sourceLocation: sourceLocation)
    #expect(r.out.isEmpty, "nothing of a tool ran: \(r)", sourceLocation: sourceLocation)
    guard let command = printedRepair(r.err, sourceLocation: sourceLocation) else { return }
    let fixed = try runPrinted(s, command, env: env)
    #expect(fixed.exited(0), "`\(command)` repairs it: \(fixed)", sourceLocation: sourceLocation)
    try expectHealthy(s, env: env, sourceLocation: sourceLocation)
  }

  /// `fe blobs verify` says corrupt (65, without hanging); the repair it prints for the blob
  /// repairs it. A blob without a usable manifest is removed (nothing in it can be trusted) and
  /// then installed again from its source.
  func expectVerifyRepairs(
    _ s: Sandbox, spec: String = "fe@2.1.0", mentions: [String] = [], env: [String: String] = [:],
    removed: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let v = try s.fe("blobs", "verify", env: env)
    expectFeError(v, code: 65, mentions: [spec], sourceLocation: sourceLocation)
    #expect(v.out.contains("corrupt  \(spec)"), "\(v)", sourceLocation: sourceLocation)
    for needle in mentions { #expect(v.out.contains(needle), "verify names the problem: \(v)", sourceLocation: sourceLocation) }
    let json = try s.fe("blobs", "verify", "--json", env: env)
    let doc = try #require(try parseJSON(json.out) as? [String: Any], "\(json)", sourceLocation: sourceLocation)
    let entry = (doc["blobs"] as? [[String: Any]])?.first { "\($0["tool"] ?? "")@\($0["version"] ?? "")" == spec }
    let command = try #require(entry?["repair"] as? String, "a repair for \(spec): \(json)", sourceLocation: sourceLocation)
    #expect(v.out.contains("repair: \(command)"), "the same repair in both forms: \(v)", sourceLocation: sourceLocation)
    let fixed = try runPrinted(s, command, env: env)
    #expect(fixed.exited(0), "`\(command)` repairs it: \(fixed)", sourceLocation: sourceLocation)
    if removed {
      #expect(command == "fe blobs remove \(spec)", sourceLocation: sourceLocation)
      let verify = try s.fe("blobs", "verify", env: env)
      #expect(verify.exited(0) && verify.out.contains(" 0 corrupt"), "verify says ok: \(verify)", sourceLocation: sourceLocation)
      let install = try s.fe("blobs", "install", Fe.blobsFe2, env: env)
      #expect(install.exited(0), "\(install)", sourceLocation: sourceLocation)
    }
    try expectHealthy(s, env: env, sourceLocation: sourceLocation)
  }

  func expectHealthy(_ s: Sandbox, env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let d = try s.fe("d", "--dry-run", env: env)
    #expect(d.exited(0) && d.out.contains("FE v2.1.0  dev"), "fe 2.1.0 runs: \(d)", sourceLocation: sourceLocation)
    let verify = try s.fe("blobs", "verify", env: env)
    #expect(verify.exited(0) && verify.out.contains(" 0 corrupt"), "verify says ok: \(verify)", sourceLocation: sourceLocation)
  }

  // MARK: The header binds the snapshot to its tool, version and source

  @Test func snapshotOfAnotherVersionIsRefusedAtLaunch() throws {
    let s = try sandbox("identity-version-launch")
    defer { s.remove() }
    try write(s.snapshotPath("fe", "2.1.0"), try bytes(s.snapshotPath("fe", "1.4.2")))
    try expectLaunchRepairs(s, mentions: [s.snapshotPath("fe", "2.1.0"), "fe@1.4.2"])
  }

  @Test func snapshotOfAnotherVersionIsCorruptInVerify() throws {
    let s = try sandbox("identity-version-verify")
    defer { s.remove() }
    try write(s.snapshotPath("fe", "2.1.0"), try bytes(s.snapshotPath("fe", "1.4.2")))
    try expectVerifyRepairs(s)
  }

  /// Copying the manifest along with the snapshot does not help: the manifest names the other version.
  @Test func snapshotAndManifestOfAnotherVersion() throws {
    let s = try sandbox("identity-version-manifest")
    defer { s.remove() }
    for file in ["snapshot.bin", "manifest.json"] {
      try write(blobDir(s) + "/" + file, try bytes(blobDir(s, "fe", "1.4.2") + "/" + file))
    }
    let r = try s.fe("d", "--dry-run")
    expectFeError(r, code: 65, mentions: ["fe@2.1.0"])
    #expect(r.out.isEmpty, "\(r)")
    try expectVerifyRepairs(s, removed: true)
  }

  @Test func snapshotOfAnotherToolIsRefused() throws {
    let s = try sandbox("identity-tool")
    defer { s.remove() }
    let bundle = try s.write("hello.js", "fe.main(async () => { console.log('hello from the other tool'); return 0 });\n")
    let built = try s.fe("blobs", "build", bundle, "--name", "hello", "--version", "2.1.0")
    #expect(built.exited(0), "\(built)")
    try write(s.snapshotPath("fe", "2.1.0"), try bytes(s.snapshotPath("hello", "2.1.0")))
    let r = try s.fe("d", "--dry-run")
    #expect(!r.out.contains("hello from the other tool"), "the other tool must not run: \(r)")
    try expectLaunchRepairs(s, mentions: [s.snapshotPath("fe", "2.1.0"), "hello@2.1.0"])
  }

  /// The same tool and version built from another source (a `blobs build` with other code) is refused too.
  @Test func snapshotOfAnotherSourceIsRefused() throws {
    let s = try sandbox("identity-source")
    defer { s.remove() }
    let other = try Sandbox("identity-source-other", store: .empty)
    defer { other.remove() }
    let bundle = try other.write("fe.js", "fe.main(async () => { console.log('impostor'); return 0 });\n")
    let built = try other.fe("blobs", "build", bundle, "--name", "fe", "--version", "2.1.0")
    #expect(built.exited(0), "\(built)")
    try write(s.snapshotPath("fe", "2.1.0"), try bytes(other.snapshotPath("fe", "2.1.0")))
    let r = try s.fe("d", "--dry-run")
    #expect(!r.out.contains("impostor"), "\(r)")
    try expectLaunchRepairs(s, mentions: [s.snapshotPath("fe", "2.1.0"), "source sha256"])
  }

  /// A blob written before the binding (header format 1, 128 bytes) is never booted: it is
  /// rebuilt from its stored source, as one built by another engine is.
  @Test func formatOneBlobIsRebuiltFromItsSource() throws {
    let s = try sandbox("identity-format-one")
    defer { s.remove() }
    let path = s.snapshotPath("fe", "2.1.0")
    let current = try bytes(path)
    let headerSize = Int(current[8]) | Int(current[9]) << 8
    #expect(headerSize == 512, "this fe writes 512-byte headers")
    let payload = Array(current[headerSize...])
    var old = Array("FEBLOB01".utf8)
    func le(_ v: UInt64, _ n: Int) { for i in 0..<n { old.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    le(128, 4)
    le(1, 4)
    le(UInt64(payload.count), 8)
    old += current[24..<120]  // payload sha256 and engine id, as format 1 had them
    le(0, 8)  // no XXH3: format 1 blobs written before it existed
    old += payload
    try write(path, old)
    // The manifest describes the file as it is, as it did when format 1 was current.
    let manifestPath = blobDir(s) + "/manifest.json"
    var manifest = try #require(try parseJSON(String(decoding: try bytes(manifestPath), as: UTF8.self)) as? [String: Any])
    manifest["snapshotSha256"] = sha256Hex(old)
    manifest["snapshotSize"] = old.count
    try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))

    let verify = try s.fe("blobs", "verify")
    #expect(verify.exited(0) && verify.out.contains("stale") && verify.out.contains("format 1"), "\(verify)")
    let first = try s.fe("d", "--dry-run")
    #expect(first.exited(0) && first.out.contains("FE v2.1.0  dev"), "\(first)")
    #expect(first.err.contains("rebuilding fe@2.1.0"), "says it rebuilds: \(first)")
    let second = try s.fe("d", "--dry-run")
    #expect(second.exited(0) && second.err.isEmpty, "rebuilt once: \(second)")
    try expectHealthy(s)
  }

  // MARK: Non-regular files are refused without opening them

  @Test(arguments: ["snapshot.bin", "source.js", "manifest.json"])
  func fifoInPlaceOfABlobFile(file: String) throws {
    let s = try sandbox("identity-fifo-\(file)")
    defer { s.remove() }
    let path = blobDir(s) + "/" + file
    try FileManager.default.removeItem(atPath: path)
    #expect(mkfifo(path, 0o644) == 0)
    let r = try s.fe("d", "--dry-run")
    #expect(!r.timedOut, "a FIFO must not hang the launch: \(r)")
    expectFeError(r, code: 65, mentions: [path, "FIFO"])
    let list = try s.fe("blobs", "list")
    #expect(list.exited(0) && !list.timedOut, "\(list)")
    try expectVerifyRepairs(s, mentions: ["FIFO"], removed: file == "manifest.json")
  }

  @Test(arguments: ["snapshot.bin", "source.js", "manifest.json"])
  func fifoInPlaceOfABlobFileRepairedFromTheLaunchHint(file: String) throws {
    let s = try sandbox("identity-fifo-launch-\(file)")
    defer { s.remove() }
    let path = blobDir(s) + "/" + file
    try FileManager.default.removeItem(atPath: path)
    #expect(mkfifo(path, 0o644) == 0)
    // Without a manifest the blob is removed; anything else is repaired in place.
    if file == "manifest.json" {
      let r = try s.fe("d", "--dry-run")
      expectFeError(r, code: 65, mentions: [path])
      let command = try #require(printedRepair(r.err))
      #expect(command == "fe blobs remove fe@2.1.0", "\(r)")
      #expect(try runPrinted(s, command).exited(0))
      let verify = try s.fe("blobs", "verify")
      #expect(verify.exited(0), "\(verify)")
      try expectRepairsByReinstall(s)
    } else {
      try expectLaunchRepairs(s, mentions: [path])
    }
  }

  @Test(arguments: ["snapshot.bin", "source.js", "manifest.json"])
  func directoryInPlaceOfABlobFile(file: String) throws {
    let s = try sandbox("identity-dir-\(file)")
    defer { s.remove() }
    let path = blobDir(s) + "/" + file
    try FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let r = try s.fe("d", "--dry-run")
    expectFeError(r, code: 65, mentions: [path, "directory"])
    let which = try s.fe("blobs", "list")
    #expect(which.exited(0) && which.out.contains("2.1.0"), "listed: \(which)")
    try expectVerifyRepairs(s, mentions: ["directory"], removed: file == "manifest.json")
  }

  // MARK: A stray file at a blob's path

  @Test func strayFileAtABlobsPathIsCorruptAndRemovable() throws {
    let s = try sandbox("identity-stray-remove")
    defer { s.remove() }
    let dir = blobDir(s)
    try FileManager.default.removeItem(atPath: dir)
    try write(dir, Array("not a blob\n".utf8))
    let list = try s.fe("blobs", "list")
    #expect(list.exited(0) && list.out.contains("2.1.0"), "list shows it: \(list)")
    let r = try s.fe("d", "--dry-run")
    expectFeError(r, code: 65, mentions: [dir])
    let v = try s.fe("blobs", "verify")
    expectFeError(v, code: 65, mentions: ["fe@2.1.0"])
    let command = try #require(printedRepair(r.err))
    #expect(command == "fe blobs remove fe@2.1.0")
    let removed = try runPrinted(s, command)
    #expect(removed.exited(0), "remove finds it: \(removed)")
    #expect(!FileManager.default.fileExists(atPath: dir))
    let verify = try s.fe("blobs", "verify")
    #expect(verify.exited(0), "\(verify)")
    try expectRepairsByReinstall(s)
  }

  @Test func strayFileAtABlobsPathIsReplacedByAReinstall() throws {
    let s = try sandbox("identity-stray-reinstall")
    defer { s.remove() }
    let dir = blobDir(s)
    try FileManager.default.removeItem(atPath: dir)
    try write(dir, Array("not a blob\n".utf8))
    try expectRepairsByReinstall(s)
  }

  func expectRepairsByReinstall(_ s: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let install = try s.fe("blobs", "install", Fe.blobsFe2)
    #expect(install.exited(0), "\(install)", sourceLocation: sourceLocation)
    try expectHealthy(s, sourceLocation: sourceLocation)
  }

  // MARK: Repairs for every origin

  /// A blob from a bundle file: its repair rebuilds from that file with the arguments it needs.
  @Test func bundleFileOriginRepairNamesTheTool() throws {
    let s = try sandbox("identity-bundle-origin")
    defer { s.remove() }
    let bundle = try s.write("hello.js", "fe.main(async () => { console.log('hello ok'); return 0 });\n")
    #expect(try s.fe("blobs", "build", bundle, "--name", "hello", "--version", "1.0.0").exited(0))
    try s.write("source.js", "fe.main(async () => { console.log('tampered'); return 0 });\n", in: blobDir(s, "hello", "1.0.0"))
    try write(s.snapshotPath("hello", "1.0.0"), Array(try bytes(s.snapshotPath("hello", "1.0.0")).prefix(100)))
    let r = try s.fe("blobs", "exec", "hello")
    expectFeError(r, code: 65, mentions: ["hello@1.0.0"])
    let command = try #require(printedRepair(r.err))
    #expect(command == "fe blobs build \(bundle) --name hello --version 1.0.0", "\(r)")
    #expect(try runPrinted(s, command).exited(0))
    let ok = try s.fe("blobs", "exec", "hello")
    #expect(ok.exited(0) && ok.out == "hello ok\n", "\(ok)")
    let verify = try s.fe("blobs", "verify")
    #expect(verify.exited(0), "\(verify)")
  }

  /// A blob from a registry, source and snapshot both damaged: `install` alone would find it
  /// installed, so the repair removes it first.
  @Test func registryOriginRepairReinstalls() throws {
    let s = try Sandbox("identity-registry", store: .empty)
    defer { s.remove() }
    try s.config("export default { fe: \"^2.1.0\" };\n")
    let registry = s.root.path + "/registry"
    let publish = try s.fe("blobs", "publish", Fe.blobsFe2, "--to", registry)
    #expect(publish.exited(0), "\(publish)")
    let env = ["FE_REGISTRY": registry]
    let install = try s.fe("blobs", "install", "fe@2.1.0", env: env)
    #expect(install.exited(0), "\(install)")
    try s.write("source.js", "fe.main(async () => 0);\n", in: blobDir(s))
    try write(s.snapshotPath("fe", "2.1.0"), Array("FEBLOB01".utf8))
    let r = try s.fe("d", "--dry-run", env: env)
    expectFeError(r, code: 65, mentions: ["fe blobs remove fe@2.1.0 && fe blobs install fe@2.1.0"])
    try expectVerifyRepairs(s, env: env)
  }

  func sha256Hex(_ bytes: [UInt8]) -> String {
    let tmp = NSTemporaryDirectory() + "fe-sha-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    _ = FileManager.default.createFile(atPath: tmp, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: tmp) }
    let r = try? Fe.run([tmp], cwd: "/", env: [:], executable: "/usr/bin/sha256sum")
    return String(r?.out.prefix(64) ?? "")
  }
}
