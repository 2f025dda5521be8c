import FeEngine

/// node:v8's reports about the isolate and its process-wide settings (JS/38-v8.js).
enum V8Ops {
  static let all: [Op] = [
    Op("op_v8_heap_stats") { rt, call in
      rt.isolate.fullHeapStatistics.withUnsafeBufferPointer { call.returns(float64: $0) }
    },
    Op("op_v8_heap_spaces") { _, call in call.returns(call.scope.heapSpaceStatistics()) },
    Op("op_v8_heap_code_stats") { rt, call in
      rt.isolate.heapCodeStatistics.withUnsafeBufferPointer { call.returns(float64: $0) }
    },
    Op("op_v8_cached_data_version_tag") { _, call in call.returns(Double(Engine.cachedDataVersionTag)) },
    Op("op_v8_set_flags") { _, call in Engine.setFlags(call.string(0)) },
    // () → allocations are recorded for heap snapshots from now on (--track-heap-objects)
    Op("op_v8_track_heap_objects") { rt, _ in rt.isolate.trackHeapObjects() },
    // () → the heap snapshot's JSON as bytes
    Op("op_v8_heap_snapshot") { rt, call in
      guard let json = rt.isolate.heapSnapshot() else { return call.throwing(call.scope.error("V8 could not take a heap snapshot")) }
      json.withUnsafeBytes { call.returns(bytes: $0) }
    },
    // (on) → garbage collections are recorded and reported to core.onGC after the loop's turn
    // that saw them ('gc' performance entries, v8.GCProfiler: JS/38-v8.js).
    Op("op_gc_track") { rt, call in rt.trackGC(call.bool(0)) },
    // () → the collections not taken yet, each as GCRecord.flatCount numbers (38-v8.js reads them).
    Op("op_gc_take") { rt, call in
      let records = rt.gcRecords + rt.isolate.takeGCRecords()
      rt.gcRecords = []
      records.flatMap(\.flat).withUnsafeBufferPointer { call.returns(float64: $0) }
    },
  ]
}

extension Runtime {
  func trackGC(_ on: Bool) {
    isolate.trackGC(on)
    if on && gcTracking == nil {
      loop.turnHooks.append { [unowned self] in
        guard gcTracking == true else { return }
        let fresh = isolate.takeGCRecords()
        guard !fresh.isEmpty else { return }
        gcRecords += fresh
        // core.onGC only queues entries for observers (an immediate delivers them), so it throws
        // nothing a program could catch.
        try? isolate.scope { s in
          try s.callCore(.onGC)
          try s.callCore(.afterMacrotask)
        }
      }
    }
    gcTracking = on
  }
}
