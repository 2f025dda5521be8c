import CFeV8

/// What one garbage collection did (`fe_gc_record`): Node's 'gc' performance entries and
/// v8.GCProfiler are made from these.
public struct GCRecord: Sendable {
  /// V8's GCType bit (Node's NODE_PERFORMANCE_GC_* kinds are the same bits) and GCCallbackFlags.
  public let kind: Int
  public let flags: Int
  /// CLOCK_MONOTONIC nanoseconds.
  public let startNs: Double
  public let endNs: Double
  /// Heap statistics before and after (`fullHeapStatistics`' order), then per heap space
  /// (`heapSpaceStatistics`' rows) its size, used, available and physical size.
  public let before: [Double]
  public let after: [Double]
  public let spacesBefore: [[Double]]
  public let spacesAfter: [[Double]]
}

extension Isolate {
  /// While on, every collection of this isolate is recorded until `takeGCRecords()`.
  public func trackGC(_ on: Bool) { fe_rt_track_gc(rt, on) }

  /// The collections recorded since the last call, oldest first.
  public func takeGCRecords() -> [GCRecord] {
    var out: [GCRecord] = []
    var batch = [fe_gc_record](repeating: fe_gc_record(), count: 64)
    while true {
      let n = batch.withUnsafeMutableBufferPointer { fe_rt_take_gc_records(rt, $0.baseAddress, $0.count) }
      for r in batch.prefix(n) { out.append(GCRecord(r)) }
      if n < batch.count { return out }
    }
  }
}

extension GCRecord {
  /// How many numbers `flat` holds: kind, flags, start and end (ns), heap statistics before and
  /// after, then FE_GC_SPACE_MAX rows of 4 per space before and after.
  public static let flatCount = 4 + 2 * Int(FE_HEAP_STAT_COUNT) + 2 * 4 * Int(FE_GC_SPACE_MAX)

  public var flat: [Double] {
    [Double(kind), Double(flags), startNs, endNs] + before + after + Array(spacesBefore.joined()) + Array(spacesAfter.joined())
  }

  init(_ r: fe_gc_record) {
    func doubles<T>(_ tuple: T) -> [Double] {
      withUnsafeBytes(of: tuple) { Array($0.bindMemory(to: Double.self)) }
    }
    func rows<T>(_ tuple: T) -> [[Double]] {
      let flat = doubles(tuple)
      return stride(from: 0, to: flat.count, by: 4).map { Array(flat[$0..<$0 + 4]) }
    }
    self.init(
      kind: Int(r.kind), flags: Int(r.flags), startNs: r.start_ns, endNs: r.end_ns, before: doubles(r.before),
      after: doubles(r.after), spacesBefore: rows(r.spaces_before), spacesAfter: rows(r.spaces_after))
  }
}
