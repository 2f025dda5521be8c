import FeBasics
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct SeenLocksTests {
  let t0: time_t = 1_700_000_000  // 2023-11-14T22:13:20Z

  @Test func timestampsParseBack() {
    #expect(SeenLocks.parseTimestamp(Manifest.timestamp(t0)) == t0)
    #expect(SeenLocks.parseTimestamp("2023-11-14T22:13:20Z") == t0)
    for bad in ["", "2023-11-14", "2023-13-14T22:13:20Z", "2023-11-14T22:13:20", "2023-11-14 22:13:20Z", "abcd-11-14T22:13:20Z"] {
      #expect(SeenLocks.parseTimestamp(bad) == nil, "\(bad)")
    }
  }

  @Test func recordWritesTheDocumentedShapeUnderTheStore() throws {
    try withTempHome { layout throws in
      #expect(try SeenLocks.read(layout) == SeenLocks())
      try SeenLocks.record("/p/a/fe.lock", in: layout, now: t0)
      try SeenLocks.record("/p/b/fe.lock", in: layout, now: t0 + 10)
      let text = try FileSystem.readString(layout.seenLocksPath) ?? ""
      #expect(
        text == """
          {
            "locks" : {
              "/p/a/fe.lock" : "2023-11-14T22:13:20Z",
              "/p/b/fe.lock" : "2023-11-14T22:13:30Z"
            },
            "version" : 1
          }

          """)
      let record = try SeenLocks.read(layout)
      #expect(record.lastSeen("/p/a/fe.lock") == t0)
      #expect(record.seen(since: t0 + 5) == ["/p/b/fe.lock"])
      #expect(record.seen(since: 0) == ["/p/a/fe.lock", "/p/b/fe.lock"])
      // No staging or temp files are left beside it.
      #expect(FileSystem.listDirectory(layout.home).filter { $0.contains(".tmp-") }.isEmpty)
    }
  }

  @Test func launchesWriteAtMostOnceADayPerLock() throws {
    try withTempHome { layout throws in
      #expect(SeenLocks.recordIfDue("/p/fe.lock", in: layout, now: t0))
      #expect(!SeenLocks.recordIfDue("/p/fe.lock", in: layout, now: t0 + 60))
      #expect(!SeenLocks.recordIfDue("/p/fe.lock", in: layout, now: t0 + SeenLocks.launchRefreshInterval - 1))
      #expect(try SeenLocks.read(layout).lastSeen("/p/fe.lock") == t0)
      #expect(SeenLocks.recordIfDue("/p/fe.lock", in: layout, now: t0 + SeenLocks.launchRefreshInterval + 1))
      #expect(try SeenLocks.read(layout).lastSeen("/p/fe.lock") == t0 + SeenLocks.launchRefreshInterval + 1)
      // Another lock is recorded independently.
      #expect(SeenLocks.recordIfDue("/q/fe.lock", in: layout, now: t0 + 5))
    }
  }

  @Test func launchesNeverWaitForABusyStore() throws {
    try withTempHome { layout throws in
      try layout.ensure()
      let held = try StoreLock(layout: layout)
      defer { held.release() }
      #expect(!SeenLocks.recordIfDue("/p/fe.lock", in: layout, now: t0))
      #expect(!FileSystem.exists(layout.seenLocksPath))
    }
  }

  @Test func aMalformedRecordIsReportedOnReadAndReplacedOnUpdate() throws {
    try withTempHome { layout throws in
      try layout.ensure()
      try writeFile(layout.seenLocksPath, Array("{\"version\": 1, \"locks\": [] }".utf8))
      let error = feError { _ = try SeenLocks.read(layout) }
      #expect(error?.kind == .io)
      #expect(error?.message.contains(layout.seenLocksPath) == true)
      #expect(error?.hint?.contains("delete it") == true)
      try SeenLocks.record("/p/fe.lock", in: layout, now: t0)
      #expect(try SeenLocks.read(layout).locks == ["/p/fe.lock": "2023-11-14T22:13:20Z"])
    }
  }

  @Test func updateLetsPruneForgetLocks() throws {
    try withTempHome { layout throws in
      try SeenLocks.record("/gone/fe.lock", in: layout, now: t0)
      try SeenLocks.record("/kept/fe.lock", in: layout, now: t0)
      try SeenLocks.update(in: layout) { $0.locks["/gone/fe.lock"] = nil }
      #expect(Array(try SeenLocks.read(layout).locks.keys) == ["/kept/fe.lock"])
    }
  }
}
