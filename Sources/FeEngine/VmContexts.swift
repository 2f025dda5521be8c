import CFeV8

#if canImport(Glibc)
  import Glibc
#endif

/// Node's vm module on the engine side: second contexts in the same isolate whose global
/// forwards to a sandbox object, scripts and functions compiled into a chosen context, and V8's
/// own answers about a value's kind (util.types).
extension Scope {
  /// A new context whose global reads and writes through to `sandbox`; returns its global.
  public func newContext(sandbox: Local) -> Local? {
    fe_context_new(rt, sandbox.raw).map(Local.init)
  }

  /// vm's codeGeneration: whether code in the context of `global` may compile strings (eval,
  /// new Function) and WebAssembly.
  public func setCodeGeneration(_ global: Local, strings: Bool, wasm: Bool) {
    fe_context_set_code_generation(rt, global.raw, strings, wasm)
  }

  /// vm.measureMemory's promise (V8's web-format result), settled from V8's own tasks.
  public func measureMemory(detailed: Bool, eager: Bool) -> Local? {
    fe_measure_memory(rt, detailed, eager).map(Local.init)
  }

  /// How running code in a context ended. A thrown value is handed back as it is, without
  /// reading it (a JSError would call its getters).
  public enum Outcome {
    case value(Local)
    case threw(Local)
    case terminated
  }

  private func outcome(_ status: fe_status, _ out: fe_val?) -> Outcome {
    switch status {
    case FE_OK: return .value(Local(out ?? fe_undefined(rt)))
    case FE_TERMINATED: return .terminated
    default: return .threw(Local(fe_rt_exception(rt)))
    }
  }

  /// Compiles `source` in the context `global` belongs to (nil: the runtime's own) and runs it
  /// unless `compileOnly`. The script's import() calls reach the delegate with `vmHost`.
  public func run(
    _ source: String, name: String, in global: Local?, lineOffset: Int = 0, columnOffset: Int = 0,
    vmHost: Int = 0, compileOnly: Bool = false
  ) -> Outcome {
    var out: fe_val?
    var src = source
    let status = src.withUTF8 {
      fe_context_run(
        rt, global?.raw, $0.baseAddress, $0.count, name, Int32(clamping: lineOffset),
        Int32(clamping: columnOffset), Int32(clamping: vmHost), compileOnly, &out)
    }
    return outcome(status, out)
  }

  /// Compiles a function body in the context `global` belongs to (nil: the runtime's own), with
  /// parameter names (a JS array) and scope objects (a JS array).
  public func compileFunction(
    _ source: String, name: String, in global: Local?, lineOffset: Int, columnOffset: Int, vmHost: Int = 0,
    params: Local, extensions: Local
  ) -> Outcome {
    var out: fe_val?
    var src = source
    let status = src.withUTF8 {
      fe_context_compile_function(
        rt, global?.raw, $0.baseAddress, $0.count, name, Int32(clamping: lineOffset),
        Int32(clamping: columnOffset), Int32(clamping: vmHost), params.raw, extensions.raw, &out)
    }
    return outcome(status, out)
  }

  /// V8's code cache for a classic script, or nil when it does not compile.
  public func codeCache(_ source: String, name: String) -> [UInt8]? {
    var size = 0
    var src = source
    guard let p = src.withUTF8({ fe_script_code_cache(rt, $0.baseAddress, $0.count, name, &size) }) else { return nil }
    defer { free(p) }
    return Array(UnsafeBufferPointer(start: p, count: size))
  }

  // MARK: vm modules

  /// A source text module for vm (Node's SourceTextModule): its import() calls reach the
  /// delegate with `vmHost`; `cache` is V8's code cache to consume. Returns the module and
  /// whether V8 rejected the cache.
  public func vmModule(
    _ source: String, name: String, lineOffset: Int, columnOffset: Int, vmHost: Int, cache: [UInt8]?
  ) throws -> (module: Local, cacheRejected: Bool) {
    var out: fe_val?
    var rejected = false
    var src = source
    let status = src.withUTF8 { text in
      let compile = { (bytes: UnsafePointer<UInt8>?, count: Int) in
        fe_vm_module_compile(
          rt, text.baseAddress, text.count, name, Int32(clamping: lineOffset), Int32(clamping: columnOffset),
          Int32(clamping: vmHost), bytes, count, &rejected, &out)
      }
      guard let cache else { return compile(nil, 0) }
      return cache.withUnsafeBufferPointer { compile($0.baseAddress, $0.count) }
    }
    try check(status)
    return (Local(out ?? fe_undefined(rt)), rejected)
  }

  /// A synthetic module (Node's SyntheticModule) with `exportNames` (a JS array of strings)
  /// whose evaluation calls `steps`.
  public func vmSyntheticModule(name: String, exportNames: Local, steps: Local) -> Local {
    Local(fe_vm_module_synthetic(rt, name, exportNames.raw, steps.raw))
  }

  public func vmSetExport(_ module: Local, name: Local, value: Local) throws {
    try check(fe_vm_module_set_export(rt, module.raw, name.raw, value.raw))
  }

  /// Instantiates `module` in the context `global` belongs to (nil: the runtime's own).
  public func vmInstantiate(_ module: Local, in global: Local?) throws {
    try check(fe_vm_module_instantiate(rt, global?.raw, module.raw))
  }

  /// Evaluates `module` in the context `global` belongs to: the promise of its evaluation.
  public func vmEvaluate(_ module: Local, in global: Local?) -> Outcome {
    var out: fe_val?
    return outcome(fe_vm_module_evaluate(rt, global?.raw, module.raw, &out), out)
  }

  /// V8's code cache of a source text module, or nil (a synthetic module has none).
  public func vmModuleCodeCache(_ module: Local) -> [UInt8]? {
    var size = 0
    guard let p = fe_vm_module_code_cache(rt, module.raw, &size) else { return nil }
    defer { free(p) }
    return Array(UnsafeBufferPointer(start: p, count: size))
  }

  /// Whether V8 sees `v` as a value of `kind` (an `fe_kind` number, see fe_v8.h).
  public func valueIs(_ v: Local, kind: UInt32) -> Bool {
    fe_val_is(rt, v.raw, fe_kind(rawValue: kind))
  }
}
