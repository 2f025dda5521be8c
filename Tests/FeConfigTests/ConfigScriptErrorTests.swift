// ConfigEvaluator on configs whose code fails: syntax errors, throws, promises that never
// settle, endless work, sandbox violations. Each a .config FeError naming the file.
import FeBasics
import FeConfig
import FeEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ConfigScriptErrorTests {
  @Test(arguments: ["fe.config.mjs", "fe.config.js"])
  func esmSyntaxErrorHasFileAndLine(_ name: String) throws {
    let dir = TempDir()
    let path = try dir.write(name, "export default {\n  fe: ^2,\n};")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("\(path):2:") == true)
    #expect(e?.message.contains("SyntaxError") == true)
  }

  @Test func commonJSSyntaxErrorHasFileAndLine() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.cjs", "const a = 1;\nmodule.exports = { fe: '^2' ;")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("\(path):2:") == true)
    #expect(e?.message.contains("SyntaxError") == true)
  }

  @Test func syntaxErrorInAnImportedModuleNamesThatModule() throws {
    let dir = TempDir()
    let helper = try dir.write("lib/helper.mjs", "export const x = ;")
    let path = try dir.write("fe.config.mjs", "import { x } from './lib/helper.mjs';\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("\(helper):1:") == true)
  }

  @Test func topLevelThrowHasMessageAndLocation() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "const ok = 1;\nthrow new Error('config exploded');\nexport default {};")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("config exploded") == true)
    #expect(e?.message.contains("\(path):2") == true)
  }

  @Test func commonJSThrowHasMessageAndLocation() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.cjs", "\n\nthrow new TypeError('bad cjs config');")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("TypeError: bad cjs config") == true)
    #expect(e?.message.contains("\(path):3") == true)
  }

  @Test func throwInsideTheExportedFunctionHasMessageAndLocation() throws {
    let dir = TempDir()
    let path = try dir.write(
      "fe.config.mjs",
      "export default async ({ env }) => {\n  await null;\n  throw new Error('missing ' + env.WHAT);\n};")
    let e = feError { _ = try evaluate(path, env: ["WHAT": "TOKEN"]) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("missing TOKEN") == true)
    #expect(e?.message.contains("\(path):3") == true)
  }

  @Test func thrownNonErrorHasItsValueAndNamesTheFile() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default () => { throw 'just a string'; };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("just a string") == true)
    #expect(e?.message.contains(path) == true)
  }

  @Test func missingImportNamesTheSpecifierAndTheFile() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "import { x } from './nope.mjs';\nexport default { fe: x };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("nope.mjs") == true)
    #expect(e?.message.contains(path) == true)
  }

  @Test func neverSettlingPromiseIsReported() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default () => new Promise(() => {});")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("never settles") == true)
  }

  @Test func neverSettlingTopLevelAwaitIsReported() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "await new Promise(() => {});\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
  }

  @Test func endlessTimerTimesOut() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "setInterval(() => {}, 1);\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path, timeLimit: 0.5) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("did not finish evaluating") == true)
  }

  @Test func endlessLoopTimesOut() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "while (true) {}\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path, timeLimit: 0.5) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("did not finish evaluating") == true)
  }

  @Test func endlessLoopInsideTheExportedFunctionTimesOut() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.cjs", "module.exports = async () => { for (;;) {} };")
    let e = feError { _ = try evaluate(path, timeLimit: 0.5) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains("did not finish evaluating") == true)
  }

  @Test func timeoutMessageStatesTheActualLimit() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "setInterval(() => {}, 1);\nexport default {};")
    let e = feError { _ = try evaluate(path, timeLimit: 0.5) }
    #expect(e?.message.contains("0.5 s") == true)
  }

  @Test
  func selfReferencingConfigValueDoesNotHang() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "const c = { fe: '^2' };\nc.self = c;\nc.again = c;\nexport default c;")
    let config = try evaluate(path, timeLimit: 0.5)
    #expect(config.pins == ["fe": "^2"])
  }

  @Test func quickConfigWithAShortLimitIsNotTimedOut() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { fe: '^2' };")
    #expect(try evaluate(path, timeLimit: 2).pins == ["fe": "^2"])
  }

  @Test func writeAttemptIsRefused() throws {
    let dir = TempDir()
    let target = dir.file("written-by-config.txt")
    let path = try dir.write(
      "fe.config.mjs",
      "import fs from 'node:fs';\nfs.writeFileSync(\(JSONString.quote(target)), 'x');\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("fe.config.mjs may not write files") == true)
    #expect(!FileSystem.exists(target))
  }

  @Test func writeAttemptInsideTheExportedFunctionIsRefused() throws {
    let dir = TempDir()
    let target = dir.file("sub")
    let path = try dir.write(
      "fe.config.cjs",
      "const fs = require('fs');\nmodule.exports = () => { fs.mkdirSync(\(JSONString.quote(target))); return {}; };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("may not write files") == true)
    #expect(!FileSystem.exists(target))
  }

  @Test func processExitIsRefused() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "process.exit(0);\nexport default { fe: '^2' };")
    let e = feError { _ = try evaluate(path) }
    #expect(e?.kind == .config)
    #expect(e?.message.contains(path) == true)
    #expect(e?.message.contains("may not call process.exit()") == true)
  }
}
