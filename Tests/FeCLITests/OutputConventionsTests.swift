// Output conventions: --json validated against docs/schemas, --quiet, colour only on a terminal
// (never with NO_COLOR or CI), exit codes in `fe blobs --help`.
import Foundation
import Testing

@Suite struct OutputConventionsTests {
  @Test func theValidatorRejectsWhatTheSchemasForbid() throws {
    let list = try JSONSchema.named("list")
    let good = #"[{"tool":"fe","version":"1.0.0","size":10,"engineId":null,"kind":"cjs","path":"/x","pinned":false}]"#
    #expect(list.errors(try JSON.parse(good)) == [])
    #expect(!list.errors(try JSON.parse(#"{"tool":"fe"}"#)).isEmpty, "an object where an array belongs")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: #""size":10,"#, with: ""))).isEmpty, "missing size")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: "10", with: "\"10\""))).isEmpty, "size as a string")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: "10", with: "1.5"))).isEmpty, "size not an integer")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: "false", with: "0"))).isEmpty, "0 is not a boolean")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: "\"cjs\"", with: "\"python\""))).isEmpty, "unknown kind")
    #expect(!list.errors(try JSON.parse(good.replacingOccurrences(of: "}]", with: #","extra":1}]"#))).isEmpty, "extra field")
    let unsupported = JSONSchema(root: try JSON.parse(#"{"type":"array","items":{"uniqueItems":true}}"#))
    #expect(unsupported.unsupportedKeywords() == ["$.items.uniqueItems"])
  }

  @Test(arguments: ["list", "which", "verify", "shim", "prune"])
  func everySchemaIsWellFormed(name: String) throws {
    let schema = try JSONSchema.named(name)
    #expect(schema.root["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    #expect(schema.unsupportedKeywords() == [], "keywords the test validator would not check")
  }

  @Test func whichAndShimOutputMatchTheirSchemas() throws {
    let s = try Sandbox("schema-which-shim", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let which = try s.fe("blobs", "which", "--json")
    #expect(which.exited(0), "\(which)")
    #expect(try JSONSchema.named("which").errors(JSON.parse(which.out)) == [], "\(which)")
    let home = s.root.path + "/home"
    let made = try s.fe("blobs", "shim", "tsc", "--json", env: ["FE_HOME": home])
    #expect(made.exited(0), "\(made)")
    let doc = try JSON.parse(made.out)
    #expect(try JSONSchema.named("shim").errors(doc) == [], "\(made)")
    #expect(doc["onPath"] == .bool(false))
    let listed = try s.fe("blobs", "shim", "--json", env: ["FE_HOME": home, "PATH": "\(home)/bin:/usr/bin:/bin"])
    let listDoc = try JSON.parse(listed.out)
    #expect(try JSONSchema.named("shim").errors(listDoc) == [], "\(listed)")
    #expect(listDoc["onPath"] == .bool(true), "\(listed)")
  }

  @Test func quietPrintsNothingButErrors() throws {
    let s = try Sandbox("quiet", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    for args in [["blobs", "list", "--quiet"], ["blobs", "which", "--quiet"], ["blobs", "verify", "--quiet"]] {
      let r = try s.fe(args: args)
      #expect(r.exited(0) && r.out.isEmpty && r.err.isEmpty, "\(args): \(r)")
    }
    expectFeError(try s.fe("blobs", "which", "tsc", "--quiet"), code: 78)
  }

  /// Runs fe under a pseudo-terminal (util-linux `script`), so stdout and stderr are a TTY.
  static func onATerminal(_ s: Sandbox, _ feArgs: String, env: String) throws -> FeResult {
    try Fe.run(
      ["-qec", "env -u NO_COLOR -u CI \(env) '\(Fe.binary)' \(feArgs)", "/dev/null"], cwd: s.project, env: s.env,
      executable: "/usr/bin/script")
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColorOrCI() throws {
    let s = try Sandbox("colour", store: .sharedReadOnly)
    defer { s.remove() }
    let red = "\u{1B}[1;31mfe: error:\u{1B}[0m"
    let tty = try Self.onATerminal(s, "blobs remove fe@9.9.9", env: "")
    #expect(tty.out.contains(red), "a terminal gets colour: \(tty)")
    #expect(tty.out.contains("fe@9.9.9 is not installed"), "\(tty)")
    for env in ["NO_COLOR=1", "CI=true", "TERM=dumb"] {
      let plain = try Self.onATerminal(s, "blobs remove fe@9.9.9", env: env)
      #expect(plain.out.contains("fe: error: fe@9.9.9") && !plain.out.contains("\u{1B}["), "\(env): no colour: \(plain)")
    }
    // NO_COLOR set but empty does not disable colour (no-color.org).
    let empty = try Self.onATerminal(s, "blobs remove fe@9.9.9", env: "NO_COLOR=")
    #expect(empty.out.contains(red), "\(empty)")
    let verify = try Self.onATerminal(s, "blobs verify", env: "")
    #expect(verify.out.contains("\u{1B}[32mok      \u{1B}[0m fe@1.4.2"), "\(verify)")
    // Not a terminal: never colour (the test harness captures to files, with NO_COLOR unset here).
    let piped = try Fe.run(["blobs", "remove", "fe@9.9.9"], cwd: s.project, env: s.env.merging(["NO_COLOR": ""]) { _, n in n })
    #expect(piped.err.hasPrefix("fe: error: ") && !piped.err.contains("\u{1B}["), "\(piped)")
  }

  @Test func exitCodesAreListedInHelp() throws {
    let s = try Sandbox("help-codes", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "--help")
    #expect(r.exited(0), "\(r)")
    for code in ["64", "65", "66", "69", "70", "74", "78"] {
      #expect(r.out.contains("  \(code)  "), "exit code \(code) in help: \(r)")
    }
    for command in ["shim", "verify", "prune"] {
      #expect(r.out.contains(command), "\(command) in help: \(r)")
    }
    let readme = try String(contentsOfFile: Fe.repo + "/README.md", encoding: .utf8)
    for code in ["64", "65", "66", "69", "70", "74", "78"] { #expect(readme.contains("| \(code) |"), "README lists \(code)") }
  }
}
