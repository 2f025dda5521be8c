import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// One `new Worker(...)`: a thread of its own with its own isolate, runtime and event loop,
/// booted the way the parent was (from the same snapshot when there is one).
///
/// The isolate is created, run and disposed on the worker's thread (V8 takes its stack limit
/// from the creating thread; no `Locker` is needed). The parent talks to it only through ports
/// (PortRegistry), `terminate()` and the events this posts to the parent's loop.
final class WorkerThread: @unchecked Sendable {
  struct Config {
    var filename: String  // an absolute path, or the code itself for `eval: true`
    var isEval: Bool
    var argv: [String]
    var execArgv: [String]
    var env: [String: String]
    var execPath: String
    var name: String
    /// The worker's end of the channel that becomes its `parentPort`.
    var port: Int
    var workerData: SerializedMessage?
    /// Ports transferred with workerData (its transferList).
    var dataPorts: [Int] = []
    var environmentData: SerializedMessage?
    /// resourceLimits, in MB (0: V8's default); the stack is Node's 4 MB by default.
    var maxOldGenerationMb: Double = 0
    var maxYoungGenerationMb: Double = 0
    var codeRangeMb: Double = 0
    var stackMb: Double = 4
    var permissions: Permissions
    var snapshot: (payload: UnsafeRawBufferPointer, owner: AnyObject)?
  }

  /// Node's `threadId`: the main thread is 0, workers count from 1 in the process.
  private static let ids = Mutex()
  nonisolated(unsafe) private static var lastID = 0

  let threadId: Int
  private let config: Config
  private weak var parent: Messaging?
  private let parentLoop: EventLoop
  private let lock = Mutex()
  private var runtime: Runtime?
  private var refed = true
  private var finished = false
  private var terminating = false

  init(config: Config, parent: Messaging) {
    threadId = WorkerThread.ids.withLock {
      WorkerThread.lastID += 1
      return WorkerThread.lastID
    }
    self.config = config
    self.parent = parent
    self.parentLoop = parent.loop
  }

  /// Starts the thread; the parent's loop stays alive until it ends (unless unref'd).
  func start() -> Bool {
    parentLoop.retain()
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    // The stack V8 may use plus room for fe's own frames below it.
    pthread_attr_setstacksize(&attr, stackBytes + 512 * 1024)
    var thread = pthread_t()
    let me = Unmanaged.passRetained(self).toOpaque()
    let rc = pthread_create(
      &thread, &attr,
      { raw in
        guard let raw else { return nil }
        Unmanaged<WorkerThread>.fromOpaque(raw).takeRetainedValue().main()
        return nil
      }, me)
    if rc != 0 {
      Unmanaged<WorkerThread>.fromOpaque(me).release()
      parentLoop.release()
      return false
    }
    pthread_detach(thread)
    return true
  }

  private var stackBytes: Int { max(Int(config.stackMb * 1_048_576), 256 * 1024) }

  /// worker.ref()/unref(): whether the worker keeps the parent's loop alive.
  func setRefed(_ on: Bool) {
    lock.withLock {
      guard !finished, on != refed else { return }
      refed = on
      if on { parentLoop.retain() } else { parentLoop.release() }
    }
  }

  /// worker.terminate(): stops its JavaScript (even inside Atomics.wait) and wakes its loop.
  func terminate() {
    lock.withLock {
      terminating = true
      runtime?.terminate()
    }
  }

  private static let mb = 1_048_576.0

  private func main() {
    var marker: UInt8 = 0
    let top = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    var limits = Isolate.Limits(heapBytes: 0, externalBytes: 0)
    // Node's kStackBufferSize: V8 stops 192 KB short of the thread's stack.
    limits.stackLimit = top - UInt(stackBytes - 192 * 1024)
    limits.oldGenerationBytes = Int(config.maxOldGenerationMb * WorkerThread.mb)
    limits.youngGenerationBytes = Int(config.maxYoungGenerationMb * WorkerThread.mb)
    limits.codeRangeBytes = Int(config.codeRangeMb * WorkerThread.mb)
    limits.stopAtHeapLimit = true

    var exitCode: Int32 = 0
    var error: SerializedMessage?
    var outOfMemory = false
    do {
      let runtime: Runtime
      if let image = config.snapshot {
        runtime = Runtime(snapshot: image.payload, owner: image.owner, permissions: config.permissions, limits: limits)
      } else {
        runtime = Runtime(isolate: Isolate(limits: limits), permissions: config.permissions, limits: limits)
        try runtime.bootstrap()
      }
      exitCode = run(runtime, error: &error)
      outOfMemory = runtime.isolate.limitReached == .heap
      runtime.messaging.shutdown()
      lock.withLock { self.runtime = nil }
    } catch {
      exitCode = 1
    }
    // The runtime is gone (disposed on this thread): tell the parent.
    lock.withLock {
      finished = true
      let parent = self.parent
      let id = threadId
      parentLoop.post(releasing: refed) { [error] scope in
        try parent?.workerExited(id, code: exitCode, error: error, outOfMemory: outOfMemory, scope)
      }
    }
  }

  /// Runs the worker's program to its end and returns its exit code.
  private func run(_ runtime: Runtime, error: inout SerializedMessage?) -> Int32 {
    var code: Int32?
    runtime.onExit = { code = $0 }
    var uncaught: SerializedMessage?
    runtime.onUncaught = { [unowned runtime] _ in uncaught = WorkerThread.serializeThrown(runtime) }
    let stop = lock.withLock { () -> Bool in
      self.runtime = runtime
      return terminating
    }
    if stop { return 1 }
    for port in [config.port] + config.dataPorts { PortRegistry.shared.attach(port, to: runtime.messaging) }
    let parent = self.parent
    let id = threadId
    parentLoop.post(releasing: false) { scope in try parent?.emit(.workerOnline, Double(id), scope.undefined, scope.undefined, scope) }
    var result: Int32
    do {
      try runtime.setup(
        argv: [config.execPath] + (config.isEval ? [] : [config.filename]) + config.argv, env: config.env,
        execPath: config.execPath, isWorker: true)
      try runtime.isolate.scope { s in
        let m = runtime.messaging
        let data = config.workerData.map { m.keep($0) }
        let envData = config.environmentData.map { m.keep($0) }
        let info = s.make(
          .object([
            ("threadId", .number(Double(threadId))), ("port", .number(Double(config.port))),
            ("workerData", data.map { .number(Double($0)) } ?? .undefined),
            ("dataPorts", .array(config.dataPorts.map { .number(Double($0)) })),
            ("environmentData", envData.map { .number(Double($0)) } ?? .undefined),
            ("name", .string(config.name)), ("filename", .string(config.filename)), ("isEval", .bool(config.isEval)),
            ("execArgv", .array(config.execArgv.map(JSValue.string))),
            (
              "resourceLimits",
              .array([config.maxYoungGenerationMb, config.maxOldGenerationMb, config.codeRangeMb, config.stackMb].map(JSValue.number))
            ),
          ]))
        try s.callCore(.workerMain, [info])
        try s.callCore(.afterMacrotask)
      }
      if config.isEval {
        result = try runtime.finishMain()
      } else {
        result = try runtime.runMainModule(path: config.filename, args: config.argv)
      }
    } catch is JSTerminated {
      result = 1
    } catch let e as JSError {
      runtime.onUncaught(e)
      result = 1
    } catch {
      result = 1
    }
    if let code { result = code }
    error = uncaught
    return result
  }

  /// The value of the exception that just escaped, as a message for the parent's 'error' event.
  static func serializeThrown(_ runtime: Runtime) -> SerializedMessage? {
    try? runtime.isolate.scope { s -> SerializedMessage? in
      guard let e = runtime.isolate.takeLastThrown(s) else { return nil }
      let ser = try s.callCore(.workerError, [e])
      return s.isSerializer(ser) ? s.releaseMessage(ser) : nil
    }
  }
}

extension Messaging {
  /// A worker's thread ended: after its last messages, 'error' (if any) and 'exit' in JS.
  func workerExited(_ id: Int, code: Int32, error: SerializedMessage?, outOfMemory: Bool, _ scope: Scope) throws {
    workers[id] = nil
    let err: Local = outOfMemory ? scope.number(-1) : error.map { scope.number(Double(keep($0))) } ?? scope.undefined
    try emit(.workerExit, Double(id), scope.number(Double(code)), err, scope)
  }
}
