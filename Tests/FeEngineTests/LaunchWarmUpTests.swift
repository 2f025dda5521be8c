// The runtime's launch path reaches every snapshot compiled (Sources/FeRuntime/LaunchWarmUp.swift).
import FeBasics
import FeEngine
import Testing

@testable import FeRuntime

@Suite struct LaunchWarmUpTests {
  @Test func rehearsalSucceeds() {
    // A runtime change that breaks the rehearsed launch would silently slow every launch.
    #expect(Runtime.launchCodeCache != nil)
  }

  @Test func snapshotsCarryTheRehearsedBytecode() throws {
    let cold = Runtime(isolate: Isolate(forSnapshot: true), permissions: .all)
    try cold.isolate.bootstrap(source: Runtime.source, name: Runtime.sourceName, ops: Runtime.opNames)
    let coldBytes = try cold.snapshot().count
    let warmBytes = try Runtime.makeSnapshotBuilder().snapshot().count
    // V8 took the cache (a rejected one would leave both the same): the launch path's bytecode.
    #expect(warmBytes > coldBytes + 8_000, "warm \(warmBytes) vs cold \(coldBytes)")
  }

  @Test func aKeptCodeCacheIsUsedOnlyWhileItsChecksumHolds() throws {
    let dir = TempDir("code-cache")
    let path = dir.file("cache/launch.v8cache")
    Runtime.keepCodeCache([1, 2, 3, 4, 5], at: path)
    #expect(Runtime.readKeptCodeCache(path) == [1, 2, 3, 4, 5])
    var bytes = try #require(try FileSystem.read(path))
    bytes[10] ^= 0x01
    try FileSystem.writeAtomically(path, bytes)
    #expect(Runtime.readKeptCodeCache(path) == nil)
    try FileSystem.writeAtomically(path, [1, 2, 3])
    #expect(Runtime.readKeptCodeCache(path) == nil)
  }

  @Test func aCodeCacheV8RejectsIsIgnored() throws {
    // Garbage, or a cache from another source: V8 rejects it and compiles as without one.
    let probe = "[typeof process, typeof console.log, typeof setTimeout].join()"
    for cache: [UInt8] in [[1, 2, 3], Array(repeating: 0xAB, count: 4096), try #require(Runtime.launchCodeCache).dropLast(100)] {
      let rt = Runtime(isolate: Isolate(forSnapshot: true), permissions: .all)
      try rt.isolate.bootstrap(source: Runtime.source, name: Runtime.sourceName, ops: Runtime.opNames, codeCache: cache)
      #expect(try rt.runScript(probe, name: "r.js") == .string("object,function,function"))
    }
  }

  @Test func warmSnapshotsBootAndRun() throws {
    let rt = try bootRuntime()
    try rt.expose(["path"])
    #expect(try rt.runScript("path.join('a', 'b')", name: "p.js") == .string("a/b"))
  }
}
