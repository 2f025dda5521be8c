import CFeV8
import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Node-API addons (`.node` files): the shim implements Node-API over V8 (Shim/src/napi/) and
/// asks its runtime's loop for two things, given here per isolate: run a callback on the JS
/// thread, and keep the loop alive while work is in flight.
public enum Addons {
  /// What an isolate's event loop does for its addons.
  public struct Loop {
    /// Runs `body` on the loop thread as a macrotask of its own (inside a scope). With
    /// `keepAlive` it gives back one `ref(+1)` made before. Any thread.
    public let post: (_ keepAlive: Bool, _ body: @escaping () -> Void) -> Void
    /// +n keeps the loop alive, -n lets it go. Loop thread only.
    public let ref: (Int) -> Void
    public init(post: @escaping (Bool, @escaping () -> Void) -> Void, ref: @escaping (Int) -> Void) {
      self.post = post
      self.ref = ref
    }
  }

  public enum Outcome {
    case loaded
    /// The addon's initialisation threw: the exception is pending in the calling op.
    case threw
    /// One clear sentence for an Error with code ERR_DLOPEN_FAILED.
    case failed(String)
  }

  /// Node-API's version (Node 18.20.4's), as `process.versions.napi`.
  public static var version: Int { Int(fe_napi_version()) }

  private static let lock = Mutex()
  nonisolated(unsafe) private static var loops: [OpaquePointer: Loop] = [:]

  private static func loop(_ rt: OpaquePointer?) -> Loop? {
    guard let rt else { return nil }
    return lock.withLock { loops[rt] }
  }

  private static let installed: Void = {
    var host = fe_napi_host(
      post: { rt, fn, arg, keepAlive in
        guard let fn, let loop = Addons.loop(rt) else { return }
        let box = UnsafeSendable(arg)
        loop.post(keepAlive) { fn(box.value) }
      },
      ref: { rt, delta in Addons.loop(rt)?.ref(Int(delta)) })
    fe_napi_set_host(&host)
  }()

  /// Loads the addon at `path` into the isolate as `process.dlopen(module, path, flags)`.
  public static func load(
    _ scope: Scope, path: String, module: Local, exports: Local, hooks: Local, flags: Int32, loop: Loop
  ) -> Outcome {
    _ = installed
    lock.withLock { if loops[scope.rt] == nil { loops[scope.rt] = loop } }
    var message: UnsafeMutablePointer<CChar>?
    let status = fe_napi_load(scope.rt, path, module.raw, exports.raw, hooks.raw, flags, &message)
    defer { free(message) }
    switch status {
    case FE_NAPI_OK: return .loaded
    case FE_NAPI_EXCEPTION: return .threw
    default: return .failed(message.map { String(cString: $0) } ?? "\(path): the addon could not be loaded")
    }
  }

  /// Node's environment teardown for the isolate's addons: their cleanup hooks, finalizers and
  /// instance data, after the program's 'exit' handlers. Nothing when none was loaded.
  public static func teardown(_ isolate: Isolate) {
    let rt = isolate.rt
    guard lock.withLock({ loops[rt] != nil }) else { return }
    fe_napi_teardown(rt)
    _ = lock.withLock { loops.removeValue(forKey: rt) }
  }
}

/// A raw pointer handed across threads by the shim, which owns what it points at.
private struct UnsafeSendable: @unchecked Sendable {
  let value: UnsafeMutableRawPointer?
  init(_ value: UnsafeMutableRawPointer?) { self.value = value }
}
