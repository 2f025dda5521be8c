// Install → list → run: the pinned fe tool switches versions with the config, no install step.
import Foundation
import Testing

@Suite struct RunPinnedTests {
  @Test func installBothThenListShowsBoth() throws {
    let s = try Sandbox("install-list", store: .empty)
    defer { s.remove() }
    try s.config("export default { fe: \"^2.1.0\" }\n")

    let i1 = try s.fe("blobs", "install", Fe.blobsFe1)
    #expect(i1.exited(0), "\(i1)")
    let i2 = try s.fe("blobs", "install", Fe.blobsFe2)
    #expect(i2.exited(0), "\(i2)")

    let list = try s.fe("blobs", "list")
    #expect(list.exited(0), "\(list)")
    let rows = list.out.lines
    let row1 = rows.first { $0.contains("1.4.2") }
    let row2 = rows.first { $0.contains("2.1.0") }
    #expect(row1 != nil && row2 != nil, "list shows both versions: \(list)")
    #expect(row1?.contains("\(s.feHome)/blobs/fe/1.4.2") == true, "\(list)")
    #expect(row2?.contains("\(s.feHome)/blobs/fe/2.1.0") == true, "\(list)")
    #expect(row2?.hasPrefix("*") == true, "the pinned 2.1.0 is starred: \(list)")
    #expect(row1?.hasPrefix("*") == false, "1.4.2 is not pinned: \(list)")

    let json = try s.fe("blobs", "list", "--json")
    #expect(json.exited(0), "\(json)")
    let entries = try #require(try parseJSON(json.out) as? [[String: Any]], "list --json is an array of objects: \(json)")
    #expect(entries.count == 2)
    for entry in entries {
      #expect(entry["tool"] as? String == "fe")
      #expect((entry["size"] as? NSNumber).map { $0.intValue > 0 } == true, "size: \(entry)")
      #expect((entry["engineId"] as? String)?.hasPrefix("v8-") == true, "engineId: \(entry)")
      let version = try #require(entry["version"] as? String)
      #expect(entry["path"] as? String == "\(s.feHome)/blobs/fe/\(version)")
      #expect(entry["pinned"] as? Bool == (version == "2.1.0"), "pinned: \(entry)")
    }
    #expect(Set(entries.compactMap { $0["version"] as? String }) == ["1.4.2", "2.1.0"])
  }

  @Test func switchingThePinSwitchesTheVersionWithoutInstalling() throws {
    let s = try Sandbox("switch-pin", store: .sharedReadOnly)
    defer { s.remove() }

    try s.config("export default { fe: \"^2.1.0\" }\n")
    let d2 = try s.fe("d", "--dry-run")
    #expect(d2.exited(0), "\(d2)")
    #expect(d2.out.contains("╭") && d2.out.contains("│ FE v2.1.0  dev"), "framed 2.x banner: \(d2)")
    #expect(d2.out.contains("Local:   http://localhost:5173/"), "\(d2)")
    #expect(!d2.out.contains("fe 1.4.2"))
    let v2 = try s.fe("--version")
    #expect(v2.exited(0) && v2.out == "v2.1.0\n", "\(v2)")

    try s.config("export default { fe: \"^1\" }\n")
    let d1 = try s.fe("d", "--dry-run")
    #expect(d1.exited(0), "\(d1)")
    #expect(d1.out.hasPrefix("fe 1.4.2 dev\n"), "1.x output: \(d1)")
    #expect(d1.out.contains("serving \(s.project) on port 3000"), "\(d1)")
    #expect(!d1.out.contains("FE v2"))
    let v1 = try s.fe("--version")
    #expect(v1.exited(0) && v1.out == "1.4.2\n", "\(v1)")
  }

  @Test func theExampleProjectRunsFe2WithItsSettings() throws {
    let s = try Sandbox("example-hello", store: .sharedReadOnly)
    defer { s.remove() }
    let hello = URL(fileURLWithPath: Fe.repo + "/examples/hello").resolvingSymlinksInPath().path
    let d = try s.fe("d", "--dry-run", cwd: hello)
    #expect(d.exited(0), "\(d)")
    #expect(d.out.contains("FE v2.1.0  dev") && d.out.contains("http://localhost:5173/"), "\(d)")
    #expect(d.out.contains("Root:    \(hello)/public"), "\(d)")
  }

  @Test(arguments: [("^2.1.0", "✖ Unknown command \"nosuchcommand\""), ("^1", "fe: unknown command 'nosuchcommand'")])
  func theToolsOwnExitCodePassesThrough(pin: String, message: String) throws {
    let s = try Sandbox("exit-passthrough", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"\(pin)\" }\n")
    let r = try s.fe("nosuchcommand")
    #expect(r.exited(2), "\(r)")
    #expect(r.err.contains(message), "\(r)")
    #expect(!r.err.contains("fe: error:"), "a tool's failure is not fe's: \(r)")
  }

  @Test func toolArgumentsThatLookLikeFlagsReachTheTool() throws {
    let s = try Sandbox("tool-flags", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" }\n")
    let r = try s.fe("d", "--dry-run", "--port", "8080", "--host", "example.test")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("http://example.test:8080/"), "\(r)")
    let bad = try s.fe("d", "--port", "99999")
    #expect(bad.exited(2) && bad.err.contains("invalid --port"), "\(bad)")
  }
}
