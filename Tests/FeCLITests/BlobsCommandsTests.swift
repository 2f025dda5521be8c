// `fe blobs which | remove | exec | --version | --help`, and usage errors.
import FeCLI
import Foundation
import Testing

@Suite struct BlobsCommandsTests {
  @Test func whichText() throws {
    let s = try Sandbox("which-text", store: .sharedReadOnly)
    defer { s.remove() }
    let path = try s.config("export default { fe: \"^1\" };\n")
    let r = try s.fe("blobs", "which")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains(path), "config path: \(r)")
    #expect(r.out.contains("^1"), "range: \(r)")
    #expect(r.out.contains("1.4.2"), "version: \(r)")
    #expect(r.out.contains("\(s.feHome)/blobs/fe/1.4.2"), "blob path: \(r)")
    #expect(!r.out.contains("2.1.0"))
    let named = try s.fe("blobs", "which", "fe")
    #expect(named.exited(0) && named.out == r.out, "\(named)")
  }

  @Test func whichJSON() throws {
    let s = try Sandbox("which-json", store: .sharedReadOnly)
    defer { s.remove() }
    let path = try s.config("export default { fe: \"^2.1.0\" };\n")
    let r = try s.fe("blobs", "which", "--json")
    #expect(r.exited(0), "\(r)")
    let obj = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    #expect(obj["tool"] as? String == "fe")
    #expect(obj["config"] as? String == path)
    #expect(obj["range"] as? String == "^2.1.0")
    #expect(obj["version"] as? String == "2.1.0")
    #expect((obj["path"] as? String)?.hasPrefix("\(s.feHome)/blobs/fe/2.1.0") == true, "\(obj)")
  }

  @Test func whichOfAToolTheProjectDoesNotPin() throws {
    let s = try Sandbox("which-unpinned", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let r = try s.fe("blobs", "which", "tsc")
    expectFeError(r, code: 78, mentions: ["tsc"])
  }

  @Test func listOfAnEmptyStore() throws {
    let s = try Sandbox("list-empty", store: .empty)
    defer { s.remove() }
    let text = try s.fe("blobs", "list")
    #expect(text.exited(0) && text.out.contains("no blobs installed"), "\(text)")
    let json = try s.fe("blobs", "list", "--json")
    #expect(json.exited(0), "\(json)")
    #expect((try parseJSON(json.out) as? [Any])?.isEmpty == true, "\(json)")
  }

  @Test func listWorksInABrokenProject() throws {
    let s = try Sandbox("list-broken-config", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default {\n")
    let r = try s.fe("blobs", "list", "--json")
    #expect(r.exited(0), "\(r)")
    let entries = try #require(try parseJSON(r.out) as? [[String: Any]], "\(r)")
    #expect(entries.count == 2)
    #expect(entries.allSatisfy { $0["pinned"] as? Bool == false }, "\(r)")
  }

  @Test func removeThenListNoLongerShowsIt() throws {
    let s = try Sandbox("remove", store: .sharedCopy)
    defer { s.remove() }
    let r = try s.fe("blobs", "remove", "fe@1.4.2")
    #expect(r.exited(0), "\(r)")
    #expect(!FileManager.default.fileExists(atPath: "\(s.feHome)/blobs/fe/1.4.2"), "the blob directory is gone")
    let list = try s.fe("blobs", "list")
    #expect(list.exited(0), "\(list)")
    #expect(!list.out.contains("1.4.2") && list.out.contains("2.1.0"), "\(list)")
    let json = try s.fe("blobs", "list", "--json")
    let entries = try #require(try parseJSON(json.out) as? [[String: Any]], "\(json)")
    #expect(entries.compactMap { $0["version"] as? String } == ["2.1.0"])

    try s.config("export default { fe: \"^1\" };\n")
    let run = try s.fe("d")
    expectFeError(run, code: 66, mentions: ["^1", "2.1.0"])
  }

  @Test(arguments: ["fe@1.4.3", "fe@9.9.9", "nosuchtool@1.0.0"])
  func removeOfANotInstalledVersion(spec: String) throws {
    let s = try Sandbox("remove-missing", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "remove", spec)
    expectFeError(r, code: 66, mentions: [spec])
  }

  @Test func removeNeedsAVersion() throws {
    let s = try Sandbox("remove-noversion", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "remove", "fe")
    expectFeError(r, code: 64)
    #expect(FileManager.default.fileExists(atPath: "\(s.feHome)/blobs/fe/1.4.2"))
  }

  @Test func execWithARange() throws {
    let s = try Sandbox("exec-range", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let r = try s.fe("blobs", "exec", "fe@^1", "--", "--version")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
    let noDash = try s.fe("blobs", "exec", "fe@^1", "--version")
    #expect(noDash.exited(0) && noDash.out == "1.4.2\n", "\(noDash)")
    let pinned = try s.fe("blobs", "exec", "fe", "--", "--version")
    #expect(pinned.exited(0) && pinned.out == "v2.1.0\n", "no range: the project's pin: \(pinned)")
  }

  @Test func execOutsideAnyProject() throws {
    let s = try Sandbox("exec-noproject", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "fe@1.4.2", "--", "--version")
    #expect(r.exited(0) && r.out == "1.4.2\n", "a range needs no config: \(r)")
  }

  @Test func execPassesTheToolsExitCode() throws {
    let s = try Sandbox("exec-code", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "fe@^2", "--", "bogus")
    #expect(r.exited(2), "\(r)")
    #expect(!r.err.contains("fe: error:"), "\(r)")
  }

  @Test func execWithAnInvalidRange() throws {
    let s = try Sandbox("exec-bad-range", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "fe@^^1", "--", "--version")
    expectFeError(r, code: 64, mentions: ["^^1"])
  }

  @Test func execOfAnUninstalledRange() throws {
    let s = try Sandbox("exec-missing", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "fe@^7", "--", "--version")
    expectFeError(r, code: 66, mentions: ["^7", "fe blobs install fe@^7"])
  }

  @Test func launcherVersion() throws {
    let s = try Sandbox("blobs-version", store: .empty)
    defer { s.remove() }
    let r = try s.fe("blobs", "--version")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains(FeMain.version), "launcher version: \(r)")
    let engine = r.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("v8-") }
    #expect(engine?.hasPrefix("v8-10.2") == true, "engine id: \(r)")
    #expect(r.err.isEmpty)
  }

  @Test(arguments: [[], ["build"], ["install"], ["list"], ["remove"], ["exec"], ["which"]])
  func help(subcommand: [String]) throws {
    let s = try Sandbox("help", store: .empty)
    defer { s.remove() }
    let r = try s.fe(args: ["blobs"] + subcommand + ["--help"])
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("USAGE") || r.out.contains("Usage") || r.out.contains("usage"), "\(r)")
    #expect(r.err.isEmpty, "\(r)")
    #expect(!FileManager.default.fileExists(atPath: s.feHome + "/blobs/help"), "help runs nothing")
  }

  @Test func helpListsTheExitCodes() throws {
    let s = try Sandbox("help-codes", store: .empty)
    defer { s.remove() }
    let r = try s.fe("blobs", "--help")
    for code in ["64", "65", "66", "69", "70", "74", "78"] {
      #expect(r.out.contains(code), "exit code \(code) documented: \(r)")
    }
  }

  @Test(arguments: [
    ["blobs", "frobnicate"], ["blobs", "list", "--bogus"], ["blobs", "--bogus"],
    ["blobs", "build"], ["blobs", "build", "x.js", "--name", "x"],
  ])
  func usageErrors(args: [String]) throws {
    let s = try Sandbox("usage", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe(args: args)
    expectFeError(r, code: 64)
    #expect(r.out.isEmpty, "\(r)")
  }
}
