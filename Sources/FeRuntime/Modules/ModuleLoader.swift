import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Loads ES modules (and CommonJS entry files) from disk: resolution, the module map keyed by
/// resolved path, import.meta and dynamic import. V8 asks for imports synchronously during
/// instantiation, so a module's whole static graph is compiled before it is instantiated.
final class ModuleLoader {
  struct Record {
    let key: String  // resolved path, or "node:<id>" for builtins
    let url: String
    let module: Persistent
  }

  private var byKey: [String: Record] = [:]
  /// The current directory when the runtime started: what code without a file imports from.
  private let startDirectory = FileSystem.currentDirectory()
  /// Records the files the loader reads and probes (see Runtime.readLog).
  var readLog: ReadLog?
  /// A sandboxed runtime's checks: module sources are regular files of bounded size.
  var sandbox: Sandbox?
  var sandboxName = "this program"
  private var byHash: [Int32: [Record]] = [:]

  func removeAll() {
    byKey.removeAll()
    byHash.removeAll()
  }

  enum Kind { case module, commonjs }

  /// Node's CommonJS module wrapper parameters.
  static let wrapperParams = ["exports", "require", "module", "__filename", "__dirname"]

  // MARK: entry points

  /// Runs the entry file at `path`; or, given `moduleSource`, that text as an ES module named
  /// `path` (`node --input-type=module -e code`, where `path` is `<cwd>/[eval1]`).
  /// `asMain`: the program's entry, whose ES module error is an unhandled rejection as in Node;
  /// otherwise (a config file) it is thrown.
  func evaluateEntry(_ path: String, moduleSource: String? = nil, runtime: Runtime, asMain: Bool = false) throws -> Persistent {
    let source = try moduleSource ?? readSource(path, importedFrom: nil)
    // The wrapper compiled to tell the kind is the one that runs: one script per file, as the
    // inspector reports them, and one compile.
    var compiled: Persistent?
    let kind =
      moduleSource != nil
      ? .module
      : try runtime.isolate.scope { s in
        try self.kind(of: path, source: { source }, scope: s, compiled: { compiled = Persistent($0, in: s) })
      }
    switch kind {
    case .commonjs:
      return try runtime.isolate.scope { s in
        let fn = try compiled?.get(s) ?? s.compileFunction(source, name: path, params: ModuleLoader.wrapperParams)
        let exports: Local
        do {
          exports = try s.callCore(.commonjs, [fn, s.string(path), s.string(Path.dirname(path))])
        } catch let error as JSError {
          // Caught here, not in JS, where V8 still knows the line it was thrown from.
          guard let handled = try runtime.mainThrew(s, s.lastException, arrow: ErrorArrow.text(s)) else { throw error }
          exports = handled
        }
        try s.callCore(.afterMacrotask)
        return Persistent(exports, in: s)
      }
    case .module:
      let (module, evaluation) = try runtime.isolate.scope { s -> (Persistent, Persistent) in
        let m = try load(path, source: source, scope: s)
        try s.instantiate(m)
        // --inspect-brk: the debugger stops at the first statement the module graph runs (Node's
        // callAndPauseOnStart around the entry's evaluation).
        if NodeOptions.current?.inspectBrk == true { runtime.isolate.inspectorPauseOnNextStatement() }
        // The main program's is not marked handled: its rejection is the runtime's unhandled
        // rejection, as Node reports an ES module entry's error ('unhandledRejection'
        // listeners, then fatally).
        let p = try s.evaluate(m)
        if !asMain { s.markHandled(p) }
        try s.callCore(.afterMacrotask)
        return (Persistent(m, in: s), Persistent(p, in: s))
      }
      let pending = try runtime.isolate.scope { s in s.promiseState(evaluation.get(s)) == .pending }
      if pending { try runtime.runLoop() }
      return try runtime.isolate.scope { s in
        let p = evaluation.get(s)
        switch s.promiseState(p) {
        case .rejected:
          guard asMain else { throw s.jsError(s.promiseResult(p)) }
          // Reported already (above); a listener took it, and the program goes on.
          return Persistent(s.object(), in: s)
        case .pending:
          throw JSError(message: "\(path): top-level await never finished (the event loop ran out of work)")
        case .fulfilled: return Persistent(s.moduleNamespace(module.get(s)), in: s)
        }
      }
    }
  }

  /// The one answer to "is this file CommonJS?", for the entry file and every import: `.mjs`
  /// and `.cjs` decide; then the "type" of the nearest package.json, read by the runtime's
  /// package reader (a real JSON parse, the one `require()` uses); with no "type", as Node 22,
  /// CommonJS unless the source only parses as a module. A source with another syntax error is
  /// CommonJS here: compiling it as such reports the error.
  private func kind(
    of path: String, source: () throws -> String, scope s: Scope, compiled: (Local) -> Void = { _ in }
  ) throws -> Kind {
    if path.hasSuffix(".mjs") { return .module }
    if path.hasSuffix(".cjs") { return .commonjs }
    let type = try s.callCore(.packageType, [s.string(path)])
    if s.type(type) == .string { return s.string(type) == "module" ? .module : .commonjs }
    do {
      compiled(try s.compileFunction(try source(), name: path, params: ModuleLoader.wrapperParams))
      return .commonjs
    } catch let e as JSError {
      return ModuleLoader.needsModuleSyntax(e) ? .module : .commonjs
    }
  }

  // MARK: the graph

  /// Compiles the module at `path` and, recursively, everything it imports.
  private func load(_ path: String, source: String? = nil, scope s: Scope, importedFrom: String? = nil) throws -> Local {
    if let r = byKey[path] { return r.module.get(s) }
    let url = ModuleLoader.fileURL(path)
    let m: Local
    // An import is CommonJS only as a .js or .cjs file (JSON and the rest have loaders of their own).
    if importedFrom != nil, path.hasSuffix(".js") || path.hasSuffix(".cjs"),
      try kind(of: path, source: { try readSource(path, importedFrom: importedFrom) }, scope: s) == .commonjs
    {
      // An ES module importing CommonJS gets module.exports as `default` and its keys as names.
      let exports = try s.callCore(.cjsLoadForImport, [s.string(path)])
      let values = s.object()
      var names = ["default"]
      s.set(values, "default", exports)
      if s.type(exports) == .object || s.type(exports) == .function {
        for key in s.keys(exports) where key != "default" && ModuleLoader.isIdentifier(key) {
          if let v = s.get(exports, key) { s.set(values, key, v) }
          names.append(key)
        }
      }
      m = s.syntheticModule(name: url, exportNames: names, values: values)
    } else if path.hasSuffix(".json") {
      let text = try source ?? readSource(path, importedFrom: importedFrom)
      let value: Local
      do { value = try s.jsonParse(text) } catch { throw JSError(message: "\(path): invalid JSON module") }
      let values = s.object()
      s.set(values, "default", value)
      m = s.syntheticModule(name: url, exportNames: ["default"], values: values)
    } else {
      m = try s.compileModule(try source ?? readSource(path, importedFrom: importedFrom), name: url)
    }
    register(Record(key: path, url: url, module: Persistent(m, in: s)), hash: s.moduleHash(m))
    for specifier in s.moduleRequests(m) {
      let key = try resolve(specifier, from: path, scope: s)
      if key.hasPrefix("node:") {
        _ = try builtin(key, scope: s)
      } else {
        _ = try load(key, scope: s, importedFrom: path)
      }
    }
    return m
  }

  /// A CommonJS compile error that means "this is an ES module".
  static func needsModuleSyntax(_ e: JSError) -> Bool {
    [
      "Cannot use import statement outside a module", "Unexpected token 'export'",
      "Cannot use 'import.meta' outside a module", "await is only valid in async functions",
    ].contains { e.message.contains($0) }
  }

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first == "$" || first.properties.isAlphabetic else { return false }
    return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
  }

  private func builtin(_ key: String, scope s: Scope) throws -> Local {
    if let r = byKey[key] { return r.module.get(s) }
    let values = try s.callCore(.builtinExports, [s.string(key)])  // with `node:`, for node:test
    let m = s.syntheticModule(name: key, exportNames: s.keys(values), values: values)
    register(Record(key: key, url: key, module: Persistent(m, in: s)), hash: s.moduleHash(m))
    return m
  }

  private func register(_ r: Record, hash: Int32) {
    byKey[r.key] = r
    byHash[hash, default: []].append(r)
  }

  /// The record of a module V8 hands back: its identity hash narrows the search (hashes collide),
  /// handle identity decides.
  private func record(of module: Local, scope s: Scope) -> Record? {
    byHash[s.moduleHash(module)]?.first { s.sameModule($0.module.get(s), module) }
  }

  /// Resolves an import specifier to a path, or to "node:<id>" for builtins.
  func resolve(_ specifier: String, from parent: String, scope s: Scope) throws -> String {
    if specifier.hasPrefix("node:") || isBuiltin(specifier, scope: s) {
      let id = specifier.hasPrefix("node:") ? String(specifier.dropFirst(5)) : specifier
      // Asked with its prefix: `node:test` is a builtin, bare `test` is not.
      guard isBuiltin(specifier, scope: s) else {
        throw JSError(
          message: "No such built-in module: \(specifier) (imported from \(parent))",
          value: .object([("code", .string("ERR_UNKNOWN_BUILTIN_MODULE"))]))
      }
      return "node:" + id
    }
    var path: String
    if specifier.hasPrefix("file://") {
      path = ModuleLoader.pathFromFileURL(specifier)
    } else if specifier.hasPrefix("/") {
      path = specifier
    } else if specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == ".." {
      path = Path.join(Path.dirname(parent), specifier)
    } else {
      do {
        return try s.string(s.callCore(.resolveBare, [s.string(specifier), s.string(parent)]))
      } catch let e as JSError {
        let code = e.value["code"]?.stringValue
        if code == "MODULE_NOT_FOUND" {
          throw JSError(
            message: "Cannot find package '\(specifier)' imported from \(parent)",
            value: .object([("code", .string("ERR_MODULE_NOT_FOUND"))]))
        }
        throw e
      }
    }
    path = Path.normalize(path)
    readLog?.record(path, .metadata)
    guard FileSystem.isFile(path) else {
      throw JSError(
        message: "Cannot find module '\(path)' imported from \(parent)",
        value: .object([("code", .string("ERR_MODULE_NOT_FOUND"))]))
    }
    return path
  }

  private func isBuiltin(_ id: String, scope s: Scope) -> Bool {
    guard let v = try? s.callCore(.isBuiltin, [s.string(id)]) else { return false }
    return s.bool(v)
  }

  private func readSource(_ path: String, importedFrom: String?) throws -> String {
    readLog?.record(path, .contents)
    if let sandbox, let denied = sandbox.refusesToRead(path) {
      throw JSError(message: "\(sandboxName) may not \(denied.reason)", value: .object([("code", .string(denied.code))]))
    }
    guard let text = try FileSystem.readString(path) else {
      let from = importedFrom.map { " imported from \($0)" } ?? ""
      throw JSError(message: "Cannot find module '\(path)'\(from)", value: .object([("code", .string("ERR_MODULE_NOT_FOUND"))]))
    }
    return text
  }

  // MARK: V8 callbacks

  func resolveForV8(_ specifier: String, referrer: Local, scope s: Scope, runtime: Runtime) -> Local? {
    guard let parent = record(of: referrer, scope: s) else {
      s.throwValue(s.error("fe: import of '\(specifier)' from a module fe did not load"))
      return nil
    }
    do {
      let key = try resolve(specifier, from: parent.key, scope: s)
      if let r = byKey[key] { return r.module.get(s) }
      return key.hasPrefix("node:") ? try builtin(key, scope: s) : try load(key, scope: s, importedFrom: parent.key)
    } catch let e as JSError {
      s.throwValue(errorValue(e, scope: s))
      return nil
    } catch {
      s.throwValue(s.error("\(error)"))
      return nil
    }
  }

  func fillImportMeta(_ module: Local, meta: Local, scope s: Scope) {
    guard let r = record(of: module, scope: s), !r.key.hasPrefix("node:") else { return }
    s.set(meta, "url", s.string(r.url))
    s.set(meta, "filename", s.string(r.key))
    s.set(meta, "dirname", s.string(Path.dirname(r.key)))
    if let resolve = try? s.callCore(.importMetaResolve, [s.string(r.url)]) { s.set(meta, "resolve", resolve) }
  }

  func dynamicImport(_ specifier: String, referrer: String, scope s: Scope, runtime: Runtime) -> Local? {
    let resolver = s.resolver()
    let held = Persistent(resolver, in: s)
    // Code without a file (-e's [eval], the REPL's REPL1, a vm script's name) imports relative to
    // the directory the program started in, as Node's evalScript does (its module's filename),
    // even after a process.chdir().
    let parent =
      referrer.hasPrefix("file://")
      ? ModuleLoader.pathFromFileURL(referrer)
      : referrer.hasPrefix("/") ? referrer : Path.join(startDirectory, referrer.isEmpty ? "[eval]" : referrer)
    // import() is asynchronous by spec: load on the next loop turn, never inside V8's callback.
    runtime.loop.retain()
    runtime.loop.post { s in
      let resolver = held.get(s)
      do {
        let key = try self.resolve(specifier, from: parent, scope: s)
        let m = key.hasPrefix("node:") ? try self.builtin(key, scope: s) : try self.load(key, scope: s, importedFrom: parent)
        try s.instantiate(m)
        let evaluation = try s.evaluate(m)
        s.resolve(resolver, try s.callCore(.namespaceAfter, [evaluation, s.moduleNamespace(m)]))
      } catch let e as JSError {
        s.reject(resolver, self.errorValue(e, scope: s))
      }
    }
    return s.promise(of: resolver)
  }

  /// A JS error object for a loader failure (the original JS value when there was one).
  private func errorValue(_ e: JSError, scope s: Scope) -> Local {
    let err = s.error(e.message)
    if case .string(let code)? = e.value["code"] { s.set(err, "code", s.string(code)) }
    return err
  }

  // MARK: file URLs

  static func fileURL(_ path: String) -> String {
    var out = "file://"
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "@"),
        UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "$"),
        UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ";"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".utf8)
        out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
      }
    }
    return out
  }

  static func pathFromFileURL(_ url: String) -> String {
    var rest = Substring(url.dropFirst("file://".count))
    if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
    if let q = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<q] }
    var bytes: [UInt8] = []
    var it = Array(rest.utf8).makeIterator()
    while let b = it.next() {
      if b == UInt8(ascii: "%"), let h = it.next(), let l = it.next(), let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
        bytes.append(v)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

enum ModuleOps {
  static let all: [Op] = [
    // (source, filename, decorate?) → Node's module wrapper function of a CommonJS file; a
    // SyntaxError throws, given to decorate(error, arrow) first (ErrorArrow).
    Op("op_compile_cjs", needs: .read) { _, call in
      do {
        call.returns(try call.scope.compileFunction(call.string(0), name: call.string(1), params: ModuleLoader.wrapperParams))
      } catch is JSError {
        let error = call.scope.lastException
        ErrorArrow.decorate(call.scope, error, with: call.arg(2))
        call.throwing(error)  // the SyntaxError itself, with its location
      } catch {
        call.throwing(call.scope.error("\(error)"))
      }
    },
    Op("op_module_resolve", needs: .read) { rt, call in
      let parent = ModuleLoader.pathFromFileURL(call.string(1))
      do {
        let key = try rt.modules.resolve(call.string(0), from: parent, scope: call.scope)
        call.returns(key.hasPrefix("node:") ? key : ModuleLoader.fileURL(key))
      } catch let e as JSError {
        let err = call.scope.error(e.message)
        if case .string(let code)? = e.value["code"] { call.scope.set(err, "code", call.scope.string(code)) }
        call.throwing(err)
      } catch {
        call.throwing(call.scope.error("\(error)"))
      }
    },
  ]
}
