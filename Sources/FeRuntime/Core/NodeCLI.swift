import FeBasics
import FeEngine

/// Unmodified Node CLIs ("cjs" blobs): the tool's CommonJS wrapper is compiled when its blob is
/// built and kept, uninvoked, in the snapshot; its top level runs at every launch with the real
/// argv, env and cwd, so nothing of the build machine's state reaches the tool.
extension Runtime {
  /// Build time: compiles `source` as Node's module wrapper and keeps the function on the core
  /// object (`core.toolWrapper`), where the snapshot finds it. Nothing of the tool runs.
  /// `eager` compiles every inner function now, so their bytecode is in the snapshot too.
  public func compileTool(_ source: String, path: String, eager: Bool) throws {
    try isolate.scope { s in
      let fn = try s.compileFunction(source, name: path, params: ModuleLoader.wrapperParams, eager: eager)
      _ = s.set(s.core, "toolWrapper", fn)
    }
  }

  /// Launch: runs the compiled wrapper as the main module `filename` (require.main === module,
  /// __filename, relative requires), then the event loop to the end. Returns the exit code after
  /// 'exit' handlers: process.exitCode, or 1 when the top level threw (printed as Node does).
  public func runCompiledTool(filename: String) throws -> Int32 {
    do {
      try isolate.scope { s in
        guard let fn = s.get(s.core, "toolWrapper"), s.type(fn) == .function else {
          throw JSError(message: "this blob holds no compiled tool; rebuild it with `fe blobs build`")
        }
        try s.callCore(.commonjs, [fn, s.string(filename)])
        try s.callCore(.afterMacrotask)
      }
    } catch let e as JSError {
      onUncaught(e)
      return try isolate.scope { s in
        Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [s.number(1)]))))
      }
    }
    try runLoop()
    // The code when the loop ran out (a signal listener or a late callback may have set it).
    return try isolate.scope { s in
      let code = try s.callCore(.exitCode)
      return Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [code]))))
    }
  }
}
