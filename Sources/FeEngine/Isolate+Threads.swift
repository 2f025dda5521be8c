import CFeV8

#if canImport(Glibc)
  import Glibc
#endif

/// What an isolate needs once several run in one process (worker threads) and what node:v8
/// reports about it.
extension Isolate {
  /// Runs the V8 platform's pending foreground tasks for this isolate (FinalizationRegistry
  /// callbacks, Atomics.waitAsync settlements): V8 queues them, the embedder must run them.
  public func pumpPlatformTasks() { fe_rt_pump_tasks(rt) }

  func keepThrown(_ e: Local, in scope: Scope) {
    if let lastThrown { fe_ref_free(lastThrown) }
    lastThrown = fe_ref_new(scope.rt, e.raw)
  }

  /// The last exception that reached Swift as a `JSError`, once (a worker's uncaught error).
  public func takeLastThrown(_ scope: Scope) -> Local? {
    guard let ref = lastThrown else { return nil }
    lastThrown = nil
    defer { fe_ref_free(ref) }
    return Local(fe_ref_get(scope.rt, ref))
  }

  /// v8.getHeapStatistics() in Node's order (see `fe_rt_heap_statistics`).
  public var fullHeapStatistics: [Double] {
    var out = [Double](repeating: 0, count: Int(FE_HEAP_STAT_COUNT))
    out.withUnsafeMutableBufferPointer { fe_rt_heap_statistics(rt, $0.baseAddress) }
    return out
  }

  /// code_and_metadata_size, bytecode_and_metadata_size, external_script_source_size,
  /// cpu_profiler_metadata_size.
  public var heapCodeStatistics: [Double] {
    var out = [Double](repeating: 0, count: 4)
    out.withUnsafeMutableBufferPointer { fe_rt_heap_code_statistics(rt, $0.baseAddress) }
    return out
  }

  /// From now on, where objects are allocated is recorded for heap snapshots.
  public func trackHeapObjects() { fe_rt_track_heap_objects(rt) }

  /// V8's heap snapshot as JSON, or nil.
  public func heapSnapshot() -> [UInt8]? {
    var size = 0
    guard let data = fe_rt_heap_snapshot(rt, &size) else { return nil }
    defer { free(data) }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}

extension Scope {
  /// Rows of [space_name, space_size, space_used_size, space_available_size, physical_space_size].
  public func heapSpaceStatistics() -> Local { Local(fe_rt_heap_space_statistics(rt)) }
}

extension Engine {
  public static var cachedDataVersionTag: UInt32 { fe_v8_cached_data_version_tag() }
  /// v8.setFlagsFromString: process-wide, as in Node.
  public static func setFlags(_ flags: String) {
    var f = flags
    f.withUTF8 { fe_v8_set_flags(UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count) }
  }
}
