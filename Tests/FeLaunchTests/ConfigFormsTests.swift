// Every documented way to write fe.config.js selects the pinned version.
import Foundation
import Testing

@Suite struct ConfigFormsTests {
  /// Writes `text` as `name`, runs `fe --version` from `cwd` (default: the project), returns stdout.
  func version(
    _ s: Sandbox, _ text: String, name: String = "fe.config.js", env: [String: String] = [:], cwd: String? = nil
  ) throws -> FeResult {
    try s.config(text, name: name)
    return try s.fe("--version", cwd: cwd, env: env)
  }

  @Test func commonJS() throws {
    let s = try Sandbox("cfg-cjs", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "module.exports = { fe: \"^1\" };\n")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func commonJSWithABuiltinRequire() throws {
    let s = try Sandbox("cfg-cjs-require", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "const path = require('path');\nmodule.exports = { fe: path.basename('/x/^1') };\n")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func esmImportingARelativeModule() throws {
    let s = try Sandbox("cfg-esm-import", store: .sharedReadOnly)
    defer { s.remove() }
    try s.write("config/pins.mjs", "export const fePin = '^1';\n")
    let r = try version(s, "import { fePin } from './config/pins.mjs';\nexport default { fe: fePin };\n")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func esmDefaultExport() throws {
    let s = try Sandbox("cfg-esm", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "export default { fe: \"^2.1.0\" };\n")
    #expect(r.exited(0) && r.out == "v2.1.0\n", "\(r)")
  }

  @Test(arguments: [("1", "1.4.2\n"), ("2", "v2.1.0\n")])
  func syncFunctionReceivesEnv(pick: String, expected: String) throws {
    let s = try Sandbox("cfg-sync-fn", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "export default ({ env, cwd }) => ({ fe: '^' + env.PICK });\n", env: ["PICK": pick])
    #expect(r.exited(0) && r.out == expected, "\(r)")
  }

  @Test func syncFunctionReceivesCwd() throws {
    let s = try Sandbox("cfg-fn-cwd", store: .sharedReadOnly)
    defer { s.remove() }
    let sub = s.project + "/src/deep"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    let r = try version(
      s, "export default ({ cwd }) => ({ fe: cwd === \(jsString(sub)) ? '^1' : '^2' });\n", cwd: sub)
    #expect(r.exited(0) && r.out == "1.4.2\n", "cwd is where fe ran: \(r)")
  }

  @Test func asyncFunction() throws {
    let s = try Sandbox("cfg-async-fn", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(
      s,
      """
      export default async ({ env }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { fe: env.PICK };
      };

      """, env: ["PICK": "^1"])
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func functionReturningAPromise() throws {
    let s = try Sandbox("cfg-promise-fn", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "module.exports = () => Promise.resolve({ fe: '^1' });\n")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func mjsName() throws {
    let s = try Sandbox("cfg-mjs", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "export default { fe: \"^1\" };\n", name: "fe.config.mjs")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func cjsName() throws {
    let s = try Sandbox("cfg-cjs-name", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try version(s, "module.exports = { fe: \"^1\" };\n", name: "fe.config.cjs")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func foundFromASubdirectory() throws {
    let s = try Sandbox("cfg-walk-up", store: .sharedReadOnly)
    defer { s.remove() }
    let sub = s.project + "/a/b/c"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    try s.config("export default { fe: \"^2\", dev: { port: 4321 } };\n")
    let r = try s.fe("d", "--dry-run", cwd: sub)
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("FE v2.1.0") && r.out.contains(":4321/"), "\(r)")
    #expect(r.out.contains("Root:    \(s.project) "), "the project is the config's directory: \(r)")
  }

  @Test func nearestConfigWins() throws {
    let s = try Sandbox("cfg-nearest", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    try s.write("inner/fe.config.js", "export default { fe: \"^1\" };\n")
    let r = try s.fe("--version", cwd: s.project + "/inner")
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
  }

  @Test func feConfigOverride() throws {
    let s = try Sandbox("cfg-override", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let other = try s.write("elsewhere/custom.js", "export default { fe: \"^1\" };\n", in: s.root.path)
    let r = try s.fe("--version", env: ["FE_CONFIG": other])
    #expect(r.exited(0) && r.out == "1.4.2\n", "\(r)")
    let missing = try s.fe("--version", env: ["FE_CONFIG": s.root.path + "/nope.js"])
    expectFeError(missing, code: 78, mentions: ["nope.js"])
  }

  @Test func toolSettingsReachTheTool() throws {
    let s = try Sandbox("cfg-settings", store: .sharedReadOnly)
    defer { s.remove() }
    try s.write("site/index.html", "<p>hi</p>\n")
    try s.config("export default { fe: \"^1\", dev: { port: 8123, root: 'site' } };\n")
    let r = try s.fe("d", "--dry-run")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("serving \(s.project)/site on port 8123"), "\(r)")
    #expect(r.out.contains("  index.html"), "\(r)")
  }
}

/// A JS string literal for `text`.
func jsString(_ text: String) -> String {
  let data = try! JSONSerialization.data(withJSONObject: [text])
  let array = String(decoding: data, as: UTF8.self)
  return String(array.dropFirst().dropLast())
}
