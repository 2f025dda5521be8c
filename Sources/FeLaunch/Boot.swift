import FeEngine
import FeRuntime

/// The one path from a snapshot to a tool's exit code, shared by a launch and `fe blobs run`:
/// boot a runtime, let the caller check what it must before anything runs (`booted`), set the
/// runtime up as the process (argv, env), run `main`, and print an exception that escaped the
/// runtime's own handlers as Node does, exit 1.
enum Boot {
  /// The last runtime, kept alive until the process exits. Not disposed: fe exits right after
  /// the tool, and the process's exit frees the isolate faster than V8 tears its heap down
  /// (~2% of a warm `fe hello`).
  nonisolated(unsafe) static var finished: Runtime?

  static func run(
    snapshot payload: UnsafeRawBufferPointer, owner: AnyObject, context: FeContext, entry: String, args: [String],
    booted: (Runtime) throws -> Void = { _ in }, main: (Runtime) throws -> Int32
  ) throws -> Int32 {
    let runtime = Runtime(snapshot: payload, owner: owner)
    try booted(runtime)
    defer { finished = runtime }
    runtime.onUncaught = { context.err(Uncaught.describe($0)) }
    do {
      try runtime.setup(argv: [context.executable, entry] + args, env: context.env, execPath: context.executable)
      try runtime.startInspectorAtLaunch()
      return try main(runtime)
    } catch let e as JSError {
      context.err(Uncaught.describe(e))
      return 1
    }
  }
}
