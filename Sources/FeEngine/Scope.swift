import CFeV8

#if canImport(Glibc)
  import Glibc
#endif

/// The value operations available while a handle scope is open (`Isolate.scope`, op calls and
/// module callbacks). A `Scope` is a view, not an owner: it must not be kept past its callback.
public struct Scope {
  let rt: OpaquePointer

  public enum ValueType: UInt32 {
    case undefined = 0
    case null, boolean, number, bigint, string, symbol, function, array, bytes, promise, object
  }

  public enum PromiseState: UInt32 {
    case pending = 0
    case fulfilled, rejected
  }

  public enum ModuleStatus: UInt32 {
    case uninstantiated = 0
    case instantiating, instantiated, evaluating, evaluated, errored
  }

  // MARK: making values

  public var undefined: Local { Local(fe_undefined(rt)) }
  public var null: Local { Local(fe_null(rt)) }
  public var core: Local { Local(fe_rt_core(rt)) }
  public var global: Local { Local(fe_rt_global(rt)) }
  public func bool(_ b: Bool) -> Local { Local(fe_bool(rt, b)) }
  public func number(_ d: Double) -> Local { Local(fe_number(rt, d)) }
  public func string(_ s: String) -> Local {
    var s = s
    return s.withUTF8 { Local(fe_string(rt, $0.baseAddress, $0.count)) }
  }
  public func object() -> Local { Local(fe_object_new(rt)) }
  public func array(_ count: Int = 0) -> Local { Local(fe_array_new(rt, count)) }
  public func bytes(_ b: UnsafeRawBufferPointer) -> Local { Local(fe_bytes_new(rt, b.baseAddress, b.count)) }
  public func bytes(_ b: [UInt8]) -> Local { b.withUnsafeBytes { bytes($0) } }
  public func float64Array(_ values: [Double]) -> Local {
    values.withUnsafeBufferPointer { Local(fe_float64_array_new(rt, $0.baseAddress, $0.count)) }
  }
  public func error(_ message: String) -> Local {
    var m = message
    return m.withUTF8 { Local(fe_error_new(rt, $0.baseAddress, $0.count)) }
  }
  public func typeError(_ message: String) -> Local {
    var m = message
    return m.withUTF8 { Local(fe_type_error_new(rt, $0.baseAddress, $0.count)) }
  }

  /// Swift data to a JS value.
  public func make(_ value: JSValue) -> Local {
    switch value {
    case .undefined: return undefined
    case .null: return null
    case .bool(let b): return bool(b)
    case .number(let d): return number(d)
    case .string(let s): return string(s)
    case .bytes(let b): return bytes(b)
    case .array(let items):
      let arr = array(items.count)
      for (i, item) in items.enumerated() { _ = fe_array_set(rt, arr.raw, UInt32(i), make(item).raw) }
      return arr
    case .object(let entries):
      let obj = object()
      for (k, v) in entries { _ = fe_object_set(rt, obj.raw, string(k).raw, make(v).raw) }
      return obj
    }
  }

  // MARK: reading values

  public func type(_ v: Local) -> ValueType { ValueType(rawValue: fe_val_type(rt, v.raw).rawValue) ?? .object }
  public func bool(_ v: Local) -> Bool { fe_val_bool(rt, v.raw) }
  public func number(_ v: Local) -> Double { fe_val_number(rt, v.raw) }
  /// ToString of any value, as UTF-8.
  public func string(_ v: Local) -> String {
    var len = 0
    guard let p = fe_val_utf8(rt, v.raw, &len) else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
  }
  public func withBytes<T>(_ v: Local, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    var len = 0
    let p = fe_val_bytes(rt, v.raw, &len)
    return try body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : len))
  }
  public func strictEquals(_ a: Local, _ b: Local) -> Bool { fe_val_strict_equals(rt, a.raw, b.raw) }

  /// A JS value as Swift data. Functions and symbols become `undefined`. A value that refers
  /// back to an object on its own path is cut there, and at most `budget` values are visited in
  /// all, so a hostile value (cycles, a wide DAG of shared objects) cannot hang the launcher.
  public func toSwift(_ v: Local, depth: Int = 64, budget: Int = 100_000) -> JSValue {
    var remaining = budget
    var path: [Int32] = []
    return convert(v, depth: depth, remaining: &remaining, path: &path)
  }

  private func convert(_ v: Local, depth: Int, remaining: inout Int, path: inout [Int32]) -> JSValue {
    remaining -= 1
    switch type(v) {
    case .undefined, .function, .symbol: return .undefined
    case .null: return .null
    case .boolean: return .bool(bool(v))
    case .number: return .number(number(v))
    case .bigint, .string: return .string(string(v))
    case .bytes: return .bytes(withBytes(v) { Array($0) })
    case .promise: return .object([])
    case .array, .object:
      let id = fe_object_identity(rt, v.raw)
      let isArray = type(v) == .array
      guard depth > 0, remaining > 0, !path.contains(id) else { return isArray ? .array([]) : .object([]) }
      path.append(id)
      defer { path.removeLast() }
      if isArray {
        let n = fe_array_length(rt, v.raw)
        var items: [JSValue] = []
        for i in 0..<n where remaining > 0 {
          items.append(
            fe_array_get(rt, v.raw, i).map { convert(Local($0), depth: depth - 1, remaining: &remaining, path: &path) } ?? .undefined)
        }
        return .array(items)
      }
      let keys = Local(fe_object_keys(rt, v.raw))
      var entries: [(String, JSValue)] = []
      for i in 0..<fe_array_length(rt, keys.raw) where remaining > 0 {
        guard let k = fe_array_get(rt, keys.raw, i) else { continue }
        let value =
          fe_object_get(rt, v.raw, k).map { convert(Local($0), depth: depth - 1, remaining: &remaining, path: &path) } ?? .undefined
        entries.append((string(Local(k)), value))
      }
      return .object(entries)
    }
  }

  // MARK: objects

  public func get(_ obj: Local, _ key: String) -> Local? { fe_object_get_named(rt, obj.raw, key).map(Local.init) }
  public func get(_ obj: Local, _ key: Local) -> Local? { fe_object_get(rt, obj.raw, key.raw).map(Local.init) }
  @discardableResult
  public func set(_ obj: Local, _ key: String, _ value: Local) -> Bool { fe_object_set_named(rt, obj.raw, key, value.raw) }
  public func keys(_ obj: Local) -> [String] {
    let keys = Local(fe_object_keys(rt, obj.raw))
    return (0..<fe_array_length(rt, keys.raw)).compactMap { fe_array_get(rt, keys.raw, $0).map { string(Local($0)) } }
  }
  public func length(_ arr: Local) -> Int { Int(fe_array_length(rt, arr.raw)) }
  public func element(_ arr: Local, _ i: Int) -> Local? { fe_array_get(rt, arr.raw, UInt32(i)).map(Local.init) }
  @discardableResult
  public func set(_ arr: Local, _ index: Int, _ value: Local) -> Bool { fe_array_set(rt, arr.raw, UInt32(index), value.raw) }
  @discardableResult
  public func append(_ arr: Local, _ value: Local) -> Bool {
    fe_array_set(rt, arr.raw, fe_array_length(rt, arr.raw), value.raw)
  }
  public func jsonParse(_ text: String) throws -> Local {
    var t = text
    if let v = t.withUTF8({ fe_json_parse(rt, $0.baseAddress, $0.count) }) { return Local(v) }
    throw JSError(message: "invalid JSON")
  }
  public func jsonStringify(_ v: Local) -> String? { fe_json_stringify(rt, v.raw).map { string(Local($0)) } }

  // MARK: running code

  public func run(_ source: String, name: String) throws -> Local {
    var out: fe_val?
    var src = source
    let status = src.withUTF8 { fe_script_run(rt, $0.baseAddress, $0.count, name, &out) }
    try check(status)
    return Local(out ?? fe_undefined(rt))
  }

  /// Compiles `source` as the body of `function (params…)`, with exact source positions.
  /// `eager` compiles every inner function now as well (for code kept in a snapshot).
  public func compileFunction(_ source: String, name: String, params: [String], eager: Bool = false) throws -> Local {
    var src = source
    return try compileFunction(params: params) { ptrs, out in
      src.withUTF8 {
        eager
          ? fe_function_compile_eager(rt, $0.baseAddress, $0.count, name, ptrs, params.count, out)
          : fe_function_compile(rt, $0.baseAddress, $0.count, name, ptrs, params.count, out)
      }
    }
  }

  /// The same, from a JS string the compiled function then shares (no copy of the source).
  public func compileFunction(_ source: Local, name: String, params: [String], eager: Bool = false) throws -> Local {
    try compileFunction(params: params) { ptrs, out in
      fe_function_compile_string(rt, source.raw, name, ptrs, params.count, eager, out)
    }
  }

  /// `compile` with the parameter names as C strings and a slot for the function.
  private func compileFunction(
    params: [String], _ compile: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafeMutablePointer<fe_val?>) -> fe_status
  ) throws -> Local {
    var out: fe_val?
    var cParams = params.map { strdup($0) }
    defer { cParams.forEach { free($0) } }
    let status = cParams.withUnsafeMutableBufferPointer { p in
      p.withMemoryRebound(to: UnsafePointer<CChar>?.self) { compile(UnsafePointer($0.baseAddress), &out) }
    }
    try check(status)
    return Local(out ?? fe_undefined(rt))
  }

  @discardableResult
  public func call(_ fn: Local, this: Local? = nil, _ args: [Local] = []) throws -> Local {
    var out: fe_val?
    let raw = args.map { Optional($0.raw) }
    let status = raw.withUnsafeBufferPointer { fe_function_call(rt, fn.raw, this?.raw, args.count, $0.baseAddress, &out) }
    try check(status)
    return Local(out ?? fe_undefined(rt))
  }

  /// Calls `core[name](…args)`.
  @discardableResult
  public func callCore(_ name: String, _ args: [Local] = []) throws -> Local {
    guard let fn = get(core, name), type(fn) == .function else {
      throw JSError(message: "the runtime has no core function \(name)")
    }
    return try call(fn, this: core, args)
  }

  public func construct(_ fn: Local, _ args: [Local] = []) throws -> Local {
    var out: fe_val?
    let raw = args.map { Optional($0.raw) }
    let status = raw.withUnsafeBufferPointer { fe_function_construct(rt, fn.raw, args.count, $0.baseAddress, &out) }
    try check(status)
    return Local(out ?? fe_undefined(rt))
  }

  public func runMicrotasks() { fe_rt_run_microtasks(rt) }
  /// After TZ changed: Date and Intl detect the time zone again.
  public func timeZoneChanged() { fe_rt_timezone_changed(rt) }

  public func throwValue(_ v: Local) { fe_rt_throw(rt, v.raw) }
  /// The exception the last failed call into JS left (to rethrow it unchanged from an op).
  public var lastException: Local { Local(fe_rt_exception(rt)) }

  // MARK: promises

  public func promiseState(_ p: Local) -> PromiseState { PromiseState(rawValue: fe_promise_state_of(rt, p.raw).rawValue) ?? .pending }
  public func promiseResult(_ p: Local) -> Local { Local(fe_promise_result(rt, p.raw)) }
  public func resolver() -> Local { Local(fe_promise_resolver_new(rt)) }
  public func promise(of resolver: Local) -> Local { Local(fe_resolver_promise(rt, resolver.raw)) }
  public func resolve(_ resolver: Local, _ value: Local) { fe_resolver_resolve(rt, resolver.raw, value.raw) }
  public func reject(_ resolver: Local, _ value: Local) { fe_resolver_reject(rt, resolver.raw, value.raw) }
  /// Marks a promise the embedder settles itself as handled, so its rejection is not reported
  /// as unhandled (by V8 or by the runtime's pending list).
  public func markHandled(_ promise: Local) {
    fe_promise_mark_handled(rt, promise.raw)
    if let fn = get(core, "markHandled"), type(fn) == .function { _ = try? call(fn, this: core, [promise]) }
  }

  // MARK: modules

  public func compileModule(_ source: String, name: String) throws -> Local {
    var out: fe_val?
    var src = source
    let status = src.withUTF8 { fe_module_compile(rt, $0.baseAddress, $0.count, name, &out) }
    try check(status)
    return Local(out ?? fe_undefined(rt))
  }
  /// A module exporting each own property of `exports` (and `default` when listed).
  public func syntheticModule(name: String, exportNames: [String], values: Local) -> Local {
    let names = array(exportNames.count)
    for (i, n) in exportNames.enumerated() { _ = fe_array_set(rt, names.raw, UInt32(i), string(n).raw) }
    return Local(fe_module_synthetic(rt, name, names.raw, values.raw))
  }
  public func moduleHash(_ m: Local) -> Int32 { Int32(fe_module_hash(rt, m.raw)) }
  public func sameModule(_ a: Local, _ b: Local) -> Bool { fe_module_same(rt, a.raw, b.raw) }
  /// Where V8's promise-rejection events go: a function of (event, promise, reason), or nil.
  public func setPromiseRejectHandler(_ fn: Local?) { fe_rt_set_promise_reject_handler(rt, fn?.raw) }
  /// Each static import's assertions, as objects, in the order of `moduleRequests`.
  public func moduleRequestAssertions(_ m: Local) -> Local { Local(fe_module_request_assertions(rt, m.raw)) }
  public func moduleRequests(_ m: Local) -> [String] {
    let reqs = Local(fe_module_requests(rt, m.raw))
    return (0..<length(reqs)).compactMap { element(reqs, $0).map(string) }
  }
  public func instantiate(_ m: Local) throws { try check(fe_module_instantiate(rt, m.raw)) }
  public func evaluate(_ m: Local) throws -> Local {
    var out: fe_val?
    try check(fe_module_evaluate(rt, m.raw, &out))
    return Local(out ?? fe_undefined(rt))
  }
  public func moduleStatus(_ m: Local) -> ModuleStatus { ModuleStatus(rawValue: fe_module_status_of(rt, m.raw).rawValue) ?? .errored }
  public func moduleNamespace(_ m: Local) -> Local { Local(fe_module_namespace(rt, m.raw)) }
  public func moduleException(_ m: Local) -> Local { Local(fe_module_exception(rt, m.raw)) }

  // MARK: errors

  /// Turns a shim status into a Swift error carrying the JS exception and its location.
  public func check(_ status: fe_status) throws {
    switch status {
    case FE_OK: return
    case FE_TERMINATED: throw JSTerminated()
    default:
      let e = Local(fe_rt_exception(rt))
      Isolate.from(fe_rt_host(rt)).keepThrown(e, in: self)
      throw jsError(e, withLocation: true)
    }
  }

  /// Where V8 says the exception just caught was thrown: 1-based line and column, the 0-based
  /// column just past what it points at (-1 if unknown), and the source line.
  public func exceptionLocation() -> (file: String?, line: Int, column: Int, endColumn: Int, sourceLine: String?)? {
    var file: fe_val?
    var line: Int32 = 0
    var column: Int32 = 0
    var source: fe_val?
    guard fe_rt_exception_location(rt, &file, &line, &column, &source) else { return nil }
    return (
      file.map { string(Local($0)) }, Int(line), Int(column), Int(fe_rt_exception_end_column(rt)),
      source.flatMap { type(Local($0)) == .string ? string(Local($0)) : nil }
    )
  }

  /// A JSError for any thrown value (location only for the exception just caught).
  public func jsError(_ e: Local, withLocation: Bool = false) -> JSError {
    var error = JSError(message: string(e))
    if type(e) == .object || type(e) == .function {
      if let stack = get(e, "stack"), type(stack) == .string { error.stack = string(stack) }
      error.value = toSwift(e, depth: 2)
      // Error's own fields are not enumerable: keep the ones users need.
      if case .object(var entries) = error.value {
        for key in ["name", "message"] where !entries.contains(where: { $0.0 == key }) {
          if let v = get(e, key), type(v) == .string { entries.append((key, .string(string(v)))) }
        }
        error.value = .object(entries)
      }
    }
    if withLocation, let at = exceptionLocation() {
      error.file = at.file
      error.line = at.line
      error.column = at.column
      error.sourceLine = at.sourceLine
    }
    return error
  }
}
