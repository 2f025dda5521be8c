// A pin nothing installed satisfies: exit 66, naming the range, what is installed and the fix.
import Foundation
import Testing

@Suite struct NoMatchingVersionTests {
  @Test func pinOfAnUninstalledMajor() throws {
    let s = try Sandbox("no-match", store: .sharedReadOnly)
    defer { s.remove() }
    let path = try s.config("export default { fe: \"^3\" };\n")
    let r = try s.fe("d")
    expectFeError(r, code: 66, mentions: ["^3", "1.4.2", "2.1.0", "fe blobs install fe@^3", path])
    #expect(r.out.isEmpty)
  }

  @Test func emptyStore() throws {
    let s = try Sandbox("no-match-empty", store: .empty)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let r = try s.fe("d")
    expectFeError(r, code: 66, mentions: ["^2", "fe blobs install fe@^2"])
  }

  @Test func prereleasesAreNotPickedByAPlainRange() throws {
    let s = try Sandbox("no-match-pre", store: .sharedCopy)
    defer { s.remove() }
    try s.write("pre.js", "fe.main(async () => { console.log('pre'); return 0 });\n")
    let b = try s.fe("blobs", "build", "pre.js", "--name", "fe", "--version", "3.0.0-beta.1")
    #expect(b.exited(0), "\(b)")
    try s.config("export default { fe: \"^3\" };\n")
    let r = try s.fe("d")
    expectFeError(r, code: 66, mentions: ["^3"])
    try s.config("export default { fe: \"^3.0.0-beta.0\" };\n")
    let ok = try s.fe("d")
    #expect(ok.exited(0) && ok.out == "pre\n", "\(ok)")
  }
}
