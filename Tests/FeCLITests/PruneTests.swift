// `fe blobs prune`: keeps the newest version of each tool and what recently seen locks reference.
import Foundation
import Testing

@Suite struct PruneTests {
  /// `seconds` ago as the store's timestamps are written (ISO-8601 UTC, to the second).
  static func timestamp(ago seconds: Double) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    return f.string(from: Date().addingTimeInterval(-seconds))
  }

  /// A lock file naming `tools` (tool → version); the hashes only need the right shape here.
  static func lock(_ tools: [String: String]) -> String {
    let entries = tools.sorted { $0.key < $1.key }.map { tool, version in
      "\"\(tool)\":{\"range\":\"\(version)\",\"registry\":\"local:/x\",\"sha256\":\"\(String(repeating: "a", count: 64))\",\"version\":\"\(version)\"}"
    }
    return "{\"lockfileVersion\":1,\"tools\":{\(entries.joined(separator: ","))}}\n"
  }

  static func versions(_ s: Sandbox) -> [String] {
    var out: [String] = []
    for tool in ["fe", "tsc"] {
      let dir = "\(s.feHome)/blobs/\(tool)"
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
      out += names.map { "\(tool)@\($0)" }
    }
    return out
  }

  /// fe 1.4.2 and 2.1.0, tsc 4.8.4, 4.9.0 and 5.0.2; project a's lock (seen now) names fe 1.4.2 and
  /// tsc 4.8.4, project b's (seen 40 days ago) tsc 4.9.0, and a lock seen now no longer exists.
  static func store(_ name: String) throws -> (Sandbox, lockA: String) {
    let s = try Sandbox(name, store: .sharedCopy)
    for version in ["4.8.4", "4.9.0", "5.0.2"] {
      let file = try s.write("src/tsc-\(version).js", "console.log('tsc \(version)');\n", in: s.root.path)
      let r = try s.fe("blobs", "build", file, "--name", "tsc", "--version", version, "--quiet")
      #expect(r.exited(0), "\(r)")
    }
    let a = try s.write("fe.lock", lock(["fe": "1.4.2", "tsc": "4.8.4"]), in: s.root.path + "/a")
    let b = try s.write("fe.lock", lock(["tsc": "4.9.0"]), in: s.root.path + "/b")
    let seen = """
      {"version":1,"locks":{"\(a)":"\(timestamp(ago: 60))","\(b)":"\(timestamp(ago: 40 * 86400))",\
      "\(s.root.path)/gone/fe.lock":"\(timestamp(ago: 60))"}}

      """
    try s.write("seen-locks.json", seen, in: s.feHome)
    return (s, a)
  }

  @Test func dryRunThenPruneKeepsTheNewestAndWhatRecentLocksReference() throws {
    let (s, lockA) = try Self.store("prune-locks")
    defer { s.remove() }
    let all = ["fe@1.4.2", "fe@2.1.0", "tsc@4.8.4", "tsc@4.9.0", "tsc@5.0.2"]
    #expect(Self.versions(s) == all)

    let dry = try s.fe("blobs", "prune", "--dry-run", "--json")
    #expect(dry.exited(0), "\(dry)")
    let doc = try JSON.parse(dry.out)
    #expect(try JSONSchema.named("prune").errors(doc) == [], "\(dry)")
    #expect(doc["dryRun"] == .bool(true) && doc["days"] == .number(30))
    guard case .array(let removed)? = doc["removed"], case .array(let kept)? = doc["kept"] else {
      Issue.record("\(dry)")
      return
    }
    #expect(removed.map { $0["version"] } == [.string("4.9.0")], "only the old, no longer recently locked tsc: \(dry)")
    let keptA = kept.first { $0["tool"] == .string("fe") && $0["version"] == .string("1.4.2") }
    #expect(keptA?["lockedBy"] == .array([.string(lockA)]) && keptA?["newest"] == .bool(false), "\(dry)")
    #expect(Self.versions(s) == all, "--dry-run removes nothing")
    let dryText = try s.fe("blobs", "prune", "--dry-run")
    #expect(dryText.exited(0) && dryText.out.contains("would remove tsc@4.9.0"), "\(dryText)")

    let longer = try s.fe("blobs", "prune", "--days", "60", "--dry-run", "--json")
    let longerDoc = try JSON.parse(longer.out)
    #expect(longerDoc["removed"] == .array([]), "a 60-day window still sees b's lock: \(longer)")

    let pruned = try s.fe("blobs", "prune")
    #expect(pruned.exited(0) && pruned.out.contains("removed tsc@4.9.0") && pruned.out.contains("freed"), "\(pruned)")
    #expect(Self.versions(s) == ["fe@1.4.2", "fe@2.1.0", "tsc@4.8.4", "tsc@5.0.2"])

    // Once project a's lock is gone, it references nothing: only the newest versions stay.
    try FileManager.default.removeItem(atPath: lockA)
    let after = try s.fe("blobs", "prune", "--quiet")
    #expect(after.exited(0) && after.out.isEmpty, "\(after)")
    #expect(Self.versions(s) == ["fe@2.1.0", "tsc@5.0.2"])
    let nothing = try s.fe("blobs", "prune")
    #expect(nothing.exited(0) && nothing.out.contains("nothing to prune"), "\(nothing)")
  }

  @Test func aLockWrittenByInstallKeepsItsVersions() throws {
    let s = try Sandbox("prune-real-lock", store: .sharedCopy)
    defer { s.remove() }
    for version in ["1.0.0", "1.5.0", "2.0.0"] {
      let file = try s.write("src/tsc-\(version).js", "console.log('tsc \(version)');\n", in: s.root.path)
      #expect(try s.fe("blobs", "build", file, "--name", "tsc", "--version", version, "--quiet").exited(0))
    }
    try s.config("export default { fe: \"^1\", tools: { tsc: \"1.x\" } };\n")
    // No registry: install checks the pins against the store, writes fe.lock and records it as seen.
    let install = try s.fe("blobs", "install")
    #expect(install.exited(0) && FileManager.default.fileExists(atPath: s.project + "/fe.lock"), "\(install)")
    let r = try s.fe("blobs", "prune")
    #expect(r.exited(0), "\(r)")
    #expect(Self.versions(s) == ["fe@1.4.2", "fe@2.1.0", "tsc@1.5.0", "tsc@2.0.0"], "the locked and the newest stay: \(r)")
  }

  @Test func aLockThatCannotBeReadStopsThePrune() throws {
    let (s, lockA) = try Self.store("prune-bad-lock")
    defer { s.remove() }
    try Data("{\"lockfileVersion\":1,\"tools\":".utf8).write(to: URL(fileURLWithPath: lockA))
    let r = try s.fe("blobs", "prune")
    expectFeError(r, code: 78, mentions: [lockA])
    #expect(Self.versions(s).count == 5, "nothing removed")
  }

  @Test func badDays() throws {
    let s = try Sandbox("prune-days", store: .sharedReadOnly)
    defer { s.remove() }
    expectFeError(try s.fe("blobs", "prune", "--days", "-1"), code: 64)
    expectFeError(try s.fe("blobs", "prune", "--days", "soon"), code: 64)
  }
}
