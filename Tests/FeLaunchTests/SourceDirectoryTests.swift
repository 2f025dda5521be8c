// `fe blobs install <dir>` for a source directory whose "main" is split into modules: esbuild
// bundles the main with its relative requires into the one source the blob is built from; a
// main without relative requires is stored byte for byte.
import Foundation
import Testing

@Suite struct SourceDirectoryTests {
  /// True when `text` still has a `require('./…')` or `require("../…")` call.
  func hasRelativeRequire(_ text: String) -> Bool {
    text.range(of: #"require\(\s*["'`]\.\.?/"#, options: .regularExpression) != nil
  }

  @Test func multiFileToolIsBundledIntoOneSource() throws {
    let s = try Sandbox("srcdir-multi", store: .empty)
    defer { s.remove() }
    let dir = s.root.path + "/greet"
    try s.write("package.json", #"{ "name": "greet", "version": "1.0.0", "main": "index.js" }"#, in: dir)
    try s.write(
      "index.js",
      """
      const { greet } = require('./lib/greet');
      fe.main(async (args) => { console.log(greet(args[0])); return 0; });

      """, in: dir)
    try FileManager.default.createDirectory(atPath: dir + "/lib", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: dir + "/util", withIntermediateDirectories: true)
    try s.write("greet.js", "const { upper } = require('../util/upper');\nexports.greet = (n) => 'hello ' + upper(n);\n", in: dir + "/lib")
    try s.write("upper.js", "exports.upper = (s) => String(s).toUpperCase();\n", in: dir + "/util")

    let i = try s.fe("blobs", "install", dir)
    #expect(i.exited(0) && i.out.contains("installed greet@1.0.0"), "\(i)")
    // The source directory is not needed any more: the blob holds the whole tool.
    try FileManager.default.removeItem(atPath: dir)
    let r = try s.fe("blobs", "exec", "greet", "--", "world")
    #expect(r.exited(0) && r.out == "hello WORLD\n", "\(r)")
    let stored = try String(contentsOfFile: s.feHome + "/blobs/greet/1.0.0/source.js", encoding: .utf8)
    #expect(!hasRelativeRequire(stored) && stored.contains("toUpperCase"), "\(stored)")
  }

  @Test func missingRelativeModuleFailsTheInstall() throws {
    let s = try Sandbox("srcdir-missing", store: .empty)
    defer { s.remove() }
    let dir = s.root.path + "/broken"
    try s.write("package.json", #"{ "name": "broken", "version": "1.0.0" }"#, in: dir)
    try s.write("index.js", "const x = require('./nope');\nfe.main(async () => 0);\n", in: dir)
    let r = try s.fe("blobs", "install", dir)
    expectFeError(r, code: 64, mentions: ["./nope", "\(dir)/index.js", "esbuild could not find"])
    #expect(!FileManager.default.fileExists(atPath: s.feHome + "/blobs/broken"), "nothing installed")
  }

  /// The bundled fe tool: 2.x is split into src/ modules and bundled; 1.x is one file, kept as is.
  @Test func bundledFeToolSources() throws {
    let home = try SharedStore.path()
    let fe2 = try String(contentsOfFile: home + "/blobs/fe/2.1.0/source.js", encoding: .utf8)
    let entry2 = try String(contentsOfFile: Fe.blobsFe2 + "/index.js", encoding: .utf8)
    #expect(hasRelativeRequire(entry2), "blobs/fe/2/index.js requires its modules")
    #expect(!hasRelativeRequire(fe2) && fe2.contains("function createDevServer") && fe2.contains("fe.main("))
    let fe1 = try Data(contentsOf: URL(fileURLWithPath: home + "/blobs/fe/1.4.2/source.js"))
    #expect(
      fe1 == (try Data(contentsOf: URL(fileURLWithPath: Fe.blobsFe1 + "/index.js"))), "a main without relative requires is stored as it is")
  }
}
