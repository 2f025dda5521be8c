import Dispatch
import FeBasics
import Synchronization
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct StoreLockTests {
  @Test func secondLockTimesOutWhileTheFirstIsHeld() throws {
    try withTempHome { layout throws in
      let first = try StoreLock(layout: layout)
      #expect(first.isHeld)
      let waits = Mutex(0)
      let error = feError { _ = try StoreLock(layout: layout, timeout: 0.05, onWait: { waits.withLock { $0 += 1 } }) }
      #expect(error?.kind == .io)
      #expect(error?.message.contains("another fe process") == true)
      #expect(waits.withLock { $0 } == 1)
      first.release()
      #expect(!first.isHeld)
      first.release()  // idempotent
      let third = try StoreLock(layout: layout, timeout: 0, onWait: { Issue.record("a free lock must not wait") })
      #expect(third.isHeld)
    }
  }

  @Test func deinitReleases() throws {
    try withTempHome { layout throws in
      do { _ = try StoreLock(layout: layout) }
      _ = try StoreLock(layout: layout, timeout: 0)
    }
  }

  @Test func waiterProceedsWhenTheHolderReleases() throws {
    try withTempHome { layout throws in
      let holder = try StoreLock(layout: layout)
      let waiting = DispatchSemaphore(value: 0)
      let done = DispatchSemaphore(value: 0)
      let acquired = Mutex(false)
      DispatchQueue.global().async {
        do {
          let lock = try StoreLock(layout: layout, onWait: { waiting.signal() })
          acquired.withLock { $0 = lock.isHeld }
        } catch {
          Issue.record("waiter failed: \(error)")
        }
        done.signal()
      }
      waiting.wait()  // the waiter found the lock busy and is about to block
      #expect(!acquired.withLock { $0 })
      holder.release()
      done.wait()
      #expect(acquired.withLock { $0 })
    }
  }

  @Test func takingTheLockCleansLeftoversOfCrashedInstalls() throws {
    try withTempHome { layout throws in
      try layout.ensure()
      let dead = try deadPid()
      let crashed = Path.join(layout.tmpDir, "\(dead)-crashed")
      try FileSystem.createDirectory(crashed)
      try writeFile(Path.join(crashed, "source.js"), Array("half".utf8))
      let ancient = Path.join(layout.tmpDir, "999999-ancient")
      try FileSystem.createDirectory(ancient)
      let live = Path.join(layout.tmpDir, "\(getpid())-live")
      try FileSystem.createDirectory(live)
      let liveButOld = Path.join(layout.tmpDir, "\(getpid())-old")
      try FileSystem.createDirectory(liveButOld)
      age(liveButOld, by: 2 * 3600)
      let unnamed = Path.join(layout.tmpDir, "download.part")
      try writeFile(unnamed, [1, 2, 3])

      let lock = try StoreLock(layout: layout)
      defer { lock.release() }
      #expect(!FileSystem.exists(crashed), "owner \(dead) is dead")
      if !Staging.isAlive(999_999) { #expect(!FileSystem.exists(ancient), "owner 999999 does not exist") }
      #expect(!FileSystem.exists(liveButOld), "older than an hour: its PID may have been reused")
      #expect(FileSystem.exists(live), "its owner (this process) is alive")
      #expect(FileSystem.exists(unnamed), "no owner in its name and recent")
    }
  }

  @Test func stagingNamesCarryTheOwner() throws {
    try withTempHome { layout throws in
      let dir = try Staging.create(in: layout)
      #expect(Path.dirname(dir) == layout.tmpDir)
      #expect(Staging.owner(ofEntry: Path.basename(dir)) == getpid())
      #expect(try Staging.create(in: layout) != dir)
      #expect(Staging.owner(ofEntry: "download.part") == nil)
      #expect(Staging.owner(ofEntry: "-12-x") == nil)
      #expect(Staging.isAlive(getpid()))
      #expect(!Staging.isAlive(try deadPid()))
    }
  }
}
