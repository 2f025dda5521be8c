import CFeV8

#if canImport(Glibc)
  import Glibc
#endif

/// What an isolate asks of its embedder: native ops and module loading. FeRuntime implements it.
public protocol IsolateDelegate: AnyObject {
  func isolate(_ isolate: Isolate, op index: Int, call: OpCall)
  /// Returns the module for `specifier` imported by the module `referrer`, or nil after
  /// throwing in `scope`.
  func isolate(_ isolate: Isolate, resolve specifier: String, referrer: Local, scope: Scope) -> Local?
  func isolate(_ isolate: Isolate, importMetaFor module: Local, meta: Local, scope: Scope)
  /// Returns a promise for `import(specifier)` from the script or module named `referrer`;
  /// `vmHost` is the vm host id that code was compiled with (0: none, see `Scope.run`), and
  /// `assertions` the import's assertions as an object.
  func isolate(
    _ isolate: Isolate, dynamicImport specifier: String, referrer: String, vmHost: Int, assertions: Local, scope: Scope
  ) -> Local?
}

/// One V8 isolate with its single context: the one owner of a `fe_rt`.
///
/// Only the thread that created it may use it; `terminate()` is the exception.
public final class Isolate {
  let rt: OpaquePointer
  public weak var delegate: IsolateDelegate?
  /// Keeps the snapshot's memory alive: V8 reads it lazily and never copies it.
  private let snapshotOwner: AnyObject?
  public let isSnapshotBuilder: Bool
  /// The inspector's transport (Inspector.swift), kept while the shim holds a pointer to it.
  var inspectorTransport: AnyObject?

  /// Memory caps for an isolate that runs untrusted code (fe.config.js).
  public struct Limits: Sendable {
    /// The JS heap: past it, execution is terminated and `limitReached` is `.heap`.
    public var heapBytes: Int
    /// Bytes held by ArrayBuffers (Buffers, typed arrays): past it an allocation fails (a RangeError).
    public var externalBytes: Int
    /// A worker's `resourceLimits` (0: V8's default), and the lowest stack address its JS may
    /// use (the worker thread's own stack; nil: V8 takes it from the creating thread).
    public var oldGenerationBytes = 0
    public var youngGenerationBytes = 0
    public var codeRangeBytes = 0
    public var stackLimit: UInt = 0
    /// Near V8's own heap limit, terminate (`limitReached == .heap`) instead of aborting the
    /// process: a worker that runs out of memory ends alone.
    public var stopAtHeapLimit = false
    public init(heapBytes: Int, externalBytes: Int) {
      self.heapBytes = heapBytes
      self.externalBytes = externalBytes
    }
  }

  public enum LimitReached: Sendable { case heap, external }

  /// Boots from `snapshot` (whose memory `owner` keeps alive), or empty when nil.
  /// `forSnapshot` makes an isolate whose heap `createSnapshot()` can serialise.
  public init(snapshot: UnsafeRawBufferPointer? = nil, owner: AnyObject? = nil, forSnapshot: Bool = false, limits: Limits? = nil) {
    Engine.initialize()
    let box = WeakBox()
    self.snapshotOwner = owner
    self.isSnapshotBuilder = forSnapshot
    // The shim hands `host` back on every callback; the box is filled right after init.
    let host = Unmanaged.passRetained(box).toOpaque()
    // Callers check images with Engine.isValidSnapshot first; one without sources is V8's alone.
    let image = snapshot.map { SnapshotImage.parse($0).map { (v8: $0.v8, sources: $0.sources) } ?? (v8: $0, sources: []) }
    var caps = fe_limits(
      heap_bytes: limits?.heapBytes ?? 0, external_bytes: limits?.externalBytes ?? 0,
      old_generation_bytes: limits?.oldGenerationBytes ?? 0, young_generation_bytes: limits?.youngGenerationBytes ?? 0,
      code_range_bytes: limits?.codeRangeBytes ?? 0, stack_limit: UnsafeRawPointer(bitPattern: limits?.stackLimit ?? 0), stop_at_heap_limit: limits?.stopAtHeapLimit ?? false)
    let made = (image?.sources ?? []).withUnsafeBufferPointer { sources in
      withUnsafePointer(to: &caps) { capped in
        fe_rt_new(
          image?.v8.baseAddress, image?.v8.count ?? 0, sources.baseAddress, sources.count, forSnapshot, limits == nil ? nil : capped, host)
      }
    }
    guard let rt = made else { fatalError("V8 could not create an isolate") }
    self.rt = rt
    self.hostBox = host
    box.isolate = self
  }

  private let hostBox: UnsafeMutableRawPointer

  /// The last exception that reached Swift (`Scope.check`), for a host that must pass the value
  /// itself on (a worker's uncaught error goes to its parent). A raw handle, not a `Persistent`:
  /// that would keep this isolate alive.
  var lastThrown: fe_ref?

  deinit {
    if let lastThrown { fe_ref_free(lastThrown) }
    fe_rt_dispose(rt)
    Unmanaged<WeakBox>.fromOpaque(hostBox).release()
  }

  static func from(_ host: UnsafeMutableRawPointer?) -> Isolate {
    guard let host, let isolate = Unmanaged<WeakBox>.fromOpaque(host).takeUnretainedValue().isolate else {
      fatalError("a V8 callback arrived for an isolate that no longer exists")
    }
    return isolate
  }

  /// Runs the runtime's bootstrap `(function (ops) { … return core })` with the named ops.
  /// `codeCache`: V8's code cache of the same source (`bootstrapCodeCache()`), whose compiled
  /// functions then come with their bytecode; ignored if V8 rejects it.
  public func bootstrap(source: String, name: String, ops: [String], codeCache: [UInt8]? = nil) throws {
    var cNames = ops.map { strdup($0) }
    defer { cNames.forEach { free($0) } }
    let status = cNames.withUnsafeMutableBufferPointer { names in
      names.withMemoryRebound(to: UnsafePointer<CChar>?.self) { ptrs in
        var src = source
        return src.withUTF8 { text in
          func run(_ cache: UnsafeBufferPointer<UInt8>?) -> fe_status {
            fe_rt_bootstrap(rt, text.baseAddress, text.count, name, ptrs.baseAddress, ops.count, cache?.baseAddress, cache?.count ?? 0)
          }
          return codeCache.map { $0.withUnsafeBufferPointer { run($0) } } ?? run(nil)
        }
      }
    }
    if status != FE_OK {
      try scope { scope in try scope.check(status) }
    }
  }

  /// V8's code cache of the bootstrap function with every function compiled so far, or nil.
  public func bootstrapCodeCache() -> [UInt8]? {
    var size = 0
    guard let data = fe_rt_bootstrap_code_cache(rt, &size) else { return nil }
    defer { free(data) }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Serialises the heap into a snapshot image (bytecode kept, large sources beside V8's data:
  /// see SnapshotImage). The isolate is unusable after.
  public func createSnapshot() throws -> [UInt8] {
    // A value kept for a rethrow (keepThrown) is a global handle, which V8 cannot serialise:
    // a build that caught an exception (a file of a package image that does not compile) would abort.
    if let lastThrown {
      fe_ref_free(lastThrown)
      self.lastThrown = nil
    }
    var size = 0
    guard let data = fe_rt_create_snapshot(rt, &size) else {
      throw JSError(message: "V8 could not serialise the heap into a snapshot")
    }
    defer { free(data) }
    var sources = [fe_source](repeating: fe_source(), count: Int(FE_SOURCE_SLOTS))
    let count = sources.withUnsafeMutableBufferPointer { fe_rt_snapshot_sources(rt, $0.baseAddress, $0.count) }
    return SnapshotImage.compose(v8: UnsafeBufferPointer(start: data, count: size), sources: Array(sources.prefix(count)))
  }

  /// Enters a handle scope and the context. Every `Local` made inside dies with it.
  public func scope<T>(_ body: (Scope) throws -> T) throws -> T {
    var result: Result<T, Error>?
    withoutActuallyEscaping(body) { body in
      var ctx = ScopeContext(body: { scope in
        do { result = .success(try body(scope)) } catch { result = .failure(error) }
      })
      withUnsafeMutablePointer(to: &ctx) { ptr in
        fe_rt_scope(
          rt,
          { raw, rt in
            guard let raw, let rt else { return }
            raw.assumingMemoryBound(to: ScopeContext.self).pointee.body(Scope(rt: rt))
          }, ptr)
      }
    }
    guard let result else { throw JSError(message: "the isolate has no context") }
    return try result.get()
  }

  /// V8's heap: total and used size and external memory, in bytes (process.memoryUsage()).
  public var heapStatistics: (total: Double, used: Double, external: Double) {
    var total = 0.0
    var used = 0.0
    var external = 0.0
    fe_rt_heap_stats(rt, &total, &used, &external)
    return (total, used, external)
  }

  /// Stops running JavaScript as soon as possible. Safe from any thread.
  public func terminate() { fe_rt_terminate(rt) }
  public func cancelTermination() { fe_rt_cancel_terminate(rt) }
  public var isTerminating: Bool { fe_rt_is_terminating(rt) }
  /// The embedder waits for work (the CPU profiler's "(idle)"), or runs again. The isolate's thread.
  public func setIdle(_ idle: Bool) { fe_rt_set_idle(rt, idle) }
  /// Which of the isolate's `Limits` was reached first, if any.
  public var limitReached: LimitReached? {
    switch fe_rt_limit_reached(rt) {
    case FE_LIMIT_HEAP: return .heap
    case FE_LIMIT_EXTERNAL: return .external
    default: return nil
    }
  }

  // MARK: callbacks from the shim

  func dispatchOp(_ op: UInt32, _ call: OpaquePointer?) {
    guard let call else { return }
    delegate?.isolate(self, op: Int(op), call: OpCall(call))
  }

  func resolveModule(_ specifier: fe_val?, _ referrer: fe_val?) -> fe_val? {
    let scope = Scope(rt: rt)
    guard let specifier, let referrer, let delegate else { return nil }
    return delegate.isolate(self, resolve: scope.string(Local(specifier)), referrer: Local(referrer), scope: scope)?.raw
  }

  func initializeImportMeta(_ module: fe_val?, _ meta: fe_val?) {
    guard let module, let meta else { return }
    delegate?.isolate(self, importMetaFor: Local(module), meta: Local(meta), scope: Scope(rt: rt))
  }

  func dynamicImport(_ specifier: fe_val?, _ referrer: fe_val?, vmHost: Int, assertions: fe_val?) -> fe_val? {
    let scope = Scope(rt: rt)
    guard let specifier, let delegate else { return nil }
    let from = referrer.map { scope.string(Local($0)) } ?? ""
    return delegate.isolate(
      self, dynamicImport: scope.string(Local(specifier)), referrer: from, vmHost: vmHost,
      assertions: assertions.map(Local.init) ?? scope.object(), scope: scope)?.raw
  }
}

private final class WeakBox {
  weak var isolate: Isolate?
}

private struct ScopeContext {
  var body: (Scope) -> Void
}

/// A V8 value handle (Local). Valid only inside the scope or op call that produced it.
public struct Local {
  public let raw: fe_val
  init(_ raw: fe_val) { self.raw = raw }
}

/// A persistent handle (Global) that outlives scopes; free it with `release()`.
public final class Persistent {
  let ref: fe_ref
  /// A Global must be reset before its isolate is disposed: holding the isolate ensures that.
  private let isolate: Isolate
  public init(_ value: Local, in scope: Scope) {
    ref = fe_ref_new(scope.rt, value.raw)
    isolate = Isolate.from(fe_rt_host(scope.rt))
  }
  public func get(_ scope: Scope) -> Local { Local(fe_ref_get(scope.rt, ref)) }
  deinit { fe_ref_free(ref) }
}
