import FeBasics
@_exported import FeTestSupport
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh `$FE_HOME` named after the test, removed when the test ends.
func withTempHome<T>(_ name: String = #function, _ body: (StoreLayout) throws -> T) throws -> T {
  let dir = TempDir("store-" + name)
  // Undo chmods a test may have left so the tree can be removed.
  defer { chmod(Path.join(dir.path, "blobs"), 0o755) }
  return try body(StoreLayout(home: dir.path))
}

let testEngine = "v8-10.2.154-test-engine"

/// A blob's three parts, consistent with each other.
struct SampleBlob {
  var source: [UInt8]
  var payload: [UInt8]
  var snapshot: [UInt8]
  var manifest: Manifest

  init(
    tool: String = "tsc", version: String = "5.4.5", source: String = "console.log('hi')", engine: String = testEngine
  ) {
    self.source = Array(source.utf8)
    self.payload = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ source.utf8.count) }
    self.snapshot = try! BlobFile.encode(
      payload: payload, engineId: engine,
      identity: BlobFile.Identity(tool: tool, version: version, sourceSha256: SHA256.hex(Array(source.utf8))))
    self.manifest = Manifest(
      name: tool, version: version, kind: .cjs, source: self.source, snapshot: snapshot, engineId: engine,
      created: "2024-05-01T12:00:00Z", origin: "https://blobs.example.com")
  }
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
  try FileSystem.writeAtomically(path, bytes)
}

/// The FeError a throwing expression produced, or nil.
func feError(_ body: () throws -> Void) -> FeError? {
  do {
    try body()
    return nil
  } catch let error as FeError {
    return error
  } catch {
    Issue.record("expected an FeError, got \(error)")
    return nil
  }
}

/// The PID of a process that has exited and been reaped.
func deadPid() throws -> pid_t {
  let running = try Proc.start("/bin/true", [])
  let r = running.wait()
  guard r.exited(0) else { throw FixtureError("/bin/true: \(r)") }
  return running.pid
}

/// Sets a path's modification time `seconds` into the past.
func age(_ path: String, by seconds: Int) {
  let then = time(nil) - seconds
  var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
  _ = utimes(path, &times)
}
