// `fe blobs build`: a bundle written by the test becomes a blob that `fe blobs exec` runs; a bad
// bundle fails the build with a clear message and leaves the store as it was.
import Foundation
import Testing

@Suite struct BlobBuildTests {
  static let hello = "fe.main(async (args, ctx) => { console.log('hi', args.join(','), ctx.tool.version); return 3 });\n"

  /// Every file under the store's blobs/ with its size, to compare before and after.
  func storeContents(_ s: Sandbox) -> [String: Int] {
    let blobs = s.feHome + "/blobs"
    var out: [String: Int] = [:]
    let files = FileManager.default.enumerator(atPath: blobs)
    while let f = files?.nextObject() as? String {
      let attrs = try? FileManager.default.attributesOfItem(atPath: blobs + "/" + f)
      out[f] = (attrs?[.size] as? NSNumber)?.intValue ?? -1
    }
    return out
  }

  @Test func buildThenExec() throws {
    let s = try Sandbox("build-exec", store: .sharedCopy)
    defer { s.remove() }
    try s.write("hello.js", Self.hello)
    try s.config("export default { fe: \"^2\", tools: { hello: \"^1\" } };\n")
    let b = try s.fe("blobs", "build", "hello.js", "--name", "hello", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    #expect(FileManager.default.fileExists(atPath: s.snapshotPath("hello", "1.0.0")))

    let r = try s.fe("blobs", "exec", "hello", "--", "a", "b")
    #expect(r.exited(3), "\(r)")
    #expect(r.out == "hi a,b 1.0.0\n", "\(r)")
    #expect(r.err.isEmpty, "\(r)")

    let ranged = try s.fe("blobs", "exec", "hello@1.0.0", "x")
    #expect(ranged.exited(3) && ranged.out == "hi x 1.0.0\n", "\(ranged)")

    let list = try s.fe("blobs", "list", "--json")
    let entries = try #require(try parseJSON(list.out) as? [[String: Any]], "\(list)")
    let entry = entries.first { $0["tool"] as? String == "hello" }
    #expect(entry?["version"] as? String == "1.0.0", "\(list)")
    #expect(entry?["pinned"] as? Bool == true, "pinned through tools: \(list)")
  }

  @Test func ctxCarriesConfigAndProject() throws {
    let s = try Sandbox("build-ctx", store: .sharedCopy)
    defer { s.remove() }
    try s.write(
      "ctx.js",
      """
      fe.main(async (args, ctx) => {
        console.log(JSON.stringify({ name: ctx.tool.name, version: ctx.tool.version, dir: ctx.projectDir, custom: ctx.config.custom }));
        return 0;
      });

      """)
    try s.config("export default { fe: \"^2\", tools: { ctxtool: \"2.x\" }, custom: { answer: 42 } };\n")
    let b = try s.fe("blobs", "build", "ctx.js", "--name", "ctxtool", "--version", "2.0.1")
    #expect(b.exited(0), "\(b)")
    let r = try s.fe("blobs", "exec", "ctxtool", cwd: nil)
    #expect(r.exited(0), "\(r)")
    let obj = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    #expect(obj["name"] as? String == "ctxtool")
    #expect(obj["version"] as? String == "2.0.1")
    #expect(obj["dir"] as? String == s.project)
    #expect((obj["custom"] as? [String: Any])?["answer"] as? Int == 42, "\(obj)")
  }

  @Test func esModuleTool() throws {
    let s = try Sandbox("build-esm", store: .sharedCopy)
    defer { s.remove() }
    try s.write("esm.mjs", "export async function main(args) {\n  console.log('esm', args.join(' '));\n  return 5;\n}\n")
    let b = try s.fe("blobs", "build", "esm.mjs", "--name", "esmtool", "--version", "0.1.0")
    #expect(b.exited(0), "\(b)")
    let r = try s.fe("blobs", "exec", "esmtool@0.1.0", "--", "p", "q")
    #expect(r.exited(5) && r.out == "esm p q\n", "\(r)")
  }

  @Test func topLevelThrowFailsTheBuildAndLeavesTheStore() throws {
    let s = try Sandbox("build-throws", store: .sharedCopy)
    defer { s.remove() }
    try s.write("bad.js", "const x = 1;\nthrow new Error('kaboom at build');\nfe.main(async () => 0);\n")
    let before = storeContents(s)
    let r = try s.fe("blobs", "build", "bad.js", "--name", "bad", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["kaboom at build", "bad"])
    #expect(storeContents(s) == before, "store unchanged")
    #expect(!FileManager.default.fileExists(atPath: s.feHome + "/blobs/bad"))
  }

  @Test func failedRebuildKeepsTheInstalledVersion() throws {
    let s = try Sandbox("build-replace-fails", store: .sharedCopy)
    defer { s.remove() }
    try s.write("hello.js", Self.hello)
    #expect(try s.fe("blobs", "build", "hello.js", "--name", "hello", "--version", "1.0.0").exited(0))
    let before = storeContents(s)
    try s.write("hello.js", "throw new Error('broken edit');\nfe.main(async () => 0);\n")
    let r = try s.fe("blobs", "build", "hello.js", "--name", "hello", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["broken edit"])
    #expect(storeContents(s) == before, "store unchanged")
    let run = try s.fe("blobs", "exec", "hello@1.0.0", "--", "still")
    #expect(run.exited(3) && run.out == "hi still 1.0.0\n", "\(run)")
  }

  @Test func bundleThatNeverCallsMain() throws {
    let s = try Sandbox("build-no-main", store: .sharedCopy)
    defer { s.remove() }
    // It names fe.main, so it is fe-native (a bundle that never does is a Node CLI, "cjs").
    try s.write("nomain.js", "globalThis.answer = 42;\nif (globalThis.answer < 0) fe.main(async () => 0);\n")
    let before = storeContents(s)
    let r = try s.fe("blobs", "build", "nomain.js", "--name", "nomain", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["fe.main"])
    #expect(storeContents(s) == before, "store unchanged")
  }

  @Test func syntaxErrorInBundle() throws {
    let s = try Sandbox("build-syntax", store: .sharedCopy)
    defer { s.remove() }
    try s.write("syntax.js", "fe.main(async () => {\n  return 0 +;\n});\n")
    let before = storeContents(s)
    let r = try s.fe("blobs", "build", "syntax.js", "--name", "syn", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["syn"])
    #expect(storeContents(s) == before, "store unchanged")
  }

  @Test func missingBundle() throws {
    let s = try Sandbox("build-missing", store: .sharedCopy)
    defer { s.remove() }
    let r = try s.fe("blobs", "build", "nope.js", "--name", "nope", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["nope.js"])
  }

  @Test(arguments: [("hello", "not-a-version"), ("Bad/Name", "1.0.0"), ("../escape", "1.0.0")])
  func invalidNameOrVersion(name: String, version: String) throws {
    let s = try Sandbox("build-invalid", store: .sharedCopy)
    defer { s.remove() }
    try s.write("hello.js", Self.hello)
    let before = storeContents(s)
    let r = try s.fe("blobs", "build", "hello.js", "--name", name, "--version", version)
    expectFeError(r, code: 64)
    #expect(storeContents(s) == before, "store unchanged")
  }
}
