// A broken fe.config.js is exit 78 with one `fe: error:` line naming the file — never a hang,
// a crash or a JS stack dump.
import Foundation
import Testing

@Suite struct ConfigErrorTests {
  /// Writes `text` as fe.config.js, runs `fe d`, and checks the config-error shape.
  @discardableResult
  func expectConfigError(
    _ name: String, _ text: String, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> FeResult {
    let s = try Sandbox(name, store: .sharedReadOnly)
    defer { s.remove() }
    let path = try s.config(text)
    let r = try s.fe("d")
    expectFeError(r, code: 78, mentions: [path] + mentions, sourceLocation: sourceLocation)
    #expect(r.out.isEmpty, "the tool did not run: \(r)", sourceLocation: sourceLocation)
    #expect(!r.err.contains("runtime.js"), "points at the config, not fe's internals: \(r)", sourceLocation: sourceLocation)
    return r
  }

  @Test func syntaxErrorNamesFileAndLine() throws {
    let r = try expectConfigError("cfgerr-syntax", "// line 1\nexport default {\n  fe: \"^2\" +,\n};\n", mentions: ["fe.config.js:3"])
    #expect(r.err.contains("SyntaxError"), "\(r)")
  }

  @Test func syntaxErrorInCommonJS() throws {
    try expectConfigError("cfgerr-syntax-cjs", "module.exports = {\n  fe: '^2'\n  dev: {}\n};\n", mentions: ["fe.config.js:3"])
  }

  @Test func throwingConfig() throws {
    let r = try expectConfigError(
      "cfgerr-throw", "const x = 1;\nthrow new Error('config says no');\nexport default { fe: '^2' };\n",
      mentions: ["config says no", "fe.config.js:2"])
    #expect(!r.err.contains("    at "), "no JS stack trace for a config error: \(r)")
  }

  @Test func functionThatThrows() throws {
    try expectConfigError(
      "cfgerr-fn-throw", "export default () => {\n  throw new TypeError('bad env');\n};\n", mentions: ["bad env"])
  }

  @Test func asyncFunctionThatRejects() throws {
    try expectConfigError(
      "cfgerr-async-reject", "export default async () => {\n  throw new Error('async nope');\n};\n", mentions: ["async nope"])
  }

  @Test func noFeKey() throws {
    try expectConfigError("cfgerr-no-fe", "export default { dev: { port: 1234 } };\n", mentions: ["fe"])
  }

  @Test func invalidRange() throws {
    try expectConfigError("cfgerr-bad-range", "export default { fe: \"^^2\" };\n", mentions: ["^^2"])
  }

  @Test func feIsNotAString() throws {
    try expectConfigError("cfgerr-fe-number", "export default { fe: 2 };\n", mentions: ["`fe`"])
  }

  @Test(arguments: ["42", "'^2'", "null", "[{ fe: '^2' }]"])
  func nonObjectExport(value: String) throws {
    try expectConfigError("cfgerr-non-object", "export default \(value);\n", mentions: ["export an object"])
  }

  @Test func commonJSWithNothingExported() throws {
    try expectConfigError("cfgerr-cjs-empty", "const fe = '^2';\n", mentions: ["fe"])
  }

  @Test func promiseThatNeverSettles() throws {
    try expectConfigError("cfgerr-never", "export default new Promise(() => {});\n", mentions: ["never settles"])
  }

  @Test func endlessTimerIsStoppedAfterFiveSeconds() throws {
    let start = Date()
    try expectConfigError(
      "cfgerr-interval", "setInterval(() => {}, 1000);\nexport default { fe: \"^2\" };\n",
      mentions: ["did not finish evaluating within 5 s"])
    #expect(Date().timeIntervalSince(start) < 20, "fe stopped the config in about 5 s")
  }

  @Test func endlessLoopIsStopped() throws {
    try expectConfigError(
      "cfgerr-loop", "while (true) {}\nexport default { fe: \"^2\" };\n",
      mentions: ["did not finish evaluating within 5 s"])
  }

  @Test func configMayNotWriteFiles() throws {
    let s = try Sandbox("cfgerr-write", store: .sharedReadOnly)
    defer { s.remove() }
    let target = s.project + "/written-by-config.txt"
    let path = try s.config("require('fs').writeFileSync(\(jsString(target)), 'x');\nmodule.exports = { fe: '^2' };\n")
    let r = try s.fe("d")
    expectFeError(r, code: 78, mentions: [path, "may not write files"])
    #expect(!r.err.contains("runtime.js"), "the location is the config's, not fe's internals: \(r)")
    #expect(!FileManager.default.fileExists(atPath: target), "the write was refused")
  }

  @Test func configMayNotExit() throws {
    try expectConfigError("cfgerr-exit", "process.exit(0);\nexport default { fe: '^2' };\n", mentions: ["process.exit"])
  }

  @Test func configMayReadFiles() throws {
    let s = try Sandbox("cfg-read-ok", store: .sharedReadOnly)
    defer { s.remove() }
    try s.write("pin.txt", "^1\n")
    try s.config("const fs = require('fs');\nmodule.exports = { fe: fs.readFileSync(__dirname + '/pin.txt', 'utf8').trim() };\n")
    let r = try s.fe("--version")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func missingConfig() throws {
    let s = try Sandbox("cfgerr-missing", store: .sharedReadOnly)
    defer { s.remove() }
    // The sandbox lives in /tmp: no fe.config.js in it or any directory above it.
    let r = try s.fe("d")
    expectFeError(r, code: 78, mentions: ["fe.config.js", s.project])
    #expect(r.out.isEmpty)
  }
}
