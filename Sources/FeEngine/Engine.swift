import CFeV8
import CXXHash

/// Process-wide V8 state: flags, platform and the host callbacks, set up exactly once.
///
/// V8 cannot be re-initialised after disposal and its flags must be set before any isolate
/// exists, so everything that boots an isolate goes through `Engine.initialize()` first.
public enum Engine {
  /// Flags every isolate runs with; part of the engine id because snapshots depend on them.
  /// fe verifies each snapshot's sha256 itself before handing it to V8, so V8's own checksum
  /// pass (which would abort the process on mismatch) is redundant work on every launch.
  /// `--no-write-protect-code-memory` is V8 11's default (Node 20's too): flipping JIT pages
  /// between writable and executable cost ~1,400 mprotect calls (and TLB shootdowns) in a
  /// small `tsc -p .`, ~5% of it. (A launch's young generation starts at its largest: per
  /// isolate, in the shim's fe_rt_new.) `--no-regexp-peephole-optimization`: a
  /// regexp's first run is interpreted from bytecode, and from its second it runs as machine
  /// code (V8's tier-up), so polishing that bytecode is wasted on all but the first match; for
  /// large patterns it is most of their compile time (uri-js, loaded by eslint and ajv: 12 → 6 ms).
  public static let flags =
    "--no-verify-snapshot-checksum --harmony-import-assertions --no-write-protect-code-memory --no-regexp-peephole-optimization"

  /// Bumped whenever the shim changes what a snapshot holds (its contexts, its data slots):
  /// part of the engine id, so snapshots from an older fe are rebuilt, never misread.
  public static let snapshotLayout = "fe-snapshot-4"

  /// Flags of this launch only, set before the first isolate (Node's V8 options on a `node`
  /// command line, NodeOptions.swift). Not part of the engine id: they change no snapshot.
  nonisolated(unsafe) public static var extraFlags: [String] = []

  /// V8's background threads (GC and compile tasks), set before the first isolate. One is
  /// enough for a CLI and starts faster; 0 is one per processor but one (Node's --v8-pool-size).
  nonisolated(unsafe) public static var workerThreads = 1

  private static let once: Void = {
    var callbacks = fe_host_callbacks(
      op: { host, op, call in Isolate.from(host).dispatchOp(op, call) },
      resolve_module: { host, _, specifier, referrer in Isolate.from(host).resolveModule(specifier, referrer) },
      import_meta: { host, _, module, meta in Isolate.from(host).initializeImportMeta(module, meta) },
      dynamic_import: { host, _, specifier, referrer, hostID, assertions in
        Isolate.from(host).dynamicImport(specifier, referrer, vmHost: Int(hostID), assertions: assertions)
      }
    )
    fe_v8_init(([flags] + extraFlags).joined(separator: " "), Int32(workerThreads), &callbacks)
  }()

  public static func initialize() { once }

  /// Called when V8 stops the process (a fatal error, or memory exhausted beyond an isolate's
  /// limits), so the host words the message and picks the exit code. Must not return; without
  /// one the shim prints V8's words and exits 70.
  nonisolated(unsafe) public static var onFatal: ((_ outOfMemory: Bool, _ location: String, _ message: String) -> Void)? {
    didSet {
      fe_set_fatal_handler(
        onFatal == nil
          ? nil
          : { oom, location, message in
            Engine.onFatal?(oom, location.map { String(cString: $0) } ?? "", message.map { String(cString: $0) } ?? "")
          })
    }
  }

  /// V8's version string, e.g. `10.2.154.26-node.37`.
  public static var version: String { String(cString: fe_v8_version()) }

  /// The GNU build id of the libnode this process loaded: a Debian security update to libnode
  /// changes it, and with it every engine id, so stale snapshots are rebuilt rather than booted.
  public static var buildID: String { String(cString: fe_v8_build_id()) }

  /// Whether a snapshot image holds together, its V8 data matches the checksum it carries and
  /// V8's version check accepts that data: everything V8 would abort on. Never aborts.
  public static func isValidSnapshot(_ image: UnsafeRawBufferPointer) -> Bool {
    guard let parts = SnapshotImage.parse(image), fe_xxh3_64(parts.v8.baseAddress, parts.v8.count) == parts.v8Checksum
    else { return false }
    return fe_snapshot_is_valid(parts.v8.baseAddress, parts.v8.count)
  }
}
