// Runtime.evaluateFile: ES modules (static and dynamic imports, JSON, builtins, import.meta,
// top-level await), CommonJS files, and failed imports.
import FeBasics
import FeEngine
import FeRuntime
import Testing

@Suite(.timeLimit(.minutes(1))) struct ModuleLoadingTests {
  @Test func esModuleImportsRelativeModulesJSONAndBuiltins() throws {
    let dir = TempDir()
    try dir.write("lib/helper.mjs", "export const twice = (x) => x * 2;\nexport default 'helper default';")
    try dir.write("data.json", #"{"name": "fe", "list": [1, 2]}"#)
    try dir.write("text.txt", "file text")
    let main = try dir.write(
      "main.mjs",
      """
      import helperDefault, { twice } from './lib/helper.mjs';
      import data from './data.json' assert { type: 'json' };
      import path from 'node:path';
      import { join } from 'path';
      import fs from 'fs';
      import { readFileSync } from 'node:fs';
      export const doubled = twice(21);
      export const fromDefault = helperDefault;
      export const json = data;
      export const joined = path.join('a', 'b') + ' ' + join('c', '..', 'd');
      export const text = fs.readFileSync(path.join(import.meta.dirname, 'text.txt'), 'utf8');
      export const same = fs.readFileSync === readFileSync;
      """)
    let rt = try bootRuntime()
    let ns = try rt.exportsOf(main)
    #expect(ns["doubled"] == .number(42))
    #expect(ns["fromDefault"] == .string("helper default"))
    #expect(ns["json"] == .object([("name", .string("fe")), ("list", .array([.number(1), .number(2)]))]))
    #expect(ns["joined"] == .string("a/b d"))
    #expect(ns["text"] == .string("file text"))
    #expect(ns["same"] == .bool(true))
  }

  /// Every `d<i>/a.mjs` imports its own `./b.mjs`: a relative import resolves against the
  /// importing module itself. (The loader used to find the importer by V8's identity hash,
  /// which is random and may collide; a collision cannot be forced from JS, so this checks the
  /// outcome across many same-named modules.)
  @Test func relativeImportsResolveAgainstTheImportingModuleItself() throws {
    let dir = TempDir()
    let count = 500
    var entry = ""
    for i in 0..<count {
      try dir.write("d\(i)/a.mjs", "import b from './b.mjs';\nexport default b;\nexport const meta = import.meta.url;")
      try dir.write("d\(i)/b.mjs", "export default \(i);")
      entry += "import a\(i), { meta as m\(i) } from './d\(i)/a.mjs';\n"
    }
    entry +=
      "export const wrong = [\((0..<count).map { "a\($0) === \($0) && m\($0).endsWith('/d\($0)/a.mjs') ? '' : '\($0)'" }.joined(separator: ", "))].filter(Boolean);\n"
    let main = try dir.write("main.mjs", entry)
    let rt = try bootRuntime()
    let ns = try rt.exportsOf(main)
    #expect(ns["wrong"] == .array([]))
  }

  @Test func importMetaDescribesTheModule() throws {
    let dir = TempDir()
    let main = try dir.write(
      "sub/meta.mjs",
      "export const url = import.meta.url, filename = import.meta.filename, dirname = import.meta.dirname;\n"
        + "export const resolved = import.meta.resolve('./other.mjs');")
    try dir.write("sub/other.mjs", "export {}")
    let ns = try bootRuntime().exportsOf(main)
    #expect(ns["url"] == .string("file://" + main))
    #expect(ns["filename"] == .string(main))
    #expect(ns["dirname"] == .string(dir.file("sub")))
    #expect(ns["resolved"] == .string("file://" + dir.file("sub/other.mjs")))
  }

  @Test func fileURLsRelativeToImportMetaURL() throws {
    let dir = TempDir()
    try dir.write("assets/text.txt", "via URL")
    let main = try dir.write(
      "url.mjs",
      """
      import fs from 'fs';
      import { fileURLToPath } from 'node:url';
      const u = new URL('./assets/text.txt', import.meta.url);
      export const pathname = u.pathname, host = u.host, file = fileURLToPath(u);
      export const text = fs.readFileSync(u, 'utf8');
      """)
    let ns = try bootRuntime().exportsOf(main)
    #expect(ns["pathname"] == .string(dir.file("assets/text.txt")))
    #expect(ns["host"] == .string(""))
    #expect(ns["file"] == .string(dir.file("assets/text.txt")))
    #expect(ns["text"] == .string("via URL"))
  }

  @Test func importMetaURLIsPercentEncoded() throws {
    let dir = TempDir()
    let main = try dir.write("with space/m é.mjs", "export const url = import.meta.url, filename = import.meta.filename;")
    let ns = try bootRuntime().exportsOf(main)
    #expect(ns["url"] == .string("file://" + dir.path + "/with%20space/m%20%C3%A9.mjs"))
    #expect(ns["filename"] == .string(main))
  }

  @Test func topLevelAwaitRunsTheLoop() throws {
    let dir = TempDir()
    let main = try dir.write(
      "tla.mjs",
      """
      const value = await new Promise((resolve) => setTimeout(() => resolve('late'), 5));
      export const result = value + '!';
      """)
    #expect(try bootRuntime().exportsOf(main)["result"] == .string("late!"))
  }

  @Test func dynamicImportLoadsModulesAndBuiltins() throws {
    let dir = TempDir()
    try dir.write("dyn/target.mjs", "export const answer = 42;")
    let main = try dir.write(
      "dyn/main.mjs",
      """
      const target = await import('./target.mjs');
      const path = await import('node:path');
      let failure = null;
      try { await import('./nope.mjs'); } catch (e) { failure = e.message; }
      export const answer = target.answer, sep = path.sep, joined = path.default.join('x', 'y'), failed = failure;
      """)
    let ns = try bootRuntime().exportsOf(main)
    #expect(ns["answer"] == .number(42))
    #expect(ns["sep"] == .string("/"))
    #expect(ns["joined"] == .string("x/y"))
    #expect(ns["failed"]?.stringValue?.contains("nope.mjs") == true)
  }

  @Test func dynamicImportFromAClassicScript() throws {
    let dir = TempDir()
    let target = try dir.write("from-script.mjs", "export const x = 'imported';")
    let rt = try bootRuntime()
    try rt.runScript("import(\(JSONString.quote(target))).then((m) => { globalThis.got = m.x })", name: "script.js")
    try rt.runLoop()
    #expect(try rt.runScript("got", name: "read.js") == .string("imported"))
  }

  @Test func modulesAreEvaluatedOnce() throws {
    let dir = TempDir()
    try dir.write("counter.mjs", "globalThis.loads = (globalThis.loads || 0) + 1; export const n = globalThis.loads;")
    try dir.write("a.mjs", "export { n } from './counter.mjs';")
    let main = try dir.write(
      "main.mjs", "import { n as a } from './a.mjs'; import { n as b } from './counter.mjs'; export const both = [a, b];")
    let rt = try bootRuntime()
    #expect(try rt.exportsOf(main)["both"] == .array([.number(1), .number(1)]))
    #expect(try rt.runScript("loads", name: "read.js") == .number(1))
  }

  @Test func missingStaticImportNamesTheSpecifierAndTheImporter() throws {
    let dir = TempDir()
    let main = try dir.write("importer.mjs", "import x from './missing-dep.mjs';\nexport default x;")
    let rt = try bootRuntime()
    let e = jsError { _ = try rt.evaluateFile(main) }
    #expect(e?.message.contains("missing-dep.mjs") == true)
    #expect(e?.message.contains(main) == true)
    #expect(e?.value["code"] == .string("ERR_MODULE_NOT_FOUND"))
  }

  @Test func missingNestedImportNamesTheModuleThatImportedIt() throws {
    let dir = TempDir()
    let middle = try dir.write("middle.mjs", "export * from './deep-missing.mjs';")
    let main = try dir.write("top.mjs", "export * from './middle.mjs';")
    let e = jsError { _ = try bootRuntime().evaluateFile(main) }
    #expect(e?.message.contains("deep-missing.mjs") == true)
    #expect(e?.message.contains(middle) == true)
  }

  @Test func bareSpecifierWithoutPackageIsNotFound() throws {
    let dir = TempDir()
    let main = try dir.write("bare.mjs", "import leftPad from 'left-pad-not-installed';")
    let e = jsError { _ = try bootRuntime().evaluateFile(main) }
    #expect(e?.message.contains("left-pad-not-installed") == true)
    #expect(e?.message.contains(main) == true)
  }

  @Test func unknownNodeBuiltinIsReported() throws {
    let dir = TempDir()
    let main = try dir.write("builtin.mjs", "import cp from 'node:no_such_builtin';")
    let e = jsError { _ = try bootRuntime().evaluateFile(main) }
    #expect(e?.message.contains("node:no_such_builtin") == true)
  }

  @Test func moduleEvaluationErrorIsThrown() throws {
    let dir = TempDir()
    let main = try dir.write("throws.mjs", "export const a = 1;\n\nthrow new RangeError('module failed');")
    let e = jsError { _ = try bootRuntime().evaluateFile(main) }
    #expect(e?.message == "RangeError: module failed")
    #expect(e?.stack?.contains("throws.mjs:3") == true)
  }

  @Test func moduleSyntaxErrorHasItsLocation() throws {
    let dir = TempDir()
    let main = try dir.write("syntax.mjs", "export const ok = 1;\nexport const = 2;")
    let e = jsError { _ = try bootRuntime().evaluateFile(main) }
    #expect(e?.message.hasPrefix("SyntaxError") == true)
    #expect(e?.file?.hasSuffix("syntax.mjs") == true)
    #expect(e?.line == 2)
  }

  @Test func commonJSFileExportsModuleExports() throws {
    let dir = TempDir()
    let main = try dir.write(
      "lib.cjs",
      """
      const path = require('path');
      exports.ignored = true;
      module.exports = { name: path.basename(__filename), dir: __dirname, isThisExports: this === exports };
      """)
    let ns = try bootRuntime().exportsOf(main)
    #expect(ns == .object([("name", .string("lib.cjs")), ("dir", .string(dir.path)), ("isThisExports", .bool(true))]))
  }

  @Test func commonJSExportsObjectIsUsedWhenNotReplaced() throws {
    let dir = TempDir()
    let main = try dir.write("named.cjs", "exports.a = 1; exports.b = [2];")
    #expect(try bootRuntime().exportsOf(main) == .object([("a", .number(1)), ("b", .array([.number(2)]))]))
  }

  @Test(arguments: [
    ("plain.js", "module.exports = { kind: 'cjs' };", JSValue.string("cjs")),
    ("esm.js", "export const kind = 'esm';", JSValue.string("esm")),
  ])
  func plainJSIsDetected(_ name: String, _ source: String, _ kind: JSValue) throws {
    let dir = TempDir()
    let main = try dir.write(name, source)
    #expect(try bootRuntime().exportsOf(main)["kind"] == kind)
  }

  @Test func packageTypeModuleMakesJSAModule() throws {
    let dir = TempDir()
    try dir.write("package.json", #"{ "name": "x", "type": "module" }"#)
    let main = try dir.write("src/index.js", "export const isModule = typeof require === 'undefined';")
    #expect(try bootRuntime().exportsOf(main)["isModule"] == .bool(true))
  }

  @Test func missingEntryFileIsReported() throws {
    let dir = TempDir()
    let e = jsError { _ = try bootRuntime().evaluateFile(dir.file("absent.mjs")) }
    #expect(e?.message.contains(dir.file("absent.mjs")) == true)
  }
}
