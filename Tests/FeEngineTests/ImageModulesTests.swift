// Package images: the files a tool's entry requires, found at build time and compiled into its
// snapshot (Core/ImageModules.swift); used at launch only while each file holds that source.
import FeBasics
import FeEngine
import FeRuntime
import Testing

@Suite struct ImageModulesTests {
  /// A small tree: literal requires of relative files, a package (main, nested require, a
  /// directory index), builtins, JSON, an ES-module package, a missing file and a computed request.
  static func tree() throws -> TempDir {
    let dir = TempDir("image-modules")
    try dir.write(
      "bin/tool.js",
      """
      const fs = require('fs'), path = require('node:path');
      const a = require('./a');
      const pkg = require("pkg");
      const data = require('./data.json');
      const esm = require('esm-only');
      try { require('./missing'); } catch {}
      const name = 'computed'; require('./' + name);
      try { require('broken'); } catch {}
      // require('./commented') is found as well: the scan reads text, not syntax.
      """)
    try dir.write("bin/a.js", "module.exports = require('./lib');")
    try dir.write("bin/lib/index.js", "module.exports = 1;")
    try dir.write("bin/computed.js", "module.exports = 2;")
    try dir.write("bin/commented.js", "module.exports = 3;")
    try dir.write("bin/data.json", "{}")
    try dir.write("node_modules/pkg/package.json", #"{ "main": "main.js" }"#)
    try dir.write("node_modules/pkg/main.js", "require('./a'); require('pkg/b'); require('./a.js');")
    try dir.write("node_modules/pkg/a.js", "require('./main');")
    try dir.write("node_modules/pkg/b.js", "")
    try dir.write("node_modules/esm-only/package.json", #"{ "type": "module", "main": "index.js" }"#)
    try dir.write("node_modules/esm-only/index.js", "export default 1;")
    try dir.write("node_modules/broken/package.json", "{ \"main\": ")  // malformed: the request is skipped
    try dir.write("node_modules/broken/index.js", "")
    return dir
  }

  @Test func theClosureFollowsLiteralRequiresAsNodeResolvesThem() throws {
    let dir = try Self.tree()
    let found = try Runtime.requireClosure(entry: dir.file("bin/tool.js"))
    #expect(
      Set(found.files) == Set(["bin/a.js", "bin/lib/index.js", "bin/commented.js", "node_modules/pkg/main.js", "node_modules/pkg/a.js",
        "node_modules/pkg/b.js"].map(dir.file)))
    #expect(found.files.count == 6)  // each once, cycles and all; the entry is not among them
    // Every literal require's answer, files of any kind; builtins and misses have none.
    let tool = dir.file("bin/tool.js")
    let answers = Set(found.resolutions.filter { $0.parent == tool }.map { "\($0.request) \($0.file)" })
    #expect(
      answers == [
        "./a \(dir.file("bin/a.js"))", "pkg \(dir.file("node_modules/pkg/main.js"))", "./data.json \(dir.file("bin/data.json"))",
        "esm-only \(dir.file("node_modules/esm-only/index.js"))", "./commented \(dir.file("bin/commented.js"))",
      ])
    #expect(
      found.resolutions.contains(.init(parent: dir.file("node_modules/pkg/main.js"), request: "pkg/b", file: dir.file("node_modules/pkg/b.js"))))
  }

  /// The answers kept for literal requires are used while the resolver is fe's own.
  @Test func keptAnswersResolveLiteralRequiresUntilTheResolverIsPatched() throws {
    let dir = TempDir("image-modules")
    let target = try dir.write("m.js", "module.exports = 'kept answer';")
    let parent = dir.file("p.js")
    let builder = try Runtime.makeSnapshotBuilder()
    try builder.precompile([], resolutions: [.init(parent: parent, request: "./alias", file: target)], eager: false)
    let memory = SnapshotMemory(try builder.snapshot())
    func run(_ body: String) throws -> JSValue {
      let rt = Runtime(snapshot: memory.bytes, owner: memory)
      rt.onExit = { _ in }
      try rt.setup(argv: ["fe", "test"], env: [:], execPath: "fe")
      try rt.runCommonJS("globalThis.result = (() => { \(body) })();", path: parent)
      return try rt.runScript("globalThis.result", name: "read.js")
    }
    // No ./alias exists: only the kept answer finds m.js.
    #expect(try run("return require('./alias');") == .string("kept answer"))
    let patched = """
      const Module = require('module'), own = Module._resolveFilename;
      Module._resolveFilename = (...args) => own(...args);
      try { return require('./alias'); } catch (e) { return e.code; }
      """
    #expect(try run(patched) == .string("MODULE_NOT_FOUND"))
  }

  /// A snapshot whose image module `path` was compiled from `source`.
  static func snapshot(of path: String, source: String) throws -> SnapshotMemory {
    let builder = try Runtime.makeSnapshotBuilder()
    try builder.precompile([Runtime.ImageModule(path: path, source: source)], eager: true)
    return SnapshotMemory(try builder.snapshot())
  }

  /// `require(path)` in a runtime booted from `memory`; the module exports its own wrapper
  /// (`arguments.callee`), so the test can tell the snapshot's from one compiled at launch.
  /// `through`: how the file is loaded (by default, require()).
  static func load(_ path: String, from memory: SnapshotMemory, through loader: String? = nil) throws -> (
    usedSnapshot: Bool, value: JSValue
  ) {
    let rt = Runtime(snapshot: memory.bytes, owner: memory)
    rt.onExit = { _ in }
    try rt.setup(argv: ["fe", "test"], env: [:], execPath: "fe")
    try rt.runCommonJS(
      "const file = \(JSONString.quote(path));\nglobalThis.wrapper = \(loader ?? "require(file)");", path: "/fe-tests/load.cjs")
    return try rt.isolate.scope { s in
      let global = try s.run("globalThis", name: "global.js")
      let wrapper = s.get(global, "wrapper")!
      let kept = s.get(s.core, "imageModules").flatMap { table in
        try? s.call(s.get(table, "get")!, this: table, [s.string(path)])
      }
      let fromSnapshot = kept.flatMap { s.type($0) == .array ? s.element($0, 1) : nil }.map { s.strictEquals($0, wrapper) } ?? false
      return (fromSnapshot, s.toSwift(s.get(wrapper, "value")!))
    }
  }

  static let source = "module.exports = arguments.callee; module.exports.value = 'compiled at build time';\n"

  @Test func aFileWithTheSameSourceUsesTheSnapshotsCode() throws {
    let dir = TempDir("image-modules")
    let file = try dir.write("m.js", Self.source)
    let loaded = try Self.load(file, from: try Self.snapshot(of: file, source: Self.source))
    #expect(loaded.usedSnapshot)
    #expect(loaded.value == .string("compiled at build time"))
  }

  /// A file that does not compile is left out of the snapshot; loading it reports the
  /// SyntaxError as it would without a snapshot.
  @Test func aFileWithASyntaxErrorIsLeftToTheLoader() throws {
    let dir = TempDir("image-modules")
    let bad = try dir.write("bad.js", "module.exports = {;\n")
    let good = try dir.write("m.js", Self.source)
    let builder = try Runtime.makeSnapshotBuilder()
    try builder.precompile([.init(path: bad, source: "module.exports = {;\n"), .init(path: good, source: Self.source)], eager: true)
    let memory = SnapshotMemory(try builder.snapshot())
    #expect(try Self.load(good, from: memory).usedSnapshot)
    let loaded = try Self.load(
      bad, from: memory, through: "(() => { try { require(file); } catch (e) { return Object.assign(() => {}, { value: e.name }); } })()")
    #expect(loaded.value == .string("SyntaxError"))
  }

  @Test func aChangedFileCompilesFromItsOwnSource() throws {
    let dir = TempDir("image-modules")
    let file = dir.file("m.js")
    let memory = try Self.snapshot(of: file, source: Self.source)
    // Same length, other text: a V8 code cache would accept it (it checks only the length).
    try dir.write("m.js", Self.source.replacingOccurrences(of: "compiled at build time", with: "edited after the build!"))
    let loaded = try Self.load(file, from: memory)
    #expect(!loaded.usedSnapshot)
    #expect(loaded.value == .string("edited after the build!"))
  }

  /// v8-compile-cache (eslint 6) compiles each module as `vm.Script(Module.wrap(source))`.
  @Test func aModuleWrapperCompiledThroughVmUsesTheSnapshotsCode() throws {
    let dir = TempDir("image-modules")
    let file = try dir.write("m.js", Self.source)
    let memory = try Self.snapshot(of: file, source: Self.source)
    let viaVm = """
      (() => {
        const vm = require('vm'), { wrap } = require('module'), source = require('fs').readFileSync(file, 'utf8');
        const script = new vm.Script(wrap(source), { filename: file, produceCachedData: true });
        if (!script.cachedDataProduced) throw new Error('no cached data');
        const again = new vm.Script(wrap(source), { filename: file, cachedData: script.cachedData, produceCachedData: true });
        if (again.cachedDataRejected !== false || !again.cachedDataProduced) throw new Error('cached data rejected');
        const fn = again.runInThisContext();
        fn.call({}, {}, require, { exports: {} }, file, dir);
        return fn;
      })()
      """.replacingOccurrences(of: "dir)", with: "\(JSONString.quote(dir.path)))")
    let loaded = try Self.load(file, from: memory, through: viaVm)
    #expect(loaded.usedSnapshot)
    // Another file name, or another wrapper, compiles the text as given.
    let other = try Self.load(file, from: memory, through: "require('vm').runInThisContext(require('module').wrap(require('fs').readFileSync(file, 'utf8')), { filename: file + '.other' })")
    #expect(!other.usedSnapshot)
  }
}
