// `fe blobs install`: from a source directory, a bundle file, or what the project pins.
import Foundation
import Testing

@Suite struct InstallTests {
  @Test func installWhatTheProjectPins() throws {
    let s = try Sandbox("install-pinned", store: .sharedCopy)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let r = try s.fe("blobs", "install")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("fe@2.1.0"), "\(r)")
  }

  @Test func installWhatTheProjectPinsWhenNothingMatches() throws {
    let s = try Sandbox("install-pinned-missing", store: .sharedCopy)
    defer { s.remove() }
    try s.config("export default { fe: \"^3\" };\n")
    let r = try s.fe("blobs", "install")
    expectFeError(r, code: 66, mentions: ["^3"])
  }

  @Test func installWithoutAProject() throws {
    let s = try Sandbox("install-noproject", store: .sharedCopy)
    defer { s.remove() }
    let r = try s.fe("blobs", "install")
    expectFeError(r, code: 78, mentions: ["fe.config.js"])
  }

  @Test func reinstallingIsIdempotent() throws {
    let s = try Sandbox("install-again", store: .sharedCopy)
    defer { s.remove() }
    let r = try s.fe("blobs", "install", Fe.blobsFe2)
    #expect(r.exited(0), "\(r)")
    let json = try s.fe("blobs", "list", "--json")
    let entries = try #require(try parseJSON(json.out) as? [[String: Any]], "\(json)")
    #expect(entries.compactMap { $0["version"] as? String }.sorted() == ["1.4.2", "2.1.0"])
    try s.config("export default { fe: \"^2\" };\n")
    let d = try s.fe("d", "--dry-run")
    #expect(d.exited(0) && d.out.contains("FE v2.1.0") && d.err.isEmpty, "\(d)")
  }

  @Test func installABundleFile() throws {
    let s = try Sandbox("install-file", store: .sharedCopy)
    defer { s.remove() }
    try s.write("tool.js", "fe.main(async (args) => { console.log('tool', args.length); return 0 });\n")
    let r = try s.fe("blobs", "install", "tool.js", "--name", "mytool", "--version", "1.2.3")
    #expect(r.exited(0), "\(r)")
    let run = try s.fe("blobs", "exec", "mytool@^1.2", "--", "a", "b", "c")
    #expect(run.exited(0) && run.out == "tool 3\n", "\(run)")
  }

  @Test func installABundleFileNeedsNameAndVersion() throws {
    let s = try Sandbox("install-file-noname", store: .sharedCopy)
    defer { s.remove() }
    try s.write("tool.js", "fe.main(async () => 0);\n")
    let r = try s.fe("blobs", "install", "tool.js")
    expectFeError(r, code: 64, mentions: ["--name", "--version"])
  }

  @Test func installADirectoryWithoutPackageJSON() throws {
    let s = try Sandbox("install-nopkg", store: .sharedCopy)
    defer { s.remove() }
    let dir = s.root.path + "/src"
    try s.write("index.js", "fe.main(async () => 0);\n", in: dir)
    let r = try s.fe("blobs", "install", dir)
    expectFeError(r, code: 64, mentions: ["package.json"])
  }

  @Test func installADirectoryWithBrokenPackageJSON() throws {
    let s = try Sandbox("install-badpkg", store: .sharedCopy)
    defer { s.remove() }
    let dir = s.root.path + "/src"
    try s.write("package.json", "{ \"name\": \"x\", ", in: dir)
    try s.write("index.js", "fe.main(async () => 0);\n", in: dir)
    let r = try s.fe("blobs", "install", dir)
    expectFeError(r, code: 64, mentions: ["package.json"])
  }

  @Test func installAnAlreadyInstalledSpec() throws {
    let s = try Sandbox("install-spec", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "install", "fe@^2")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("2.1.0"), "\(r)")
  }
}
